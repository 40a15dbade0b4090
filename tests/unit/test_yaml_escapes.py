"""Control characters written as escapes in double-quoted YAML (``"\\0"``, ``"\\x1b"``…)
are refused like pasted ones: same French message, at the escape's line and column, with
the field; escapes that are ordinary text, and backslashes outside double quotes, stay."""

from __future__ import annotations

import pytest
import yaml

import vmi.core.source
from vmi.core.source import ContentFileError, parse_front_matter, parse_yaml, read_text


def _errors(call) -> list[str]:
    with pytest.raises(ContentFileError) as caught:
        call()
    return [str(error).replace("\u00a0", " ").replace("\u202f", " ")
            for error in caught.value.errors]


def _raw_message(char: str, tmp_path) -> str:
    """What a pasted ``char`` gets, without its column: the reference wording."""
    path = tmp_path / "f.yml"
    path.write_text(f"nom: a{char}b\n", encoding="utf-8")
    [message] = _errors(lambda: read_text(path, "f.yml"))
    return message.removeprefix("f.yml:1: ").rsplit(" (colonne", 1)[0]


@pytest.mark.parametrize("escape, char", [
    ("\\0", "\x00"), ("\\x00", "\x00"), ("\\u0000", "\x00"), ("\\U00000000", "\x00"),
    ("\\a", "\x07"), ("\\b", "\x08"), ("\\e", "\x1b"), ("\\f", "\x0c"), ("\\v", "\x0b"),
    ("\\x1F", "\x1f"), ("\\x7f", "\x7f"), ("\\N", "\x85"), ("\\L", "\u2028"),
    ("\\P", "\u2029"), ("\\ufeff", "\ufeff"), ("\\uFFFE", "\ufffe")])
def test_an_escaped_control_character_gets_the_raw_characters_message(escape, char, tmp_path):
    text = f"titre: Exempleville\nsources:\n  - titre: \"Le plan{escape} local\"\n"
    assert _errors(lambda: parse_yaml(text, "content/cas.yml")) == [
        f"content/cas.yml:3: sources[1].titre: {_raw_message(char, tmp_path)} "
        f"(écrit « {escape} », colonne 20)"]


def test_the_escape_is_located_in_a_value_over_several_lines_and_in_front_matter():
    text = '---\nville: Exempleville\nresume: "Une ligne,\n  puis \\0 une autre"\n---\nTexte\n'
    [message] = _errors(lambda: parse_front_matter(text, "content/cas/exempleville.md"))
    assert message.startswith("content/cas/exempleville.md:4: resume: caractère nul (U+0000)")
    assert message.endswith("(écrit « \\0 », colonne 8)")


def test_escapes_in_keys_and_lists_are_refused_too():
    assert _errors(lambda: parse_yaml('"cl\\x01e": 1\nliste: ["a", "\\e"]\n', "f.yml")) == [
        "f.yml:1: caractère de contrôle invisible U+0001 interdit, souvent collé depuis un "
        "traitement de texte ou un PDF : supprimez-le (écrit « \\x01 », colonne 4)",
        "f.yml:2: liste[2]: caractère de contrôle invisible U+001B (échappement) interdit, "
        "souvent collé depuis un traitement de texte ou un PDF : supprimez-le "
        "(écrit « \\e », colonne 15)"]


@pytest.mark.parametrize("text, value", [
    ('a: "C:\\\\0 et \\\\e"', "C:\\0 et \\e"),  # escaped backslashes, then letters
    ("a: 'sans \\0 échappement'", "sans \\0 échappement"),  # single quotes: literal
    ("a: |\n  \\0 littéral\n", "\\0 littéral\n"),
    ("a: sans \\0 guillemets", "sans \\0 guillemets"),
    ('a: "tab\\tet\\_espace \\u00e9 \\n"', "tab\tet\u00a0espace é \n"),
])
def test_ordinary_escapes_and_backslashes_are_kept(text, value):
    assert parse_yaml(text, "f.yml").data == {"a": value}


@pytest.mark.parametrize("fast", [True, False])
def test_an_escape_beyond_unicode_is_a_french_located_error(fast, monkeypatch):
    if not fast:  # PyYAML without libyaml: chr() refuses it with a bare ValueError
        monkeypatch.setattr(vmi.core.source, "_FAST_LOADER", yaml.SafeLoader)
    text = 'a: 1\nb: "x \\U00110000"\n'
    [message] = _errors(lambda: parse_yaml(text, "f.yml"))
    assert message.startswith("f.yml:2: code de caractère invalide après « \\u » ou « \\U »")


def test_an_escaped_surrogate_is_refused():
    [message] = _errors(lambda: parse_yaml('a: "\\uD800"', "f.yml"))
    assert message == "f.yml:1: a: caractère U+D800 invalide : supprimez-le (écrit « \\uD800 », colonne 5)"
