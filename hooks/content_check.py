"""Validate ``content/`` and the pages of ``docs/`` before anything is written.

A failing build must not touch the previous ``site/``: every error is logged as
``fichier:ligne: champ: message`` and the build stops here, in ``on_config``. Under
``mkdocs serve`` with a previous good version, ``serve_last_good.py`` takes over.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from vmi.content.entries import Content
from vmi.content.handwritten import check_docs
from vmi.content.loader import load_content
from vmi.content.video import poster_errors
from vmi.core.errors import ContentError, ContentErrors
from vmi.site.build_state import state

log = logging.getLogger("mkdocs.hooks.content_check")


def _posters(content: Content, docs: Path) -> list[ContentError]:
    """Video posters of content pages missing from ``docs/``, before any page is built."""
    return [error for folder, entries in (("cas", content.cas),
                                          ("specificites", content.specificites))
            for entry in entries
            for error in poster_errors(entry.located.body, entry.path,
                                       f"{folder}/{entry.slug}.md", docs,
                                       entry.located.body_line)]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs = Path(config.docs_dir)
    state.begin(Path(config.config_file_path).parent,
                {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")})
    errors = check_docs(docs, state.docs_pages)  # quiz blocks of docs/, before any writing
    try:
        state.content = load_content(state.settings.content_dir(state.project),
                                     state.docs_pages, docs)
        errors += _posters(state.content, docs)
    except ContentErrors as exc:
        errors = exc.errors + errors
    if errors:
        failure = ContentErrors(errors)
        for error in failure.errors:
            log.error(str(error))
        if not (state.serving and state.content is not None):
            raise PluginError(failure.summary())
        state.failure = failure
    for warning in state.valid.warnings:  # --strict turns them into a failure
        log.warning(str(warning))
    return config
