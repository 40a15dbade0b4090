"""Accent folding for Material's search index (``search/search_index.json``)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

from vmi.core.slugs import fold

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\n\r]*")


_fold_word = functools.lru_cache(maxsize=65536)(fold)  # a site repeats its words a lot


def folded_words(text: str) -> list[str]:
    """Accent-free forms of the accented words of ``text``, each once, in order."""
    # The words with a non-ASCII letter: what ``\w*[^\x00-\x7f\W]\w*`` finds, twice as
    # fast (that regex backtracked through every word).
    words = [word for word in _WORD.findall(_TAG.sub(" ", text)) if not word.isascii()]
    return list(dict.fromkeys(_fold_word(word) for word in dict.fromkeys(words)))


def fold_doc(doc: dict[str, Any]) -> dict[str, Any]:
    """Append the folded words of a document's title and text to its text."""
    extra = folded_words(f"{doc.get('title', '')} {doc.get('text', '')}")
    if extra:
        doc["text"] = f"{doc.get('text', '')} <span hidden>{' '.join(extra)}</span>"
    return doc


def fold_index(index: dict[str, Any]) -> dict[str, Any]:
    """Append the folded words of each document's title and text to its text."""
    for doc in index.get("docs", []):
        fold_doc(doc)
    return index


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def fold_index_text(text: str, out: TextIO) -> None:
    """``fold_index`` of the index ``text``, written to ``out`` as
    ``json.dumps(…, ensure_ascii=False, separators=(",", ":"))`` would write it.

    One document at a time: at 1,000 pages the parsed index and its new text held at
    once made the largest memory peak of the build.
    """
    for piece in _folded_pieces(text):
        out.write(piece)


def _folded_pieces(text: str) -> Iterator[str]:
    decode = json.JSONDecoder().raw_decode

    def skip(at: int, expected: str) -> int:
        at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
        if text[at:at + 1] != expected:
            raise ValueError(f"{expected!r} expected at {at}")
        return _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]

    at = skip(0, "{")
    yield "{"
    first = True
    while text[at:at + 1] != "}":
        if not first:
            at = skip(at, ",")
        key, at = decode(text, at)
        at = skip(at, ":")
        yield ("" if first else ",") + _ENCODE(key) + ":"
        first = False
        if key != "docs" or text[at:at + 1] != "[":
            value, at = decode(text, at)
            yield _ENCODE(value)
            at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
            continue
        at, separator = skip(at, "["), ""
        yield "["
        while text[at:at + 1] != "]":
            if separator:
                at = skip(at, ",")
            doc, at = decode(text, at)
            yield separator + _ENCODE(fold_doc(doc) if isinstance(doc, dict) else doc)
            separator = ","
            at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
        yield "]"
        at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
    yield "}"
