"""Table-of-contents tokens read back from rendered HTML.

Generated pages get headings from their templates, which Markdown never sees; reading
them from the final HTML keeps the side table of contents and search sections right.
A regular expression is enough for the markup we and Python-Markdown write, and is
much faster than an HTML parser on every page of a large site.
"""

from __future__ import annotations

import html
import re
from typing import Any

_HEADING = re.compile(r'<h([2-6])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_PERMALINK = re.compile(r'<a [^>]*class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def toc_tokens(page_html: str, max_level: int = 3) -> list[dict[str, Any]]:
    """Nested ``{level, id, name, children}`` tokens, as Python-Markdown's toc gives."""
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for match in _HEADING.finditer(page_html):
        level = int(match[1])
        if level > max_level:
            continue
        text = html.unescape(_TAG.sub("", _PERMALINK.sub("", match[3])))
        token: dict[str, Any] = {"level": level, "id": match[2], "name": html.escape(" ".join(text.split())),
                 "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots
