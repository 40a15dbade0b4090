"""Bad-input corpus: one defect per case, the exact ``path:line`` message editors get.

Each folder of ``tests/corpus/`` mirrors the project: its files are dropped into a copy
of the project (replacing the file of the same name), and ``expected.txt`` holds the
exact error line, or « aucune erreur » for input that must be accepted. Every case runs
through the ``vmi check`` command (what ``make check`` runs), called in this process: a
subprocess per case spent five times longer importing than checking (``tests/build/test_cli.py``
runs the console script itself). The cases of ``BUILD`` also run through a real
``mkdocs build --strict``, which must stop before touching its output.
"""

from __future__ import annotations

import contextlib
import html
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from vmi.cli.commands import main as vmi_main
from vmi.testing import ROOT, copy_project, run_build

pytestmark = pytest.mark.slow(55)

CORPUS = ROOT / "tests" / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
ACCEPTED = "aucune erreur"
BUILD = ["yaml-tabulation", "code-insee-autre-commune", "code-epci-inconnu", "yaml-guillemet-non-ferme", "encodage-latin1", "fichier-vide",
         "champ-inconnu-suggestion", "pilier-inconnu", "doublon-ville-entre-fichiers",
         "quiz-page-docs", "fins-de-ligne-crlf", "bom-utf8", "yaml-caractere-nul",
         "yaml-bombe-alias", "docs-front-matter-bombe", "embed-iframe-youtube",
         "embed-page-docs", "embed-accepte", "video-sans-titre", "embed-tableau-aligne"]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the project per module; each case copies it again (cheap, local)."""
    return copy_project(tmp_path_factory.mktemp("corpus") / "projet")


@pytest.fixture(scope="module")
def checked(pristine: Path, tmp_path_factory: pytest.TempPathFactory
            ) -> dict[str, subprocess.CompletedProcess]:
    """``make check`` of every case, each in its own copy."""
    base = tmp_path_factory.mktemp("checks")
    return {case: check(_project_with(case, pristine, base / case,
                                      parts=("mkdocs.yml", "content", "docs")))
            for case in CASES}


def _project_with(case: str, pristine: Path, target: Path,
                  parts: tuple[str, ...] | None = None) -> Path:
    if parts is None:
        shutil.copytree(pristine, target)
    for part in parts or ():
        if (pristine / part).is_dir():
            shutil.copytree(pristine / part, target / part)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pristine / part, target / part)
    folder = CORPUS / case
    for path in folder.rglob("*"):
        if path.is_file() and path != folder / "expected.txt":
            destination = target / path.relative_to(folder)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    return target


def _update(case: str, expected: str, result: subprocess.CompletedProcess) -> str:
    """``pytest --update``: write what the checker says now, when it no longer matches
    (its first error line, or « aucune erreur »)."""
    lines = result.stderr.splitlines()
    if expected in lines or (expected == ACCEPTED and result.returncode == 0):
        return expected
    now = lines[0] if result.returncode and lines else ACCEPTED
    (CORPUS / case / "expected.txt").write_text(now + "\n", encoding="utf-8")
    return now


def _expected(case: str) -> str:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").strip()


def check(project: Path) -> subprocess.CompletedProcess:
    """``vmi check`` of ``project``: its exit status and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = vmi_main(["--projet", str(project), "check"])
    return subprocess.CompletedProcess(["vmi", "check"], status, out.getvalue(), err.getvalue())


def test_corpus_is_large_enough():
    assert len(CASES) >= 30
    for case in CASES:
        assert any(p.is_file() and p.name != "expected.txt" for p in (CORPUS / case).rglob("*"))


@pytest.mark.parametrize("case", CASES)
def test_check_reports_the_exact_line(case: str, checked: dict, request: pytest.FixtureRequest):
    result = checked[case]
    expected = _expected(case)
    if request.config.getoption("--update"):
        expected = _update(case, expected, result)
    if expected == ACCEPTED:
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("fichiers vérifiés, aucune erreur")
        assert result.stderr == ""
    else:
        assert result.returncode == 1
        assert expected in result.stderr.splitlines(), result.stderr
        assert result.stdout == ""


@pytest.mark.parametrize("case", BUILD)
def test_build_stops_before_writing(case: str, pristine: Path, tmp_path: Path):
    project = _project_with(case, pristine, tmp_path / "projet")
    site = tmp_path / "site"
    site.mkdir()
    (site / "marqueur.txt").write_text("version précédente", encoding="utf-8")
    result = run_build(project, site)
    expected = _expected(case)
    if expected == ACCEPTED:
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 1
    assert any(line.endswith(f"-  {expected}") for line in result.stderr.splitlines()), (
        result.stderr)
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["marqueur.txt"]
    assert (site / "marqueur.txt").read_text(encoding="utf-8") == "version précédente"


def test_html_in_fields_is_shown_as_text(pristine: Path, tmp_path: Path):
    project = _project_with("html-dans-les-champs", pristine, tmp_path / "projet")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "cas" / "exempleville" / "index.html").read_text("utf-8")
    assert "<script>alert(1)" not in page
    assert html.escape("Exempleville<script>alert(1)</script>", quote=False) in page


def test_a_very_large_file_is_read_and_located(pristine: Path, tmp_path: Path):
    """A 100 000-line page (about 7 MB) with a broken quiz at its very end."""
    project = _project_with("fins-de-ligne-crlf", pristine, tmp_path / "projet")
    path = project / "content" / "cas" / "exempleville.md"
    text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    filler = "Une ligne de texte ordinaire, répétée pour grossir le fichier jusqu’à des Mo.\n"
    text += filler * 100_000 + "\n```quiz\nquestion: Vraiment ?\n"
    path.write_text(text, encoding="utf-8")
    line = text.count("\n") - 1  # the ```quiz line
    result = check(project)
    assert result.returncode == 1
    assert (f"content/cas/exempleville.md:{line}: quiz: bloc non fermé : ajoutez une ligne "
            f"``` après le quiz") in result.stderr.splitlines(), result.stderr
