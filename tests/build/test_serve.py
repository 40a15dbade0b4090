"""``make serve`` for editors: a saved file reloads the page; a broken one is reported
with its ``path:line`` while the last good site stays served, until it is fixed."""

from __future__ import annotations

import time

from vmi.site.error_overlay import with_report
from vmi.testing import get_page, wait_for


def _without_reload(html: str | None) -> str:
    """The page without the live-reload script the server appends (it holds a counter)
    nor the content errors written into it (test_serve_errors.py)."""
    assert html is not None
    return with_report(html.rsplit("<script>", 1)[0], None)


def test_broken_file_is_reported_and_last_good_page_stays(server):
    project, url, log, process = server
    cas = project / "content" / "cas" / "bethune.md"
    good = cas.read_text("utf-8")
    assert "  - habitat" in good
    line = good.split("\n").index("  - habitat") + 1
    first_page = get_page(url)
    assert first_page and "Béthune" in first_page

    cas.write_text(good.replace("  - habitat", "\t- habitat"), "utf-8")
    message = f"content/cas/bethune.md:{line}: tabulation interdite : indentez avec des espaces"
    wait_for(lambda: message in log.read_text("utf-8", "replace"), 30, "erreur non affichée", log)
    time.sleep(1)  # let a (wrong) rebuild finish, if one were to happen
    assert process.poll() is None, "le serveur s’est arrêté"
    assert _without_reload(get_page(url)) == _without_reload(first_page)  # last good site
    assert "reste la dernière version correcte" in log.read_text("utf-8", "replace")

    fixed = good.replace("  - habitat", "  - habitat").replace(
        "## Le contexte", "## Le contexte corrigé", 1)
    cas.write_text(fixed, "utf-8")
    wait_for(lambda: "Le contexte corrigé" in (get_page(url) or ""), 30, "page non reconstruite", log)
    assert process.poll() is None
