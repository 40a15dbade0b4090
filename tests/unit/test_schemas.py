"""JSON Schemas for editors' tools: committed, in step with the models, accepting the
default content and refusing what the validator refuses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from vmi.core.source import parse_front_matter, parse_yaml, read_text
from vmi.editor.schemas import DRAFT_07, KINDS, render

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "content" / "schemas"


def _load(kind: str) -> dict:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_matches_the_models(kind: str):
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == render(kind), "schémas périmés : lancez « make schemas »"


def test_no_stray_schema_files():
    assert sorted(p.name for p in SCHEMAS.iterdir()) == sorted(f"{k}.schema.json" for k in KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_draft_07_with_french_descriptions(kind: str):
    schema = _load(kind)
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT_07
    text = json.dumps(schema)
    assert "$defs" not in text
    refs = re.findall(r'"\$ref": "#/definitions/(\w+)"', text)
    assert all(ref in schema.get("definitions", {}) for ref in refs)

    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    for obj in objects(schema):
        assert obj["additionalProperties"] is False
        for name, prop in obj["properties"].items():
            assert prop.get("description"), f"{kind}: {name} sans description"


def _data(path: Path):
    label = path.name
    text = read_text(path, label)
    located = parse_front_matter(text, label) if path.suffix == ".md" else parse_yaml(text, label)
    return located.data


DEFAULT_FILES = [("cas", p) for p in sorted((ROOT / "content" / "cas").glob("*.md"))] + [
    ("specificite", p) for p in sorted((ROOT / "content" / "specificites").glob("*.md"))] + [
    (kind, ROOT / "content" / f"{kind}.yml")
    for kind in ("piliers", "glossaire", "diagnostic", "types-documents", "documents")
    if (ROOT / "content" / f"{kind}.yml").exists()]


@pytest.mark.parametrize("kind,path", DEFAULT_FILES, ids=[p.name for _, p in DEFAULT_FILES])
def test_default_content_passes_its_schema(kind: str, path: Path):
    errors = list(Draft7Validator(_load(kind)).iter_errors(_data(path)))
    assert not errors, [e.message for e in errors]


@pytest.mark.parametrize("kind", ["piliers", "glossaire", "diagnostic", "types-documents",
                                  "documents"])
def test_yaml_files_name_their_schema(kind: str):
    path = ROOT / "content" / f"{kind}.yml"
    if not path.exists():
        pytest.skip(f"{path.name} absent")
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == f"# yaml-language-server: $schema=schemas/{kind}.schema.json"


def test_schema_refuses_what_the_validator_refuses():
    case = _data(ROOT / "content" / "cas" / "bethune.md")
    validator = Draft7Validator(_load("cas"))
    assert any(e.validator == "additionalProperties"
               for e in validator.iter_errors({**case, "vile": "X"}))
    assert any(e.validator == "required"
               for e in validator.iter_errors({k: v for k, v in case.items() if k != "ville"}))
    bad_url = {**case, "sources": [{"titre": "T", "url": "www.exemple.fr"}]}
    assert any(e.validator == "pattern" for e in validator.iter_errors(bad_url))


def test_vscode_maps_every_schema_to_its_files():
    text = (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8")
    settings = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))
    mapping = settings["yaml.schemas"]
    for schema, pattern in mapping.items():
        assert (ROOT / schema).is_file(), schema
        assert any(ROOT.glob(pattern)), pattern
    mapped = {Path(schema).name.removesuffix(".schema.json") for schema in mapping}
    assert mapped == set(KINDS) - {"quiz", "video"}  # these blocks live inside Markdown


def test_publisher_kind_is_required_and_listed():
    """``publie_par`` (the issue's test contract): editors' tools refuse a document
    without it or with another value, and the form offers the seven kinds by name."""
    validator = Draft7Validator(_load("documents"))
    document = {"titre": "T", "type": "article", "publie_par": "presse",
                "url": "https://exempleville.example.org/"}
    assert not list(validator.iter_errors([document]))
    assert any(e.validator == "required" for e in validator.iter_errors(
        [{k: v for k, v in document.items() if k != "publie_par"}]))
    assert any(e.validator == "enum" for e in validator.iter_errors(
        [{**document, "publie_par": "mairie"}]))
    form = yaml.safe_load((ROOT / "editor" / "admin" / "config.yml").read_text("utf-8"))
    cases = next(c for c in form["collections"] if c["name"] == "cas")
    field = next(f for f in cases["fields"] if f["name"] == "documents")
    publisher = next(f for f in field["fields"] if f["name"] == "publie_par")
    assert publisher["widget"] == "select" and "required" not in publisher
    assert [o["value"] for o in publisher["options"]] == [
        "ville", "intercommunalite", "etat", "presse", "entreprise", "association", "autre"]
    assert [o["label"] for o in publisher["options"]][:2] == ["Ville", "Intercommunalité"]
