"""Shared fixtures: a built copy of the default site, a local server, a real browser.

Browser tests drive Debian's Chromium through Playwright (``playwright install`` cannot
download browsers here); override the path with ``CHROMIUM=/path/to/chromium``.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "hooks", "overrides", "editor")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def copy_project(target: Path) -> Path:
    """A throw-away copy of everything a build reads, to edit content freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def run_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``project`` into ``site``, as ``make build`` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                           str(project / "mkdocs.yml"), "-d", str(site), *extra],
                          capture_output=True, text=True, env=env, cwd=project)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "projet")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default content built once for the whole session."""
    base = tmp_path_factory.mktemp("defaut")
    project = copy_project(base / "projet")
    result = run_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    """Base URL (ending in ``/``) of the default site served on 127.0.0.1."""
    url, server = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium introuvable ({CHROMIUM}) : apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty localStorage) per test."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()
