"""Thematic sheets, one per axis of the self-diagnosis (``content/themes/<axe>.yml``):
their checks against the questionnaire and the computed sections of their page
(obligations, funding, cases and documents, guides)."""

from __future__ import annotations

from typing import Any

from vmi.content.documents import Item
from vmi.content.entries import Content, Entry
from vmi.content.links import page_for_link
from vmi.content.obligations import aides_keyword, aides_territoires_url, statut_slug
from vmi.core.errors import ContentError
from vmi.core.suggest import closest
from vmi.model.models import Axe, Cas, FicheThematique, Financement, Obligation

FOLDER = "themes"


def check(content: Content, themes_found: set[str]) -> list[ContentError]:
    """A sheet's file name is an axis id; once there are sheets, every axis has one.

    ``themes_found`` are the stems of every sheet file, valid or not."""
    if content.diagnostic is None:
        return []
    axes = [a.id for a in content.diagnostic.axes]
    errors = [ContentError(f"{content.root.name}/{FOLDER}/{stem}.yml", 1, None,
                           _not_an_axis(stem, axes))
              for stem in sorted(themes_found) if stem not in axes]
    if themes_found:  # a site with sheets has one for every axis
        errors += [ContentError(f"{content.root.name}/diagnostic.yml", None, None,
                                f"l’axe « {axe} » n’a pas de fiche thématique : créez "
                                f"content/{FOLDER}/{axe}.yml")
                   for axe in axes if axe not in themes_found]
    return errors


def _not_an_axis(stem: str, axes: list[str]) -> str:
    message = (f"« {stem} » n’est pas un axe de content/diagnostic.yml : le nom d’une fiche "
               "est l’identifiant de son axe")
    guess = closest(stem, axes)
    return message + (f" ; renommez-la « {guess}.yml »" if guess else
                      f" (axes : {', '.join(axes)})")


def _cases(content: Content, axe: str) -> list[Entry[Cas]]:
    """Cases linked from the axis's recommendations, in the questionnaire's order."""
    if content.diagnostic is None:
        return []
    by_page = {f"cas/{entry.slug}.md": entry for entry in content.cas}
    found: dict[str, Entry[Cas]] = {}
    for reco in content.diagnostic.recommandations:
        if reco.axe == axe:
            for ref in reco.liens:
                entry = by_page.get(page_for_link(ref))
                if entry is not None:
                    found.setdefault(entry.slug, entry)
    return list(found.values())


def sheet_context(content: Content, entry: Entry[FicheThematique], axe: Axe,
                  documents: list[Item]) -> dict[str, Any]:
    """Everything the sheet's page shows: its own texts, then what other files say
    about its axis."""

    obligations: list[Obligation] = [o for o in content.obligations if o.axe == axe.id]
    schemes: list[Financement] = [f for f in content.financements if axe.id in f.axes]
    cases = _cases(content, axe.id)
    slugs = {entry.slug for entry in cases}
    keyword = aides_keyword(entry.model, axe)
    return {"fiche": entry.model, "axe": axe, "obligations": obligations,
            "financements": [f for f in schemes if f.statut == "ouvert"],  # closed: never offered
            "aides_commune": aides_territoires_url(keyword, "commune"),
            "aides_epci": aides_territoires_url(keyword, "epci"),
            "cas_lies": cases,
            "documents": [item for item in documents if item.cas and item.cas.slug in slugs],
            "statut_slug": statut_slug}
