"""Shared fixtures: a built copy of the default site, a local server, a real browser.

The helpers behind them (copies of the project, builds, the server) are in
``vmi.testing``, shared with the benchmarks: test modules import them from there.

Browser tests drive Debian's Chromium headless shell through Playwright (``playwright
install`` cannot download browsers here): the same Blink as ``chromium``, without the
desktop browser around it, which takes a third less processor time on this suite
(``make test`` spends most of its time in the browser). Override the path with
``CHROMIUM=/path/to/chromium``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vmi.testing import build_env, copy_project, free_port, get_page, run_build, serve, stop, wait_for

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
BROWSER_FIXTURES = {"browser", "context", "page"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update", action="store_true",
                     help="rewrite the expected messages of tests/corpus/ from what the "
                     "checker prints now (review the diff before committing)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that drive Chromium are marked ``browser``: ``make test-fast`` skips them.
    Files marked ``slow(seconds)`` come first, the longest first: the processes of
    ``make test`` (one file at a time each, in this order) then end at about the same time."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        parameters = set(callspec.params) if callspec else set()  # a parameter named `page`
        if BROWSER_FIXTURES & (set(getattr(item, "fixturenames", ())) - parameters):
            item.add_marker(pytest.mark.browser)
    items.sort(key=_expected_seconds, reverse=True)  # stable: each file keeps its order


def _expected_seconds(item: pytest.Item) -> float:
    marker = item.get_closest_marker("slow")
    return marker.args[0] if marker else 0


@pytest.fixture
def server(tmp_path: Path):
    """`mkdocs serve` of a copy of the project: (project, URL of a page, log, process)."""
    project = copy_project(tmp_path / "projet")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}",
             "-f", str(project / "mkdocs.yml")], cwd=project, stdout=out,
            stderr=subprocess.STDOUT, env=build_env())
    url = f"http://127.0.0.1:{port}/cas/bethune/"
    try:
        wait_for(lambda: get_page(url) is not None, 60, "le serveur ne répond pas", log)
        yield project, url, log, process
    finally:
        stop(process)


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


@pytest.fixture(scope="session")
def offline_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default content built once as the offline copy (VMI_HORS_LIGNE=true, what
    `make offline` zips), for tests that only read it."""
    base = tmp_path_factory.mktemp("hors-ligne")
    project = copy_project(base / "projet")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VMI_HORS_LIGNE", "true")
        result = run_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    """Base URL (ending in ``/``) of the default site served on 127.0.0.1."""
    url, server = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium introuvable ({CHROMIUM}) : apt-get install -y chromium-headless-shell")
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
