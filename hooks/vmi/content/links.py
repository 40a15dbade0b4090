"""Relative links between pages, checked without building the site (``make check``).

The build checks links too (``validation:`` in mkdocs.yml, with anchors); this is the
fast version for editors: a ``.md`` link must name a page that will exist.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

from vmi.content.registry import planned_paths
from vmi.core.errors import ContentError
from vmi.core.fences import closes

_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(?:(?!\1).)+?\1")  # « \` » is a plain backtick
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def site_pages(content_dir: Path, docs_pages: Iterable[str]) -> set[str]:
    """Source paths of every page: hand-written ones and those ``content/`` generates."""
    return planned_paths(content_dir, docs_pages)


def page_for_link(ref: str) -> str:
    """``cas/bethune`` or ``a-propos.md`` → the MkDocs source path ``cas/bethune.md``."""
    ref = ref.strip().strip("/")
    return ref if ref.endswith(".md") else f"{ref}.md"


def _code_as_html(match: re.Match[str]) -> str:
    code = match.group(0).strip("`")
    return "<code>" + code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</code>"


def prose_lines(markdown: str, code_as_html: bool = False) -> list[str]:
    """The lines of ``markdown`` with code blocks emptied and code spans removed: what
    Markdown reads as text and links (an example in code is only an example).

    With ``code_as_html``, a code span becomes what Markdown makes of it, ``<code>`` with
    ``<``, ``>`` and ``&`` escaped but quotes kept: a backtick inside a tag's attribute
    then leaves the rest of the tag for an HTML reader to see, as a browser would."""
    span = _code_as_html if code_as_html else ""
    result = []
    fence: str | None = None
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            if closes(line, fence):
                fence = None
            result.append("")
        elif opening:
            fence = opening.group(1)
            result.append("")
        else:
            result.append(_CODE_SPAN.sub(span, line))
    return result


def page_links(markdown: str, first_line: int = 1) -> list[tuple[int, str]]:
    """``(line, target)`` of each Markdown link outside code blocks and code spans."""
    return [(number, match.group("target"))
            for number, line in enumerate(prose_lines(markdown), first_line)
            for match in _LINK.finditer(line)]


def check_links(markdown: str, page: str, label: str, pages: set[str], docs_dir: Path,
                first_line: int = 1) -> list[ContentError]:
    """Errors for relative links of ``page`` (its site path) that lead nowhere."""
    errors = []
    folder = posixpath.dirname(page)
    for line, target in page_links(markdown, first_line):
        if target.startswith(("#", "/")) or _SCHEME.match(target):
            continue
        path = target.split("#", 1)[0].split("?", 1)[0]
        resolved = posixpath.normpath(posixpath.join(folder, path))
        if path.endswith(".md"):
            if resolved not in pages:
                errors.append(ContentError(label, line, "lien", f"la page « {target} » "
                                           f"n’existe pas ; vérifiez le nom du fichier"))
        elif not (docs_dir / resolved).is_file():
            errors.append(ContentError(label, line, "lien", f"lien « {target} » non reconnu : "
                                       f"visez le fichier .md de la page (ex. « ../piliers.md »)"))
    return errors
