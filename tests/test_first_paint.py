"""Nothing stands between the HTML, one theme stylesheet and the first paint.

Every script is deferred (the theme's bundle too), our own stylesheets are inlined, and
the classes Material's bundle sets on <html> are set in the head already. These tests
read the built pages, then check in Chromium that the theme still starts: palette,
search and tooltips work once the deferred scripts have run.
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


def test_one_render_blocking_stylesheet_of_ours_none(site_dir):
    for page in PAGES:
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html(site_dir, page))
        assert [Path(link).name.split(".")[0] for link in links] == ["main", "palette"], page
    assert not (site_dir / "assets/stylesheets/vmi.css").exists()
    assert ".vmi-diag__choix" in html(site_dir, "diagnostic/index.html").split("</head>")[0]


def test_html_classes_are_set_before_the_body(site_dir):
    head = html(site_dir, "index.html").split("<body", 1)[0]
    assert 'classList.replace("no-js","js")' in head


def test_palette_switch_does_not_restyle_everything(site_dir):
    palette = next(site_dir.glob("assets/stylesheets/palette.*.css")).read_text()
    assert "[data-md-color-switching]" not in palette
    assert "[data-md-color-scheme=slate]" in palette  # the rest of the file is intact


def test_theme_still_starts_with_deferred_scripts(page, site_url):
    page.goto(site_url + "cas/bethune/")
    assert page.evaluate("document.documentElement.className") == "js js-focus-visible"
    toggle = page.locator("form[data-vmi-palette] label:not([hidden])")
    for _ in range(3):  # auto, light, dark: the toggle cycles
        if page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            break
        shown = toggle.get_attribute("for")
        toggle.click()
        page.wait_for_function(f"""document.querySelector(
            "form[data-vmi-palette] label:not([hidden])").htmlFor !== {shown!r}""")
    page.reload()  # the choice is kept from page to page
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    term = page.locator("article abbr").first
    term.focus()
    page.locator(".md-tooltip2--active").wait_for()  # Material's tooltips are mounted
