"""Files saved by the form read like the ones people write, and load the same."""

import json
from pathlib import Path

import pytest
import yaml

from vmi.editor.cms_files import for_disk, for_form
from vmi.editor.layout import dump, quoted_texts, scalar
from vmi.testing import ROOT

FILES = ["content/cas/bethune.md", "content/specificites/agilite-et-proximite.md",
         "content/piliers.yml", "content/glossaire.yml", "content/documents.yml",
         "content/types-documents.yml", "content/diagnostic.yml"]


def _front(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


@pytest.mark.parametrize("path", FILES)
def test_a_file_read_and_saved_by_the_form_keeps_its_data(path: str):
    text = (ROOT / path).read_text("utf-8")
    form = for_form(path, text)
    decap = text if path.endswith(".md") else yaml.safe_dump(yaml.safe_load(form),
                                                             allow_unicode=True)
    saved = for_disk(path, decap, text)
    if path.endswith(".md"):
        assert _front(saved) == _front(text)
        assert saved.split("---\n", 2)[2] == text.split("---\n", 2)[2]
    else:
        assert yaml.safe_load(saved) == yaml.safe_load(text)
        assert saved.split("\n")[0] == text.split("\n")[0]  # the schema comment stays


def test_fields_in_the_models_order_empty_ones_dropped():
    decap = ("---\nsources:\n  - url: https://exempleville.example.org/\n    titre: Site\n"
             "piliers:\n  - sante\nresume: Une phrase.\nannee: 2021\ndemarche: D\n"
             "region: ''\ndepartement: Nord\nville: Exempleville\npartenaires: []\n"
             "population:\n  habitants: null\n  annee: null\n  source: ''\n---\nTexte\n")
    assert for_disk("content/cas/exempleville.md", decap, None) == (
        "---\nville: Exempleville\ndepartement: Nord\ndemarche: D\nannee: 2021\n"
        "resume: Une phrase.\npiliers: [sante]\nsources:\n  - titre: Site\n"
        "    url: https://exempleville.example.org/\n---\n\nTexte\n")


@pytest.mark.parametrize(("value", "written"), [
    ("2017-09", '"2017-09"'), ("59119", '"59119"'), ("2015", '"2015"'), ("no", '"no"'),
    ("Béthune", "Béthune"), ("Forum : demain", '"Forum : demain"'), ("- tiret", '"- tiret"'),
    ("« Cap2020 » !", "« Cap2020 » !"), (2021, "2021"), (True, "true")])
def test_quotes_only_where_yaml_needs_them(value, written):
    assert scalar(value) == written
    assert yaml.safe_load(f"k: {written}")["k"] == value


def test_quotes_the_file_had_around_plain_text_are_kept():
    """Same data, same quotes: a saved file differs only where the editor changed it."""
    before = ("- terme: \"Donnée ouverte\"\n  definition: Une donnée publiée.\n"
              "- terme: 'L’usager'\n  definition: \"Celui qui utilise le service.\"\n")
    decap = yaml.safe_dump({"termes": [
        {"terme": "Donnée ouverte", "definition": "Une donnée publiée librement."},
        {"terme": "L’usager", "definition": "Celui qui utilise le service."}]}, allow_unicode=True)
    assert for_disk("content/glossaire.yml", decap, before) == (
        "- terme: \"Donnée ouverte\"\n  definition: Une donnée publiée librement.\n"
        "- terme: 'L’usager'\n  definition: \"Celui qui utilise le service.\"\n")
    assert for_disk("content/glossaire.yml", decap, None).startswith("- terme: Donnée ouverte\n")


@pytest.mark.parametrize("path", ["content/cas/bethune.md", "content/documents.yml",
                                  "content/specificites/agilite-et-proximite.md",
                                  "content/parcours/forum-45-minutes.yml"])
def test_every_quoted_text_of_a_file_stays_quoted_when_saved_unchanged(path: str):
    text = (ROOT / path).read_text("utf-8")
    decap = text if path.endswith(".md") else yaml.safe_dump(yaml.safe_load(for_form(path, text)),
                                                             allow_unicode=True)
    saved = for_disk(path, decap, text)
    front = text.split("---\n")[1] if path.endswith(".md") else text
    quoted = {value: quote for value, quote in quoted_texts(front).items() if "\n" not in value}
    assert quoted, "the file has quoted texts"
    for value, quote in quoted.items():
        written = json.dumps(value, ensure_ascii=False) if quote == '"' else (
            "'" + value.replace("'", "''") + "'")
        assert f": {written}" in saved or f"- {written}" in saved, value


def test_long_lists_and_texts_of_several_lines():
    text = dump({"piliers": [f"pilier-numero-{n}" for n in range(8)],
                 "introduction": "Première ligne.\n\nDeuxième.\n"})
    assert text.startswith("piliers:\n  - pilier-numero-0\n")
    assert text.endswith("introduction: |\n  Première ligne.\n\n  Deuxième.\n")
    assert yaml.safe_load(text)["introduction"] == "Première ligne.\n\nDeuxième.\n"


def test_files_the_form_does_not_know_are_left_alone(tmp_path: Path):
    assert for_disk("docs/index.md", "---\nx: 1\n---\n", None) == "---\nx: 1\n---\n"
