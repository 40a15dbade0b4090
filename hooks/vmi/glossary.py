"""Glossary terms in page text: explained on their first use, on screen and on paper.

Each page's HTML is scanned once: the first use of each term in running text (not in
headings, links, code or form controls) becomes ``<abbr title="définition">``, so
Material shows the definition on hover and focus. A copy of the definition goes into
``data-vmi-titre``: Material's tooltips remove ``title`` in the browser, and print CSS
needs it. Later uses stay plain: a page full of dotted underlines reads badly on a phone.
"""

from __future__ import annotations

import html
import re
from typing import Iterable

from .models import Terme

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Text inside these is left alone: headings, links, existing abbreviations, code, controls.
_SKIP = frozenset("a abbr button code h1 h2 h3 h4 h5 h6 kbd label legend option pre "
                  "script select style svg textarea title".split())


class Glossary:
    """The terms of ``content/glossaire.yml``, ready to mark pages."""

    def __init__(self, termes: Iterable[Terme]):
        self.definitions = {t.terme: " ".join(t.definition.split()) for t in termes}
        alternatives = sorted(map(re.escape, self.definitions), key=len, reverse=True)
        self.pattern = (re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")
                        if alternatives else None)

    def mark_first_uses(self, page_html: str) -> str:
        """``page_html`` with the first use of each term wrapped in ``<abbr>``."""
        if self.pattern is None:
            return page_html
        seen: set[str] = set()
        parts = _TOKEN.split(page_html)
        skipping = 0
        for index, part in enumerate(parts):
            if index % 2:  # a tag or a comment
                skipping += _depth_change(part)
            elif part and not skipping and len(seen) < len(self.definitions):
                parts[index] = self.pattern.sub(lambda m: self._abbr(m[0], seen), part)
        return "".join(parts)

    def _abbr(self, term: str, seen: set[str]) -> str:
        if term in seen:
            return term
        seen.add(term)
        definition = html.escape(self.definitions[term])
        return f'<abbr title="{definition}" data-vmi-titre="{definition}">{term}</abbr>'


def _depth_change(tag: str) -> int:
    match = _TAG_NAME.match(tag)
    if not match or match[2].lower() not in _SKIP or tag.endswith("/>"):
        return 0
    return -1 if match[1] else 1
