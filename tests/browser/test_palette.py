"""The colour switch of the header (theme/palette.js, in place of Material's component).

Automatic by default (it follows the device), then light, then dark; the choice is kept
from page to page. Buttons, each saying what it does before it is pressed (WCAG 3.2.2):
the keyboard reaches them like any button, and focus stays on the switch.
"""

from __future__ import annotations

import pytest

SWITCH = "[data-vmi-palette]"


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def shown(page):
    """The only visible switch button."""
    buttons = page.locator(f"{SWITCH} button:not([hidden])")
    assert buttons.count() == 1
    return buttons


@pytest.mark.parametrize("device, expected", [("light", "default"), ("dark", "slate")])
def test_first_visit_follows_the_device(page, site_url, device, expected):
    page.emulate_media(color_scheme=device)
    page.goto(site_url)
    page.wait_for_function("() => document.head.querySelector('meta[name=theme-color][data-vmi]')")
    assert scheme(page) == expected
    assert page.evaluate("document.querySelector('meta[name=color-scheme][data-vmi]').content") \
        == ("dark" if device == "dark" else "light")


def test_switch_cycles_and_the_choice_is_kept(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    assert page.locator(f"{SWITCH} input").count() == 0  # nothing changes on input
    assert shown(page).get_attribute("aria-label") == "Passer en mode clair"  # automatic now
    shown(page).click()
    assert scheme(page) == "default"
    assert shown(page).get_attribute("aria-label") == "Passer en mode sombre"
    shown(page).click()
    assert scheme(page) == "slate"
    page.goto(site_url + "cas/bethune/")
    assert scheme(page) == "slate"
    page.emulate_media(color_scheme="light")  # a fixed choice ignores the device
    assert scheme(page) == "slate"


@pytest.mark.parametrize("key", ["Enter", " "])
def test_keyboard_presses_the_button_and_focus_stays_on_the_switch(page, site_url, key):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url)
    assert scheme(page) == "slate"  # automatic, dark device
    shown(page).focus()
    page.keyboard.press(key)
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert page.evaluate("document.activeElement.closest('[data-vmi-palette]') !== null "
                         "&& !document.activeElement.hidden")
    page.keyboard.press(key)
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")


def test_automatic_option_follows_a_device_change(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    assert scheme(page) == "default"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
