"""The form editor's configuration: generated from the models, never stale."""

import re
from pathlib import Path

import yaml

from vmi.editor import cms
from vmi.model.models import Cas
from vmi.testing import ROOT


def _collection(name: str) -> dict:
    return next(c for c in cms.config()["collections"] if c["name"] == name)


def _field(fields: list[dict], name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


def test_committed_configuration_is_up_to_date():
    committed = (ROOT / "editor" / "admin" / "config.yml").read_text("utf-8")
    assert committed == cms.render(), "lancez « make schemas »"


def test_collections_in_french():
    labels = [c["label"] for c in cms.config()["collections"]]
    assert labels == ["Démarches", "Spécificités", "Glossaire", "Piliers", "Documents",
                      "Obligations et financements", "Fiches thématiques", "Auto-diagnostic",
                      "Parcours"]


def test_parcours_are_yaml_files_whose_durations_are_written_as_spoken():
    collection = _collection("parcours")
    assert (collection["folder"], collection["extension"], collection["format"]) == (
        "content/parcours", "yml", "yml")
    steps = _field(collection["fields"], "etapes")
    duree = _field(steps["fields"], "duree")
    pattern, help_text = duree["pattern"]
    assert all(re.match(pattern, text) for text in ("12 min", "4 min 30", "1 h 05", "4:30"))
    assert "12 min" in help_text
    assert _field(steps["fields"], "notes")["widget"] == "text"


def test_obligations_pick_axes_and_questions_and_fixed_words_from_lists():
    files = {f["name"]: f for f in _collection("obligations")["files"]}
    obligation = files["obligations"]["fields"][0]["fields"]
    assert _field(obligation, "axe")["value_field"] == "axes.*.id"
    assert _field(obligation, "questions")["value_field"] == "questions.*.id"
    statut = _field(obligation, "statut")
    assert statut["widget"] == "select"
    assert [o["value"] for o in statut["options"]] == ["en vigueur", "projet"]
    scheme = files["financements"]["fields"][0]["fields"]
    assert _field(scheme, "axes")["widget"] == "relation"


def test_case_fields_follow_the_model():
    fields = _collection("cas")["fields"]
    assert [f["name"] for f in fields][:-1] == list(Cas.model_fields)  # body last
    assert "required" not in _field(fields, "ville")  # required by the model
    assert _field(fields, "departement")["required"] is False
    assert _field(fields, "ville")["hint"] == Cas.model_fields["ville"].description
    date = _field(_field(fields, "feuille_de_route")["fields"], "date")
    assert date["pattern"][0] == r"^\d{4}(-\d{2}(-\d{2})?)?$"
    assert {"widget": "number", "min": 1800, "max": 2100}.items() <= _field(fields, "annee").items()
    assert fields[-1] == cms.BODY and cms.BODY["widget"] == "markdown"


def test_pillars_and_cases_are_picked_from_the_content():
    piliers = _field(_collection("cas")["fields"], "piliers")
    assert {"widget": "relation", "multiple": True, "min": 1, "collection": "piliers",
            "value_field": "piliers.*.id"}.items() <= piliers.items()
    cas = _field(_collection("specificites")["fields"], "cas")
    assert cas["widget"] in ("relation", "list")
    assert "collection: cas" in yaml.safe_dump(cas)


def test_list_files_are_wrapped_under_their_key():
    piliers = _collection("piliers")["files"][0]
    assert piliers["file"] == "content/piliers.yml"
    assert [f["name"] for f in piliers["fields"]] == ["piliers"]
    assert [f["name"] for f in piliers["fields"][0]["fields"]] == ["id", "nom", "description"]


def test_written_by_make_schemas(tmp_path: Path):
    target = cms.write(tmp_path / "config.yml")
    assert yaml.safe_load(target.read_text("utf-8"))["locale"] == "fr"


def test_thematic_sheets_are_edited_one_file_per_axis():
    sheets = _collection("themes")
    assert (sheets["folder"], sheets["extension"], sheets["create"]) == ("content/themes", "yml", False)
    names = [f["name"] for f in sheets["fields"]]
    assert names[:4] == ["contexte", "enjeux", "points_de_reussite", "competences"]
