"""The document library: files copied into the site, linked, searchable and filterable."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from vmi.content.documents import library
from vmi.model.models import PUBLIE_PAR
from vmi.testing import project_content, run_build

PDF = b"%PDF-1.4\n% petit fichier d'essai\n" + b"0" * 3000 + b"\n%%EOF\n"

CASE_DOCUMENT = """\
  - titre: Cahier des charges d’essai
    type: cahier-des-charges
    annee: 2019
    publie_par: ville
    licence: Licence Ouverte 2.0
    fichier: exempleville/cahier des charges.pdf
"""


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


EXEMPLEVILLE = """\
---
ville: Exempleville
departement: Nord
region: Hauts-de-France
population:
  habitants: 12000
  annee: 2020
  source: INSEE, population municipale
demarche: Exempleville numérique
annee: 2019
resume: Une démarche d’exemple.
piliers:
  - habitat
sources:
  - titre: Site de la ville
    url: https://exempleville.fr/
documents:
  - titre: Article d’essai sur la ville
    type: article
    publie_par: presse
    editeur: Le Journal d’Exempleville
    url: https://journal.example.org/article
---

Texte de la page.
"""


def add_case_document(project: Path, entry: str) -> None:
    """A fictional case (never a real town: nothing is invented about one), whose
    ``documents`` list gets ``entry`` after its own article."""
    end = EXEMPLEVILLE.index("\n---\n", 4) + 1
    (project / "content" / "cas" / "exempleville.md").write_text(
        EXEMPLEVILLE[:end] + entry + EXEMPLEVILLE[end:], encoding="utf-8")


def test_a_provided_file_is_copied_and_linked(project: Path, tmp_path: Path):
    folder = project / "content" / "documents" / "exempleville"
    folder.mkdir(parents=True)
    (folder / "cahier des charges.pdf").write_bytes(PDF)
    add_case_document(project, CASE_DOCUMENT)
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    assert (site / "documents" / "exempleville" / "cahier des charges.pdf").read_bytes() == PDF
    case = read(site, "cas/exempleville/index.html")
    section = case[case.index('id="vmi-documents"'):case.index('id="vmi-sources"')]
    assert 'href="../../documents/exempleville/cahier%20des%20charges.pdf"' in section
    assert "Cahier des charges d’essai <span class=\"vmi-document__poids\">(PDF, 3\u00a0Ko)" \
        in section
    assert "Cahier des charges · 2019 · Licence\u00a0: Licence Ouverte 2.0" in section
    library = read(site, "bibliotheque/index.html")
    assert 'href="../documents/exempleville/cahier%20des%20charges.pdf"' in library
    index = json.loads(read(site, "search/search_index.json"))
    hits = [d["location"] for d in index["docs"] if "Cahier des charges d’essai" in d["title"]]
    assert hits == ["bibliotheque/#document-cahier-des-charges-d-essai"]


def test_a_heavy_file_fails_the_strict_build(project: Path, tmp_path: Path):
    folder = project / "content" / "documents" / "exempleville"
    folder.mkdir(parents=True)
    with (folder / "cahier des charges.pdf").open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    add_case_document(project, CASE_DOCUMENT)
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "content/cas/exempleville.md:" in result.stderr
    assert "documents[2].fichier: fichier lourd (11,0\u00a0Mo)" in result.stderr


def test_default_documents_are_in_the_case_page_and_the_search(site_dir: Path):
    case = read(site_dir, "cas/bethune/index.html")
    section = case[case.index('id="vmi-documents"'):case.index('id="vmi-sources"')]
    assert "En route vers des villes plus intelligentes" in section
    assert 'href="../../bibliotheque/"' in section
    index = json.loads(read(site_dir, "search/search_index.json"))
    titles = {d["title"] for d in index["docs"] if d["location"].startswith("bibliotheque/")}
    assert any("Tous concernés, du village à la métropole" in t for t in titles)


def visible_anchors(page) -> list[str]:
    return page.locator("li[data-doc-type]:visible h3").evaluate_all(
        "titles => titles.map(h => h.id)")


# What the page should show, worked out from the content layer (not from filters.js):
# every document in library order, and the anchors a filter keeps.
ITEMS = library(project_content())
ALL = [item.anchor for item in ITEMS]


def kept(**wanted: str) -> list[str]:
    """Anchors of the documents whose ``type``, ``publie_par``, ``ville`` or ``pilier``
    is the one asked for, in page order."""
    def value(item, key: str) -> list[str]:
        return {"type": [item.type.id], "publie_par": [item.document.publie_par],
                "ville": [item.cas.slug if item.cas else "-"],
                "pilier": item.piliers}[key]
    return [item.anchor for item in ITEMS
            if all(want in value(item, key) for key, want in wanted.items())]


def count_text(shown: int) -> str:
    total = len(ALL)
    if shown == total:
        return f"{total} documents affichés"
    return f"{shown} document{'s' if shown > 1 else ''} affiché{'s' if shown > 1 else ''} " \
        f"sur {total}"


def most_common(values: list[str]) -> str:
    """A value shared by several documents but not all: the filter has work to do."""
    counts = {v: values.count(v) for v in values}
    some = [v for v in counts if 1 < counts[v] < len(values)] or list(counts)
    return max(some, key=lambda v: counts[v])


TYPE = most_common([item.type.id for item in ITEMS])
KIND = most_common([item.document.publie_par for item in ITEMS])
TOWN = most_common([item.cas.slug for item in ITEMS if item.cas])
TOWN_NAME = next(item.cas.model.ville for item in ITEMS if item.cas and item.cas.slug == TOWN)


def test_the_default_library_is_big_enough_to_filter():
    """The issue's « done when »: 12 documents, 6 of them published by a town or its
    intercommunality; press, State or vendor documents beside them."""
    kinds = [item.document.publie_par for item in ITEMS]
    assert len(ITEMS) >= 12
    assert sum(kind in ("ville", "intercommunalite") for kind in kinds) >= 6
    assert set(kinds) - {"ville", "intercommunalite"}


def document_blocks(page: str) -> list[str]:
    """The HTML of each document of a page (the ``<li>`` of the partial)."""
    return [part[:part.index("</li>")] for part in page.split('<li class="vmi-document"')[1:]]


def test_each_document_says_who_published_it(site_dir: Path):
    page = read(site_dir, "bibliotheque/index.html")
    assert "rendus publics par les villes" not in page
    blocks = document_blocks(page)
    assert len(blocks) == len(ITEMS)
    for item, li in zip(ITEMS, blocks, strict=True):
        assert f'id="{item.anchor}"' in li
        assert f'data-doc-publie-par="{item.document.publie_par}"' in li
        found = re.search(r'<p class="vmi-document__auteur">Publié par&nbsp;: (.+?)</p>', li)
        assert found, item.anchor
        author = re.sub(r"<[^>]+>", "", found[1])  # glossary terms are wrapped in <abbr>
        assert PUBLIE_PAR[item.document.publie_par].lower() in author.lower()
        if item.document.editeur:
            assert html.escape(item.document.editeur, quote=False) in author




def test_a_press_document_is_not_credited_to_the_town(project: Path, tmp_path: Path):
    (project / "content" / "cas" / "exempleville.md").write_text(EXEMPLEVILLE, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    for path in ("bibliotheque/index.html", "cas/exempleville/index.html"):
        [li] = [b for b in document_blocks(read(site, path)) if "Article d’essai" in b]
        assert 'data-doc-publie-par="presse"' in li
        assert "Publié par&nbsp;: Le Journal d’Exempleville (presse)" in li


def check_filters(page) -> None:
    form = page.locator("form[data-biblio-filtres]")
    status = form.locator("[role=status]")
    assert form.is_visible()
    assert visible_anchors(page) == ALL
    assert status.inner_text() == count_text(len(ALL))
    page.get_by_label("Type", exact=True).select_option(TYPE)
    assert visible_anchors(page) == kept(type=TYPE)
    assert status.inner_text() == count_text(len(kept(type=TYPE)))
    other_types = {item.type.id for item in ITEMS} - {TYPE}
    assert not any(page.locator(f"#type-{t}").is_visible() for t in other_types)
    page.get_by_label("Publié par", exact=True).select_option(KIND)
    both = kept(type=TYPE, publie_par=KIND)
    assert visible_anchors(page) == both
    if both:
        assert status.inner_text() == count_text(len(both))
    else:
        assert status.inner_text().startswith("Aucun document ne correspond")
    page.get_by_role("button", name="Effacer les filtres").click()
    assert visible_anchors(page) == ALL
    for kind in {item.document.publie_par for item in ITEMS}:
        page.get_by_label("Publié par", exact=True).select_option(kind)
        assert visible_anchors(page) == kept(publie_par=kind), kind
    page.get_by_label("Publié par", exact=True).select_option("")
    page.get_by_label("Ville", exact=True).select_option(label=TOWN_NAME)
    assert visible_anchors(page) == kept(ville=TOWN)
    page.get_by_label("Ville", exact=True).select_option(label="Documents pour toutes les villes")
    assert visible_anchors(page) == kept(ville="-")
    page.get_by_label("Ville", exact=True).select_option("")
    pillar = most_common([p for item in ITEMS for p in item.piliers])
    page.get_by_label("Pilier", exact=True).select_option(pillar)
    assert visible_anchors(page) == kept(pilier=pillar)


def test_publisher_choices_are_those_of_the_documents(site_dir: Path):
    page = read(site_dir, "bibliotheque/index.html")
    select = page[page.index('name="publie-par"'):]
    values = re.findall(r'<option value="([^"]+)">', select[:select.index("</select>")])
    present = {item.document.publie_par for item in ITEMS}
    assert values == [kind for kind in PUBLIE_PAR if kind in present]


def test_filters_by_type_publisher_town_and_pillar(page, site_url):
    page.goto(site_url + "bibliotheque/")
    check_filters(page)
    assert "pilier=" in page.url


def test_filters_come_from_the_address(page, site_url):
    page.goto(site_url + f"bibliotheque/?type={TYPE}&publie-par={KIND}")
    assert page.get_by_label("Type", exact=True).input_value() == TYPE
    assert page.get_by_label("Publié par", exact=True).input_value() == KIND
    assert visible_anchors(page) == kept(type=TYPE, publie_par=KIND)


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
    assert visible_anchors(page_without_js) == ALL


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
