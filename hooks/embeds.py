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
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from vmi.content.embeds import Finding, html_embeds
from vmi.core.errors import ContentError, french_typography

log = logging.getLogger("mkdocs.hooks.embeds")

_SUSPECT = re.compile(
    r"<(?:script|i?frame|object|embed|applet|base|meta|link|portal|fencedframe|style)\b"
    r"|\son[a-z]+\s*=|(?:java|vb)script:|url\(|@import"
    r"""|\s(?:src|srcset|poster|background|action|formaction|ping|data|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)""",
    re.I)


class _State:
    serving = False
    errors: list[ContentError] = []


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    state.errors = []


@event_priority(-50)  # after the other hooks changed the page's HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _SUSPECT.search(html):
        findings = html_embeds(html, page.file.src_uri)
        if findings:
            state.errors += _located(findings, page, config)
    return html


def on_env(env, config: MkDocsConfig, files: Files):
    """Before any page is written: refuse the build (under ``mkdocs serve``, say it)."""
    for error in state.errors:
        log.error(str(error))
    if state.errors and not state.serving:
        count = len(state.errors)
        raise PluginError(french_typography(
            f"Contenu refusé : {count} {'élément' if count == 1 else 'éléments'} d’un autre "
            f"site ou script (détail ci-dessus)."))
    return env


def _located(findings: list[Finding], page: Page, config: MkDocsConfig) -> list[ContentError]:
    project = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    candidates = [(docs / page.file.src_uri, f"{docs.name}/{page.file.src_uri}"),
                  (project / "content" / page.file.src_uri, f"content/{page.file.src_uri}")]
    path, label = next(((p, name) for p, name in candidates if p.is_file()), candidates[0])
    text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    errors = []
    for finding in findings:
        needle = re.search(r"« (.+?) »", finding.message)
        key = needle.group(1) if needle else finding.field.strip("<>")
        line = next((n for n, source in enumerate(text.split("\n"), 1) if key in source), None)
        errors.append(ContentError(label, line, finding.field, finding.message))
    return errors
