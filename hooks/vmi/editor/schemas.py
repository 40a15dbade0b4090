"""JSON Schemas of every content kind, generated from the validator's own models.

Editors' tools (the VS Code YAML extension) read draft-07, so pydantic's 2020-12 output
is translated: ``$defs`` become ``definitions`` and auto-generated English titles go,
leaving the French descriptions as the hover text. Regenerate with ``make schemas``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from vmi.content.parcours import Parcours
from vmi.content.video import Video
from vmi.model.models import (
    Cas,
    Diagnostic,
    Document,
    FicheThematique,
    Financement,
    Obligation,
    Pilier,
    Quiz,
    Specificite,
    Terme,
    TypeDocument,
)

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

# kind → (type validated, French title naming the file it describes)
KINDS: dict[str, tuple[Any, str]] = {
    "cas": (Cas, "Étude de cas : en-tête (front matter) d’un fichier content/cas/*.md"),
    "specificite": (Specificite, "Spécificité : en-tête (front matter) d’un fichier "
                    "content/specificites/*.md"),
    "piliers": (list[Pilier], "Piliers de la vie quotidienne (content/piliers.yml)"),
    "glossaire": (list[Terme], "Glossaire (content/glossaire.yml)"),
    "diagnostic": (Diagnostic, "Questionnaire d’auto-diagnostic (content/diagnostic.yml)"),
    "types-documents": (list[TypeDocument], "Types de documents de la bibliothèque "
                        "(content/types-documents.yml)"),
    "documents": (list[Document], "Documents communs de la bibliothèque "
                  "(content/documents.yml)"),
    "parcours": (Parcours, "Parcours : une intervention de forum faite de pages du site "
                 "(content/parcours/*.yml)"),
    "obligations": (list[Obligation], "Obligations légales selon la taille "
                    "(content/obligations.yml)"),
    "financements": (list[Financement], "Dispositifs de financement "
                     "(content/financements.yml)"),
    "theme": (FicheThematique, "Fiche thématique d’un axe (content/themes/<axe>.yml)"),
    "quiz": (Quiz, "Bloc « Le saviez-vous ? » (```quiz dans une page Markdown)"),
    "video": (Video, "Bloc vidéo, montré comme un lien (```video dans une page Markdown)"),
}


def schema(kind: str) -> dict[str, Any]:
    """The draft-07 schema of one content kind."""
    target, title = KINDS[kind]
    if isinstance(target, type) and issubclass(target, BaseModel):
        raw = target.model_json_schema()
    else:
        raw = TypeAdapter(target).json_schema()
    converted = _draft07(raw)
    converted.pop("title", None)
    return {"$schema": DRAFT_07, "title": title, **converted}


def _draft07(node: Any, in_properties: bool = False) -> Any:
    """Rename ``$defs`` and rewrite ``$ref``s; drop pydantic's auto titles."""
    if isinstance(node, list):
        return [_draft07(item) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if in_properties:  # keys are field names, values are schemas
            result[key] = _draft07(value)
        elif key == "$defs":
            result["definitions"] = {name: _draft07(sub) for name, sub in value.items()}
        elif key == "$ref" and isinstance(value, str):
            result[key] = value.replace("#/$defs/", "#/definitions/")
        elif key == "title" and isinstance(value, str):
            continue
        else:
            result[key] = _draft07(value, in_properties=key == "properties")
    return result


def render(kind: str) -> str:
    """File text of one schema: stable key order, UTF-8, final newline."""
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"


def write_all(folder: Path) -> list[Path]:
    """(Re)write ``<kind>.schema.json`` for every kind; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = folder / f"{kind}.schema.json"
        path.write_text(render(kind), encoding="utf-8")
        written.append(path)
    return written
