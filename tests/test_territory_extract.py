"""The shipped extract of official data matches Etalab's npm package it was made from."""

from __future__ import annotations

import json

import pytest

from vmi.loader import load_content
from vmi.territories import EXTRACT
from vmi.territory_extract import DEFAULT_PACKAGE_DIR, dumps, extract
from vmi.testing import ROOT

PACKAGE = ROOT / DEFAULT_PACKAGE_DIR


@pytest.fixture(scope="module")
def package() -> dict:
    if not (PACKAGE / "data" / "communes.json").is_file():
        pytest.fail("npm ci n’a pas été lancé : node_modules/@etalab/decoupage-administratif "
                    "manque (make test l’installe)")
    data = {name: json.loads((PACKAGE / "data" / f"{name}.json").read_text("utf-8"))
            for name in ("communes", "epci", "departements", "regions")}
    data["package.json"] = json.loads((PACKAGE / "package.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def shipped() -> dict:
    return json.loads(EXTRACT.read_text("utf-8"))


def test_package_version_is_the_one_package_json_pins(package: dict, shipped: dict):
    pinned = json.loads((ROOT / "package.json").read_text("utf-8"))["devDependencies"]
    assert pinned["@etalab/decoupage-administratif"] == package["package.json"]["version"]
    assert shipped["version"] == package["package.json"]["version"]
    assert shipped["licence"] and len(shipped["sources"]) == 3


def test_every_shipped_case_matches_the_package(package: dict, shipped: dict):
    docs = ROOT / "docs"
    content = load_content(ROOT / "content", {p.relative_to(docs).as_posix()
                                              for p in docs.rglob("*.md")})
    communes = {c["code"]: c for c in package["communes"] if c["type"] == "commune-actuelle"}
    epcis = {e["code"]: e for e in package["epci"]}
    departements = {d["code"]: d["nom"] for d in package["departements"]}
    regions = {r["code"]: r["nom"] for r in package["regions"]}
    coded = [entry for entry in content.cas if entry.model.code_insee or entry.model.code_epci]
    assert coded, "aucune démarche n’a de code officiel"
    for entry in coded:
        territory = content.territoires[entry.slug]
        commune = communes[territory.code_insee]
        assert commune["nom"] == entry.model.ville.replace("’", "'")
        assert shipped["communes"][commune["code"]][:3] == [
            commune["nom"], commune["departement"], commune.get("population")]
        assert territory.departement == departements[commune["departement"]]
        assert territory.region == regions[commune["region"]]
        assert territory.population.habitants == commune["population"]
        group = next(e for e in package["epci"]
                     if any(m["code"] == commune["code"] for m in e["membres"]))
        siren = entry.model.code_epci or group["code"]
        assert territory.epci.code == siren
        assert territory.epci.nom == epcis[siren]["nom"]
        assert territory.epci.population == epcis[siren]["populationMunicipale"]


def test_shipped_extract_is_what_make_territoires_writes(package: dict):
    """Regenerating from the pinned package changes nothing: the extract is not stale."""
    assert dumps(extract(PACKAGE)) == EXTRACT.read_text("utf-8")
