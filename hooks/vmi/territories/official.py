"""Official territorial data: a case's code → its department, region, population, EPCI.

The figures come from the shipped extract of Etalab's ``@etalab/decoupage-administratif``
(``data/territoires/``, written by ``vmi.territories.extract``), never from hand-typed
fields, so a case page cannot drift from INSEE's legal populations. Cases without a
code (a fictional town, a territory outside the data) keep their hand-written fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from vmi.core.slugs import slugify
from vmi.model.models import Cas, Population

EXTRACT = Path(__file__).parents[1] / "data" / "territoires"

EPCI_TYPES = {"CA": "communauté d’agglomération", "CC": "communauté de communes",
              "CU": "communauté urbaine", "METRO": "métropole",
              "MET69": "métropole"}  # the Métropole de Lyon's own type in the DGCL list


@dataclass(frozen=True)
class SizeBand:
    """A population band of the case index (``data-taille``) and of case pages."""

    id: str
    nom: str
    up_to: float  # inclusive upper bound


SIZE_BANDS = (SizeBand("moins-de-10000", "moins de 10\u202f000\u00a0habitants", 9_999),
              SizeBand("10000-20000", "10\u202f000 à 20\u202f000\u00a0habitants", 19_999),
              SizeBand("20000-50000", "20\u202f000 à 50\u202f000\u00a0habitants", 49_999),
              SizeBand("50000-100000", "50\u202f000 à 100\u202f000\u00a0habitants", 100_000),
              SizeBand("plus-de-100000", "plus de 100\u202f000\u00a0habitants", float("inf")))
MEDIUM_TOWN = (10_000, 100_000)


def size_band(inhabitants: int) -> SizeBand:
    return next(band for band in SIZE_BANDS if inhabitants <= band.up_to)


@dataclass(frozen=True)
class Intercommunality:
    code: str
    nom: str
    type: str  # « communauté d’agglomération »…
    population: int


@dataclass(frozen=True)
class Territory:
    """Where a case happens, as its page and the index show it."""

    ville: str
    departement: str | None
    region: str | None
    population: Population | None
    code_insee: str | None = None
    epci: Intercommunality | None = None
    carried_by_epci: bool = False  # the approach is the intercommunality's (code_epci)
    official: bool = False  # figures from the extract, whose source the page names

    @property
    def carrier_code(self) -> str | None:
        """The code of the collectivité that carries the approach: its intercommunality's
        SIREN, or the town's INSEE code (/cas/ and the priorities tell a town its own case)."""
        return self.epci.code if self.carried_by_epci and self.epci else self.code_insee

    @property
    def taille(self) -> SizeBand | None:
        return size_band(self.population.habitants) if self.population else None

    @property
    def medium_town(self) -> bool | None:
        """Within 10,000–100,000 inhabitants (``None`` without a population)."""
        if self.population is None:
            return None
        low, high = MEDIUM_TOWN
        return low <= self.population.habitants <= high


@dataclass(frozen=True)
class Commune:
    code: str
    nom: str
    departement: str  # its name
    population: int | None


def _apostrophes(name: str) -> str:
    return name.replace("’", "'").strip()


def table_of(code: str) -> str:
    """The communes file a code is in: its first two characters (a department, « 2A »,
    or « 97 » for the overseas ones). ``vmi.territories.extract`` writes one file per key."""
    return code[:2]


class OfficialData:
    """The extract, with lookups by code and, for suggestions, by name.

    The extract is a folder: ``index.json`` (version, sources, regions, departments,
    intercommunalities) and one ``communes/<key>.json`` per key of ``table_of``. A build
    looks up a few codes among 35,000 communes and reads only the files of their
    departments; a lookup by name (an error's suggestion, ``make nouveau-cas``) reads
    them all.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._head: dict[str, Any] = json.loads((folder / "index.json").read_bytes())
        self._tables: dict[str, dict[str, list]] = {}
        self.version: str = self._head["version"]
        self.edition: int = self._head["edition"]
        self.sources: list[dict[str, str]] = self._head["sources"]
        self.paquet: str = self._head["paquet"]

    def _table(self, key: str) -> dict[str, list]:
        if key not in self._tables:
            path = self.folder / "communes" / f"{key}.json"
            known = key in self._head["tables"]
            self._tables[key] = json.loads(path.read_bytes()) if known else {}
        return self._tables[key]

    def _row(self, code: str) -> list | None:
        return self._table(table_of(code)).get(code)

    def _all(self) -> dict[str, list]:
        """Every commune (each file read once)."""
        rows: dict[str, list] = {}
        for key in self._head["tables"]:
            rows.update(self._table(key))
        return rows

    def commune(self, code: str) -> Commune | None:
        row = self._row(code)
        if row is None:
            return None
        return Commune(code, row[0], self._head["departements"][row[1]][0], row[2])

    def epci_of(self, code_insee: str) -> Intercommunality | None:
        row = self._row(code_insee)
        return self.epci(row[3]) if row and row[3] else None

    def epci(self, siren: str) -> Intercommunality | None:
        row = self._head["epci"].get(siren)
        if row is None:
            return None
        return Intercommunality(siren, row[0], EPCI_TYPES.get(row[1], row[1]), row[2])

    def members(self, siren: str) -> list[Commune]:
        """Member communes of EPCI ``siren``, from the files of the departments it spans."""
        row = self._head["epci"].get(siren)
        keys = row[3] if row else []
        codes = [code for key in keys for code, commune in self._table(key).items()
                 if commune[3] == siren]
        return [c for c in map(self.commune, codes) if c]

    def named(self, name: str) -> list[Commune]:
        """Current communes of that official name; failing that, of that name once
        accents, case and punctuation are set aside (« Bethune » → Béthune)."""
        exact, folded = self._names()
        codes = exact.get(_apostrophes(name)) or folded.get(slugify(name), [])
        return [c for c in map(self.commune, codes) if c]

    def region_of(self, code_insee: str) -> str:
        row = self._row(code_insee)
        if row is None:
            raise KeyError(code_insee)
        return self._head["regions"][self._head["departements"][row[1]][1]]

    @lru_cache(maxsize=1)
    def _names(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        exact: dict[str, list[str]] = {}
        folded: dict[str, list[str]] = {}
        for code, row in self._all().items():
            exact.setdefault(row[0], []).append(code)
            folded.setdefault(slugify(row[0]), []).append(code)
        return exact, folded

    def population_source(self) -> str:
        return population_source(self.edition)

    def population(self, commune: Commune) -> Population | None:
        if commune.population is None:
            return None
        return Population(habitants=commune.population, annee=self.edition,
                          source=self.population_source())

    def territory(self, case: Cas, commune: Commune) -> Territory:
        """A case's territory from its commune (and, with ``code_epci``, that EPCI)."""
        epci = self.epci(case.code_epci) if case.code_epci else self.epci_of(commune.code)
        return Territory(case.ville, commune.departement, self.region_of(commune.code),
                         self.population(commune), commune.code, epci,
                         carried_by_epci=case.code_epci is not None, official=True)


def population_source(edition: int) -> str:
    """Where every official population the site shows comes from (pages and the
    browser's list of collectivités)."""
    return (f"INSEE, population municipale (populations légales), édition {edition} "
            f"des données « découpage administratif » d’Etalab")


@lru_cache(maxsize=2)
def _load(path: Path, mtime: float) -> OfficialData:
    return OfficialData(path)


def official_data(path: Path = EXTRACT) -> OfficialData:
    """The extract, read once per version of its index (``mkdocs serve`` rebuilds;
    ``make territoires`` rewrites the index with the tables)."""
    return _load(path, (path / "index.json").stat().st_mtime)


def hand_written(case: Cas) -> Territory:
    """A case without a code: its fields as the editor typed them."""
    return Territory(case.ville, case.departement, case.region, case.population)
