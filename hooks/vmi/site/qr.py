"""The public address of each page, which its QR code encodes.

In projection mode the audience scans the code to open the page on their phones. The
build writes only the address (``data-qr``); the browser draws the code when projection
starts (``overrides/assets/javascripts/projection-qr.js``, with a vendored library):
pages that are never projected carry no drawing, and builds draw nothing.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote


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
