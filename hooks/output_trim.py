"""Lighter output: drop source maps and unused lunr languages, minify our own assets.

The decisions are made by ``vmi.output.trim``; this module only reads the configuration and
rewrites files in the built site.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from vmi.output.trim import minified, removable, strip_map_comment

log = logging.getLogger("mkdocs.hooks.output_trim")


def _languages(config: MkDocsConfig) -> list[str]:
    search = config.plugins.get("search") or config.plugins.get("material/search")
    langs = getattr(search, "config", {}).get("lang") if search else None
    if isinstance(langs, str):
        langs = [langs]
    return list(langs or [config.theme.get("language", "en")])


@event_priority(-90)  # after the search index is written and folded, before offline (-100)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    paths = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    dropped = removable(paths, _languages(config))
    for rel in dropped:
        (site / rel).unlink()
        if rel.endswith(".map"):
            code = site / rel.removesuffix(".map")
            if code.is_file():
                code.write_bytes(strip_map_comment(code.read_bytes()))
    log.debug("output_trim: %d fichiers retirés", len(dropped))
    _minify_own_assets(config, site)


def _minify_own_assets(config: MkDocsConfig, site: Path) -> None:
    """Minify the copies of our scripts and styles (``overrides/assets``, not vendored)."""
    own = Path(config.theme.custom_dir) / "assets"
    for source in own.rglob("*"):
        rel = source.relative_to(own.parent).as_posix()
        target = site / rel
        if "/vendor/" in rel or not target.is_file():
            continue
        text = minified(rel, target.read_text(encoding="utf-8"))
        if text is not None:
            target.write_text(text, encoding="utf-8")
