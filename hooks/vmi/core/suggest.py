"""The known identifier an editor most probably meant, for « vouliez-vous dire » hints."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from vmi.core.slugs import slugify


def closest(value: str, known: Iterable[str]) -> str | None:
    """``Santé`` → ``sante``: the same word without capitals and accents first, then the
    nearest spelling (``transport`` → ``transports``); ``None`` when nothing is close."""
    choices = sorted(set(known))
    if value in choices:
        return None
    folded = slugify(value)
    if folded in choices:
        return folded
    found = difflib.get_close_matches(folded or value, choices, n=1, cutoff=0.75)
    return found[0] if found else None


def unknown_message(what: str, value: str, known: Iterable[str]) -> str:
    """``pilier inconnu « santé » ; vouliez-vous dire « sante » ?`` or, with nothing
    close, the list of the known ones."""
    known = sorted(set(known))
    guess = closest(value, known)
    if guess is not None:
        return f"{what} inconnu « {value} » ; vouliez-vous dire « {guess} » ?"
    return f"{what} inconnu « {value} » (connus : {', '.join(known) or 'aucun'})"
