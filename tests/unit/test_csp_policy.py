"""The page policy allows inline scripts and style elements by hash, style attributes
never (content may not carry them: vmi.content.embeds refuses them)."""

from __future__ import annotations

from vmi.output.csp import policy, source_hash


def _directive(page: str, name: str) -> str:
    return next(d for d in policy(page).split("; ") if d.startswith(name))


def test_inline_style_elements_are_allowed_by_hash_style_attributes_never():
    page = '<style>p { color: red }</style><p style="color: blue">a</p>'
    assert _directive(page, "style-src") == f"style-src 'self' {source_hash('p { color: red }')}"
    assert "unsafe-hashes" not in policy(page)


def test_running_scripts_are_allowed_by_hash_data_blocks_are_not():
    page = ('<script>go()</script><script type="application/json">{"a": 1}</script>'
            '<script src="x.js"></script>')
    assert _directive(page, "script-src") == f"script-src 'self' {source_hash('go()')}"
