"""The /obligations/ page as built: one card per obligation with the contract's data-*
attributes, the thresholds said, bills said to be bills, and the page in the navigation
and the search index."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from vmi.content.loader import load_content
from vmi.testing import ROOT

CARD = re.compile(r'<article class="vmi-obligation"([^>]*)>(.*?)</article>', re.S)


@pytest.fixture(scope="module")
def obligations():
    docs = {p.name for p in (ROOT / "docs").glob("*.md")}
    return {o.id: o for o in load_content(ROOT / "content", docs).obligations}


@pytest.fixture(scope="module")
def cards(site_dir: Path) -> dict[str, tuple[dict[str, str], str]]:
    page = (site_dir / "obligations" / "index.html").read_text(encoding="utf-8")
    found = {}
    for attributes, inner in CARD.findall(page):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', attributes))
        found[attrs["data-obligation"]] = (attrs, html.unescape(inner))
    return found


def test_one_card_per_obligation_with_the_contract_attributes(cards, obligations):
    assert set(cards) == set(obligations)
    for oid, (attrs, _) in cards.items():
        o = obligations[oid]
        assert attrs["data-concerne"] == o.concerne
        assert attrs["data-seuil-population"] == str(o.seuil_population)
        assert attrs["data-seuil-agents"] == ("" if o.seuil_agents is None else str(o.seuil_agents))
        assert attrs["data-statut"] == o.statut.replace(" ", "-")


def test_bills_say_they_are_not_law_and_caveats_stay(cards, obligations):
    for oid, (_, text) in cards.items():
        o = obligations[oid]
        assert ("pas encore voté" in text) is (o.statut == "projet")
        if o.a_verifier:
            # split() folds no-break spaces too: fold both sides alike.
            assert "À vérifier" in text and " ".join(o.a_verifier.split()) in " ".join(text.split())


def test_page_says_which_thresholds_exist(site_dir: Path, obligations):
    page = html.unescape((site_dir / "obligations" / "index.html").read_text(encoding="utf-8"))
    section = page[page.index('id="seuils"'):page.index('id="selon-la-taille"')]
    for o in obligations.values():
        if o.seuil_population and o.concerne != "epci":
            assert f"Plus de {o.seuil_population:,}".replace(",", "\u202f") in section
        if o.seuil_agents:
            assert f"Au moins {o.seuil_agents}\u00a0agents" in section


def test_bands_list_a_threshold_that_falls_inside_them(site_dir: Path, obligations):
    """A commune of 20,000 to 50,000 is told the 30,000 threshold of the bill."""
    page = html.unescape((site_dir / "obligations" / "index.html").read_text(encoding="utf-8"))
    band = page[page.index("Commune de 20\u202f000 à 50\u202f000"):]
    band = band[:band.index("<h3")]
    inside = [o for o in obligations.values() if 20000 <= o.seuil_population < 49999
              and o.concerne != "epci"]
    assert inside
    for o in inside:
        assert o.titre in band and f"au-delà de {o.seuil_population:,}".replace(",", "\u202f") in band


def test_page_is_in_navigation_and_search(site_dir: Path):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="obligations/"' in home
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("obligations/") and "NIS" in doc["text"]
               for doc in index["docs"])


def test_computed_lines_keep_a_no_break_space_before_double_punctuation(cards):
    """French typography in what the template composes (« … habitants ; toutes les
    intercommunalités »): an ordinary space there lets « ; » or « : » start a line."""
    for oid, (_, inner) in cards.items():
        text = re.sub(r"<[^>]+>", "", inner)
        assert not re.search(r"[ \t\n][;:!?](?!\S)", text), (oid, text)
