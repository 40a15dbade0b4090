"""The Content-Security-Policy of a built page, written into the page itself.

The browser then loads only the site's own files, even if some content slipped an
outside image or script past the build checks. Inline scripts and styles are allowed
one by one, by the hash of their exact text, computed from the final HTML: whatever
template or hook adds one, it stays allowed without a change here. Event handlers
(``onclick="…"``) and style attributes are never allowed: content may not carry them
(``vmi.content.embeds`` refuses both), and our templates do not write them.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import re
import sys
from pathlib import Path

# What a page may load or do, besides its own hashed inline scripts and styles. Frames:
# the site's own pages only (a parcours printed whole projects each step in one).
BASE_POLICY = ("default-src 'self'", "img-src 'self' data:", "object-src 'none'",
               "frame-src 'self'", "base-uri 'self'", "form-action 'self'")
META_NAME = 'http-equiv="Content-Security-Policy"'

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.I)


@functools.lru_cache(maxsize=4096)  # pages repeat the theme's scripts and styles
def source_hash(text: str) -> str:
    """CSP source for ``text`` as the browser hashes it (the HTML parser turns CR LF
    into LF before anything else)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _runs(attributes: str) -> bool:
    """Whether an inline ``<script>`` is executed (JSON data blocks are not)."""
    if _SRC.search(attributes):
        return False
    kind = _TYPE.search(attributes)
    return (kind.group(1).lower() if kind else "") in _JS_TYPES


def policy(page: str) -> str:
    """The policy for ``page``: its inline scripts and styles allowed by hash."""
    scripts = sorted({source_hash(m.group(2)) for m in _SCRIPT.finditer(page) if _runs(m.group(1))})
    styles = sorted({source_hash(m.group(1)) for m in _STYLE.finditer(page)})
    script_src = " ".join(["script-src 'self'", *scripts])
    style_src = " ".join(["style-src 'self'", *styles])
    default, *rest = BASE_POLICY
    return "; ".join([default, script_src, style_src, *rest])


def with_policy(page: str) -> str:
    """``page`` with its policy as the first element of ``<head>`` after the character
    set (which must stay within the first bytes): it applies to everything after it."""
    if META_NAME in page:
        return page
    meta = f'<meta {META_NAME} content="{html.escape(policy(page), quote=False)}">'
    head = _HEAD.search(page)
    if head is None:
        return page
    charset = _CHARSET.search(page, head.end())
    at = charset.end() if charset and page[head.end():charset.start()].strip() == "" else head.end()
    return page[:at] + meta + page[at:]


def site_header(site: Path) -> str:
    """One policy for every page of a built ``site``, as an HTTP header: the union of the
    pages' hashes, plus what only a header can say (``frame-ancestors``)."""
    sources: dict[str, set[str]] = {}
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).parts[0] == "admin":
            continue  # the form editor has its own policy (vmi.editor.admin_site)
        found = _POLICY.search(path.read_text(encoding="utf-8"))
        for directive in (found.group(1) if found else "").split(";"):
            name, *values = directive.split()
            sources.setdefault(name, set()).update(values)
    directives = [" ".join([name, *sorted(values, key=lambda v: (v.startswith("'sha"), v))])
                  for name, values in sources.items()]
    return "Content-Security-Policy: " + "; ".join([*directives, "frame-ancestors 'self'"])


_POLICY = re.compile(rf'<meta {META_NAME} content="([^"]*)">')


if __name__ == "__main__":  # make entete-csp: python -m vmi.output.csp site
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    if not folder.is_dir():
        sys.exit(f"{folder}/ introuvable : lancez d’abord « make build ».")
    print(site_header(folder))
