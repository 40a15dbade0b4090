"""Fenced code blocks in Markdown: the one closing rule, shared by the block readers and the
link checker (a link or a quiz shown inside a code block is an example, not content), and
the reader of YAML blocks (```quiz, ```video), validated against their model."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from vmi.core.errors import ContentError
from vmi.core.messages import validation_errors
from vmi.core.source import ContentFileError, parse_yaml

# An opening fence: up to three spaces, then three or more backticks or tildes.
OPENING = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})")


def closes(line: str, fence: str) -> bool:
    """Whether ``line`` closes a code block opened by ``fence`` (as long, same character)."""
    closing = line.strip()
    return closing.startswith(fence) and not closing.strip(fence[0])


M = TypeVar("M", bound=BaseModel)
_WHAT = {"quiz": "le quiz", "video": "la vidéo"}  # what an unclosed block holds


@dataclass(frozen=True)
class Block(Generic[M]):
    """A validated YAML block (```quiz, ```video…) and the line span it occupied (0-based,
    end exclusive)."""

    start: int
    end: int
    value: M


def find_blocks(markdown: str, label: str, kind: str, model: type[M], first_line: int = 1
                ) -> tuple[list[Block[M]], list[ContentError]]:
    """Every valid ```kind block of ``markdown`` and the errors of the invalid ones."""
    opens = re.compile(rf"^(?P<fence>`{{3,}}|~{{3,}})[ \t]*{kind}[ \t]*$")
    lines = markdown.split("\n")
    blocks, errors = [], []
    index = 0
    while index < len(lines):
        opening = opens.match(lines[index])
        if not opening:
            index = _after_code_block(lines, index)
            continue
        fence = opening.group("fence")
        end = next((j for j in range(index + 1, len(lines))
                    if lines[j].strip() == fence), None)
        line = first_line + index
        if end is None:
            what = _WHAT.get(kind, f"le bloc {kind}")
            errors.append(ContentError(label, line, kind, f"bloc non fermé : ajoutez une "
                                       f"ligne {fence} après {what}"))
            break
        value, problems = _parse(model, kind, "\n".join(lines[index + 1:end]), label, line + 1)
        errors.extend(problems)
        if value is not None:
            blocks.append(Block(index, end + 1, value))
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
def _valid(model: type[M], text: str) -> M | None:
    """The value of a block, if valid. Blocks are read twice (validation, then rendering)
    and a valid block does not depend on where it stands, so it is parsed once."""
    try:
        return model.model_validate(parse_yaml(text, "").data)
    except (ContentFileError, ValidationError):
        return None


def _parse(model: type[M], kind: str, text: str, label: str, first_line: int
           ) -> tuple[M | None, list[ContentError]]:
    valid = _valid(model, text)
    if valid is not None:
        return valid, []
    try:
        located = parse_yaml(text, label, first_line)
    except ContentFileError as exc:  # name fields as validation errors do: quiz.reponses[1]…
        return None, [replace(e, field=f"{kind}.{e.field}" if e.field else kind)
                      for e in exc.errors]
    try:
        return model.model_validate(located.data), []
    except ValidationError as exc:
        return None, validation_errors(exc, located, model, (kind,))
