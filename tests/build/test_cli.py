"""``make check``, ``make nouveau-cas``, ``make nouvelle-specificite``: what editors type."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vmi.territories.official import official_data
from vmi.testing import ROOT, run_build, vmi_command


def vmi(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([vmi_command(), *args], cwd=project, capture_output=True,
                          text=True, timeout=60)


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The project's Makefile, using the existing venv (no installation step)."""
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    if not (project / ".venv").exists():
        (project / ".venv").symlink_to(ROOT / ".venv")
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.site-installed", *args],
                          cwd=project, capture_output=True, text=True, timeout=60)


def test_check_counts_files_and_ignores_schemas(project: Path):
    (project / "content" / "schemas" / "brouillon.json").write_text("{pas du yaml", "utf-8")
    result = vmi(project, "check")
    assert result.returncode == 0, result.stderr
    content = [p for p in (project / "content").rglob("*")
               if p.suffix in (".md", ".yml") and "documents" not in p.parent.name]
    count = len(content) + len(list((project / "docs").rglob("*.md")))
    assert result.stdout == f"{count} fichiers vérifiés, aucune erreur\n"
    assert result.stderr == ""


def test_check_lists_every_error_then_a_count(project: Path):
    cas = project / "content" / "cas" / "bethune.md"
    text = cas.read_text("utf-8").replace("annee: 2017", 'annee: "2017"', 1)
    cas.write_text(text, "utf-8")
    spec = project / "content" / "specificites" / "echelle-du-bassin-de-vie.md"
    spec.write_text(spec.read_text("utf-8").replace("- id: bethune", "- id: betune"), "utf-8")
    result = vmi(project, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("content/cas/bethune.md:")
    assert any(line.endswith("annee: doit être un nombre entier") for line in lines)
    assert any(line.startswith("content/specificites/echelle-du-bassin-de-vie.md:")
               and "cas inconnu « betune »" in line for line in lines)
    assert lines[-1] == ("2 erreurs\u00a0: corrigez les lignes ci-dessus, "
                         "puis relancez «\u00a0make check\u00a0».")


def test_help_is_french(project: Path):
    result = vmi(project, "--help")
    assert "vérifie tout le contenu sans construire le site" in result.stdout
    assert "affiche cette aide" in result.stdout


def test_new_case_validates_at_once_and_builds(project: Path, tmp_path: Path):
    """A name that is one current commune gets its code from the official extract: the
    page shows its department without anything typed by hand."""
    (commune,) = official_data().named("Saint-Étienne-du-Rouvray")
    result = make(project, "nouveau-cas", "VILLE=Saint-Étienne-du-Rouvray")
    assert result.returncode == 0, result.stderr
    assert f"code_insee\u00a0: {commune.code} (Saint-Étienne-du-Rouvray, " \
           f"{commune.departement})" in result.stdout
    path = project / "content" / "cas" / "saint-etienne-du-rouvray.md"
    text = path.read_text("utf-8")
    assert 'ville: "Saint-Étienne-du-Rouvray"' in text
    assert f'\ncode_insee: "{commune.code}"\n' in text
    assert "\ndepartement:" not in text and "\nregion:" not in text
    for field in ("demarche", "annee", "resume", "piliers", "partenaires",
                  "feuille_de_route", "sources"):
        assert f"\n{field}:" in text
    assert text.count("À compléter") >= 5
    assert vmi(project, "check").returncode == 0
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "site" / "cas" / "saint-etienne-du-rouvray" / "index.html").read_text()
    assert "Saint-Étienne-du-Rouvray" in page and "À compléter" in page
    assert f"<dd>{commune.departement}</dd>" in page


def test_new_case_of_a_shared_name_lists_the_communes(project: Path):
    communes = official_data().named("Saint-Grégoire")
    assert len(communes) >= 2
    result = make(project, "nouveau-cas", "VILLE=Saint-Grégoire")
    assert result.returncode == 0, result.stderr
    text = (project / "content" / "cas" / "saint-gregoire.md").read_text("utf-8")
    for commune in communes:
        assert f"  {commune.code}\u00a0: Saint-Grégoire ({commune.departement})" in result.stdout
        assert f'# code_insee: "{commune.code}"  # Saint-Grégoire ({commune.departement})' \
               in text
    assert "\ncode_insee:" not in text and '\ndepartement: "À compléter"' in text
    assert vmi(project, "check").returncode == 0


def test_new_case_of_a_town_outside_the_data_is_written_by_hand(project: Path):
    result = make(project, "nouveau-cas", "VILLE=Exempleville")
    assert result.returncode == 0, result.stderr
    assert "Aucune commune actuelle ne porte ce nom" in result.stdout
    text = (project / "content" / "cas" / "exempleville.md").read_text("utf-8")
    assert '\ndepartement: "À compléter"' in text and "\ncode_insee:" not in text


def test_new_case_refuses_to_overwrite(project: Path):
    before = (project / "content" / "cas" / "bethune.md").read_bytes()
    result = make(project, "nouveau-cas", "VILLE=Béthune")
    assert result.returncode != 0
    assert "content/cas/bethune.md existe déjà" in result.stderr
    assert (project / "content" / "cas" / "bethune.md").read_bytes() == before


def test_new_specificity_takes_the_next_position(project: Path):
    result = make(project, "nouvelle-specificite", "TITRE=Des services mutualisés")
    assert result.returncode == 0, result.stderr
    text = (project / "content" / "specificites" / "des-services-mutualises.md").read_text()
    assert 'titre: "Des services mutualisés"' in text
    assert "ordre: 5" in text
    assert vmi(project, "check").returncode == 0


@pytest.mark.parametrize("target,hint", [("nouveau-cas", 'VILLE="Exempleville"'),
                                         ("nouvelle-specificite", "TITRE=")])
def test_make_targets_explain_a_missing_name(project: Path, target: str, hint: str):
    result = make(project, target)
    assert result.returncode != 0
    assert hint in result.stderr
    assert "Indiquez" in result.stderr


def test_schemas_command_rewrites_the_files(project: Path):
    schema = project / "content" / "schemas" / "cas.schema.json"
    expected = schema.read_text("utf-8")
    schema.write_text("{}", "utf-8")
    editor = project / "editor" / "admin" / "config.yml"
    form = editor.read_text("utf-8")
    editor.write_text("collections: []\n", "utf-8")
    result = make(project, "schemas")
    assert result.returncode == 0, result.stderr
    assert schema.read_text("utf-8") == expected
    assert editor.read_text("utf-8") == form  # the form editor's configuration too
