"""Template filters used in overrides/main.html: ``vmi_nav_fixes`` (see ``vmi.html_fixes``)
and ``vmi_cssmin`` (our stylesheet, minified, inlined in each page's head)."""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from vmi.html_fixes import fix_nav
from vmi.trim import minified


def on_env(env: Environment, config, files) -> Environment:
    env.filters["vmi_nav_fixes"] = lambda markup: Markup(fix_nav(str(markup)))
    env.filters["vmi_cssmin"] = lambda text: Markup(minified("style.css", str(text)))
    return env
