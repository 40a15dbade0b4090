"""Loading a content folder: typed objects, and every error with its line."""

from pathlib import Path

import pytest

from vmi.content.loader import load_content
from vmi.core.errors import ContentErrors, french_typography

PILIERS = """\
- id: habitat
  nom: Habitat
  description: Le logement.
- id: sante
  nom: Santé
  description: Les soins.
"""

CAS = """\
---
ville: Exempleville
departement: Nord
population:
  habitants: 12000
  annee: 2020
  source: INSEE
demarche: Exemple numérique
annee: 2019
resume: Une démarche d’exemple.
piliers: [habitat]
feuille_de_route:
  - date: "2019-03"
    etape: Lancement
sources:
  - titre: Site de la ville
    url: https://exempleville.fr/
---

## Corps
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "cas").mkdir(parents=True)
    (root / "specificites").mkdir()
    (root / "piliers.yml").write_text(PILIERS)
    (root / "cas" / "exempleville.md").write_text(CAS)
    (root / "specificites" / "echelle.md").write_text(
        "---\ntitre: Échelle\nresume: Une phrase.\nordre: 1\ncas:\n  - id: exempleville\n    en_quoi: Une "
        "phrase.\n---\nTexte\n")
    return root


def errors(root: Path, **kwargs) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(root, **kwargs)
    return [str(e) for e in caught.value.errors]


def edit_case(root: Path, old: str, new: str) -> None:
    path = root / "cas" / "exempleville.md"
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))


def test_valid_content_gives_typed_objects(content: Path):
    loaded = load_content(content)
    (case,) = loaded.cas
    assert case.slug == "exempleville"
    assert case.model.population.habitants == 12000
    assert case.model.feuille_de_route[0].date == "2019-03"
    assert [c.slug for c in loaded.cas_for_pilier("habitat")] == ["exempleville"]
    assert loaded.cas_for_pilier("sante") == []
    assert "cas/exempleville.md" in loaded.generated_pages()


# One edit of the valid case above, and the exact errors an editor then reads.
CASE_EDITS = {
    "champ obligatoire manquant": (("  source: INSEE\n", ""), [
        "content/cas/exempleville.md:4: population.source: champ obligatoire manquant"]),
    "champ inconnu, avec suggestion": (("departement:", "departemnt:"), [
        "content/cas/exempleville.md:3: departemnt: champ inconnu ; vouliez-vous dire "
        "« departement » ?"]),
    "mauvais type": (("annee: 2019", "annee: deux mille dix-neuf"), [
        "content/cas/exempleville.md:9: annee: doit être un nombre entier"]),
    "pilier inconnu": (("piliers: [habitat]", "piliers: [habitat, logement]"), [
        "content/cas/exempleville.md:11: piliers[2]: pilier inconnu « logement » "
        "(connus : habitat, sante)"]),
    "liste obligatoire vide": (("piliers: [habitat]", "piliers: []"), [
        "content/cas/exempleville.md:11: piliers: la liste ne doit pas être vide"]),
    "population nulle": (("habitants: 12000", "habitants: 0"), [
        "content/cas/exempleville.md:5: population.habitants: doit être supérieur à 0"]),
}


@pytest.mark.parametrize("case", sorted(CASE_EDITS))
def test_one_mistake_in_a_case_one_located_error(content: Path, case: str):
    (old, new), expected = CASE_EDITS[case]
    edit_case(content, old, new)
    assert errors(content) == [french_typography(e) for e in expected]  # « x » with NBSP


def test_unknown_case_in_a_specificity(content: Path):
    (content / "cas" / "exempleville.md").rename(content / "cas" / "fictiville.md")
    assert errors(content) == [
        "content/specificites/echelle.md:6: cas[1].id: cas inconnu « exempleville » "
        "(connus : fictiville)"]


def test_empty_sources_and_bad_url_and_date(content: Path):
    edit_case(content, '"2019-03"', '"2019-02-30"')
    edit_case(content, "https://exempleville.fr/", "ftp://exempleville.fr/")
    assert errors(content) == [
        "content/cas/exempleville.md:13: feuille_de_route[1].date: la date « 2019-02-30 » "
        "n’existe pas",
        "content/cas/exempleville.md:17: sources[1].url: adresse web attendue, commençant "
        "par http:// ou https://"]


def test_duplicate_pillar_id(content: Path):
    (content / "piliers.yml").write_text(PILIERS + "- id: habitat\n  nom: Logement\n"
                                         "  description: Encore.\n")
    assert errors(content)[0] == "content/piliers.yml:7: [3].id: identifiant « habitat » " \
                                 "déjà utilisé ligne 1"


def test_every_error_of_the_run_is_listed(content: Path):
    edit_case(content, "ville: Exempleville\n", "")
    (content / "piliers.yml").write_text("- id: Habitat\n  nom: Habitat\n  description: x\n")
    found = errors(content)
    assert "content/cas/exempleville.md:2: ville: champ obligatoire manquant" in found
    assert any(line.startswith("content/piliers.yml:1: [1].id: identifiant attendu")
               for line in found)
    assert len(found) == 2  # the broken pillar file does not add an error per reference


DIAGNOSTIC = """\
titre: Diagnostic
introduction: Texte.
axes:
  - {id: donnees, nom: Données, description: Les données.}
niveaux:
  - {min: 0, nom: Début, description: x}
  - {min: 50, nom: Suite, description: y}
questions:
  - id: q1
    axe: donnees
    texte: Question ?
    reponses: [{texte: Non, points: 0}, {texte: Oui, points: 4}]
recommandations:
  - axe: donnees
    jusqu_a: 49
    texte: Faire.
    liens: LIENS
"""


def test_links_of_recommendations_must_exist(content: Path):
    (content / "diagnostic.yml").write_text(
        DIAGNOSTIC.replace("LIENS", "[cas/exempleville, page-absente]"))
    assert errors(content, docs_pages={"index.md"}) == [
        "content/diagnostic.yml:17: recommandations[1].liens[2]: la page «\u00a0page-absente\u00a0» "
        "n’existe pas"]


@pytest.mark.parametrize("links", ["[index, cas/index]", "[]"])
def test_each_recommendation_links_to_a_case(content: Path, links: str):
    (content / "cas" / "index.md").unlink(missing_ok=True)
    (content / "diagnostic.yml").write_text(DIAGNOSTIC.replace("LIENS", links))
    found = errors(content, docs_pages={"index.md", "cas/index.md"})
    assert [e.replace("\u00a0", " ") for e in found] == [
        f"content/diagnostic.yml:{17 if links != '[]' else 16}: recommandations[1].liens: "
        "aucune démarche ne montre cette action : ajoutez à « liens » une démarche qui "
        "l’illustre, par exemple « cas/exempleville », ou, si aucune ne le fait, la fiche "
        "de l’axe, « themes/donnees »"]


def test_advice_no_case_shows_yet_links_to_its_axis_sheet(content: Path):
    """A new theme may have no case yet: the sheet of the recommendation's own axis will
    do, another axis's sheet will not."""
    (content / "diagnostic.yml").write_text(DIAGNOSTIC.replace("LIENS", "[themes/donnees]"))
    pages = {"index.md", "themes/donnees.md", "themes/usagers.md"}
    load_content(content, docs_pages=pages)  # no error
    (content / "diagnostic.yml").write_text(DIAGNOSTIC.replace("LIENS", "[themes/usagers]"))
    (found,) = errors(content, docs_pages=pages)
    assert "aucune démarche ne montre cette action" in found


def test_a_broken_case_is_not_reported_again_by_the_advice_linking_it(content: Path):
    (content / "cas" / "fictiville.md").write_text(CAS.replace("Exempleville", "Fictiville"))
    edit_case(content, "annee: 2019", "annee: deux-mille")
    (content / "diagnostic.yml").write_text(DIAGNOSTIC.replace("LIENS", "[cas/exempleville]"))
    found = errors(content, docs_pages={"index.md"})
    assert [e.replace("\u00a0", " ") for e in found] == [
        "content/cas/exempleville.md:9: annee: doit être un nombre entier"]


def test_advice_without_case_suggests_a_case_of_the_site(content: Path):
    (content / "cas" / "exempleville.md").rename(content / "cas" / "villeneuve-exemple.md")
    (content / "specificites" / "echelle.md").unlink()
    (content / "diagnostic.yml").write_text(DIAGNOSTIC.replace("LIENS", "[index]"))
    (found,) = errors(content, docs_pages={"index.md"})
    assert "par exemple «\u00a0cas/villeneuve-exemple\u00a0»" in found


@pytest.mark.parametrize("typed", ["santé", "Santé", "Sante", "SANTE"])
def test_mistyped_pillar_suggests_the_known_one(content: Path, typed: str):
    edit_case(content, "piliers: [habitat]", f"piliers: [habitat, {typed}]")
    assert [e.replace("\u00a0", " ").replace("\u202f", " ") for e in errors(content)] == [
        f"content/cas/exempleville.md:11: piliers[2]: pilier inconnu « {typed} » ; "
        "vouliez-vous dire « sante » ?"]


def test_mistyped_case_in_a_specificity_suggests_the_file(content: Path):
    page = content / "specificites" / "echelle.md"
    page.write_text(page.read_text("utf-8").replace("exempleville", "Exempleville"), "utf-8")
    assert [e.replace("\u00a0", " ").replace("\u202f", " ") for e in errors(content)] == [
        "content/specificites/echelle.md:6: cas[1].id: cas inconnu « Exempleville » ; "
        "vouliez-vous dire « exempleville » ?"]
