"""« Modifier cette page »: a generated page opens its file under ``content/``.

``edit_uri`` in mkdocs.yml points at ``docs/``; a generated page's edit link is made
relative to it (``../content/cas/x.md``), then tidied (``…/docs/../content/`` →
``…/content/``) once MkDocs has built the URL.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from vmi.site.build_state import state


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in state.pages.values():
        file = files.get_file_from_path(page.src_uri)
        if file is not None:
            file.edit_uri = f"../{page.source}" if page.source else None
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    for file in files.documentation_pages():
        if file.page is not None and file.page.edit_url:
            file.page.edit_url = _clean_url(file.page.edit_url)
    return nav


def _clean_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))
