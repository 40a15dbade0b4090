"""Every page of the sitemap, visited once as a reader would (``vmi.testing.browser.walk_site``):
no Content-Security-Policy violation, no request or connection hint to another site.

The site is served with the site-wide policy header of ``make entete-csp`` on top of each
page's own ``<meta>`` policy: a page that either would break shows a violation. One walk
serves the policy and privacy checks, which each used to visit every page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vmi.output.csp import site_header
from vmi.testing import serve
from vmi.testing.browser import Walk, policy_of, walk_site

pytestmark = pytest.mark.slow(25)


@pytest.fixture(scope="module")
def walk(browser, site_dir: Path) -> Walk:
    name, value = site_header(site_dir).split(": ", 1)
    url, server = serve(site_dir, {name: value})
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    try:
        return walk_site(context, site_dir, url)
    finally:
        context.close()
        server.shutdown()


def test_no_page_raises_a_policy_violation(walk: Walk):
    assert len(walk.pages) >= 15
    for url, visit in walk.pages.items():
        assert visit.violations == [], url


def test_site_wide_header_allows_every_page(site_dir: Path, walk: Walk):
    """``make entete-csp``: the policy of every page, as one HTTP header for the whole site."""
    header = site_header(site_dir)
    for path in site_dir.rglob("*.html"):
        for directive in policy_of(path.read_text(encoding="utf-8")).split("; "):
            name, *sources = directive.split()
            assert all(source in header for source in sources), (path, directive)
    assert header.endswith("; frame-ancestors 'self'")
    for url, visit in walk.pages.items():
        assert visit.policy_header == header.split(": ", 1)[1], url


def test_every_page_stays_on_the_site(walk: Walk):
    for url, visit in walk.pages.items():
        assert visit.foreign_hints == [], url
    assert any(u.endswith(".css") for u in walk.requests)  # the log does record requests
    assert walk.foreign_requests() == []
