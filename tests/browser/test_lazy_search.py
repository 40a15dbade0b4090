"""First visits do not download the search index: it comes when search is opened.

lazy-search.js holds back Material's search index and search worker; these tests check
what the browser really requests, and that search still finds pages once opened.
"""

from __future__ import annotations


def requested(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def test_first_visit_skips_search_index_and_worker(page, site_url):
    urls = requested(page)
    page.goto(site_url + "cas/bethune/")
    page.wait_for_load_state("networkidle")
    assert any("bundle." in u for u in urls)  # the theme did start
    assert not [u for u in urls if "search_index" in u or "/workers/search" in u]
    assert not [u for u in urls if "/lunr/" in u]


def test_search_loads_on_use_and_finds_pages(page, site_url):
    urls = requested(page)
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("bethune")
    result = page.locator(".md-search-result__item").first
    result.wait_for()
    assert "Béthune" in result.inner_text()
    assert any(u.endswith("search/search_index.json") for u in urls)
    assert any("/workers/search" in u for u in urls)


def test_highlight_link_loads_the_index_at_once(page, site_url):
    """Material's ?h= links (search.highlight) need the index at once."""
    urls = requested(page)
    page.goto(site_url + "cas/bethune/?h=forum")
    mark = page.locator("article mark").first
    mark.wait_for()
    assert mark.inner_text().lower() == "forum"
    assert any(u.endswith("search/search_index.json") for u in urls)


def test_output_has_no_source_maps_or_unused_languages(site_dir):
    files = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()]
    assert not [f for f in files if f.endswith(".map")]
    lunr = sorted(f.rsplit("/", 1)[1] for f in files if "/lunr/" in f)
    assert lunr == ["lunr.fr.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js"]
    bundle = next(site_dir.glob("assets/javascripts/bundle.*.min.js")).read_text()
    assert "sourceMappingURL" not in bundle
