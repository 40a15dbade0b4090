"""QR codes of public page addresses, as inline SVG made at build time.

In projection mode the audience scans the code to open the page on their phones. The
code is drawn by segno (no network, no JavaScript library in the browser) and is a plain
``<svg>`` string that scales with CSS (no fixed size).
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import quote

import segno

SVG_CLASS = "vmi-qr__code"
# Any mask gives a valid code; choosing the best one costs segno ~25 ms per page, a
# fixed one ~4 ms. Error level M survives a slightly blurred projection.
QR_OPTIONS = {"error": "m", "micro": False, "mask": 0}


def public_path(src_uri: str, directory_urls: bool = True) -> str:
    """The URL path of a page source, as the public (online) site serves it.

    The offline build switches directory URLs off, but its QR codes must still lead
    to the online page: the caller passes the public setting, not the current one.
    """
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    prefix = f"{folder}/" if folder else ""
    if name in ("index", "README"):
        path = prefix
    else:
        path = f"{prefix}{name}/" if directory_urls else f"{prefix}{name}.html"
    return quote(path)


def public_url(site_url: str, path: str) -> str:
    """``site_url`` joined with a page path (``site_url`` is a folder address)."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


@functools.lru_cache(maxsize=4096)  # `mkdocs serve` rebuilds the same pages again and again
def qr_svg(url: str) -> str:
    """Inline SVG of the QR code of ``url`` (quiet zone kept)."""
    code = segno.make(url, **QR_OPTIONS)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass=SVG_CLASS,
                           lineclass=None, dark="#000", light="#fff")
