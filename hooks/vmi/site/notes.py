"""Presenter notes: ``!!! animateur`` admonitions, taken out of a page's HTML.

Notes are for the person at the front of the room only: once out of the content they
cannot be seen on the public page, printed, or indexed by search. Each note is kept
with the id of the h2 section it was written in ("" before the first h2), which is how
the presenter window finds the notes of the slide on screen.
"""

from __future__ import annotations

import re

_NOTE = re.compile(r'<div class="admonition animateur"[^>]*>')
_DIV = re.compile(r"<(/?)div\b[^>]*>")
_H2_ID = re.compile(r'<h2\b[^>]*\bid="([^"]*)"')


def _note_end(html: str, start: int) -> int:
    """Index just after the ``</div>`` closing the note opened at ``start``."""
    depth = 0
    for tag in _DIV.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(html)


def extract_notes(html: str) -> tuple[str, dict[str, list[str]]]:
    """The page's HTML without its notes, and the notes' HTML by section id."""
    notes: dict[str, list[str]] = {}
    kept: list[str] = []
    position = 0
    for note in _NOTE.finditer(html):
        if note.start() < position:
            continue  # a note inside a note: taken with its parent
        end = _note_end(html, note.start())
        sections = _H2_ID.findall(html, 0, note.start())
        notes.setdefault(sections[-1] if sections else "", []).append(html[note.start():end])
        kept.append(html[position:note.start()])
        position = end
    kept.append(html[position:])
    return "".join(kept), notes
