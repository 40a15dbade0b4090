"""``mkdocs serve`` only: while content is invalid, every served page shows its errors.

``serve_last_good`` keeps the last good site served while ``content_check`` records the
errors (``state.failure``); this hook writes them into the served pages
(``vmi.site.error_overlay``) and adds the small script and stylesheet that draw them. A good
rebuild rewrites every page without them. ``make build`` and the offline copy never get
any of it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from vmi.site.build_state import state as build
from vmi.site.error_overlay import report, with_report

ASSETS = {"assets/javascripts/erreurs-contenu.js": "erreurs-contenu.js",
          "assets/stylesheets/erreurs-contenu.css": "erreurs-contenu.css"}


@event_priority(100)  # before serve_last_good may send a discarded build elsewhere
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if build.serving:
        build.served_dir = config.site_dir  # a discarded build writes elsewhere
        config.extra_css.append("assets/stylesheets/erreurs-contenu.css")
        script = ExtraScriptValue("assets/javascripts/erreurs-contenu.js")
        script.defer = True
        config.extra_javascript.append(script)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if build.serving:
        folder = Path(config.config_file_path).parent / "editor"
        for uri, name in ASSETS.items():
            files.append(File.generated(config, uri, abs_src_path=str(folder / name)))
    return files


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    """After a discarded build, the served pages (the last good ones) get the errors."""
    if not (build.serving and build.failure and build.served_dir):
        return
    data = report(build.failure.errors)
    for page in Path(build.served_dir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(with_report(text, data), encoding="utf-8")
