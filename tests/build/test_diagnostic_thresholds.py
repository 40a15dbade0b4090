"""The diagnostic page says how recommendations follow the maturity levels."""

from __future__ import annotations

import html
from pathlib import Path

from vmi.content.loader import load_content
from vmi.diagnostic.thresholds import thresholds_used
from vmi.testing import ROOT


def test_page_names_the_level_each_threshold_ends(site_dir: Path):
    docs = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    diagnostic = load_content(ROOT / "content", docs).diagnostic
    page = html.unescape((site_dir / "diagnostic" / "index.html").read_text("utf-8"))
    sentence = page[page.index('class="vmi-diag__paliers"'):]
    sentence = sentence[:sentence.index("</p>")].replace("\n", " ")
    assert f"les {len(diagnostic.niveaux)}\u00a0niveaux de maturité" in sentence
    for end, name, count in thresholds_used(diagnostic):
        assert f"{count}\u00a0actions sont proposées jusqu’au niveau «\u00a0{name}\u00a0» " \
               f"(score de 0 à {end})" in sentence
