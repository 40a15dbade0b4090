"""« Le saviez-vous ? » blocks: answered with the keyboard in a browser, and refused at build
time when the block is invalid, with the line of the content file."""

from __future__ import annotations

from pathlib import Path

from vmi.content.quiz import find_quizzes
from vmi.core.source import parse_front_matter
from vmi.testing import ROOT, run_build

CASE = "content/cas/bethune.md"
PAGE = "cas/bethune/"


def first_quiz():
    located = parse_front_matter((ROOT / CASE).read_text(encoding="utf-8"), CASE)
    blocks, errors = find_quizzes(located.body, CASE, located.body_line)
    assert blocks and not errors
    return blocks[0].quiz


def state(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement;
        return {quiz: !!e.closest('form[data-quiz]'), type: e.type || null, value: e.value,
                checked: !!e.checked, tag: e.tagName};
    }""")


def tab_into_quiz(page, limit: int = 300) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = state(page)
        if now["quiz"]:
            return now
    raise AssertionError("Tab never reached the quiz")


def arrow_to(page, index: int) -> None:
    """Move the checked choice of the focused radio group to ``index``, with arrows only."""
    for _ in range(10):
        now = state(page)
        if now["checked"] and now["value"] == str(index):
            return
        page.keyboard.press("ArrowDown" if not now["checked"] or int(now["value"]) < index
                            else "ArrowUp")
    raise AssertionError(f"answer {index} never got checked")


def explanations(form) -> list[bool]:
    return form.locator(".vmi-quiz__explication").evaluate_all(
        "ps => ps.map(p => !p.hidden && p.offsetParent !== null)")


def test_quiz_answered_with_the_keyboard(page, site_url):
    quiz = first_quiz()
    right = [i for i, r in enumerate(quiz.reponses) if r.correct]
    wrong = next(i for i, r in enumerate(quiz.reponses) if not r.correct)
    assert len(right) == 1  # a radio quiz; Bethune's has one right answer
    page.goto(site_url + PAGE)
    form = page.locator("form[data-quiz]").first
    assert quiz.question in form.locator("legend").inner_text()
    assert explanations(form) == [False] * len(quiz.reponses)

    now = tab_into_quiz(page)
    assert now["type"] == "radio"
    arrow_to(page, wrong)
    page.keyboard.press("Tab")
    assert state(page)["tag"] == "BUTTON"
    page.keyboard.press("Enter")
    result = form.locator(".vmi-quiz__resultat")
    assert result.inner_text().startswith("Pas tout à fait")
    shown = explanations(form)
    assert shown == [i in (wrong, right[0]) for i in range(len(quiz.reponses))]
    assert quiz.reponses[wrong].explication in form.inner_text()

    page.keyboard.press("Shift+Tab")
    arrow_to(page, right[0])
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert result.inner_text() == "Bonne réponse\u00a0!"
    assert explanations(form) == [i == right[0] for i in range(len(quiz.reponses))]


def messages(stderr: str) -> list[str]:
    """MkDocs' log lines without their ``ERROR   -  `` prefix."""
    return [line.split(" -  ", 1)[-1] for line in stderr.splitlines()]


def test_invalid_quiz_stops_the_build_with_its_line(project: Path, tmp_path: Path):
    path = project / CASE
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = lines.index("```quiz")
    line = next(i for i in range(start, len(lines)) if lines[i].strip() == "correct: true")
    lines[line] = lines[line].replace("correct: true", 'correct: "vrai"')
    path.write_text("\n".join(lines), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode != 0
    answer = sum(1 for i in range(start, line) if lines[i].lstrip().startswith("- texte:"))
    assert (f"{CASE}:{line + 1}: quiz.reponses[{answer}].correct: doit valoir true ou false"
            in messages(result.stderr)), result.stderr
    assert not (site / "index.html").exists()


def test_quiz_without_a_right_answer_stops_the_build(project: Path, tmp_path: Path):
    path = project / CASE
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = lines.index("```quiz")
    path.write_text(text.replace("correct: true", "correct: false"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (f"{CASE}:{start + 2}: quiz: au moins une réponse doit avoir « correct: true »"
            in messages(result.stderr)), result.stderr
