"""Explain glossary terms: the first use of each on a page becomes an ``<abbr>`` tooltip
(``vmi.site.glossary``), on every page but the glossary itself."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from vmi.content.registry import GLOSSAIRE
from vmi.site.build_state import state
from vmi.site.glossary import Glossary


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.glossary = Glossary(state.valid.glossaire)
    return config


@event_priority(50)  # after generated_pages (60), before the search plugin indexes content
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if page.content and page.file.src_uri != GLOSSAIRE.path and state.glossary is not None:
        page.content = state.glossary.mark_first_uses(page.content)
    return context
