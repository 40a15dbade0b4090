"""MkDocs' link warnings named after the source file and line an editor opens.

MkDocs internal (not Material's, but the same kind of coupling): the text of its link
warnings, ``Doc file 'cas/x.md' contains a link 'y'…`` (``_DOC_FILE`` below), rewritten
by the logging filter of hooks/source_names.py. Guarded by tests/unit/test_links.py and
the corpus cases ``lien-casse*`` (tests/build/test_corpus.py).
"""

from __future__ import annotations

import re
from pathlib import Path

_DOC_FILE = re.compile(r"^Doc file '(?P<uri>[^']+)'(?P<rest> contains (?:a |an |an unrecognized "
                       r"relative |an absolute )?link (?:to )?'(?P<link>[^']+)'.*)$", re.S)


def line_of_link(text: str, link: str) -> int | None:
    """First line of ``text`` whose Markdown link points at ``link``."""
    for number, line in enumerate(text.split("\n"), 1):
        if f"]({link}" in line or f"](<{link}" in line:
            return number
    return None


def locate_message(message: str, source_of: dict[str, str], project: Path) -> str:
    """Rewrite MkDocs' ``Doc file 'cas/x.md' contains a link…`` to ``content/cas/x.md:LINE: …``.

    ``source_of`` maps a page's site path to its file relative to ``project``.
    """
    match = _DOC_FILE.match(message)
    if not match or match.group("uri") not in source_of:
        return message
    label = source_of[match.group("uri")]
    try:
        text = (project / label).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    line = line_of_link(text, match.group("link"))
    where = f"{label}:{line}" if line else label
    return f"{where}: Doc file '{label}'{match.group('rest')}"
