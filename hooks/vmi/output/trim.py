"""Lighter output: drop theme files no visitor loads, minify our own scripts and styles.

Material ships ~1.3 MB of source maps and lunr stemmers for 30 languages in every
build; visitors never load them, but they weigh on the offline copy and the upload.
Our own CSS and JS stay commented and readable in ``overrides/``; the site gets them
minified (about a third smaller once gzipped).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import rcssmin
import rjsmin

from vmi.theme.lunr import LUNR_DIR, lunr_keep

_MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def removable(paths: Iterable[str], languages: Iterable[str]) -> list[str]:
    """The site-relative ``paths`` (POSIX) to delete: ``*.map`` and unused lunr files."""
    keep = lunr_keep(languages)
    drop = []
    for path in paths:
        if path.startswith("assets/") and path.endswith(".map"):
            drop.append(path)
        elif path.startswith(LUNR_DIR) and path.removeprefix(LUNR_DIR) not in keep:
            drop.append(path)
    return sorted(drop)


def strip_map_comment(code: bytes) -> bytes:
    """``code`` without its trailing ``sourceMappingURL`` comment (the map is gone)."""
    return _MAP_COMMENT.sub(b"\n", code, count=1)


def minified(path: str, text: str) -> str | None:
    """``text`` minified according to the extension of ``path``; ``None`` for other files."""
    if path.endswith(".js"):
        return rjsmin.jsmin(text, keep_bang_comments=True)
    if path.endswith(".css"):
        return rcssmin.cssmin(text, keep_bang_comments=True)
    return None
