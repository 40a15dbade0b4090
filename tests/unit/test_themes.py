"""Thematic sheets: one file per axis of the questionnaire, and what their pages compute
from the other files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vmi.content.loader import load_content
from vmi.content.themes import sheet_context
from vmi.core.errors import ContentErrors, french_typography
from vmi.testing import ROOT

DOCS = {p.name for p in (ROOT / "docs").glob("*.md")}


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content", DOCS)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def test_every_axis_has_its_sheet(content):
    assert {e.slug for e in content.themes} == {a.id for a in content.diagnostic.axes}


def test_an_axis_without_a_sheet_is_named(copy: Path):
    axe = sorted((copy / "themes").glob("*.yml"))[0]
    axe.unlink()
    with pytest.raises(ContentErrors) as caught:
        load_content(copy, DOCS)
    found = [str(e) for e in caught.value.errors]
    assert french_typography(
        f"content/diagnostic.yml: l’axe « {axe.stem} » n’a pas de fiche thématique : "
        f"créez content/themes/{axe.stem}.yml") in found
    # The axis's recommendations link its sheet: those links are named too, nothing else.
    others = [e for e in found if "n’a pas de fiche" not in e]
    assert others and all(f"themes/{axe.stem}" in e for e in others)


def test_computed_sections_follow_the_other_files(content):
    axes = {a.id: a for a in content.diagnostic.axes}
    for entry in content.themes:
        context = sheet_context(content, entry, axes[entry.slug], [])
        assert [o.id for o in context["obligations"]] == [
            o.id for o in content.obligations if o.axe == entry.slug]
        assert [f.id for f in context["financements"]] == [
            f.id for f in content.financements if entry.slug in f.axes and f.statut == "ouvert"]
        linked = {ref.removeprefix("cas/") for r in content.diagnostic.recommandations
                  if r.axe == entry.slug for ref in r.liens if ref.startswith("cas/")}
        assert {c.slug for c in context["cas_lies"]} == linked & {c.slug for c in content.cas}


def test_a_closed_scheme_is_never_offered_on_a_sheet(content):
    axes = {a.id: a for a in content.diagnostic.axes}
    closed = {f.id for f in content.financements if f.statut == "clos"}
    offered = {f.id for entry in content.themes
               for f in sheet_context(content, entry, axes[entry.slug], [])["financements"]}
    assert closed and offered and not closed & offered
