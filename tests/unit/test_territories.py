"""Resolution of official codes: figures from the extract, size bands, suggestions."""

from __future__ import annotations

import json

import pytest

from vmi.content.territory_checks import _suggestion
from vmi.model.models import Population
from vmi.territories.official import EXTRACT, SIZE_BANDS, OfficialData, Territory, official_data, size_band


@pytest.fixture(scope="module")
def data():
    return official_data()


@pytest.mark.parametrize(("inhabitants", "band"), [
    (9_999, "moins-de-10000"), (10_000, "10000-20000"), (19_999, "10000-20000"),
    (20_000, "20000-50000"), (50_000, "50000-100000"), (100_000, "50000-100000"),
    (100_001, "plus-de-100000")])
def test_size_bands_follow_the_official_population(inhabitants: int, band: str):
    assert size_band(inhabitants).id == band


def test_a_town_outside_the_medium_range_is_flagged():
    def town(inhabitants: int) -> Territory:
        return Territory("Exempleville", None, None, Population(
            habitants=inhabitants, annee=2024, source="INSEE"))
    assert town(9_999).medium_town is False and town(100_001).medium_town is False
    assert town(10_000).medium_town is True and town(100_000).medium_town is True
    assert [b.id for b in SIZE_BANDS] == ["moins-de-10000", "10000-20000", "20000-50000",
                                          "50000-100000", "plus-de-100000"]


def _row(code: str) -> list:
    """A commune's row as the extract's files hold it, read here with plain JSON."""
    return json.loads((EXTRACT / "communes" / f"{code[:2]}.json").read_text("utf-8"))[code]


def test_a_commune_gives_department_region_population_and_epci(data):
    head = json.loads((EXTRACT / "index.json").read_text("utf-8"))
    row = _row("46042")
    commune = data.commune("46042")
    assert commune.nom == row[0] == "Cahors"
    assert commune.departement == head["departements"][row[1]][0]
    assert data.region_of("46042") == head["regions"][head["departements"][row[1]][1]]
    assert data.population(commune).habitants == row[2]
    assert data.population(commune).annee == data.edition
    assert data.epci_of("46042").code == row[3]


def test_an_epci_lists_its_member_communes(data):
    members = {c.nom for c in data.members("200042174")}
    assert "Lorient" in members and "Cahors" not in members
    assert data.epci("200042174").type == "communauté d’agglomération"


def test_suggestion_names_the_code_and_the_department_when_names_are_shared(data):
    assert _suggestion("Cahors", data) == " ; code INSEE de la commune nommée ainsi : « Cahors : 46042 »"
    shared = _suggestion("Saint-Grégoire", data)
    codes = [c.code for c in data.named("Saint-Grégoire")]
    assert len(codes) == 2
    for code in codes:
        assert _row(code)[0] == "Saint-Grégoire"
        departement = data.commune(code).departement
        assert f"{code} ({departement})" in shared
    assert _suggestion("Exempleville", data) == ""
    assert _suggestion("Lorient", data, epci=True).endswith(
        "« Lorient : 200042174 (CA Lorient Agglomération) »")


def test_a_lookup_reads_only_the_file_of_its_department():
    """A build that needs Cahors reads the index and the Lot's file, not 35,000 communes."""
    fresh = OfficialData(EXTRACT)
    assert fresh.commune("46042").nom == "Cahors" and fresh.epci_of("46042") is not None
    assert set(fresh._tables) == {"46"}
    for missing in ("46", "01", "4604", "460420", "2a004", "", "../index", "200042174"):
        assert fresh.commune(missing) is None and fresh.epci_of(missing) is None
    assert fresh.members("46042") == [] and fresh.members("") == []
    assert not (set(fresh._tables) - {"46", "01", "2a", "", "..", "20"})
