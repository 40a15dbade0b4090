"""The 2017 interviews page gives the towns' official populations, not hand-typed ones."""

from pathlib import Path

from vmi.territories.official import official_data


def test_interviews_page_shows_official_populations(site_dir: Path):
    page = (site_dir / "entretiens-2017" / "index.html").read_text("utf-8")
    data = official_data()
    for town in ("Annecy", "Cahors", "Saint-Quentin", "Saumur", "Lorient"):
        (commune,) = data.named(town)
        figure = f"{commune.population:,}".replace(",", "\u202f")
        assert f"{figure}\u00a0habitants (INSEE, population municipale, édition " \
               f"{data.edition})" in page, town
    assert "[[population" not in page and "à vérifier" not in page
