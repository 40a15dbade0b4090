"""What several browser tests read from a page: every page of the built site, and the
Content-Security-Policy violations the page itself recorded; one walk through every page
that the policy and privacy tests share."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# An init script: violations are collected before any script of the page runs.
LISTEN = """window.vmiViolations = [];
document.addEventListener("securitypolicyviolation", e => window.vmiViolations.push(
  {directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample}), true);"""


# What every page's policy must say, and a site the policy must keep out.
REQUIRED = ("default-src 'self'", "object-src 'none'", "frame-src 'self'", "base-uri 'self'",
            "form-action 'self'", "img-src 'self' data:")
OTHER_SITE = "https://tiers.example.net"


def policy_of(text: str) -> str | None:
    """The Content-Security-Policy that a page's ``<meta>`` declares, if any."""
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
    return match.group(1) if match else None


def violations(page: Any) -> list[dict]:
    """The policy violations recorded since the page loaded (needs ``LISTEN``)."""
    return page.evaluate("window.vmiViolations")


def site_pages(site_dir: Path, site_url: str) -> list[str]:
    """Every page of the sitemap, and the 404 page, at ``site_url``."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs
    public = min(locs, key=len)  # the home page: the sitemap's own site_url
    return [site_url + loc[len(public):] for loc in locs] + [site_url + "404.html"]


LOCAL_SCHEMES = ("data:", "blob:", "about:")
# Connection hints that would reach another site before any click.
HINTS = ("preconnect", "dns-prefetch", "preload", "prefetch", "modulepreload", "prerender")
FOREIGN_HINTS = """rels => [...document.querySelectorAll('link[rel]')]
    .filter(l => l.rel.split(/\\s+/).some(r => rels.includes(r.toLowerCase()))).map(l => l.href)"""


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_foreign(url: str, site_url: str) -> bool:
    """A request that would leave the site (``data:`` and ``blob:`` stay in the page)."""
    return origin(url) != origin(site_url) and not url.startswith(LOCAL_SCHEMES)


def foreign_requests(log: list[str], site_url: str) -> list[str]:
    """The addresses of ``log`` that would have left the site, each once."""
    return sorted({u for u in log if is_foreign(u, site_url)})


def record_requests(context: Any, refused: Callable[[str], bool]) -> list[str]:
    """Every address the pages of ``context`` ask for, kept as they come; those that
    ``refused`` names are recorded too, and never sent."""
    seen: list[str] = []

    def refuse(route: Any) -> None:
        seen.append(route.request.url)
        route.abort()
    context.route(refused, refuse)
    context.on("request", lambda request: seen.append(request.url))
    return seen


@dataclass
class Visit:
    """What one page showed during the walk."""

    violations: list[dict]
    foreign_hints: list[str]
    policy_header: str | None


@dataclass
class Walk:
    """Every page of a site visited once: per address, what it showed; every request made."""

    site_url: str
    pages: dict[str, Visit] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return foreign_requests(self.requests, self.site_url)


class Network:
    """The requests of a page still in flight, and when the last one started or ended."""

    def __init__(self, page: Any) -> None:
        self.page, self.open, self.changed = page, set[Any](), time.monotonic()
        page.on("request", lambda request: self._count(self.open.add, request))
        page.on("requestfinished", lambda request: self._count(self.open.discard, request))
        page.on("requestfailed", lambda request: self._count(self.open.discard, request))

    def _count(self, change: Callable[[Any], None], request: Any) -> None:
        change(request)
        self.changed = time.monotonic()

    def goto(self, url: str) -> Any:
        """Load ``url``: what the previous page still asked for is left behind."""
        self.open.clear()
        return self.page.goto(url)

    def wait_until_quiet(self, quiet: float = 0.15, limit: float = 30) -> None:
        """Until nothing has been asked for ``quiet`` seconds. Playwright's « networkidle »
        waits half a second: a third of the whole walk, for pages whose scripts only
        load more on a reader's action."""
        deadline = time.monotonic() + limit
        while self.open or time.monotonic() - self.changed < quiet:
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.page.url} attend encore {[r.url for r in self.open]}")
            self.page.wait_for_timeout(25)


def walk_site(context: Any, site_dir: Path, site_url: str) -> Walk:
    """Visit every page of the sitemap (and the 404 page) as a reader would, glossary
    tooltips included (built on hover), in ``context``; requests to other sites are
    recorded and refused."""
    walk = Walk(site_url, requests=record_requests(context, lambda url: is_foreign(url, site_url)))
    context.add_init_script(LISTEN)
    page = context.new_page()
    network = Network(page)
    for url in site_pages(site_dir, site_url):
        response = network.goto(url)
        network.wait_until_quiet()
        if page.locator("article abbr").count():
            page.locator("article abbr").first.hover()
        hints = [h for h in page.evaluate(FOREIGN_HINTS, list(HINTS)) if is_foreign(h, site_url)]
        walk.pages[url] = Visit(violations(page), hints,
                                response.headers.get("content-security-policy"))
    page.close()
    return walk


# A team of two: the first answer of every question in a file, the last in a share link.
IDENTITY = """() => {
    const d = JSON.parse(document.getElementById('vmi-diagnostic-data').textContent);
    return {id: d.questionnaire.id, version: d.questionnaire.version, axes: d.axes.length,
            questions: d.questions.map(q => [q.id, q.h, q.points.length])};
}"""


def use_site(context: Any, page_url: Callable[[str], str]) -> list[dict]:
    """Use what the sitemap walk does not (``page_url("a-propos")`` gives a page's address)
    and return every violation seen, in the room's window and the presenter's."""
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(page_url("a-propos") + "?projection")
    with page.expect_popup() as popup:
        page.keyboard.press("n")
    view = popup.value
    view.locator("[data-presentateur]").wait_for()
    view.keyboard.press("PageDown")
    page.keyboard.press("o")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    seen = violations(view) + violations(page)
    page.goto(page_url("index"))
    for _ in range(3):
        page.locator("[data-vmi-palette] button:not([hidden])").click()
    seen += violations(page)
    page.goto(page_url("diagnostic/equipe"))
    page.wait_for_selector("#vmi-syn[data-vmi-init]", state="attached")
    ident = page.evaluate(IDENTITY)
    export = {"format": "vmi-diagnostic", "v": 1, "date": "2026-03-01T10:00:00.000Z",
              "questionnaire": {"id": ident["id"], "version": ident["version"],
                                "questions": {q: h for q, h, _ in ident["questions"]}},
              "answers": {q: 0 for q, _, _ in ident["questions"]}, "targets": {}, "notes": {}}
    page.set_input_files("[data-synthese-import]", [{
        "name": "alix.json", "mimeType": "application/json",
        "buffer": json.dumps(export).encode()}])
    page.wait_for_selector('#vmi-syn:not([data-repondants="0"])')
    code = "".join(str(n - 1) for _, _, n in ident["questions"])
    page.fill("#vmi-syn-liens", f"1{code}.{'-' * ident['axes']}.{ident['version']}\n")
    page.get_by_role("button", name="Ajouter ces liens").click()
    assert page.locator("#vmi-syn-etat").inner_text() == "2 répondants dans la synthèse."
    for name in ("Exporter la synthèse (JSON)", "Exporter la synthèse (CSV)"):
        with page.expect_download():
            page.get_by_role("button", name=name).click()
    return seen + violations(page)
