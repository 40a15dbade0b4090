"""Keep ``mkdocs serve`` serving the last good site while a content file is broken.

``mkdocs serve`` stalls every request after a failed rebuild. Instead, when
``content_check.py`` found errors and a previous version was valid, this build uses
that last good content and writes into a scratch folder: the served site stays as it
was, and updates as soon as the file is fixed and saved.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile

from mkdocs.config.defaults import MkDocsConfig

from vmi.core.errors import french_typography
from vmi.site.build_state import state

log = logging.getLogger("mkdocs.hooks.serve_last_good")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if state.failure is None:
        return config
    if state.scratch is None:
        state.scratch = tempfile.mkdtemp(prefix="vmi-serve-")
        atexit.register(shutil.rmtree, state.scratch, True)
    config.site_dir = state.scratch
    state.discard = True
    log.error(french_typography(f"{state.failure.summary()} Le site affiché reste la dernière "
                                f"version correcte ; il se mettra à jour dès que le fichier "
                                f"sera corrigé et enregistré."))
    return config
