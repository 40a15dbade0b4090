"""Files between ``content/`` and the form editor: wrapped for the form, tidied for disk.

Reading, a list file (``piliers.yml``) reaches the form as one field holding the list
(``cms.ROOT_LISTS``). Writing, every file the form saves is rewritten in the layout a
person writes (``vmi.editor.layout``): fields in the models' order, empty optional fields
dropped, the quotes the file had around plain texts kept, and the comments of the file
on disk put back where they were (``vmi.editor.comments``).
"""

from __future__ import annotations

import json
import re

import yaml

from vmi.editor.cms import ROOT_LISTS
from vmi.editor.comments import carry
from vmi.editor.layout import dump, quoted_texts, tidy
from vmi.editor.schemas import schema

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*\n?(.*)\Z", re.S | re.M)
_FOLDERS = {"content/cas/": ("cas", ".md"), "content/specificites/": ("specificite", ".md"),
            "content/parcours/": ("parcours", ".yml")}
_FILES = {"content/diagnostic.yml": "diagnostic", "content/piliers.yml": "piliers",
          "content/glossaire.yml": "glossaire", "content/documents.yml": "documents",
          "content/types-documents.yml": "types-documents",
          "content/obligations.yml": "obligations", "content/financements.yml": "financements"}
_YAML_FOLDERS = {"content/themes/": "theme"}


def _kind(path: str) -> str | None:
    for folder, (kind, suffix) in _FOLDERS.items():
        if path.startswith(folder) and path.endswith(suffix) and "/" not in path[len(folder):]:
            return kind
    for folder, kind in _YAML_FOLDERS.items():
        if path.startswith(folder) and path.endswith(".yml") and "/" not in path[len(folder):]:
            return kind
    return _FILES.get(path)


def for_form(path: str, text: str | None) -> str | None:
    """The file as the form reads it: a list file becomes ``{key: [...]}`` (JSON is
    YAML); anything else is passed on as it is."""
    if text is None or path not in ROOT_LISTS:
        return text
    try:
        items = yaml.safe_load(text)
    except yaml.YAMLError:
        return text  # the form shows it empty; make check names the problem
    return json.dumps({ROOT_LISTS[path]: items if isinstance(items, list) else []},
                      ensure_ascii=False)


def for_disk(path: str, text: str, previous: str | None) -> str:
    """The file as it is written to ``content/``: tidied, list files unwrapped.
    ``previous`` is the file on disk before (its comments are kept)."""
    kind = _kind(path)
    if kind is None:
        return text
    root = schema(kind)
    definitions = root.get("definitions", {})
    if path.endswith(".md"):
        match = _FRONT_MATTER.match(text)
        if not match:
            return text
        fields = yaml.safe_load(match[1]) or {}
        body = match[2].strip("\n")
        before = _FRONT_MATTER.match(previous or "")
        front = dump(tidy(fields, root, definitions), quoted_texts(before[1] if before else None))
        if before:
            front = carry(before[1], front)
        return f"---\n{front}---\n" + (f"\n{body}\n" if body else "")
    data = yaml.safe_load(text)
    if path in ROOT_LISTS and isinstance(data, dict):
        data = data.get(ROOT_LISTS[path]) or []
    text = dump(tidy(data, root, definitions), quoted_texts(previous))
    return carry(previous, text) if previous else text
