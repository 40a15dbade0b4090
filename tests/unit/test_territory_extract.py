"""The shipped extract of official data matches Etalab's npm package it was made from."""

from __future__ import annotations

import gzip
import json

import pytest

from vmi.content.loader import load_content
from vmi.territories.browser_list import DEFAULT_LIST, MIN_POPULATION, browser_list, script
from vmi.territories.extract import DEFAULT_PACKAGE_DIR, extract, files
from vmi.territories.official import EXTRACT, SIZE_BANDS, size_band
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
    """The extract's index, with every communes file gathered under « communes »."""
    data = json.loads((EXTRACT / "index.json").read_text("utf-8"))
    data["communes"] = {}
    for path in sorted((EXTRACT / "communes").glob("*.json")):
        data["communes"].update(json.loads(path.read_text("utf-8")))
    return data


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
    """Regenerating from the pinned package changes nothing: the extract and the
    browser's list are not stale, and no file is left over from another edition."""
    data = extract(PACKAGE)
    written = files(data)
    assert {p.relative_to(EXTRACT).as_posix() for p in EXTRACT.rglob("*.json")} == set(written)
    for name, text in written.items():
        assert (EXTRACT / name).read_text("utf-8") == text, name
    assert DEFAULT_LIST.read_text("utf-8") == script(browser_list(PACKAGE, data))


def test_browser_list_holds_every_commune_of_3500_and_every_epci(package: dict):
    """Read back as the browser reads it (rows of « | » fields), the list has each
    current commune of at least 3,500 inhabitants and each EPCI, with the package's
    figures and the band of /cas/ that size_band gives."""
    listed = browser_list(PACKAGE, extract(PACKAGE))
    communes = {c["code"]: c for c in package["communes"] if c["type"] == "commune-actuelle"
                and (c.get("population") or 0) >= MIN_POPULATION}
    rows = {row[0]: row for row in listed["communes"]}
    assert set(rows) == set(communes) and len(rows) > 3000
    groups = {g["code"]: g for g in package["epci"]}
    assert [row[0] for row in listed["epci"]] == sorted(groups)
    group_of = {m["code"]: g["code"] for g in package["epci"] for m in g["membres"]}
    for code, commune in communes.items():
        row = rows[code]
        assert row[1] == commune["nom"] and row[3] == commune["population"]
        assert (row[2] or code[:2]) == commune["departement"]
        assert listed["tailles"][row[4]][0] == size_band(commune["population"]).id
        postcodes = [p if len(p) == 5 else code[:2] + p for p in row[6].split()]
        assert postcodes == commune.get("codesPostaux", [])
        group = listed["epci"][row[5]][0] if row[5] != "" else None
        assert group == group_of.get(code)
    for row in listed["epci"]:
        group = groups[row[0]]
        assert row[1:4] == [group["nom"], group["type"], group["populationMunicipale"]]
        assert listed["tailles"][row[4]][0] == size_band(group["populationMunicipale"]).id
        assert (row[5] or row[0][2:4]) in {m["code"][:3] if m["code"].startswith("97")
                                           else m["code"][:2] for m in group["membres"]}
    assert [t[0] for t in listed["tailles"]] == [band.id for band in SIZE_BANDS]


def test_browser_list_stays_under_80_kb_compressed():
    assert len(gzip.compress(DEFAULT_LIST.read_bytes(), 9)) <= 80_000
