"""Template filters used in overrides/main.html: ``vmi_nav_fixes`` and ``vmi_defer`` (see
``vmi.theme.html_fixes``) and ``vmi_cssmin`` (our stylesheets, minified, inlined in the head).

Since our stylesheets are inlined (overrides/partials/vmi/inline.html), their files are
left out of the site: nothing would load them. Those of ``stylesheets/a-la-demande/`` are
kept: scripts load them when a feature is first used (the action plan of the diagnostic)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from vmi.output.trim import minified
from vmi.theme.html_fixes import defer_scripts, fix_nav


def on_env(env: Environment, config, files) -> Environment:
    env.filters["vmi_nav_fixes"] = lambda markup: Markup(fix_nav(str(markup)))
    env.filters["vmi_defer"] = lambda markup: Markup(defer_scripts(str(markup)))
    env.filters["vmi_cssmin"] = lambda text: Markup(minified("style.css", str(text)))
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    own = Path(config.theme.custom_dir, "assets", "stylesheets").resolve()
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).resolve().parent == own:
            files.remove(file)
    return files
