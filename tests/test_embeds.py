"""The second look at embeds, on the HTML the Markdown became (hooks/embeds.py).

Python-Markdown accepts a reference definition whose address sits on the next line; the
source check reads definitions on one line only, so this image reaches the HTML, where
the build refuses it before writing any page.
"""

from __future__ import annotations

from conftest import run_build

BODY = "\n\nLe logo : ![Logo][logo]\n\n[logo]:\n    https://cdn.exemple.net/logo.png\n"


def test_outside_image_in_produced_html_stops_the_build(project, tmp_path):
    page = project / "docs" / "accessibilite.md"
    text = page.read_text(encoding="utf-8") + BODY
    page.write_text(text, encoding="utf-8")
    line = text.split("\n").index("    https://cdn.exemple.net/logo.png") + 1
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 1
    assert (f"docs/accessibilite.md:{line}: <img>: « https://cdn.exemple.net/logo.png » "
            f"serait chargée depuis un autre site, qui saurait qui lit la page : enregistrez "
            f"l’image dans docs/images/ et écrivez un chemin relatif (ex. « images/plan.png »)"
            ) in result.stderr.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Traceback" not in result.stderr
    assert not list(site.rglob("*.html"))
