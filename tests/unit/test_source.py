"""Reading YAML and front matter: values with their lines, refused YAML 1.1 guesses."""

from pathlib import Path

import pytest

from vmi.core.source import ContentFileError, parse_front_matter, parse_yaml, read_text


def errors_of(call) -> list[str]:
    with pytest.raises(ContentFileError) as caught:
        call()
    return [str(e) for e in caught.value.errors]


def test_values_keep_their_lines():
    located = parse_yaml("titre: A\nsources:\n  - titre: B\n    url: https://x.fr\n", "f.yml")
    assert located.data["sources"][0]["url"] == "https://x.fr"
    assert located.line(("sources", 0, "url")) == 4
    assert located.line(("sources", 0, "absent")) == 3  # falls back to the enclosing item


@pytest.mark.parametrize("value", ["No", "yes", "ON", "off"])
def test_yaml_11_booleans_are_refused(value):
    assert errors_of(lambda: parse_yaml(f"nom: x\nvaleur: {value}\n", "f.yml")) == [
        f"f.yml:2: valeur: « {value} » serait lu comme vrai/faux : écrivez true ou false, "
        f"ou mettez le texte entre guillemets (\"{value}\")"]


def test_quoted_yes_and_true_are_accepted():
    assert parse_yaml('a: "No"\nb: true\n', "f.yml").data == {"a": "No", "b": True}


@pytest.mark.parametrize("value", ["12:30", "4:30", "1:02:30", "1:30.5"])
def test_sexagesimal_numbers_are_read_as_written(value):
    """YAML 1.1 reads ``4:30`` as 270: editors mean the text they wrote."""
    assert parse_yaml(f"heure: {value}\nn: 12\n", "f.yml").data == {"heure": value, "n": 12}


def test_dates_stay_text():
    assert parse_yaml("date: 2017-09-22\n", "f.yml").data == {"date": "2017-09-22"}


def test_duplicate_key_is_an_error():
    assert errors_of(lambda: parse_yaml("a: 1\nb: 2\na: 3\n", "f.yml")) == [
        "f.yml:3: a: champ en double dans le même bloc"]


def test_tab_indentation_gets_a_french_message():
    assert errors_of(lambda: parse_yaml("a:\n\tb: 1\n", "f.yml")) == [
        "f.yml:2: tabulation interdite : indentez avec des espaces"]


def test_front_matter_lines_count_from_the_file_start():
    located = parse_front_matter("---\nville: X\nannee: 2017\n---\n\n## Corps\n", "c.md")
    assert located.line(("annee",)) == 3
    assert located.body.strip() == "## Corps"
    assert located.body_line == 5


def test_unterminated_front_matter():
    assert errors_of(lambda: parse_front_matter("---\nville: X\n\nTexte\n", "c.md")) == [
        "c.md:1: front matter non fermé : ajoutez une ligne « --- » après le dernier champ"]


def test_missing_front_matter():
    assert errors_of(lambda: parse_front_matter("# Titre\n", "c.md"))[0].startswith(
        "c.md:1: le fichier doit commencer par une ligne « --- »")


def test_bom_and_crlf_are_accepted(tmp_path: Path):
    path = tmp_path / "f.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\nville: X\r\n---\r\nCorps\r\n")
    assert read_text(path, "f.md") == "---\nville: X\n---\nCorps\n"


def test_non_utf8_bytes_name_the_line(tmp_path: Path):
    path = tmp_path / "f.md"
    path.write_bytes(b"---\nville: B" + "éthune".encode("latin-1") + b"\n---\n")
    assert errors_of(lambda: read_text(path, "f.md")) == [
        "f.md:2: le fichier n’est pas encodé en UTF-8 : enregistrez-le en UTF-8 depuis "
        "votre éditeur"]


def test_empty_file(tmp_path: Path):
    path = tmp_path / "f.yml"
    path.write_text("  \n")
    assert errors_of(lambda: read_text(path, "f.yml")) == ["f.yml:1: le fichier est vide"]
