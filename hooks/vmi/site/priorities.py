"""What the results' « Vos priorités pour les six mois à venir » reads in the browser.

The obligations, open funding schemes and Aides-territoires searches of
``vmi.content.obligations.browser_data``, plus, for each recommendation, the cases its
``liens`` name, and for each such case its size band, region and first public web
document: the browser sorts them by likeness to the chosen collectivité
(``priorities-core.js``). Band and region come from the case's resolved territory, never
computed again here.
"""

from __future__ import annotations

from typing import Any, Protocol

from vmi.content.entries import Content
from vmi.content.obligations import browser_data
from vmi.diagnostic.version import recommendation_id

CASE_PREFIX = "cas/"
_SCHEME_FIELDS = ("id", "nom", "url", "axes", "a_verifier", "eligibilite")


class Urls(Protocol):
    def url(self, src_uri: str) -> str: ...


def priorities_data(content: Content, links: Urls) -> dict[str, Any]:
    """JSON for the page script: ``browser_data`` plus ``cas`` (by slug) and
    ``reco_cas`` (recommendation id → case slugs, in the file's order)."""
    data = browser_data(content)
    # Only what the results show: the page's weight counts on a first visit.
    for obligation in data["obligations"]:
        del obligation["texte"]
    data["financements"] = [{key: scheme[key] for key in _SCHEME_FIELDS}
                            for scheme in data["financements"]]
    diagnostic = content.diagnostic
    linked = {recommendation_id(r): [ref[len(CASE_PREFIX):] for ref in r.liens
                                     if ref.startswith(CASE_PREFIX)]
              for r in (diagnostic.recommandations if diagnostic else [])}
    wanted = {slug for slugs in linked.values() for slug in slugs}
    cases = {}
    for entry in content.cas:
        if entry.slug not in wanted:
            continue
        place = content.territoires.get(entry.slug)
        band = place.taille if place else None
        document = next(({"titre": d.titre, "href": d.url} for d in entry.model.documents
                         if d.url and d.publie_par in ("ville", "intercommunalite")), None)
        cases[entry.slug] = {"ville": entry.model.ville,
                             "code": (place.carrier_code if place else None) or "",
                             "href": links.url(f"{CASE_PREFIX}{entry.slug}.md"),
                             "taille": band.id if band else "",
                             "tailleNom": band.nom if band else "",
                             "region": (place.region if place else None) or "",
                             "document": document}
    data["cas"] = cases
    data["reco_cas"] = {rid: [s for s in slugs if s in cases] for rid, slugs in linked.items()}
    return data
