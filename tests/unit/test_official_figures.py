"""Official populations written by code in hand-written pages (``[[population CODE]]``)."""

from vmi.core.errors import french_typography as fr
from vmi.territories.figures import expand, figure_errors
from vmi.territories.official import official_data


def test_a_code_becomes_the_official_figure_with_its_edition():
    data = official_data()
    (saumur,) = data.named("Saumur")
    text = expand("| Saumur | [[population 49328]] |\n")
    assert text == (f"| Saumur | {saumur.population:,}".replace(",", "\u202f")
                    + f"\u00a0habitants (INSEE, population municipale, édition {data.edition}) |\n")


def test_an_unknown_code_is_an_error_at_its_line_and_stays_as_written():
    text = "# Page\n\nUne ville fictive : [[population 00000]].\n"
    assert [str(e) for e in figure_errors(text, "docs/exemple.md")] == [fr(
        "docs/exemple.md:3: population: « 00000 » n’est le code INSEE d’aucune commune "
        "actuelle (5 caractères, ex. [[population 46042]] pour Cahors)")]
    assert expand(text) == text


def test_a_mark_shown_as_code_is_left_alone():
    text = "Écrivez `[[population 46042]]` dans le tableau.\n"
    assert figure_errors(text, "docs/guide.md") == [] and expand(text) == text
