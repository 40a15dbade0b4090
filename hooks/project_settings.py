"""Read and check the project's settings (``extra.vmi`` in mkdocs.yml) first of all,
with what the command and configuration say (serving, offline copy, URL style): every
other hook reads them from ``vmi.site.build_state.state``."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from vmi.core.errors import ContentErrors
from vmi.core.settings import settings
from vmi.site.build_state import state
from vmi.theme.offline import offline_enabled

log = logging.getLogger("mkdocs.hooks.project_settings")


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


@event_priority(110)  # before qr_codes and offline_site (100), which read them
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config_file = Path(config.config_file_path)
    state.offline = offline_enabled(config.plugins)
    state.directory_urls = bool(config.use_directory_urls)  # before offline turns it off
    try:
        state.settings = settings(config.extra.get("vmi"), config_file)
    except ContentErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(exc.summary()) from None
    content = str(state.settings.content_dir(config_file.parent))
    if content not in config.watch:  # `mkdocs serve` rebuilds when a content file changes
        config.watch.append(content)
    return config
