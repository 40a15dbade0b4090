"""MkDocs glue: compiled templates are kept between builds.

Compiling Material's and our templates is the largest fixed cost of a build (a third
of the default site's time, measured by ``make bench``). Jinja's own bytecode cache
keeps them in ``jinja/`` of the cache folder (``extra.vmi.cache``); its key is the
template's source, so an edited template is compiled again.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig

from vmi.build_state import state as build


def on_env(env: Environment, config: MkDocsConfig, files) -> Environment:
    folder = build.settings.cache_dir(Path(config.config_file_path).parent) / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
