"""What the build gives editors: edit links to the real source, named broken links,
the contribution guide with its quiz example left as an example."""

from __future__ import annotations

import re
from pathlib import Path

from vmi.testing import run_build

FORGE = "https://forge.example.org/villes-moyennes-intelligentes/-/edit/main/"


def _edit_link(site: Path, page: str) -> str | None:
    html = (site / page / "index.html").read_text("utf-8")
    found = re.search(r'<a href="([^"]+)" title="Modifier cette page"[^>]*rel="edit"', html)
    return found.group(1) if found else None


def test_edit_button_opens_the_source_file(site_dir: Path):
    assert _edit_link(site_dir, "cas/bethune") == FORGE + "content/cas/bethune.md"
    assert _edit_link(site_dir, "specificites/agilite-et-proximite") == (
        FORGE + "content/specificites/agilite-et-proximite.md")
    assert _edit_link(site_dir, "glossaire") == FORGE + "content/glossaire.yml"
    assert _edit_link(site_dir, "diagnostic") == FORGE + "content/diagnostic.yml"
    assert _edit_link(site_dir, "a-propos") == FORGE + "docs/a-propos.md"
    assert _edit_link(site_dir, "cas") is None  # an index made of many files: nothing to edit


def test_no_forge_api_call_is_configured(site_dir: Path):
    html = (site_dir / "index.html").read_text("utf-8")
    assert 'data-md-component="source"' not in html and "api.github.com" not in html


def test_broken_link_in_content_fails_and_names_the_file(project: Path, tmp_path: Path):
    cas = project / "content" / "cas" / "bethune.md"
    text = cas.read_text("utf-8")
    assert "](../piliers.md)" in text
    cas.write_text(text.replace("](../piliers.md)", "](../pilier.md)"), "utf-8")
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "](../piliers.md)" in row)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"content/cas/bethune.md:{line}: Doc file 'content/cas/bethune.md' contains a link " \
           f"'../pilier.md'" in result.stderr


def test_broken_anchor_in_docs_fails_and_names_the_file(project: Path, tmp_path: Path):
    page = project / "docs" / "a-propos.md"
    page.write_text(page.read_text("utf-8") + "\nVoir [ici](confidentialite.md#nulle-part).\n",
                    "utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "docs/a-propos.md:" in result.stderr and "#nulle-part" in result.stderr


def test_guide_is_reachable_and_its_quiz_example_stays_code(site_dir: Path):
    about = (site_dir / "a-propos" / "index.html").read_text("utf-8")
    assert 'href="../contribuer/"' in about
    guide = (site_dir / "contribuer" / "index.html").read_text("utf-8")
    assert "Guide de contribution" in guide
    assert "data-quiz" not in guide  # no live quiz
    assert "```quiz" in guide  # shown as an example
    nav_links = re.findall(r'class="md-nav__link"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*'
                           r'class="md-nav__link"', about)
    assert any("contribuer" in "".join(pair) for pair in nav_links)
