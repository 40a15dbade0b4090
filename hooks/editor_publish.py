"""The form editor on the published site (``extra.vmi.editeur`` in ``mkdocs.yml``).

Off by default. On, ``make build`` adds ``/admin/`` (``vmi.editor.admin_site``) after every
page is written: it is no page of the site, so neither the navigation, the sitemap nor
the search index know it. Never in the offline copy (``make offline``: no forge to
reach from a USB key) nor under ``mkdocs serve`` (``make editer`` has its own).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from vmi.core.errors import ContentErrors
from vmi.editor.forge import Editeur, editor
from vmi.site.build_state import state as build

log = logging.getLogger("mkdocs.hooks.editor_publish")


_editor: list[Editeur] = []  # this build's, when /admin/ is to be written


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _editor.clear()
    try:
        found = editor(config.extra, Path(config.config_file_path))
    except ContentErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(exc.summary()) from None
    if found is not None and not (build.serving or build.offline):
        _editor.append(found)
    return config


@event_priority(-500)  # before csp (-1000), which leaves a page with a policy alone
def on_post_build(config: MkDocsConfig) -> None:
    for found in _editor:
        # Imported here: the editor's layer (schemas, layout) is for sites that publish it.
        from vmi.editor import admin_site
        admin_site.write(Path(config.config_file_path).parent, Path(config.site_dir),
                         found)
