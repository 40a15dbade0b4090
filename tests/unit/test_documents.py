"""Document library, content layer: every editor mistake gives a located French message."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from vmi.content.documents import MAX_BYTES, file_format, library, size_fr
from vmi.content.loader import Content, load_content
from vmi.core.errors import ContentErrors, french_typography

ROOT = Path(__file__).resolve().parents[2]
DOCS_PAGES = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}

CASE = """---
ville: Villessai
demarche: Démarche d’essai
annee: 2020
resume: Une démarche inventée pour les tests.
piliers:
  - sante
sources:
  - titre: Source
    url: https://example.org/source
documents:
{documents}---

Texte.
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the default ``content/`` folder, with an empty documents folder."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    (target / "documents").mkdir(exist_ok=True)
    return target


def write_case(content: Path, documents: str) -> str:
    """A case with one document; its ``publie_par`` comes last, keeping the lines above."""
    if "publie_par" not in documents:
        documents += "    publie_par: ville\n"
    (content / "cas" / "villessai.md").write_text(CASE.format(documents=documents), "utf-8")
    return "content/cas/villessai.md"


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(content, DOCS_PAGES)
    return [str(error) for error in caught.value.errors]


def load(content: Path) -> Content:
    return load_content(content, DOCS_PAGES)


# One mistake in a case's document list → the one message the editor gets (its start, in
# French typography): (the case's documents, files placed in content/documents/, message).
MISTAKES = {
    "type inconnu": (
        "  - titre: Plaquette\n    type: brochure\n    url: https://example.org/plaquette.pdf\n", [],
        ":13: documents[1].type: type de document inconnu « brochure » (connus : article, autre, bilan, "),
    "fichier et url": (
        "  - titre: Cahier\n    type: cahier-des-charges\n    fichier: cdc.pdf\n"
        "    url: https://example.org/cdc.pdf\n", ["cdc.pdf"],
        ":12: documents[1]: indiquez soit « fichier », soit « url », pas les deux"),
    "ni fichier ni url": (
        "  - titre: Cahier\n    type: cahier-des-charges\n", [],
        ":12: documents[1]: indiquez « fichier » (document placé dans content/documents/) ou « url » "
        "(adresse web du document)"),
    "fichier absent": (
        "  - titre: Délibération\n    type: deliberation\n    annee: 2019\n"
        "    fichier: villessai/deliberation.pdf\n", [],
        ":15: documents[1].fichier: fichier introuvable : placez « villessai/deliberation.pdf » dans "
        "content/documents/ ou corrigez le chemin"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_document_mistake_gives_one_located_message(content: Path, mistake: str) -> None:
    documents, files, message = MISTAKES[mistake]
    for name in files:
        (content / "documents" / name).write_bytes(b"%PDF-1.4\n")
    path = write_case(content, documents)
    [error] = errors_of(content)
    assert error.startswith(path + french_typography(message)), error


@pytest.mark.parametrize("fichier", ["../cas/bethune.md", "/etc/hostname",
                                     "villessai/../../piliers.yml"])
def test_path_leaving_the_documents_folder(content: Path, fichier: str) -> None:
    path = write_case(content, f"  - titre: Fuite\n    type: autre\n    fichier: {fichier}\n")
    [error] = errors_of(content)
    assert error.startswith(f"{path}:14: documents[1].fichier: le chemin sort du dossier "
                            "content/documents/")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="pas de liens symboliques")
def test_symbolic_link_leaving_the_folder(content: Path) -> None:
    (content / "documents" / "lien.pdf").symlink_to(content / "piliers.yml")
    write_case(content, "  - titre: Lien\n    type: autre\n    fichier: lien.pdf\n")
    [error] = errors_of(content)
    assert "le chemin sort du dossier content/documents/" in error


def test_heavy_file_is_a_warning_not_an_error(content: Path) -> None:
    heavy = content / "documents" / "etude.pdf"
    with heavy.open("wb") as handle:
        handle.truncate(MAX_BYTES + 2 * 1024 * 1024)
    path = write_case(content, "  - titre: Étude lourde\n    type: etude\n"
                               "    fichier: etude.pdf\n")
    loaded = load(content)
    assert [str(w) for w in loaded.warnings] == [
        f"{path}:14: documents[1].fichier: fichier lourd (12,0\u00a0Mo) : au-delà de "
        "10\u00a0Mo, le site et son archive hors ligne s’alourdissent ; compressez-le ou "
        "donnez plutôt son adresse web (url)"]


def test_general_documents_file_is_checked_too(content: Path) -> None:
    (content / "documents.yml").write_text(
        "- titre: Plaquette\n  type: plaquette\n  url: https://example.org/plaquette\n"
        "  publie_par: etat\n"
        "- titre: Note\n  type: autre\n  fichier: note.odt\n  publie_par: autre\n", "utf-8")
    assert errors_of(content) == [
        "content/documents.yml:2: [1].type: type de document inconnu « plaquette » (connus : "
        "article, autre, bilan, cahier-des-charges, deliberation, etude, feuille-de-route, "
        "guide, presentation, reglement, schema)",
        "content/documents.yml:7: [2].fichier: fichier introuvable : placez « note.odt » dans "
        "content/documents/ ou corrigez le chemin"]


def test_duplicate_type_id(content: Path) -> None:
    types = content / "types-documents.yml"
    types.write_text(types.read_text("utf-8") + "- id: etude\n  nom: Étude bis\n"
                     "  description: Doublon.\n", "utf-8")
    [error] = errors_of(content)
    assert error.startswith("content/types-documents.yml:")
    count = types.read_text("utf-8").count("- id: ")
    assert f"[{count}].id: identifiant « etude » déjà utilisé ligne " in error


def test_broken_types_file_does_not_make_every_type_unknown(content: Path) -> None:
    (content / "types-documents.yml").write_text("- id: etude\n  nom: Étude\n", "utf-8")
    assert errors_of(content) == ["content/types-documents.yml:1: [1].description: "
                                  "champ obligatoire manquant"]


def test_file_in_subfolder_becomes_a_library_item(content: Path) -> None:
    (content / "documents" / "villessai").mkdir()
    (content / "documents" / "villessai" / "feuille-de-route.pdf").write_bytes(b"%" * 1234567)
    write_case(content, "  - titre: Feuille de route\n    type: feuille-de-route\n"
                        "    annee: 2021\n    licence: Licence Ouverte 2.0\n"
                        "    fichier: villessai/feuille-de-route.pdf\n")
    items = [i for i in library(load(content)) if i.cas and i.cas.slug == "villessai"]
    assert [(i.site_path, i.format, i.size, i.piliers) for i in items] == [
        ("documents/villessai/feuille-de-route.pdf", "PDF", "1,2\u00a0Mo", ["sante"])]


def test_french_sizes_and_formats() -> None:
    assert [size_fr(n) for n in (1, 900, 2048, 1536 * 1024)] == [
        "1\u00a0octet", "900\u00a0octets", "2\u00a0Ko", "1,5\u00a0Mo"]
    assert [file_format(f) for f in ("a.pdf", "b/c.Docx", "sans-extension")] == [
        "PDF", "DOCX", "fichier"]


def test_default_content_cites_only_links() -> None:
    """The shipped documents are public pages we can point at, never invented files."""
    items = library(load_content(ROOT / "content", DOCS_PAGES))
    assert items and all(i.document.url and not i.document.fichier for i in items)
