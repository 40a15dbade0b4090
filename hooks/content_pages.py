"""MkDocs glue: validate ``content/`` before anything is written, then publish its pages.

The content layer (package ``vmi``) does the work; this module only hands its objects
to MkDocs: it registers the generated pages, adds them to the navigation, renders
quiz blocks and glossary tooltips, and wraps generated pages in their templates.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from vmi.documents import site_files
from vmi.errors import ContentErrors
from vmi.headings import toc_tokens
from vmi.loader import Content, load_content
from vmi.pages import GeneratedPage, Renderer, plan_pages
from vmi.quiz import find_quizzes

log = logging.getLogger("mkdocs.hooks.content_pages")

LABELS = {"piliers": "Piliers de la vie quotidienne", "glossaire": "Glossaire",
          "specificites": "Spécificités des villes moyennes", "cas": "Démarches de villes",
          "bibliotheque": "Bibliothèque"}


class _State:
    """What one build knows; reset in ``on_config`` since ``mkdocs serve`` keeps modules."""

    content: Content
    pages: dict[str, GeneratedPage] = {}
    renderer: Renderer
    project: Path
    files: Files


state = _State()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate all content now: a failing build must not touch the previous ``site/``."""
    state.project = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    docs_pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    try:
        state.content = load_content(state.project / "content", docs_pages)
    except ContentErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(exc.summary()) from None
    for warning in state.content.warnings:  # --strict turns them into a failure
        log.warning(str(warning))
    labels = {**LABELS, **config.extra.get("rubriques", {})}
    planned = plan_pages(state.content, labels)
    clashes = sorted(p.src_uri for p in planned if p.src_uri in docs_pages)
    if clashes:
        raise PluginError(f"Ces pages de docs/ ont le nom d’une page générée depuis content/ : "
                          f"{', '.join(clashes)}. Renommez-les.")
    state.pages = {page.src_uri: page for page in planned}
    state.renderer = Renderer(state.project / "overrides" / "partials" / "vmi")
    if config.nav:
        config.nav = _expand_nav(config.nav)
    return config


def _expand_nav(items: list) -> list:
    """Replace each ``<folder>/index.md`` entry by a section holding the folder's pages."""
    expanded = []
    for item in items:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                item = {title: _expand_nav(value)}
            elif isinstance(value, str) and value.endswith("/index.md"):
                item = {title: [value, *_children(value.removesuffix("index.md"))]}
        expanded.append(item)
    return expanded


def _children(folder: str) -> list[dict[str, str]]:
    return [{page.escaped_title: uri} for uri, page in state.pages.items()
            if uri.startswith(folder) and uri != f"{folder}index.md"]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in state.pages.values():
        files.append(File.generated(config, page.src_uri, content=page.markdown()))
    for uri, path in site_files(state.content).items():  # documents, copied as they are
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Turn ``quiz`` fences into forms and append glossary abbreviations."""
    label = _label(page)
    blocks, errors = find_quizzes(markdown, label)
    for error in errors:  # content files were checked in on_config; docs/ pages are here
        log.error(str(error))
    if errors:
        raise PluginError(f"Bloc quiz invalide dans {label}.")
    lines = markdown.split("\n")
    for number, block in reversed(list(enumerate(blocks, 1))):
        lines[block.start:block.end] = ["", state.renderer.quiz(block, number), ""]
    markdown = "\n".join(lines)
    if page.file.src_uri != "glossaire.md" and state.content.glossaire:
        markdown += "\n\n" + "\n".join(f"*[{t.terme}]: {t.definition}"
                                       for t in state.content.glossaire)
    return markdown


def _label(page: Page) -> str:
    generated = state.pages.get(page.file.src_uri)
    if generated and generated.source:
        return generated.source
    return f"{Path(page.file.src_dir or 'docs').name}/{page.file.src_uri}"


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

    def title(self, src_uri: str) -> str:
        target = self._file(src_uri).page
        return html.unescape(target.title) if target and target.title else src_uri


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    state.files = files
    return nav


@event_priority(50)  # before the search plugin indexes page.content
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Wrap a generated page's body in its template; rebuild its table of contents."""
    generated = state.pages.get(page.file.src_uri)
    if generated is None:
        return context
    links = _Links(page, state.files)
    page.content = state.renderer.page(generated, page.content or "", links)
    page.toc = get_toc(toc_tokens(page.content))
    return context
