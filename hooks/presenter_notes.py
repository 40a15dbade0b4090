"""MkDocs glue for presenter notes (``!!! animateur``, see ``vmi.site.notes``).

``on_page_content`` runs before the search plugin reads the page, so notes never reach
the search index. Templates receive ``vmi_notes`` (a JSON object, section id to a list
of HTML notes) that ``partials/vmi/forum.html`` embeds as data for projection.js.
"""

from __future__ import annotations

import json

from markupsafe import Markup
from mkdocs.structure.pages import Page

from vmi.site.notes import extract_notes


def on_page_content(html: str, page: Page, config, files) -> str:
    html, notes = extract_notes(html)
    page.vmi_notes = notes
    return html


def on_page_context(context: dict, page: Page, config, nav) -> dict:
    notes = getattr(page, "vmi_notes", None)
    if notes:
        # "</" cannot end the <script> element the JSON sits in.
        context["vmi_notes"] = Markup(json.dumps(notes, ensure_ascii=False).replace("</", "<\\/"))
    return context
