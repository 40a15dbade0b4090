"""The form editor switched on for a published site (``extra.vmi.editeur``): ``/admin/``
in ``make build`` with the forge as backend, its own policy, never in the offline copy
nor in the search; a bad setting fails the build in French and keeps the previous site."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from vmi.testing import copy_project, run_build, serve

GITLAB = """\
    editeur:
      forge: gitlab
      depot: exempleville/site
      application: "0123abcd"
"""


def _switch_on(project: Path, setting: str = GITLAB) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    if "\n  vmi:\n" in text:
        text = text.replace("\n  vmi:\n", "\n  vmi:\n" + setting, 1)
    else:
        text = text.replace("\nextra:\n", "\nextra:\n  vmi:\n" + setting, 1)
    config.write_text(text, "utf-8")
    return config


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:

    base = tmp_path_factory.mktemp("publie")
    project = _switch_on(copy_project(base / "projet")).parent
    result = run_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


def test_admin_is_written_with_the_forge_as_backend(published: Path):
    config = yaml.safe_load((published / "admin" / "config.yml").read_text("utf-8"))
    assert config["backend"] == {"name": "gitlab", "repo": "exempleville/site",
                                 "branch": "main", "auth_type": "pkce", "app_id": "0123abcd",
                                 "base_url": "https://gitlab.com",
                                 "api_root": "https://gitlab.com/api/v4"}
    assert "local_backend" not in config
    assert [c["label"] for c in config["collections"]][0] == "Démarches"
    page = (published / "admin" / "index.html").read_text("utf-8")
    assert 'name="robots" content="noindex, nofollow"' in page
    assert "connect-src 'self' https://gitlab.com" in page and "script-src 'self' 'unsafe-eval';" in page
    assert (published / "admin" / "decap-cms.js").is_file()


def test_admin_is_no_page_of_the_site(published: Path):
    index = json.loads((published / "search" / "search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("admin")]
    assert not [d for d in index["docs"] if "decap" in d["text"].lower()]
    assert "/admin/" not in (published / "sitemap.xml").read_text("utf-8")
    assert "admin/" not in (published / "index.html").read_text("utf-8")


def test_never_in_the_offline_copy(project: Path, tmp_path: Path):
    _switch_on(project)
    os.environ["VMI_HORS_LIGNE"] = "true"
    try:
        result = run_build(project, tmp_path / "hors-ligne")
    finally:
        del os.environ["VMI_HORS_LIGNE"]
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "hors-ligne" / "admin").exists()


def test_a_bad_setting_fails_in_french_and_keeps_the_site(project: Path, tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("version précédente", "utf-8")
    config = _switch_on(project, GITLAB.replace("forge: gitlab", "forge: gitlabb"))
    line = next(n for n, text in enumerate(config.read_text("utf-8").split("\n"), 1)
                if "forge: gitlabb" in text)
    result = run_build(project, site)
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}: extra.vmi.editeur.forge: forge inconnue «\u00a0gitlabb\u00a0»" \
           in result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text("utf-8") == "version précédente"


def test_the_published_editor_offers_to_sign_in_with_the_forge(published: Path, context):
    """Before signing in, /admin/ asks nothing of the forge nor of any other site, and
    its policy refuses nothing Decap needs."""
    url, server = serve(published)
    elsewhere: list[str] = []

    def only_here(route):
        if route.request.url.startswith(url):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    try:
        context.route("**/*", only_here)
        page = context.new_page()
        page.add_init_script("window.__refused = []; document.addEventListener("
                             "'securitypolicyviolation', e => window.__refused.push("
                             "e.violatedDirective + ' ' + e.blockedURI))")
        page.set_default_timeout(90_000)
        page.goto(f"{url}admin/", wait_until="commit")
        page.get_by_role("button", name="Se connecter avec GitLab").wait_for()
        refused = page.evaluate("window.__refused")
    finally:
        server.shutdown()
    assert elsewhere == [] and refused == []
