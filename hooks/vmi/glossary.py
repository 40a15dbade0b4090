"""Glossary terms in page text: explained on first use, readable on screen and paper.

Python-Markdown's ``abbr`` extension wraps every occurrence of every term; a page full of
dotted underlines reads badly on a phone. We keep the first use of each term outside
headings (with a copy of its meaning in ``data-vmi-titre``: Material's tooltips remove
``title`` in the browser, so print CSS cannot use it) and unwrap the others.
"""

from __future__ import annotations

import re
from typing import Iterable

from .models import Terme

_HEADING = re.compile(r"(<h([1-6])\b.*?</h\2>)", re.S)
_ABBR = re.compile(r'<abbr(?P<before>[^>]*?)\stitle="(?P<title>[^"]*)"(?P<after>[^>]*)>'
                   r"(?P<text>.*?)</abbr>", re.S)
_ABBR_ANY = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


def abbreviations(termes: Iterable[Terme]) -> str:
    """Markdown ``*[terme]: définition`` lines for the ``abbr`` extension."""
    return "\n".join(f"*[{t.terme}]: {' '.join(t.definition.split())}" for t in termes)


def mark_first_uses(html: str) -> str:
    """Keep ``<abbr>`` on the first use of each term outside headings, unwrap the rest."""
    seen: set[str] = set()

    def first_only(match: re.Match[str]) -> str:
        title = match["title"]
        if title in seen:
            return match["text"]
        seen.add(title)
        return (f'<abbr{match["before"]} title="{title}" data-vmi-titre="{title}"'
                f'{match["after"]}>{match["text"]}</abbr>')

    parts = _HEADING.split(html)
    # split() yields text, heading, its level digit, text…: headings lose their terms.
    kept = {0: lambda part: _ABBR.sub(first_only, part),
            1: lambda part: _ABBR_ANY.sub(r"\1", part), 2: lambda part: ""}
    return "".join(kept[i % 3](part) for i, part in enumerate(parts))
