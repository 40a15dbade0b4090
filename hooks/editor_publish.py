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

log = logging.getLogger("mkdocs.hooks.editor_publish")


class _State:
    serving = False
    editor: Editeur | None = None


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        state.editor = editor(config.extra, Path(config.config_file_path))
    except ContentErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(exc.summary()) from None
    if state.editor is not None and (state.serving or _offline(config)):
        state.editor = None
    return config


@event_priority(-500)  # before csp (-1000), which leaves a page with a policy alone
def on_post_build(config: MkDocsConfig) -> None:
    if state.editor is not None:
        # Imported here: the editor's layer (schemas, layout) is for sites that publish it.
        from vmi.editor import admin_site
        admin_site.write(Path(config.config_file_path).parent, Path(config.site_dir),
                         state.editor)
