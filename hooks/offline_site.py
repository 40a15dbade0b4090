"""Offline site (``make offline``): no request to a CDN, even for the search worker.

Material's offline plugin (enabled by ``VMI_HORS_LIGNE=true``) adds
``https://unpkg.com/iframe-worker/shim`` to every page unless a polyfill already
mentions ``iframe-worker``. This hook lists our own shim first (it runs the search worker
in a frame without inline script, as the Content-Security-Policy requires), and only in
the offline build: online, the shim is useless and would cost every visitor a request.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from vmi.site.build_state import state as build

SHIM = "assets/javascripts/theme/iframe-worker.js"


@event_priority(100)  # before the offline plugin's own on_config (priority 0)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if build.offline:
        polyfills = list(config.extra.get("polyfills") or [])
        if SHIM not in polyfills:
            config.extra["polyfills"] = [SHIM, *polyfills]
    return config
