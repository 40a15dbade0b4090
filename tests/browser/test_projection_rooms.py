"""Projection for real rooms, in Chromium: every slide fits the projector, continuation
slides, the presenter window (http:// and file://), overview, one printed page per slide.

The site is the default content plus a page with a very long section and presenter notes
(``tests/fixtures/section-longue.md``, appended to « À propos »). Every page of the site is
projected at five projector sizes; geometry is measured in the page, one call per
slide. A « block » is a paragraph, list item, table row, term, heading, figure... that a
reader sees on the page outside projection: each must be whole on some slide, and cut
(partly outside the screen or its box) on none.
"""

from __future__ import annotations

import io
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vmi.testing import ROOT, copy_project, run_build, serve
from vmi.testing.diagnostic import identity, team_exports

pytestmark = pytest.mark.slow(100)

SIZES = [(1024, 768), (1280, 720), (1280, 800), (1366, 768), (1920, 1080)]
LONG_PAGE = "a-propos/"
FIXTURE = ROOT / "tests" / "fixtures" / "section-longue.md"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Blocks a reader sees; tools that projection hides on purpose are left out, and what
# the page itself marks as not for slides (vmi-hors-diapo in its HTML).
MARK_BLOCKS = """() => {
  const tools = '.vmi-forum, .vmi-diag__actions, .vmi-diag__detail, .vmi-diag__date, .vmi-diag__progression, .md-content__button, .headerlink';
  const blocks = [...document.querySelectorAll('article :is(p, li, dt, dd, tr, h1, h2, h3, h4, h5, h6, pre, img, figure, legend, label, summary, caption, blockquote, svg)')]
    .filter(el => !el.closest(tools) && !el.closest('.vmi-hors-diapo') && !el.parentElement.closest('svg') && el.checkVisibility()
                  && el.getBoundingClientRect().height > 0);
  blocks.forEach((el, i) => el.setAttribute('data-bloc', i));
  return blocks.length;
}"""

# One slide: which blocks are whole on screen, which are cut, text under the floor, text
# under the QR code or the slide counter (each line of text, and each block holding
# text), the QR code's height and how far down the screen the slide's content reaches.
MEASURE = """() => {
  const W = innerWidth, H = innerHeight, floor = 0.022 * H - 0.01;
  const article = document.querySelector('article');
  const code = document.querySelector('.vmi-qr svg');
  const qr = code && code.checkVisibility() ? code.getBoundingClientRect().height / H : 0;
  const chrome = [...document.querySelectorAll('.vmi-qr, .vmi-forum__diapo')]
    .filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect());
  const meets = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const name = el => el.tagName.toLowerCase() + ' « ' + (el.textContent || '').trim().slice(0, 50) + ' »';
  const whole = [], cut = [], covered = [], small = [];
  const block = el => {
    const r = el.getBoundingClientRect();
    if (r.height === 0 && r.width === 0) return;
    let inside = r.top >= -0.5 && r.left >= -0.5 && r.bottom <= H + 0.5 && r.right <= W + 0.5;
    for (let p = el.parentElement; inside && p && p !== article; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const b = p.getBoundingClientRect();
      inside = r.top >= b.top - 0.5 && r.left >= b.left - 0.5 && r.bottom <= b.bottom + 0.5 && r.right <= b.right + 0.5;
    }
    (inside ? whole : cut).push(inside ? el.dataset.bloc : name(el) + ' ' + Math.round(r.top) + '→' + Math.round(r.bottom));
    if (chrome.some(c => meets(r, c)) && el.textContent.trim()) covered.push(name(el));
  };
  const range = document.createRange();
  let bottom = 0;
  const text = t => {
    const el = t.parentElement;
    if (!t.data.trim() || el.closest('.vmi-forum, svg, .vmi-titre-cache')) return;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < floor) small.push(name(el) + ' ' + size.toFixed(1) + ' px');
    range.selectNodeContents(t);
    for (const line of range.getClientRects()) {
      if (chrome.some(c => meets(line, c))) covered.push('ligne de ' + name(el));
      bottom = Math.max(bottom, line.bottom);
    }
  };
  // One walk through what is displayed: a hidden element's branch is skipped whole (an
  // element displayed as its contents has no box of its own, but its children do).
  const shown = {acceptNode: n => n.nodeType === Node.TEXT_NODE || n.checkVisibility() ? NodeFilter.FILTER_ACCEPT
    : getComputedStyle(n).display === 'contents' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_REJECT};
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, shown);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) text(n);
    else if (n.hasAttribute('data-bloc')) block(n);
  }
  return {whole, cut, covered, small, qr, fill: bottom / H, slide: document.querySelector('.vmi-forum__diapo').textContent,
          scrolls: document.scrollingElement.scrollHeight > H + 1};
}"""


NEXT_FRAME = "new Promise(done => requestAnimationFrame(done))"


def _build(project: Path, site: Path, offline: bool = False) -> Path:
    env_before = os.environ.get("VMI_HORS_LIGNE")
    if offline:
        os.environ["VMI_HORS_LIGNE"] = "true"
    try:
        result = run_build(project, site)
    finally:
        if offline:
            os.environ.pop("VMI_HORS_LIGNE")
        elif env_before is not None:
            os.environ["VMI_HORS_LIGNE"] = env_before
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def long_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("longue") / "projet")
    page = project / "docs" / "a-propos.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def long_site(long_project) -> Path:
    return _build(long_project, long_project.parent / "site")


@pytest.fixture(scope="module")
def long_url(long_site):
    url, server = serve(long_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def long_offline(long_project) -> Path:
    return _build(long_project, long_project.parent / "hors-ligne", offline=True)


def site_pages(site: Path) -> list[str]:
    """Every generated page of the site, from its sitemap (whatever case pages exist),
    the home page and the long hand-written page; other hand-written pages are the same
    kind as the long one."""
    names = ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    paths = sorted({re.sub(r"^https?://[^/]+/", "", n.text) for n in names})
    assert LONG_PAGE in paths and "" in paths and "diagnostic/" in paths
    handwritten = {p.stem + "/" for p in (ROOT / "docs").glob("*.md")} - {LONG_PAGE}
    return [p for p in paths if p not in handwritten]


def each_slide(page, measure: str) -> list:
    """``measure`` (a script function) on the slide on screen and each one after it, in
    one call: it measures, then moves on, until the slide it measured is the last (a count
    read first would go stale if the slides were fitted again meanwhile; the clicker's keys
    are tested elsewhere). Pending observers run between slides, as between two presses."""
    return page.evaluate(f"""async () => {{
      const values = [];
      for (;;) {{
        values.push(({measure})());
        if (VMI.projection.current() >= VMI.projection.slides().length - 1 || values.length >= 200) {{
          return values;
        }}
        VMI.projection.next();
        await null;
      }}
    }}""")


def slide_count(page) -> int:
    return page.evaluate("VMI.projection.slides().length")


def drawn_late(page) -> None:
    """Let the self-diagnosis draw its results, which it does when they come near the
    screen (or on projecting): blocks are marked in the page as a reader ends up seeing it."""
    if page.locator("#vmi-diag").count():
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_selector("[data-vmi-resultats]", state="attached")
        page.evaluate("window.scrollTo(0, 0)")


def load(page, url: str) -> None:
    """A first visit: the tab's session storage (projection on, current slide) is emptied
    before leaving the previous page, then the page is loaded as a reader sees it."""
    if page.url.startswith("http"):
        page.evaluate("sessionStorage.clear()")
    page.goto(url)
    drawn_late(page)


def step_through(page, width: int, height: int) -> tuple[list[str], list[dict]]:
    """At this screen size, marks the loaded page's blocks outside projection, then
    projects it from its first slide (the presenter's ``p``) and measures each slide;
    leaves projection after. Leaving keeps the last slide's fragment in the address (a
    reader goes back to where the talk was): the fragment is dropped first."""
    page.set_viewport_size({"width": width, "height": height})
    # after the page has had its resize event
    total = page.evaluate(f"""async () => {{
      await {NEXT_FRAME};
      history.replaceState(null, '', location.pathname);
      return ({MARK_BLOCKS})();
    }}""")
    page.keyboard.press("p")
    page.wait_for_function("() => document.documentElement.dataset.mode === 'projection'")  # projection.js loaded
    shots = each_slide(page, MEASURE)
    slides = slides_info(page)
    for shot, after in zip(shots, slides[1:] + [{"suite": False}]):
        shot["ends_section"] = not after["suite"]
    page.keyboard.press("Escape")
    return [str(i) for i in range(total)], shots


def fit_problems(page, path: str, size: str, blocks: list[str], shots: list[dict]) -> list[str]:
    """What a room would see wrong on one page at one size (see the test below)."""
    where = f"/{path} {size}"
    problems: list[str] = []
    if path == "cas/bethune/" and len(shots) > 10:  # the longest case page
        problems.append(f"{where}: {len(shots)} diapositives")
    for shot in shots:
        at = f"{where} {shot['slide']}"
        problems += [f"{at}: coupé : {c}" for c in shot["cut"]]
        problems += [f"{at}: sous le code QR : {c}" for c in shot["covered"]]
        problems += [f"{at}: texte trop petit : {c}" for c in shot["small"]]
        if shot["fill"] < 0.5 and not shot["ends_section"] and path.startswith("cas/"):
            problems.append(f"{at}: à moitié vide ({shot['fill']:.0%}) au milieu d’une section")
        if shot["qr"] < 0.12:
            problems.append(f"{at}: code QR de {shot['qr']:.0%} de la hauteur")
        if shot["scrolls"]:
            problems.append(f"{at}: la page défile")
    seen = {b for shot in shots for b in shot["whole"]}
    missing = [b for b in blocks if b not in seen]
    if missing:
        names = page.evaluate("ids => ids.map(i => document.querySelector(`[data-bloc='${i}']`).textContent.trim().slice(0, 50))", missing)
        problems.append(f"{where}: jamais entier sur une diapositive : {names}")
    return problems


def test_every_slide_of_every_page_fits(browser, long_site, long_url):
    """At each of five projector sizes, every block whole on some slide and cut on none,
    text above the floor, never under the QR code (at least 12 % of the screen's height:
    readable from the back of a room); on case pages, no slide half empty unless it ends
    its section; Béthune's, the longest, takes at most ten slides (a talk's worth).

    Each page is loaded once, then projected at each size in turn, as when the presenter's
    laptop is plugged into the room's projector: slides are fitted on entering projection,
    whatever size the page was loaded at. One load instead of five: this is the suite's
    longest test."""
    width, height = SIZES[0]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in site_pages(long_site):
            load(page, long_url + path)
            for width, height in SIZES:
                blocks, shots = step_through(page, width, height)
                problems += fit_problems(page, path, f"{width}×{height}", blocks, shots)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def slides_info(page) -> list[dict]:
    return page.evaluate("VMI.projection.slides()")


def test_projecting_from_further_down_a_page_gives_the_same_slides(browser, long_url):
    """A reader who scrolled to the end of a page before pressing « p » gets the slides of
    one who did not: none overflows the screen (the fit was measured on the scrolled
    screen, and slide 1 of /themes/ came out 8 px too tall at 1280×720)."""
    seen = {}
    for scrolled in (False, True):
        context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fr-FR")
        page = context.new_page()
        for path in ("themes/", LONG_PAGE):
            load(page, long_url + path)
            if scrolled:
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.keyboard.press("p")
            page.wait_for_function("() => document.documentElement.dataset.mode === 'projection'")
            overflow = each_slide(page, "() => document.scrollingElement.scrollHeight - innerHeight")
            assert overflow == [0] * len(overflow), (path, scrolled)
            seen[path, scrolled] = [s["id"] for s in slides_info(page)]
            page.keyboard.press("Escape")
        context.close()
    assert seen["themes/", True] == seen["themes/", False]
    assert seen[LONG_PAGE, True] == seen[LONG_PAGE, False]


def test_long_section_is_split_at_block_boundaries(page, long_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(long_url + LONG_PAGE + "?projection")
    slides = slides_info(page)
    heading = page.locator("h2", has_text="Un atelier très long").get_attribute("id")
    parts = [s for s in slides if s["id"] == heading or s["id"].startswith(heading + "--suite-")]
    assert len(parts) >= 4
    assert [p["id"] for p in parts[1:]] == [f"{heading}--suite-{n}" for n in range(2, len(parts) + 1)]
    saw_rows = 0
    for n, part in enumerate(parts):
        page.goto(long_url + LONG_PAGE + "?projection#" + part["id"])
        assert page.evaluate("VMI.projection.current()") == slides.index(part)  # the fragment names the slide
        title = page.locator(f"[id='{heading}']")
        assert title.is_visible()
        suffix = title.evaluate("h => getComputedStyle(h, '::after').content")
        assert (suffix == '" (suite)"') == (n > 0)
        rows = page.locator("article tbody tr").evaluate_all("rs => rs.filter(r => r.checkVisibility()).length")
        if rows:
            saw_rows += rows
            assert page.locator("article thead").is_visible()  # the header repeats
        # a short section after it may share its last slide: « … (suite) · Après l’atelier »
        assert part["titre"].split(" · ")[0].endswith(" (suite)") == (n > 0)
    assert saw_rows == page.locator("article tbody tr").count()
    # an ordered list split over slides keeps its numbers
    last_item = page.locator("article ol > li", has_text="Priorité 20 :")
    page.goto(long_url + LONG_PAGE + "?projection")
    for _ in range(len(slides)):
        if last_item.is_visible():
            break
        page.keyboard.press("PageDown")
    assert last_item.evaluate("li => li.value || [...li.parentElement.children].indexOf(li) + 1") == 20
    assert last_item.evaluate("li => getComputedStyle(li, '::marker').content") in ('"20. "', "normal")


# What is on screen, per slide: the last visible block, and the rows of each table shown.
SLIDE_CONTENT = """() => {
  const seen = [...document.querySelectorAll('article :is(p, li, tr, h2, h3, h4, h5, h6, figure, summary, label, button, input, textarea, select)')]
    .filter(el => !el.closest('.vmi-forum, .md-content__button, thead') && el.checkVisibility()
                  && el.getBoundingClientRect().height > 0
                  && (el.textContent.trim() || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
  const last = seen[seen.length - 1];
  return {last: last ? last.tagName : '', text: last ? last.textContent.trim().slice(0, 40) : '',
          rows: [...document.querySelectorAll('article table')].map(t =>
            [...t.tBodies].flatMap(b => [...b.rows]).filter(r => r.checkVisibility()).length)};
}"""


@pytest.mark.parametrize("width,height", [(1024, 768), (1280, 720)], ids=["1024x768", "1280x720"])
def test_team_synthesis_slides_are_filled_and_end_on_content(page, long_site, long_url, width, height):
    """Three respondents on a projector: a table keeps its rows together as far as the
    screen allows (it was one or two rows a slide), no slide ends on a heading whose content
    is on the next one, and the synthesis of eleven axes takes at most twenty-one slides
    (thirty-two at 1280×720 before)."""
    files = team_exports(identity(long_site))
    page.set_viewport_size({"width": width, "height": height})
    page.goto(long_url + "diagnostic/equipe/")
    page.wait_for_selector("#vmi-syn[data-vmi-init]", state="attached")
    page.set_input_files("input[type=file][data-synthese-import]", files)
    page.wait_for_selector('#vmi-syn:not([data-repondants="0"])')
    page.keyboard.press("p")
    page.wait_for_function("() => document.documentElement.dataset.mode === 'projection'")
    shots = each_slide(page, SLIDE_CONTENT)
    count = len(shots)
    assert [s["text"] for s in shots if re.fullmatch(r"H[2-6]", s["last"])] == []
    respondents = [s["rows"][0] for s in shots if s["rows"] and s["rows"][0]]
    assert respondents == [3]
    axes = [s["rows"][1] for s in shots if len(s["rows"]) > 1 and s["rows"][1]]
    assert sum(axes) == page.locator("article table").nth(1).locator("tbody tr").count()
    assert min(axes[:-1], default=3) >= 3, axes  # each slide but the table's last: three rows or more
    assert count <= 21, count


def test_resize_fits_again_and_keeps_the_place(page, long_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(long_url + LONG_PAGE + "?projection")
    big = slide_count(page)
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_function(f"() => VMI.projection.slides().length > {big}")
    assert page.locator("article h1").is_visible()


# ---- Presenter window ----------------------------------------------------------------

def notes_of(page) -> str:
    return page.locator("[data-notes]").inner_text()


def presenter_session(page, start: str) -> None:
    """Open the presenter view with `n`, check notes, timer and both-way stepping."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(start)
    heading = page.locator("h2", has_text="Un atelier très long").get_attribute("id")
    page.evaluate("sessionStorage.clear()")
    page.goto(start + "?projection#" + heading)
    with page.expect_popup() as popup:
        page.keyboard.press("n")
    view = popup.value
    view.wait_for_load_state()
    view.locator("[data-presentateur]").wait_for()
    view.locator("[data-notes]", has_text="quelle étape").wait_for()
    assert "Un atelier très long" in view.locator("[data-diapo]").inner_text()
    following = slides_info(page)[page.evaluate("VMI.projection.current()") + 1]["titre"]
    assert view.locator("[data-suivante]").inner_text() == following
    assert re.fullmatch(r"Temps écoulé \d+:\d\d · il est \d+ h \d\d", view.locator("[data-chrono]").inner_text())
    chrono = view.locator("[data-ecoule]").inner_text()
    view.wait_for_function(f"() => document.querySelector('[data-ecoule]').textContent !== '{chrono}'", timeout=3000)
    # the clicker in the presenter window moves the room's slide
    before = page.evaluate("VMI.projection.current()")
    view.keyboard.press("PageDown")
    page.wait_for_function(f"() => VMI.projection.current() === {before + 1}")
    view.locator("[data-numero]", has_text=f"Diapositive {before + 2} sur").wait_for()
    assert "quelle étape" in notes_of(view)  # a section's notes show on each of its slides
    # and the room's clicker moves the presenter view
    page.keyboard.press("PageUp")
    page.keyboard.press("PageUp")
    view.locator("[data-numero]", has_text=f"Diapositive {before} sur").wait_for()
    assert "quelle étape" not in notes_of(view)
    # the buttons too
    view.get_by_role("button", name="Diapositive suivante").click()
    page.wait_for_function(f"() => VMI.projection.current() === {before}")
    # notes are not on the page, in any mode
    assert page.locator("text=quelle étape").count() == 0
    view.close()


def test_presenter_window_over_http(page, long_url):
    presenter_session(page, long_url + LONG_PAGE)


def test_presenter_window_over_file(page, long_offline):
    presenter_session(page, (long_offline / "a-propos.html").as_uri())


def test_p_loads_the_projection_code_over_file(page, long_offline):
    """projection.js comes only when the page is projected, as a classic script of the
    site: the offline copy's policy and file:// let it in."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((long_offline / "a-propos.html").as_uri())
    page.evaluate("sessionStorage.clear()")
    page.reload()
    assert page.evaluate("typeof VMI.projection") == "undefined"
    page.keyboard.press("p")
    page.wait_for_function("() => document.documentElement.dataset.mode === 'projection'")
    assert slide_count(page) > 3
    assert errors == []


def test_presenter_window_finds_every_file_it_names(page, long_url):
    """Its scripts, styles and icon are all there: without an icon of its own a browser
    asks for /favicon.ico, which the site has not (Chromium's headless mode does not ask)."""
    missing: list[str] = []
    page.context.on("response", lambda r: missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(long_url + LONG_PAGE + "?projection")
    with page.expect_popup() as popup:
        page.keyboard.press("n")
    view = popup.value
    view.locator("[data-presentateur]").wait_for()
    icons = view.locator("link[rel~=icon]").evaluate_all("links => links.map(l => l.href)")
    assert icons, "pas d’icône : le navigateur demanderait /favicon.ico"
    assert [page.request.get(url).status for url in icons] == [200] * len(icons)
    assert missing == []
    view.close()


def test_presenter_follows_the_room_to_the_next_page(page, long_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(long_url + LONG_PAGE + "?projection")
    last = slides_info(page)[-1]["id"]
    page.goto(long_url + LONG_PAGE + "?projection#" + last)
    with page.expect_popup() as popup:
        page.locator(".vmi-forum__presentateur").click()
    view = popup.value
    view.locator("[data-notes]", has_text="restent dans le navigateur").wait_for()
    following = page.locator("link[rel=next]").evaluate("l => l.href")
    view.keyboard.press("PageDown")
    page.wait_for_url(following + "?projection")
    title = page.locator("article h1").inner_text()
    view.locator("[data-diapo]", has_text=title).wait_for()
    view.close()


def test_notes_are_not_public_printed_or_searchable(page, long_site, long_url):
    page.goto(long_url + LONG_PAGE)
    assert page.locator(".admonition").filter(has_text="quelle étape").count() == 0
    assert "quelle étape" not in page.locator("article").inner_text()
    page.emulate_media(media="print")
    assert "quelle étape" not in page.locator("body").inner_text()
    index = (long_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "quelle étape" not in index and "Rappelez que les réponses" not in index
    assert "quelle étape" not in (long_site / "a-propos" / "index.html").read_text(encoding="utf-8").split('id="vmi-notes"')[0]


# ---- Overview ------------------------------------------------------------------------

def test_overview_lists_the_slides_and_jumps(page, long_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(long_url + LONG_PAGE + "?projection")
    slides = slides_info(page)
    page.keyboard.press("o")
    overview = page.get_by_role("navigation", name="Vue d’ensemble des diapositives")
    assert overview.is_visible()
    assert overview.get_by_role("button").all_inner_texts() == [f"{n}. {s['titre']}" for n, s in enumerate(slides, 1)]
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    assert not overview.is_visible()
    assert page.evaluate("VMI.projection.current()") == 2
    assert page.evaluate("location.hash") == "#" + slides[2]["id"]
    page.keyboard.press("o")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    assert page.evaluate("VMI.projection.current()") == 2
    assert page.evaluate("document.documentElement.dataset.mode") == "projection"


# ---- Print ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", [LONG_PAGE, "cas/bethune/", ""])
def test_print_in_projection_gives_one_landscape_page_per_slide(page, long_url, path):
    from pypdf import PdfReader

    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(long_url + path + "?projection")
    slides = slides_info(page)
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == len(slides)
    for number, (sheet, slide) in enumerate(zip(pdf.pages, slides), start=1):
        assert sheet.mediabox.width > sheet.mediabox.height  # landscape
        text = " ".join(sheet.extract_text().split())
        assert f"Diapositive {number} sur {len(slides)}" in text
        assert slide["titre"].replace(" (suite)", "").split(" ")[0] in text
    assert page.locator(".vmi-impression").count() == 0  # cleaned up after printing


def test_print_outside_projection_is_unchanged(page, long_url):
    from pypdf import PdfReader

    page.goto(long_url + "cas/bethune/")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert all(p.mediabox.height > p.mediabox.width for p in pdf.pages)  # A4 portrait
    assert "Diapositive 1 sur" not in pdf.pages[0].extract_text()


# ---- The buttons on a slide ----------------------------------------------------------

BUTTONS = (".vmi-forum__bouton", ".vmi-forum__presentateur")


def opacities(page) -> list[str]:
    return [page.locator(b).evaluate("b => getComputedStyle(b).opacity") for b in BUTTONS]


def settled(page, value: str) -> None:
    """Both buttons at that opacity once their fade is over."""
    page.wait_for_function("""([sel, v]) => sel.every(s =>
        getComputedStyle(document.querySelector(s)).opacity === v)""", arg=[list(BUTTONS), value])


def test_buttons_fade_with_the_clicker_and_return_with_the_mouse_or_focus(page, long_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(long_url + LONG_PAGE + "?projection")
    page.mouse.move(300, 300)
    assert opacities(page) == ["1", "1"]
    page.keyboard.press("PageDown")  # a clicker sends these keys
    settled(page, "0")
    for button in BUTTONS:  # faded, not gone: still in the page for screen readers
        assert page.locator(button).is_visible()
        assert page.get_by_role("button", name=page.locator(button).inner_text()).count() == 1
    page.keyboard.press("PageDown")
    page.mouse.move(320, 310)
    settled(page, "1")
    page.keyboard.press("ArrowRight")
    settled(page, "0")
    for _ in range(10):  # the keyboard reaches them: focus brings them back
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.vmi-forum')"):
            break
    settled(page, "1")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused in ("Quitter la projection", "Vue de l’animateur")
    assert page.evaluate("VMI.projection.current()") == 3


# ---- Accessibility -------------------------------------------------------------------

def axe(page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # a script tag: refused by the policy
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
    return found


def test_no_axe_violation_on_a_case_with_faded_buttons(page, long_url):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(long_url + "cas/bethune/?projection")
    page.keyboard.press("PageDown")
    settled(page, "0")
    assert axe(page) == []


def test_no_axe_violation_in_projection_overview_and_presenter(page, long_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(long_url + LONG_PAGE + "?projection#" + page_heading(page, long_url))
    assert axe(page) == []
    with page.expect_popup() as popup:
        page.keyboard.press("n")
    view = popup.value
    view.locator("[data-notes]", has_text="quelle étape").wait_for()
    assert axe(view) == []
    view.close()
    page.keyboard.press("o")
    assert axe(page) == []


def page_heading(page, long_url) -> str:
    page.goto(long_url + LONG_PAGE)
    return page.locator("h2", has_text="Un atelier très long").get_attribute("id")
