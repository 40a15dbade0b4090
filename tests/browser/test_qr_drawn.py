"""QR codes, browser side: projection draws the code of the page's public address, over
http:// and from the offline copy (file://), and a reader decodes that address from it.

The drawn path is read back into a grid of modules, made into a black-on-white picture and
decoded by zxing-cpp (the decoder of many phone apps): what the room's phones would read.
"""

from __future__ import annotations

import re

import pytest
import zxingcpp

QUIET = 4
SCALE = 4  # pixels per module of the picture given to the decoder


def drawn_modules(page) -> tuple[int, set[tuple[int, int]]]:
    """Side (in modules, quiet zone included) and dark modules of the projected page's
    code, drawn as one ``M x y h n v1 h-n z`` per run of dark modules."""
    svg = page.locator(".vmi-qr svg")
    svg.wait_for()
    side = int(svg.get_attribute("viewBox").split()[2])
    dark: set[tuple[int, int]] = set()
    for x, y, run in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", svg.locator("path").get_attribute("d")):
        dark.update((col, int(y)) for col in range(int(x), int(x) + int(run)))
    return side, dark


def decoded(side: int, dark: set[tuple[int, int]]) -> list[str]:
    """What a QR reader finds in the picture of these modules."""
    width = side * SCALE
    pixels = bytearray(b"\xff" * width * width)
    for x, y in dark:
        for dy in range(SCALE):
            start = (y * SCALE + dy) * width + x * SCALE
            pixels[start:start + SCALE] = b"\x00" * SCALE
    image = memoryview(bytes(pixels)).cast("B", (width, width))
    return [code.text for code in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("path", ["", "cas/bethune/", "diagnostic/equipe/"])
def test_projection_draws_the_code_of_the_public_address(page, site_url, path):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_url + path + "?projection")
    address = page.locator(".vmi-qr").get_attribute("data-qr")
    assert address.startswith("https://") and address.endswith("/" + path)
    side, dark = drawn_modules(page)
    assert decoded(side, dark) == [address]
    assert all(QUIET <= x < side - QUIET and QUIET <= y < side - QUIET for x, y in dark)
    assert page.locator(".vmi-qr svg").bounding_box()["height"] >= 0.12 * 720


def test_a_page_never_projected_carries_no_drawing(page, site_url):
    page.goto(site_url + "cas/bethune/")
    assert page.locator(".vmi-qr").count() == 1
    assert page.locator(".vmi-qr svg").count() == 0


def test_offline_copy_draws_the_online_address(page, offline_site_dir):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto((offline_site_dir / "cas" / "bethune.html").as_uri() + "?projection")
    address = page.locator(".vmi-qr").get_attribute("data-qr")
    assert address.startswith("https://") and address.endswith("/cas/bethune/")
    assert decoded(*drawn_modules(page)) == [address]
