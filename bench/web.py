"""Web benchmark: Lighthouse scores and first-visit weight, served compressed.

Builds the site, serves it gzip-compressed on 127.0.0.1 (as any real host would), then
for the home page, a case study, the diagnostic, the obligations, a thematic sheet and a talk:

- runs Lighthouse 12.2.3 (mobile) in Debian's Chromium, several times (``--runs``, 5 by
  default): the median of the four category scores, their range when runs differ, and
  the bytes transferred;
- records a first visit with Playwright (empty cache, 412×823) and adds up the gzipped
  size of every resource loaded, separating our own CSS/JS from the theme's.

Prints a Markdown table and writes it to ``bench/resultats-web.md``. Lighthouse is
installed on first use into ``.cache/lighthouse`` (not a test dependency).
``--material-palette`` measures the first five pages (the budget pages) of a copy of the
project that uses Material's own colour switch instead of ours (``partials/palette.html``
and ``theme/palette.js`` removed) and writes ``bench/resultats-web-palette-material.md``:
our switch is kept only while it is worth its upkeep (see the README, « Performances »).
Usage: ``python bench/web.py [--runs N] [--skip-lighthouse] [--material-palette]``
(``make bench-web``).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PAGES = {"Accueil": "", "Démarches": "cas/", "Démarche (Béthune)": "cas/bethune/",
         "Auto-diagnostic": "diagnostic/",
         "Synthèse d’équipe": "diagnostic/equipe/", "Obligations": "obligations/",
         "Fiche thématique (cybersécurité)": "themes/cybersecurite/",
         "Parcours (forum de 45 minutes)": "parcours/forum-45-minutes/"}
# First-visit budgets in KB (gzipped), from the « budgets » issue.
BUDGETS = {"": 90, "diagnostic/": 110}
OWN_BUDGET = 15
THEME_ASSETS = ("bundle.", "workers/", "lunr/", "stylesheets/main.", "stylesheets/palette.", "favicon")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (level 6, like nginx),
    over kept-alive HTTP/1.1 connections."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # noqa: D102 - same contract as the parent
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in COMPRESSIBLE
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache" if path.suffix == ".html"
                         else "public, max-age=31536000")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def build(site: Path, project: Path = ROOT) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=project, env=env, check=True)


def with_material_palette(work: Path) -> Path:
    """A copy of the project whose colour switch is Material's own component."""
    from vmi.testing import copy_project

    project = copy_project(work / "projet-palette-material")
    (project / "overrides" / "partials" / "palette.html").unlink()
    main = project / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    script = re.search(r"\n[^\n]*assets/javascripts/theme/palette\.js[^\n]*", text)
    assert script, "overrides/main.html ne charge plus theme/palette.js"
    main.write_text(text.replace(script.group(0), ""), encoding="utf-8")
    return project


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        print("Installation de Lighthouse 12.2.3 dans .cache/lighthouse…", file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit",
                        "--no-fund", "--loglevel=error", "lighthouse@12.2.3"], check=True)


def lighthouse(url: str, work: Path, runs: int) -> dict:
    """Median and range of the four category scores (0-100) over ``runs`` runs, the audits
    that scored under 1 in any run, and the bytes transferred; mobile settings."""
    results = [lighthouse_once(url, work) for _ in range(runs)]
    lowest: dict[str, float] = {}
    for result in results:
        for audit, score in result["failed"].items():
            lowest[audit] = min(score, lowest.get(audit, 1))
    summary = {"bytes": results[-1]["bytes"],
               "failed": [f"{audit} ({score})" for audit, score in sorted(lowest.items())]}
    for key in ("performance", "accessibility", "best-practices", "seo"):
        values = sorted(r[key] for r in results)
        median = values[len(values) // 2]
        summary[key] = (f"{median}" if values[0] == values[-1]
                        else f"{median} ({values[0]}–{values[-1]})")
    return summary


def lighthouse_once(url: str, work: Path) -> dict:
    """Scores (0-100) of the four categories and bytes transferred, mobile settings."""
    report = work / "lighthouse.json"
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(["node", str(LIGHTHOUSE), url, "--quiet", "--output=json",
                    f"--output-path={report}", "--form-factor=mobile",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   env=env, check=True, capture_output=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: round(100 * cat["score"]) for key, cat in data["categories"].items()}
    failed = {a["id"]: a["score"] for a in data["audits"].values()
              if a.get("score") is not None and a["score"] < 1
              and a.get("scoreDisplayMode") in ("binary", "numeric")}
    return {**scores, "bytes": data["audits"]["total-byte-weight"]["numericValue"],
            "failed": failed}


def first_visit(url: str) -> tuple[list[tuple[str, int]], int]:
    """Every resource of a first visit and its gzipped size, recorded in Chromium, and the
    gzipped size of the page's inline stylesheets (ours, inside the HTML's own bytes)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 412, "height": 823},
                                      device_scale_factor=2.6, is_mobile=True, has_touch=True)
        page = context.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        sizes = []
        for response in responses:
            try:
                body = response.body()
            except Exception:  # redirects and the like have no body
                continue
            sizes.append((response.url, len(gzip.compress(body, 6))))
        inline = page.evaluate("[...document.querySelectorAll('style')]"
                               ".map(s => s.textContent).join('')")
        browser.close()
    return sizes, len(gzip.compress(inline.encode(), 6))


def is_own(url: str) -> bool:
    return ("/assets/javascripts/" in url or "/assets/stylesheets/" in url) and \
        not any(part in url for part in THEME_ASSETS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page")
    parser.add_argument("--skip-lighthouse", action="store_true", help="weights only")
    parser.add_argument("--material-palette", action="store_true",
                        help="the budget pages with Material's colour switch instead of ours")
    args = parser.parse_args()
    if not args.skip_lighthouse:
        ensure_lighthouse()
    work = Path(tempfile.mkdtemp(prefix="vmi-web-"))
    pages = list(PAGES.items())[:5] if args.material_palette else list(PAGES.items())
    output = "resultats-web-palette-material.md" if args.material_palette else "resultats-web.md"
    try:
        build(work / "site", with_material_palette(work) if args.material_palette else ROOT)
        base, server = serve(work / "site")
        rows, details, verdicts = [], [], []
        for label, path in pages:
            resources, inline = first_visit(base + path)
            total = sum(size for _, size in resources) / 1024
            own = (sum(size for url, size in resources if is_own(url)) + inline) / 1024
            scores = {} if args.skip_lighthouse else lighthouse(base + path, work, args.runs)
            cells = [scores.get(k, "–") for k in
                     ("performance", "accessibility", "best-practices", "seo")]
            lh_kb = f"{scores['bytes'] / 1024:.1f}" if scores else "–"
            rows.append(f"| {label} (`/{path}`) | {' | '.join(map(str, cells))} | {lh_kb} "
                        f"| {total:.1f} | {own:.1f} | {len(resources)} |")
            budget = BUDGETS.get(path)
            if budget:
                verdicts.append(f"{label} : {total:.1f} Ko pour {budget} Ko "
                                f"{'✔' if total <= budget else '✘ DÉPASSÉ'}")
            verdicts.append(f"{label}, nos CSS et JS : {own:.1f} Ko pour {OWN_BUDGET} Ko "
                            f"{'✔' if own <= OWN_BUDGET else '✘ DÉPASSÉ'}")
            if scores.get("failed"):
                verdicts.append(f"{label}, audits Lighthouse sous 1 : {', '.join(scores['failed'])}")
            details.append(f"\n<details><summary>{label} : ressources (Ko gzip)</summary>\n")
            details += [f"- {url.removeprefix(base) or '/'} : {size / 1024:.1f}"
                        for url, size in sorted(resources, key=lambda r: -r[1])]
            details.append("\n</details>")
        server.shutdown()
        searched = any("search_index" in line for line in details)
        runs = "" if args.skip_lighthouse else f", {args.runs} passages par page"
        variant = " ; sélecteur de couleurs de Material" if args.material_palette else ""
        table = "\n".join([
            f"# Mesures web (Lighthouse mobile, site servi compressé{runs}{variant})", "",
            "Scores : médiane, et entre parenthèses le plus bas et le plus haut quand les "
            "passages diffèrent.", "",
            "| Page | Performance | Accessibilité | Bonnes pratiques | SEO "
            "| Transféré selon Lighthouse (Ko) | Première visite, gzip (Ko) | dont nos CSS/JS (Ko) "
            "| Requêtes |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|", *rows, "",
            *[f"- {v}" for v in verdicts],
            f"- Index de recherche chargé à la première visite : {'oui' if searched else 'non'}",
            *details, ""])
        print(table)
        (ROOT / "bench" / output).write_text(table, encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
