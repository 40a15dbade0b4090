"""What the content folder holds once read: ``Content`` and its Markdown ``Entry`` files.

A module of its own so that the loader, the checks, the library and the page planner
all import these types from here, and none of them from another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from vmi.content.registry import planned_paths
from vmi.core.errors import ContentError
from vmi.core.source import Located
from vmi.model.models import (
    Cas,
    Diagnostic,
    Document,
    FicheThematique,
    Financement,
    Obligation,
    Pilier,
    Specificite,
    Terme,
    TypeDocument,
)
from vmi.territories.official import Territory

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[M]):
    """A Markdown content file: its slug, validated front matter and Markdown body."""

    slug: str
    model: M
    located: Located

    @property
    def path(self) -> str:
        return self.located.path

    @property
    def body(self) -> str:
        return self.located.body


@dataclass
class Content:
    """Everything under ``content/``, validated and cross-checked."""

    root: Path
    piliers: list[Pilier] = field(default_factory=list)
    specificites: list[Entry[Specificite]] = field(default_factory=list)
    cas: list[Entry[Cas]] = field(default_factory=list)
    glossaire: list[Terme] = field(default_factory=list)
    diagnostic: Diagnostic | None = None
    types_documents: list[TypeDocument] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)  # not tied to one case
    parcours: list[Entry[Any]] = field(default_factory=list)  # Entry[Parcours], talks
    territoires: dict[str, Territory] = field(default_factory=dict)  # by case slug
    obligations: list[Obligation] = field(default_factory=list)
    financements: list[Financement] = field(default_factory=list)
    themes: list[Entry[FicheThematique]] = field(default_factory=list)  # slug = axis id
    files: list[str] = field(default_factory=list)
    # Problems that do not stop the build (a heavy document…); --strict makes them fail.
    warnings: list[ContentError] = field(default_factory=list)
    # Slugs of every file found, valid or not, so one broken file does not make every
    # reference to it an error too.
    found: dict[str, set[str]] = field(default_factory=dict)

    def cas_for_pilier(self, pilier_id: str) -> list[Entry[Cas]]:
        return [entry for entry in self.cas if pilier_id in entry.model.piliers]

    def generated_pages(self) -> set[str]:
        """Source paths (MkDocs ``src_uri``) of the pages built from this content."""
        return planned_paths(self.root)
