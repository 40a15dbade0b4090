"""Fenced code blocks in Markdown: the one closing rule, shared by the quiz reader and the
link checker (a link or a quiz shown inside a code block is an example, not content)."""

from __future__ import annotations

import re

# An opening fence: up to three spaces, then three or more backticks or tildes.
OPENING = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})")


def closes(line: str, fence: str) -> bool:
    """Whether ``line`` closes a code block opened by ``fence`` (as long, same character)."""
    closing = line.strip()
    return closing.startswith(fence) and not closing.strip(fence[0])
