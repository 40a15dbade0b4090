"""The errors block written into the served pages while content is invalid."""

import json
import re

from vmi.core.errors import ContentError
from vmi.site.error_overlay import report, with_report

PAGE = "<html><body><main>Béthune</main></body></html>"


def _block(html: str) -> dict:
    found = re.findall(r'<script type="application/json" data-vmi-erreurs-contenu>(.*?)'
                       r'</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_each_error_is_a_french_line_with_its_place():
    data = report([ContentError("content/cas/x.md", 6, "piliers[1]", "pilier inconnu « a »"),
                   ContentError("content/piliers.yml", None, None, "fichier vide")])
    assert data["titre"] == "Contenu invalide\u00a0: 2 erreurs"
    assert data["erreurs"] == ["content/cas/x.md:6: piliers[1]: pilier inconnu «\u00a0a\u00a0»",
                               "content/piliers.yml: fichier vide"]


def test_a_new_report_replaces_the_previous_one_and_none_removes_it():
    first = with_report(PAGE, report([ContentError("a.md", 1, None, "un")]))
    second = with_report(first, report([ContentError("b.md", 2, None, "deux")]))
    assert _block(second)["erreurs"] == ["b.md:2: deux"]
    assert second.index("data-vmi-erreurs-contenu") < second.index("</body>")
    assert with_report(second, None) == PAGE


def test_a_message_cannot_close_the_block():
    html = with_report(PAGE, report([ContentError("a.md", 1, "titre", "« </script><b> »")]))
    assert "</script><b>" not in html
    assert "</script><b>" in _block(html)["erreurs"][0]
