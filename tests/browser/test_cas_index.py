"""The case index: every case listed with its place and size, filters in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vmi.territories.official import official_data, size_band
from vmi.testing import copy_project, run_build, serve

BANDS = ["moins-de-10000", "10000-20000", "20000-50000", "50000-100000", "plus-de-100000"]

# Fictional towns without an official code: hand-written fields, as the model allows.
FICTIONAL = """\
---
ville: {ville}
departement: {departement}
region: {region}
population:
  habitants: {habitants}
  annee: 2021
  source: INSEE, population municipale
demarche: {ville} numérique
annee: {annee}
resume: Une démarche d’exemple.
piliers: [{piliers}]
sources:
  - titre: Site de la ville
    url: https://exempleville.fr/
---

## Le contexte

Texte de la page.
"""
TOWNS = {"exempleville": dict(ville="Exempleville", departement="Finistère", region="Bretagne",
                              habitants=8000, annee=2020, piliers="sante"),
         "grandeville": dict(ville="Grandeville", departement="Gironde",
                             region="Nouvelle-Aquitaine", habitants=150000, annee=2017,
                             piliers="habitat, sante")}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("cas-index")
    project = copy_project(base / "projet")
    for slug, fields in TOWNS.items():
        (project / "content" / "cas" / f"{slug}.md").write_text(FICTIONAL.format(**fields),
                                                                 encoding="utf-8")
    result = run_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


@pytest.fixture(scope="module")
def url(site: Path):
    address, server = serve(site)
    yield address + "cas/"
    server.shutdown()


def slugs_shown(page) -> list[str]:
    return page.locator("[data-cas]:visible").evaluate_all("els => els.map(e => e.dataset.cas)")


def all_slugs(site: Path) -> list[str]:
    return sorted(p.stem for p in (site.parent / "projet" / "content" / "cas").glob("*.md"))


def test_every_case_has_its_place_size_and_pillars(site: Path):
    page = (site / "cas" / "index.html").read_text("utf-8")
    cards = dict(re.findall(r'<li data-cas="([^"]+)"([^>]*)>', page))
    assert sorted(cards) == all_slugs(site)
    bethune = official_data().commune("62119")
    assert f'data-taille="{size_band(bethune.population).id}"' in cards["bethune"]
    assert 'data-region="hauts-de-france"' in cards["bethune"]
    assert 'data-taille="moins-de-10000"' in cards["exempleville"]
    assert 'data-taille="plus-de-100000"' in cards["grandeville"]
    assert 'data-piliers="habitat sante"' in cards["grandeville"]
    assert 'data-region="nouvelle-aquitaine"' in cards["grandeville"]
    assert f"{len(cards)}\u00a0démarches de villes" in page.replace("&nbsp;", "\u00a0")
    options = re.search(r'<select[^>]*name="taille".*?</select>', page, re.S)[0]
    assert re.findall(r'<option value="([^"]+)"', options) == BANDS


def test_a_town_outside_the_medium_range_says_so(site: Path):
    page = (site / "cas" / "exempleville" / "index.html").read_text("utf-8")
    assert "en dehors de la fourchette des villes moyennes" in page
    bethune = (site / "cas" / "bethune" / "index.html").read_text("utf-8")
    assert "en dehors de la fourchette" not in bethune


def cards_where(site: Path, **wanted: str) -> list[str]:
    """Slugs of the index's cards, in page order, whose data attributes have these values
    (``piliers``: among its ids): what the filters must show, read from the built HTML."""
    page = (site / "cas" / "index.html").read_text("utf-8")
    found = []
    for slug, attrs in re.findall(r'<li data-cas="([^"]+)"([^>]*)>', page):
        values = dict(re.findall(r'data-([a-z]+)="([^"]*)"', attrs))
        if all(value in values.get(key, "").split() if key == "piliers"
               else values.get(key) == value for key, value in wanted.items()):
            found.append(slug)
    return found


def check_filters(page, site: Path) -> None:
    total = len(all_slugs(site))
    form = page.locator("form[data-filtres]")
    status = form.locator("[role=status]")
    assert form.is_visible()
    assert len(slugs_shown(page)) == total
    assert status.inner_text() == f"{total} démarches affichées"
    page.locator('select[name="taille"]').select_option("moins-de-10000")
    small = cards_where(site, taille="moins-de-10000")
    assert "exempleville" in small and slugs_shown(page) == small
    assert status.inner_text() == (f"{len(small)} démarche{'s' if len(small) > 1 else ''} "
                                   f"affichée{'s' if len(small) > 1 else ''} sur {total}")
    page.get_by_role("button", name="Effacer les filtres").click()
    page.get_by_label("Région", exact=True).select_option(label="Nouvelle-Aquitaine")
    in_region = cards_where(site, region="nouvelle-aquitaine")
    assert "grandeville" in in_region and slugs_shown(page) == in_region
    page.get_by_label("Région", exact=True).select_option("")
    page.get_by_label("Pilier", exact=True).select_option(label="Santé")
    assert set(slugs_shown(page)) >= {"exempleville", "grandeville"}
    page.get_by_label("Année de repère", exact=True).select_option("2020")
    assert slugs_shown(page) == cards_where(site, annee="2020", piliers="sante")
    page.locator('select[name="taille"]').select_option("plus-de-100000")
    assert slugs_shown(page) == []
    assert status.inner_text().startswith("Aucune démarche ne correspond")
    page.get_by_role("button", name="Effacer les filtres").click()
    assert len(slugs_shown(page)) == total


def test_filters_by_pillar_size_region_and_year(page, url, site: Path):
    page.goto(url)
    check_filters(page, site)
    page.locator('select[name="taille"]').select_option("plus-de-100000")
    assert "taille=plus-de-100000" in page.url


def test_filters_come_from_the_address(page, url, site: Path):
    page.goto(url + "?taille=moins-de-10000")
    assert page.locator('select[name="taille"]').input_value() == "moins-de-10000"
    assert slugs_shown(page) == cards_where(site, taille="moins-de-10000")


def test_filters_work_over_file_urls(page, site: Path):
    page.goto((site / "cas" / "index.html").as_uri())
    check_filters(page, site)


def test_without_javascript_every_case_is_listed(browser, url, site: Path):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url)
        assert not page.locator("form[data-filtres]").is_visible()
        assert sorted(slugs_shown(page)) == all_slugs(site)
    finally:
        context.close()
