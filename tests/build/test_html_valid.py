"""The HTML we publish is valid: the W3C Nu HTML Checker (vnu.jar, npm ``vnu-jar``)
finds no error in any page of the default site.

Allowed, because it comes from Material's ``base.html`` outside any template block and
cannot be overridden without copying the whole base template:

- ``autocomplete="off"`` on the two checkboxes that drive the drawer and the search
  (``#__drawer``, ``#__search``): Material sets it so that Firefox does not restore
  them checked when the visitor comes back to a page. The attribute is ignored by
  browsers on checkboxes; it is harmless for users.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from vmi.testing import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

ALLOWED = [
    # (start of the message, text the extract must contain): see the module docstring.
    ("Attribute “autocomplete” is only allowed when the input type is", 'id="__drawer"'),
    ("Attribute “autocomplete” is only allowed when the input type is", 'id="__search"'),
]


def allowed(message: dict) -> bool:
    return any(message.get("message", "").startswith(text) and marker in message.get("extract", "")
               for text, marker in ALLOWED)


def vnu_errors(site) -> list[dict]:
    if not shutil.which("java"):
        pytest.fail("Java manque pour le validateur HTML : apt-get install -y default-jre-headless")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html",
                             "--format", "json", str(site)], capture_output=True, text=True)
    return [m for m in json.loads(result.stderr or result.stdout)["messages"]
            if m.get("type") == "error"]


def test_built_site_has_no_html_error(site_dir):
    errors = vnu_errors(site_dir)
    assert len({e["url"] for e in errors if allowed(e)}) > 1, "vnu did not check the pages"
    remaining = [f"{e['url'].split(str(site_dir))[-1]}:{e.get('lastLine')}: {e['message']}"
                 for e in errors if not allowed(e)]
    assert remaining == [], "\n".join(remaining)


def test_allow_list_does_not_hide_real_errors(tmp_path):
    """The checker still reports errors of ours, even next to the allowed ones."""
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="fr"><head><title>t</title></head><body>'
        '<input type="checkbox" id="__search" autocomplete="off">'
        '<p><div>bloc dans un paragraphe</p></body></html>', encoding="utf-8")
    errors = vnu_errors(tmp_path)
    assert any(allowed(e) for e in errors)
    assert [e for e in errors if not allowed(e)]
