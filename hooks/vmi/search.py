"""Accent folding for Material's search index (``search/search_index.json``)."""

from __future__ import annotations

import re
from typing import Any

from .slugs import fold

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")


def folded_words(text: str) -> list[str]:
    """Accent-free forms of the accented words of ``text``, each once, in order."""
    words = dict.fromkeys(fold(word) for word in _WORD.findall(_TAG.sub(" ", text))
                          if fold(word) != word)
    return list(words)


def fold_index(index: dict[str, Any]) -> dict[str, Any]:
    """Append the folded words of each document's title and text to its text."""
    for doc in index.get("docs", []):
        extra = folded_words(f"{doc.get('title', '')} {doc.get('text', '')}")
        if extra:
            doc["text"] = f"{doc.get('text', '')} <span hidden>{' '.join(extra)}</span>"
    return index
