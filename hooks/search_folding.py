"""Make search find ``bethune`` and ``sante``: add accent-free words to the index.

Material's French search matches words as written, and phone users rarely type
accents. Each indexed section whose text has accented words gets their folded form
appended in a hidden span, so the excerpt shown to the reader is unchanged.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from vmi.theme.search import fold_index_file


@event_priority(-50)  # after the search plugin writes the index, before offline inlines it
def on_post_build(config: MkDocsConfig) -> None:
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.exists():
        return
    fold_index_file(index_path)
