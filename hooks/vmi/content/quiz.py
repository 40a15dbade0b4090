"""``quiz`` fenced blocks in Markdown: find them and validate their YAML."""

from __future__ import annotations

from dataclasses import dataclass

from vmi.core.errors import ContentError
from vmi.core.fences import find_blocks
from vmi.model.models import Quiz


@dataclass(frozen=True)
class QuizBlock:
    """A validated quiz and the line span (0-based, end exclusive) it occupied."""

    start: int
    end: int
    quiz: Quiz


def find_quizzes(markdown: str, label: str, first_line: int = 1
                 ) -> tuple[list[QuizBlock], list[ContentError]]:
    """Return every valid quiz block and the errors of the invalid ones."""
    blocks, errors = find_blocks(markdown, label, "quiz", Quiz, first_line)
    return [QuizBlock(b.start, b.end, b.value) for b in blocks], errors
