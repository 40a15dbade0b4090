"""YAML syntax errors in French, pointing at the line to fix (not where PyYAML gave up)."""

import pytest

from vmi.core.source import ContentFileError, parse_front_matter, parse_yaml


def error_of(text: str) -> str:
    with pytest.raises(ContentFileError) as caught:
        parse_yaml(text, "f.yml")
    [error] = caught.value.errors
    return str(error)


def test_unclosed_quote_points_at_its_own_line():
    assert error_of('a: "x\nb: 2\nc: "y"\n') == (
        "f.yml:1: guillemet ouvert mais jamais fermé : ajoutez le guillemet de fin sur la "
        "même ligne")


def test_unclosed_quote_in_front_matter_counts_the_fence():
    with pytest.raises(ContentFileError) as caught:
        parse_front_matter('---\nville: "Saumur\nannee: 2019\nresume: "x"\n---\n', "c.md")
    assert str(caught.value.errors[0]).startswith("c.md:2: guillemet ouvert")


def test_escaped_quotes_and_doubled_apostrophes_close_normally():
    assert parse_yaml('a: "dit \\"oui\\""\nb: \'l\'\'eau\'\n', "f.yml").data == {
        "a": 'dit "oui"', "b": "l'eau"}


@pytest.mark.parametrize("text,line,message", [
    ("a: [x, y\nb: 1\n", 2, "liste entre crochets non fermée"),
    ("a:\n  - x\n - y\n", 3, "ligne mal alignée"),
    ("a: @x\n", 1, "ne peut pas commencer par « @ »"),
    ('a: "x \\q"\n', 1, "inattendu entre guillemets doubles"),
])
def test_common_syntax_errors_are_explained(text: str, line: int, message: str):
    error = error_of(text)
    assert error.startswith(f"f.yml:{line}: ") and message in error
    assert "YAML invalide" not in error  # no untranslated PyYAML wording
