"""An export made before the questionnaire changed, read back on /diagnostic/ and on the team
synthesis: the questions that changed, appeared or disappeared are named, and only the
unchanged ones are scored.

``tests/fixtures/diagnostic-export-7a8a9725.json`` was exported by the page itself, on the
questionnaire of 7 December 2026 (version 7a8a9725: seven axes, 27 questions), before the four
new axes. Expected differences and scores are worked out here from that file and from the
built page's questionnaire, not written down, so later edits of the questionnaire keep the
test meaningful.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vmi.testing.diagnostic import (
    AXES,
    DIAGNOSTIC,
    as_file,
    expected,
    export,
    open_diagnostic,
    page_data,
    some_answers,
    team_answers,
)
from vmi.testing.diagnostic import identity as site_identity

FIXTURE = Path(__file__).parents[1] / "fixtures" / "diagnostic-export-7a8a9725.json"
OLD = json.loads(FIXTURE.read_text(encoding="utf-8"))


def differences(site: Path) -> tuple[list[str], list[str], list[str]]:
    """(changed, appeared, gone) question ids between the fixture and the built page."""
    now = {q["id"]: q["h"] for q in page_data(site)["questions"]}
    before = OLD["questionnaire"]["questions"]
    return ([i for i in now if i in before and before[i] != now[i]],
            [i for i in now if i not in before],
            [i for i in before if i not in now])


def still_valid(site: Path) -> dict[str, int | str]:
    """The fixture's answers to the questions that did not change."""
    now = {q["id"]: q["h"] for q in page_data(site)["questions"]}
    before = OLD["questionnaire"]["questions"]
    return {k: v for k, v in OLD["answers"].items() if before.get(k) == now.get(k)}


def labelled(ids: list[str]) -> str:
    number = {q.id: i + 1 for i, q in enumerate(DIAGNOSTIC.questions)}
    return ", ".join(f"Q{number[i]} ({i})" if i in number else i for i in ids)


def test_the_fixture_is_an_export_of_an_earlier_version(site_dir):
    """Else the tests below would prove nothing."""
    now = page_data(site_dir)["questionnaire"]
    assert OLD["questionnaire"]["id"] == now["id"]
    assert OLD["questionnaire"]["version"] != now["version"]


def test_an_export_of_the_previous_version_on_the_diagnostic(page, site_url, site_dir,
                                                             tmp_path):
    changed, appeared, gone = differences(site_dir)
    assert appeared and gone  # this version added and removed questions
    kept = still_valid(site_dir)
    # Nothing mis-scored: an axis that kept all its questions scores as the export said.
    before = expected(kept)
    now_ids = {q["id"]: q["h"] for q in page_data(site_dir)["questions"]}
    same = {i for i, h in OLD["questionnaire"]["questions"].items() if now_ids.get(i) == h}
    checked = 0
    for axis in OLD["scores"]:
        questions = [q.id for q in DIAGNOSTIC.questions if q.axe == axis]
        if set(questions) <= same and not any(g.startswith(axis + "-") for g in gone):
            assert before[axis][0] == str(OLD["scores"][axis]["score"]), axis
            checked += 1
    assert checked >= 5

    open_diagnostic(page, site_url)
    current = some_answers() | {q.id: 0 for q in DIAGNOSTIC.questions if q.id in appeared}
    page.evaluate("""answers => Object.entries(answers).forEach(([name, value]) =>
        document.querySelector(`input[type=radio][name="${name}"][value="${value}"]`).click())""",
                  current)
    page.wait_for_selector("#vmi-diag[data-vmi-resultats]", state="attached")
    page.set_input_files("#vmi-import", FIXTURE)
    page.wait_for_selector("#vmi-col-evolution:not([hidden])")
    text = page.locator("#vmi-message").inner_text().replace("\xa0", " ")
    for ids, one, many in ((changed, "question modifiée", "questions modifiées"),
                           (appeared, "question nouvelle", "questions nouvelles"),
                           (gone, "question supprimée", "questions supprimées")):
        if ids:
            label = one if len(ids) == 1 else many
            assert f"{len(ids)} {label} : {labelled(ids)}" in text
        else:
            assert one not in text and many not in text
    now = expected(current)
    for axis in AXES:
        change = "" if "" in (now[axis][0], before[axis][0]) else \
            str(int(now[axis][0]) - int(before[axis][0]))
        assert page.locator(f'.vmi-diag__res[data-axe="{axis}"]').get_attribute("data-evolution") == change, \
            axis
    # The new axes had no answer in that export: no change is shown for them.
    for axis in {q.axe for q in DIAGNOSTIC.questions if q.id in appeared} - \
            {q.axe for q in DIAGNOSTIC.questions if q.id in kept}:
        assert page.locator(f'.vmi-diag__res[data-axe="{axis}"]').get_attribute("data-evolution") == ""


@pytest.fixture(scope="module")
def identity(site_dir: Path) -> dict:
    return site_identity(site_dir)


def test_an_export_of_the_previous_version_in_the_team_synthesis(page, site_url, site_dir,
                                                                 identity):
    changed, appeared, gone = differences(site_dir)
    today = team_answers()[1]  # every question answered with its best choice, some « nsp »
    files = [as_file("avant.json", FIXTURE.read_bytes()),
             as_file("maintenant.json", export(identity, today, 7, nom="Bao"))]
    page.goto(site_url + "diagnostic/equipe/")
    page.wait_for_selector("#vmi-syn[data-vmi-init]", state="attached")
    page.set_input_files("input[type=file][data-synthese-import]", files)
    page.wait_for_selector('#vmi-syn[data-repondants="2"]')
    alert = page.locator("#vmi-syn-alertes").inner_text().replace("\xa0", " ")
    assert "« avant.json » : Le questionnaire a changé depuis cet export" in alert
    if gone:
        assert labelled(gone) in alert
    scores = [expected(still_valid(site_dir)), expected(today)]
    for axis in AXES:
        counted = [int(s[axis][0]) for s in scores if s[axis][0] != ""]
        row = page.locator(f'[data-synthese-axe="{axis}"]')
        assert row.get_attribute("data-repondants") == str(len(counted)), axis
        shown = row.locator("td").all_inner_texts()[4:]
        assert shown == [s[axis][0] or "non évalué" for s in scores], axis
    new_axes = [a for a in AXES if all(q.id in appeared for q in DIAGNOSTIC.questions
                                       if q.axe == a)]
    assert new_axes  # the four axes of this version count today's respondent only
    for axis in new_axes:
        assert page.locator(f'[data-synthese-axe="{axis}"]').get_attribute(
            "data-repondants") == "1"
