"""``quiz`` fenced blocks in Markdown: find them and validate their YAML."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from pydantic import ValidationError

from .errors import ContentError
from .fences import OPENING, closes
from .messages import validation_errors
from .models import Quiz
from .source import ContentFileError, parse_yaml

_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*quiz[ \t]*$")


@dataclass(frozen=True)
class QuizBlock:
    """A validated quiz and the line span (0-based, end exclusive) it occupied."""

    start: int
    end: int
    quiz: Quiz


def find_quizzes(markdown: str, label: str, first_line: int = 1
                 ) -> tuple[list[QuizBlock], list[ContentError]]:
    """Return every valid quiz block and the errors of the invalid ones."""
    lines = markdown.split("\n")
    blocks, errors = [], []
    index = 0
    while index < len(lines):
        opening = _OPEN.match(lines[index])
        if not opening:
            index = _after_code_block(lines, index)
            continue
        fence = opening.group("fence")
        end = next((j for j in range(index + 1, len(lines))
                    if lines[j].strip() == fence), None)
        line = first_line + index
        if end is None:
            errors.append(ContentError(label, line, "quiz", f"bloc non fermé : ajoutez une "
                                       f"ligne {fence} après le quiz"))
            break
        block, problems = _parse(lines[index + 1:end], label, line + 1)
        errors.extend(problems)
        if block is not None:
            blocks.append(QuizBlock(index, end + 1, block))
        index = end + 1
    return blocks, errors


def _after_code_block(lines: list[str], index: int) -> int:
    """Index after the code block opening at ``index`` (or ``index + 1``): a ```quiz shown
    as an example inside a ````markdown block stays an example."""
    opening = OPENING.match(lines[index])
    if not opening:
        return index + 1
    fence = opening.group("fence")
    for j in range(index + 1, len(lines)):
        if closes(lines[j], fence):
            return j + 1
    return len(lines)


@functools.lru_cache(maxsize=1024)
def _valid_quiz(text: str) -> Quiz | None:
    """The quiz of a block, if valid. Blocks are read twice (validation, then rendering)
    and a valid quiz does not depend on where it stands, so it is parsed once."""
    try:
        return Quiz.model_validate(parse_yaml(text, "").data)
    except (ContentFileError, ValidationError):
        return None


def _parse(lines: list[str], label: str, first_line: int
           ) -> tuple[Quiz | None, list[ContentError]]:
    valid = _valid_quiz("\n".join(lines))
    if valid is not None:
        return valid, []
    try:
        located = parse_yaml("\n".join(lines), label, first_line)
    except ContentFileError as exc:  # name fields as validation errors do: quiz.reponses[1]…
        return None, [replace(e, field=f"quiz.{e.field}" if e.field else "quiz")
                      for e in exc.errors]
    try:
        return Quiz.model_validate(located.data), []
    except ValidationError as exc:
        return None, validation_errors(exc, located, Quiz, ("quiz",))
