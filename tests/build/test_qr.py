"""QR codes: each page carries the code of its public address, made at build time.

segno cannot decode, so the SVG path is read back into a grid of modules and compared
with segno's matrix for the expected URL: a code for any other text would differ.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import segno

import vmi.site.qr
from vmi.site.qr import QR_OPTIONS, QrCache, public_path, public_url, qr_svg
from vmi.testing import run_build

SITE_URL = "https://villes-moyennes-intelligentes.example.org/"
FIGURE = re.compile(r'<figure class="vmi-qr" data-qr="([^"]*)">\s*<div[^>]*>(<svg.*?</svg>)', re.S)


def modules(svg: str) -> set[tuple[int, int]]:
    """Dark modules drawn by segno's path (``M``/``m`` moves, ``h`` runs), quiet zone removed."""
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg)
    assert path, svg[:200]
    x = y = 0.0
    dark = set()
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.group(1)):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            dark.update((col - 4, int(y)) for col in range(int(x), int(x + float(a))))
            x += float(a)
    return {(col, int(row) - 4) for col, row in dark}


def expected_modules(url: str) -> set[tuple[int, int]]:
    matrix = segno.make(url, **QR_OPTIONS).matrix
    return {(col, row) for row, line in enumerate(matrix) for col, bit in enumerate(line) if bit}


@pytest.mark.parametrize(("src", "directory_urls", "path"), [
    ("index.md", True, ""),
    ("cas/index.md", True, "cas/"),
    ("cas/bethune.md", True, "cas/bethune/"),
    ("cas/bethune.md", False, "cas/bethune.html"),
    ("a-propos.md", False, "a-propos.html"),
    ("cas/index.md", False, "cas/"),
    ("notes/été.md", True, "notes/%C3%A9t%C3%A9/"),
])
def test_public_path_follows_the_online_url_style(src, directory_urls, path):
    assert public_path(src, directory_urls) == path


def test_public_url_joins_with_one_slash():
    assert public_url(SITE_URL, "cas/") == SITE_URL + "cas/"
    assert public_url(SITE_URL.rstrip("/"), "") == SITE_URL


def test_svg_encodes_the_given_url():
    url = SITE_URL + "cas/bethune/"
    svg = qr_svg(url)
    assert svg.startswith("<svg") and "viewBox" in svg and "<?xml" not in svg
    assert modules(svg) == expected_modules(url)
    assert modules(svg) != expected_modules(SITE_URL + "cas/")


def page_qr(site: Path, rel: str) -> tuple[str, str]:
    found = FIGURE.findall((site / rel).read_text(encoding="utf-8"))
    assert len(found) == 1, f"{rel}: {len(found)} codes QR"
    return found[0]


@pytest.mark.parametrize(("rel", "path"), [
    ("index.html", ""),
    ("cas/bethune/index.html", "cas/bethune/"),
    ("specificites/index.html", "specificites/"),
    ("diagnostic/index.html", "diagnostic/"),
    ("a-propos/index.html", "a-propos/"),
])
def test_each_page_carries_the_code_of_its_public_url(site_dir, rel, path):
    url, svg = page_qr(site_dir, rel)
    assert url == SITE_URL + path
    assert svg == qr_svg(url)
    assert modules(svg) == expected_modules(url)


def test_offline_build_still_points_to_the_online_pages(offline_site_dir):
    url, svg = page_qr(offline_site_dir, "cas/bethune.html")
    assert url == SITE_URL + "cas/bethune/"
    assert modules(svg) == expected_modules(url)


def test_missing_site_url_warns_and_drops_the_codes(project, tmp_path):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", text), encoding="utf-8")
    strict = run_build(project, tmp_path / "strict")
    assert strict.returncode != 0
    assert "site_url" in strict.stderr
    lenient = run_build(project, tmp_path / "site", "--no-strict")
    assert lenient.returncode == 0, lenient.stderr
    assert "site_url n’est pas renseigné" in lenient.stderr
    assert "data-qr" not in (tmp_path / "site" / "cas" / "bethune" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("url", [SITE_URL, SITE_URL + "cas/bethune/", SITE_URL + "x" * 120])
def test_svg_is_the_one_segno_would_write(url):
    expected = segno.make(url, **QR_OPTIONS).svg_inline(
        scale=1, border=4, omitsize=True, svgclass="vmi-qr__code", lineclass=None,
        dark="#000", light="#fff")
    assert qr_svg(url) == expected


def test_codes_kept_between_builds_only_for_pages_still_there(tmp_path, monkeypatch):
    cache = tmp_path / ".cache" / "qr-codes.json"
    first = QrCache(cache)
    expected = qr_svg(SITE_URL)
    assert first.svg(SITE_URL) == expected
    first.svg(SITE_URL + "cas/ancienne/")
    first.save()
    monkeypatch.setattr(vmi.site.qr, "qr_svg", lambda url: pytest.fail(f"encoded again: {url}"))
    second = QrCache(cache)
    assert second.svg(SITE_URL) == expected  # read back, not encoded
    second.save()
    assert list(QrCache(cache)._stored) == [SITE_URL]  # the removed page's code is gone


@pytest.mark.parametrize("content", ["{broken", f'{{"key": "segno 0.0", "codes": {{"{SITE_URL}": "x"}}}}'])
def test_unreadable_or_outdated_cache_is_redrawn(tmp_path, content):
    cache = tmp_path / "qr-codes.json"
    cache.write_text(content, encoding="utf-8")
    assert QrCache(cache).svg(SITE_URL) == qr_svg(SITE_URL)


def test_cache_key_names_the_installed_segno():
    """Read from the package's metadata without importing it: an upgrade redraws the codes."""
    assert vmi.site.qr.CACHE_KEY.startswith(f"segno {segno.__version__} ")
