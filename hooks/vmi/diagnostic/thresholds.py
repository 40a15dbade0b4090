"""Recommendation thresholds follow the diagnostic's maturity levels.

A recommendation shows while its axis scores at most ``jusqu_a``; that bound must be the
last score of a level (the next level's ``min`` − 1, or 100 for the top one), so that
the diagnostic page can say « proposée jusqu’au niveau Structuration » and mean it.
"""

from __future__ import annotations

from vmi.core.errors import ContentError
from vmi.core.source import Located, field_name
from vmi.model.models import Diagnostic

TOP = 100


def level_ends(diagnostic: Diagnostic) -> dict[int, str]:
    """Last score of each level → its name (``{19: "Découverte", …, 100: "Pilotage"}``)."""
    levels = diagnostic.niveaux
    ends = [following.min - 1 for following in levels[1:]] + [TOP]
    return {end: level.nom for end, level in zip(ends, levels)}


def threshold_errors(diagnostic: Diagnostic, located: Located) -> list[ContentError]:
    """A ``jusqu_a`` that ends no level, with the values that would."""
    ends = level_ends(diagnostic)
    choices = ", ".join(f"{end} (niveau « {name} »)" for end, name in ends.items())
    errors = []
    for index, reco in enumerate(diagnostic.recommandations):
        if reco.jusqu_a not in ends:
            loc = ("recommandations", index, "jusqu_a")
            errors.append(ContentError(
                located.path, located.line(loc), field_name(loc),
                f"{reco.jusqu_a} ne termine aucun niveau : choisissez la fin du dernier "
                f"niveau où l’action doit être proposée, parmi {choices}"))
    return errors


def thresholds_used(diagnostic: Diagnostic) -> list[tuple[int, str, int]]:
    """``(jusqu_a, level name, number of recommendations)`` for the page's explanation."""
    ends = level_ends(diagnostic)
    counts: dict[int, int] = {}
    for reco in diagnostic.recommandations:
        counts[reco.jusqu_a] = counts.get(reco.jusqu_a, 0) + 1
    return [(end, ends[end], counts[end]) for end in sorted(counts) if end in ends]
