"""``make serve`` for editors: a saved file reloads the page; a broken one is reported
with its ``path:line`` while the last good site stays served, until it is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from vmi.error_overlay import with_report
from vmi.testing import copy_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # a rebuild may be under way
            return response.read().decode("utf-8")
    except OSError:
        return None


def _without_reload(html: str | None) -> str:
    """The page without the live-reload script the server appends (it holds a counter)
    nor the content errors written into it (test_serve_errors.py)."""
    assert html is not None
    return with_report(html.rsplit("<script>", 1)[0], None)


def _wait(condition: Callable[[], bool], seconds: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"{what} : rien après {seconds} s\n{log.read_text('utf-8', 'replace')}")


@pytest.fixture
def server(tmp_path: Path):
    project = copy_project(tmp_path / "projet")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}",
             "-f", str(project / "mkdocs.yml")], cwd=project, stdout=out,
            stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/cas/bethune/"
    try:
        _wait(lambda: _get(url) is not None, 60, "le serveur ne répond pas", log)
        yield project, url, log, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_broken_file_is_reported_and_last_good_page_stays(server):
    project, url, log, process = server
    cas = project / "content" / "cas" / "bethune.md"
    good = cas.read_text("utf-8")
    assert "  - habitat" in good
    line = good.split("\n").index("  - habitat") + 1
    first_page = _get(url)
    assert first_page and "Béthune" in first_page

    cas.write_text(good.replace("  - habitat", "\t- habitat"), "utf-8")
    message = f"content/cas/bethune.md:{line}: tabulation interdite : indentez avec des espaces"
    _wait(lambda: message in log.read_text("utf-8", "replace"), 30, "erreur non affichée", log)
    time.sleep(1)  # let a (wrong) rebuild finish, if one were to happen
    assert process.poll() is None, "le serveur s’est arrêté"
    assert _without_reload(_get(url)) == _without_reload(first_page)  # last good site
    assert "reste la dernière version correcte" in log.read_text("utf-8", "replace")

    fixed = good.replace("  - habitat", "  - habitat").replace(
        "## Le contexte", "## Le contexte corrigé", 1)
    cas.write_text(fixed, "utf-8")
    _wait(lambda: "Le contexte corrigé" in (_get(url) or ""), 30, "page non reconstruite", log)
    assert process.poll() is None
