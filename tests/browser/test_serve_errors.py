"""``make serve``: while a content file is broken, every page shows its errors above the
last good version; once the file is fixed, the automatic reload takes them away.
``make build`` never carries any of it."""

from __future__ import annotations

from pathlib import Path

from vmi.testing import axe_violations

GOOD, TAB = "  - habitat", "\t- habitat"
OVERLAY = "[data-erreurs-contenu]"


def _break(cas: Path) -> tuple[str, int]:
    good = cas.read_text("utf-8")
    line = good.split("\n").index(GOOD) + 1
    cas.write_text(good.replace(GOOD, TAB, 1), "utf-8")
    return good, line


def test_overlay_shows_the_errors_until_the_file_is_fixed(server, page):  # noqa: F811
    project, url, log, process = server
    page.goto(url)
    assert page.locator(OVERLAY).count() == 0
    cas = project / "content" / "cas" / "bethune.md"
    good, line = _break(cas)

    overlay = page.locator(OVERLAY)  # the live-reload script reloads the page by itself
    overlay.wait_for(timeout=60_000)
    assert overlay.get_attribute("role") == "alert"
    text = overlay.inner_text()
    assert f"content/cas/bethune.md:{line}: tabulation interdite" in text
    assert "Contenu invalide\u00a0: 1 erreur" in text
    assert page.locator("h1").first.inner_text().startswith("Béthune")  # last good page below
    assert axe_violations(page) == []

    page.keyboard.press("Escape")
    assert overlay.count() == 0
    page.goto(url.replace("cas/bethune/", ""))  # every page served says it
    overlay.wait_for()
    page.get_by_role("button", name="Masquer les erreurs de contenu").click()
    assert overlay.count() == 0
    page.goto(url)
    overlay.wait_for()

    cas.write_text(good, "utf-8")
    page.wait_for_selector(OVERLAY, state="detached", timeout=60_000)
    page.wait_for_load_state()
    assert page.locator(OVERLAY).count() == 0
    assert process.poll() is None


def test_build_has_no_overlay(site_dir: Path):
    assert not list(site_dir.rglob("erreurs-contenu*"))
    index = (site_dir / "index.html").read_text("utf-8")
    assert "erreurs-contenu" not in index and "data-vmi-erreurs-contenu" not in index
