"""MkDocs glue: compiled templates are kept between builds.

Compiling Material's and our templates is the largest fixed cost of a build (a third
of the default site's time, measured by ``make bench``). Jinja's own bytecode cache
keeps them in ``jinja/`` of the cache folder (``extra.vmi.cache``); its key is the
template's source, so an edited template is compiled again. Our renderer
(``vmi.site.pages.Renderer``) compiles with other options (autoescape…) than the theme's
environment, so its templates have a folder of their own, ``jinja/vmi/``.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig

from vmi.site.build_state import state as build


def _cache(config: MkDocsConfig, name: str) -> FileSystemBytecodeCache:
    folder = build.settings.cache_dir(Path(config.config_file_path).parent) / name
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """After generated_pages made the renderer (same priority, earlier in the list)."""
    if build.renderer is not None:
        build.renderer.env.bytecode_cache = _cache(config, "jinja/vmi")
    return config


def on_env(env: Environment, config: MkDocsConfig, files) -> Environment:
    env.bytecode_cache = _cache(config, "jinja")
    return env
