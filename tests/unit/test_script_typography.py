"""Visitor texts of the scripts follow French typography: a no-break space, never an
ordinary one, before « : », « ; », « ! » and « ? » (what the site's Markdown gets by
itself, the scripts must write: ``NBSP + ': '``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from vmi.testing import ROOT

SCRIPTS = sorted(p for p in (ROOT / "overrides" / "assets" / "javascripts").rglob("*.js")
                 if "vendor" not in p.parts and p.name != "territory-list.js")
# An ordinary space before the punctuation, which ends the text or a word group.
PLAIN_SPACE = re.compile(r" [:;!?](?= |$)")
# After these, a slash opens a regular expression, not a division.
REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^")
REGEX_AFTER_WORD = re.compile(r"(?:^|[^\w$])(?:return|typeof|case|in|of|void|delete|throw|new)\s*$")


def string_literals(source: str) -> Iterator[tuple[int, str]]:
    """The line and text of each string literal of a script (comments and regular
    expressions skipped)."""
    i = 0
    while i < len(source):
        char = source[i]
        if source.startswith("//", i) or source.startswith("/*", i):
            end = source.find("\n" if source[i + 1] == "/" else "*/", i + 2)
            i = len(source) if end < 0 else end + (1 if source[i + 1] == "/" else 2)
            continue
        if char == "/" and _opens_regex(source[:i]):
            i = _regex_end(source, i)
            continue
        if char in "'\"`":
            end, text = _string_end(source, i)
            yield source.count("\n", 0, i) + 1, text
            i = end
            continue
        i += 1


def _opens_regex(before: str) -> bool:
    code = before.rstrip()
    return not code or code[-1] in REGEX_BEFORE or bool(REGEX_AFTER_WORD.search(code))


def _string_end(source: str, start: int) -> tuple[int, str]:
    quote, i, text = source[start], start + 1, []
    while source[i] != quote:
        step = 2 if source[i] == "\\" else 1
        text.append(source[i:i + step])
        i += step
    return i + 1, "".join(text)


def _regex_end(source: str, start: int) -> int:
    i, in_class = start + 1, False
    while in_class or source[i] != "/":
        if source[i] == "\\":
            i += 1
        elif source[i] in "[]":
            in_class = source[i] == "["
        i += 1
    return i + 1


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_visitor_texts_have_a_no_break_space_before_double_punctuation(script: Path):
    found = [f"{script.name}:{line}: {text!r}"
             for line, text in string_literals(script.read_text(encoding="utf-8"))
             if PLAIN_SPACE.search(text)]
    assert found == []
