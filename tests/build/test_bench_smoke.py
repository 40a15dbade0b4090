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


def bench_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_build", ROOT / "bench" / "build.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    return bench


def test_new_measures_keep_the_dated_notes_of_the_results_file(tmp_path):
    path = tmp_path / "resultats-build.md"
    path.write_text("# Mesures\n\n| ancien tableau |\n\n## Le 2026-12-07 : pourquoi\n\nNote.\n",
                    encoding="utf-8")
    bench_module().write_report(path, "# Mesures\n\n| nouveau tableau |\n")
    assert path.read_text(encoding="utf-8") == (
        "# Mesures\n\n| nouveau tableau |\n\n## Le 2026-12-07 : pourquoi\n\nNote.\n")


def test_generated_cases_are_fictional_towns(tmp_path):
    """1,000 generated towns, none named like a real commune, linking only to
    example.org: the bench invents nothing about a real town."""
    import shutil

    from vmi.territories.official import official_data

    bench = bench_module()
    names = bench.town_names(1000)
    assert len(set(names)) == 1000
    official = official_data()
    assert [name for name in names if official.named(name)] == []
    content = tmp_path / "content"
    (content / "cas").mkdir(parents=True)
    shutil.copy2(ROOT / "content" / "piliers.yml", content / "piliers.yml")
    bench.generate_cases(content, 20)
    texts = [path.read_text("utf-8") for path in (content / "cas").glob("*.md")]
    assert len(texts) == 20
    for text in texts:
        town = re.search(r'^ville: "(.+)"$', text, re.M).group(1)
        assert set(re.findall(r"https?://([^/\s]+)", text)) == {f"{bench.slug(town)}.example.org"}
