"""Checks of ``content/diagnostic.yml``: each mistake an editor can make, located and in French."""

from pathlib import Path

import pytest

from vmi.content.loader import load_content
from vmi.core.errors import ContentErrors, french_typography

DIAGNOSTIC = """\
titre: Diagnostic
introduction: Texte.
axes:
  - id: donnees
    nom: Données
    description: Les données.
  - id: usagers
    nom: Usagers
    description: Les services.
niveaux:
  - min: 0
    nom: Début
    description: x
  - min: 50
    nom: Suite
    description: y
questions:
  - id: q1
    axe: donnees
    texte: Question ?
    reponses:
      - texte: Non
        points: 0
      - texte: Oui
        points: 4
  - id: q2
    axe: usagers
    texte: Autre question ?
    reponses:
      - texte: Non
        points: 0
      - texte: Oui
        points: 4
recommandations:
  - axe: donnees
    jusqu_a: 49
    texte: Faire.
    liens: [a-propos]
"""
DOCS = {"index.md", "a-propos.md"}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    root.mkdir()
    (root / "diagnostic.yml").write_text(DIAGNOSTIC)
    return root


def edit(root: Path, old: str, new: str) -> None:
    path = root / "diagnostic.yml"
    assert path.read_text().count(old) == 1, old
    path.write_text(path.read_text().replace(old, new))


def errors(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(root, docs_pages=DOCS)
    return [str(e) for e in caught.value.errors]


def test_valid_questionnaire_loads(content: Path):
    diagnostic = load_content(content, docs_pages=DOCS).diagnostic
    assert [a.id for a in diagnostic.axes] == ["donnees", "usagers"]
    assert [r.points for r in diagnostic.questions[1].reponses] == [0, 4]
    assert "diagnostic.md" in load_content(content, docs_pages=DOCS).generated_pages()


# One edit of the valid questionnaire above, and the exact errors an editor then reads.
EDITS = {
    # usagers lost its only question: the editor sees both sides of the typo
    "axe inconnu dans une question": ("    axe: usagers\n", "    axe: usager\n", [
        "content/diagnostic.yml:7: axes[2].id: aucune question pour l’axe « usagers »",
        "content/diagnostic.yml:27: questions[2].axe: axe inconnu « usager » ; "
        "vouliez-vous dire « usagers » ?"]),
    "axe inconnu dans une recommandation": (
        "  - axe: donnees\n    jusqu_a", "  - axe: donnee\n    jusqu_a", [
            "content/diagnostic.yml:35: recommandations[1].axe: axe inconnu « donnee » ; "
            "vouliez-vous dire « donnees » ?"]),
    "identifiant de question en double": ("  - id: q2\n", "  - id: q1\n", [
        "content/diagnostic.yml:26: questions[2].id: identifiant « q1 » déjà utilisé ligne 18"]),
    "identifiant d’axe en double": ("  - id: usagers\n", "  - id: donnees\n", [
        "content/diagnostic.yml:7: axes[2].id: axe « donnees » déjà utilisé ligne 4",
        "content/diagnostic.yml:27: questions[2].axe: axe inconnu « usagers » "
        "(connus : donnees)"]),
    "points au-dessus de 4": ("        points: 4\n  - id: q2", "        points: 5\n  - id: q2", [
        "content/diagnostic.yml:25: questions[1].reponses[2].points: doit valoir au plus 4"]),
    "points négatifs": (
        "        points: 0\n      - texte: Oui\n        points: 4\n  - id: q2",
        "        points: -1\n      - texte: Oui\n        points: 4\n  - id: q2", [
            "content/diagnostic.yml:23: questions[1].reponses[1].points: doit valoir au moins 0"]),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_one_mistake_one_located_error(content: Path, case: str):
    old, new, expected = EDITS[case]
    edit(content, old, new)
    assert errors(content) == [french_typography(e) for e in expected]  # « x » with NBSP


def test_fewer_than_two_answers(content: Path):
    edit(content, "      - texte: Oui\n        points: 4\nrecommandations", "recommandations")
    assert errors(content) == [
        "content/diagnostic.yml:29: questions[2].reponses: au moins 2 éléments attendus"]


def test_more_than_six_answers(content: Path):
    more = "      - texte: Plus\n        points: 4\n" * 5
    edit(content, "        points: 4\nrecommandations", f"        points: 4\n{more}recommandations")
    assert errors(content) == [
        "content/diagnostic.yml:29: questions[2].reponses: au plus 6 éléments attendus"]


def test_six_answers_are_allowed(content: Path):
    more = "      - texte: Plus\n        points: 4\n" * 4
    edit(content, "        points: 4\nrecommandations", f"        points: 4\n{more}recommandations")
    assert len(load_content(content, docs_pages=DOCS).diagnostic.questions[1].reponses) == 6


def test_levels_must_ascend(content: Path):
    edit(content, "  - min: 50\n", "  - min: 0\n")
    assert errors(content) == [
        "content/diagnostic.yml:14: niveaux[2].min: les niveaux doivent être croissants "
        "(0 après 0)"]


def test_first_level_starts_at_zero(content: Path):
    edit(content, "  - min: 0\n", "  - min: 10\n")
    assert errors(content) == [
        "content/diagnostic.yml:11: niveaux[1].min: le premier niveau doit commencer à 0"]


def test_recommendation_link_to_a_missing_page(content: Path):
    edit(content, "liens: [a-propos]", "liens: [a-propos, cas/inconnu]")
    assert errors(content) == [
        "content/diagnostic.yml:38: recommandations[1].liens[2]: la page « cas/inconnu » "
        "n’existe pas"]


def test_axis_without_question(content: Path):
    edit(content, "    axe: usagers\n", "    axe: donnees\n")
    assert errors(content) == [
        "content/diagnostic.yml:7: axes[2].id: aucune question pour l’axe « usagers »"]


def test_default_questionnaire_is_valid():
    root = Path(__file__).resolve().parents[2]
    docs = {p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")}
    diagnostic = load_content(root / "content", docs_pages=docs).diagnostic
    assert diagnostic is not None and len(diagnostic.axes) >= 2


def test_a_threshold_must_end_a_level(content: Path):
    edit(content, "    jusqu_a: 49\n", "    jusqu_a: 60\n")
    assert [e.replace("\u00a0", " ") for e in errors(content)] == [
        "content/diagnostic.yml:36: recommandations[1].jusqu_a: 60 ne termine aucun niveau : "
        "choisissez la fin du dernier niveau où l’action doit être proposée, parmi "
        "49 (niveau « Début »), 100 (niveau « Suite »)"]


def test_default_thresholds_end_levels_and_the_page_says_how(tmp_path: Path):
    from vmi.diagnostic.thresholds import level_ends, thresholds_used
    from vmi.testing import ROOT
    docs = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    diagnostic = load_content(ROOT / "content", docs).diagnostic
    ends = level_ends(diagnostic)
    assert len(ends) == len(diagnostic.niveaux)
    assert all(r.jusqu_a in ends for r in diagnostic.recommandations)
    used = thresholds_used(diagnostic)
    assert sum(n for _, _, n in used) == len(diagnostic.recommandations)
