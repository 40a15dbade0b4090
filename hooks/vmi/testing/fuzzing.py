"""Fuzz profiles, mutation strategies and the robustness property, shared by the short
run of ``make test`` (tests/unit/test_fuzz_content.py) and the long one of ``make fuzz``
(tests/fuzz.py).

A case is one content file of the project changed in one to three ways — text-level
(a line deleted, duplicated, swapped, re-indented; the file cut short; a stray
character, a control character, a 10 000-character value, a strange number, an extra
``---``), byte-level (invalid UTF-8, a byte-order mark in the middle, UTF-16, old line
endings) or structure-level (a value replaced by generated YAML, deep nesting, an
alias bomb, a recursive alias) — then checked by the code ``make check`` and the build
run. The property (``problems``): the check ends within ``TIME_BOUND`` seconds, raises
nothing, and every message it prints is French and reads ``path:line: field: message``
(or ``path: message`` for a file-level fault) about a file of the project.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from vmi.cli.commands import check
from vmi.core.errors import ContentError
from vmi.testing import ROOT

# Profiles: `make test` runs a few cases per test with fixed seeds (seconds); `make fuzz`
# at least 10 000 content cases, seeded by VMI_FUZZ_SEED (fixed by default too).
PROFILE = os.environ.get("VMI_FUZZ_PROFILE", "test")
FUZZ_CASES = int(os.environ.get("VMI_FUZZ_CASES", "10000"))
SEED = int(os.environ.get("VMI_FUZZ_SEED", "17"))
_COMMON: dict[str, Any] = dict(deadline=None, database=None, print_blob=True,
                               suppress_health_check=list(HealthCheck))
settings.register_profile("test", max_examples=20, derandomize=True, **_COMMON)
settings.register_profile("fuzz", max_examples=FUZZ_CASES, derandomize=False, **_COMMON)
settings.load_profile(PROFILE)

TIME_BOUND = 10.0  # seconds for a whole check with one mutated file (a loaded machine)

CONTENT_FILES = sorted(
    [p.relative_to(ROOT).as_posix() for p in (ROOT / "content").glob("*.yml")]
    + [p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "cas").glob("*.md")]
    + [p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "specificites").glob("*.md")]
    + [p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "parcours").glob("*.yml")]
    + [p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "themes").glob("*.yml")]
    + [p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md")])

# Characters editors paste by accident, and those YAML gives a meaning to.
CONTROL = [chr(c) for c in range(0x20) if c not in (9, 10, 13)] + ["\x7f", "\x85", "\u2028",
                                                                     "\u2029", "\ufeff", "\ufffe"]
SPECIAL = list(":#&*!|>-?[]{},%@`'\"\\\t ") + ["---", "...", "- ", ": ", "<<: *a", "\u00a0",
                                                "\u202f", "é", "😀", "\u200b", "\u202e"]
VALUES = ["-1", "0", "-0", "1e400", "-1e400", ".nan", ".inf", "3.5", "9" * 5000, "0x1F", "0o17",
          "1_000", "12:30", "4 min 30", "1 h 75", "No", "yes", "on", "~", "null", "true",
          "2026-13-45", "!!int abc",
          "!!bool maybe", "!!float x", "!!binary AAAA", "!!timestamp x", "!!set {a}",
          "!!python/object:os.system x", "!foo bar", "&a x", "*a", "*inconnu", "[", "]", "{",
          "}", "|", ">", "|9", ">-+", "'non fermé", '"non fermé', '"mauvais \\q"',
          '"\\x4"', "@x", "`x", "%x", "? x", "<<: *a", "&a [*a]", "x" * 10_000,
          "[" * 60 + "]" * 60, "[" * 2000, "- " * 80 + "x", "{a: " * 60 + "}" * 60,
          "javascript:alert(1)", "<script>alert(1)</script>", "\x00", "a\x00b",
          # control characters written as escapes between double quotes
          '"\\0"', '"a\\x1b[0m"', '"\\e"', '"\\N"', '"\\L"', '"\\ufeff"', '"\\uD800"',
          '"\\U00110000"', '"\\U0001F600"', '"\\\\0"']
BAD_BYTES = [b"\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
             b"\xc0\xaf", b"\x80", b"\xef\xbb\xbf", b"\x00", b"\xff\xfe", b"\r"]


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _front_end(lines: list[str]) -> int:
    """Index of the line closing the front matter (or the last line of a YAML file)."""
    if lines and lines[0] == "---":
        for index in range(1, len(lines)):
            if lines[index] == "---":
                return index
    return len(lines) - 1


@st.composite
def _line(draw, lines: list[str]) -> int:
    """A line index, three times out of four in the YAML part of the file."""
    if not lines:
        return 0
    end = min(_front_end(lines), len(lines) - 1)
    upper = end if draw(st.integers(0, 3)) else len(lines) - 1
    return draw(st.integers(0, max(upper, 0)))


def _fragment() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(CONTROL), st.sampled_from(SPECIAL),
                     st.sampled_from(VALUES), st.text(max_size=20),
                     st.text(st.characters(codec="utf-8"), max_size=8))


@st.composite
def text_mutation(draw, data: bytes) -> bytes:
    """One text-level change: lines moved or removed, a fragment inserted, a cut."""
    lines = _text(data).split("\n")
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "truncate",
                                 "insert", "value", "fence", "line-endings"]))
    i = draw(_line(lines))
    if kind == "delete" and lines:
        del lines[i]
    elif kind == "duplicate" and lines:
        lines.insert(i, lines[i])
    elif kind == "swap" and lines:
        j = draw(_line(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "indent" and lines:
        shift = draw(st.integers(-4, 4))
        lines[i] = " " * shift + lines[i] if shift > 0 else lines[i][-shift:]
    elif kind == "truncate":
        text = "\n".join(lines)
        return _bytes(text[: draw(st.integers(0, len(text)))])
    elif kind == "insert" and lines:
        column = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:column] + draw(_fragment()) + lines[i][column:]
    elif kind == "value" and lines:
        key, sep, _ = lines[i].partition(": ")
        lines[i] = (key + sep if sep else lines[i] + ": ") + draw(
            st.one_of(st.sampled_from(VALUES), st.text(max_size=30)))
    elif kind == "fence":
        lines.insert(i, draw(st.sampled_from(["---", "...", "--- x", "```", "```quiz"])))
    elif kind == "line-endings":
        return _bytes(draw(st.sampled_from(["\r\n", "\r"])).join(lines))
    return _bytes("\n".join(lines))


@st.composite
def byte_mutation(draw, data: bytes) -> bytes:
    """One byte-level change: a byte sequence that is not UTF-8, a BOM, another encoding."""
    kind = draw(st.sampled_from(["insert", "replace", "encoding"]))
    at = draw(st.integers(0, len(data)))
    if kind == "encoding":
        encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "latin-1", "cp1252"]))
        return _text(data).encode(encoding, "replace")
    chunk = draw(st.one_of(st.sampled_from(BAD_BYTES), st.binary(min_size=1, max_size=8)))
    return data[:at] + chunk + data[at + (len(chunk) if kind == "replace" else 0):]


_YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
    | st.dates() | st.binary(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=12)


def _paths(data, prefix=()) -> list[tuple]:
    found = [prefix]
    if len(prefix) > 20:  # an earlier mutation nested it deeply
        return found
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, prefix + (index,))
    return found


def _nest(value, depth: int, as_map: bool):
    for _ in range(depth):
        value = {"x": value} if as_map else [value]
    return value


def _alias_bomb(levels: int, width: int) -> str:
    """« Billion laughs »: each level repeats the previous one ``width`` times."""
    names = [f"n{i}" for i in range(levels)]
    lines = [f"{names[0]}: &{names[0]} [\"ha\"]"]
    for before, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [{', '.join(['*' + before] * width)}]")
    return "\n".join(lines)


@st.composite
def structure_mutation(draw, data: bytes) -> bytes:
    """A change of the parsed YAML (front matter or file), written back as YAML."""
    text = _text(data)
    front = text.startswith("---\n")
    head, body = text, ""
    if front:
        end = text.find("\n---", 4)
        if end < 0:
            return data
        head, body = text[4:end], text[end + 4:]
    if "&" in head and "*" in head:  # maybe an alias bomb from an earlier mutation: walking
        return data  # its expanded tree would take all memory
    try:
        tree = yaml.safe_load(head)
    except Exception:  # noqa: BLE001 - broken by an earlier mutation (PyYAML's own
        return data  # constructors raise KeyError, ValueError…): keep it so
    kind = draw(st.sampled_from(["replace", "delete", "add", "nest", "bomb", "recursive",
                                 "retype"]))
    paths = _paths(tree)
    path = draw(st.sampled_from(paths))
    if kind == "bomb":
        dumped = _alias_bomb(draw(st.integers(2, 12)), draw(st.integers(2, 12)))
        where = draw(st.sampled_from(["start", "end"]))
        dumped = (dumped + "\n" + head) if where == "start" else (head + "\n" + dumped)
    elif kind == "recursive":
        dumped = head + "\nboucle: &boucle\n  - *boucle\n"
    else:
        new = _changed(draw, tree, path, kind)
        try:
            dumped = yaml.safe_dump(new, allow_unicode=True, sort_keys=False, width=10_000)
        except RecursionError:
            return data
    return _bytes(f"---\n{dumped}\n---{body}" if front else dumped)


def _changed(draw, tree, path: tuple, kind: str):
    if kind == "nest":
        value = _nest(_get(tree, path), draw(st.integers(1, 120)), draw(st.booleans()))
    elif kind == "retype":
        value = draw(st.sampled_from([[], {}, "", None, 0, ["a"], {"a": 1}]))
    else:
        value = draw(_YAML_VALUES)
    if not path:
        return value if kind != "add" else tree
    parent, key = _get(tree, path[:-1]), path[-1]
    if kind == "delete":
        del parent[key]
    elif kind == "add" and isinstance(parent, dict):
        parent[draw(st.text(max_size=12))] = value
    else:
        parent[key] = value
    return tree


def _get(tree, path: tuple):
    for part in path:
        tree = tree[part]
    return tree


@dataclass(frozen=True)
class Case:
    """One mutated file: its path in the project and its new bytes."""

    path: str
    data: bytes

    def __repr__(self) -> str:
        return f"Case({self.path!r}, {self.data[:2000]!r}{'…' if len(self.data) > 2000 else ''})"


@functools.cache
def _original(path: str) -> bytes:
    """A content file as first read: editing the tree during a long run must not change
    what the strategy draws (Hypothesis refuses a strategy whose data changes)."""
    return (ROOT / path).read_bytes()


@st.composite
def cases(draw, files: list[str] = CONTENT_FILES) -> Case:
    """A content file changed one to three times by text, byte or structure mutations."""
    path = draw(st.sampled_from(files))
    data = _original(path)
    for _ in range(draw(st.integers(1, 3))):
        mutation = draw(st.sampled_from([text_mutation, text_mutation, byte_mutation,
                                         structure_mutation]))
        data = draw(mutation(data))
    return Case(path, data)


# `path:line: field: message` or `path: message`; the path is a project file.
_LINE = re.compile(r"^(?:content|docs)/[^:\n]+?(?::\d+)?: .+$", re.S)
# Words of PyYAML's, pydantic's or Python's own messages: none may reach an editor.
_ENGLISH = re.compile(r"\b(?:expected|found|while|could not|cannot|should|Input|Value error|"
                      r"not allowed|Traceback|Error|invalid|the|unacceptable|but got)\b")


def problems(project: Path) -> list[str]:
    """What breaks the property for the project as it is on disk (empty: it holds)."""
    started = time.perf_counter()
    try:
        errors, _ = check(project)
    except Exception as exc:  # noqa: BLE001 - any escape is the failure looked for
        return [f"exception {type(exc).__name__}: {exc}"[:500]]
    spent = time.perf_counter() - started
    found = [] if spent <= TIME_BOUND else [f"{spent:.1f} s > {TIME_BOUND} s"]
    for error in errors:
        found += _message_problems(project, error)
    return found


def _message_problems(project: Path, error: ContentError) -> list[str]:
    text = str(error)
    match = _LINE.match(text)
    if "\n" in text or not match or not text.startswith(error.path):
        return [f"message mal formé : {text[:300]!r}"]
    found = []
    path = project / error.path
    if not path.exists():
        found.append(f"fichier inconnu : {text[:300]!r}")
    elif error.line and path.is_file():
        raw = path.read_bytes()
        if not 1 <= error.line <= raw.count(b"\n") + raw.count(b"\r") + 2:
            found.append(f"ligne hors du fichier : {text[:300]!r}")
    # Quoted values are the editor's own text, in any language.
    if _ENGLISH.search(re.sub(r"«[^»]*»", "", error.message)):
        found.append(f"message en anglais : {text[:300]!r}")
    return found


class Project:
    """A copy of the project's content and pages, one file of which a case replaces."""

    def __init__(self, target: Path):
        self.root = target
        for part in ("content", "docs"):
            shutil.copytree(ROOT / part, target / part)

    def run(self, case: Case) -> list[str]:
        """The property's failures for ``case``; the file is restored afterwards."""
        path = self.root / case.path
        original = path.read_bytes()
        path.write_bytes(case.data)
        try:
            return problems(self.root)
        finally:
            path.write_bytes(original)

    def keep(self, case: Case, folder: Path, found: list[str]) -> Path:
        """Write a failing case as a corpus folder (tests/corpus/ layout) to keep it."""
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / case.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(case.data)
        (folder / "problemes.txt").write_text("\n".join(found) + "\n", encoding="utf-8")
        return folder
