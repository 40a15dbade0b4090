"""Checks of the hand-written pages of ``docs/``: readable, valid quiz blocks, links.

Run before anything is written (from ``on_config`` and ``make check``), so a broken quiz
in ``docs/`` stops the build as early as a broken content file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .errors import ContentError
from .links import check_links
from .quiz import find_quizzes
from .source import ContentFileError, read_text


def check_docs(docs: Path, docs_pages: Iterable[str],
               pages: set[str] | None = None) -> list[ContentError]:
    """Errors of every page of ``docs``; links are checked against ``pages`` if given."""
    errors: list[ContentError] = []
    for page in sorted(docs_pages):
        label = f"{docs.name}/{page}"
        try:
            text = read_text(docs / page, label)
        except ContentFileError as exc:
            errors += exc.errors
            continue
        errors += find_quizzes(text, label)[1]
        if pages is not None:
            errors += check_links(text, page, label, pages, docs)
    return errors
