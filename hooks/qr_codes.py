"""MkDocs glue for QR codes: each page gets the public address its code encodes.

Templates receive ``vmi_qr`` (``url``); ``partials/vmi/forum.html`` writes it in
``data-qr`` and the browser draws the code in projection mode (``projection-qr.js``).
Without ``site_url`` there is no public address to encode: the build warns (so
``--strict`` refuses to publish a site whose codes would be missing) and pages carry no code.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from vmi.site.build_state import state as build
from vmi.site.qr import public_path, public_url

log = logging.getLogger("mkdocs.hooks.qr_codes")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        log.warning("site_url n’est pas renseigné dans mkdocs.yml : les pages n’auront pas "
                    "de code QR en mode projection. Indiquez l’adresse publique du site.")
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if config.site_url:
        path = public_path(page.file.src_uri, build.directory_urls)
        context["vmi_qr"] = {"url": public_url(config.site_url, path)}
    return context
