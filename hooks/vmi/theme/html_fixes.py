"""Small repairs to Material's markup that templates cannot reach.

For a section that has an index page, Material (9.8) writes the expand toggle as an
empty ``<label ... tabindex="">`` holding only an icon, and names the section's
``<nav>`` after that label: the landmark gets no name (axe ``landmark-unique``) and the
empty ``tabindex`` is invalid HTML. We name each such ``<nav>`` with the section's
title (``aria-label``) and drop the empty attribute. On those index pages the table of
contents also has a ``<label for="__toc">`` whose checkbox is not written: we unlink it.
The other way round, a page whose table of contents Material does not list in the
navigation (the glossary) gets the ``__toc`` checkbox without its label: it takes the
table of contents' own name (``aria-label``), or goes when there is none.

The theme's scripts (its bundle, polyfills) are parser-blocking ``<script src>`` tags:
on a slow phone the first paint waits for 35 KB of JavaScript that only adds behaviour.
``defer_scripts`` defers them; deferred scripts still run in document order, before
``DOMContentLoaded``, which is when Material starts.
"""

from __future__ import annotations

import html
import re

_SECTION = re.compile(
    r'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">(?P<title>[^<]*)'
    r'</span>\s*</a>\s*<label class="md-nav__link[^"]*" for="(?P<id>__nav_\w+)" '
    r'id="(?P=id)_label"')
_TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
_TOC_NAME = re.compile(r'<nav class="md-nav md-nav--secondary" aria-label="([^"]*)">')
_BLOCKING_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')


def fix_nav(markup: str) -> str:
    """``markup`` (the rendered site navigation) with named section landmarks."""
    for match in _SECTION.finditer(markup):
        title = html.escape(" ".join(html.unescape(match["title"]).split()))
        markup = markup.replace(f'aria-labelledby="{match["id"]}_label"',
                                f'aria-label="{title}"')
    if 'id="__toc"' not in markup:  # index pages: the table of contents has no toggle
        markup = markup.replace('<label class="md-nav__title" for="__toc">',
                                '<label class="md-nav__title">')
    elif 'for="__toc"' not in markup:  # a toggle without a label
        name = _TOC_NAME.search(markup)
        markup = markup.replace(_TOC_TOGGLE, _TOC_TOGGLE.replace(
            "<input ", f'<input aria-label="{name[1]}" ') if name else "")
    return markup.replace(' tabindex=""', "")


def defer_scripts(markup: str) -> str:
    """``markup`` with every external script that neither defers nor loads async deferred."""
    return _BLOCKING_SCRIPT.sub(r'<script src="\1" defer></script>', markup)
