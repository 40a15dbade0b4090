"""The form editor's configuration (Decap CMS), generated from the content models.

It is built from the same JSON Schemas as editors' tools (``schemas.schema``), so a
field added to a model appears in the form after ``make schemas``: its description
becomes the help text, a required field is required, a pattern is checked while typing.
Pillars, cases, axes and document types are picked from lists read from the content
itself (relation widgets).

Decap edits a YAML file only as a block of fields, and our list files (``piliers.yml``…)
are lists: the editor's server hands them over wrapped under one key (``ROOT_LISTS``)
and unwraps them when saving (``vmi.editor.cms_files``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from vmi.core import durations
from vmi.editor.layout import resolve
from vmi.editor.schemas import schema
from vmi.model.models import PUBLIE_PAR

# List files → the key they are wrapped under while in the form.
ROOT_LISTS = {"content/piliers.yml": "piliers", "content/glossaire.yml": "termes",
              "content/types-documents.yml": "types", "content/documents.yml": "documents",
              "content/obligations.yml": "obligations",
              "content/financements.yml": "financements"}

# Field labels (field names stay French but lose their accents).
LABELS = {
    "ville": "Ville", "departement": "Département", "region": "Région",
    "population": "Population", "habitants": "Habitants", "annee": "Année",
    "source": "Source", "demarche": "Démarche", "resume": "Résumé", "piliers": "Piliers",
    "partenaires": "Partenaires", "feuille_de_route": "Feuille de route", "date": "Date",
    "etape": "Étape", "description": "Description", "sources": "Sources",
    "titre": "Titre", "url": "Adresse web", "documents": "Documents", "type": "Type",
    "fichier": "Fichier", "licence": "Licence", "ordre": "Ordre", "cas": "Démarches liées",
    "id": "Identifiant", "nom": "Nom", "terme": "Terme", "definition": "Définition",
    "termes": "Termes", "types": "Types de documents", "introduction": "Introduction",
    "axes": "Axes", "niveaux": "Niveaux", "min": "Score minimal", "questions": "Questions",
    "axe": "Axe", "texte": "Texte", "aide": "Aide", "reponses": "Réponses",
    "points": "Points", "recommandations": "Recommandations", "jusqu_a": "Jusqu’à (score)",
    "liens": "Pages liées", "code_insee": "Code INSEE", "code_epci": "Code de l’EPCI",
    "en_quoi": "En quoi", "couts": "Coûts et financement", "montant": "Montant (euros)",
    "resultats": "Résultats mesurés", "mesure_par": "Mesuré par",
    "difficultes": "Ce qui a moins bien marché",
    "publie_par": "Publié par", "editeur": "Nom de l’auteur", "evenement": "Événement",
    "etapes": "Étapes", "page": "Page", "section": "Section", "duree": "Durée",
    "notes": "Notes pour l’animateur",

    "obligations": "Obligations", "financements": "Financements",
    "explication": "Explication", "concerne": "Concerne", "seuil_population": "Seuil d’habitants",
    "seuil_population_epci": "Seuil d’habitants (intercommunalité)",
    "seuil_agents": "Seuil d’agents", "echeance": "Échéance", "statut": "Statut",
    "a_verifier": "À vérifier", "beneficiaires": "Bénéficiaires",
    "eligibilite": "Éligibilité", "population_min": "Habitants au moins",
    "population_max": "Habitants au plus", "condition": "Condition", "periode": "Période",
    "contexte": "Contexte", "enjeux": "Enjeux pour une ville moyenne",
    "points_de_reussite": "Points de réussite", "competences": "Compétences internes",
    "guides": "Guides", "recherche_aides": "Recherche Aides-territoires",
}
# Fields whose value is one of a fixed list (an « enum » in the schema): value → label.
CHOICES = {"publie_par": PUBLIE_PAR}
LONG_TEXTS = {"resume", "description", "definition", "introduction", "texte", "en_quoi",
              "notes", "explication", "contexte", "enjeux", "a_verifier"}


def _pillars() -> dict[str, Any]:
    return {"collection": "piliers", "file": "piliers", "value_field": "piliers.*.id",
            "search_fields": ["piliers.*.nom"], "display_fields": ["piliers.*.nom"]}


def _cases() -> dict[str, Any]:
    return {"collection": "cas", "value_field": "{{slug}}", "search_fields": ["ville"],
            "display_fields": ["ville"]}


def _types() -> dict[str, Any]:
    return {"collection": "documents", "file": "types-documents", "value_field": "types.*.id",
            "search_fields": ["types.*.nom"], "display_fields": ["types.*.nom"]}


def _axes() -> dict[str, Any]:
    return {"collection": "diagnostic", "file": "diagnostic", "value_field": "axes.*.id",
            "search_fields": ["axes.*.nom"], "display_fields": ["axes.*.nom"]}


def _questions() -> dict[str, Any]:
    return {"collection": "diagnostic", "file": "diagnostic", "value_field": "questions.*.id",
            "search_fields": ["questions.*.texte"], "display_fields": ["questions.*.id"]}


# (kind, field path) → the list a value is picked from. A list of objects (a case
# referenced with a comment) takes its pick from the same rule on its ``id``.
RELATIONS = {
    ("cas", "piliers"): _pillars, ("specificite", "cas"): _cases,
    ("cas", "documents.type"): _types, ("documents", "documents.type"): _types,
    ("diagnostic", "questions.axe"): _axes, ("diagnostic", "recommandations.axe"): _axes,
    ("obligations", "obligations.axe"): _axes, ("obligations", "obligations.questions"): _questions,
    ("financements", "financements.axes"): _axes,
}


class _Fields:
    """Decap fields for the properties of one JSON Schema (``kind`` names relations)."""

    def __init__(self, kind: str, root: dict[str, Any]):
        self.kind, self.definitions = kind, root.get("definitions", {})

    def of(self, node: dict[str, Any], path: str = "") -> list[dict[str, Any]]:
        required = set(node.get("required", []))
        return [self.field(name, prop, name in required, f"{path}{name}")
                for name, prop in node.get("properties", {}).items()]

    def field(self, name: str, prop: dict[str, Any], required: bool,
              path: str) -> dict[str, Any]:
        prop = resolve(prop, self.definitions)
        field: dict[str, Any] = {"name": name,
                                 "label": LABELS.get(name, name.replace("_", " ").capitalize())}
        if not required:
            field["required"] = False
        if prop.get("description"):
            field["hint"] = prop["description"]
        relation = RELATIONS.get((self.kind, path))
        return {**field, **self.widget(name, prop, path, relation, not required)}

    def widget(self, name: str, prop: dict[str, Any], path: str, relation,
               optional: bool = False) -> dict[str, Any]:
        kind = prop.get("type")
        if kind == "array":
            return self.array(name, prop, path, relation)
        if relation is not None:
            return {"widget": "relation", **relation()}
        if kind == "object":
            fields = self.of(prop, f"{path}.")
            if optional:  # left empty, the block is dropped; half filled, make check says it
                fields = [{**f, "required": False} for f in fields]
            return {"widget": "object", "collapsed": False, "fields": fields}
        if "enum" in prop:
            names = CHOICES.get(name, {})
            return {"widget": "select", "options": [{"label": names.get(value, value),
                                                     "value": value} for value in prop["enum"]]}
        if kind == "integer":
            return _number(prop)
        if kind == "boolean":
            return {"widget": "boolean", "default": False}
        widget: dict[str, Any] = {"widget": "text" if name in LONG_TEXTS else "string"}
        if prop.get("pattern"):
            widget["pattern"] = [prop["pattern"], _pattern_help(name, prop["pattern"])]
        return widget

    def array(self, name: str, prop: dict[str, Any], path: str, relation) -> dict[str, Any]:
        items = resolve(prop.get("items", {}), self.definitions)
        bounds = {key: prop[source] for key, source in (("min", "minItems"), ("max", "maxItems"))
                  if source in prop}
        if relation is not None and items.get("type") != "object":
            return {"widget": "relation", "multiple": True, **bounds, **relation()}
        widget: dict[str, Any] = {"widget": "list", **bounds}
        if items.get("type") == "object":
            widget["collapsed"] = False
            widget["fields"] = self.of(items, f"{path}.")
            if relation is not None:  # [{id, …}]: the id is picked from the list
                widget["fields"] = [{**f, "widget": "relation", **relation()}
                                    if f["name"] == "id" else f for f in widget["fields"]]
        else:
            widget["field"] = {"name": name, "label": LABELS.get(name, name),
                               **self.widget(name, items, path, None)}
        return widget


def _number(prop: dict[str, Any]) -> dict[str, Any]:
    widget: dict[str, Any] = {"widget": "number", "value_type": "int"}
    if "minimum" in prop:
        widget["min"] = prop["minimum"]
    elif "exclusiveMinimum" in prop:
        widget["min"] = prop["exclusiveMinimum"] + 1
    if "maximum" in prop:
        widget["max"] = prop["maximum"]
    return widget


def _pattern_help(name: str, pattern: str) -> str:
    if pattern.startswith("^https?"):
        return "adresse web attendue, commençant par http:// ou https://"
    if name == "date":
        return "date attendue sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ"
    if name == "duree":
        return durations.EXPECTED
    if pattern == r"^\d{5}$" or name.startswith("code_"):
        return "code attendu (chiffres)"
    return "identifiant attendu : minuscules sans accent, chiffres et tirets"


# Markdown as typed: Decap's rich-text mode rewrites the body through its own
# serialiser (a typed « ## » comes back escaped as « \#\# », lists change markers),
# so only the raw mode is offered; the preview pane beside the form shows the result.
BODY = {"name": "body", "label": "Texte de la page", "widget": "markdown", "modes": ["raw"],
        "hint": "Le texte de la page, en Markdown : « ## Titre » pour un titre de section, "
                "« - » en début de ligne pour une liste, [texte](adresse) pour un lien. "
                "L’aperçu à droite montre le résultat."}


def _folder(name: str, kind: str, label: str, singular: str, identifier: str) -> dict:
    fields = _Fields(kind, schema(kind))
    return {"name": name, "label": label, "label_singular": singular,
            "folder": f"content/{name}", "extension": "md", "format": "frontmatter",
            "create": True, "slug": f"{{{{{identifier}}}}}", "identifier_field": identifier,
            "summary": f"{{{{{identifier}}}}}",
            "fields": fields.of(schema(kind)) + [BODY]}


def _yaml_folder(name: str, kind: str, label: str, singular: str, identifier: str) -> dict:
    """A folder of YAML files, one entry each (the parcours)."""
    return {"name": name, "label": label, "label_singular": singular,
            "folder": f"content/{name}", "extension": "yml", "format": "yml",
            "create": True, "slug": f"{{{{{identifier}}}}}", "identifier_field": identifier,
            "summary": f"{{{{{identifier}}}}}", "fields": _Fields(kind, schema(kind)).of(
                schema(kind))}


def _list_file(path: str, kind: str, label: str) -> dict[str, Any]:
    """A list file, edited as one list field under its ``ROOT_LISTS`` key."""
    root = schema(kind)
    key = ROOT_LISTS[path]
    name = Path(path).stem
    fields = _Fields(kind if kind != "types-documents" else "types", root)
    wrapped = {"type": "object", "required": [key],
               "properties": {key: {**{k: v for k, v in root.items()
                                       if k not in ("$schema", "title", "definitions")},
                                    "description": root["title"]}},
               "definitions": root.get("definitions", {})}
    fields.definitions = wrapped["definitions"]
    return {"name": name, "label": label, "file": path, "format": "yml",
            "fields": fields.of(wrapped)}


def _theme_folder() -> dict[str, Any]:
    """Thematic sheets: one YAML file per axis, named by the axis id (no new file from
    the form: a sheet follows a new axis of the questionnaire)."""
    return {"name": "themes", "label": "Fiches thématiques", "label_singular": "Fiche thématique",
            "folder": "content/themes", "extension": "yml", "format": "yml", "create": False,
            "identifier_field": "contexte", "summary": "{{filename}}",
            "fields": _Fields("theme", schema("theme")).of(schema("theme"))}


LOCAL = {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}


def config(backend: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole Decap configuration: for editing ``content/`` of this machine, or,
    given a forge's ``backend`` block (``vmi.editor.forge``), for the published site."""
    diagnostic = _Fields("diagnostic", schema("diagnostic"))
    # `make editer` serves this file with the local server's full address in place of
    # `local_backend: true` (Decap wants a full URL; the port is the preview's).
    where: dict[str, Any] = ({"backend": LOCAL, "local_backend": True} if backend is None
                             else {"backend": backend})
    return {
        "locale": "fr",
        **where,
        "publish_mode": "simple",
        "media_folder": "content/documents",
        "public_folder": "/documents",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            _folder("cas", "cas", "Démarches", "Démarche", "ville"),
            _folder("specificites", "specificite", "Spécificités", "Spécificité", "titre"),
            {"name": "glossaire", "label": "Glossaire", "files": [
                _list_file("content/glossaire.yml", "glossaire", "Glossaire")]},
            {"name": "piliers", "label": "Piliers", "files": [
                _list_file("content/piliers.yml", "piliers", "Piliers")]},
            {"name": "documents", "label": "Documents", "files": [
                _list_file("content/documents.yml", "documents", "Documents communs"),
                _list_file("content/types-documents.yml", "types-documents",
                           "Types de documents")]},
            {"name": "obligations", "label": "Obligations et financements", "files": [
                _list_file("content/obligations.yml", "obligations", "Obligations légales"),
                _list_file("content/financements.yml", "financements", "Financements")]},
            _theme_folder(),
            {"name": "diagnostic", "label": "Auto-diagnostic", "files": [
                {"name": "diagnostic", "label": "Questionnaire", "file": "content/diagnostic.yml",
                 "format": "yml", "fields": diagnostic.of(schema("diagnostic"))}]},
            _yaml_folder("parcours", "parcours", "Parcours", "Parcours", "titre"),
        ],
    }


HEADER = ("# Configuration du formulaire d’édition (Decap CMS), générée par `make schemas`\n"
          "# depuis hooks/vmi/model/models.py : ne pas modifier à la main.\n")


def render(backend: dict[str, Any] | None = None) -> str:
    return HEADER + yaml.safe_dump(config(backend), allow_unicode=True, sort_keys=False,
                                   width=100)


def write(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    return path
