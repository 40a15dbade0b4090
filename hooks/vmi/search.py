"""Accent folding for Material's search index (``search/search_index.json``)."""

from __future__ import annotations

import functools
import re
from typing import Any

from .slugs import fold

_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f\W]\w*")
_TAG = re.compile(r"<[^>]+>")


_fold_word = functools.lru_cache(maxsize=65536)(fold)  # a site repeats its words a lot


def folded_words(text: str) -> list[str]:
    """Accent-free forms of the accented words of ``text``, each once, in order."""
    words = _NON_ASCII_WORD.findall(_TAG.sub(" ", text))
    return list(dict.fromkeys(_fold_word(word) for word in dict.fromkeys(words)))


def fold_index(index: dict[str, Any]) -> dict[str, Any]:
    """Append the folded words of each document's title and text to its text."""
    for doc in index.get("docs", []):
        extra = folded_words(f"{doc.get('title', '')} {doc.get('text', '')}")
        if extra:
            doc["text"] = f"{doc.get('text', '')} <span hidden>{' '.join(extra)}</span>"
    return index
