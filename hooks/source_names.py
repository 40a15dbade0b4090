"""Name the source file (and line) in messages about pages: a generated page is
``content/cas/x.md``, a hand-written one ``docs/x.md``.

MkDocs' link warnings say ``Doc file 'cas/x.md' contains a link…``: a logging filter
rewrites them to ``content/cas/x.md:LINE: …`` (``vmi.theme.link_warnings.locate_message``). The same
names serve the quiz errors of ``quiz_blocks.py``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from vmi.site.build_state import state
from vmi.theme.link_warnings import locate_message


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    state.sources = {}
    for file in files.documentation_pages():
        generated = state.pages.get(file.src_uri)
        if generated is None:
            state.sources[file.src_uri] = f"{Path(file.src_dir or 'docs').name}/{file.src_uri}"
        elif generated.source:
            state.sources[file.src_uri] = generated.source
    return nav


class _SourceNames(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Doc file '"):
            record.msg = locate_message(record.getMessage(), state.sources, state.project)
            record.args = ()
        return True


_pages_log = logging.getLogger("mkdocs.structure.pages")
if not any(type(f).__name__ == "_SourceNames" for f in _pages_log.filters):  # serve reloads
    _pages_log.addFilter(_SourceNames())
