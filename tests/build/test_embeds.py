"""The second look at embeds, on the HTML the Markdown became (hooks/embeds.py).

The source check removes code spans before it reads HTML; Python-Markdown turns the two
backticks inside this tag's attributes into a code span too, but leaves the tag and its
outside ``src`` in place. The image reaches the HTML, where the build refuses it before
writing any page.
"""

from __future__ import annotations

from vmi.testing import run_build

LINE = '<img alt="`" src="https://cdn.exemple.net/logo.png" title="`">'
BODY = f"\n\nLe logo :\n\n{LINE}\n"


def test_outside_image_in_produced_html_stops_the_build(project, tmp_path):
    page = project / "docs" / "accessibilite.md"
    text = page.read_text(encoding="utf-8") + BODY
    page.write_text(text, encoding="utf-8")
    line = text.split("\n").index(LINE) + 1
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 1
    assert (f"docs/accessibilite.md:{line}: <img>: « https://cdn.exemple.net/logo.png » "
            f"serait chargée depuis un autre site, qui saurait qui lit la page : enregistrez "
            f"l’image dans docs/images/ et écrivez un chemin relatif (ex. « images/plan.png »)"
            ) in result.stderr.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Traceback" not in result.stderr
    assert not list(site.rglob("*.html"))
