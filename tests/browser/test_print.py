"""Print: pages on A4 without the site's chrome, links with their address, terms explained."""

from __future__ import annotations


def printed(page, url: str) -> None:
    page.goto(url)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as the browser does
    page.emulate_media(media="print")


def after(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e, '::after').content")


def test_printed_case_study(page, site_url):
    printed(page, site_url + "cas/bethune/")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".vmi-forum__bouton",
                   ".md-content__button", "article button"):
        assert not page.locator(chrome).first.is_visible(), chrome
    # in-content links show their address, absolute; in-page anchors do not
    internal = page.locator("article a[href^='../']:not(.vmi-tags a)").first
    href = internal.evaluate("a => a.href")
    assert internal.evaluate("a => getComputedStyle(a, '::after').content") == f'" ({href})"'
    external = page.locator("article a[href^='https://']").last
    assert external.get_attribute("href") in after(page, f"a[href='{external.get_attribute('href')}']")
    assert after(page, "article a[href^='#']") in ("none", "normal")
    # the first glossary term is followed by its meaning; the facts box stays on one page
    term = page.locator("article abbr[data-vmi-titre]").first
    assert term.evaluate("e => getComputedStyle(e, '::after').content") == \
        '" (' + term.get_attribute("data-vmi-titre") + ')"'
    assert page.locator(".vmi-facts").evaluate("e => getComputedStyle(e).breakInside") == "avoid"


def test_printing_during_projection_prints_the_slides(page, site_url):
    """One slide per landscape page (the PDF itself: test_projection_rooms.py)."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_url + "a-propos/?projection")
    slides = page.evaluate("VMI.projection.slides().length")
    printed(page, page.url)
    sheets = page.locator(".vmi-impression__diapo")
    assert sheets.count() == slides
    assert not page.locator(".md-container").is_visible()
    assert sheets.first.evaluate("e => getComputedStyle(e).page") == "diapo"
    assert sheets.first.evaluate("e => getComputedStyle(e).breakAfter") == "page"
    assert all(sheets.nth(i).locator(".vmi-qr").is_visible() for i in range(slides))
    assert [sheets.nth(i).locator(".vmi-impression__numero").inner_text() for i in range(slides)] == \
        [f"Diapositive {i} sur {slides}" for i in range(1, slides + 1)]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert sheets.count() == 0
