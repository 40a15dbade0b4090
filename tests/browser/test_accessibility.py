"""Accessibility in a real browser: axe-core finds nothing on any kind of page.

axe-core (npm) is injected into each page in Chromium and run with all its rules; any
violation, whatever its impact, fails with the rule, the impact and the elements. Also
checked: the French skip link, the switch that turns single-key shortcuts off (RGAA
12.10) and the accessibility statement linked from every page.
"""

from __future__ import annotations

import pytest

from vmi.testing import axe_violations
from vmi.testing.diagnostic import answer, every_answer

pytestmark = pytest.mark.slow(60)

PAGES = {
    "accueil": "",
    "specificites": "specificites/",
    "specificite": "specificites/agilite-et-proximite/",
    "cas-index": "cas/",
    "cas": "cas/bethune/",
    "cas-securite": "cas/chalon-sur-saone/",
    "bibliotheque": "bibliotheque/",
    "bibliotheque-filtree": "bibliotheque/?publie-par=ville",
    "piliers": "piliers/",
    "glossaire": "glossaire/",
    "diagnostic-vide": "diagnostic/",
    "obligations": "obligations/",
    "theme": "themes/donnees/",
    "accessibilite": "accessibilite/",
    "projection": "cas/bethune/?projection",
    "diagnostic-projection": "diagnostic/?projection",
}


def open_details(page) -> None:
    """Open every <details> so that axe checks what a reader can reveal."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violation(page, site_url, name, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGES[name])
    page.wait_for_load_state("load")
    open_details(page)
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_on_answered_diagnostic(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "diagnostic/")
    answer(page, every_answer())  # varied answers, no « nsp »
    open_details(page)
    assert page.locator("#vmi-tableau-corps tr").count() > 0
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_with_search_results(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("bethune")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(500)  # let the theme's colour transitions end
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["index.html", "cas/bethune.html", "diagnostic.html"])
def test_no_axe_violation_offline(page, offline_site_dir, path):
    page.goto((offline_site_dir / path).as_uri())
    open_details(page)
    assert axe_violations(page) == []


def test_skip_link_is_french_and_moves_focus_to_content(page, site_url):
    page.goto(site_url + "cas/bethune/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text().strip() == "Aller au contenu"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    target = page.evaluate("location.hash")
    assert target and page.locator(target).first.is_visible()
    assert page.evaluate("document.querySelector('.md-content').contains("
                         "document.querySelector(location.hash))")


def test_statement_linked_in_footer_and_nav(page, site_url):
    page.goto(site_url + "glossaire/")
    link = page.locator(".md-footer-meta a", has_text="Accessibilité")
    assert link.inner_text().strip() == "Accessibilité\u202f: partiellement conforme"
    link.click()
    assert page.url == site_url + "accessibilite/"
    assert page.locator("h1").inner_text().startswith("Déclaration d’accessibilité")
    assert "partiellement conforme" in page.locator("article").inner_text()
    assert page.locator(".md-nav__link--active", has_text="Déclaration").count() >= 1


def search_is_open(page) -> bool:
    return page.evaluate("document.getElementById('__search').checked")


def test_single_key_shortcuts_can_be_turned_off(page, site_url):
    page.goto(site_url + "accessibilite/")
    box = page.get_by_label("Désactiver les raccourcis clavier d’une seule touche")
    assert box.is_visible() and not box.is_checked()
    box.check()

    page.goto(site_url + "cas/bethune/")
    page.locator("h1").click()
    for key in ("f", "s", "/", "p", "n"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert not search_is_open(page)
    assert page.url == site_url + "cas/bethune/"
    assert page.evaluate("document.documentElement.getAttribute('data-mode')") != "projection"
    # Typing in the search field still works, letters included.
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("sante")
    assert page.locator(".md-search__input").input_value() == "sante"

    page.goto(site_url + "accessibilite/")
    assert box.is_checked()  # the setting is remembered
    box.uncheck()
    page.goto(site_url + "cas/bethune/")
    page.locator("h1").click()
    page.keyboard.press("f")
    page.wait_for_function("() => document.getElementById('__search').checked")
