"""What the law asks at each size and how to fund it: checks across files, the
``/obligations/`` page's grouping, and the plain JSON the browser reads.

Thresholds mean: an obligation applies to a collectivité of *more than*
``seuil_population`` inhabitants (« plus de 3 500 habitants ») and, when
``seuil_agents`` is set, of *at least* that many agents (« au moins 50 agents »).
An intercommunality uses ``seuil_population_epci`` when the file gives one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from vmi.content.checks import duplicates
from vmi.content.entries import Content
from vmi.core.errors import ContentError
from vmi.core.source import Located, field_name
from vmi.core.suggest import unknown_message
from vmi.model.models import Axe, FicheThematique, Financement, Obligation
from vmi.territories.official import SIZE_BANDS

AIDES_TERRITOIRES = "https://aides-territoires.beta.gouv.fr/aides/"


def statut_slug(statut: str) -> str:
    """``en vigueur`` → ``en-vigueur``: the value of ``data-statut``."""
    return statut.replace(" ", "-")


def epci_threshold(obligation: Obligation) -> int:
    """Population threshold of an intercommunality (the communes' one unless told)."""
    if obligation.seuil_population_epci is not None:
        return obligation.seuil_population_epci
    return obligation.seuil_population


def aides_territoires_url(keyword: str, beneficiaire: str = "commune") -> str:
    """A pre-filled Aides-territoires search (a plain link: nothing is loaded from that
    site until the visitor follows it). Its ``perimeter_id`` is an internal number the
    site cannot know, so the search goes by keyword and beneficiary type."""
    query = urlencode({"organization_type_slug": beneficiaire, "keyword": keyword},
                      quote_via=quote)
    return f"{AIDES_TERRITOIRES}?{query}"


# --- checks -------------------------------------------------------------------------


def check(content: Content, obligations_file: Located | None,
          financements_file: Located | None) -> list[ContentError]:
    """Duplicate ids, unknown axes and questions, thresholds that make no sense."""
    errors: list[ContentError] = []
    diagnostic = content.diagnostic
    axes = {a.id for a in diagnostic.axes} if diagnostic else None
    questions = {q.id for q in diagnostic.questions} if diagnostic else None
    if obligations_file:
        errors += duplicates(obligations_file, (o.id for o in content.obligations), (), "id",
                             "identifiant")
        for index, obligation in enumerate(content.obligations):
            if axes is not None and obligation.axe not in axes:
                errors.append(_unknown(obligations_file, (index, "axe"), obligation.axe,
                                       axes, "axe"))
            if questions is not None:
                errors += [_unknown(obligations_file, (index, "questions", at), question,
                                    questions, "question")
                           for at, question in enumerate(obligation.questions)
                           if question not in questions]
            if obligation.concerne == "commune" and obligation.seuil_population_epci is not None:
                errors.append(_error(obligations_file, (index, "seuil_population_epci"),
                                     "sans objet : l’obligation ne vise que les communes "
                                     "(concerne: commune)"))
    if financements_file:
        errors += duplicates(financements_file, (f.id for f in content.financements), (), "id",
                             "identifiant")
        for index, scheme in enumerate(content.financements):
            if axes is not None:
                errors += [_unknown(financements_file, (index, "axes", at), axe, axes, "axe")
                           for at, axe in enumerate(scheme.axes) if axe not in axes]
    return errors


def _error(located: Located, loc: tuple, message: str) -> ContentError:
    return ContentError(located.path, located.line(loc), field_name(loc), message)


def _unknown(located: Located, loc: tuple, value: str, known: set[str],
             what: str) -> ContentError:
    message = unknown_message(what, value, known)
    if what == "question":  # feminine: « question inconnue »
        message = message.replace("question inconnu ", "question inconnue ", 1)
    return _error(located, loc, message)


# --- the /obligations/ page ---------------------------------------------------------


@dataclass(frozen=True)
class Application:
    """How one obligation stands for one size band: ``etat`` is ``oui`` (every
    collectivité of the band), ``seuil`` (only above ``seuil`` inhabitants, inside the
    band) or ``non``; ``agents`` is the agent threshold that still applies."""

    obligation: Obligation
    etat: str
    seuil: int
    agents: int | None


def _application(obligation: Obligation, threshold: int, low: int, high: float) -> Application:
    if threshold == 0 or low > threshold:
        etat = "oui"
    elif high <= threshold:
        etat = "non"
    else:
        etat = "seuil"
    return Application(obligation, etat, threshold, obligation.seuil_agents)


def by_band(obligations: list[Obligation]) -> list[tuple[str, list[Application]]]:
    """For a commune of each size band of ``/cas/``, the obligations that apply (fully
    or above a threshold inside the band), in the file's order."""
    result = []
    low = 0
    for band in SIZE_BANDS:
        found = [_application(o, o.seuil_population, low, band.up_to) for o in obligations
                 if o.concerne != "epci"]
        result.append((band.nom, [a for a in found if a.etat != "non"]))
        low = int(band.up_to) + 1 if band.up_to != float("inf") else low
    return result


def for_epci(obligations: list[Obligation]) -> list[Application]:
    """The obligations of an intercommunality, whatever its size (thresholds said)."""
    return [_application(o, epci_threshold(o), 0, float("inf")) for o in obligations
            if o.concerne != "commune"]


def thresholds(obligations: list[Obligation]) -> dict[str, list[int]]:
    """The distinct thresholds the file uses: inhabitants (communes, intercommunalities)
    and agents, in increasing order."""
    return {"population": sorted({o.seuil_population for o in obligations
                                  if o.concerne != "epci"} - {0}),
            "population_epci": sorted({epci_threshold(o) for o in obligations
                                       if o.concerne != "commune"} - {0}),
            "agents": sorted({o.seuil_agents for o in obligations if o.seuil_agents})}


def obligations_context(content: Content) -> dict[str, Any]:
    axes = {a.id: a.nom for a in content.diagnostic.axes} if content.diagnostic else {}
    return {"obligations": content.obligations, "par_taille": by_band(content.obligations),
            "epci": for_epci(content.obligations), "seuils": thresholds(content.obligations),
            "noms_axes": axes, "themes": {entry.slug for entry in content.themes},
            "statut_slug": statut_slug}


# --- what the browser reads ---------------------------------------------------------


def obligation_json(obligation: Obligation) -> dict[str, Any]:
    return {"id": obligation.id, "titre": obligation.titre,
            "explication": obligation.explication, "concerne": obligation.concerne,
            "seuil_population": obligation.seuil_population,
            "seuil_population_epci": epci_threshold(obligation),
            "seuil_agents": obligation.seuil_agents, "echeance": obligation.echeance,
            "texte": obligation.texte, "url": obligation.url,
            "statut": statut_slug(obligation.statut), "a_verifier": obligation.a_verifier,
            "axe": obligation.axe, "questions": list(obligation.questions)}


def financement_json(scheme: Financement) -> dict[str, Any]:
    return {"id": scheme.id, "nom": scheme.nom, "description": scheme.description,
            "beneficiaires": scheme.beneficiaires, "montant": scheme.montant,
            "periode": scheme.periode, "a_verifier": scheme.a_verifier,
            "axes": list(scheme.axes), "url": scheme.url,
            "eligibilite": [{"type": e.type, "population_min": e.population_min,
                             "population_max": e.population_max, "condition": e.condition}
                            for e in scheme.eligibilite]}


def aides_searches(content: Content) -> dict[str, dict[str, str]]:
    """Per axis, an Aides-territoires search for a commune and for an intercommunality:
    keyword from the axis's sheet (``recherche_aides``), else the axis's name."""
    if content.diagnostic is None:
        return {}
    sheets = {entry.slug: entry.model for entry in content.themes}
    return {axe.id: {kind: aides_territoires_url(aides_keyword(sheets.get(axe.id), axe), kind)
                     for kind in ("commune", "epci")}
            for axe in content.diagnostic.axes}


def aides_keyword(sheet: FicheThematique | None, axe: Axe) -> str:
    """The keyword of an axis's Aides-territoires search: its sheet's, else its name."""
    return (sheet.recherche_aides if sheet else None) or axe.nom


def browser_data(content: Content) -> dict[str, Any]:
    """Obligations, funding schemes still open and Aides-territoires searches, as plain
    JSON for the browser (embedded as ``<script type="application/json">``). Closed
    schemes stay in the file for the record and are left out here: never offered."""
    return {"obligations": [obligation_json(o) for o in content.obligations],
            "financements": [financement_json(f) for f in content.financements
                             if f.statut == "ouvert"],
            "aides_territoires": aides_searches(content)}
