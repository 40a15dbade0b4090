"""The build benchmark still runs (tiny version): it builds both twins and compares them.

Timings are not asserted (they depend on the machine); `make bench` gives the figures.
"""

from __future__ import annotations

import re
import subprocess
import sys

from vmi.testing import ROOT


def test_build_benchmark_smoke_prints_ratio():
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "build.py"), "--smoke"],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert re.fullmatch(r"hooks/plain ratio at 3 cases: \d+\.\d\d", lines[-1]), lines[-1]
    rows = [line for line in lines if line.startswith("| ") and "Démarches" not in line]
    assert len(rows) == 2  # default content, then +3 generated case studies
    cases = [int(row.split("|")[2]) for row in rows]
    pages = [int(row.split("|")[3]) for row in rows]
    assert cases[1] == cases[0] + 3 and pages[1] == pages[0] + 3
