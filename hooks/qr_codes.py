"""MkDocs glue for QR codes: each page gets the code of its public address.

Templates receive ``vmi_qr`` (``url`` and ``svg``); ``partials/vmi/forum.html`` shows it
on projected slides. Without ``site_url`` there is no public address to encode: the
build warns (so ``--strict`` refuses to publish a site whose codes would be missing)
and pages carry no code. Codes are kept between builds in ``qr-codes.json`` of the
cache folder (``extra.vmi.cache``, ``.cache/`` by default; ``vmi.site.qr.QrCache``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from vmi.site.build_state import state as build
from vmi.site.qr import QrCache, public_path, public_url

log = logging.getLogger("mkdocs.hooks.qr_codes")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Path(config.config_file_path).parent
    build.qr_codes = QrCache(build.settings.cache_dir(project) / "qr-codes.json")
    if not config.site_url:
        log.warning("site_url n’est pas renseigné dans mkdocs.yml : les pages n’auront pas "
                    "de code QR en mode projection. Indiquez l’adresse publique du site.")
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if config.site_url:
        url = public_url(config.site_url, public_path(page.file.src_uri, build.directory_urls))
        context["vmi_qr"] = {"url": url, "svg": Markup(build.qr_codes.svg(url))}
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if build.qr_codes:
        build.qr_codes.save()
