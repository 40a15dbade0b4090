"""Parcours: a forum talk made of the site's own pages, in the presenter's order.

A file ``content/parcours/<slug>.yml`` names its steps, each a page of the site (a
generated one too) or one section of it (an ``h2`` heading), with a duration and
optional notes for the presenter. The page ``/parcours/<slug>/`` shows the plan;
projection then runs through the steps' slides in order.

Pages and durations are checked with the other content (``make check``). A section is
checked against the Markdown headings of a page of ``docs/``; the headings that
templates draw (a case's « Feuille de route »…) exist only once pages are rendered,
so the build checks every section again against the pages it wrote
(``section_errors``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import Field

from vmi.content.entries import Entry
from vmi.content.links import page_for_link, prose_lines
from vmi.core import durations
from vmi.core.durations import Duration
from vmi.core.errors import ContentError
from vmi.core.slugs import fold
from vmi.core.source import ContentFileError, Located, field_name, read_text
from vmi.core.suggest import closest
from vmi.model.models import Model, PartialDate, Text


class EtapeParcours(Model):
    """Une étape d’un parcours : une page du site, ou une section de cette page."""

    page: Text = Field(description="Page du site, comme dans les liens des recommandations : "
                       "« cas/bethune », « specificites/agilite-et-proximite », "
                       "« diagnostic », « a-propos ».")
    section: Text | None = Field(default=None, description="Titre d’une section de la page "
                                 "(titre de niveau 2, ex. « Feuille de route ») : seules ses "
                                 "diapositives sont projetées (facultatif).")
    duree: Duration = Field(description="Temps prévu, comme on l’écrit : « 12 min », "
                            "« 4 min 30 », « 1 h 05 » ou « 4:30 ».")
    titre: Text | None = Field(default=None, description="Nom de l’étape dans le plan "
                               "(facultatif ; sinon le titre de la page ou de la section).")
    notes: Text | None = Field(default=None, description="Notes pour l’animateur, montrées "
                               "dans la vue de l’animateur seulement (facultatif, Markdown).")


class Parcours(Model):
    """Un parcours : une intervention de forum faite de pages du site, avec un temps prévu
    pour chacune."""

    titre: Text = Field(description="Titre de l’intervention.")
    evenement: Text | None = Field(default=None, description="Événement où elle est "
                                   "présentée (facultatif).")
    date: PartialDate | None = Field(default=None, description="Date de l’événement : AAAA, "
                                     "AAAA-MM ou AAAA-MM-JJ, entre guillemets (facultatif).")
    description: Text | None = Field(default=None, description="À qui s’adresse "
                                     "l’intervention et ce qu’elle apporte (facultatif).")
    etapes: list[EtapeParcours] = Field(min_length=1, description="Les étapes, dans l’ordre "
                                        "de la présentation.")

    @property
    def total_seconds(self) -> int:
        return sum(step_seconds(step) for step in self.etapes)


def step_seconds(step: EtapeParcours) -> int:
    total = durations.seconds(step.duree)
    assert total is not None, "validated by the model"
    return total


_SPACES = re.compile(r"\s+")


def heading_key(text: str) -> str:
    """What two headings must share to be the same section: letters, without case,
    accents, apostrophe style, spacing or the permalink sign. Projection (JS) folds the
    same way (``projection-parcours.js``)."""
    text = fold(text.replace("’", "'").replace("¶", "")).lower()
    return _SPACES.sub(" ", text).strip()


def find_section(section: str, headings: Iterable[str]) -> str | None:
    """The heading among ``headings`` that ``section`` names, if any."""
    wanted = heading_key(section)
    return next((h for h in headings if heading_key(h) == wanted), None)


_MARKDOWN_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*(?:\{[^}]*\})?\s*$")


def markdown_headings(markdown: str) -> list[str]:
    """The ``## `` headings of a Markdown page, outside code blocks."""
    return [m[1] for line in prose_lines(markdown) if (m := _MARKDOWN_H2.match(line))]


def _error(located: Located, loc: tuple, message: str) -> ContentError:
    return ContentError(located.path, located.line(loc), field_name(loc), message)


def page_errors(located: Located, pages: set[str],
                markdown_pages: Mapping[str, str]) -> list[ContentError]:
    """Steps naming a page the site does not have; sections missing from a page whose
    headings are all in its Markdown (``markdown_pages``: source path → text). Read from
    the file's data, so a file with another error (a bad duration) is checked too."""
    errors = []
    names = {page.removesuffix(".md") for page in pages}
    steps = located.data.get("etapes") if isinstance(located.data, dict) else None
    for index, step in enumerate(steps if isinstance(steps, list) else []):
        page = step.get("page") if isinstance(step, dict) else None
        section = step.get("section") if isinstance(step, dict) else None
        if not isinstance(page, str) or not page.strip():
            continue
        target = page_for_link(page)
        if target not in pages:
            guess = closest(page.strip("/").removesuffix(".md"), names)
            hint = f" ; vouliez-vous dire « {guess} » ?" if guess else (
                " ; écrivez son chemin sans « .md », ex. « cas/bethune » ou « diagnostic »")
            errors.append(_error(located, ("etapes", index, "page"),
                                 f"la page « {page} » n’existe pas{hint}"))
        elif isinstance(section, str) and target in markdown_pages:
            headings = markdown_headings(markdown_pages[target])
            if find_section(section, headings) is None:
                errors.append(_section_error(located, index, page, section, headings))
    return errors


def _section_error(located: Located, index: int, page: str, section: str,
                   headings: list[str]) -> ContentError:
    known = " ; ".join(f"« {h} »" for h in headings) or "aucune"
    return _error(located, ("etapes", index, "section"),
                  f"la page « {page} » n’a pas de section « {section} » "
                  f"(ses sections : {known})")


def section_errors(entries: Iterable[Entry[Parcours]],
                   headings: Mapping[str, list[str]]) -> list[ContentError]:
    """Sections that the built pages do not have (``headings``: source path → the
    ``h2`` texts of the page as written)."""
    errors = []
    for entry in entries:
        for index, step in enumerate(entry.model.etapes):
            found = headings.get(page_for_link(step.page))
            if step.section is not None and found is not None and (
                    find_section(step.section, found) is None):
                errors.append(_section_error(entry.located, index, step.page, step.section,
                                             found))
    return errors


_HTML_H2 = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.S)
_TAG = re.compile(r"<[^>]+>")


def html_headings(page_html: str) -> list[str]:
    """The ``h2`` texts of rendered HTML (a generated page's template draws some)."""
    return [" ".join(html.unescape(_TAG.sub("", m[1])).split())
            for m in _HTML_H2.finditer(page_html)]


def docs_markdown(docs: Path, docs_pages: Iterable[str]) -> dict[str, str]:
    """The text of each hand-written page (its headings are all in its Markdown)."""
    texts = {}
    for page in docs_pages:
        try:
            texts[page] = read_text(docs / page, f"{docs.name}/{page}")
        except ContentFileError:
            continue  # the check of docs/ says why
    return texts


def minutes(total: int) -> str:
    """Seconds as the minutes of ``data-duree``: ``270`` → ``4.5``, ``720`` → ``12``."""
    return f"{total / 60:g}"


def plan(entry: Entry[Parcours], url_of: Callable[[str], str],
         title_of: Callable[[str], str], notes_html: Callable[[str], str]
         ) -> dict[str, Any]:
    """What the plan page and projection know of a parcours: each step's page (its
    address from ``url_of``, by source path), section, duration and notes as HTML."""
    steps = []
    for step in entry.model.etapes:
        src_uri = page_for_link(step.page)
        total = step_seconds(step)
        steps.append({"titre": step.titre or title_of(src_uri), "page": url_of(src_uri),
                      "section": step.section, "duree": total,
                      "duree_fr": durations.french(total), "minutes": minutes(total),
                      "notes": notes_html(step.notes) if step.notes else ""})
    total = entry.model.total_seconds
    return {"slug": entry.slug, "titre": entry.model.titre, "duree": total,
            "duree_fr": durations.french(total), "etapes": steps}
