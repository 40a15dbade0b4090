"""Presenter notes leave the page's HTML and are kept by section."""

from __future__ import annotations

from vmi.site.notes import extract_notes

NOTE = ('<div class="admonition animateur"><p class="admonition-title">Pour l’animateur</p>'
        '<div class="x"><p>{}</p></div></div>')


def test_notes_leave_the_page_and_are_kept_by_section():
    html = ("<h1 id=\"t\">Titre</h1>" + NOTE.format("avant") + "<p>Intro</p>"
            "<h2 id=\"un\">Un</h2><p>A</p>" + NOTE.format("un-1") + "<p>B</p>" + NOTE.format("un-2") +
            "<h2 id=\"deux\">Deux</h2><div class=\"admonition note\"><p>publique</p></div>")
    page, notes = extract_notes(html)
    assert "animateur" not in page and "avant" not in page and "un-1" not in page
    assert page == ("<h1 id=\"t\">Titre</h1><p>Intro</p><h2 id=\"un\">Un</h2><p>A</p><p>B</p>"
                    "<h2 id=\"deux\">Deux</h2><div class=\"admonition note\"><p>publique</p></div>")
    assert list(notes) == ["", "un"]
    assert notes[""] == [NOTE.format("avant")]
    assert notes["un"] == [NOTE.format("un-1"), NOTE.format("un-2")]


def test_page_without_notes_is_unchanged():
    html = '<h2 id="a">A</h2><div class="admonition note"><p>x</p></div>'
    assert extract_notes(html) == (html, {})
