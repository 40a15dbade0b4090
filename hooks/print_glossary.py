"""MkDocs glue for printing: abbreviations keep their meaning on paper (see vmi.printing)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from vmi.printing import keep_abbr_titles


@event_priority(40)  # after content_pages wraps generated pages (50), before search indexes
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.content:
        page.content = keep_abbr_titles(page.content)
    return context
