"""Pure logic of the output trim (hooks/output_trim.py) and the nav markup fixes."""

from __future__ import annotations

from vmi.output.trim import removable, strip_map_comment
from vmi.theme.html_fixes import defer_scripts, fix_nav


def test_keeps_french_search_files_and_drops_the_rest():
    paths = ["assets/javascripts/bundle.1.min.js", "assets/javascripts/bundle.1.min.js.map",
             "assets/stylesheets/main.2.min.css.map",
             "assets/javascripts/lunr/min/lunr.fr.min.js",
             "assets/javascripts/lunr/min/lunr.de.min.js",
             "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
             "assets/javascripts/lunr/min/lunr.multi.min.js",
             "assets/javascripts/lunr/wordcut.js", "cas/bethune/index.html"]
    assert removable(paths, ["fr"]) == [
        "assets/javascripts/bundle.1.min.js.map", "assets/javascripts/lunr/min/lunr.de.min.js",
        "assets/javascripts/lunr/wordcut.js", "assets/stylesheets/main.2.min.css.map"]
    assert "assets/javascripts/lunr/min/lunr.de.min.js" not in removable(paths, ["fr", "de"])


def test_source_map_comment_removed():
    assert strip_map_comment(b"x();\n//# sourceMappingURL=b.js.map\n") == b"x();\n"
    assert strip_map_comment(b"a{}\n/*# sourceMappingURL=m.css.map */") == b"a{}\n"


SECTION = '''<a href="../cas/" class="md-nav__link ">
  <span class="md-ellipsis">
    D&eacute;marches &amp; cas
  </span>
</a>
<label class="md-nav__link " for="__nav_3" id="__nav_3_label" tabindex="">
  <span class="md-nav__icon md-icon"></span>
</label>
<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_3_label" aria-expanded="true">
<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_7_label" aria-expanded="false">
<label class="md-nav__title" for="__toc">'''


def test_section_with_index_page_gets_a_named_landmark():
    fixed = fix_nav(SECTION)
    assert 'aria-label="Démarches &amp; cas" aria-expanded="true"' in fixed
    assert 'aria-labelledby="__nav_7_label"' in fixed  # sections with a text label: as is
    assert 'tabindex=""' not in fixed
    assert '<label class="md-nav__title">' in fixed  # no #__toc checkbox on this page
    assert 'for="__toc"' in fix_nav(SECTION + '<input id="__toc">')


def test_theme_scripts_are_deferred_in_order():
    scripts = ('<script src="assets/javascripts/bundle.5.min.js"></script>\n'
               '<script id="__config" type="application/json">{}</script>\n'
               '<script src="vmi.js" defer></script><script src="x.js" async></script>')
    assert defer_scripts(scripts) == (
        '<script src="assets/javascripts/bundle.5.min.js" defer></script>\n'
        '<script id="__config" type="application/json">{}</script>\n'
        '<script src="vmi.js" defer></script><script src="x.js" async></script>')



TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'


def test_a_table_of_contents_toggle_without_label_takes_the_table_s_name():
    named = fix_nav(TOC_TOGGLE + '<nav class="md-nav md-nav--secondary" aria-label="Table des matières">')
    assert '<input aria-label="Table des matières" class="md-nav__toggle' in named
    assert 'id="__toc"' not in fix_nav(TOC_TOGGLE)  # nothing to toggle, nothing to name
    labelled = TOC_TOGGLE + '<label class="md-nav__link" for="__toc">'
    assert fix_nav(labelled) == labelled
