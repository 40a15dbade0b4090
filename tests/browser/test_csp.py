"""Content-Security-Policy: every page carries one, the site never trips it, intruders do.

Violations are collected in the page itself (``securitypolicyviolation`` events, listened
to before any script of the page runs) while the site is used as a visitor would: search
typed, projection on and off, the self-diagnosis answered. Every page of the sitemap is
visited in ``test_every_page.py``.
"""

from __future__ import annotations

import html.parser
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from vmi.testing import get_page
from vmi.testing.browser import LISTEN, OTHER_SITE, REQUIRED, policy_of, violations
from vmi.testing.diagnostic import answer, every_answer


@pytest.fixture
def watched(context):
    """The test's browser context, with violations recorded in every page."""
    context.add_init_script(LISTEN)
    return context


class _Handlers(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]


def test_every_page_has_the_policy_first_in_its_head(site_dir: Path):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= 15
    for path in pages:
        text = path.read_text(encoding="utf-8")
        policy = policy_of(text)
        assert policy is not None, path
        head = text[text.index("<head>") + len("<head>"):text.index("<meta http-equiv")]
        assert re.fullmatch(r'\s*<meta charset="utf-8">', head), (path, head)
        for directive in REQUIRED:
            assert f"{directive};" in f"{policy};", (path, directive)
        assert "unsafe-inline" not in policy and "*" not in policy, path
        if "<script>" in text:  # Material's inline scripts: allowed one by one
            assert re.search(r"script-src 'self' 'sha256-", policy), path


def test_no_page_carries_an_inline_event_handler(site_dir: Path):
    """Handlers (``onclick="…"``) are not allowed by the policy: they would silently fail."""
    for path in sorted(site_dir.rglob("*.html")):
        parser = _Handlers()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.found == [], path


def test_search_raises_no_violation(watched, site_url):
    page = watched.new_page()
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("bethune", delay=10)
    page.locator(".md-search-result__meta").filter(has_text="trouvé").wait_for()
    assert page.locator(".md-search-result__item").count() > 0
    assert violations(page) == []


def test_projection_and_diagnostic_raise_no_violation(watched, site_url):
    page = watched.new_page()
    page.goto(site_url + "diagnostic/")
    answer(page, every_answer(1))  # results are drawn once answered
    assert page.locator("#vmi-priorites li").count() > 0
    page.keyboard.press("p")  # loads projection.js
    page.wait_for_function("() => document.documentElement.dataset.mode === 'projection'")
    page.keyboard.press("PageDown")
    page.keyboard.press("Escape")
    assert page.evaluate("document.documentElement.dataset.mode") is None
    page.goto(site_url + "a-propos/?projection")
    page.keyboard.press("PageDown")
    page.keyboard.press("Escape")
    assert violations(page) == []


def test_injected_outside_image_and_script_are_blocked(watched, site_url):
    """What an editor's embed would do if it got past the build: the browser refuses it,
    says so, and sends nothing to the other site."""
    outside: list[str] = []

    def record(route):
        outside.append(route.request.url)
        route.abort()
    watched.route(f"{OTHER_SITE}/**", record)
    target = site_url + "a-propos/"

    def inject(route):
        text = route.fetch().text()
        intruders = (f'<img src="{OTHER_SITE}/pixel.png" alt="">'
                     f'<script src="{OTHER_SITE}/suivi.js"></script>'
                     '<script>window.vmiInjected = true</script>'
                     '<button id="intrus" onclick="window.vmiClicked = true">x</button>')
        route.fulfill(body=text.replace("</article>", intruders + "</article>", 1),
                      content_type="text/html; charset=utf-8")
    watched.route(target, inject)
    page = watched.new_page()
    page.goto(target)
    page.wait_for_load_state("networkidle")
    page.locator("#intrus").click()
    page.wait_for_timeout(200)
    seen = violations(page)
    blocked = {(v["directive"].split("-elem")[0].split("-attr")[0], v["blocked"]) for v in seen}
    assert ("img-src", f"{OTHER_SITE}/pixel.png") in blocked, seen
    assert ("script-src", f"{OTHER_SITE}/suivi.js") in blocked, seen
    assert sum(v["blocked"] == "inline" for v in seen) == 2, seen  # the script and onclick
    assert page.evaluate("window.vmiInjected") is None
    assert page.evaluate("window.vmiClicked") is None
    assert outside == []
    assert urlsplit(page.url).netloc == urlsplit(site_url).netloc


def test_preview_has_no_policy_and_live_reload_works(server, watched):
    """``make serve`` adds an inline live-reload script that changes at every rebuild: the
    preview carries no policy, so that saving a file still reloads the open page."""
    project, url, log, process = server
    served = get_page(url)
    assert policy_of(served) is None and "livereload(" in served
    page = watched.new_page()
    page.goto(url)
    case = project / "content" / "cas" / "bethune.md"
    case.write_text(case.read_text("utf-8").replace("## Le contexte", "## Le contexte revu", 1),
                    "utf-8")
    page.locator("h2", has_text="Le contexte revu").wait_for(timeout=60_000)
    assert violations(page) == []
