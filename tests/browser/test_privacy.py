"""Privacy: no page asks another origin for anything, before or after interaction.

Requests are recorded in the browser (Material makes some only at run time: fonts,
polyfills, the forge's API) while searching, answering the diagnostic and projecting
(every page of the sitemap: ``test_every_page.py``). Requests to other origins are refused and
reported; connection hints (preconnect, dns-prefetch, preload…) are checked too.
"""

from __future__ import annotations

import pytest

from vmi.testing.browser import foreign_requests, is_foreign, record_requests
from vmi.testing.diagnostic import answer, every_answer


@pytest.fixture
def request_log(context, site_url) -> list[str]:
    return record_requests(context, lambda url: is_foreign(url, site_url))


def test_search_stays_on_the_site(page, site_url, request_log):
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("bethune", delay=10)
    page.locator(".md-search-result__meta").filter(has_text="trouvé").wait_for()
    page.wait_for_load_state("networkidle")
    assert any("search_index" in u for u in request_log)
    assert foreign_requests(request_log, site_url) == []


def test_diagnostic_and_projection_stay_on_the_site(page, site_url, request_log):
    page.goto(site_url + "diagnostic/")
    answer(page, every_answer(0))  # results are drawn once answered
    with page.expect_download():
        page.locator("#vmi-export-csv").click()
    page.keyboard.press("p")
    # projection.js loads on this first press: the mode is on once it has arrived
    page.wait_for_function("() => document.documentElement.dataset.mode === 'projection'")
    page.keyboard.press("PageDown")
    page.wait_for_load_state("networkidle")
    assert foreign_requests(request_log, site_url) == []
