"""Content-Security-Policy, the rest of a visitor's path: the presenter view and its
overview, the palette switch, and the team synthesis (files imported, links pasted,
exports downloaded: its computing scripts load on first use) raise no violation, online
here and over ``file://`` in tests/test_offline.py (``use_site``)."""

from __future__ import annotations

import json

from test_csp import LISTEN, violations

# A team of two: the first answer of every question in a file, the last in a share link.
IDENTITY = """() => {
    const d = JSON.parse(document.getElementById('vmi-diagnostic-data').textContent);
    return {id: d.questionnaire.id, version: d.questionnaire.version, axes: d.axes.length,
            questions: d.questions.map(q => [q.id, q.h, q.points.length])};
}"""


def use_site(context, page_url) -> list[dict]:
    """Use what the sitemap walk does not (``page_url("a-propos")`` gives a page's address)
    and return every violation seen, in the room's window and the presenter's."""
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(page_url("a-propos") + "?projection")
    with page.expect_popup() as popup:
        page.keyboard.press("n")
    view = popup.value
    view.locator("[data-presentateur]").wait_for()
    view.keyboard.press("PageDown")
    page.keyboard.press("o")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    seen = violations(view) + violations(page)
    page.goto(page_url("index"))
    for _ in range(3):
        page.locator("form[data-vmi-palette] label:not([hidden])").click()
    seen += violations(page)
    page.goto(page_url("diagnostic/equipe"))
    page.wait_for_selector("#vmi-syn[data-vmi-init]", state="attached")
    ident = page.evaluate(IDENTITY)
    export = {"format": "vmi-diagnostic", "v": 1, "date": "2026-03-01T10:00:00.000Z",
              "questionnaire": {"id": ident["id"], "version": ident["version"],
                                "questions": {q: h for q, h, _ in ident["questions"]}},
              "answers": {q: 0 for q, _, _ in ident["questions"]}, "targets": {}, "notes": {}}
    page.set_input_files("[data-synthese-import]", [{
        "name": "alix.json", "mimeType": "application/json",
        "buffer": json.dumps(export).encode()}])
    page.wait_for_selector('#vmi-syn:not([data-repondants="0"])')
    code = "".join(str(n - 1) for _, _, n in ident["questions"])
    page.fill("#vmi-syn-liens", f"1{code}.{'-' * ident['axes']}.{ident['version']}\n")
    page.get_by_role("button", name="Ajouter ces liens").click()
    assert page.locator("#vmi-syn-etat").inner_text() == "2 répondants dans la synthèse."
    for name in ("Exporter la synthèse (JSON)", "Exporter la synthèse (CSV)"):
        with page.expect_download():
            page.get_by_role("button", name=name).click()
    return seen + violations(page)


def test_presenter_palette_and_team_synthesis_raise_no_violation(context, site_url):
    assert use_site(context, lambda path: site_url + ("" if path == "index" else path + "/")
                    ) == []
