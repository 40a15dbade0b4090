"""The contract with Material: every assumption the project still makes about the theme,
checked on the installed theme and on the built site.

A maintenance release of Material 9.x may change markup or file names silently; the
accessibility and speed fixes would then stop working without any error. Each test
here names what to look at again (README, « Mettre à jour Material »).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest

from vmi.testing import ROOT
from vmi.theme.lunr import LUNR_DIR, LUNR_SUPPORT

THEME = Path(material.__file__).parent / "templates"
OURS = ROOT / "overrides"
_GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
_OUR_COMMENT = re.compile(r"^\{#-.*?-#\}\n", re.S)

# Partials we copied from the theme, each with the one change that is the reason why.
COPIED = {
    "partials/search.html": ('role="dialog"', 'role="dialog" aria-label="Recherche"'),
}


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("partial", sorted(COPIED))
def test_copied_partials_are_the_theme_s_with_one_change(partial: str):
    """Else: copy the theme's new partial again and make the same change."""
    theme = (THEME / partial).read_text(encoding="utf-8").removeprefix(_GENERATED)
    ours = _OUR_COMMENT.sub("", (OURS / partial).read_text(encoding="utf-8"), count=1)
    old, new = COPIED[partial]
    assert theme.count(old) == 1
    assert ours == theme.replace(old, new)


def test_every_block_main_html_overrides_exists_in_the_theme():
    """A block the theme renamed would be silently ignored."""
    blocks = set(re.findall(r"\{%-?\s*block (\w+)", (THEME / "base.html").read_text("utf-8")))
    ours = set(re.findall(r"\{%-?\s*block (\w+)", (OURS / "main.html").read_text("utf-8")))
    assert ours and ours <= blocks


def test_our_translations_are_theme_keys():
    """partials/languages/custom.html corrects keys of the theme's French texts."""
    ours = re.findall(r'^\s*"([\w.]+)":', (OURS / "partials/languages/custom.html")
                      .read_text("utf-8"), re.M)
    french = (THEME / "partials/languages/fr.html").read_text("utf-8")
    assert ours and all(f'"{key}":' in french for key in ours)


def test_every_page_is_a_new_document(site_dir: Path):
    """Our scripts start once per page (VMI.start in vmi.js): Material's instant navigation,
    which swaps pages without loading them, stays off. Else: start them again on the
    theme's ``document$`` (and undo what they did to the previous page)."""
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       read(site_dir, "index.html"), re.S)
    assert config and "navigation.instant" not in json.loads(config.group(1))["features"]


def test_translations_reach_the_page(site_dir: Path):
    page = read(site_dir, "a-propos/index.html")
    assert '<html lang="fr"' in page
    assert 'title="Modifier cette page"' in page and "Editer" not in page


def test_palette_switch_is_ours_with_the_theme_s_saved_choice(site_dir: Path):
    """theme/palette.js drives our buttons with Material's storage helpers; the theme's
    inline script restores the saved choice ("__palette") before the first paint; our
    partial reads the same option fields as the theme's own."""
    theme = (THEME / "partials" / "palette.html").read_text(encoding="utf-8")
    for field in ("option.media", "option.scheme", "option.primary", "option.accent",
                  "option.toggle.name", "option.toggle.icon", 'data-md-color-media="',
                  'data-md-component="palette"'):
        assert field in theme, field
    page = read(site_dir, "index.html")
    assert 'data-md-component="palette"' not in page
    switch = re.search(r"<div[^>]*data-vmi-palette.*?</div>", page, re.S)
    assert switch and "<input" not in switch.group()
    buttons = re.findall(r'<button type="button"[^>]*>', switch.group())
    assert len(buttons) == 3
    for attribute in ("media", "scheme", "primary", "accent"):
        assert all(f"data-md-color-{attribute}=" in tag for tag in buttons)
    assert all(re.search(r'aria-label="[^"]+"', tag) for tag in buttons)  # each says what it does
    assert '__md_get("__palette")' in page and "__md_set" in page


def test_search_dialog_is_named(site_dir: Path):
    page = read(site_dir, "index.html")
    assert page.count('role="dialog"') == 1
    assert 'data-md-component="search" role="dialog" aria-label="Recherche"' in page


def test_lazy_search_matches_the_theme_s_index_and_worker(site_dir: Path):
    """lazy-search.js holds back these two: the index request and the search worker."""
    assert (site_dir / "search" / "search_index.json").is_file()
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert "search_index.json" in bundle.read_text(encoding="utf-8")
    workers = list((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert len(workers) == 1 and re.fullmatch(r"search\.[^/]*\.js", workers[0].name)


def test_trim_keeps_what_the_search_worker_loads(site_dir: Path):
    """output_trim keeps only these lunr files: the worker must still ask for them."""
    worker = next((site_dir / "assets/javascripts/workers").glob("search.*.min.js"))
    code = worker.read_text(encoding="utf-8")
    assert all(f"/{name}" in code for name in LUNR_SUPPORT)
    assert re.search(r"/min/lunr\.\$\{\w+\}\.min\.js", code)  # one stemmer per language
    kept = {p.relative_to(site_dir / LUNR_DIR).as_posix()
            for p in (site_dir / LUNR_DIR).rglob("*") if p.is_file()}
    assert kept == {*LUNR_SUPPORT, "min/lunr.fr.min.js"}
    assert not list(site_dir.rglob("*.map"))


def test_pages_load_only_files_that_exist(site_dir: Path):
    """Nothing a page links to was trimmed away (scripts, styles, icons)."""
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"#?]+)', text):
            if re.match(r"^[a-z]+:", target):
                continue
            base = site_dir if target.startswith("/") else page.parent  # 404.html: absolute
            assert (base / target.lstrip("/")).resolve().exists(), (page, target)


def test_no_script_delays_the_first_paint(site_dir: Path):
    """vmi_defer defers the theme's scripts: it expects plain ``<script src>`` tags."""
    for name in ("index.html", "diagnostic/index.html", "bibliotheque/index.html"):
        for tag in re.findall(r"<script [^>]*src=[^>]*>", read(site_dir, name)):
            assert " defer" in tag or " async" in tag, (name, tag)


def test_html_classes_set_early_are_the_bundle_s(site_dir: Path):
    """main.html sets ``js`` and ``js-focus-visible`` on <html> before the bundle does."""
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert _html_classes(bundle.read_text(encoding="utf-8")) == {"js", "js-focus-visible"}
    early = re.search(r"<script>(document\.documentElement\.classList[^<]*)</script>",
                      read(site_dir, "index.html"))
    assert early and _html_classes(early.group(1)) == {"js", "js-focus-visible"}
    assert '<html lang="fr" class="no-js">' in read(site_dir, "index.html")


def _html_classes(code: str) -> set[str]:
    """The classes of ``<html class="no-js">`` once ``code``'s classList calls on it ran."""
    classes = {"no-js"}
    for call, args in re.findall(r"document\.documentElement\.classList\.(add|remove|replace)"
                                 r"\(([^)]*)\)", code):
        names = re.findall(r"[\"']([^\"']+)[\"']", args)
        if call == "add":
            classes.update(names)
        elif call == "remove":
            classes.difference_update(names)
        elif names[0] in classes:
            classes = (classes - {names[0]}) | {names[1]}
    return classes


def test_navigation_fixes_still_find_their_markup(site_dir: Path):
    """vmi.theme.html_fixes names the landmark of each section with an index page: with the
    theme's markup unchanged, no navigation is named by an empty label any more."""
    page = read(site_dir, "specificites/agilite-et-proximite/index.html")
    assert ' tabindex=""' not in page
    named = re.findall(r'<nav class="md-nav"[^>]*aria-label="([^"]+)"', page)
    assert "Spécificités" in named and "Démarches" in named
    for label_id in re.findall(r'<nav class="md-nav"[^>]*aria-labelledby="([^"]+)"', page):
        label = re.search(rf'<label[^>]*id="{label_id}"[^>]*>(.*?)</label>', page, re.S)
        assert label and re.sub(r"<[^>]+>|\s", "", label.group(1)), label_id
