"""``make fuzz``: the long run of the content property (see ``vmi.testing.fuzzing``).

Runs ``VMI_FUZZ_CASES`` generated cases (10 000 by default) in ``VMI_FUZZ_JOBS``
processes, each with its own seed derived from ``VMI_FUZZ_SEED`` (``VMI_FUZZ_SECONDS``
stops earlier on a time budget, and says so), under a memory
limit of ``MEMORY_LIMIT`` per process (a runaway allocation fails the case instead of
the machine). Prints how many cases ran and how many failed; each failing case is kept
under ``.fuzz/`` in the layout of ``tests/corpus/``, ready to become a regression case.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("VMI_FUZZ_PROFILE", "fuzz")

from hypothesis import Phase, given, seed, settings  # noqa: E402

from vmi.testing import fuzzing  # noqa: E402

MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space per process
KEPT = fuzzing.ROOT / ".fuzz"
BUDGET = float(os.environ.get("VMI_FUZZ_SECONDS", "inf"))


class _TimeUp(Exception):
    """The time budget is spent: stop generating."""


def _worker(job: int, count: int) -> tuple[int, int, int]:
    """Run ``count`` cases; (cases run, failures, peak memory in MiB)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    ran = failed = 0
    stop = time.perf_counter() + BUDGET
    with tempfile.TemporaryDirectory() as scratch:
        project = fuzzing.Project(Path(scratch) / "projet")

        @seed(fuzzing.SEED + job)
        @settings(max_examples=count, phases=[Phase.generate])
        @given(case=fuzzing.cases())
        def one(case: fuzzing.Case) -> None:
            nonlocal ran, failed
            if time.perf_counter() > stop:
                raise _TimeUp
            ran += 1
            try:
                found = project.run(case)
            except MemoryError:
                found = [f"mémoire : plus de {MEMORY_LIMIT // 1024 ** 2} Mo"]
            if found:
                failed += 1
                folder = project.keep(case, KEPT / f"job{job}-{failed}", found)
                print(f"échec : {folder}", *found, sep="\n  ", file=sys.stderr)

        try:
            one()
        except _TimeUp:
            pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return ran, failed, peak


def main() -> int:
    total = fuzzing.FUZZ_CASES
    jobs = max(1, int(os.environ.get("VMI_FUZZ_JOBS", "2")))
    shares = [total // jobs + (1 if job < total % jobs else 0) for job in range(jobs)]
    started = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        results = list(pool.map(_worker, range(jobs), shares))
    ran = sum(r[0] for r in results)
    failed = sum(r[1] for r in results)
    peak = max(r[2] for r in results)
    short = f" sur {total} demandés (temps imparti de {BUDGET:.0f} s atteint)" if ran < total else ""
    print(f"Contenu : {ran} cas générés{short}, {failed} en échec, en "
          f"{time.perf_counter() - started:.0f} s ({jobs} processus, graine {fuzzing.SEED}, "
          f"mémoire maximale {peak} Mo par processus).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
