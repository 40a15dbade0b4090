"""Write the shipped extract of official territorial data from Etalab's npm package.

``make territoires`` runs this after ``npm ci``; ``make serve`` and ``make build`` only
read what it writes, so they need no Node:

- the extract (``hooks/vmi/data/territoires/``, read by ``vmi.territories``): every
  current commune (name, department, municipal population, intercommunality), every
  intercommunality (name, type, municipal population, the tables of its members),
  departments and regions, with the package's version, edition, licence and sources.
  An index plus one communes file per department key (``territories.table_of``): plain
  JSON that a build reads with ``json.loads``, only for the departments it needs;
- the browser's list of collectivités (``vmi.territories.browser_list``).

One entry per line keeps updates readable in a diff.

Usage: ``python -m vmi.territories.extract [PACKAGE_DIR] [OUTPUT_DIR] [LIST_FILE]``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from vmi.territories.browser_list import DEFAULT_LIST, browser_list, write_list
from vmi.territories.official import EXTRACT, table_of

PACKAGE = "@etalab/decoupage-administratif"
DEFAULT_PACKAGE_DIR = Path("node_modules") / PACKAGE
DEFAULT_OUTPUT = EXTRACT
# The README's sources section names more files (postcodes, EPT) than the site uses.
_SOURCES_USED = ("Code Officiel Géographique", "EPCI à fiscalité propre", "Population légale")


def read(package: Path, name: str) -> Any:
    return json.loads((package / "data" / name).read_text(encoding="utf-8"))


def edition(readme: str, version: str) -> int:
    """The edition year the README's table gives for ``version`` (« | 2026 | 6.0.0 | »)."""
    match = re.search(rf"^\|\s*(\d{{4}})\s*\|\s*{re.escape(version)}\s*\|", readme, re.M)
    if not match:
        raise SystemExit(f"{PACKAGE} {version} : millésime introuvable dans le README.")
    return int(match[1])


def sources(readme: str) -> list[dict[str, str]]:
    """The README's sources the site relies on, as ``{titre, url}`` (first link of each)."""
    section = readme.split("## Sources", 1)[1].split("\n## ", 1)[0]
    found = []
    for line in section.splitlines():
        link = re.search(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", line)
        if link and any(word in line for word in _SOURCES_USED):
            found.append({"titre": link[1], "url": link[2]})
    return found


def licence(readme: str) -> str:
    section = readme.split("## Licence", 1)[1]
    data = re.search(r"Données\s*:\s*\[([^\]]+)\]\((https?://[^)\s]+)\)", section)
    code = re.search(r"Code\s*:\s*(\S+)", section)
    return f"données : {data[1]} ({data[2]}) ; code : {code[1]}" if data and code else ""


def extract(package: Path) -> dict[str, Any]:
    """The extract as plain data, from the package folder (``node_modules/...``)."""
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    readme = (package / "README.md").read_text(encoding="utf-8")
    epci = read(package, "epci.json")
    member_of = {member["code"]: group["code"] for group in epci for member in group["membres"]}
    communes = {c["code"]: [c["nom"], c["departement"], c.get("population"),
                            member_of.get(c["code"])]
                for c in read(package, "communes.json") if c["type"] == "commune-actuelle"}
    return {
        "paquet": PACKAGE,
        "version": meta["version"],
        "edition": edition(readme, meta["version"]),
        "licence": licence(readme),
        "sources": sources(readme),
        "regions": {r["code"]: r["nom"] for r in read(package, "regions.json")},
        "departements": {d["code"]: [d["nom"], d["region"]]
                         for d in read(package, "departements.json")},
        "epci": {g["code"]: [g["nom"], g["type"], g["populationMunicipale"],
                             sorted({table_of(m["code"]) for m in g["membres"]})] for g in epci},
        "communes": dict(sorted(communes.items())),
    }


def files(data: dict[str, Any]) -> dict[str, str]:
    """The extract's files (path in the folder → text): the index, whose ``tables``
    lists the communes files, and those files."""
    tables: dict[str, dict[str, Any]] = {}
    for code, row in data["communes"].items():
        tables.setdefault(table_of(code), {})[code] = row
    head = {k: v for k, v in data.items() if k != "communes"} | {"tables": sorted(tables)}
    return {"index.json": dumps(head)} | {f"communes/{key}.json": dumps(rows)
                                          for key, rows in sorted(tables.items())}


def dumps(data: dict[str, Any]) -> str:
    """JSON with one entry per line for the big tables, compact inside each entry."""
    def table(values: dict[str, Any]) -> str:
        rows = (f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}"
                for k, v in values.items())
        return "{\n" + ",\n".join(rows) + "\n}"

    def value(v: Any) -> str:
        if isinstance(v, dict) and v and all(isinstance(x, list | str) for x in v.values()):
            return table(v)
        return json.dumps(v, ensure_ascii=False)

    if all(isinstance(v, list) for v in data.values()):  # a communes file
        return table(data) + "\n"
    parts = [f"{json.dumps(k)}: {value(v)}" for k, v in data.items()]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str]) -> int:
    package = Path(argv[0]) if argv else DEFAULT_PACKAGE_DIR
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    list_file = Path(argv[2]) if len(argv) > 2 else DEFAULT_LIST
    if not (package / "data" / "communes.json").is_file():
        print(f"{package} introuvable : lancez d’abord « npm ci ».", file=sys.stderr)
        return 1
    data = extract(package)
    written = files(data)
    for old in output.glob("communes/*.json"):
        if f"communes/{old.name}" not in written:
            old.unlink()
    size = 0
    for name, text in written.items():
        path = output / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        size += path.stat().st_size
    print(f"{output} : {len(data['communes'])} communes, {len(data['epci'])} EPCI, "
          f"{size / 1e6:.2f} Mo en {len(written)} fichiers "
          f"({PACKAGE} {data['version']}, édition {data['edition']}).")
    print(write_list(browser_list(package, data), list_file))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
