"""Checks of the hand-written pages of ``docs/``: readable, front matter, quiz and video
blocks (their posters among the files), nothing loaded from another site, official
population marks, links.

Run before anything is written (from ``on_config`` and ``make check``), so a broken quiz
in ``docs/`` stops the build as early as a broken content file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from vmi.content.embeds import check_embeds
from vmi.content.links import check_links
from vmi.content.quiz import find_quizzes
from vmi.content.video import find_videos, poster_errors
from vmi.core.errors import ContentError
from vmi.core.source import ContentFileError, parse_yaml, read_text, split_front_matter
from vmi.territories.figures import figure_errors


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
        errors += _front_matter(text, label)
        errors += find_quizzes(text, label)[1]
        errors += find_videos(text, label)[1]
        errors += poster_errors(text, label, page, docs)
        errors += check_embeds(text, label, page)
        errors += figure_errors(text, label)
        if pages is not None:
            errors += check_links(text, page, label, pages, docs)
    return errors


def _front_matter(text: str, label: str) -> list[ContentError]:
    """Errors of the page's YAML front matter (``title:``…), which MkDocs would otherwise
    drop silently when broken, and expand without bound when it holds an alias bomb."""
    parts = split_front_matter(text)
    if parts is None or not parts[0].strip():
        return []
    try:
        parse_yaml(parts[0], label, first_line=2)
    except ContentFileError as exc:
        return exc.errors
    return []
