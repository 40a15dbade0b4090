"""Helpers shared by the test suite and the benchmarks: a throw-away copy of the
project, a strict build of it, a quiet local server.

They drive MkDocs in a child process, as ``make build`` does, so importing this module
imports no MkDocs. ``ROOT`` is the source checkout (the package is installed editable).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vmi.content.entries import Content
from vmi.content.loader import load_content
from vmi.core.settings import read_settings
from vmi.testing.builds import build_in_child

ROOT = Path(__file__).resolve().parents[3]
# Everything a build reads, but the content folder, which extra.vmi names.
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "editor")


def project_content() -> Content:
    """The project's own content, read as ``make check`` reads it (with the pages of
    ``docs/`` that links may target): tests derive what pages should show from it."""
    docs = ROOT / "docs"
    return load_content(ROOT / "content", {p.relative_to(docs).as_posix()
                                           for p in docs.rglob("*.md")})


def build_env() -> dict[str, str]:
    """The environment of a build: this one (read now: a test may set VMI_HORS_LIGNE),
    without the end-of-life banner Material 9.7+ prints on every build otherwise."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(target: Path, source: Path = ROOT) -> Path:
    """A copy of everything a build of ``source`` reads, to edit content freely."""
    target.mkdir(parents=True, exist_ok=True)
    parts = (*PROJECT_PARTS, read_settings(source).contenu)
    for part in parts:
        path = source / part
        if not path.exists():
            continue
        if path.is_dir():
            shutil.copytree(path, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, target / part)
    return target


def mkdocs_command(project: Path, site: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
            "-d", str(site), *extra]


def run_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``project`` into ``site``, as ``make build`` runs it, in
    a child process (forked from one that has imported MkDocs once: ``builds``)."""
    return build_in_child(mkdocs_command(project, site, "--strict", *extra), project, build_env())


def vmi_command() -> str:
    """The ``vmi`` console script of this environment (what the Makefile runs)."""
    return str(Path(sys.executable).with_name("vmi"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    headers_sent: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.headers_sent.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path, headers: dict[str, str] | None = None
          ) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve ``directory`` on 127.0.0.1 (a free port), adding ``headers`` to every
    response (as a host configured for the site would): its base URL, ending in ``/``."""
    quiet = type("Handler", (_QuietHandler,), {"headers_sent": dict(headers or {})})
    handler = functools.partial(quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def stop(process: subprocess.Popen) -> None:
    """End a server started by a test: politely, then for good."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_page(url: str) -> str | None:
    """The text at ``url``, or ``None`` if nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # a rebuild may be under way
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition: Callable[[], bool], seconds: float, what: str, log: Path) -> None:
    """Wait until ``condition()``; else fail with ``what`` and the server's log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} : rien après {seconds} s\n{log.read_text('utf-8', 'replace')}")


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations on the current (Playwright) page, one readable line per element."""
    # Evaluated by the test driver: a <script> tag would be refused by the page's policy.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary)}));
    }""")
    return [f"{v['impact']} {v['id']} ({v['help']}): {node}"
            for v in violations for node in v["nodes"]]
