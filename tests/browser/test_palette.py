"""The colour switch of the header (palette.js, in place of Material's component).

Automatic by default (it follows the device), then light, then dark; the choice is kept
from page to page and can be made with the keyboard.
"""

from __future__ import annotations

import pytest

SWITCH = "form[data-vmi-palette]"


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def shown(page) -> str:
    """Name of the only visible switch button (the next option)."""
    labels = page.locator(f"{SWITCH} label:not([hidden])")
    assert labels.count() == 1
    return labels.get_attribute("for")


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
    assert shown(page) == "__palette_1"  # automatic now; the button offers light
    page.locator(f"{SWITCH} label:not([hidden])").click()
    assert shown(page) == "__palette_2" and scheme(page) == "default"
    page.locator(f"{SWITCH} label:not([hidden])").click()
    assert shown(page) == "__palette_0" and scheme(page) == "slate"
    page.goto(site_url + "cas/bethune/")
    assert scheme(page) == "slate" and shown(page) == "__palette_0"
    page.emulate_media(color_scheme="dark")  # a fixed choice ignores the device
    assert scheme(page) == "slate"


def test_keyboard_enter_goes_to_the_next_option(page, site_url):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url)
    assert scheme(page) == "slate"  # automatic, dark device
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert page.evaluate("document.activeElement.id") == "__palette_1"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")


def test_automatic_option_follows_a_device_change(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    assert scheme(page) == "default"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
