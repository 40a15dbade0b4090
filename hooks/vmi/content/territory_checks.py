"""Resolve each case's ``code_insee`` / ``code_epci``, with a French error for bad input.

An error names the code's line and, when the ``ville`` is the official name of a
commune, gives its code (« Cahors : 46042 »; with the department when several
communes share the name), so the editor can copy the right one.
"""

from __future__ import annotations

from collections.abc import Iterable

from vmi.content.entries import Entry
from vmi.core.errors import ContentError
from vmi.model.models import Cas
from vmi.territories.official import Commune, OfficialData, Territory, hand_written, official_data

_HAND_FIELDS = {"departement": "le département", "region": "la région",
                "population": "la population"}


def resolve_territories(entries: Iterable[Entry[Cas]], data: OfficialData | None = None
                        ) -> tuple[dict[str, Territory], list[ContentError]]:
    """Each case's territory by slug, and the errors of the codes."""
    territories: dict[str, Territory] = {}
    errors: list[ContentError] = []
    for entry in entries:
        case = entry.model
        if case.code_insee is None and case.code_epci is None:
            territories[entry.slug] = hand_written(case)
            continue
        data = data or official_data()
        found, problems = _resolve(entry, data)
        errors += problems
        if found is not None:
            territories[entry.slug] = found
    return territories, errors


def _resolve(entry: Entry[Cas], data: OfficialData) -> tuple[Territory | None, list[ContentError]]:
    case, located = entry.model, entry.located
    field = "code_insee" if case.code_insee else "code_epci"
    errors = [ContentError(entry.path, located.line((name,)), name,
                           f"à retirer : avec {field}, {what} vient des données officielles")
              for name, what in _HAND_FIELDS.items() if getattr(case, name) is not None]
    if case.code_insee and case.code_epci:
        errors.append(ContentError(entry.path, located.line(("code_epci",)), "code_epci",
                                   "indiquez soit code_insee (une commune), soit code_epci "
                                   "(une intercommunalité), pas les deux"))
        return None, errors
    commune, problem = (_commune(case, data) if case.code_insee else _member(case, data))
    if problem:
        errors.append(ContentError(entry.path, located.line((field,)), field, problem))
    if commune is None:
        return None, errors
    return data.territory(case, commune), errors


def _commune(case: Cas, data: OfficialData) -> tuple[Commune | None, str | None]:
    code = case.code_insee
    assert code is not None
    commune = data.commune(code)
    if commune is None:
        return None, (f"code INSEE « {code} » inconnu : aucune commune actuelle ne l’a "
                      f"dans le Code officiel géographique {data.edition}"
                      + _suggestion(case.ville, data))
    if _same_name(case.ville, commune.nom):
        return commune, None
    return None, (f"le code « {code} » est celui de « {commune.nom} » ({commune.departement}), "
                  f"pas de « {case.ville} » : « ville » doit être le nom officiel de la commune"
                  + _suggestion(case.ville, data))


def _member(case: Cas, data: OfficialData) -> tuple[Commune | None, str | None]:
    siren = case.code_epci
    assert siren is not None
    epci = data.epci(siren)
    if epci is None:
        return None, (f"SIREN « {siren} » inconnu : aucune intercommunalité à fiscalité "
                      f"propre ne l’a dans la liste {data.edition} de la DGCL"
                      + _suggestion(case.ville, data, epci=True))
    members = data.members(siren)
    for commune in members:
        if _same_name(case.ville, commune.nom):
            return commune, None
    largest = max(members, key=lambda c: c.population or 0).nom if members else "?"
    return None, (f"« {case.ville} » n’est pas une commune de {epci.nom} : « ville » doit être "
                  f"le nom officiel de la commune membre qui donne son nom à la démarche "
                  f"(ex. « {largest} »)" + _suggestion(case.ville, data, epci=True))


def _same_name(typed: str, official: str) -> bool:
    """Official names use straight apostrophes; editors may type French ones."""
    return typed.replace("’", "'").strip() == official


def _suggestion(ville: str, data: OfficialData, epci: bool = False) -> str:
    """`` ; code INSEE de la commune nommée ainsi : « Cahors : 46042 »`` when ``ville``
    names official communes (with their departments when several share the name); with
    ``epci``, the SIREN of each one's intercommunality."""
    communes = data.named(ville)
    shared = len(communes) > 1
    found = []
    for commune in communes:
        details = [commune.departement] if shared else []
        if epci:
            group = data.epci_of(commune.code)
            if group is None:
                continue
            code, details = group.code, [group.nom, *details]
        else:
            code = commune.code
        found.append(f"{code} ({', '.join(details)})" if details else code)
    if not found:
        return ""
    what = "SIREN de l’intercommunalité de" if epci else "code INSEE de"
    return f" ; {what} la commune nommée ainsi : « {communes[0].nom} : {' ou '.join(found)} »"
