"""Checks across files: one page per town, one position per specificity."""

from pathlib import Path

import pytest

from vmi.content.loader import load_content
from vmi.core.errors import ContentErrors

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def errors(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(root, {p.name for p in (ROOT / "docs").glob("*.md")})
    return [str(e) for e in caught.value.errors]


def test_same_town_in_two_files(content: Path):
    text = (content / "cas" / "bethune.md").read_text("utf-8")
    (content / "cas" / "zz-bethune-bis.md").write_text(text, "utf-8")
    assert errors(content) == [
        "content/cas/zz-bethune-bis.md:2: ville: « Béthune » a déjà sa page : "
        "content/cas/bethune.md (complétez-la plutôt)"]


def test_same_position_in_two_specificities(content: Path):
    folder = content / "specificites"
    first = sorted(folder.glob("*.md"))[0]
    (folder / "zz-copie.md").write_text(first.read_text("utf-8"), "utf-8")
    [error] = errors(content)
    assert error.startswith("content/specificites/zz-copie.md:")
    assert f"est déjà prise par content/specificites/{first.name}" in error


def test_invalid_case_file_does_not_break_links_to_it(content: Path):
    cas = content / "cas" / "bethune.md"
    cas.write_text(cas.read_text("utf-8").replace("annee: 2017", 'annee: "2017"', 1), "utf-8")
    assert errors(content) == ["content/cas/bethune.md:5: annee: doit être un nombre entier"]


def test_unknown_pillar_reported_with_the_invalid_files_other_errors(content: Path):
    cas = content / "cas" / "bethune.md"
    text = cas.read_text("utf-8").replace("annee: 2017", 'annee: "2017"', 1)
    cas.write_text(text.replace("  - environnement\n", "  - transports\n", 1), "utf-8")
    found = [e.replace("\u00a0", " ") for e in errors(content)]  # French spacing aside
    assert found[0] == "content/cas/bethune.md:5: annee: doit être un nombre entier"
    assert found[1].startswith("content/cas/bethune.md:9: piliers[2]: pilier inconnu "
                               "« transports » (connus : alimentation, ")
    assert len(found) == 2


def test_unknown_case_in_an_invalid_specificity_is_reported_once(content: Path):
    page = content / "specificites" / "agilite-et-proximite.md"
    text = page.read_text("utf-8").replace("cas:\n", "cas:\n  - id: saumur\n    en_quoi: "
                                           "Une phrase.\n  - 12\n", 1)
    page.write_text(text.replace("---\n", "---\ninconnu: oui\n", 1), "utf-8")
    known = ", ".join(sorted(p.stem for p in (content / "cas").glob("*.md")))
    assert [e.replace("\u00a0", " ") for e in errors(content) if "agilite" in e] == [
        "content/specificites/agilite-et-proximite.md:2: inconnu: champ inconnu "
        "(champs possibles : titre, resume, ordre, cas)",
        "content/specificites/agilite-et-proximite.md:7: cas[1].id: cas inconnu « saumur » "
        f"(connus : {known})",
        "content/specificites/agilite-et-proximite.md:9: cas[2]: doit être un bloc de champs "
        "(nom : valeur)"]
