"""Bounds of ``vmi.core.limits``: an alias bomb or a deep nesting is refused early, in
bounded memory, with its own message and line."""

from __future__ import annotations

import tracemalloc

import pytest

from vmi.core.limits import MAX_DEPTH, MAX_VALUES
from vmi.core.source import ContentFileError, parse_yaml


def _bomb(levels: int, width: int = 10) -> str:
    lines = ["- a0: &a0 [ha]"]
    for i in range(1, levels):
        lines.append(f"- a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines)


def _message(text: str) -> str:
    with pytest.raises(ContentFileError) as caught:
        parse_yaml(text, "content/glossaire.yml")
    [error] = caught.value.errors
    return str(error)


def test_a_billion_laughs_is_refused_in_bounded_memory():
    tracemalloc.start()
    try:
        # a0 holds 2 values, each level 10 times more: a4 passes 20 000 on line 5
        message = _message(_bomb(9))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message.startswith("content/glossaire.yml:5: l’alias «\u00a0*a3\u00a0» démultiplie")
    assert peak < 20 * 1024 * 1024


def test_a_small_alias_is_still_accepted():
    data = parse_yaml(_bomb(3), "content/glossaire.yml").data
    assert len(data[2]["a2"]) == 10 and data[2]["a2"][0] == [["ha"]] * 10


def test_each_bound_has_its_own_message():
    assert "valeurs dans un seul fichier" in _message("[" + "a, " * MAX_VALUES + "]")
    assert "niveaux de blocs" in _message("- " * (MAX_DEPTH + 1) + "x")
    assert "niveaux de blocs" not in str(parse_yaml("- " * (MAX_DEPTH - 1) + "x", "f").data)
    assert "sa propre ancre" in _message("a: &a [*a]")
