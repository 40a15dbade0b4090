"""Printed pages keep what the screen shows on hover: the meaning of abbreviations.

Material's tooltips remove ``title`` from ``<abbr>`` elements in the browser, so print
CSS cannot use ``attr(title)``; a copy in ``data-vmi-titre`` survives. Only the first
use of each term outside headings gets it: paper readers need the meaning once, not
after every occurrence.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"(<h([1-6])\b.*?</h\2>)", re.S)
_ABBR = re.compile(r'<abbr(?P<before>[^>]*?)\stitle="(?P<title>[^"]*)"(?P<after>[^>]*)>')


def keep_abbr_titles(html: str) -> str:
    """Copy the title of each term's first ``<abbr>`` into ``data-vmi-titre`` (already escaped)."""
    seen: set[str] = set()

    def copy(match: re.Match[str]) -> str:
        done = match["title"] in seen or "data-vmi-titre" in match.group(0)
        seen.add(match["title"])
        if done:
            return match.group(0)
        return (f'<abbr{match["before"]} title="{match["title"]}"'
                f' data-vmi-titre="{match["title"]}"{match["after"]}>')

    parts = _HEADING.split(html)
    # split() yields text, heading, its level digit, text…: headings stay, digits go.
    kept = {0: lambda part: _ABBR.sub(copy, part), 1: lambda part: part, 2: lambda part: ""}
    return "".join(kept[i % 3](part) for i, part in enumerate(parts))
