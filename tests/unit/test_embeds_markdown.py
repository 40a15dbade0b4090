"""Markdown syntaxes that load from another site, found in the source before the build
(``vmi.content.embeds``): an address on the line after its label, an image or a link over two
lines, a reference defined inside a quote, a list or an admonition; each at the line of
the address (of the image, for a reference image)."""

from __future__ import annotations

import pytest

from vmi.content.embeds import find_embeds, html_embeds

IMAGE = "https://cdn.exemple.net/logo.png"


def _found(body: str) -> list[tuple[int, str, str]]:
    """``(line, field, address)`` of each finding, the body starting at line 20."""
    return [(f.line, f.field, f.message.split("»")[0].split("«")[-1].strip())
            for f in find_embeds(body, "cas/exempleville.md", 20)]


@pytest.mark.parametrize("body, line", [
    (f"Le logo : ![Logo][logo]\n\n[logo]:\n    {IMAGE}\n", 20),
    (f"Le logo : ![Logo][logo]\n\n[logo]:\t\n\t<{IMAGE}>\n    \"Titre\"\n", 20),
    (f"Le logo : ![Logo][]\n\n[Logo]:\n{IMAGE}\n", 20),
    (f"Le logo : ![Logo]\n[logo]\n\n[logo]: {IMAGE}\n", 20),
    (f"![Logo][logo]\n\n> [logo]:\n> {IMAGE}\n", 20),
    (f"![Logo][logo]\n\n!!! note \"Logo\"\n    [logo]: {IMAGE}\n", 20),
    (f"![Logo][logo]\n\n- [logo]: {IMAGE}\n", 20),
    (f"Texte.\n\n![Le logo\nde la ville](\n   {IMAGE})\n", 24),
    (f"Texte.\n\n> ![Logo](\n> {IMAGE})\n", 23),
])
def test_an_image_over_two_lines_is_found_in_the_source(body: str, line: int):
    assert _found(body) == [(line, "image", IMAGE)]


def test_a_script_address_on_the_line_after_its_label_is_found():
    assert _found("Voir [la page][a].\n\n[a]:\n    javascript:alert(1)\n") == [
        (23, "lien", "javascript:alert(1)")]


@pytest.mark.parametrize("body", [
    f"![Logo][logo]\n\n[logo]:\n\n    {IMAGE}\n",  # a blank line: no definition
    "![Logo][logo]\n\n[logo]:\n    images/logo.png\n",  # a file of the site
    f"Le code `![Logo]({IMAGE})` montre la syntaxe.\n",
    f'Le code ``<img src="{IMAGE}">`` montre la balise.\n',
    f"```markdown\n[logo]:\n    {IMAGE}\n![Logo][logo]\n```\n",
    f"[Le site]({IMAGE}) est un lien, pas une image.\n",
])
def test_what_loads_nothing_is_not_refused(body: str):
    assert _found(body) == []


def test_an_escaped_backtick_opens_no_code_span():
    assert _found(f'Voir \\`<img src="{IMAGE}">\\` ici.\n') == [(20, "<img>", IMAGE)]


def test_a_backtick_inside_a_tag_does_not_hide_its_address():
    # Markdown makes a code span of `" src=… title="` and keeps the quotes: the browser
    # still reads an <img> whose src is the other site's address.
    assert _found(f'<img alt="``" src="{IMAGE}" title="`">\n') == [(20, "<img>", IMAGE)]


@pytest.mark.parametrize("body, field, text", [
    ('<p style="color: red">Rouge</p>\n', "<p>", "style"),
    ("Un paragraphe.\n{: style=\"color: red\" }\n", "attributs", "style"),
    ("| Année | Montant |\n| :---- | ------: |\n| 2024 | 12 |\n", "tableau", "| :---- | ------: |"),
    ("Année | Montant\n--- | ---:\n2024 | 12\n", "tableau", "--- | ---:"),
])
def test_inline_styles_and_aligned_columns_are_refused_with_what_was_written(body, field, text):
    """The page policy allows no style attribute: what would write one is refused, and
    the finding carries the text to find in the source file."""
    [finding] = find_embeds(body, "cas/exempleville.md", 20)
    assert (finding.field, finding.text) == (field, text)
    assert "interdit" in finding.message


def test_an_aligned_column_in_produced_html_is_named_as_such():
    [finding] = html_embeds('<table><tr><th style="text-align: right;">a</th></tr></table>',
                            "cas/exempleville.md")
    assert finding.message.startswith("alignement de colonne")
    assert _found("| a | b |\n| --- | --- |\n| 1 | 2 |\n") == []  # no colon: accepted
