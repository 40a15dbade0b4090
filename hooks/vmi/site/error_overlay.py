"""The content errors shown on every page of the preview, as a JSON data block.

``mkdocs serve`` keeps serving the last good pages while content is invalid; this module
writes the errors into those pages (``editor/erreurs-contenu.js`` draws them). A data
block is no script: a Content-Security-Policy with hashes does not need to know it.
"""

from __future__ import annotations

import json
import re

from vmi.core.errors import ContentError, french_typography

ATTRIBUTE = "data-vmi-erreurs-contenu"
_BLOCK = re.compile(rf'<script type="application/json" {ATTRIBUTE}>.*?</script>', re.S)


def report(errors: list[ContentError]) -> dict[str, object]:
    """Everything the overlay says, in French, errors as ``path:line: field: message``."""
    count = len(errors)
    return {
        "titre": french_typography(f"Contenu invalide : {count} "
                                   f"{'erreur' if count == 1 else 'erreurs'}"),
        "explication": french_typography(
            "La page affichée est la dernière version correcte. Corrigez le fichier et "
            "enregistrez-le : la page se mettra à jour toute seule."),
        "erreurs": [str(error) for error in errors],
    }


def with_report(html: str, data: dict[str, object] | None) -> str:
    """``html`` with its errors block replaced by ``data`` (or removed, for ``None``)."""
    html = _BLOCK.sub("", html)
    if data is None:
        return html
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    block = f'<script type="application/json" {ATTRIBUTE}>{text}</script>'
    head, found, tail = html.rpartition("</body>")
    return f"{head}{block}{found}{tail}" if found else html + block
