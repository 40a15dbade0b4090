"""Search as a phone user types it: no accents, apostrophes, in a real browser."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest


def search(page, site_url: str, query: str) -> list[str]:
    """Type ``query`` in Material's search box; return the result page URLs."""
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query, delay=10)
    page.locator(".md-search-result__meta").filter(has_text="trouvé").wait_for()
    return page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("query", ["bethune", "Béthune", "BETHUNE"])
def test_town_found_with_or_without_accents(page, site_url, query):
    assert any("cas/bethune/" in href for href in search(page, site_url, query))


def test_pillar_found_without_accent(page, site_url):
    links = [urlsplit(href) for href in search(page, site_url, "sante")]  # ?h=… highlight
    assert any(link.path.endswith("/piliers/") and link.fragment == "sante" for link in links)


def test_apostrophes_split_words(page, site_url):
    links = search(page, site_url, "l’usager")
    assert any("diagnostic/" in href for href in links)
