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
from collections.abc import Iterable

from vmi.model.models import Terme

# Text inside these is left alone: headings, links, existing abbreviations, code, controls.
_SKIP_TAG = re.compile(r"<(/?)(?:a|abbr|button|code|h[1-6]|kbd|label|legend|option|pre|script"
                       r"|select|style|svg|textarea|title)(?=[\s>/])[^>]*>", re.I)


class Glossary:
    """The terms of ``content/glossaire.yml``, ready to mark pages."""

    def __init__(self, termes: Iterable[Terme]):
        self.definitions = {t.terme: " ".join(t.definition.split()) for t in termes}
        alternatives = sorted(map(re.escape, self.definitions), key=len, reverse=True)
        self.pattern = (re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")
                        if alternatives else None)

    def mark_first_uses(self, page_html: str) -> str:
        """``page_html`` with the first use of each term wrapped in ``<abbr>``.

        One search for the terms over the whole page; the tags that open a left-alone
        region are only walked as far as needed to place each match.
        """
        if self.pattern is None:
            return page_html
        seen: set[str] = set()
        out, last, depth = [], 0, 0
        tags = _SKIP_TAG.finditer(page_html)
        tag = next(tags, None)
        for match in self.pattern.finditer(page_html):
            if match[0] in seen:
                continue
            while tag is not None and tag.end() <= match.start():
                depth += -1 if tag[1] else (0 if tag[0].endswith("/>") else 1)
                tag = next(tags, None)
            if depth or _inside_tag(page_html, match.start()):
                continue  # in a heading, a link…, or in an attribute of a tag
            out += [page_html[last:match.start()], self._abbr(match[0], seen)]
            last = match.end()
            if len(seen) == len(self.definitions):
                break
        return "".join(out) + page_html[last:]

    def _abbr(self, term: str, seen: set[str]) -> str:
        if term in seen:
            return term
        seen.add(term)
        definition = html.escape(self.definitions[term])
        return f'<abbr title="{definition}" data-vmi-titre="{definition}">{term}</abbr>'


def _inside_tag(page_html: str, position: int) -> bool:
    """Whether ``position`` is within ``<…>`` (an attribute value, say), not in text."""
    return page_html.rfind("<", 0, position) > page_html.rfind(">", 0, position)
