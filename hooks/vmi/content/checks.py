"""Checks across files: references to pillars, cases, axes and pages; duplicate ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from vmi.content.entries import Content
from vmi.content.links import page_for_link
from vmi.core.errors import ContentError
from vmi.core.source import Located, field_name
from vmi.core.suggest import closest, unknown_message
from vmi.diagnostic.thresholds import threshold_errors


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
    return ContentError(located.path, located.line(loc), field_name(loc),
                        unknown_message(what, value, known))


def cross_references(content: Content, pages: set[str], piliers_file: Located | None,
                     glossaire_file: Located | None, diagnostic_file: Located | None,
                     rejected: dict[str, list[Located]],
                     reported: list[ContentError]) -> list[ContentError]:
    """Every reference between files, checked once all files are read.

    Pillars of cases and cases of specificities are also checked in the files that failed
    validation (``rejected``, per folder), from their raw data: the editor learns of an
    unknown pillar in the same run as the file's other errors. Fields already
    ``reported`` are skipped."""
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
    errors += case_source_references(content.cas)
    pilier_ids = {p.id for p in content.piliers}
    cas_slugs = content.found.get("cas", set())
    if piliers_file:  # a broken piliers.yml says it itself
        errors += _references(_lists(content.cas, rejected.get("cas", []), "piliers"),
                              "piliers", pilier_ids, "pilier", reported)
    errors += _references(_lists(content.specificites, rejected.get("specificites", []), "cas"),
                          "cas", cas_slugs, "cas", reported)
    if content.diagnostic and diagnostic_file:
        errors += _diagnostic(content, diagnostic_file, pages)
    return errors


def _lists(entries, rejected: list[Located], key: str) -> list[tuple[Located, list]]:
    """The ``key`` list of each valid entry, and of each rejected file where it is a list."""
    raw = [(located, located.data.get(key)) for located in rejected
           if isinstance(located.data, dict)]
    return ([(entry.located, getattr(entry.model, key)) for entry in entries]
            + [(located, values) for located, values in raw if isinstance(values, list)])


def _references(lists: list[tuple[Located, list]], key: str, known: set[str], what: str,
                reported: list[ContentError]) -> list[ContentError]:
    """Unknown ids in the lists; an item is an id or, like a specificity's cases, a
    block whose ``id`` field is one (``cas[1].id``). A field already reported (``Santé``
    is no identifier) is reported again only when a known one is close, the loader then
    keeping this one."""
    taken = {(error.path, error.field) for error in reported}
    errors = []
    for located, values in lists:
        for index, value in enumerate(values):
            loc: tuple = (key, index)
            if not isinstance(value, str):
                value = value.get("id") if isinstance(value, dict) else getattr(value, "id", None)
                loc += ("id",)
            if (isinstance(value, str) and value not in known
                    and ((located.path, field_name(loc)) not in taken
                         or closest(value, known) is not None)):
                errors.append(_unknown(located, loc, value, known, what))
    return errors


def _diagnostic(content: Content, located: Located, pages: set[str]) -> list[ContentError]:
    diagnostic = content.diagnostic
    assert diagnostic is not None
    errors = duplicates(located, (a.id for a in diagnostic.axes), ("axes",), "id", "axe")
    errors += duplicates(located, (q.id for q in diagnostic.questions), ("questions",), "id",
                          "identifiant")
    level_errors = _levels(diagnostic, located)
    # Thresholds are read against well-ordered levels only.
    errors += level_errors or threshold_errors(diagnostic, located)
    axes = {a.id for a in diagnostic.axes}
    for kind, named in (("questions", [q.axe for q in diagnostic.questions]),
                        ("recommandations", [r.axe for r in diagnostic.recommandations])):
        for index, axe_id in enumerate(named):
            if axe_id not in axes:
                errors.append(_unknown(located, (kind, index, "axe"), axe_id, axes, "axe"))
    for index, reco in enumerate(diagnostic.recommandations):
        for link_index, ref in enumerate(reco.liens):
            if page_for_link(ref) not in pages:
                loc = ("recommandations", index, "liens", link_index)
                errors.append(ContentError(located.path, located.line(loc), field_name(loc),
                                           f"la page « {ref} » n’existe pas"))
    # Cases that failed to load count too: their own error says what to mend, and the
    # advice linking them is not wrong.
    case_slugs = content.found.get("cas", set()) | {entry.slug for entry in content.cas}
    if case_slugs:  # a site without any case has no example to link
        errors += _recommendations_without_case(diagnostic, located, sorted(case_slugs))
    asked = {q.axe for q in diagnostic.questions}
    for index, axe in enumerate(diagnostic.axes):
        if axe.id not in asked:
            where = ("axes", index, "id")
            errors.append(ContentError(located.path, located.line(where), field_name(where),
                                       f"aucune question pour l’axe « {axe.id} »"))
    return errors


def _recommendations_without_case(diagnostic, located: Located,
                                  case_slugs: list[str]) -> list[ContentError]:
    """Advice is easier to follow once seen in practice: each recommendation links to a
    case that shows it. Where no case of the site does yet (a new theme), the thematic
    sheet of its own axis (``themes/<axe>``) stands in: it gathers the guides and the
    obligations. The example named is a case of this site."""
    case_pages = {f"cas/{slug}.md" for slug in case_slugs}
    errors = []
    for index, reco in enumerate(diagnostic.recommandations):
        shown = case_pages | {f"themes/{reco.axe}.md"}
        if not any(page_for_link(ref) in shown for ref in reco.liens):
            loc = ("recommandations", index, "liens" if reco.liens else "texte")
            errors.append(ContentError(
                located.path, located.line(loc), field_name(("recommandations", index, "liens")),
                "aucune démarche ne montre cette action : ajoutez à « liens » une démarche "
                f"qui l’illustre, par exemple « cas/{case_slugs[0]} », ou, si aucune ne le "
                f"fait, la fiche de l’axe, « themes/{reco.axe} »"))
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


SOURCED_LISTS = ("couts", "resultats", "difficultes")


def case_source_references(entries) -> list[ContentError]:
    """A cost, result or difficulty names one of its case's sources (by address or title):
    the page links it, and a reader can check the figure where it was read."""
    errors = []
    for entry in entries:
        case = entry.model
        known = [s.titre for s in case.sources]
        for key in SOURCED_LISTS:
            for index, item in enumerate(getattr(case, key)):
                if case.source_for(item.source) is None:
                    loc = (key, index, "source")
                    close = difflib.get_close_matches(
                        item.source, known + [s.url for s in case.sources], n=1, cutoff=0.8)
                    hint = (f" ; vouliez-vous dire « {close[0]} » ?" if close else
                            " : recopiez l’adresse ou le titre de l’une des sources de la "
                            "liste « sources », ou ajoutez-y cette source")
                    errors.append(ContentError(entry.path, entry.located.line(loc),
                                               field_name(loc),
                                               f"source inconnue « {item.source} »{hint}"))
    return errors
