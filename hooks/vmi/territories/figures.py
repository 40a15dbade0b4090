"""Official populations in hand-written pages: ``[[population 49328]]`` in ``docs/``.

A page of ``docs/`` that names a town's population writes its INSEE code instead of a
figure; the build puts in the municipal population of the shipped extract
(``vmi.territories.official``) with its edition, so no hand-typed figure needs « à vérifier ».
An unknown code is an error at its line, like in a content file.
"""

from __future__ import annotations

import re

from vmi.core.errors import ContentError
from vmi.territories.official import OfficialData, official_data

MARK = re.compile(r"(?<!`)\[\[population\s+([^\]]*)\]\]")  # not in `code`
FIELD = "population"


def _figure(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")  # narrow no-break space, as in nombre_fr


def _text(data: OfficialData, code: str) -> str | None:
    commune = data.commune(code)
    if commune is None or commune.population is None:
        return None
    return (f"{_figure(commune.population)}\u00a0habitants (INSEE, population municipale, "
            f"édition {data.edition})")


def figure_errors(text: str, label: str, data: OfficialData | None = None) -> list[ContentError]:
    """``docs/page.md:LINE: population: …`` for each mark whose code is not a commune."""
    data = data or official_data()
    errors = []
    for match in MARK.finditer(text):
        code = match[1].strip()
        if _text(data, code) is None:
            line = text.count("\n", 0, match.start()) + 1
            errors.append(ContentError(label, line, FIELD, f"« {code} » n’est le code INSEE "
                                       "d’aucune commune actuelle (5 caractères, ex. "
                                       "[[population 46042]] pour Cahors)"))
    return errors


def expand(text: str, data: OfficialData | None = None) -> str:
    """``text`` with every mark replaced by its figure (checked before: see
    ``figure_errors``; a bad mark is left as it is)."""
    data = data or official_data()
    return MARK.sub(lambda m: _text(data, m[1].strip()) or m[0], text)
