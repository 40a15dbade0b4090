"""`make offline`: the zipped site works from a folder over file://, with no network.

The zip is made by the real Makefile target (into a temporary path); the browser then
opens the unzipped copy and every request of every test must stay on file://.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from vmi.testing import ROOT
from vmi.testing.browser import LISTEN, OTHER_SITE, REQUIRED, policy_of, record_requests, use_site, violations
from vmi.testing.diagnostic import answer, as_file, checked_answers, every_answer, export, team_answers

pytestmark = pytest.mark.slow(35)


def _listing(folder: Path) -> dict[str, float]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime
            for p in folder.rglob("*")} if folder.is_dir() else {}


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("hors-ligne") / "site-hors-ligne.zip"
    before = _listing(ROOT / "site")
    # -o: the venv is already set up (pytest runs from it); do not reinstall it.
    result = subprocess.run(["make", "-o", ".venv/.site-installed", "offline", f"OFFLINE_ZIP={target}"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _listing(ROOT / "site") == before, "make offline a modifié site/"
    return target


@pytest.fixture(scope="module")
def offline_root(offline_zip: Path) -> Path:
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(offline_zip.parent / "cle-usb")
    return offline_zip.parent / "cle-usb" / "site-hors-ligne"


LOCAL = ("file:", "data:", "blob:", "about:")


@pytest.fixture
def request_log(context) -> list[str]:
    """Every URL the browser asks for; anything but file:// is refused."""
    return record_requests(context, lambda url: not url.startswith(LOCAL))


def outside(log: list[str]) -> list[str]:
    return sorted({url for url in log if not url.startswith(LOCAL)})


def test_zip_holds_a_self_contained_site(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = set(archive.namelist())
        pages = [n for n in names if n.endswith(".html")]
        assert "site-hors-ligne/index.html" in names
        assert "site-hors-ligne/search/search_index.js" in names
        assert "site-hors-ligne/cas/bethune.html" in names
        for name in pages:
            text = archive.read(name).decode("utf-8")
            assert "unpkg.com" not in text and "iframe-worker/shim" not in text, name
            if name != "site-hors-ligne/presentateur.html":  # the presenter window has no search
                assert "assets/javascripts/theme/iframe-worker.js" in text, name


def search(page, query: str) -> list[str]:
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query, delay=10)
    page.locator(".md-search-result__meta").filter(has_text="trouvé").wait_for()
    return page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")


def test_search_and_navigation_over_file(page, offline_root, request_log):
    page.goto(offline_root.joinpath("index.html").as_uri())
    links = search(page, "bethune")
    bethune = offline_root.joinpath("cas", "bethune.html").as_uri()
    assert any(link.startswith(bethune) for link in links), links
    assert any(url.endswith("search_index.js") for url in request_log)  # the log records
    first = next(i for i, link in enumerate(links) if link.startswith(bethune))
    page.locator(".md-search-result__link").nth(first).click()
    page.wait_for_url(bethune + "**")
    assert "Béthune" in page.locator("article h1").inner_text()
    page.locator(".md-footer__link--prev").click()
    page.wait_for_load_state()
    assert page.url.startswith("file:") and page.url.endswith(".html")
    assert page.locator("article h1").is_visible()
    assert outside(request_log) == []


def test_diagnostic_over_file(page, offline_root, request_log):
    page.goto(offline_root.joinpath("diagnostic.html").as_uri())
    page.evaluate("window.print = () => { window.vmiPrinted = true; }")
    scores_before = page.locator(".vmi-diag__score").all_inner_texts()
    answers = every_answer(2)
    answer(page, answers)  # results are drawn once answered
    assert page.locator(".vmi-diag__score").all_inner_texts() != scores_before  # scores computed
    assert page.locator("#vmi-priorites li").count() > 0
    with page.expect_download() as download:
        page.locator("#vmi-export-json").click()
    assert download.value.suggested_filename.endswith(".json")
    page.locator("#vmi-imprimer").click()
    assert page.evaluate("window.vmiPrinted") is True
    page.reload()  # saved in localStorage, even over file://
    page.wait_for_selector("#vmi-diag[data-vmi-init]", state="attached")
    assert checked_answers(page) == answers
    assert outside(request_log) == []


def test_projection_over_file(page, offline_root, request_log):
    start = offline_root.joinpath("a-propos.html").as_uri()
    page.goto(start + "?projection")
    assert page.evaluate("document.documentElement.dataset.mode") == "projection"
    assert page.locator(".vmi-qr").get_attribute("data-qr").endswith("/a-propos/")
    slides = page.evaluate("VMI.projection.slides().length")
    following = page.locator("link[rel=next]").evaluate("l => l.href")
    for _ in range(slides - 1):
        page.keyboard.press("PageDown")
    assert page.url.startswith(start + "?projection#")
    page.keyboard.press("PageDown")
    page.wait_for_url(following + "?projection")
    assert page.evaluate("document.documentElement.dataset.mode") == "projection"
    page.keyboard.press("Escape")
    assert page.evaluate("document.documentElement.dataset.mode") is None
    assert outside(request_log) == []


def test_team_synthesis_over_file(page, offline_root, request_log):

    page.goto(offline_root.joinpath("diagnostic", "equipe.html").as_uri())
    page.wait_for_selector("#vmi-syn[data-vmi-init]", state="attached")
    identity = page.evaluate("""() => {
        const d = JSON.parse(document.getElementById('vmi-diagnostic-data').textContent);
        return {id: d.questionnaire.id, version: d.questionnaire.version,
                questions: Object.fromEntries(d.questions.map(q => [q.id, q.h]))};
    }""")
    files = [as_file(f"r{i}.json", export(identity, answers, i + 1))
             for i, answers in enumerate(team_answers())]
    page.set_input_files("[data-synthese-import]", files)  # the computing scripts load now
    page.wait_for_selector('#vmi-syn:not([data-repondants="0"])')
    assert page.locator("#vmi-syn-etat").inner_text() == "3 répondants dans la synthèse."
    assert page.locator("[data-synthese-axe]").first.get_attribute("data-repondants") == "2"
    assert outside(request_log) == []


def test_policy_holds_over_file(context, offline_root, request_log):
    """The offline copy carries the same Content-Security-Policy as the site online, and
    search (its worker runs in a frame), projection and the diagnostic keep within it."""

    context.add_init_script(LISTEN)
    page = context.new_page()
    policy = policy_of(offline_root.joinpath("index.html").read_text(encoding="utf-8"))
    assert policy and all(f"{directive};" in f"{policy};" for directive in REQUIRED)
    page.goto(offline_root.joinpath("index.html").as_uri())
    assert search(page, "bethune")
    page.keyboard.press("Escape")
    page.goto(offline_root.joinpath("a-propos.html").as_uri() + "?projection")
    page.keyboard.press("PageDown")
    page.keyboard.press("Escape")
    assert violations(page) == []
    page.goto(offline_root.joinpath("diagnostic.html").as_uri())
    answer(page, every_answer(0))  # results are drawn once answered
    assert page.locator("#vmi-priorites li").count() > 0
    page.goto(offline_root.joinpath("cas", "bethune.html").as_uri())
    assert violations(page) == []
    assert outside(request_log) == []


def test_outside_image_is_blocked_over_file(context, offline_root):
    """Chromium announces the request, then fails it for the policy before it leaves."""

    context.add_init_script(LISTEN)
    routed: list[str] = []
    failures: dict[str, str | None] = {}
    context.route(f"{OTHER_SITE}/**", lambda route: (routed.append(route.request.url),
                                                     route.abort()))
    context.on("requestfailed", lambda request: failures.setdefault(request.url,
                                                                    request.failure))
    text = offline_root.joinpath("a-propos.html").read_text(encoding="utf-8")
    intruder = offline_root / "intrus.html"
    intruder.write_text(text.replace("</article>", f'<img src="{OTHER_SITE}/pixel.png" alt="">'
                                     f'<script src="{OTHER_SITE}/suivi.js"></script></article>'),
                        encoding="utf-8")
    page = context.new_page()
    page.goto(intruder.as_uri())
    page.wait_for_timeout(300)
    blocked = {v["blocked"] for v in violations(page)}
    assert {f"{OTHER_SITE}/pixel.png", f"{OTHER_SITE}/suivi.js"} <= blocked
    assert routed == []
    assert {failures.get(f"{OTHER_SITE}/pixel.png"), failures.get(f"{OTHER_SITE}/suivi.js")} == {"csp"}


def test_presenter_palette_and_team_synthesis_over_file(context, offline_root, request_log):
    """The rest of a visitor's path keeps within the policy over file:// too."""
    assert use_site(context, lambda path: offline_root.joinpath(path + ".html").as_uri()) == []
    assert outside(request_log) == []


def test_every_page_raises_no_violation_over_file(context, offline_zip, offline_root,
                                                  request_log):
    """Each page of the copy, opened from the folder, keeps within its policy."""
    context.add_init_script(LISTEN)
    page = context.new_page()
    with zipfile.ZipFile(offline_zip) as archive:  # the copy as shipped, not what tests added
        pages = sorted(offline_root.parent / name for name in archive.namelist()
                       if name.endswith(".html") and not name.endswith("/presentateur.html"))
    assert len(pages) >= 8
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert violations(page) == [], path.relative_to(offline_root).as_posix()
    assert outside(request_log) == []


def test_collectivite_over_file(page, offline_root, request_log):
    """The list of collectivités loads from the copy itself (a classic script) over file://."""
    page.goto(offline_root.joinpath("diagnostic.html").as_uri())
    page.wait_for_selector("#vmi-diag[data-vmi-init]", state="attached")
    field = page.locator("input[data-collectivite-recherche]")
    field.click()
    field.press_sequentially("saint die")
    page.locator("[data-collectivite-option]").first.wait_for()
    field.press("ArrowDown")
    field.press("Enter")
    chosen = page.locator("[data-collectivite]")
    chosen.wait_for()
    assert chosen.get_attribute("data-type") == "commune"
    assert "Saint-Dié-des-Vosges" in chosen.inner_text()
    page.reload()
    page.wait_for_selector("[data-collectivite]")
    assert outside(request_log) == []
