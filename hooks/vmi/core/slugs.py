"""ASCII slugs and accent folding, shared by page paths, anchors and search."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def fold(text: str) -> str:
    """Remove diacritics (``é`` → ``e``, ``œ`` → ``oe``), keep case."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """``« Saint-Quentin »`` → ``saint-quentin``: lower-case ASCII words joined by hyphens."""
    return _NON_ALNUM.sub("-", fold(text).lower()).strip("-")
