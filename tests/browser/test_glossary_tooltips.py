"""Glossary terms show their definition on hover and on keyboard focus."""

from __future__ import annotations


def test_keyboard_focus_on_a_term_shows_its_definition(page, site_url):
    page.goto(site_url + "specificites/echelle-du-bassin-de-vie/")
    term = page.locator(".md-content abbr[data-vmi-titre]").first
    definition = term.get_attribute("data-vmi-titre")
    assert term.get_attribute("tabindex") == "0"
    term.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == definition.strip()
