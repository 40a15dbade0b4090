"""French messages for pydantic validation errors, located with the file's lines."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from vmi.core.errors import ContentError
from vmi.core.source import Located, Location, field_name

_MESSAGES = {
    "missing": "champ obligatoire manquant",
    "string_type": "doit être un texte",
    "int_type": "doit être un nombre entier",
    "bool_type": "doit valoir true ou false",
    "list_type": "doit être une liste (lignes commençant par « - »)",
    "dict_type": "doit être un bloc de champs (nom : valeur)",
    "model_type": "doit être un bloc de champs (nom : valeur)",
    "model_attributes_type": "doit être un bloc de champs (nom : valeur)",
    "string_too_short": "ne doit pas être vide",
    "string_pattern_mismatch": "identifiant attendu : minuscules sans accent, chiffres et "
                               "tirets (ex. « bien-etre »)",
    "int_from_float": "doit être un nombre entier",
}


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "too_short":
        return "la liste ne doit pas être vide" if ctx.get("min_length") == 1 else (
            f"au moins {ctx.get('min_length')} éléments attendus")
    if kind == "too_long":
        return f"au plus {ctx.get('max_length')} éléments attendus"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return _bound(kind, ctx)
    if kind == "literal_error":  # ctx: "'ville', 'presse' or 'autre'"
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"valeur attendue parmi : {expected}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"valeur refusée ({error['msg']})"


def _bound(kind: str, ctx: dict[str, Any]) -> str:
    words = {"greater_than": ("être supérieur à", "gt"),
             "greater_than_equal": ("valoir au moins", "ge"),
             "less_than": ("être inférieur à", "lt"), "less_than_equal": ("valoir au plus", "le")}
    text, key = words[kind]
    return f"doit {text} {ctx.get(key)}"


def _unknown_field(name: str, model: type[BaseModel] | None) -> str:
    message = "champ inconnu"
    if model is not None:
        close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.6)
        if close:
            return f"{message} ; vouliez-vous dire « {close[0]} » ?"
        return f"{message} (champs possibles : {', '.join(model.model_fields)})"
    return message


def _model_at(model: type[BaseModel], loc: Location) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc`` (to suggest its fields)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def validation_errors(exc: ValidationError, located: Located, model: type[BaseModel],
                      prefix: Location = ()) -> list[ContentError]:
    """Map each pydantic error to ``path:line: field: message`` using the file's lines.

    ``prefix`` only names the field (``quiz.reponses``); lines come from ``located``.
    """
    errors = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden":
            message = _unknown_field(str(loc[-1]), _model_at(model, loc))
        else:
            message = _message(error)
        name = field_name(prefix + loc)
        errors.append(ContentError(located.path, located.line(loc), name, message))
    return errors
