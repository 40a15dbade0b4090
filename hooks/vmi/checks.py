"""Checks across files: references to pillars, cases, axes and pages; duplicate ids."""

from __future__ import annotations

from typing import Iterable

from .errors import ContentError
from .loader import Content
from .source import Located, field_name


def page_for_link(ref: str) -> str:
    """``cas/bethune`` or ``a-propos.md`` → the MkDocs source path ``cas/bethune.md``."""
    ref = ref.strip().strip("/")
    return ref if ref.endswith(".md") else f"{ref}.md"


def duplicates(located: Located, values: Iterable[str], loc: tuple, key: str,
               what: str) -> list[ContentError]:
    """An error for each repeated value of ``key`` in the list at ``loc``, naming the line
    of its first use."""
    seen: dict[str, int] = {}
    errors = []
    for index, value in enumerate(values):
        where = loc + (index, key)
        if value in seen:
            errors.append(ContentError(located.path, located.line(where), field_name(where),
                                       f"{what} « {value} » déjà utilisé ligne {seen[value]}"))
        else:
            seen[value] = located.line(where)
    return errors


def _same_across_files(entries, key: str, message: str) -> list[ContentError]:
    """One value per file (a town, a position): the later file is told which one has it."""
    first: dict[object, str] = {}
    errors = []
    for entry in sorted(entries, key=lambda e: e.path):
        value = getattr(entry.model, key)
        if value in first:
            errors.append(ContentError(entry.path, entry.located.line((key,)), key,
                                       message.format(value=value, other=first[value])))
        else:
            first[value] = entry.path
    return errors


def _unknown(located: Located, loc: tuple, value: str, known: Iterable[str],
             what: str) -> ContentError:
    choices = ", ".join(sorted(known)) or "aucun"
    return ContentError(located.path, located.line(loc), field_name(loc),
                        f"{what} inconnu « {value} » (connus : {choices})")


def cross_references(content: Content, pages: set[str], piliers_file: Located | None,
                     glossaire_file: Located | None,
                     diagnostic_file: Located | None) -> list[ContentError]:
    """Every reference between files, checked once all files are read."""
    errors: list[ContentError] = []
    if piliers_file:
        errors += duplicates(piliers_file, (p.id for p in content.piliers), (), "id",
                              "identifiant")
    if glossaire_file:
        errors += duplicates(glossaire_file, (t.terme for t in content.glossaire), (),
                              "terme", "terme")
    errors += _same_across_files(content.cas, "ville", "« {value} » a déjà sa page : "
                                 "{other} (complétez-la plutôt)")
    errors += _same_across_files(content.specificites, "ordre", "la position {value} est "
                                 "déjà prise par {other} : choisissez un autre numéro")
    pilier_ids = {p.id for p in content.piliers}
    cas_slugs = content.found.get("cas", set())
    for entry in content.cas if piliers_file else []:  # a broken piliers.yml says it itself
        for index, pilier in enumerate(entry.model.piliers):
            if pilier not in pilier_ids:
                errors.append(_unknown(entry.located, ("piliers", index), pilier, pilier_ids,
                                       "pilier"))
    for entry in content.specificites:
        for index, slug in enumerate(entry.model.cas):
            if slug not in cas_slugs:
                errors.append(_unknown(entry.located, ("cas", index), slug, cas_slugs,
                                       "cas"))
    if content.diagnostic and diagnostic_file:
        errors += _diagnostic(content, diagnostic_file, pages)
    return errors


def references_in_rejected(rejected: dict[str, list[Located]], content: Content,
                           piliers_file: Located | None,
                           reported: list[ContentError]) -> list[ContentError]:
    """Pillars of cases and cases of specificities in files that failed validation, read
    from their raw data: the editor learns of an unknown pillar in the same run as the
    file's other errors, not after fixing them. Fields already reported are skipped."""
    taken = {(error.path, error.field) for error in reported}
    targets = [("cas", "piliers", {p.id for p in content.piliers}, "pilier", bool(piliers_file)),
               ("specificites", "cas", content.found.get("cas", set()), "cas", True)]
    errors = []
    for folder, key, known, what, checkable in targets:
        for located in rejected.get(folder, []) if checkable else []:
            values = located.data.get(key) if isinstance(located.data, dict) else None
            for index, value in enumerate(values if isinstance(values, list) else []):
                loc = (key, index)
                if (isinstance(value, str) and value not in known
                        and (located.path, field_name(loc)) not in taken):
                    errors.append(_unknown(located, loc, value, known, what))
    return errors


def _diagnostic(content: Content, located: Located, pages: set[str]) -> list[ContentError]:
    diagnostic = content.diagnostic
    assert diagnostic is not None
    errors = duplicates(located, (a.id for a in diagnostic.axes), ("axes",), "id", "axe")
    errors += duplicates(located, (q.id for q in diagnostic.questions), ("questions",), "id",
                          "identifiant")
    errors += _levels(diagnostic, located)
    axes = {a.id for a in diagnostic.axes}
    for kind, items in (("questions", diagnostic.questions),
                        ("recommandations", diagnostic.recommandations)):
        for index, item in enumerate(items):
            if item.axe not in axes:
                errors.append(_unknown(located, (kind, index, "axe"), item.axe, axes, "axe"))
    for index, reco in enumerate(diagnostic.recommandations):
        for link_index, ref in enumerate(reco.liens):
            if page_for_link(ref) not in pages:
                loc = ("recommandations", index, "liens", link_index)
                errors.append(ContentError(located.path, located.line(loc), field_name(loc),
                                           f"la page « {ref} » n’existe pas"))
    asked = {q.axe for q in diagnostic.questions}
    for index, axe in enumerate(diagnostic.axes):
        if axe.id not in asked:
            loc = ("axes", index, "id")
            errors.append(ContentError(located.path, located.line(loc), field_name(loc),
                                       f"aucune question pour l’axe « {axe.id} »"))
    return errors


def _levels(diagnostic, located: Located) -> list[ContentError]:
    errors = []
    previous = None
    for index, niveau in enumerate(diagnostic.niveaux):
        loc = ("niveaux", index, "min")
        if index == 0 and niveau.min != 0:
            errors.append(ContentError(located.path, located.line(loc), field_name(loc),
                                       "le premier niveau doit commencer à 0"))
        elif previous is not None and niveau.min <= previous:
            errors.append(ContentError(located.path, located.line(loc), field_name(loc),
                                       f"les niveaux doivent être croissants ({niveau.min} "
                                       f"après {previous})"))
        previous = niveau.min
    return errors
