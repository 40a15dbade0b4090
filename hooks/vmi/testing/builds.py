"""Strict builds for the tests, each in a process of its own, as ``make build`` runs them,
but forked from a process that has already imported MkDocs, the theme and the engine: a
third of a small build was Python starting and importing them, paid again by each of the
suite's forty-odd builds.

The process forked from stays as it was after its imports: nothing a build changes (the
engine's state, loaded hooks, the environment) reaches the next build.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import runpy
import subprocess
import sys
import tempfile
from multiprocessing.context import ForkServerContext
from pathlib import Path

# What every build imports (mkdocs.yml names the theme, pymdown-extensions and our hooks,
# which import the engine); a name missing here is imported by each build instead.
PRELOAD = ["click", "mkdocs.commands.build", "material.plugins.search.plugin",
           "pymdownx.superfences", "vmi.site.pages"]


@functools.cache
def _forkserver() -> ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def build_in_child(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """``command`` (``python -m mkdocs …``) run in a forked child: its exit status and
    what it printed, as ``subprocess.run(..., capture_output=True, text=True)`` gives."""
    with tempfile.TemporaryDirectory(prefix="vmi-build-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        child = _forkserver().Process(target=_mkdocs, args=(command[3:], str(cwd), env, str(out), str(err)))
        child.start()
        child.join()
        return subprocess.CompletedProcess(command, child.exitcode or 0, _read(out), _read(err))


def _read(path: Path) -> str:
    return path.read_text("utf-8", "replace") if path.exists() else ""


def _mkdocs(args: list[str], cwd: str, env: dict[str, str], out: str, err: str) -> None:
    """In the child: ``python -m mkdocs`` with ``args``, printing to ``out`` and ``err``."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    for fd, path in ((1, out), (2, err)):
        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 (the child's own)
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.argv = ["mkdocs", *args]
    try:
        runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
        status = 0
    except SystemExit as end:
        status = end.code if isinstance(end.code, int) else 0 if end.code is None else 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
