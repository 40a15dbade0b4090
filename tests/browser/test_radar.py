"""The two radars (a respondent's on /diagnostic/, the team's on /diagnostic/equipe/) share
one frame (radar.js): every axis has its spoke and its label, labels never run into each
other, and none leaves the screen, on a phone as on a wide screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from vmi.testing.diagnostic import (
    DIAGNOSTIC,
    answer,
    identity,
    open_diagnostic,
    team_exports,
    varied_answers,
)

SIZES = [(412, 823), (1920, 1080)]


def draw_own(page, site_url: str, site_dir: Path) -> str:
    open_diagnostic(page, site_url)
    answer(page, varied_answers())
    return "#vmi-radar svg"


def draw_team(page, site_url: str, site_dir: Path) -> str:
    page.goto(site_url + "diagnostic/equipe/")
    page.set_input_files("[data-synthese-import]", team_exports(identity(site_dir)))
    page.wait_for_selector("#vmi-syn:not([data-repondants='0'])")
    return "#vmi-syn-radar svg"


def label_boxes(page, svg: str) -> list[dict]:
    page.locator(svg).scroll_into_view_if_needed()
    return page.locator(svg + " text").evaluate_all("""texts => texts.map(t => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    })""")


def overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and \
        a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("draw", [draw_own, draw_team], ids=["diagnostic", "equipe"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_axis_is_labelled_without_overlap_on_screen(page, site_url, site_dir, draw, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    svg = draw(page, site_url, site_dir)
    axes = DIAGNOSTIC.axes
    assert page.locator(svg + " line").count() == len(axes)  # a spoke per axis
    labels = label_boxes(page, svg)
    assert len(labels) == len(axes)
    for label, axis in zip(labels, axes):
        assert label["text"].replace(" ", "").startswith(axis.nom.replace(" ", "")), label["text"]
        assert label["text"].endswith("/\u00a0100") or label["text"].endswith("non évalué")
        assert 0 <= label["left"] and label["right"] <= size[0], label
    clashes = [(a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1:]
               if overlap(a, b)]
    assert clashes == []
