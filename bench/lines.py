"""Production line counts at git revisions: the Python engine (hooks/vmi without its test
support), the MkDocs hooks (hooks/*.py) and the scripts (overrides/assets/javascripts,
without the generated territory list and vendored libraries). A measurement, not a test.

The scripts' statements are counted too (``bench/statements.js``, with eslint's parser, so
Node is needed): formatting rules (a line length, one declaration per line) change their
line count, not their statements.

``--by-commit A B`` prints what each commit from A to B added or removed in each part, so
that a redesign's own change can be told from the features that landed beside it.

Usage: ``python bench/lines.py [REV ...]`` (default: HEAD) or
``python bench/lines.py --by-commit A B``.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

PARTS = {
    "engine": lambda p: p.startswith("hooks/vmi/") and p.endswith(".py")
    and not p.startswith("hooks/vmi/testing/") and not p.endswith("/fuzzing.py"),
    "hooks": lambda p: p.startswith("hooks/") and p.count("/") == 1 and p.endswith(".py"),
    "scripts": lambda p: p.startswith("overrides/assets/javascripts/") and p.endswith(".js")
    and not p.endswith("territory-list.js") and "/vendor/" not in p,
}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


@functools.cache
def blob_lines(blob: str) -> int:
    return git("cat-file", "blob", blob).count("\n")


STATEMENTS: dict[str, int] = {}


def statements(blobs: list[str]) -> int:
    """Statements of these scripts, each blob parsed once (one Node run for the new ones)."""
    new = [blob for blob in dict.fromkeys(blobs) if blob not in STATEMENTS]
    if new:
        sources = "".join(git("cat-file", "blob", blob) + "\0" for blob in new)
        found = subprocess.run(["node", str(Path(__file__).with_name("statements.js"))],
                               input=sources, capture_output=True, text=True, check=True)
        STATEMENTS.update(zip(new, map(int, found.stdout.split())))
    return sum(STATEMENTS[blob] for blob in blobs)


def counts(rev: str) -> dict[str, int]:
    totals = dict.fromkeys(PARTS, 0)
    scripts = []
    for row in git("ls-tree", "-r", rev, "hooks", "overrides").splitlines():
        meta, path = row.split("\t", 1)
        blob = meta.split()[2]
        for name, wanted in PARTS.items():
            if wanted(path):
                totals[name] += blob_lines(blob)
                if name == "scripts":
                    scripts.append(blob)
    totals["script statements"] = statements(scripts)
    return totals


def by_commit(start: str, end: str) -> None:
    before = counts(start)
    for line in git("log", "--reverse", "--format=%h %s", f"{start}..{end}").splitlines():
        rev, subject = line.split(" ", 1)
        now = counts(rev)
        change = {name: now[name] - before[name] for name in now if now[name] != before[name]}
        if change:
            print(f"{rev} {', '.join(f'{n} {d:+d}' for n, d in change.items())}  {subject[:90]}")
        before = now


if __name__ == "__main__":
    if sys.argv[1:2] == ["--by-commit"]:
        by_commit(*sys.argv[2:4])
    else:
        for rev in sys.argv[1:] or ["HEAD"]:
            found = counts(rev)
            print(f"{rev}: " + ", ".join(f"{name} {n}" for name, n in found.items()))
