"""Parcours in a real browser: a talk of three pages stepped through with the clicker
keys forward and back across pages, reloaded mid-way, the presenter view in step with
its plan, over http:// and file://; the whole talk printed one slide per landscape
page; the plan page and projection without accessibility violation."""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from vmi.testing import axe_violations, copy_project, run_build, serve

pytestmark = pytest.mark.slow(35)

TALK = """\
titre: Exempleville en trois pages
evenement: Forum d’Exempleville
date: "2026-03"
etapes:
  - page: a-propos
    duree: 4:30
    notes: Présenter le site en une minute.
  - page: specificites/agilite-et-proximite
    section: Pourquoi c’est important pour une ville moyenne
    duree: 3 min
  - page: cas/cahors
    duree: 2 min
"""
SECTION = "Pourquoi c’est important pour une ville moyenne"
SCREEN = {"width": 1024, "height": 768}
FORWARD = ["PageDown", "ArrowRight", " "]
BACK = ["PageUp", "ArrowLeft"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("parcours") / "projet")
    (project / "content" / "parcours" / "trois-pages.yml").write_text(TALK, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def http_plan(project: Path, tmp_path_factory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("site-http") / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    url, server = serve(site)
    yield url + "parcours/trois-pages/"
    server.shutdown()


@pytest.fixture(scope="module")
def file_plan(project: Path, tmp_path_factory) -> str:
    """The offline copy's build (``make offline``), opened over file://."""
    site = tmp_path_factory.mktemp("site-file") / "site"
    os.environ["VMI_HORS_LIGNE"] = "true"
    try:
        result = run_build(project, site)
    finally:
        del os.environ["VMI_HORS_LIGNE"]
    assert result.returncode == 0, result.stderr
    return (site / "parcours" / "trois-pages.html").as_uri()


@pytest.fixture(params=["http", "file"])
def plan_url(request) -> str:
    return request.getfixturevalue(f"{request.param}_plan")


@pytest.fixture
def screen(context):
    context.add_init_script("window.print = () => { window.vmiImprime = (window.vmiImprime || 0) + 1; };")
    page = context.new_page()
    page.set_viewport_size(SCREEN)
    return page


STATE = """() => window.VMI.projection && document.documentElement.dataset.mode === 'projection'
  ? [location.href, Number(new URLSearchParams(location.search).get('etape')), VMI.projection.current(),
     VMI.projection.slides().length, document.documentElement.dataset.parcours || '']
  : null"""


def state(page, timeout: float = 20.0, unlike: list | None = None) -> list:
    """Where the projection is (address, step, slide, slides of the step, parcours), once
    it is projecting (and differs from ``unlike``): a key may have opened another page."""
    end = time.monotonic() + timeout
    while True:
        try:
            now = page.evaluate(STATE)
        except Exception:  # the page is being replaced by the next step's  # noqa: BLE001
            now = None
        if now is not None and (unlike is None or now[:3] != unlike[:3]):
            return now
        if time.monotonic() > end:
            raise AssertionError(f"la projection n’a pas bougé : {unlike}")
        page.wait_for_timeout(100)


def press(page, key: str) -> list:
    before = state(page)
    page.keyboard.press(key)
    return state(page, unlike=before)


def launch(page, plan_url: str) -> list:
    page.goto(plan_url)
    page.locator("a[data-lancer-parcours]").click()
    return state(page)


def test_plan_page_lists_steps_durations_and_starts_the_talk(screen, http_plan):
    page = screen
    page.goto(http_plan)
    talk = page.locator('[data-parcours="trois-pages"]')
    assert talk.is_visible()
    steps = talk.locator("[data-etape]")
    assert steps.evaluate_all("l => l.map(e => e.dataset.duree)") == ["4.5", "3", "2"]
    assert steps.evaluate_all("l => l.map(e => e.dataset.page)") == [
        "/a-propos/", "/specificites/agilite-et-proximite/", "/cas/cahors/"]
    assert "9\u00a0min\u00a030" in talk.inner_text()  # the total
    assert "«\u00a0" + SECTION + "\u00a0»" in steps.nth(1).inner_text()
    assert "Présenter le site" not in page.content()  # presenter notes stay out of the page
    link = page.locator("a[data-lancer-parcours]")
    assert link.inner_text() == "Lancer la projection"
    assert axe_violations(page) == []
    at = launch(page, http_plan)
    assert at[0].split("?")[0].endswith("/a-propos/")
    assert (at[1], at[2], at[4]) == (1, 0, "trois-pages")


def test_clicker_runs_through_the_steps_forward_and_back_and_survives_a_reload(screen, plan_url):
    page = screen
    start = launch(page, plan_url)
    # Forward to the last slide of the last step, crossing pages.
    now = start
    forward = [(now[1], now[2], now[3])]
    while not (now[1] == 3 and now[2] == now[3] - 1):
        now = press(page, FORWARD[len(forward) % 3])
        forward.append((now[1], now[2], now[3]))
        if now[1] == 2:
            assert page.evaluate("() => VMI.projection.slides()[VMI.projection.current()].titre").startswith(SECTION)
        assert len(forward) < 120
    for before, after in zip(forward, forward[1:]):
        assert (after[:2] == (before[0], before[1] + 1)
                or (after[0] == before[0] + 1 and after[1] == 0 and before[1] == before[2] - 1)), forward
    assert [step for step, slide, _ in forward if slide == 0] == [1, 2, 3]  # every step, in order
    page.keyboard.press("PageDown")  # the end of the talk: nowhere further
    page.wait_for_timeout(500)
    assert state(page)[:3] == now[:3]
    # Back to the very first slide.
    back = [(now[1], now[2], now[3])]
    while not (now[1] == 1 and now[2] == 0):
        now = press(page, BACK[len(back) % 2])
        back.append((now[1], now[2], now[3]))
        assert len(back) < 120
    assert back == forward[::-1]
    # Mid-way: a reload keeps the step and the slide.
    middle = forward[len(forward) // 2]
    while (now[1], now[2]) != middle[:2]:
        now = press(page, "PageDown")
    page.reload()
    assert state(page)[:3] == now[:3]


def test_presenter_view_follows_the_plan_across_pages(screen, plan_url):
    page = screen
    now = launch(page, plan_url)
    with page.expect_popup() as popup:
        page.keyboard.press("n")
    view = popup.value
    view.set_viewport_size(SCREEN)

    def states() -> list[str]:
        view.wait_for_function("n => document.querySelectorAll('[data-plan] [data-etape]').length === n", arg=3)
        return view.locator("[data-plan] [data-etape]").evaluate_all("l => l.map(e => e.dataset.etat)")

    def in_step(step: int) -> None:
        expected = ["passee"] * (step - 1) + ["en-cours"] + ["a-venir"] * (3 - step)
        view.wait_for_function("want => JSON.stringify(Array.from(document.querySelectorAll("
                               "'[data-plan] [data-etape]'), e => e.dataset.etat)) === want",
                               arg=json.dumps(expected, separators=(",", ":")), timeout=10000)
        assert states() == expected

    in_step(1)
    assert "Présenter le site en une minute." in view.locator("[data-notes-etape]").inner_text()
    timing = view.locator("[data-temps-parcours]")
    assert "Étape 1 sur 3" in timing.inner_text() and "4\u00a0min\u00a030 prévues" in timing.inner_text()
    assert timing.locator("[data-ecart]").get_attribute("data-ecart") == "a-l-heure"
    while now[1] == 1:
        now = press(page, "PageDown")
    in_step(2)
    assert view.locator("[data-temps-parcours] [data-ecart]").get_attribute("data-ecart") == "avance"
    assert "en avance de" in timing.inner_text()
    view.locator("[data-pas='1']").click()  # the presenter's own button crosses pages too
    in_step(3)
    assert state(page)[1] == 3
    view.keyboard.press("PageUp")
    in_step(2)
    assert axe_violations(view) == []


def test_the_whole_talk_prints_one_landscape_page_per_slide(screen, plan_url):
    from pypdf import PdfReader

    page = screen
    counts = []
    now = launch(page, plan_url)
    for step in (1, 2, 3):
        while now[1] < step:
            now = press(page, "PageDown")
        counts.append(now[3])
    page.keyboard.press("Control+p")
    page.wait_for_function("() => document.documentElement.dataset.impressionPrete", timeout=120000)
    assert page.evaluate("() => document.documentElement.dataset.impressionPrete") == "parcours"
    assert page.evaluate("() => window.vmiImprime") == 1  # the print dialog was asked for
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    total = sum(counts)
    assert len(pdf.pages) == total, counts
    assert all(sheet.mediabox.width > sheet.mediabox.height for sheet in pdf.pages)
    texts = [" ".join(sheet.extract_text().split()) for sheet in pdf.pages]
    assert all(f"Diapositive {n} sur {total}" in text for n, text in enumerate(texts, 1))
    assert "À propos" in texts[0]
    assert SECTION.split(" ")[0] in texts[counts[0]]  # the section step, alone
    assert "Cahors" in texts[counts[0] + counts[1]]


def test_projection_of_a_step_has_no_accessibility_violation(screen, http_plan):
    page = screen
    now = launch(page, http_plan)
    while now[1] < 2:
        now = press(page, "PageDown")
    assert page.evaluate("() => document.documentElement.dataset.parcours") == "trois-pages"
    assert axe_violations(page) == []
