"""Whether a build makes the offline copy: Material's offline plugin, switched on.

Material internal: the plugin's names in MkDocs' plugin collection (``material/offline``,
or ``offline`` when written short) and its ``enabled`` option. Guarded by
tests/browser/test_offline.py (the offline copy gets the shim and no /admin/).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def offline_enabled(plugins: Mapping[str, Any]) -> bool:
    """``plugins``: MkDocs' ``config.plugins``."""
    plugin = plugins.get("material/offline") or plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
