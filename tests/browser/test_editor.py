"""``make editer``: a case created through the form editor at ``/admin/`` is written to
``content/`` in the layout a person writes, passes ``make check`` and is shown by the
preview; the editor asks nothing of any other origin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vmi.testing import ROOT, copy_project, stop, vmi_command
from vmi.testing import free_port as _free_port
from vmi.testing import get_page as _get
from vmi.testing import wait_for as _wait

pytestmark = pytest.mark.slow(33)

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"

EXPECTED = """\
---
ville: Exempleville
demarche: Exempleville en ligne
annee: 2021
resume: Une démarche d’exemple pour une ville fictive.
piliers: [sante, habitat]
sources:
  - titre: Site de la ville d’Exempleville
    url: https://exempleville.example.org/
---

## Le contexte

Une ville fictive.
"""


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory):
    """What ``make editer`` starts, on free ports: decap-server and the preview; started
    once for the module's tests, which each write a page of their own."""
    if not DECAP_SERVER.is_file():
        pytest.fail("decap-server manque : npm ci")
    tmp_path = tmp_path_factory.mktemp("editer")
    project = copy_project(tmp_path / "projet")
    port, decap_port = _free_port(), _free_port()
    log = tmp_path / "editer.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    processes = []
    with log.open("w", encoding="utf-8") as out:
        processes.append(subprocess.Popen(
            ["node", str(DECAP_SERVER)], cwd=project, stdout=out, stderr=subprocess.STDOUT,
            env={**env, "PORT": str(decap_port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
                 "GIT_REPO_DIRECTORY": str(project)}))
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a",
             f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")], cwd=project,
            stdout=out, stderr=subprocess.STDOUT,
            env={**env, "VMI_EDITEUR": "1",
                 "VMI_DECAP_URL": f"http://127.0.0.1:{decap_port}/api/v1"}))
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: _get(f"{base}/") is not None, 90, "l’aperçu ne répond pas", log)
        yield project, base, log
    finally:
        for process in processes:
            stop(process)


def _pick(page, field: str, typed: str) -> None:
    """Choose in a relation list (react-select): type, wait for the option, Enter."""
    page.get_by_label(field, exact=True).click()
    page.keyboard.type(typed)
    page.get_by_role("option", name=typed).wait_for()
    page.keyboard.press("Enter")


def test_case_created_through_the_form(editor, context):
    project, base, log = editor
    elsewhere: list[str] = []

    def only_here(route):
        if route.request.url.startswith(f"{base}/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_here)
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.on("console", lambda m: print("CONSOLE", m.type, m.text[:400]))
    page.on("requestfinished", lambda r: print("REQ", r.method, r.url, (r.post_data or "")[:150]))
    page.on("requestfailed", lambda r: print("FAILED", r.method, r.url, r.failure, (r.post_data or "")[:300]))  # a 6 MB application, on a busy machine
    page.goto(f"{base}/admin/#/collections/cas/new", wait_until="commit")
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_label("Ville", exact=True).fill("Exempleville")
    page.get_by_label("Démarche", exact=True).fill("Exempleville en ligne")
    page.get_by_label("Année", exact=True).fill("2021")
    page.get_by_label("Résumé", exact=True).fill("Une démarche d’exemple pour une ville fictive.")
    _pick(page, "Piliers", "Santé")  # from content/piliers.yml
    _pick(page, "Piliers", "Habitat")
    page.get_by_role("button", name="Ajouter sources").click()
    page.get_by_label("Titre", exact=True).fill("Site de la ville d’Exempleville")
    page.get_by_label("Adresse web", exact=True).fill("https://exempleville.example.org/")
    page.locator("[data-slate-editor]").last.click()  # Markdown as typed, no mode switch
    page.keyboard.type("## Le contexte")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Une ville fictive.")
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()

    saved = project / "content" / "cas" / "exempleville.md"
    # Waiting inside Playwright: the route above answers requests only meanwhile.
    page.get_by_text("MODIFICATIONS ENREGISTRÉES", exact=False).wait_for()
    assert saved.is_file(), log.read_text("utf-8", "replace")
    assert saved.read_text("utf-8") == EXPECTED
    check = subprocess.run([vmi_command(), "check"], cwd=project, text=True, capture_output=True)
    assert check.returncode == 0, check.stdout + check.stderr

    preview = f"{base}/cas/exempleville/"
    _wait(lambda: "Exempleville en ligne" in (_get(preview) or ""), 60,
          "démarche absente de l’aperçu", log)
    page.goto(preview)
    assert page.locator("h1").first.inner_text().startswith("Exempleville")
    assert page.get_by_role("link", name="Santé").count() >= 1
    assert elsewhere == []


FICTIONAL = """\
---
ville: Essaiville
demarche: Essaiville demain
annee: 2020
resume: Première version du résumé.
piliers: [sante]
sources:
  - titre: Site de la ville d’Essaiville
    url: https://essaiville.example.org/
---

## Le contexte

Une ville *fictive*, avec des **piliers** ([liste](../piliers.md)) :

* une liste à étoiles ;
* et un [lien](https://essaiville.example.org/ "titre").

| Année | Étape |
| --- | --- |
| 2020 | Début |

!!! note "Une note"
    Texte de la note.

1. Premier point
2. Second point
"""


def test_existing_page_saved_by_the_form_keeps_its_markdown(editor, context):
    """Opened and saved, a page's body comes back byte for byte (no escaped ``##``)."""
    project, base, log = editor
    saved = project / "content" / "cas" / "essaiville.md"
    saved.write_text(FICTIONAL, "utf-8")
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.goto(f"{base}/admin/#/collections/cas/entries/essaiville", wait_until="commit")
    page.get_by_role("button", name="Se connecter").click()
    summary = page.get_by_label("Résumé", exact=True)
    summary.fill("Seconde version du résumé.")
    last_line = page.locator("[data-slate-editor]").last.get_by_text("2. Second point")
    box = last_line.bounding_box()
    last_line.click(position={"x": box["width"] - 1, "y": box["height"] / 2})  # at its end
    for key in ("Enter", "Enter"):
        page.keyboard.press(key)
    page.keyboard.type("## Ajout")
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()
    page.get_by_text("MODIFICATIONS ENREGISTRÉES", exact=False).wait_for()
    assert saved.read_text("utf-8") == FICTIONAL.replace(
        "Première version", "Seconde version") + "\n## Ajout\n"


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _axe(page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
    return found


@pytest.mark.parametrize("width", [1280, 412])
def test_editor_screens_have_no_axe_violation(editor, browser, width):
    """Sign-in, a collection, a page with lists, a new page: axe finds nothing (our
    colours, names and landmarks over Decap's, editor/admin/)."""
    project, base, log = editor
    context = browser.new_context(viewport={"width": width, "height": 823}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.goto(f"{base}/admin/#/collections/cas", wait_until="commit")
    sign_in = page.get_by_role("button", name="Se connecter")
    sign_in.wait_for()
    screens = {"connexion": _axe(page)}
    sign_in.click()
    page.get_by_role("link", name="Auto-diagnostic").wait_for()
    page.get_by_role("link", name="Cahors").wait_for()
    screens["collection"] = _axe(page)
    page.get_by_role("link", name="Cahors").click()
    page.get_by_role("button", name="Supprimer cet élément").first.wait_for()
    page.frame_locator("#preview-pane").get_by_text("Cahors").first.wait_for()
    screens["page"] = _axe(page)
    page.goto(f"{base}/admin/#/collections/cas/new")
    page.get_by_label("Ville", exact=True).wait_for()
    screens["nouvelle page"] = _axe(page)
    context.close()
    assert screens == {name: [] for name in screens}


def test_admin_only_under_make_editer(site_dir: Path):
    """``make build`` has no editor: no page, no configuration, nothing in the search."""
    assert not (site_dir / "admin").exists()
    assert not list(site_dir.rglob("decap-cms*"))
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    # The contribution guide may name the address; no page of the editor is indexed.
    assert [d["location"] for d in index["docs"] if d["location"].startswith("admin")] == []
    assert "decap" not in json.dumps(index).lower()


def test_make_serve_has_no_editor(server):  # noqa: F811
    """``make serve`` (Python only) serves the site and nothing at /admin/."""
    project, url, log, process = server
    assert _get(url.replace("cas/bethune/", "admin/")) is None
    assert _get(url.replace("cas/bethune/", "admin/config.yml")) is None
