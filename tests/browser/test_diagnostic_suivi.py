"""Follow-up on /diagnostic/ in a real browser: change since an earlier result, the action
plan (saved, exported, printed as a second page) and answers made with another version of
the questionnaire. Expected scores come from the published rule (test_diagnostic.expected).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from vmi.testing.diagnostic import (
    AXES,
    DIAGNOSTIC,
    STORAGE_KEY,
    answer,
    checked_answers,
    expected,
    open_diagnostic,
    page_data,
    reload_diagnostic,
    some_answers,
    varied_answers,
)


def export_json(page, folder: Path) -> Path:
    with page.expect_download() as info:
        page.locator("#vmi-export-json").click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def erase(page) -> None:
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Effacer mes réponses").click()


def arrow(change: int | None) -> str:
    return "—" if change is None else f"▲ +{change}" if change > 0 else \
        f"▼ −{-change}" if change < 0 else "="


def change(now: dict, before: dict, axis: str) -> int | None:
    if now[axis][0] == "" or before[axis][0] == "":
        return None
    return int(now[axis][0]) - int(before[axis][0])


def test_change_since_the_last_assessment(page, site_url, tmp_path):
    open_diagnostic(page, site_url)
    old = varied_answers()
    answer(page, old)
    earlier = export_json(page, tmp_path)
    for axis in AXES:  # nothing imported: the change is empty
        assert page.locator(f'.vmi-diag__res[data-axe="{axis}"]').get_attribute("data-evolution") == ""
    erase(page)
    current = {q.id: len(q.reponses) - 1 for q in DIAGNOSTIC.questions[:12]}
    current[DIAGNOSTIC.questions[13].id] = "nsp"
    answer(page, current)
    page.set_input_files("#vmi-import", earlier)
    page.wait_for_selector("#vmi-col-evolution:not([hidden])")
    now, before = expected(current), expected(old)
    changes = {axis: change(now, before, axis) for axis in AXES}
    assert any(c is None for c in changes.values()) and any(c for c in changes.values())
    rows = page.locator("#vmi-tableau-corps tr")
    for i, axis in enumerate(AXES):
        card = page.locator(f'.vmi-diag__res[data-axe="{axis}"]')
        assert card.get_attribute("data-evolution") == ("" if changes[axis] is None
                                                        else str(changes[axis])), axis
        assert rows.nth(i).locator("td").last.inner_text() == arrow(changes[axis])
    assert checked_answers(page) == current  # the earlier result is compared, not loaded
    page.emulate_media(media="print")
    assert page.locator("#vmi-col-evolution").is_visible()  # in the printed report too


def test_action_plan_is_saved_exported_and_printed(page, site_url, tmp_path):
    open_diagnostic(page, site_url)
    lowest = {q.id: [r.points for r in q.reponses].index(min(r.points for r in q.reponses))
              for q in DIAGNOSTIC.questions}
    answer(page, lowest)
    # The full list is folded under the six priorities: one click opens it.
    page.locator("#vmi-recommandations-bloc > summary").click()
    buttons = page.locator("#vmi-recommandations [data-ajouter-au-plan]")  # the full list: no deadline set
    assert buttons.count() >= 2
    assert page.locator("[data-action]").count() == 0
    first_text = page.locator("#vmi-recommandations > ul > li").first.locator("div").inner_text()
    buttons.first.click()
    action = page.locator("[data-action]")
    action.wait_for()
    assert action.count() == 1
    assert action.locator("th span").first.inner_text() in first_text
    assert buttons.first.is_disabled()
    buttons.nth(1).click()
    page.locator("[data-action]").nth(1).wait_for()
    first = page.locator("[data-action]").first
    first.locator("[data-champ=porteur]").fill("Directrice générale des services")
    first.locator("[data-champ=echeance]").fill("2027-03-31")
    first.locator("[data-champ=statut]").select_option("en-cours")

    reload_diagnostic(page)
    page.locator("[data-action]").nth(1).wait_for()
    first = page.locator("[data-action]").first
    assert first.locator("[data-champ=porteur]").input_value() == \
        "Directrice générale des services"
    assert first.locator("[data-champ=echeance]").input_value() == "2027-03-31"
    assert first.locator("[data-champ=statut]").input_value() == "en-cours"

    plan = json.loads(export_json(page, tmp_path).read_text(encoding="utf-8"))["plan"]
    assert [(a["porteur"], a["echeance"], a["statut"]) for a in plan] == \
        [("Directrice générale des services", "2027-03-31", "en-cours"), ("", "", "a-faire")]
    with page.expect_download() as info:
        page.get_by_role("button", name="Exporter le plan (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text("utf-8-sig")),
                           delimiter=";"))
    assert rows[0] == ["action", "axe", "porteur", "échéance", "statut"]
    assert rows[1][2:] == ["Directrice générale des services", "2027-03-31", "En cours"]

    page.emulate_media(media="print")
    assert page.locator("#vmi-plan").is_visible()
    assert page.locator("#vmi-plan").evaluate("e => getComputedStyle(e).breakBefore") == "page"
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    page.emulate_media(media="screen")

    page.locator("[data-action]").nth(1).get_by_role("button", name="Retirer").click()
    assert page.locator("[data-action]").count() == 1
    reload_diagnostic(page)
    page.locator("[data-action]").first.wait_for()
    assert page.locator("[data-action]").count() == 1


def test_export_of_another_version_scores_only_what_still_matches(page, site_url, tmp_path):
    open_diagnostic(page, site_url)
    old = {q.id: len(q.reponses) - 1 for q in DIAGNOSTIC.questions}
    answer(page, old)
    path = export_json(page, tmp_path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    changed, appeared = DIAGNOSTIC.questions[0].id, DIAGNOSTIC.questions[1].id
    exported["questionnaire"]["version"] = "0000000f"
    exported["questionnaire"]["questions"][changed] = "ffffffff"
    del exported["questionnaire"]["questions"][appeared]
    exported["questionnaire"]["questions"]["question-retiree"] = "12345678"
    exported["answers"]["question-retiree"] = 0
    path.write_text(json.dumps(exported), encoding="utf-8")
    erase(page)
    current = some_answers()
    answer(page, current)
    page.set_input_files("#vmi-import", path)
    page.wait_for_selector("#vmi-col-evolution:not([hidden])")
    text = page.locator("#vmi-message").inner_text()
    assert f"1 question modifiée : Q1 ({changed})" in text.replace("\xa0", " ")
    assert f"1 question nouvelle : Q2 ({appeared})" in text.replace("\xa0", " ")
    assert "1 question supprimée : question-retiree" in text.replace("\xa0", " ")
    matching = {k: v for k, v in old.items() if k not in (changed, appeared)}
    now, before = expected(current), expected(matching)
    for axis in AXES:
        c = change(now, before, axis)
        assert page.locator(f'.vmi-diag__res[data-axe="{axis}"]').get_attribute("data-evolution") == \
            ("" if c is None else str(c)), axis


def test_saved_answers_of_an_older_version_keep_what_matches(context, site_url, site_dir):
    data = page_data(site_dir)
    hashes = {x["id"]: x["h"] for x in data["questions"]}
    changed = DIAGNOSTIC.questions[2].id
    hashes[changed] = "00000000"
    saved = {"v": 1, "date": "2026-01-05T08:00:00.000Z", "targets": {}, "notes": {},
             "answers": {q.id: 0 for q in DIAGNOSTIC.questions[:4]},
             "questionnaire": {"id": data["questionnaire"]["id"], "version": "00000001",
                               "questions": hashes}}
    context.add_init_script(
        "if (!sessionStorage.getItem('once')) { sessionStorage.setItem('once', '1'); "
        f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(saved))}); }}")
    page = context.new_page()
    open_diagnostic(page, site_url)
    alert = page.locator("#vmi-alerte")
    alert.filter(has_text="depuis votre dernière visite").wait_for()
    assert f"Q3 ({changed})" in alert.inner_text()
    kept = {q.id: 0 for q in DIAGNOSTIC.questions[:4] if q.id != changed}
    assert checked_answers(page) == kept
    reload_diagnostic(page)
    assert checked_answers(page) == kept

