"""The page policy allows inline style attributes by hash, and only those of tags."""

from __future__ import annotations

import itertools
import re

from vmi.output.csp import policy, source_hash

# The single regex the attribute scan replaces (it tried every character of every tag).
_REFERENCE = re.compile(r"""<[a-zA-Z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _style_src(page: str) -> str:
    return next(d for d in policy(page).split("; ") if d.startswith("style-src"))


def test_a_style_attribute_is_allowed_by_the_hash_of_its_unescaped_value():
    src = _style_src('<p style="color: red">a</p><b class=x style=\'content: &quot;»&quot;\'>')
    assert "'unsafe-hashes'" in src
    assert source_hash("color: red") in src and source_hash('content: "»"') in src


def test_style_written_in_text_is_not_an_attribute():
    assert _style_src('<p>Écrire style="color: red" dans un attribut</p>') == "style-src 'self'"


def test_the_attribute_scan_finds_what_the_single_regex_found():
    parts = ['<a style="x">', '> style="y"', '<a title="x>y" style="z">', "<ab style=x ",
             "style='q' ", '<1 style="w">', '<a\nstyle="<b style=\'c\'">', "<a>", "text ",
             "<astyle='v'", "<a\u00a0style='n'>"]
    for pieces in itertools.product(parts, repeat=3):
        page = "".join(pieces)
        expected = {source_hash(m.group(1) if m.group(1) is not None else m.group(2))
                    for m in _REFERENCE.finditer(page)}
        found = set(re.findall(r"'sha256-[^']+'", _style_src(page)))
        assert found == expected, page
