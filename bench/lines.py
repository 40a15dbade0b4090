"""Production line counts at git revisions: the Python engine (hooks/vmi without its test
support), the MkDocs hooks (hooks/*.py) and the scripts (overrides/assets/javascripts,
without the generated territory list and vendored libraries). A measurement, not a test.

Usage: ``python bench/lines.py [REV ...]`` (default: HEAD).
"""

from __future__ import annotations

import subprocess
import sys

PARTS = {
    "engine": lambda p: p.startswith("hooks/vmi/") and p.endswith(".py")
    and not p.startswith("hooks/vmi/testing/") and not p.endswith("/fuzzing.py"),
    "hooks": lambda p: p.startswith("hooks/") and p.count("/") == 1 and p.endswith(".py"),
    "scripts": lambda p: p.startswith("overrides/assets/javascripts/") and p.endswith(".js")
    and not p.endswith("territory-list.js") and "/vendor/" not in p,
}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def counts(rev: str) -> dict[str, int]:
    paths = git("ls-tree", "-r", "--name-only", rev, "hooks", "overrides").split("\n")
    totals = dict.fromkeys(PARTS, 0)
    for path in paths:
        for name, wanted in PARTS.items():
            if path and wanted(path):
                totals[name] += git("show", f"{rev}:{path}").count("\n")
    return totals


if __name__ == "__main__":
    for rev in sys.argv[1:] or ["HEAD"]:
        found = counts(rev)
        print(f"{rev}: " + ", ".join(f"{name} {n}" for name, n in found.items()))
