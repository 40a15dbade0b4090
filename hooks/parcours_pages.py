"""Parcours (``vmi.content.parcours``) in the build: the sections they name in generated pages
are checked before anything is written, and each parcours' plan is written as a
classic script, ``assets/parcours/<slug>.js``, that projection loads on any page of the
talk (no ``fetch``: it works over ``file://`` too).

``make check`` checks the sections of hand-written pages; a generated page's headings
come partly from its template (a case's « Feuille de route »), so they are read here
from the page's body template, rendered once without links.
"""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from vmi.content.links import page_for_link
from vmi.content.parcours import html_headings, markdown_headings, section_errors
from vmi.core.errors import ContentErrors
from vmi.site.build_state import state
from vmi.site.pages import parcours_plan

log = logging.getLogger("mkdocs.hooks.parcours_pages")


class _NoLinks:
    """Links for a rendering that only reads headings."""

    def url(self, src_uri: str) -> str:
        return "#"

    def path(self, src_uri: str) -> str:
        return ""

    def title(self, src_uri: str) -> str:
        return src_uri


@event_priority(-10)  # after generated_pages has planned the pages and made the renderer
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if state.content is None or state.renderer is None:
        return config
    headings = {}
    for entry in state.valid.parcours:
        for step in entry.model.etapes:
            page = state.pages.get(page_for_link(step.page))
            if step.section is None or page is None or page.src_uri in headings:
                continue
            drawn = state.renderer.page(page, "", _NoLinks())
            headings[page.src_uri] = markdown_headings(page.body) + html_headings(drawn)
    errors = section_errors(state.valid.parcours, headings)
    if errors:
        failure = ContentErrors(errors)
        for error in failure.errors:
            log.error(str(error))
        if not state.serving:  # serving: told in the terminal, the pages still built
            raise PluginError(failure.summary())
    return config


def on_post_build(config: MkDocsConfig) -> None:
    if state.content is None or state.files is None:
        return
    folder = Path(config.site_dir) / "assets" / "parcours"
    for entry in state.valid.parcours:
        data = parcours_plan(entry, lambda src: _file(src).url, _title)
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        (folder / f"{entry.slug}.js").write_text(
            f"(VMI.parcoursPlans=VMI.parcoursPlans||{{}})[{json.dumps(entry.slug)}]={text};\n",
            encoding="utf-8")


def _file(src_uri: str) -> File:
    found = state.files.get_file_from_path(src_uri)
    if found is None:
        raise PluginError(f"Page introuvable : {src_uri}")
    return found


def _title(src_uri: str) -> str:
    page = _file(src_uri).page
    return html.unescape(page.title) if page is not None and page.title else src_uri
