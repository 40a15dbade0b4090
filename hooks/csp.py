"""A Content-Security-Policy ``<meta>`` in every page the build writes (``vmi.output.csp``).

Pages get it last, once every other hook has changed their HTML (``on_post_page`` at the
lowest priority); HTML files written otherwise (the 404 page, files added by other hooks)
get it at the very end of the build. Not under ``mkdocs serve``: its live-reload script,
added to every page it serves, is inline and changes at each rebuild, so no hash could
allow it; the preview is not the published site.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from vmi.output.csp import META_NAME, with_policy
from vmi.site.build_state import state


@event_priority(-1000)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return output if state.serving else with_policy(output)


@event_priority(-1000)  # after every other hook, and after the offline plugin (-100)
def on_post_build(config: MkDocsConfig) -> None:
    if state.serving:
        return
    for path in Path(config.site_dir).rglob("*.html"):
        with path.open("rb") as file:
            if META_NAME.encode() in file.read(4096):
                continue
        text = path.read_text(encoding="utf-8")
        path.write_text(with_policy(text), encoding="utf-8")
