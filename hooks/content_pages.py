"""MkDocs glue: validate ``content/`` before anything is written, then publish its pages.

The content layer (package ``vmi``) does the work; this module only hands its objects
to MkDocs: it registers the generated pages, adds them to the navigation, renders
quiz blocks, wraps generated pages in their templates and explains glossary terms.
"""

from __future__ import annotations

import atexit
import html
import logging
import posixpath
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from vmi.documents import site_files
from vmi.errors import ContentErrors, french_typography
from vmi.glossary import Glossary
from vmi.handwritten import check_docs
from vmi.headings import toc_tokens
from vmi.links import locate_message
from vmi.loader import Content, load_content
from vmi.pages import GeneratedPage, Renderer, expand_nav, plan_pages
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
    glossary: Glossary
    project: Path
    files: Files
    serving = False  # `mkdocs serve`: keep serving the last good site on content errors
    discard = False  # this build only keeps the server alive; its output is thrown away
    scratch: str | None = None
    sources: dict[str, str] = {}  # page src_uri → its file, relative to the project
    not_in_nav: set[str] = set()  # pages of sections too big to list in the navigation


state = _State()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate all content now: a failing build must not touch the previous ``site/``."""
    state.project = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    docs_pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    _load(config, docs, docs_pages)
    for warning in state.content.warnings:  # --strict turns them into a failure
        log.warning(str(warning))
    labels = {**LABELS, **config.extra.get("rubriques", {})}
    planned = plan_pages(state.content, labels)
    clashes = sorted(p.src_uri for p in planned if p.src_uri in docs_pages)
    if clashes:
        raise PluginError(french_typography(
            f"Ces pages de docs/ ont le nom d’une page générée depuis content/ : "
            f"{', '.join(clashes)}. Renommez-les."))
    state.pages = {page.src_uri: page for page in planned}
    state.renderer = Renderer(state.project / "overrides" / "partials" / "vmi")
    state.glossary = Glossary(state.content.glossaire)
    state.not_in_nav = set()
    if config.nav:
        config.nav, state.not_in_nav = expand_nav(config.nav, state.pages)
    return config


def _load(config: MkDocsConfig, docs: Path, docs_pages: set[str]) -> None:
    """Read ``content/`` and check ``docs/``; log every error, then stop the build (or,
    under ``mkdocs serve`` with a previous good version, keep serving that one)."""
    state.discard = False
    errors = check_docs(docs, docs_pages)  # quiz blocks of docs/, before any writing
    try:
        content = load_content(state.project / "content", docs_pages)
    except ContentErrors as exc:
        errors = exc.errors + errors
    if not errors:
        state.content = content
        return
    failure = ContentErrors(errors)
    for error in failure.errors:
        log.error(str(error))
    if not (state.serving and hasattr(state, "content")):
        raise PluginError(failure.summary())
    _discard_this_build(config, failure)


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


def _discard_this_build(config: MkDocsConfig, exc: ContentErrors) -> None:
    """``mkdocs serve`` stalls every request after a failed rebuild: instead, rebuild the
    last good content into a scratch folder, so the served site stays as it was."""
    if not getattr(state, "scratch", None):
        state.scratch = tempfile.mkdtemp(prefix="vmi-serve-")
        atexit.register(shutil.rmtree, state.scratch, True)
    config.site_dir = state.scratch
    state.discard = True
    log.error(french_typography(f"{exc.summary()} Le site affiché reste la dernière version "
                                f"correcte ; il se mettra à jour dès que le fichier sera "
                                f"corrigé et enregistré."))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in state.pages.values():
        inclusion = (InclusionLevel.NOT_IN_NAV if page.src_uri in state.not_in_nav
                     else InclusionLevel.UNDEFINED)
        file = File.generated(config, page.src_uri, content=page.markdown(), inclusion=inclusion)
        # « Modifier cette page » opens the content file (edit_uri is relative to docs/).
        file.edit_uri = f"../{page.source}" if page.source else None
        files.append(file)
    for uri, path in site_files(state.content).items():  # documents, copied as they are
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Turn ``quiz`` fences into forms."""
    label = state.sources.get(page.file.src_uri, page.file.src_uri)
    blocks, errors = find_quizzes(markdown, label)
    if errors and not state.discard:  # on_config checked them all; when discarding, it said so
        for error in errors:
            log.error(str(error))
        raise PluginError(f"Bloc quiz invalide dans {label}.")
    lines = markdown.split("\n")
    for number, block in reversed(list(enumerate(blocks, 1))):
        lines[block.start:block.end] = ["", state.renderer.quiz(block, number), ""]
    return "\n".join(lines)


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
    """Remember the files and the source file of each page, to name it in messages."""
    state.files = files
    state.sources = {}
    for file in files.documentation_pages():  # ".../docs/../content/x.md" → ".../content/x.md"
        if file.page is not None and file.page.edit_url:
            file.page.edit_url = _clean_url(file.page.edit_url)
        generated = state.pages.get(file.src_uri)
        if generated is None:
            state.sources[file.src_uri] = f"{Path(file.src_dir or 'docs').name}/{file.src_uri}"
        elif generated.source:
            state.sources[file.src_uri] = generated.source
    return nav


def _clean_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))


class _SourceNames(logging.Filter):
    """Name the content file (and line) in MkDocs' link warnings about generated pages."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Doc file '"):
            record.msg = locate_message(record.getMessage(), state.sources, state.project)
            record.args = ()
        return True


_pages_log = logging.getLogger("mkdocs.structure.pages")
if not any(type(f).__name__ == "_SourceNames" for f in _pages_log.filters):  # serve reloads
    _pages_log.addFilter(_SourceNames())


@event_priority(50)  # before the search plugin indexes page.content
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Wrap a generated page's body in its template (rebuilding its table of contents),
    then explain the glossary terms of every page but the glossary itself."""
    generated = state.pages.get(page.file.src_uri)
    if generated is not None:
        links = _Links(page, state.files)
        page.content = state.renderer.page(generated, page.content or "", links)
        page.toc = get_toc(toc_tokens(page.content))
    if page.content and page.file.src_uri != "glossaire.md":
        page.content = state.glossary.mark_first_uses(page.content)
    return context
