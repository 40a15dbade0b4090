"""Projection mode in a real browser: entering, slides driven by clicker keys, leaving.

The pages' headings, links and slides are read from the DOM and from projection.js
(``VMI.projection.slides()``), so content edits do not break these tests; they need a
page with at least three h2 sections (« À propos ») and one of at least four slides (a
case: short sections may share a slide). Fitting slides to the screen, the presenter
window and printing: test_projection_rooms.py.
"""

from __future__ import annotations

import re

PAGE = "a-propos/"
LONG_CASE = "cas/bethune/"  # slides enough to step through, whatever the screen
SITE_URL = "https://villes-moyennes-intelligentes.example.org/"


def mode(page) -> str | None:
    return page.evaluate("document.documentElement.getAttribute('data-mode')")


def entered(page) -> str | None:
    """The mode once projection.js, loaded on the first `p` or click, has entered."""
    page.wait_for_function("() => document.documentElement.getAttribute('data-mode') === 'projection'")
    return mode(page)


def h2_ids(page) -> list[str]:
    return page.locator("article > h2").evaluate_all("hs => hs.map(h => h.id)")


def visible_h2(page) -> list[str]:
    return [i for i in h2_ids(page) if page.locator(f"[id='{i}']").is_visible()]


def fragment(page) -> str:
    return page.evaluate("location.hash")


def slide_ids(page) -> list[str]:
    return page.evaluate("VMI.projection.slides().map(s => s.id)")


def test_query_parameter_projects_the_page(page, site_url):
    page.goto(site_url + PAGE + "?projection")
    assert mode(page) == "projection"
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(chrome).is_visible(), chrome
    assert page.locator("article h1").is_visible()
    assert visible_h2(page) == []  # the first slide is the title and introduction
    assert slide_ids(page)[0] == ""
    qr = page.locator(".vmi-qr")
    assert qr.is_visible()
    assert qr.get_attribute("data-qr") == SITE_URL + PAGE
    assert page.locator(".vmi-forum__bouton").inner_text() == "Quitter la projection"
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article > p')).fontSize)")
    assert font >= 24, font  # readable from the back of the room at 1280 px wide


def test_p_key_enters_escape_leaves(page, site_url):
    page.goto(site_url + PAGE)
    assert mode(page) is None and page.locator(".md-header").is_visible()
    page.keyboard.press("p")
    assert entered(page) == "projection"
    assert page.url == site_url + PAGE + "?projection"  # Material's own `p` did not change page
    page.keyboard.press("PageDown")
    page.keyboard.press("Escape")
    assert mode(page) is None
    assert page.locator(".md-header").is_visible()
    assert visible_h2(page) == h2_ids(page)
    assert "projection" not in page.url
    assert not page.locator(".vmi-qr").is_visible()


def test_projection_code_is_loaded_only_when_projecting(page, site_url):
    """A visitor who never projects does not download projection.js; `p` fetches it."""
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url.rsplit("/", 1)[-1]) if r.resource_type == "script" else None)
    page.goto(site_url + PAGE)
    page.wait_for_load_state("networkidle")
    assert "forum.js" in scripts and "projection.js" not in scripts
    page.keyboard.press("p")
    entered(page)
    page.keyboard.press("Escape")
    page.keyboard.press("p")  # already there: no second download
    assert mode(page) == "projection"
    assert scripts.count("projection.js") == 1


def test_p_is_ignored_while_typing_in_search(page, site_url):
    page.goto(site_url + PAGE)
    page.locator(".md-search__input").click()
    page.keyboard.type("p")
    assert mode(page) is None
    assert page.locator(".md-search__input").input_value() == "p"


def test_clicker_keys_move_between_slides_and_write_the_fragment(page, site_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(site_url + LONG_CASE + "?projection")
    ids = slide_ids(page)
    sections = set(h2_ids(page)) | {""}
    assert len(ids) >= 4 and {re.sub(r"(^|--)suite-\d+$", "", i) for i in ids} <= sections  # named after a section
    page.keyboard.press("PageDown")
    assert fragment(page) == "#" + ids[1] and visible_h2(page) != h2_ids(page)
    title = page.locator("article h1")
    assert title.evaluate("h => h.getBoundingClientRect().height") <= 1  # kept for screen readers only
    page.keyboard.press("ArrowRight")
    assert fragment(page) == "#" + ids[2]
    page.keyboard.press("Space")
    assert fragment(page) == "#" + ids[3]
    page.keyboard.press("PageUp")
    assert fragment(page) == "#" + ids[2]
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowUp")
    assert fragment(page) == "" and title.evaluate("h => h.getBoundingClientRect().height") > 1
    assert page.locator(".vmi-forum__diapo").inner_text() == f"Diapositive 1 sur {len(ids)}"


def test_reload_keeps_the_slide(page, site_url):
    page.goto(site_url + PAGE + "?projection")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    slide = fragment(page)
    shown = page.evaluate("VMI.projection.current()")
    page.reload()
    assert mode(page) == "projection" and fragment(page) == slide
    assert page.evaluate("VMI.projection.current()") == shown


def test_last_slide_leads_to_next_page_and_back(page, site_url):
    page.goto(site_url + PAGE + "?projection")
    last = slide_ids(page)[-1]
    following = page.locator("link[rel=next]").evaluate("l => l.href")
    page.goto(site_url + PAGE + "?projection#" + last)
    assert page.evaluate("VMI.projection.current()") == len(slide_ids(page)) - 1
    page.keyboard.press("PageDown")
    page.wait_for_url(following + "?projection")
    assert mode(page) == "projection"
    assert page.locator(".vmi-qr").get_attribute("data-qr") == SITE_URL + following[len(site_url):]
    page.keyboard.press("PageUp")
    page.wait_for_url(re.compile(re.escape(site_url + PAGE) + r"\?projection#"))
    assert fragment(page) == "#" + last
    assert page.evaluate("VMI.projection.current()") == len(slide_ids(page)) - 1


def test_button_toggles_projection(page, site_url):
    page.goto(site_url + PAGE)
    button = page.locator(".vmi-forum__bouton")
    assert button.inner_text() == "Projeter cette page"
    button.click()
    assert entered(page) == "projection"
    button.click()
    assert mode(page) is None and button.inner_text() == "Projeter cette page"


def test_projection_lasts_across_pages_until_left(page, site_url):
    page.goto(site_url + PAGE + "?projection")
    page.goto(site_url)
    assert mode(page) == "projection"
    page.keyboard.press("Escape")
    page.goto(site_url + PAGE)
    assert mode(page) is None


def test_p_shortcut_can_be_switched_off(page, site_url):
    page.goto(site_url + PAGE)
    page.evaluate("localStorage.setItem('vmi-shortcuts-off', '1')")  # the accessibility page's switch
    page.reload()
    page.keyboard.press("p")
    page.wait_for_load_state("networkidle")
    assert mode(page) is None
    page.locator(".vmi-forum__bouton").click()  # the button still works
    assert entered(page) == "projection"
    page.evaluate("VMI.setShortcutsOn(false)")
    assert page.evaluate("localStorage.getItem('vmi-shortcuts-off')") == "1"
    page.evaluate("VMI.setShortcutsOn(true)")
    page.keyboard.press("p")
    assert mode(page) is None


def visible_fieldsets(page) -> list[str]:
    return page.locator("#vmi-diagnostic fieldset").evaluate_all(
        "fs => fs.filter(f => f.offsetParent !== null).map(f => f.querySelector('input').name)")


def test_diagnostic_one_question_per_slide_then_results(page, site_url):
    page.goto(site_url + "diagnostic/?projection")
    fieldsets = page.locator("#vmi-diagnostic fieldset").evaluate_all(
        "fs => fs.map(f => [f.id, f.querySelector('input').name])")
    questions = [name for _, name in fieldsets]
    ids = slide_ids(page)
    assert visible_fieldsets(page) == [] and page.locator("article h1").is_visible()
    positions = [ids.index(fid) for fid, _ in fieldsets]  # each question: one slide, in order
    assert positions == sorted(positions) and not any(i.startswith(fid + "--") for i in ids for fid, _ in fieldsets)
    page.keyboard.press("PageDown")  # the first axis, introduced
    assert visible_fieldsets(page) == [] and page.locator(f"[id='{ids[1]}']").is_visible()
    page.keyboard.press("PageDown")
    assert visible_fieldsets(page) == [questions[0]]
    # the presenter clicks the room's vote: the answer's text, in the label around its button
    page.locator(f"label:has(> input[name='{questions[0]}'])").first.click()
    page.keyboard.press("ArrowDown")  # on a radio, arrows change the answer, not the slide
    assert visible_fieldsets(page) == [questions[0]]
    assert page.locator(f"input[name='{questions[0]}']").nth(1).is_checked()
    page.keyboard.press("PageDown")
    assert visible_fieldsets(page) == [questions[1]]
    assert fragment(page) == "#" + fieldsets[1][0]
    for _ in range(ids.index("vmi-resultats") - positions[1]):
        page.keyboard.press("PageDown")
    assert fragment(page) == "#vmi-resultats"
    assert visible_fieldsets(page) == []
    assert page.locator("#vmi-resultats-titre").is_visible()
    shown = [page.locator("#vmi-radar").is_visible()]
    while page.evaluate("VMI.projection.current()") < len(ids) - 1 and not any(shown):
        page.keyboard.press("PageDown")
        shown.append(page.locator("#vmi-radar").is_visible())
    assert any(shown)  # the radar is on the results' slides
    assert page.locator(".vmi-qr").is_visible()


def test_button_leaves_a_long_title_whole_on_a_phone(page, site_url):
    """On a phone the button does not squeeze the title: no word of it breaks across lines."""
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto(site_url + "themes/cybersecurite/")
    page.locator(".vmi-forum__bouton").wait_for()
    split = page.evaluate("""() => {
        const text = document.querySelector('.md-typeset h1').firstChild;
        const range = document.createRange(), split = [];
        for (const match of text.data.matchAll(/\\S+/g)) {
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (tops.size > 1) split.push(match[0]);
        }
        return split;
    }""")
    assert split == []
