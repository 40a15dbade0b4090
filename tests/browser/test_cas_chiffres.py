"""Costs, measured results and difficulties of a case: its page's sections, the « avec
coûts » / « avec résultats » filters of /cas/, the phone fold of those filters, and the
« Démarches de villes de même taille » list of each case page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from vmi.content.loader import load_content
from vmi.site.pages import SAME_SIZE_SHOWN
from vmi.testing import axe_violations, copy_project, run_build, serve

# Fictional towns (nothing here is about a real one).
HEAD = """\
---
ville: {ville}
departement: Finistère
region: Bretagne
population:
  habitants: {habitants}
  annee: 2021
  source: INSEE, population municipale
demarche: {ville} numérique
annee: 2019
resume: Une démarche d’exemple.
piliers: [sante]
sources:
  - titre: Site de la ville
    url: https://{slug}.fr/
"""
BODY = """---

## Le contexte

Texte de la page.
"""
CHIFFREE = HEAD.format(ville="Exempleville", slug="exempleville", habitants=8000) + """\
  - titre: Journal d’Exempleville
    url: https://journal-exempleville.fr/article
couts:
  - montant: 1250000
    annee: 2019
    texte: Capteurs et panneaux, dont la moitié payée par l’État.
    source: Site de la ville
resultats:
  - texte: 120 signalements la première année.
    annee: 2020
    source: https://journal-exempleville.fr/article
    mesure_par: la ville (ses propres chiffres)
difficultes:
  - texte: Les capteurs mal réglés ont donné des durées fausses.
    source: Journal d’Exempleville
""" + BODY
MUETTE = HEAD.format(ville="Fictiville", slug="fictiville", habitants=7000) + BODY
RESULTATS_SEULS = MUETTE.replace("Fictiville", "Troisville").replace(
    "sources:", "resultats:\n  - texte: Deux écoles équipées.\n    annee: 2019\n"
    "    source: Site de la ville\nsources:")
TOWNS = {"exempleville": CHIFFREE, "fictiville": MUETTE, "troisville": RESULTATS_SEULS}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("cas-chiffres") / "projet")
    for slug, text in TOWNS.items():
        (project / "content" / "cas" / f"{slug}.md").write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    result = run_build(project, project.parent / "site")
    assert result.returncode == 0, result.stderr
    return project.parent / "site"


@pytest.fixture(scope="module")
def url(site: Path):
    address, server = serve(site)
    yield address
    server.shutdown()


def loaded(project: Path):
    docs = {p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")}
    return load_content(project / "content", docs)


def page_text(site: Path, slug: str) -> str:
    return html.unescape((site / "cas" / slug / "index.html").read_text("utf-8"))


def section(text: str, heading_id: str) -> str:
    """The HTML from the ``h2`` with this id to the next ``h2``."""
    start = text.index(f'<h2 id="{heading_id}"')
    end = text.find("<h2", start + 1)
    return text[start:end if end > 0 else None]


def test_costs_results_and_difficulties_are_shown_with_their_sources(site: Path):
    text = page_text(site, "exempleville")
    couts = section(text, "vmi-couts")
    assert "Coûts et financement" in couts
    assert "1\u202f250\u202f000\u00a0€" in couts and "(2019)" in couts
    assert "dont la moitié payée par l’État" in couts
    assert '<a href="https://exempleville.fr/">Site de la ville</a>' in couts
    resultats = section(text, "vmi-resultats")
    assert "Résultats mesurés" in resultats and "120 signalements" in resultats
    assert "Mesuré par\u00a0: la ville (ses propres chiffres)" in resultats
    assert 'href="https://journal-exempleville.fr/article"' in resultats
    difficultes = section(text, "vmi-difficultes")
    assert "Ce qui a moins bien marché" in difficultes and "durées fausses" in difficultes
    assert "Journal d’Exempleville</a>" in difficultes
    assert "data-sans-" not in text


def test_a_case_without_figures_says_so_plainly(site: Path):
    text = page_text(site, "fictiville")
    assert "data-sans-chiffres" in text
    assert "ne donnent ni son coût, ni un résultat mesuré, ni ce qui a moins bien marché" in text
    assert "Coûts et financement" not in text
    # A case with results only says which of the three its sources lack.
    partial = page_text(site, "troisville")
    assert "Deux écoles équipées" in section(partial, "vmi-resultats")
    assert "data-sans-couts" in section(partial, "vmi-couts")
    assert "data-sans-difficultes" in section(partial, "vmi-difficultes")


def test_each_case_page_lists_cases_of_the_same_size(project: Path, site: Path):
    content = loaded(project)
    places = content.territoires
    checked = 0
    for entry in content.cas:
        band = places[entry.slug].taille
        text = page_text(site, entry.slug)
        if band is None:
            assert 'id="vmi-meme-taille"' not in text
            continue
        same = [e.slug for e in content.cas
                if e.slug != entry.slug and places[e.slug].taille == band]
        listed = re.findall(r'data-cas="([^"]+)"',
                            section(text, "vmi-meme-taille").split("</ul>")[0])
        assert set(listed) <= set(same) and len(listed) == min(len(same), SAME_SIZE_SHOWN)
        regions = [places[slug].region == places[entry.slug].region for slug in listed]
        assert regions == sorted(regions, reverse=True), "same region first"
        if len(same) > SAME_SIZE_SHOWN:
            assert f"?taille={band.id}" in section(text, "vmi-meme-taille")
        checked += bool(same)
    assert checked >= 3
    assert '"cas/fictiville' not in page_text(site, "fictiville")
    assert 'data-cas="fictiville"' in section(page_text(site, "exempleville"), "vmi-meme-taille")


def figures_of(site: Path) -> dict[str, set[str]]:
    """Each card's ``data-chiffres`` on the built index: what the filters must show."""
    page = (site / "cas" / "index.html").read_text("utf-8")
    return {slug: set(figures.split())
            for slug, figures in re.findall(r'<li data-cas="([^"]+)"[^>]*data-chiffres="([^"]*)"',
                                            page)}


def test_the_index_knows_which_cases_have_costs_and_results(project: Path, site: Path):
    content = loaded(project)
    figures = figures_of(site)
    assert set(figures) == {entry.slug for entry in content.cas}
    page = html.unescape((site / "cas" / "index.html").read_text("utf-8"))
    for entry in content.cas:
        assert ("couts" in figures[entry.slug]) == bool(entry.model.couts)
        assert ("resultats" in figures[entry.slug]) == bool(entry.model.resultats)
    card = page[page.index('<li data-cas="exempleville"'):]
    assert "Avec coûts chiffrés et résultats mesurés" in card[:card.index("</ul>")]
    card = page[page.index('<li data-cas="troisville"'):]
    assert "Avec résultats mesurés</p>" in card[:card.index("</ul>")]
    card = page[page.index('<li data-cas="fictiville"'):]
    assert "Avec " not in card[:card.index("</ul>")]


def shown(page) -> list[str]:
    return page.locator("[data-cas]:visible").evaluate_all("els => els.map(e => e.dataset.cas)")


def test_filters_with_costs_and_with_results(page, url, site: Path):
    figures = figures_of(site)
    order = list(figures)
    page.goto(url + "cas/")
    page.get_by_label("Avec coûts chiffrés").check()
    assert shown(page) == [s for s in order if "couts" in figures[s]]
    assert "exempleville" in shown(page) and "fictiville" not in shown(page)
    assert "couts=couts" in page.url
    page.get_by_label("Avec résultats mesurés").check()
    assert shown(page) == [s for s in order if {"couts", "resultats"} <= figures[s]]
    page.get_by_label("Avec coûts chiffrés").uncheck()
    assert shown(page) == [s for s in order if "resultats" in figures[s]]
    assert "troisville" in shown(page)
    page.locator('select[name="taille"]').select_option("moins-de-10000")  # with the others
    small = page.locator('[data-cas][data-taille="moins-de-10000"]').evaluate_all(
        "els => els.map(e => e.dataset.cas)")
    assert shown(page) == [s for s in small if "resultats" in figures[s]]
    page.get_by_role("button", name="Effacer les filtres").click()
    assert not page.get_by_label("Avec résultats mesurés").is_checked()
    assert len(shown(page)) == len(order)
    page.goto(url + "cas/?resultats=resultats&couts=couts")
    assert page.get_by_label("Avec coûts chiffrés").is_checked()
    assert shown(page) == [s for s in order if {"couts", "resultats"} <= figures[s]]


PHONE = {"width": 412, "height": 823}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="fr-FR", is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    yield context.new_page()
    context.close()


def test_on_a_phone_the_list_comes_first_and_filters_fold(phone, url, site: Path):
    phone.goto(url + "cas/")
    fold = phone.locator("[data-filtres-pli]")
    assert fold.is_visible() and fold.get_attribute("aria-expanded") == "false"
    assert fold.inner_text() == "Filtrer (aucun filtre actif)"
    assert not phone.get_by_label("Taille", exact=True).is_visible()
    first = phone.locator("[data-cas]").first.bounding_box()
    assert first is not None and first["y"] + 40 < PHONE["height"], "a case on the first screen"
    fold.click()
    assert fold.get_attribute("aria-expanded") == "true"
    phone.get_by_label("Taille", exact=True).select_option("moins-de-10000")
    phone.get_by_label("Avec coûts chiffrés").check()
    assert fold.inner_text() == "Filtrer (2 filtres actifs)"
    assert phone.locator("[data-filtres-actifs]").get_attribute("data-filtres-actifs") == "2"
    assert axe_violations(phone) == []
    fold.click()
    assert not phone.get_by_label("Taille", exact=True).is_visible()
    small = phone.locator('[data-cas][data-taille="moins-de-10000"]').evaluate_all(
        "els => els.map(e => e.dataset.cas)")
    figures = figures_of(site)
    assert shown(phone) == [s for s in small if "couts" in figures[s]]
    assert "exempleville" in shown(phone) and "fictiville" not in shown(phone)
    phone.goto(url + "cas/?couts=couts")
    assert fold.inner_text() == "Filtrer (1 filtre actif)"
    assert axe_violations(phone) == []


def test_desktop_shows_the_filters_without_the_fold(page, url):
    page.goto(url + "cas/")
    assert not page.locator("[data-filtres-pli]").is_visible()
    assert page.get_by_label("Avec résultats mesurés").is_visible()


@pytest.mark.parametrize("slug", ["exempleville", "fictiville"])
def test_no_axe_violation_on_case_pages_with_and_without_figures(phone, page, url, slug):
    for tab in (phone, page):
        tab.goto(url + f"cas/{slug}/")
        assert axe_violations(tab) == []
