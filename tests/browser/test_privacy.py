"""Privacy: no page asks another origin for anything, before or after interaction.

Requests are recorded in the browser (Material makes some only at run time: fonts,
polyfills, the forge's API), on every page of the sitemap, then while searching,
answering the diagnostic and projecting. Requests to other origins are refused and
reported; connection hints (preconnect, dns-prefetch, preload…) are checked too.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from vmi.testing.browser import site_pages

LOCAL_SCHEMES = ("data:", "blob:", "about:")
HINTS = ("preconnect", "dns-prefetch", "preload", "prefetch", "modulepreload", "prerender")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def request_log(context, site_url) -> list[str]:
    seen: list[str] = []

    def refuse(route):
        seen.append(route.request.url)
        route.abort()
    context.route(lambda url: origin(url) != origin(site_url) and not url.startswith(LOCAL_SCHEMES), refuse)
    context.on("request", lambda request: seen.append(request.url))
    return seen


def foreign(log: list[str], site_url: str) -> list[str]:
    return sorted({u for u in log if origin(u) != origin(site_url) and not u.startswith(LOCAL_SCHEMES)})


def foreign_hints(page, site_url: str) -> list[str]:
    hrefs = page.evaluate("""rels => [...document.querySelectorAll('link[rel]')]
        .filter(l => l.rel.split(/\\s+/).some(r => rels.includes(r.toLowerCase()))).map(l => l.href)""",
                          list(HINTS))
    return [h for h in hrefs if origin(h) != origin(site_url)]


def test_every_page_stays_on_the_site(page, site_dir, site_url, request_log):
    pages = site_pages(site_dir, site_url)
    assert len(pages) >= 8
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert foreign_hints(page, site_url) == [], url
        if page.locator("article abbr").count():  # tooltips are built on hover
            page.locator("article abbr").first.hover()
    assert any(u.endswith(".css") for u in request_log)  # the log does record requests
    assert foreign(request_log, site_url) == []


def test_search_stays_on_the_site(page, site_url, request_log):
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("bethune", delay=10)
    page.locator(".md-search-result__meta").filter(has_text="trouvé").wait_for()
    page.wait_for_load_state("networkidle")
    assert any("search_index" in u for u in request_log)
    assert foreign(request_log, site_url) == []


def test_diagnostic_and_projection_stay_on_the_site(page, site_url, request_log):
    page.goto(site_url + "diagnostic/")
    for name in page.locator("#vmi-diagnostic fieldset").evaluate_all(
            "fs => fs.map(f => f.querySelector('input').name)"):
        page.locator(f"input[name='{name}']").first.check()
    with page.expect_download():
        page.locator("#vmi-export-csv").click()
    page.keyboard.press("p")
    # projection.js loads on this first press: the mode is on once it has arrived
    page.wait_for_function("() => document.documentElement.dataset.mode === 'projection'")
    page.keyboard.press("PageDown")
    page.wait_for_load_state("networkidle")
    assert foreign(request_log, site_url) == []
