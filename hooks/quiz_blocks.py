"""Turn ``quiz`` fenced blocks into forms (``partials/vmi/quiz.html``), on every page."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from vmi.content.quiz import find_quizzes
from vmi.site.build_state import state

log = logging.getLogger("mkdocs.hooks.quiz_blocks")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    label = state.sources.get(page.file.src_uri, page.file.src_uri)
    blocks, errors = find_quizzes(markdown, label)
    if errors and not state.discard:  # content_check saw them all; when discarding, it said so
        for error in errors:
            log.error(str(error))
        raise PluginError(f"Bloc quiz invalide dans {label}.")
    if not blocks or state.renderer is None:
        return markdown
    lines = markdown.split("\n")
    for number, block in reversed(list(enumerate(blocks, 1))):
        lines[block.start:block.end] = ["", state.renderer.quiz(block, number), ""]
    return "\n".join(lines)
