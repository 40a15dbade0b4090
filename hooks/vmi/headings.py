"""Table-of-contents tokens read back from rendered HTML.

Generated pages get headings from their templates, which Markdown never sees; reading
them from the final HTML keeps the side table of contents and search sections right.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, Any]] = []
        self._current: dict[str, Any] | None = None
        self._in_permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and "headerlink" in (dict(attrs).get("class") or ""):
            self._in_permalink = True
        level = int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "23456" else 0
        ident = dict(attrs).get("id")
        if level and ident:
            self._current = {"level": level, "id": ident, "name": "", "children": []}

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_permalink = False
        if self._current and tag == f"h{self._current['level']}":
            self._current["name"] = html.escape(" ".join(self._current["name"].split()))
            self.found.append(self._current)
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None and not self._in_permalink:
            self._current["name"] += data


def toc_tokens(page_html: str, max_level: int = 3) -> list[dict[str, Any]]:
    """Nested ``{level, id, name, children}`` tokens, as Python-Markdown's toc gives."""
    parser = _Headings()
    parser.feed(page_html)
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for token in (t for t in parser.found if t["level"] <= max_level):
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots
