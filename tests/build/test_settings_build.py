"""The settings of ``extra.vmi`` change a real build: another content folder, renamed
sections, a smaller navigation, another cache folder; a bad one stops the build before
anything is written."""

from __future__ import annotations

from pathlib import Path

from vmi.testing import run_build

SETTINGS = """  vmi:
    contenu: contenus
    navigation_max: 1
    cache: .cache/vmi
    rubriques: {cas: Nos démarches}
"""


def _configure(project: Path, settings: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  vmi:\n")
    end = text.index("\n\n", start) + 1
    config.write_text(text[:start] + settings + text[end:], encoding="utf-8")


def test_settings_shape_the_site(project: Path, tmp_path: Path):
    (project / "content").rename(project / "contenus")
    _configure(project, SETTINGS)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "site" / "cas" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Nos démarches</h1>" in index
    specificites = (tmp_path / "site" / "specificites" / "index.html").read_text("utf-8")
    assert 'href="agilite-et-proximite/"' in specificites  # the index lists every page…
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="specificites/agilite-et-proximite/"' not in home  # …the menu no longer
    bethune = (tmp_path / "site" / "cas" / "bethune" / "index.html").read_text("utf-8")
    assert "/-/edit/main/contenus/cas/bethune.md" in bethune  # « Modifier cette page »
    assert list((project / ".cache" / "vmi" / "jinja").iterdir())  # compiled templates
    assert not (project / ".cache" / "jinja").exists()


def test_a_bad_setting_stops_the_build_in_french(project: Path, tmp_path: Path):
    _configure(project, "  vmi:\n    navigation_max: beaucoup\n")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 1
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index("    navigation_max: beaucoup") + 1
    assert (f"mkdocs.yml:{line}: extra.vmi.navigation_max: doit être un nombre entier"
            in result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()
