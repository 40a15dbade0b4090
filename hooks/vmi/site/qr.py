"""QR codes of public page addresses, as inline SVG made at build time.

In projection mode the audience scans the code to open the page on their phones. The
code is drawn by segno (no network, no JavaScript library in the browser) and is a plain
``<svg>`` string that scales with CSS (no fixed size).
"""

from __future__ import annotations

import json
import posixpath
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import quote

SVG_CLASS = "vmi-qr__code"
# Any mask gives a valid code; choosing the best one costs segno ~25 ms per page, a fixed
# one a few. Error level M survives a slightly blurred projection.
QR_OPTIONS: dict[str, Any] = {"error": "m", "micro": False, "mask": 0}
# What the cached codes depend on: a different segno or option set redraws them all. The
# version comes from the installed package's metadata: importing segno (~15 ms) is left
# to a build that draws a code the cache does not have.
CACHE_KEY = f"segno {version('segno')} {sorted(QR_OPTIONS.items())} svg 1"


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


def qr_svg(url: str, border: int = 4) -> str:
    """Inline SVG of the QR code of ``url``, quiet zone kept, drawn by segno (one stroked
    path, a run of dark modules per ``h``)."""
    import segno  # only for a code the cache lacks (see CACHE_KEY)

    code = segno.make(url, **QR_OPTIONS)
    return code.svg_inline(border=border, svgclass=SVG_CLASS, lineclass=None, omitsize=True,
                           light="#fff", dark="#000")


class QrCache:
    """QR codes kept from one build to the next in a JSON file.

    Encoding is nearly all the cost (a few milliseconds a page in segno's pure Python);
    addresses rarely change. The file keeps only the codes of the
    last build, and is ignored when unreadable or made with other settings.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stored = self._read()
        self._used: dict[str, str] = {}

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("key") != CACHE_KEY:
            return {}
        codes = data.get("codes")
        return codes if isinstance(codes, dict) else {}

    def svg(self, url: str) -> str:
        """The code of ``url``, from the file when it is there."""
        svg = self._used.get(url) or self._stored.get(url) or qr_svg(url)
        self._used[url] = svg
        return svg

    def save(self) -> None:
        """Write this build's codes, if they differ from the file's."""
        if self._used == self._stored:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps({"key": CACHE_KEY, "codes": self._used}), encoding="utf-8")
        partial.replace(self.path)
        self._stored = dict(self._used)
