"""Second look at embeds, on the HTML each page's Markdown became (``vmi.content.embeds``).

The content layer already refused, before anything was written, what the Markdown
source would load from another site. This pass applies the same rules to the HTML that
Markdown and its extensions actually produced, so that a syntax the source check does
not know cannot slip through. It is cheap: a page is parsed only when a quick search
finds something that could be refused. Errors name the source file, and the line where
the offending address or element appears in it when it can be found.
"""

from __future__ import annotations

import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from vmi.content.embeds import Finding, html_embeds
from vmi.core.errors import ContentError, french_typography
from vmi.site.build_state import state as build

log = logging.getLogger("mkdocs.hooks.embeds")

_SUSPECT = re.compile(
    r"<(?:script|i?frame|object|embed|applet|base|meta|link|portal|fencedframe|style)\b"
    r"|\s(?:on[a-z]+|style)\s*=|(?:java|vb)script:|url\(|@import"
    r"""|\s(?:src|srcset|poster|background|action|formaction|ping|data|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)""",
    re.I)

_errors: list[ContentError] = []  # this build's, reset in on_pre_build


def on_pre_build(config: MkDocsConfig) -> None:
    _errors.clear()


@event_priority(-50)  # after the other hooks changed the page's HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _SUSPECT.search(html):
        findings = html_embeds(html, page.file.src_uri)
        if findings:
            _errors.extend(_located(findings, page.file.src_uri))
    return html


def on_env(env, config: MkDocsConfig, files: Files):
    """Before any page is written: refuse the build (under ``mkdocs serve``, say it)."""
    for error in _errors:
        log.error(str(error))
    if _errors and not build.serving:
        count = len(_errors)
        raise PluginError(french_typography(
            f"Contenu refusé : {count} {'élément' if count == 1 else 'éléments'} d’un autre "
            f"site ou script (détail ci-dessus)."))
    return env


def _located(findings: list[Finding], src_uri: str) -> list[ContentError]:
    """Each finding in the page's source file (``docs/…`` or in the content folder, as
    ``hooks/source_names.py`` named it), at the first line holding its offending text."""
    label = build.sources.get(src_uri, f"docs/{src_uri}")
    path = build.project / label
    lines = path.read_text(encoding="utf-8-sig").split("\n") if path.is_file() else []
    return [ContentError(label, next((n for n, source in enumerate(lines, 1)
                                      if finding.text and finding.text in source), None),
                         finding.field, finding.message)
            for finding in findings]
