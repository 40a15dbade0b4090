"""Comments of a YAML text carried over to a rewritten version of the same data.

The form editor hands back data, not text: everything a person wrote between the
fields (``# --- Gouvernance ---`` above a group of questions, the explanations of a
new case's template, ``annee: 2021  # à vérifier``) would be lost when the file is
rewritten (``vmi.editor.layout``). Each comment is tied to the field or list item it stands
above (or ends the line of), by path: an item of a list with an ``id`` is known by
its ``id``, so a comment follows its question when questions are reordered. A comment
whose field is gone goes above the next field that is still there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

NodePath = tuple[object, ...]
_TRAILING = re.compile(r"\s+(#.*)$")
# A line that opens a block and ends with a comment: « population:  # à vérifier »,
# « - # deuxième étape » (the keys of content files are plain names).
_OPENER = re.compile(r"^\s*(?:-\s+)*(?:[\w.-]+\s*:)?\s+(#.*)$|^\s*-\s*(#.*)$")


@dataclass
class _Map:
    """Where each node of a YAML text starts and ends, by path."""

    starts: dict[int, NodePath] = field(default_factory=dict)  # line → shallowest path
    lines: dict[NodePath, int] = field(default_factory=dict)  # path → start line
    ends: dict[NodePath, tuple[int, int]] = field(default_factory=dict)  # scalar path → end
    inside: set[int] = field(default_factory=set)  # lines within a multi-line text


def _step(index: int, value: yaml.Node) -> object:
    if isinstance(value, yaml.MappingNode):
        for k, v in value.value:
            if k.value == "id" and isinstance(v, yaml.ScalarNode):
                return ("id", v.value)
    return index


def _walk(node: yaml.Node, path: NodePath, found: _Map) -> None:
    line = node.start_mark.line
    found.lines.setdefault(path, line)
    if found.lines[path] == line:  # a block under its key belongs to the key's line
        found.starts.setdefault(line, path)
    if isinstance(node, yaml.ScalarNode):
        found.ends[path] = (node.end_mark.line, node.end_mark.column)
        last = node.end_mark.line if node.end_mark.column else node.end_mark.line - 1
        found.inside.update(range(line + 1, last + 1))
    elif isinstance(node, yaml.SequenceNode):
        if node.flow_style:
            found.ends[path] = (node.end_mark.line, node.end_mark.column)
        for index, item in enumerate(node.value):
            _walk(item, path + (_step(index, item),), found)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found.starts.setdefault(key.start_mark.line, path + (key.value,))
            found.lines.setdefault(path + (key.value,), key.start_mark.line)
            _walk(value, path + (key.value,), found)


def _map(text: str) -> _Map | None:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    found = _Map()
    if root is not None:
        _walk(root, (), found)
    return found


def _comments(lines: list[str], found: _Map) -> Iterator[tuple[int, list[str]]]:
    """Each run of whole-line comments (and the blank lines within it), with the
    line of the first node after it (``len(lines)`` at the end of the text)."""
    run: list[str] = []
    for number, line in enumerate(lines):
        if number in found.inside:
            continue
        if line.lstrip().startswith("#") or (run and not line.strip()):
            run.append(line)
        elif run:
            yield number, _trim(run)
            run = []
    if run:
        yield len(lines), _trim(run)


def _trim(run: list[str]) -> list[str]:
    while run and not run[-1].strip():
        run.pop()
    return [line.strip() for line in run]


def _anchors(found: _Map, after: int) -> list[NodePath]:
    """Paths of the nodes starting at or after line ``after``, in the text's order."""
    return [found.starts[n] for n in sorted(found.starts) if n >= after]


def carry(previous: str, rewritten: str) -> str:
    """``rewritten`` with the comments of ``previous`` put back in their places."""
    old, new = _map(previous), _map(rewritten)
    if old is None or new is None:
        return rewritten
    before: dict[int, list[str]] = {}  # new line → comment lines to insert above it
    tail: list[str] = []
    old_lines, lines = previous.split("\n"), rewritten.split("\n")
    for line, run in _comments(old_lines, old):
        target = next((new.lines[p] for p in _anchors(old, line) if p in new.lines), None)
        if target is None:
            tail += run
        else:
            before.setdefault(target, []).extend(run)
    ends = _trailing(old_lines, old, new, lines, before)
    _openers(old_lines, old, new, lines, before, ends)
    out: list[str] = []
    for number, text in enumerate(lines):
        pad = text[:len(text) - len(text.lstrip())]
        out += [pad + comment if comment else "" for comment in before.get(number, [])]
        out.append(text + ends[number] if number in ends else text)
    if tail:
        while out and not out[-1]:
            out.pop()
        out += tail + [""]
    return "\n".join(out)


def _trailing(old_lines: list[str], old: _Map, new: _Map, lines: list[str],
              before: dict[int, list[str]]) -> dict[int, str]:
    """``value  # comment`` ends: new line → the comment, where the value still ends
    a line of its own (else the comment goes above the field)."""
    ends: dict[int, str] = {}
    for path, (line, column) in old.ends.items():
        match = _TRAILING.match(old_lines[line][column:]) if line < len(old_lines) else None
        if not match or path not in new.lines:
            continue
        new_line, new_column = new.ends.get(path, (-1, 0))
        if 0 <= new_line < len(lines) and not lines[new_line][new_column:].strip():
            ends[new_line] = "  " + match[1]
        else:
            before.setdefault(new.lines[path], []).append(match[1])
    return ends


def _openers(old_lines: list[str], old: _Map, new: _Map, lines: list[str],
             before: dict[int, list[str]], ends: dict[int, str]) -> None:
    """Comments ending a line that opens a block: at the end of the same key's line when
    it still opens one, else above the block's first field."""
    taken = {end for end, _ in old.ends.values()} | old.inside  # values' own comments
    for line, text in enumerate(old_lines):
        match = _OPENER.match(text) if line not in taken else None
        if not match or text.lstrip().startswith("#"):
            continue
        comment = match[1] or match[2]
        owner = old.starts.get(line) if match[1] else None
        if owner is not None and owner in new.lines:
            target = new.lines[owner]
            if lines[target].rstrip().endswith(":") and target not in ends:
                ends[target] = "  " + comment
                continue
        following = next((p for p in _anchors(old, line + 1) if p in new.lines), None)
        if following is not None:
            before.setdefault(new.lines[following], []).append(comment)
