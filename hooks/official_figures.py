"""``[[population CODE]]`` in the pages of ``docs/`` becomes the official figure
(``vmi.territories.figures``); the marks were checked with the rest in ``content_check``."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from vmi.territories.figures import MARK, expand


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return expand(markdown) if MARK.search(markdown) else markdown
