"""Parcours: a talk made of the site's pages, checked with the other content."""

from __future__ import annotations

from pathlib import Path

import pytest

from vmi.content.loader import load_content
from vmi.content.parcours import find_section, html_headings, markdown_headings, plan
from vmi.core.errors import ContentErrors
from vmi.testing import ROOT

DOCS = ROOT / "docs"
DOCS_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


@pytest.fixture
def content(tmp_path: Path) -> Path:
    import shutil
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def _write(content: Path, text: str) -> None:
    (content / "parcours" / "exemple.yml").write_text(text, encoding="utf-8")


def _errors(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(content, DOCS_PAGES, DOCS)
    return [str(e) for e in caught.value.errors]


def test_default_parcours_lasts_45_minutes_from_existing_pages():
    loaded = load_content(ROOT / "content", DOCS_PAGES, DOCS)
    (talk,) = [p for p in loaded.parcours if p.slug == "forum-45-minutes"]
    assert talk.model.total_seconds == 45 * 60
    pages = [step.page for step in talk.model.etapes]
    assert sum(page.startswith("cas/") for page in pages) == 2
    assert "diagnostic" in pages
    assert any(page.startswith("specificites/") for page in pages)


def test_steps_written_as_editors_speak(content: Path):
    _write(content, "titre: T\netapes:\n  - page: cas/bethune/\n    duree: 4:30\n"
           "  - page: diagnostic\n    duree: 1 h 05\n  - page: a-propos.md\n    duree: 12\n")
    (talk,) = [p for p in load_content(content, DOCS_PAGES, DOCS).parcours if p.slug == "exemple"]
    data = plan(talk, lambda src: src.removesuffix(".md") + "/", str, lambda md: md)
    assert [s["page"] for s in data["etapes"]] == ["cas/bethune/", "diagnostic/", "a-propos/"]
    assert [s["minutes"] for s in data["etapes"]] == ["4.5", "65", "12"]
    assert data["duree_fr"] == "1\u00a0h\u00a021\u00a0min\u00a030\u00a0s"


def test_unknown_page_bad_duration_and_missing_section_each_at_its_line(content: Path):
    _write(content, "titre: T\netapes:\n  - page: cas/betune\n    duree: 5 min\n"
           "  - page: a-propos\n    section: Notre équipe\n    duree: 2 min\n"
           "  - page: diagnostic\n    duree: bientôt\n")
    found = _errors(content)
    assert [line.split(": ")[0:2] for line in found] == [
        ["content/parcours/exemple.yml:3", "etapes[1].page"],
        ["content/parcours/exemple.yml:6", "etapes[2].section"],
        ["content/parcours/exemple.yml:9", "etapes[3].duree"]]
    assert "vouliez-vous dire «\u00a0cas/bethune\u00a0»" in found[0]


def test_sections_match_as_people_type_them():
    headings = ["Pourquoi c’est important pour une ville moyenne", "Sources"]
    assert find_section("pourquoi c'est important pour une  ville moyenne", headings) == headings[0]
    assert find_section("Pourquoi", headings) is None


def test_headings_read_from_markdown_and_from_templates():
    assert markdown_headings("## Un\n```\n## pas un titre\n```\n### Trois\n## Deux {#deux}\n") == [
        "Un", "Deux"]
    assert html_headings('<h2 id="a">Feuille <em>de</em> route<a class="headerlink">¶</a></h2>'
                         ) == ["Feuille de route¶"]
    assert find_section("Feuille de route", ["Feuille de route¶"]) == "Feuille de route¶"
