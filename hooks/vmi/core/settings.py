"""The project's own settings, declared under ``extra.vmi`` in ``mkdocs.yml``.

Everything an organisation may change without touching code and that the hooks would
otherwise hard-code: where the content is, the titles of the sections, how many pages
a navigation section lists, where build caches go. Checked like a content file:
``mkdocs.yml:LINE: extra.vmi.champ: message``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from vmi.core.errors import ContentError, ContentErrors
from vmi.core.messages import validation_errors
from vmi.core.source import ContentFileError, Located, field_name, parse_yaml, read_text

CONFIG_FILE = "mkdocs.yml"
WHERE = ("extra", "vmi")
CACHE_ROOT = ".cache"


def _folder_name(value: str) -> str:
    if not value or "/" in value or "\\" in value or value in (".", ".."):
        raise ValueError("nom d’un dossier à la racine du projet attendu (ex. « content »)")
    return value


def _cache_folder(value: str) -> str:
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or path.parts[:1] != (CACHE_ROOT,):
        raise ValueError(f"dossier sous « {CACHE_ROOT}/ » attendu (ex. « {CACHE_ROOT} » ou "
                         f"« {CACHE_ROOT}/vmi ») : Git l’ignore et on peut le supprimer")
    return path.as_posix()


Title = Annotated[str, Field(min_length=1)]


class Sections(BaseModel):
    """Titres des rubriques ; sans valeur, celui de ``vmi.content.registry``. A typo is an
    unknown field, with a suggestion, at its own line."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    piliers: Title | None = None
    glossaire: Title | None = None
    specificites: Title | None = None
    cas: Title | None = None
    bibliotheque: Title | None = None
    parcours: Title | None = None
    obligations: Title | None = None
    themes: Title | None = None


class Settings(BaseModel):
    """Réglages du site (``extra.vmi`` dans mkdocs.yml) ; tous ont une valeur par défaut."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    contenu: Annotated[str, AfterValidator(_folder_name)] = Field(
        "content", description="Dossier des contenus, à la racine du projet.")
    rubriques: Sections = Field(default_factory=Sections,
                                description="Titres des rubriques générées (par défaut : "
                                "ceux de vmi.content.registry).")
    navigation_max: int = Field(40, ge=1, description="Au-delà de ce nombre de pages, une "
                                "rubrique n’énumère plus ses pages dans la navigation.")
    cache: Annotated[str, AfterValidator(_cache_folder)] = Field(
        CACHE_ROOT, description="Dossier des caches de construction, sous .cache/.")
    # Checked by vmi.editor.forge, the one module that knows forges (hooks/editor_publish.py).
    editeur: Any = Field(None, description="Éditeur en formulaire sur le site publié "
                         "(forge, depot, branche…) ; absent : pas d’éditeur en ligne.")

    @property
    def titles(self) -> dict[str, str]:
        """The renamed sections only, by key (``{"cas": "Nos démarches"}``)."""
        return self.rubriques.model_dump(exclude_none=True)

    def content_dir(self, project: Path) -> Path:
        return project / self.contenu

    def cache_dir(self, project: Path) -> Path:
        return project / self.cache


def settings(raw: Any, config_file: Path | None = None) -> Settings:
    """``extra.vmi`` as MkDocs read it, checked; ``config_file`` (mkdocs.yml) is read
    again only on error, to give each problem its line.

    Raises ``ContentErrors`` with one French line per problem."""
    label = config_file.name if config_file else CONFIG_FILE
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ContentErrors([ContentError(label, _lines(config_file).line(WHERE),
                                          field_name(WHERE), "doit être un bloc de champs "
                                          "(nom : valeur)")])
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        located = _lines(config_file)
        inner = Located(label, raw, {loc[len(WHERE):]: line
                                     for loc, line in located.lines.items()
                                     if loc[:len(WHERE)] == WHERE})
        raise ContentErrors(validation_errors(exc, inner, Settings, WHERE)) from None


def _lines(config_file: Path | None) -> Located:
    """``mkdocs.yml`` with the line of every value (no lines if it cannot be read)."""
    if config_file is None:
        return Located(CONFIG_FILE, None)
    try:
        return parse_yaml(read_text(config_file, config_file.name), config_file.name)
    except (ContentFileError, OSError):
        return Located(config_file.name, None)


def read_settings(project: Path) -> Settings:
    """The settings of the project whose ``mkdocs.yml`` is in ``project`` (for ``vmi``)."""
    config_file = project / CONFIG_FILE
    located = _lines(config_file)
    extra = located.data.get("extra") if isinstance(located.data, dict) else None
    return settings(extra.get("vmi") if isinstance(extra, dict) else None, config_file)
