"""Template filter ``vmi_nav_fixes`` (see ``vmi.html_fixes``), used in overrides/main.html."""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from vmi.html_fixes import fix_nav


def on_env(env: Environment, config, files) -> Environment:
    env.filters["vmi_nav_fixes"] = lambda markup: Markup(fix_nav(str(markup)))
    return env
