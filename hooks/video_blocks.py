"""Turn ``video`` fenced blocks into link cards (``partials/vmi/video.html``), on every page.

The card links to the video on its host and loads nothing from it; its poster image, if
any, is a file of the site, whose address is worked out here for the page at hand.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from vmi.content.video import find_videos, image_path, missing_image
from vmi.core.errors import ContentError
from vmi.site.build_state import state

log = logging.getLogger("mkdocs.hooks.video_blocks")
TEMPLATE = "partials/vmi/video.html"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    label = state.sources.get(page.file.src_uri, page.file.src_uri)
    blocks, errors = find_videos(markdown, label)
    if not blocks or state.renderer is None:
        return markdown  # errors: content_check reported them before anything was written
    template = state.renderer.env.get_template(TEMPLATE)
    lines = markdown.split("\n")
    for block in reversed(blocks):
        image_url = None
        path = image_path(block.value, page.file.src_uri)
        if path is not None:
            image = files.get_file_from_path(path)
            if image is None:
                _missing(label, missing_image(block.value.image, page.file.src_uri,
                                              Path(config.docs_dir)), state.discard)
                continue
            image_url = image.url_relative_to(page.file)
        lines[block.start:block.end] = ["", template.render(video=block.value,
                                                            image_url=image_url), ""]
    return "\n".join(lines)


def _missing(label: str, message: str, discard: bool) -> None:
    """Found by the content check first (at its line); kept for pages made otherwise."""
    error = ContentError(label, None, "video.image", message)
    log.error(str(error))
    if not discard:
        raise PluginError(str(error))
