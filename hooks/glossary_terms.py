"""MkDocs glue: glossary terms explained on their first use in each page (vmi.glossary)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from vmi.glossary import mark_first_uses


@event_priority(40)  # after content_pages wraps generated pages (50), before search indexes
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.content:
        page.content = mark_first_uses(page.content)
    return context
