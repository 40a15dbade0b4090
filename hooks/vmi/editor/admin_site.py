"""``/admin/`` written into a built site when the editor is switched on (``vmi.editor.forge``).

The same page, scripts and styles as ``make editer`` (``editor/admin/``, Decap CMS from
``editor/vendor/decap-cms/``), with a configuration whose backend is the forge. The page
carries its own Content-Security-Policy: its scripts are files of the site, it talks
only to the forge. Decap needs two things the site's own policy (``vmi.output.csp``) refuses:
``'unsafe-inline'`` styles (its styles are generated in the page) and ``'unsafe-eval'``
(it compiles its configuration's schema into a function); so ``/admin/`` has its own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from vmi.editor import cms
from vmi.editor.forge import Editeur

FOLDER = "admin"
PAGE_FILES = ("index.html", "accessibilite.js", "editeur.css")
_CHARSET = '<meta charset="utf-8">'


def policy(editor: Editeur) -> str:
    forge = " ".join(editor.origins())
    return "; ".join([
        "default-src 'self'", "script-src 'self' 'unsafe-eval'", "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {forge}", f"connect-src 'self' {forge}",
        "frame-src 'self' blob:", "object-src 'none'", "base-uri 'self'",
        f"form-action 'self' {forge}"])


def write(project: Path, site: Path, editor: Editeur) -> Path:
    """Write ``site/admin/`` for ``editor``; returns the folder."""
    target = site / FOLDER
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project / "editor" / "vendor" / "decap-cms", target,
                    ignore=shutil.ignore_patterns("README.md"))
    source = project / "editor" / "admin"
    for name in PAGE_FILES[1:]:
        shutil.copy2(source / name, target / name)
    page = (source / "index.html").read_text("utf-8")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(editor)}">'
    (target / "index.html").write_text(page.replace(_CHARSET, _CHARSET + "\n  " + meta, 1),
                                       "utf-8")
    (target / "config.yml").write_text(cms.render(editor.backend()), "utf-8")
    return target
