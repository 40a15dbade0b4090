"""Content written the way a person writes it: fields in the models' order, no empty
optional field, block lists indented by two spaces, quotes where YAML needs them
(dates, codes and numbers written as text, ``oui``/``non``, ``: ``, a leading sign) and
where the file already had them.

Used by the form editor's server (``vmi.editor.cms_files``) so that a file saved by the form
reads like the others and passes ``make check``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9/._-]*$")
_NUMERIC = re.compile(r"^[\d\s.,:+-]+$")


def resolve(node: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """The schema behind ``$ref`` and ``anyOf [x, null]`` (JSON Schema as ``schemas``)."""
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        if len(options) == 1:
            node = {**{k: v for k, v in node.items() if k != "anyOf"}, **options[0]}
    if "$ref" in node:
        target = definitions[node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def tidy(value: Any, node: dict[str, Any], definitions: dict[str, Any]) -> Any:
    """``value`` with its keys in the schema's order and empty optional fields dropped
    (a form leaves ``""`` and ``[]`` for what was not filled in)."""
    node = resolve(node, definitions)
    if isinstance(value, str):  # a text of several lines keeps its final newline
        return value if "\n" in value.strip() else value.strip()
    if isinstance(value, list):
        items = node.get("items", {})
        return [tidy(item, items, definitions) for item in value if not _empty(item)]
    if not isinstance(value, dict):
        return value
    properties = node.get("properties", {})
    required = set(node.get("required", []))
    order = list(properties) + [key for key in value if key not in properties]
    result = {}
    for key in order:
        if key not in value:
            continue
        item = tidy(value[key], properties.get(key, {}), definitions)
        if _empty(item) and key not in required:
            continue
        result[key] = item
    return {} if all(_empty(item) for item in result.values()) else result  # left blank


Quotes = Mapping[str, str]  # a text the file had between quotes → the quote it used


def quoted_texts(text: str | None) -> dict[str, str]:
    """The texts a file wrote between quotes (values, not field names), with the quote
    used: the form writes them back the same, so a saved file differs only where the
    editor changed something."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader) if text else None
    except yaml.YAMLError:
        return {}
    found: dict[str, str] = {}
    stack = [node] if node is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style in ('"', "'"):
                found.setdefault(node.value, node.style)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return found


def scalar(value: Any, quotes: Quotes | None = None) -> str:
    """One YAML scalar: plain when it reads back as the same text, else double-quoted;
    between the same quotes as before when the file had put them (``quotes``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if not isinstance(value, str):
        return str(value)
    kept = quotes.get(value) if quotes else None
    if kept == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if _plain(value) and kept != '"':
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted


def _plain(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if _NUMERIC.match(text):  # dates, codes, years written as text: quoted, as editors do
        return False
    try:
        return yaml.safe_load(text) == text
    except yaml.YAMLError:
        return False


def _block(text: str, pad: str) -> list[str]:
    """A multi-line text as a literal block (``|``), as the diagnostic's texts are."""
    chomp = "" if text.endswith("\n") else "-"
    return [f"|{chomp}"] + [f"{pad}{line}" if line else "" for line in
                            text.rstrip("\n").split("\n")]


def _value(key_line: str, value: Any, pad: str, quotes: Quotes | None = None) -> list[str]:
    """``key:`` followed by ``value`` (``pad`` is the indentation of ``key``)."""
    if isinstance(value, dict) and value:
        return [f"{key_line}:"] + mapping(value, pad + "  ", quotes)
    if isinstance(value, list) and value:
        flow = f"{key_line}: [{', '.join(str(v) for v in value)}]"
        if all(isinstance(v, str) and _IDENTIFIER.match(v) for v in value) and len(flow) <= 120:
            return [flow]  # lists of identifiers on one line, as content/ writes them
        return [f"{key_line}:"] + sequence(value, pad + "  ", quotes)
    if isinstance(value, (dict, list)):
        return [f"{key_line}: {'{}' if isinstance(value, dict) else '[]'}"]
    if isinstance(value, str) and "\n" in value.strip("\n"):
        first, *rest = _block(value, pad + "  ")
        return [f"{key_line}: {first}", *rest]
    return [f"{key_line}: {scalar(value, quotes)}"]


def mapping(data: dict[str, Any], pad: str = "", quotes: Quotes | None = None) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        lines += _value(f"{pad}{key}", value, pad, quotes)
    return lines


def sequence(items: list[Any], pad: str = "", quotes: Quotes | None = None) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict) and item:
            inner = mapping(item, pad + "  ", quotes)
            lines.append(f"{pad}- {inner[0][len(pad) + 2:]}")
            lines += inner[1:]
        else:
            lines += [f"{pad}- {scalar(item, quotes)}"]
    return lines


def dump(data: Any, quotes: Quotes | None = None) -> str:
    """The YAML text of a block of fields or a list, with a final newline; ``quotes``
    (``quoted_texts`` of the file before) keeps the quotes it had around plain texts."""
    lines = sequence(data, "", quotes) if isinstance(data, list) else mapping(data, "", quotes)
    return "\n".join(lines) + "\n"
