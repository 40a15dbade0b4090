"""QR codes, build side: each page carries the public address its code encodes (the
browser draws the code in projection mode: tests/browser/test_qr_drawn.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vmi.site.qr import public_path, public_url
from vmi.testing import run_build

SITE_URL = "https://villes-moyennes-intelligentes.example.org/"
FIGURE = re.compile(r'<figure class="vmi-qr" data-qr="([^"]*)">\s*<div class="vmi-qr__image"[^>]*></div>')


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


def page_qr(site: Path, rel: str) -> str:
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
def test_each_page_carries_its_public_url(site_dir, rel, path):
    assert page_qr(site_dir, rel) == SITE_URL + path


def test_offline_build_still_points_to_the_online_pages(offline_site_dir):
    assert page_qr(offline_site_dir, "cas/bethune.html") == SITE_URL + "cas/bethune/"


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
