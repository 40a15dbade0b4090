"""``make fuzz``: the long run of the content property (see ``fuzzing.py``).

Runs ``VMI_FUZZ_CASES`` generated cases (10 000 by default) in ``VMI_FUZZ_JOBS``
processes, each with its own seed derived from ``VMI_FUZZ_SEED``, under a memory
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
sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent / "hooks")]

from hypothesis import given, seed, settings  # noqa: E402

import fuzzing  # noqa: E402

MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space per process
KEPT = fuzzing.ROOT / ".fuzz"


def _worker(job: int, count: int) -> tuple[int, int, int]:
    """Run ``count`` cases; (cases run, failures, peak memory in MiB)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    ran = failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        project = fuzzing.Project(Path(scratch) / "projet")

        @seed(fuzzing.SEED + job)
        @settings(max_examples=count)
        @given(case=fuzzing.cases())
        def one(case: fuzzing.Case) -> None:
            nonlocal ran, failed
            ran += 1
            try:
                found = project.run(case)
            except MemoryError:
                found = [f"mémoire : plus de {MEMORY_LIMIT // 1024 ** 2} Mo"]
            if found:
                failed += 1
                folder = project.keep(case, KEPT / f"job{job}-{failed}", found)
                print(f"échec : {folder}", *found, sep="\n  ", file=sys.stderr)

        one()
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
    print(f"Contenu : {ran} cas générés, {failed} en échec, en {time.perf_counter() - started:.0f} s "
          f"({jobs} processus, graine {fuzzing.SEED}, mémoire maximale {peak} Mo par processus).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
