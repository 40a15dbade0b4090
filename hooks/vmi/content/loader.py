"""Load every content file into typed objects, collecting all errors of the run."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import RootModel, ValidationError

from vmi.content import checks, documents, obligations, parcours, territory_checks, themes
from vmi.content.embeds import check_embeds
from vmi.content.entries import Content, Entry, M
from vmi.content.links import site_pages
from vmi.content.parcours import Parcours
from vmi.content.quiz import find_quizzes
from vmi.content.video import find_videos
from vmi.core.errors import ContentError, ContentErrors
from vmi.core.messages import validation_errors
from vmi.core.slugs import SLUG_PATTERN, slugify
from vmi.core.source import ContentFileError, Located, parse_front_matter, parse_yaml, read_text
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


class _Run:
    """One loading pass: accumulates errors instead of stopping at the first."""

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []
        self.files: list[str] = []
        self.found: dict[str, set[str]] = {}
        self.rejected: dict[str, list[Located]] = {}  # per folder: files that failed validation

    def label(self, path: Path) -> str:
        return path.relative_to(self.root.parent).as_posix()

    def read(self, path: Path, markdown: bool) -> Located | None:
        label = self.label(path)
        self.files.append(label)
        try:
            text = read_text(path, label)
            return parse_front_matter(text, label) if markdown else parse_yaml(text, label)
        except ContentFileError as exc:
            self.errors.extend(exc.errors)
            return None

    def validate(self, located: Located, model: type[M]) -> M | None:
        try:
            return model.model_validate(located.data)
        except ValidationError as exc:
            self.errors.extend(validation_errors(exc, located, model))
            return None

    def error(self, located: Located, loc: tuple, field: str, message: str) -> None:
        self.errors.append(ContentError(located.path, located.line(loc), field, message))


def _yaml_list(run: _Run, path: Path, model: type[M]) -> tuple[list[M], Located | None]:
    """Items of a YAML list file; ``None`` as the file when it is missing or invalid."""
    if not path.exists():
        return [], None
    located = run.read(path, markdown=False)
    if located is None:
        return [], None
    items = run.validate(located, RootModel[list[model]])  # type: ignore[valid-type]
    return (list(items.root), located) if items else ([], None)


def _entries(run: _Run, folder: Path, model: type[M], markdown: bool = True) -> list[Entry[M]]:
    """One entry per file of ``folder``: Markdown with front matter, or YAML (parcours)."""
    entries = []
    suffix = ".md" if markdown else ".yml"
    paths = sorted(folder.glob(f"*{suffix}")) if folder.is_dir() else []
    if folder.exists() and not folder.is_dir():
        run.errors.append(ContentError(run.label(folder), None, None, "c’est un fichier, un "
                                       "dossier est attendu à cet endroit : renommez-le"))
    run.found[folder.name] = {path.stem for path in paths}
    for path in paths:
        located = run.read(path, markdown=markdown)
        if located is None:
            continue
        slug = path.stem
        if not re.match(SLUG_PATTERN, slug):
            run.errors.append(ContentError(located.path, 1, None, "nom de fichier invalide : "
                              "minuscules sans accent, chiffres et tirets ; renommez-le "
                              f"« {slugify(slug) or 'saint-quentin'}{suffix} »"))
            continue
        if markdown:
            _check_body(run, located, f"{folder.name}/{slug}.md")
        item = run.validate(located, model)
        if item is not None:
            entries.append(Entry(slug, item, located))
        else:
            run.rejected.setdefault(folder.name, []).append(located)
    return entries


def _yaml_entries(run: _Run, folder: Path, model: type[M]) -> list[Entry[M]]:
    """One YAML file per item (``themes/donnees.yml``), named by its slug."""
    entries = []
    paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    run.found[folder.name] = {path.stem for path in paths}
    for path in paths:
        located = run.read(path, markdown=False)
        if located is None:
            continue
        if not re.match(SLUG_PATTERN, path.stem):
            run.errors.append(ContentError(located.path, 1, None, "nom de fichier invalide : "
                              "minuscules sans accent, chiffres et tirets ; renommez-le "
                              f"« {slugify(path.stem) or 'donnees'}.yml »"))
            continue
        item = run.validate(located, model)
        if item is not None:
            entries.append(Entry(path.stem, item, located))
    return entries


def _check_body(run: _Run, located: Located, page: str) -> None:
    """Quiz and video blocks and embeds of a Markdown body, whose page is ``page``."""
    run.errors.extend(find_quizzes(located.body, located.path, located.body_line)[1])
    run.errors.extend(find_videos(located.body, located.path, located.body_line)[1])
    run.errors.extend(check_embeds(located.body, located.path, page, located.body_line))


def _check_diagnostic_texts(run: _Run, located: Located) -> None:
    """The Markdown of diagnostic.yml: its introduction, and the recommendations that the
    page script shows."""
    data = located.data if isinstance(located.data, dict) else {}
    texts: list[tuple[tuple[str | int, ...], Any]] = [(("introduction",), data.get("introduction"))]
    recommandations = data.get("recommandations")
    if isinstance(recommandations, list):
        texts += [(("recommandations", index, "texte"), item.get("texte"))
                  for index, item in enumerate(recommandations) if isinstance(item, dict)]
    for loc, text in texts:
        if isinstance(text, str):
            line = located.line(loc) + (1 if "\n" in text.strip() else 0)  # a | block
            run.errors.extend(check_embeds(text, located.path, "diagnostic.md", line))


def load_content(root: Path, docs_pages: Iterable[str] = (), docs: Path | None = None
                 ) -> Content:
    """Read and check ``root`` (the ``content/`` folder); raise ``ContentErrors`` on any error.

    ``docs_pages`` are the hand-written pages (``a-propos.md``…) that links may target;
    given their folder ``docs``, the sections that parcours name in them are checked too.
    """
    run = _Run(root)
    content = Content(root)
    content.piliers, piliers_file = _yaml_list(run, root / "piliers.yml", Pilier)
    content.glossaire, glossaire_file = _yaml_list(run, root / "glossaire.yml", Terme)
    content.specificites = sorted(_entries(run, root / "specificites", Specificite),
                                  key=lambda e: (e.model.ordre, e.slug))
    # French order (as localeCompare "fr"): letters first, accents only to break a tie;
    # by code point « Béthune » came after « Boulogne-sur-Mer ».
    content.cas = sorted(_entries(run, root / "cas", Cas),
                         key=lambda e: (slugify(e.model.ville), e.model.ville, e.slug))
    content.territoires, errors = territory_checks.resolve_territories(content.cas)
    run.errors.extend(errors)
    diagnostic_file = None
    if (root / "diagnostic.yml").exists():
        diagnostic_file = run.read(root / "diagnostic.yml", markdown=False)
        if diagnostic_file is not None:
            _check_diagnostic_texts(run, diagnostic_file)
            content.diagnostic = run.validate(diagnostic_file, Diagnostic)
    content.types_documents, types_file = _yaml_list(run, root / "types-documents.yml",
                                                     TypeDocument)
    content.documents, documents_file = _yaml_list(run, root / "documents.yml", Document)
    content.parcours = _entries(run, root / "parcours", Parcours, markdown=False)
    content.obligations, obligations_file = _yaml_list(run, root / "obligations.yml",
                                                       Obligation)
    content.financements, financements_file = _yaml_list(run, root / "financements.yml",
                                                         Financement)
    content.themes = _yaml_entries(run, root / themes.FOLDER, FicheThematique)
    content.files = run.files
    content.found = run.found
    # Read from the files, so pages of invalid files count as existing: their own error
    # is enough.
    pages = site_pages(root, docs_pages)
    references = checks.cross_references(content, pages, piliers_file, glossaire_file,
                                         diagnostic_file, run.rejected, run.errors)
    replaced = {(error.path, error.field) for error in references}  # with a suggestion
    run.errors = [e for e in run.errors if (e.path, e.field) not in replaced] + references
    markdown = parcours.docs_markdown(docs, docs_pages) if docs else {}
    for located in [e.located for e in content.parcours] + run.rejected.get("parcours", []):
        run.errors.extend(parcours.page_errors(located, pages, markdown))
    types_broken = types_file is None and (root / "types-documents.yml").exists()
    errors, content.warnings = documents.check_documents(content, documents_file,
                                                         check_types=not types_broken)
    if types_file:
        errors += checks.duplicates(types_file, (t.id for t in content.types_documents), (),
                                    "id", "identifiant")
    run.errors.extend(errors)
    run.errors += obligations.check(content, obligations_file, financements_file)
    run.errors += themes.check(content, run.found.get(themes.FOLDER, set()))
    if run.errors:
        raise ContentErrors(run.errors)
    for located in [e.located for e in content.cas] + [e.located for e in content.specificites]:
        located.release()
    return content
