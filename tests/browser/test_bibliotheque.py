"""The document library: files copied into the site, linked, searchable and filterable."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from vmi.testing import run_build

PDF = b"%PDF-1.4\n% petit fichier d'essai\n" + b"0" * 3000 + b"\n%%EOF\n"

CASE_DOCUMENT = """\
  - titre: Cahier des charges d’essai
    type: cahier-des-charges
    annee: 2019
    licence: Licence Ouverte 2.0
    fichier: bethune/cahier des charges.pdf
"""


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def add_case_document(project: Path, entry: str) -> None:
    """Append ``entry`` to the ``documents`` list of Béthune's front matter."""
    case = project / "content" / "cas" / "bethune.md"
    text = case.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 1
    assert "documents:\n" in text[:end]
    case.write_text(text[:end] + entry + text[end:], encoding="utf-8")


def test_a_provided_file_is_copied_and_linked(project: Path, tmp_path: Path):
    folder = project / "content" / "documents" / "bethune"
    folder.mkdir(parents=True)
    (folder / "cahier des charges.pdf").write_bytes(PDF)
    add_case_document(project, CASE_DOCUMENT)
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    assert (site / "documents" / "bethune" / "cahier des charges.pdf").read_bytes() == PDF
    case = read(site, "cas/bethune/index.html")
    section = case[case.index('id="vmi-documents"'):case.index('id="vmi-sources"')]
    assert 'href="../../documents/bethune/cahier%20des%20charges.pdf"' in section
    assert "Cahier des charges d’essai <span class=\"vmi-document__poids\">(PDF, 3\u00a0Ko)" \
        in section
    assert "Cahier des charges · 2019 · Licence\u00a0: Licence Ouverte 2.0" in section
    library = read(site, "bibliotheque/index.html")
    assert 'href="../documents/bethune/cahier%20des%20charges.pdf"' in library
    index = json.loads(read(site, "search/search_index.json"))
    hits = [d["location"] for d in index["docs"] if "Cahier des charges d’essai" in d["title"]]
    assert hits == ["bibliotheque/#document-cahier-des-charges-d-essai"]


def test_a_heavy_file_fails_the_strict_build(project: Path, tmp_path: Path):
    folder = project / "content" / "documents" / "bethune"
    folder.mkdir(parents=True)
    with (folder / "cahier des charges.pdf").open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    add_case_document(project, CASE_DOCUMENT)
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "content/cas/bethune.md:" in result.stderr
    assert "documents[3].fichier: fichier lourd (11,0\u00a0Mo)" in result.stderr


def test_default_documents_are_in_the_case_page_and_the_search(site_dir: Path):
    case = read(site_dir, "cas/bethune/index.html")
    section = case[case.index('id="vmi-documents"'):case.index('id="vmi-sources"')]
    assert "En route vers des villes plus intelligentes" in section
    assert 'href="../../bibliotheque/"' in section
    index = json.loads(read(site_dir, "search/search_index.json"))
    titles = {d["title"] for d in index["docs"] if d["location"].startswith("bibliotheque/")}
    assert any("Tous concernés, du village à la métropole" in t for t in titles)


def visible_titles(page) -> list[str]:
    return page.locator("li[data-doc-type]:visible h3").all_inner_texts()


ETUDE = "En route vers des villes plus intelligentes\u202f!"
BROCHURE = "Villes intelligentes – Tous concernés, du village à la métropole"
SCHEMA_LORIENT = "Schéma territorial du numérique de Lorient Agglomération"
PORTRAIT_CAHORS = ("Portrait de Cahors, étude «\u00a0En route vers des villes plus "
                   "intelligentes\u202f!\u00a0»")
PORTRAIT_BOULOGNE = ("Portrait de Boulogne-sur-Mer, étude «\u00a0En route vers des villes plus "
                     "intelligentes\u202f!\u00a0» (copie, à vérifier)")
CAP2020 = "Béthune Cap2020\u202f: bien dans ma ville, bien dans ma vie\u202f!"
# By type (in the order of content/types-documents.yml), then the most recent first.
ALL = [SCHEMA_LORIENT, PORTRAIT_CAHORS, ETUDE, PORTRAIT_BOULOGNE, BROCHURE, CAP2020]


def check_filters(page) -> None:
    form = page.locator("form[data-biblio-filtres]")
    status = form.locator("[role=status]")
    assert form.is_visible()
    assert visible_titles(page) == ALL
    assert status.inner_text() == "6 documents affichés"
    page.get_by_label("Type", exact=True).select_option(label="Présentation")
    assert visible_titles(page) == [BROCHURE, CAP2020]
    assert status.inner_text() == "2 documents affichés sur 6"
    assert not page.locator("#type-etude").is_visible()
    page.get_by_label("Ville", exact=True).select_option(label="Béthune")
    assert visible_titles(page) == [CAP2020]
    assert status.inner_text() == "1 document affiché sur 6"
    page.get_by_label("Ville", exact=True).select_option(label="Cahors")
    assert visible_titles(page) == []
    assert status.inner_text().startswith("Aucun document ne correspond")
    page.get_by_role("button", name="Effacer les filtres").click()
    page.get_by_label("Pilier", exact=True).select_option(label="Santé")
    assert visible_titles(page) == [ETUDE, CAP2020]
    page.get_by_label("Pilier", exact=True).select_option("")
    page.get_by_label("Ville", exact=True).select_option(label="Documents pour toutes les villes")
    assert visible_titles(page) == [BROCHURE]


def test_filters_by_type_town_and_pillar(page, site_url):
    page.goto(site_url + "bibliotheque/")
    check_filters(page)
    assert "ville=-" in page.url


def test_filters_come_from_the_address(page, site_url):
    page.goto(site_url + "bibliotheque/?type=etude")
    assert page.get_by_label("Type", exact=True).input_value() == "etude"
    assert visible_titles(page) == [PORTRAIT_CAHORS, ETUDE, PORTRAIT_BOULOGNE]


def test_filters_work_over_file_urls(page, site_dir: Path):
    page.goto((site_dir / "bibliotheque" / "index.html").as_uri())
    check_filters(page)


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_everything_is_listed(page_without_js, site_url):
    page_without_js.goto(site_url + "bibliotheque/")
    assert not page_without_js.locator("form[data-biblio-filtres]").is_visible()
    assert visible_titles(page_without_js) == ALL


def test_document_titles_are_found_by_the_search(page, site_url):
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("village metropole", delay=10)
    page.locator(".md-search-result__meta").filter(has_text="trouvé").wait_for()
    links = page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert any("bibliotheque/" in href and href.endswith(
        "#document-villes-intelligentes-tous-concernes-du-village-a-la-metropole")
        for href in links)


def test_town_filter_and_case_index_in_french_order(site_dir: Path):
    """« Béthune » before « Boulogne-sur-Mer », as in a dictionary (by code point, « é »
    came after every unaccented letter)."""
    library = read(site_dir, "bibliotheque/index.html")
    select = library[library.index('name="ville"'):]
    towns = re.findall(r'<option value="[^"-][^"]*">([^<]+)</option>',
                       select[:select.index("</select>")])
    assert towns.index("Béthune") < towns.index("Boulogne-sur-Mer")
    index = read(site_dir, "cas/index.html")
    assert index.index('data-cas="bethune"') < index.index('data-cas="boulogne-sur-mer"')
    assert index.index('data-cas="chartres"') < index.index('data-cas="chateauroux"')
