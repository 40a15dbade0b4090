"""Nothing stands between the HTML, one theme stylesheet and the first paint.

Every script is deferred (the theme's bundle too), our own stylesheets are inlined, and
the classes Material's bundle sets on <html> are set in the head already. These tests
read the built pages, then check in Chromium that the theme still starts: tooltips and
search work once the deferred scripts have run (the colour switch: test_palette.py).
"""

from __future__ import annotations

import re
from pathlib import Path

PAGES = ["index.html", "cas/bethune/index.html", "diagnostic/index.html",
         "bibliotheque/index.html", "glossaire/index.html"]


def html(site_dir: Path, page: str) -> str:
    return (site_dir / page).read_text(encoding="utf-8")


def test_no_script_blocks_parsing(site_dir):
    for page in PAGES:
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html(site_dir, page))
        assert scripts, page
        assert [s for s in scripts if " defer" not in s and " async" not in s] == [], page


def test_only_the_themes_stylesheets_are_linked(site_dir):
    for page in PAGES:
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html(site_dir, page))
        assert [Path(link).name.split(".")[0] for link in links] == ["main", "palette"], page
    assert not (site_dir / "assets/stylesheets/vmi.css").exists()
    assert ".vmi-diag__choix" in html(site_dir, "diagnostic/index.html").split("</head>")[0]


def test_html_classes_are_set_before_the_body(site_dir):
    head = html(site_dir, "index.html").split("<body", 1)[0]
    assert 'classList.replace("no-js","js")' in head


def test_theme_still_starts_with_deferred_scripts(page, site_url):
    page.goto(site_url + "cas/bethune/")
    assert page.evaluate("document.documentElement.className") == "js js-focus-visible"
    term = page.locator("article abbr").first
    term.focus()
    page.locator(".md-tooltip2--active").wait_for()  # Material's tooltips are mounted
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("bethune")
    page.locator(".md-search-result__item").first.wait_for()  # and its search
