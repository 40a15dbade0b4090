"""The browser's list of collectivités for the « Votre collectivité » field of /diagnostic/.

Written by ``make territoires`` beside the extract, from the same package: every current
commune of at least ``MIN_POPULATION`` inhabitants and every intercommunality (EPCI à
fiscalité propre), with what the field shows once one is chosen. The size band of each
is worked out here by ``territories.size_band``, the one function that defines the bands
of /cas/: the browser reads it, it never computes one.

The file is a classic script (``territory-list.js``, loaded by ``VMI.load`` when the
field is first used, so it works over ``file://``); Node's ``require`` reads it too. To
stay under 80 KB once compressed, the two tables are text, one row a line, fields
separated by ``|``, sorted by code (codes and postcodes then compress well):

- ``communes``: ``code INSEE|nom|département|population|taille|EPCI|codes postaux``;
  the department is left empty when it is the code's first two characters; EPCI is the
  row number of the commune's EPCI in ``epci`` (empty when none); postcodes are
  separated by spaces, and those starting with the code's first two characters are
  written without them (« 88100 » for 88413 is « 100 »);
- ``epci``: ``SIREN|nom|type (CA, CC, CU, METRO…)|population|taille|département``, the
  department being the one where most of its inhabitants live, left empty when it is
  the SIREN's third and fourth characters (« 243600343 », Indre);
- ``taille``: the row number of its band in ``tailles`` (``[id, nom]``); ``types``: labels
  of EPCI types, ``departements``: ``{code: [nom, code région]}``, ``regions``: ``{code: nom}``,
  ``source``: the populations' source sentence, ``edition``: its year.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from vmi.territories.official import EPCI_TYPES, SIZE_BANDS, population_source, size_band

MIN_POPULATION = 3_500
# What would break a row or the template literal around the table.
_NOT_IN_FIELDS = ("|", "\n", "\r", "`", "\\", "${")
DEFAULT_LIST = (Path(__file__).parents[3] / "overrides" / "assets" / "javascripts"
                / "territory-list.js")


def _band(population: int) -> int:
    return SIZE_BANDS.index(size_band(population))


def _main_department(group: dict[str, Any], departments: dict[str, str]) -> str:
    """The department holding most of the group's inhabitants (first code on a tie)."""
    totals: dict[str, int] = {}
    for member in group["membres"]:
        code = departments.get(member["code"])
        if code:
            totals[code] = totals.get(code, 0) + (member.get("populationMunicipale") or 0)
    return min(totals, key=lambda code: (-totals[code], code)) if totals else ""


def browser_list(package: Path, extract: dict[str, Any]) -> dict[str, Any]:
    """The list as plain data, from the package folder and its extract (same edition)."""
    communes = json.loads((package / "data" / "communes.json").read_text("utf-8"))
    groups = sorted(json.loads((package / "data" / "epci.json").read_text("utf-8")),
                    key=lambda g: g["code"])
    current = [c for c in communes if c["type"] == "commune-actuelle"]
    department_of = {c["code"]: c["departement"] for c in current}
    row_of = {g["code"]: i for i, g in enumerate(groups)}

    def commune(c: dict[str, Any]) -> list[Any]:
        prefix, group = c["code"][:2], extract["communes"][c["code"]][3]
        postcodes = [p[2:] if p.startswith(prefix) else p for p in c.get("codesPostaux", [])]
        return [c["code"], c["nom"], "" if c["departement"] == prefix else c["departement"],
                c["population"], _band(c["population"]), row_of.get(group, ""),
                " ".join(postcodes)]

    def epci(g: dict[str, Any]) -> list[Any]:
        department = _main_department(g, department_of)
        return [g["code"], g["nom"], g["type"], g["populationMunicipale"],
                _band(g["populationMunicipale"]),
                "" if department == g["code"][2:4] else department]

    kept = sorted((c for c in current if (c.get("population") or 0) >= MIN_POPULATION),
                  key=lambda c: c["code"])
    return {
        "paquet": extract["paquet"], "version": extract["version"],
        "edition": extract["edition"], "source": population_source(extract["edition"]),
        "sources": extract["sources"],
        "tailles": [[band.id, band.nom] for band in SIZE_BANDS],
        "types": EPCI_TYPES, "regions": extract["regions"],
        "departements": extract["departements"],
        "communes": [commune(c) for c in kept],
        "epci": [epci(g) for g in groups],
    }


def script(data: dict[str, Any]) -> str:
    """The list as a classic script: ``VMI.territoryList`` in a page, the data in Node.
    The tables are template literals, one row a line (readable diffs)."""
    parts = []
    for key, value in data.items():
        if key in ("communes", "epci"):
            fields = [str(field) for row in value for field in row]
            if any(bad in field for field in fields for bad in _NOT_IN_FIELDS):
                raise ValueError(f"{key}: a field holds one of {_NOT_IN_FIELDS}")
            rows = "\n".join("|".join(map(str, row)) for row in value)
            parts.append(f'"{key}":`\n{rows}`')
        else:
            parts.append(f'"{key}":{json.dumps(value, ensure_ascii=False, separators=(",", ":"))}')
    return ("/* Generated by `make territoires` (hooks/vmi/territories/browser_list.py): do not edit. */\n"
            "(function (root) {\n  var data = {\n" + ",\n".join(parts) + "};\n"
            "  if (typeof module !== 'undefined' && module.exports) module.exports = data;\n"
            "  else root.VMI.territoryList = data;\n})(this);\n")


def write_list(data: dict[str, Any], path: Path) -> str:
    """Writes the script; returns the line ``make territoires`` prints."""
    text = script(data)
    path.write_text(text, encoding="utf-8")
    packed = len(gzip.compress(text.encode(), 9))
    return (f"{path} : {len(data['communes'])} communes d’au moins {MIN_POPULATION} habitants "
            f"et {len(data['epci'])} EPCI, {len(text.encode()) / 1e3:.0f} Ko, "
            f"{packed / 1e3:.1f} Ko compressé (gzip).")
