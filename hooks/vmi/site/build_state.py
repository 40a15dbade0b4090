"""What one build knows, shared by the hooks that each do one part of it.

A plain object (no MkDocs here): ``hooks/project_settings.py`` fills in what the
command and the configuration say (serving, offline, settings), ``hooks/content_check.py``
the content, ``hooks/generated_pages.py`` the planned pages, and the other hooks read
them; no hook keeps a copy of its own. Hook
modules survive between the rebuilds of ``mkdocs serve``, and so does this object:
``begin`` resets what belongs to one build, ``content`` keeps the last valid content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vmi.content.entries import Content
from vmi.core.errors import ContentErrors
from vmi.core.settings import Settings
from vmi.site.glossary import Glossary

if TYPE_CHECKING:  # only for annotations: the planner pulls in Markdown and Jinja
    from vmi.site.pages import GeneratedPage, Renderer


@dataclass
class BuildState:
    project: Path = Path(".")
    settings: Settings = field(default_factory=Settings)  # extra.vmi of mkdocs.yml
    serving: bool = False  # `mkdocs serve`: keep serving the last good site on errors
    offline: bool = False  # the offline copy (Material's offline plugin switched on)
    directory_urls: bool = True  # the public site's URL style (offline switches it off)
    served_dir: str | None = None  # the folder `mkdocs serve` serves
    content: Content | None = None  # the last content that passed every check
    failure: ContentErrors | None = None  # this build's content errors, when serving
    discard: bool = False  # this build only keeps the server alive; its output is dropped
    scratch: str | None = None  # where discarded builds go
    docs_pages: set[str] = field(default_factory=set)  # hand-written pages of docs/
    pages: dict[str, GeneratedPage] = field(default_factory=dict)  # by src_uri
    renderer: Renderer | None = None
    glossary: Glossary | None = None
    files: Any = None  # MkDocs' Files of this build, for links between pages
    sources: dict[str, str] = field(default_factory=dict)  # src_uri → file in the project
    not_in_nav: set[str] = field(default_factory=set)  # pages of sections too big to list

    def begin(self, project: Path, docs_pages: set[str]) -> None:
        """Forget the previous build, but not the last good content."""
        self.project, self.docs_pages = project, docs_pages
        self.failure, self.discard = None, False
        self.pages, self.sources, self.not_in_nav = {}, {}, set()

    @property
    def valid(self) -> Content:
        """The content pages are built from (the last good one, when discarding)."""
        assert self.content is not None, "content_check runs first"
        return self.content


state = BuildState()
