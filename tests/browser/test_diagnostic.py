"""The self-diagnosis in a real browser: answering, scores, saving, sharing, import/export, print.

Expected scores come from the published rule in ``vmi.testing.diagnostic``, computed from
``content/diagnostic.yml``, so editing the questionnaire does not break these tests.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from vmi.testing.diagnostic import (
    DIAGNOSTIC,
    PAGE,
    QUESTIONS,
    STORAGE_KEY,
    answer,
    checked_answers,
    expected,
    focused,
    open_diagnostic,
    progress,
    raw_score,
    reload_diagnostic,
    shown_results,
    some_answers,
    tab_to_group,
    varied_answers,
    wait_for_results,
)

# --- Tests -----------------------------------------------------------------------------------

def test_answer_pattern_covers_the_rule():
    """The answers below reach every case of the rule (guards the test against content edits)."""
    answers = varied_answers()
    results = expected(answers)
    assert any(score == "" for score, _ in results.values())
    assert any(score not in ("", "0", "100") for score, _ in results.values())
    assert "nsp" in answers.values()
    assert any(raw_score(answers, a.id) % 1 == 0.5 for a in DIAGNOSTIC.axes
               if results[a.id][0]), "no score ends in .5: rounding is not exercised"
    thresholds = {str(n.min) for n in DIAGNOSTIC.niveaux}
    assert any(score in thresholds for score, _ in results.values())
    assert any(a.id not in {QUESTIONS[q].axe for q in answers} for a in DIAGNOSTIC.axes)


def test_keyboard_only_questionnaire_gives_the_published_scores(page, site_url):
    open_diagnostic(page, site_url)
    order = page.locator("#vmi-diagnostic fieldset").evaluate_all(
        "fs => fs.map(f => f.querySelector('input[type=radio]').name)")
    assert sorted(order) == sorted(QUESTIONS)
    answers = varied_answers()
    total = len(QUESTIONS)
    assert progress(page) == (0, total, f"0 question répondue sur {total}")
    done = 0
    for qid in order:
        if qid not in answers:
            continue
        now = tab_to_group(page, qid)
        assert now["value"] == "0" and not now["checked"]  # Tab focuses, does not answer
        if done == 0:  # the keyboard focus is visible
            assert (now["outline"] != "none" and now["outlineWidth"] != "0px") or \
                now["shadow"] != "none", now
        value = answers[qid]
        if value == "nsp":
            page.keyboard.press("ArrowUp")  # from the first choice, wraps to the last one
        elif value == 0:
            page.keyboard.press("Space")
        else:
            for _ in range(value):
                page.keyboard.press("ArrowDown")
        now = focused(page)
        assert (now["name"], now["value"], now["checked"]) == (qid, str(value), True)
        done += 1
        if done == 1:
            wait_for_results(page)  # computed from the first answer on
        count, _, text = progress(page)
        assert count == done
        assert text.startswith(f"{done} question{'s' if done > 1 else ''} "
                               f"répondue{'s' if done > 1 else ''} sur {total}")
    assert checked_answers(page) == answers
    assert shown_results(page) == expected(answers)


def test_answers_survive_a_reload_and_can_be_erased(page, site_url):
    open_diagnostic(page, site_url)
    answers = some_answers()
    answer(page, answers)
    page.select_option(f"#vmi-cible-{DIAGNOSTIC.axes[0].id}", "2")
    reload_diagnostic(page)
    assert checked_answers(page) == answers
    assert shown_results(page) == expected(answers)
    assert page.input_value(f"#vmi-cible-{DIAGNOSTIC.axes[0].id}") == "2"

    dialogs = []
    page.once("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Effacer mes réponses").click()
    assert dialogs and checked_answers(page) == answers  # « Annuler » keeps everything

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Effacer mes réponses").click()
    assert checked_answers(page) == {}
    assert shown_results(page) == expected({})
    assert page.locator("#vmi-message").inner_text() == "Vos réponses ont été effacées."
    reload_diagnostic(page)
    assert checked_answers(page) == {}
    assert page.input_value(f"#vmi-cible-{DIAGNOSTIC.axes[0].id}") == ""
    assert progress(page)[0] == 0


def test_share_link_gives_the_same_answers_elsewhere(page, site_url, browser):
    open_diagnostic(page, site_url)
    answers = varied_answers()
    answer(page, answers)
    page.select_option(f"#vmi-cible-{DIAGNOSTIC.axes[1].id}", "3")
    page.locator("#vmi-note-" + DIAGNOSTIC.axes[1].id).fill("Note privée")
    page.get_by_role("button", name="Partager").click()
    page.locator("#vmi-lien").wait_for()  # sharing is loaded at its first use
    link = page.input_value("#vmi-lien")
    assert link.startswith(site_url + PAGE + "#r=")
    assert page.locator("#vmi-lien").is_visible()

    other = browser.new_context(locale="fr-FR")
    try:
        fresh = other.new_page()
        fresh.goto(link)
        fresh.wait_for_selector("#vmi-diag[data-vmi-init]", state="attached")
        fresh.locator("#vmi-message").filter(has_text="lien de partage").wait_for()
        assert checked_answers(fresh) == answers
        assert shown_results(fresh) == expected(answers) == shown_results(page)
        assert fresh.input_value(f"#vmi-cible-{DIAGNOSTIC.axes[1].id}") == "3"
        assert fresh.input_value("#vmi-note-" + DIAGNOSTIC.axes[1].id) == ""  # notes stay home
        assert "#" not in fresh.url  # the answers do not linger in the address bar
        reload_diagnostic(fresh)  # and they were saved in this browser
        assert checked_answers(fresh) == answers
    finally:
        other.close()


def radar_series(page) -> set[str]:
    return set(page.locator("#vmi-radar polygon:not(.vmi-radar__m):not(.vmi-radar__grille)")
               .evaluate_all("ps => ps.map(p => p.getAttribute('class'))"))


def test_json_export_imports_as_a_comparison(page, site_url, browser, tmp_path: Path):
    open_diagnostic(page, site_url)
    old = varied_answers()
    answer(page, old)
    with page.expect_download() as info:
        page.get_by_role("button", name="Exporter (JSON)").click()
    download = info.value
    assert download.suggested_filename.endswith(".json")
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    assert json.loads(exported.read_text())["answers"] == old

    other = browser.new_context(locale="fr-FR")
    try:
        fresh = other.new_page()
        open_diagnostic(fresh, site_url)
        current = some_answers()
        answer(fresh, current)
        fresh.select_option(f"#vmi-cible-{DIAGNOSTIC.axes[0].id}", "1")
        assert radar_series(fresh) == {"vmi-radar__actuel", "vmi-radar__cible"}
        assert not fresh.locator("#vmi-leg-import").is_visible()
        fresh.set_input_files("#vmi-import", exported)
        fresh.wait_for_selector("#vmi-leg-import", state="visible")
        assert radar_series(fresh) == {"vmi-radar__actuel", "vmi-radar__cible",
                                       "vmi-radar__import"}
        assert "importé" in fresh.locator("#vmi-message").inner_text()
        assert checked_answers(fresh) == current
        assert shown_results(fresh) == expected(current)
    finally:
        other.close()


@pytest.mark.parametrize("content", [b"{pas du json", b'{"format": "autre", "v": 1}',
                                     b'{"format": "vmi-diagnostic", "v": 1, '
                                     b'"answers": {"question-inconnue": 0}}'])
def test_malformed_import_is_refused_in_french(page, site_url, content: bytes):
    open_diagnostic(page, site_url)
    current = some_answers()
    answer(page, current)
    page.set_input_files("#vmi-import", files=[{"name": "resultat.json",
                                                "mimeType": "application/json",
                                                "buffer": content}])
    alert = page.locator("#vmi-alerte")
    alert.filter(has_text="n’est pas un export").wait_for()
    assert alert.inner_text().startswith(
        "Le fichier importé n’est pas un export de l’auto-diagnostic.")
    assert "Vos réponses actuelles sont conservées." in alert.inner_text()
    assert checked_answers(page) == current
    assert "vmi-radar__import" not in radar_series(page)
    assert not page.locator("#vmi-leg-import").is_visible()


def test_csv_export_has_one_row_per_axis(page, site_url):
    open_diagnostic(page, site_url)
    answers = varied_answers()
    answer(page, answers)
    with page.expect_download() as info:
        page.get_by_role("button", name="Exporter (CSV)").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["axe", "score", "niveau"]
    assert [row[0] for row in body] == [a.nom for a in DIAGNOSTIC.axes]
    results = expected(answers)
    for axis, row in zip(DIAGNOSTIC.axes, body):
        score, level = results[axis.id]
        assert (row[1], row[2]) == (score, level or "non évalué")


def display(page, selector: str) -> str:
    return page.locator(selector).evaluate("e => getComputedStyle(e).display")


def test_print_shows_the_report_not_the_questionnaire(page, site_url):
    open_diagnostic(page, site_url)
    answer(page, some_answers())
    assert display(page, "#vmi-diagnostic") != "none"
    page.emulate_media(media="print")
    assert display(page, "#vmi-diagnostic") == "none"
    assert not page.locator("#vmi-diagnostic").is_visible()
    for shown in ("#vmi-resultats", "#vmi-radar svg", "#vmi-tableau", "#vmi-priorites"):
        assert page.locator(shown).is_visible(), shown
    assert display(page, "#vmi-tableau") == "table"
    for hidden in (".md-header", ".vmi-diag__actions", ".vmi-diag__progression"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("#vmi-tableau-corps tr").count() == len(DIAGNOSTIC.axes)


def test_corrupt_saved_answers_are_reported_and_the_form_still_works(context, site_url):
    context.add_init_script(
        f"if (!sessionStorage.getItem('once')) {{ sessionStorage.setItem('once', '1'); "
        f"localStorage.setItem('{STORAGE_KEY}', '{{corrupt'); }}")
    page = context.new_page()
    open_diagnostic(page, site_url)
    alert = page.locator("#vmi-alerte")
    assert "Vos réponses enregistrées n’ont pas pu être relues" in alert.inner_text()
    assert checked_answers(page) == {}
    answers = some_answers()
    answer(page, answers)
    assert shown_results(page) == expected(answers)
    assert alert.inner_text() == ""
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["answers"] == answers
    reload_diagnostic(page)
    assert checked_answers(page) == answers


@pytest.mark.parametrize("fragment", ["#r=abc", "#r=1" + "9" * 3, "#r="])
def test_malformed_share_link_shows_a_message(page, site_url, fragment: str):
    open_diagnostic(page, site_url)
    answers = some_answers()
    answer(page, answers)
    page.goto(site_url + PAGE + fragment)  # same document: the hash changes
    alert = page.locator("#vmi-alerte")
    alert.filter(has_text="lien de partage").wait_for()
    assert alert.inner_text() == ("Le lien de partage est incomplet ou abîmé. "
                                  "Vos réponses actuelles sont conservées.")
    assert checked_answers(page) == answers
    reload_diagnostic(page)  # also when the page opens with it
    assert "Le lien de partage est incomplet ou abîmé." in alert.inner_text()
    assert checked_answers(page) == answers


def target_polygon(page) -> list[tuple[float, float]]:
    points = page.locator("#vmi-radar polygon.vmi-radar__cible:not(.vmi-radar__m)") \
        .get_attribute("points")
    return [tuple(map(float, p.split(","))) for p in points.split()]


def test_target_level_draws_the_target_polygon_and_persists(page, site_url):
    open_diagnostic(page, site_url)
    assert "vmi-radar__cible" not in radar_series(page)
    assert not page.locator("#vmi-leg-cible").is_visible()
    axis = len(DIAGNOSTIC.axes) // 2
    level = len(DIAGNOSTIC.niveaux) - 2
    select = page.locator(f"#vmi-cible-{DIAGNOSTIC.axes[axis].id}")
    select.select_option(str(level))
    wait_for_results(page)
    assert page.locator("#vmi-leg-cible").is_visible()

    def radii() -> list[float]:
        return [round(math.hypot(x, y)) for x, y in target_polygon(page)]

    wanted = [0] * len(DIAGNOSTIC.axes)
    wanted[axis] = DIAGNOSTIC.niveaux[level].min
    assert radii() == wanted
    assert DIAGNOSTIC.niveaux[level].nom in page.locator("#vmi-tableau-corps").inner_text()
    select.select_option(str(level + 1))
    wanted[axis] = DIAGNOSTIC.niveaux[level + 1].min
    assert radii() == wanted
    reload_diagnostic(page)
    assert select.input_value() == str(level + 1)
    assert radii() == wanted
    select.select_option("")
    assert "vmi-radar__cible" not in radar_series(page)
