"""« Votre collectivité »: time from a key press to the suggestions drawn, in Chromium.

Builds the default site into a temporary folder, serves it, opens /diagnostic/ and types
names and postcodes key by key in the field. The page itself measures each key press: from
the ``keydown`` event to the moment the suggestions list has been redrawn (a
MutationObserver), plus the next frame's paint. The first key press also pays for loading
and reading the official list (territory-list.js): it is shown apart. Target: 50 ms.

Usage: ``.venv/bin/python bench/collectivite.py`` (a measurement, not a test).
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
import tempfile
from pathlib import Path

from vmi.testing import ROOT, copy_project, run_build, serve

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
# Names typed as people type them (no accents, no hyphens), shared names, postcodes.
TYPED = ["saint die des vosges", "bethune", "cahors", "lorient agglomeration", "saint gregoire",
         "chateauroux", "nevers", "metropole", "communaute de communes du pays", "88100", "46000",
         "l hay les roses", "aix en provence", "st quentin", "bourg en bresse"]

PROBE = """() => {
  const field = document.querySelector('input[data-collectivite-recherche]');
  const list = document.getElementById('vmi-coll-suggestions');
  window.vmiTimes = [];
  let start = null;
  field.addEventListener('keydown', () => { start = performance.now(); }, true);
  new MutationObserver(() => {
    if (start === null) return;
    const began = start; start = null;
    requestAnimationFrame(() => setTimeout(() => window.vmiTimes.push(performance.now() - began), 0));
  }).observe(list, { childList: true });
}"""


def weights(site: Path, url: str, loaded: list[str]) -> tuple[int, int, list[str]]:
    """gzip sizes of what a first visit loaded: everything, and our own CSS and JS (our
    scripts and stylesheets, and the page's inline styles)."""
    total = own = 0
    files = []
    for address in loaded:
        path = site / address.removeprefix(url).split("#")[0].split("?")[0]
        path = path / "index.html" if path.is_dir() else path
        if not path.is_file():
            continue
        body = path.read_bytes()
        total += len(gzip.compress(body, 9))
        files.append(path.name)
        if path.suffix == ".html":
            styles = b"".join(re.findall(rb"<style[^>]*>(.*?)</style>", body, re.S))
            own += len(gzip.compress(styles, 9)) if styles else 0
        elif path.suffix in (".js", ".css") and ".min." not in path.name:
            own += len(gzip.compress(body, 9))
    return total, own, files


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "projet")
        result = run_build(project, Path(folder) / "site")
        if result.returncode:
            print(result.stderr, file=sys.stderr)
            return 1
        url, server = serve(Path(folder) / "site")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 412, "height": 823})
                loaded: list[str] = []
                page.on("requestfinished", lambda request: loaded.append(request.url))
                page.goto(url + "diagnostic/")
                page.wait_for_selector("#vmi-diag[data-vmi-init]", state="attached")
                page.wait_for_timeout(500)
                first_visit = weights(Path(folder) / "site", url, loaded)
                page.evaluate(PROBE)
                field = page.locator("input[data-collectivite-recherche]")
                field.click()
                first: float | None = None
                times: list[float] = []
                for typed in TYPED:
                    field.fill("")
                    page.evaluate("window.vmiTimes = []")
                    for key in typed:
                        field.press(key if key != " " else "Space")
                    page.wait_for_timeout(100)
                    measured = page.evaluate("window.vmiTimes")
                    if first is None and measured:
                        first, measured = measured[0], measured[1:]
                    times += measured
                browser.close()
        finally:
            server.shutdown()
    total, own, files = first_visit
    print(f"/diagnostic/, première visite : {total / 1000:.1f} Ko compressés (gzip), dont nos CSS et JS "
          f"{own / 1000:.1f} Ko ; liste des collectivités chargée : "
          f"{'oui' if any('territory' in f for f in files) else 'non'} (objectifs : 110 et 15 Ko).")
    size = gzip.compress((ROOT / "overrides/assets/javascripts/territory-list.js").read_bytes(), 9)
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(f"Liste des collectivités : {len(size) / 1000:.1f} Ko compressée (gzip).")
    print(f"Première touche (chargement et lecture de la liste compris) : {first:.1f} ms.")
    print(f"Touches suivantes ({len(times)}) : médiane {statistics.median(times):.1f} ms, "
          f"95e centile {p95:.1f} ms, maximum {max(times):.1f} ms (objectif : 50 ms).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
