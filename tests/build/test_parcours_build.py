"""Parcours in the build: the sections a talk names in generated pages are checked
before anything is written."""

from __future__ import annotations

from pathlib import Path

from vmi.testing import copy_project, run_build

TALK = """\
titre: Exempleville au forum
etapes:
  - page: cas/bethune
    section: {section}
    duree: 5 min
  - page: themes/cybersecurite
    section: Points de réussite
    duree: 4 min
"""


def test_a_section_a_case_page_does_not_have_stops_the_build_at_its_line(tmp_path: Path):
    """A case's « Feuille de route » and a thematic sheet's « Points de réussite » come from
    their templates: the build checks sections against them, before writing anything."""
    project = copy_project(tmp_path / "projet")
    talk = project / "content" / "parcours" / "exemple.yml"
    talk.write_text(TALK.format(section="Feuille de route"), encoding="utf-8")
    assert run_build(project, tmp_path / "bon").returncode == 0
    talk.write_text(TALK.format(section="Le budget"), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "marqueur.txt").write_text("version précédente", encoding="utf-8")
    result = run_build(project, site)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "exemple.yml" in line]
    assert len(errors) == 1, result.stderr
    assert ("-  content/parcours/exemple.yml:4: etapes[1].section: la page «\u00a0cas/bethune\u00a0» "
            "n’a pas de section «\u00a0Le budget\u00a0»") in errors[0]
    assert "«\u00a0Feuille de route\u00a0»" in errors[0]
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["marqueur.txt"]
