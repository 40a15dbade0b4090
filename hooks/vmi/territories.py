"""Official territorial data: a case's code → its department, region, population, EPCI.

The figures come from the shipped extract of Etalab's ``@etalab/decoupage-administratif``
(``data/territoires.json``, written by ``territory_extract``), never from hand-typed
fields, so a case page cannot drift from INSEE's legal populations. Cases without a
code (a fictional town, a territory outside the data) keep their hand-written fields.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .models import Cas, Population
from .slugs import slugify

EXTRACT = Path(__file__).parent / "data" / "territoires.json"

EPCI_TYPES = {"CA": "communauté d’agglomération", "CC": "communauté de communes",
              "CU": "communauté urbaine", "METRO": "métropole"}


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


# The extract as ``territory_extract.dumps`` writes it: the communes table comes last,
# one commune a line (``  "46042": ["Cahors","46",19405,"200023737"],``).
_COMMUNES = b',\n"communes": {\n'
_CODE = re.compile(r"[0-9A-Za-z]+")


class OfficialData:
    """The extract, with lookups by code and, for suggestions, by name.

    A build looks up a few codes among 35,000 communes: the small tables are parsed,
    the communes table is searched in the file's bytes and only the lines found are
    parsed. Parsing it all (``data``, for suggestions by name) would cost each build
    a tenth of a second and 15 MB kept to its end.
    """

    def __init__(self, raw: bytes):
        self.raw = raw
        self._communes_at = raw.find(_COMMUNES)
        if self._communes_at < 0:  # not the layout of ``dumps``: parse it all
            self._head = self.data
        else:
            self._head = json.loads(raw[:self._communes_at] + b"\n}")
            first = self._communes_at + len(_COMMUNES)
            self._table = (first, raw.find(b"\n}", first) + 1)
        self.version: str = self._head["version"]
        self.edition: int = self._head["edition"]
        self.sources: list[dict[str, str]] = self._head["sources"]
        self.paquet: str = self._head["paquet"]

    @cached_property
    def data(self) -> dict[str, Any]:
        """The whole extract, parsed."""
        return json.loads(self.raw)

    def _row(self, code: str) -> list | None:
        """The communes table's row of ``code``, found without parsing the table."""
        if (parsed := self.__dict__.get("data")) is not None:  # already parsed (or not ours)
            return parsed["communes"].get(code)
        if not _CODE.fullmatch(code):
            return None  # every code of the table is letters and digits
        start = self._line_of(code.encode())
        if start is None:
            return None
        end = self.raw.index(b"\n", start)
        _, value = self.raw[start:end].decode("utf-8").split(": ", 1)
        return json.loads(value.removesuffix(","))

    def _line_of(self, key: bytes) -> int | None:
        """Start of the line of ``key``: a binary search, the table being sorted by code,
        confirmed by a plain search when it finds nothing."""
        raw, (lo, hi) = self.raw, self._table  # line starts in [lo, hi)
        while lo < hi:
            newline = raw.rfind(b"\n", lo, (lo + hi) // 2)
            start = lo if newline < 0 else newline + 1
            found = raw[start + 3:raw.index(b'"', start + 3)]
            if found == key:
                return start
            if found < key:
                lo = raw.index(b"\n", start) + 1
            else:
                hi = start
        start = raw.find(b'\n  "' + key + b'": ', self._communes_at)
        return None if start < 0 else start + 1

    def _member_codes(self, siren: str) -> list[str]:
        """Codes of the communes of EPCI ``siren``, in the table's order."""
        if "data" in self.__dict__:
            return self._members().get(siren, [])
        if not _CODE.fullmatch(siren):
            return []
        codes, marker, at = [], b',"' + siren.encode() + b'"]', self._communes_at
        while (at := self.raw.find(marker, at + 1)) >= 0:  # the row's last element
            line = self.raw.rfind(b"\n", 0, at) + 1
            codes.append(self.raw[line:self.raw.find(b'"', line + 3)].decode().strip(' "'))
        return codes

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
        return [c for c in map(self.commune, self._member_codes(siren)) if c]

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
        for code, row in self.data["communes"].items():
            exact.setdefault(row[0], []).append(code)
            folded.setdefault(slugify(row[0]), []).append(code)
        return exact, folded

    @lru_cache(maxsize=1)
    def _members(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for code, row in self.data["communes"].items():
            if row[3]:
                groups.setdefault(row[3], []).append(code)
        return groups

    def population_source(self) -> str:
        return (f"INSEE, population municipale (populations légales), édition {self.edition} "
                f"des données « découpage administratif » d’Etalab")

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


@lru_cache(maxsize=2)
def _load(path: Path, mtime: float) -> OfficialData:
    return OfficialData(path.read_bytes())


def official_data(path: Path = EXTRACT) -> OfficialData:
    """The extract, parsed once per version of the file (``mkdocs serve`` rebuilds)."""
    return _load(path, path.stat().st_mtime)


def hand_written(case: Cas) -> Territory:
    """A case without a code: its fields as the editor typed them."""
    return Territory(case.ville, case.departement, case.region, case.population)
