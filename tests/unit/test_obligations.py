"""What the law asks and how to fund it: the shipped files, the grouping by size, the
browser's JSON and the Aides-territoires link."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from vmi.content.loader import load_content
from vmi.content.obligations import (
    AIDES_TERRITOIRES,
    aides_territoires_url,
    browser_data,
    by_band,
    for_epci,
    thresholds,
)
from vmi.editor.cms_files import for_disk, for_form
from vmi.model.models import Obligation
from vmi.testing import ROOT

# The ids every engineer relies on (HELPERS.md, shared decisions).
IDS = {"open-data", "algorithmes", "numerique-responsable", "accessibilite", "dpo",
       "publicite-actes", "urbanisme-en-ligne", "teletransmission-actes",
       "saisine-electronique", "facturation-electronique", "donnees-commande-publique", "nis2"}


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content", {p.name for p in (ROOT / "docs").glob("*.md")})


def _obligation(**fields) -> Obligation:
    base = {"id": "exemple", "titre": "T", "explication": "E", "concerne": "commune",
            "echeance": "2030", "texte": "Loi", "url": "https://exemple.fr/",
            "statut": "en vigueur", "axe": "donnees"}
    return Obligation.model_validate({**base, **fields})


def test_every_shared_obligation_id_is_shipped(content):
    assert {o.id for o in content.obligations} == IDS


def test_the_nis2_bill_is_a_projet_and_says_what_is_unconfirmed(content):
    nis2 = next(o for o in content.obligations if o.id == "nis2")
    assert nis2.statut == "projet" and nis2.a_verifier
    assert all(o.statut == "en vigueur" for o in content.obligations if o.id != "nis2")


def test_a_threshold_inside_a_band_is_said_not_rounded():
    """30 000 falls inside 20 000-50 000: that band says « au-delà de », the next applies."""
    bands = dict(by_band([_obligation(seuil_population=30000)]))
    states = [[(a.etat, a.seuil) for a in apps] for apps in bands.values()]
    assert states == [[], [], [("seuil", 30000)], [("oui", 30000)], [("oui", 30000)]]


def test_an_obligation_for_intercommunalities_only_is_not_listed_for_communes():
    only_epci = _obligation(concerne="epci", seuil_population=50000)
    assert all(apps == [] for _, apps in by_band([only_epci]))
    assert [(a.etat, a.seuil) for a in for_epci([only_epci])] == [("seuil", 50000)]


def test_an_intercommunality_threshold_overrides_the_communes_one():
    both = _obligation(concerne="les-deux", seuil_population=50000, seuil_population_epci=0)
    assert [a.etat for a in for_epci([both])] == ["oui"]
    assert thresholds([both]) == {"population": [50000], "population_epci": [], "agents": []}


def test_thresholds_of_the_shipped_file(content):
    found = thresholds(content.obligations)
    assert found["agents"] == sorted({o.seuil_agents for o in content.obligations
                                      if o.seuil_agents})
    assert 3500 in found["population"] and 30000 in found["population"]


def test_browser_data_is_plain_json_without_closed_schemes(content):
    data = json.loads(json.dumps(browser_data(content)))
    assert [o["id"] for o in data["obligations"]] == [o.id for o in content.obligations]
    closed = {f.id for f in content.financements if f.statut == "clos"}
    assert closed and not closed & {f["id"] for f in data["financements"]}
    nis2 = next(o for o in data["obligations"] if o["id"] == "nis2")
    assert nis2["statut"] == "projet"
    assert set(nis2) == {"id", "titre", "explication", "concerne", "seuil_population",
                         "seuil_population_epci", "seuil_agents", "echeance", "texte", "url",
                         "statut", "a_verifier", "axe", "questions"}
    assert set(data["aides_territoires"]) == {a.id for a in content.diagnostic.axes}


@pytest.mark.parametrize("scheme,population,eligible", [
    ("detr", 20000, True), ("detr", 20001, False),
    ("petites-villes-de-demain", 19999, True), ("petites-villes-de-demain", 20000, False),
])
def test_population_ceilings_of_detr_and_petites_villes_de_demain(content, scheme, population,
                                                                   eligible):
    found = next(f for f in browser_data(content)["financements"] if f["id"] == scheme)
    communes = [e for e in found["eligibilite"] if e["type"] == "commune"]
    assert any((e["population_max"] is None or population <= e["population_max"])
               and (e["population_min"] is None or population >= e["population_min"])
               for e in communes) is eligible


def test_aides_territoires_link_is_a_plain_search_by_keyword_and_audience():
    url = aides_territoires_url("cybersécurité", "epci")
    assert url.startswith(AIDES_TERRITOIRES + "?")
    assert parse_qs(urlsplit(url).query) == {"organization_type_slug": ["epci"],
                                             "keyword": ["cybersécurité"]}
    assert "%20" in aides_territoires_url("inclusion numérique")  # no « + » for spaces


@pytest.mark.parametrize("path", ["content/obligations.yml", "content/financements.yml",
                                  *sorted(p.relative_to(ROOT).as_posix()
                                          for p in (ROOT / "content" / "themes").glob("*.yml"))])
def test_saved_unchanged_through_the_form_editor_is_the_same_text(path):
    """The files are written in the layout the form editor saves: a save changes nothing."""
    text = (ROOT / path).read_text(encoding="utf-8")
    data = yaml.safe_load(for_form(path, text))
    assert for_disk(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=True), text) == text
