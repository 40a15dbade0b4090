"""Projection bench: how many slides a page takes, and how full they are, per screen size.

Builds the default site (or reads ``--site``), serves it on 127.0.0.1, projects a few
pages in Debian's Chromium at the five sizes of the projection tests (and a phone) and
prints, per page and size: the slide count, the smallest fill of a slide that does not end
its section (how far down the screen its content reaches) and how many such
slides are under half full. The team synthesis is projected with three respondents.
Usage: ``python bench/slides.py [--site DIR] [--pages cas/bethune/ ...]``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from vmi.testing import copy_project, run_build, serve
from vmi.testing.diagnostic import identity, team_exports

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SIZES = [(1024, 768), (1280, 720), (1280, 800), (1366, 768), (1920, 1080), (412, 823)]
PAGES = ["cas/bethune/", "diagnostic/equipe/", "a-propos/", ""]

# One slide: its section and how far down the screen its content reaches.
SHOT = """() => {
  const slide = VMI.projection.slides()[VMI.projection.current()];
  const article = document.querySelector('article');
  let bottom = 0;
  for (const el of article.querySelectorAll('*')) {
    if (el.closest('.vmi-forum, .vmi-titre-cache') || !el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.height > 0) bottom = Math.max(bottom, r.bottom);
  }
  return {id: slide.id, fill: bottom / innerHeight};
}"""


def section_of(slide_id: str) -> str:
    """`x--suite-2` continues section `x`; `suite-2` the page's opening."""
    return re.sub(r"(^|--)suite-\d+$", "", slide_id)


def measure(page, url: str, path: str, exports: list | None) -> tuple[int, float, int]:
    page.goto(url + path)
    page.evaluate("sessionStorage.clear()")
    page.reload()
    if path == "diagnostic/equipe/" and exports:
        page.wait_for_selector("#vmi-syn[data-vmi-init]", state="attached")
        page.set_input_files("input[type=file][data-synthese-import]", exports)
        page.wait_for_selector('#vmi-syn:not([data-repondants="0"])')
    page.keyboard.press("p")
    page.wait_for_function("() => document.documentElement.dataset.mode === 'projection'")
    count = page.evaluate("VMI.projection.slides().length")
    shots = []
    for i in range(count):
        shots.append(page.evaluate(SHOT))
        if i < count - 1:
            page.evaluate("VMI.projection.next()")
    inner = [s["fill"] for s, after in zip(shots, shots[1:])
             if section_of(s["id"]) == section_of(after["id"])]
    page.keyboard.press("Escape")
    return count, min(inner, default=1.0), sum(f < 0.5 for f in inner)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--pages", nargs="*", default=PAGES)
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = options.site
        if site is None:
            site = Path(tmp) / "site"
            result = run_build(copy_project(Path(tmp) / "projet"), site)
            if result.returncode:
                sys.exit(result.stderr)
        url, server = serve(site)
        exports = team_exports(identity(site))
        print("| page | taille | diapositives | remplissage minimal (hors fin de section) | sous la moitié |")
        print("|---|---|---|---|---|")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for path in options.pages:
                for width, height in SIZES:
                    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
                    count, fill, under = measure(context.new_page(), url, path, exports)
                    context.close()
                    print(f"| /{path} | {width}×{height} | {count} | {fill:.0%} | {under} |", flush=True)
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
