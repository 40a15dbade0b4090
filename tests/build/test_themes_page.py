"""Thematic sheets as built: one page per axis with the contract's four h2 sections, then
the obligations, funding, cases and guides computed from the other files; in the
navigation and the search index."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from vmi.content.loader import load_content
from vmi.testing import ROOT

SECTIONS = ["Contexte", "Enjeux", "Points de réussite", "Compétences internes"]


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content", {p.name for p in (ROOT / "docs").glob("*.md")})


def _page(site: Path, axe: str) -> str:
    return (site / "themes" / axe / "index.html").read_text(encoding="utf-8")


def _h2(page: str) -> list[str]:
    article = page[page.index('<article class="md-content__inner'):]
    return [html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
            for h in re.findall(r"<h2[^>]*>(.*?)</h2>", article, re.S)]


def test_every_axis_has_a_sheet_with_the_four_sections_first(site_dir: Path, content):
    for axe in content.diagnostic.axes:
        headings = _h2(_page(site_dir, axe.id))
        assert len(headings) > 4, axe.id  # computed sections follow
        assert all(h.startswith(word) for h, word in zip(headings, SECTIONS)), (axe.id, headings)


def test_sheet_shows_its_axis_obligations_and_open_funding_only(site_dir: Path, content):
    for axe in content.diagnostic.axes:
        page = _page(site_dir, axe.id)
        shown = re.findall(r'data-obligation="([^"]+)"', page)
        assert shown == [o.id for o in content.obligations if o.axe == axe.id]
        funding = page[page.index('id="financements"'):page.index('id="demarches"')]
        for scheme in content.financements:
            offered = f'href="{html.escape(scheme.url)}"' in funding
            assert offered is (axe.id in scheme.axes and scheme.statut == "ouvert"), (axe.id, scheme.id)


def test_sheet_links_to_aides_territoires_by_keyword_without_loading_it(site_dir: Path, content):
    sheet = next(e for e in content.themes if e.slug == "donnees")
    page = html.unescape(_page(site_dir, "donnees"))
    links = re.findall(r'href="(https://aides-territoires\.beta\.gouv\.fr/aides/\?[^"]+)"', page)
    assert len(links) == 2 and "organization_type_slug=commune" in links[0]
    assert "organization_type_slug=epci" in links[1]
    assert all(parse_qs(urlsplit(link).query)["keyword"] == [sheet.model.recherche_aides]
               for link in links)
    assert "aides-territoires" not in "".join(re.findall(r"<(?:script|link|img|iframe)[^>]*>", page))


def test_sheets_are_in_navigation_and_search(site_dir: Path, content):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "Fiches thématiques" in home and 'href="themes/"' in home
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    located = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"themes/{axe.id}/" for axe in content.diagnostic.axes} <= located
