"""The self-diagnosis as the browser tests drive it: the published scoring rule, written
independently of the page script, and helpers that answer and read the page.

Expected scores are computed from ``content/diagnostic.yml``, so editing the
questionnaire does not break the tests that use them.
"""

from __future__ import annotations

import itertools
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from vmi.content.loader import load_content
from vmi.model.models import Diagnostic
from vmi.testing import ROOT

PAGE = "diagnostic/"
STORAGE_KEY = "vmi-diagnostic"

def _project_diagnostic() -> Diagnostic:
    """The project's own questionnaire (the tests run on the real content)."""
    docs = ROOT / "docs"
    diagnostic = load_content(ROOT / "content",
                              docs_pages={p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
                              ).diagnostic
    assert diagnostic is not None, "content/diagnostic.yml is missing"
    return diagnostic


DIAGNOSTIC = _project_diagnostic()
QUESTIONS = {q.id: q for q in DIAGNOSTIC.questions}
AXES = [a.id for a in DIAGNOSTIC.axes]


# --- The published rule, written independently of the page script ------------------------

def _chosen(answers: dict[str, int | str]) -> dict[str, int]:
    """The answers that pick a choice (not « Je ne sais pas »)."""
    return {name: value for name, value in answers.items() if isinstance(value, int)}


def expected(answers: dict[str, int | str]) -> dict[str, tuple[str, str]]:
    """Axis id → (data-score, data-niveau) for ``answers`` (question id → index or "nsp")."""
    chosen = _chosen(answers)
    results = {}
    for axis in DIAGNOSTIC.axes:
        questions = [q for q in DIAGNOSTIC.questions if q.axe == axis.id]
        nsp = sum(1 for q in questions if answers.get(q.id) == "nsp")
        answered = [q for q in questions if q.id in chosen]
        if not answered or nsp > len(questions) / 2:
            results[axis.id] = ("", "")
            continue
        got = sum(q.reponses[chosen[q.id]].points for q in answered)
        best = sum(max(r.points for r in q.reponses) for q in answered)
        score = int((Decimal(100 * got) / Decimal(best)).quantize(Decimal(1), ROUND_HALF_UP))
        level = [n.nom for n in DIAGNOSTIC.niveaux if n.min <= score][-1]
        results[axis.id] = (str(score), level)
    return results


def raw_score(answers: dict[str, int | str], axis_id: str) -> float:
    chosen = _chosen(answers)
    answered = [q for q in DIAGNOSTIC.questions if q.axe == axis_id and q.id in chosen]
    return (100 * sum(q.reponses[chosen[q.id]].points for q in answered)
            / sum(max(r.points for r in q.reponses) for q in answered))


def varied_answers() -> dict[str, int | str]:
    """Answers that exercise every branch: full axes, some « Je ne sais pas », exactly half of
    them (still evaluated, with a score ending in .5 when possible), more than half (not
    evaluated), a score equal to a level's threshold and an axis left untouched."""
    answers: dict[str, int | str] = {}
    for a, axis in enumerate(DIAGNOSTIC.axes):
        questions = [q for q in DIAGNOSTIC.questions if q.axe == axis.id]
        if a == 2:  # more than half « Je ne sais pas »
            for j, q in enumerate(questions):
                answers[q.id] = "nsp" if j <= len(questions) // 2 else 0
        elif a == 3:  # exactly half (rounded down) « Je ne sais pas », a half-point score
            half = len(questions) // 2
            for q in questions[:half]:
                answers[q.id] = "nsp"
            rest = questions[half:]
            for choice in itertools.product(*(range(len(q.reponses)) for q in rest)):
                answers.update(zip((q.id for q in rest), choice))
                if raw_score(answers, axis.id) % 1 == 0.5:
                    break
        elif a == 4:  # the lowest answers: a score right on the first level's threshold
            for q in questions:
                points = [r.points for r in q.reponses]
                answers[q.id] = points.index(min(points))
        elif a == len(DIAGNOSTIC.axes) - 1 and a > 4:
            continue  # not answered at all
        else:
            for j, q in enumerate(questions):
                answers[q.id] = "nsp" if (a == 1 and j == 0) else (2 * j + a) % len(q.reponses)
    return answers


# --- Page helpers ----------------------------------------------------------------------------

def open_diagnostic(page: Any, site_url: str, fragment: str = "") -> None:
    page.goto(site_url + PAGE + fragment)
    page.wait_for_selector("#vmi-diag[data-vmi-init]", state="attached")


def reload_diagnostic(page: Any) -> None:
    """Reload: saved answers are read back with the scoring, loaded for them."""
    page.reload()
    page.wait_for_selector("#vmi-diag[data-vmi-init]", state="attached")


def shown_results(page: Any) -> dict[str, tuple[str, str]]:
    results = {}
    for axis in DIAGNOSTIC.axes:
        element = page.locator(f'.vmi-diag__res[data-axe="{axis.id}"]')
        assert element.count() == 1, axis.id
        results[axis.id] = (element.get_attribute("data-score"),
                            element.get_attribute("data-niveau"))
    return results


def checked_answers(page: Any) -> dict[str, int | str]:
    pairs = page.locator("#vmi-diagnostic input[type=radio]:checked").evaluate_all(
        "inputs => inputs.map(i => [i.name, i.value])")
    return {name: value if value == "nsp" else int(value) for name, value in pairs}


def answer(page: Any, answers: dict[str, int | str]) -> None:
    """Answer as a click does (one round trip: these tests are not about the keyboard)."""
    page.evaluate("""answers => Object.entries(answers).forEach(([name, value]) =>
        document.querySelector(`input[type=radio][name="${name}"][value="${value}"]`).click())""",
                  answers)
    assert checked_answers(page) == answers
    wait_for_results(page)


def wait_for_results(page: Any) -> None:
    """The results are computed by scripts loaded at the first answer: wait until drawn."""
    page.wait_for_selector("#vmi-diag[data-vmi-resultats]", state="attached")


def progress(page: Any) -> tuple[int, int, str]:
    bar = page.locator("#vmi-progression")
    return (int(bar.evaluate("p => p.value")), int(bar.evaluate("p => p.max")),
            page.locator("#vmi-progression-texte").inner_text())


def focused(page: Any) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e);
        return {type: e.type || null, name: e.name || null, value: e.value,
                inForm: !!e.closest('#vmi-diagnostic'),
                checked: !!e.checked, outline: s.outlineStyle, outlineWidth: s.outlineWidth,
                shadow: s.boxShadow};
    }""")


def tab_to_group(page: Any, name: str, limit: int = 200) -> dict:
    """Press Tab until a radio of the group ``name`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["type"] == "radio" and now["name"] == name:
            return now
        assert not now["inForm"] or now["type"] != "radio", \
            f"Tab reached {now['name']} before {name}"
    raise AssertionError(f"{name} never got the focus")


def every_answer(pick: int | None = None) -> dict[str, int | str]:
    """Every question answered: its ``pick``-th answer, or, without ``pick``, the n-th
    question's n-th answer in turn (varied, never « Je ne sais pas »)."""
    return {q.id: (n if pick is None else pick) % len(q.reponses)
            for n, q in enumerate(DIAGNOSTIC.questions)}


def some_answers() -> dict[str, int | str]:
    """A few answers of the first axes, one of them « Je ne sais pas »."""
    first = DIAGNOSTIC.questions[:5]
    answers: dict[str, int | str] = {q.id: (i + 1) % len(q.reponses) for i, q in enumerate(first)}
    answers[first[1].id] = "nsp"
    return answers


# --- Team synthesis -------------------------------------------------------------------------

def page_data(site: Path) -> dict[str, Any]:
    """The questionnaire as the built self-diagnosis page embeds it for its script."""
    page = (site / "diagnostic" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'id="vmi-diagnostic-data">(.*?)</script>', page)
    assert found, "no questionnaire data in diagnostic/index.html"
    return json.loads(found.group(1))


def identity(site: Path) -> dict[str, Any]:
    """The questionnaire identity an export of that site carries."""
    data = page_data(site)
    return {"id": data["questionnaire"]["id"], "version": data["questionnaire"]["version"],
            "questions": {x["id"]: x["h"] for x in data["questions"]}}


def export(identity: dict, answers: dict, day: int, **extra: Any) -> bytes:
    """A respondent's export file, as the diagnostic page writes it."""
    state = {"format": "vmi-diagnostic", "v": 1, "questionnaire": identity,
             "date": f"2026-03-{day:02d}T10:00:00.000Z", "answers": answers, "targets": {},
             "notes": {}, **extra}
    return json.dumps(state, ensure_ascii=False).encode()


def team_answers() -> list[dict[str, int | str]]:
    """Three respondents: the first answers the lowest choices, the second the highest, the
    third the middle ones except « Je ne sais pas » on the whole first axis (so that axis
    counts two respondents: an even median) and on the second question of every axis (so the
    second respondent's « Je ne sais pas » there makes it a point to check)."""
    low: dict[str, int | str] = {}
    high: dict[str, int | str] = {}
    mid: dict[str, int | str] = {}
    for q in DIAGNOSTIC.questions:
        points = [r.points for r in q.reponses]
        low[q.id] = points.index(min(points))
        high[q.id] = points.index(max(points))
        mid[q.id] = len(points) // 2
    first_axis = [q.id for q in DIAGNOSTIC.questions if q.axe == AXES[0]]
    for qid in first_axis:
        mid[qid] = "nsp"
    for axis in AXES:
        second = [q.id for q in DIAGNOSTIC.questions if q.axe == axis][1]
        mid[second] = high[second] = "nsp"
    return [low, high, mid]


TEAM = ("alix", "bao", "chris")  # the respondents of team_answers(), in order


def team_exports(identity: dict) -> list[dict]:
    """The export files of the three respondents of ``team_answers``, named after them."""
    return [as_file(f"{name}.json", export(identity, answers, day, nom=name.capitalize()))
            for day, (name, answers) in enumerate(zip(TEAM, team_answers()), 1)]


def as_file(name: str, content: bytes) -> dict:
    """A file for Playwright's ``set_input_files``."""
    return {"name": name, "mimeType": "application/json", "buffer": content}
