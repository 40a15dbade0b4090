"""Publish the pages planned from ``content/`` (``vmi.site.pages``, ``vmi.content.registry``).

Registers them with MkDocs (and the library's files), puts them in the navigation,
and wraps each one's Markdown body in its body template once MkDocs has rendered it.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from vmi.content.documents import site_files
from vmi.core.errors import french_typography
from vmi.site.build_state import state
from vmi.site.headings import toc_tokens
from vmi.site.pages import Renderer, expand_nav, plan_pages


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    planned = plan_pages(state.valid, state.settings.titles)
    clashes = sorted(p.src_uri for p in planned if p.src_uri in state.docs_pages)
    if clashes:
        raise PluginError(french_typography(
            f"Ces pages de docs/ ont le nom d’une page générée depuis content/ : "
            f"{', '.join(clashes)}. Renommez-les."))
    state.pages = {page.src_uri: page for page in planned}
    state.renderer = Renderer(config.theme.get_env())
    if config.nav:
        config.nav, state.not_in_nav = expand_nav(config.nav, state.pages,
                                                   state.settings.navigation_max)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in state.pages.values():
        inclusion = (InclusionLevel.NOT_IN_NAV if page.src_uri in state.not_in_nav
                     else InclusionLevel.UNDEFINED)
        files.append(File.generated(config, page.src_uri, content=page.markdown(),
                                    inclusion=inclusion))
    for uri, path in site_files(state.valid).items():  # documents, copied as they are
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    state.files = files
    return nav


class _Links:
    """Page URLs and titles relative to the page being rendered."""

    def __init__(self, page: Page, files: Files):
        self.page, self.files = page, files

    def _file(self, src_uri: str) -> File:
        found = self.files.get_file_from_path(src_uri)
        if found is None:
            raise PluginError(f"Page introuvable : {src_uri}")
        return found

    def url(self, src_uri: str) -> str:
        return self._file(src_uri).url_relative_to(self.page.file)

    def path(self, src_uri: str) -> str:
        return self._file(src_uri).url

    def title(self, src_uri: str) -> str:
        target = self._file(src_uri).page
        return html.unescape(target.title) if target and target.title else src_uri


@event_priority(60)  # before glossary_terms (50) and the search plugin index page.content
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Wrap a generated page's body in its template, rebuilding its table of contents."""
    generated = state.pages.get(page.file.src_uri)
    if generated is not None and state.renderer is not None:
        page.content = state.renderer.page(generated, page.content or "",
                                           _Links(page, state.files))
        page.toc = get_toc(toc_tokens(page.content))
    return context
