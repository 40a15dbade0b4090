"""The team synthesis (/diagnostic/equipe/) in a real browser: several exports imported at
once, a duplicate and foreign files named in French, per-axis and per-question figures
checked against values worked out here from the published rules, exports and the print.

Respondents' exports are written here in the site's export format, with the questionnaire
identity the built page carries (as an export made on /diagnostic/ would).
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from vmi.testing import axe_violations
from vmi.testing.diagnostic import (
    AXES,
    DIAGNOSTIC,
    as_file,
    expected,
    export,
    page_data,
    team_answers,
    team_exports,
)
from vmi.testing.diagnostic import identity as site_identity

PAGE = "diagnostic/equipe/"


@pytest.fixture(scope="module")
def identity(site_dir: Path) -> dict:
    return site_identity(site_dir)




def median(values: list[int]) -> str:
    values = sorted(values)
    n = len(values)
    if not n:
        return ""
    if n % 2:
        return str(values[n // 2])
    pair = Decimal(values[n // 2 - 1] + values[n // 2]) / 2
    return str(int(pair.quantize(Decimal(1), ROUND_HALF_UP)))


def open_page(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.wait_for_selector("#vmi-syn[data-vmi-init]", state="attached")



def import_team(page, identity: dict) -> list[dict]:
    people = team_answers()
    files = team_exports(identity)
    other = {**identity, "id": "un-autre-questionnaire"}
    files += [as_file("alix-copie.json", files[0]["buffer"]),
              as_file("photo.json", b"\x89PNG\r\n\x1a\n"),
              as_file("ailleurs.json", export(other, {}, 9))]
    page.set_input_files("input[type=file][data-synthese-import]", files)
    page.wait_for_selector('#vmi-syn:not([data-repondants="0"])')
    return people


def test_three_exports_a_duplicate_and_foreign_files(page, site_url, identity):
    open_page(page, site_url)
    assert page.locator("input[type=file][data-synthese-import]").get_attribute("multiple") \
        is not None
    people = import_team(page, identity)
    alerts = page.locator("#vmi-syn-alertes")
    assert alerts.get_attribute("role") == "alert"
    text = alerts.inner_text().replace("\xa0", " ")
    assert "« alix-copie.json » est le même export que « alix.json »" in text
    assert "« photo.json » : Le fichier importé n’est pas un export de l’auto-diagnostic." in text
    assert "« ailleurs.json » : Ce fichier est l’export d’un autre questionnaire" in text
    assert page.locator("#vmi-syn-etat").inner_text() == "3 répondants dans la synthèse."

    scores = [expected(answers) for answers in people]
    for axis in AXES:
        counted = [int(s[axis][0]) for s in scores if s[axis][0] != ""]
        row = page.locator(f'[data-synthese-axe="{axis}"]')
        assert (row.get_attribute("data-mediane"), row.get_attribute("data-min"),
                row.get_attribute("data-max"), row.get_attribute("data-repondants")) == \
            (median(counted), str(min(counted)), str(max(counted)), str(len(counted))), axis
        shown = row.locator("td").all_inner_texts()[4:]  # each respondent's score
        assert shown == [s[axis][0] or "non évalué" for s in scores]
    first = page.locator(f'[data-synthese-axe="{AXES[0]}"]')
    assert first.get_attribute("data-repondants") == "2"  # the even case is exercised

    discuss = []
    for q in DIAGNOSTIC.questions:
        points = [r.points for r in q.reponses]
        counts = {str(i): 0 for i in range(len(points))} | {"nsp": 0}
        given = []
        for answers in people:
            value = answers[q.id]
            counts[str(value)] += 1
            if value != "nsp":
                given.append(points[value])
        flag = len(given) > 1 and 2 * (max(given) - min(given)) >= max(points)
        el = page.locator(f'[data-synthese-question="{q.id}"]')
        assert json.loads(el.get_attribute("data-repartition")) == counts, q.id
        assert el.get_attribute("data-a-discuter") == ("oui" if flag else "non"), q.id
        if flag:
            discuss.append(q.texte)
    assert discuss and len(discuss) < len(DIAGNOSTIC.questions)
    agenda = page.locator("#vmi-syn-discuter").inner_text()
    assert all(t in agenda for t in discuss)
    to_check = page.locator("#vmi-syn-verifier li").all_inner_texts()
    seconds = [[q for q in DIAGNOSTIC.questions if q.axe == a][1] for a in AXES]
    assert [t.split(" (")[0] for t in to_check] == [q.texte for q in seconds]


def test_names_notes_links_and_exports(page, site_url, identity):
    open_page(page, site_url)
    a, b, _ = team_answers()
    note = {AXES[1]: "Le référent change chaque année."}
    page.set_input_files("[data-synthese-import]", [
        as_file("a.json", export(identity, a, 1, nom="Alix", role="élu·e", notes=note))])
    page.wait_for_selector('#vmi-syn:not([data-repondants="0"])')
    code = "1" + "".join("n" if b[q.id] == "nsp" else str(b[q.id]) for q in DIAGNOSTIC.questions)
    link = f"https://exemple.org/diagnostic/#r={code}.{'-' * len(AXES)}.{identity['version']}"
    page.fill("#vmi-syn-liens", f"{link}\n\n{link}\n")
    page.get_by_role("button", name="Ajouter ces liens").click()
    assert "est le même export que" in page.locator("#vmi-syn-alertes").inner_text()
    assert "lien" in page.locator("#vmi-syn-repondants-corps").inner_text()
    assert page.locator("#vmi-syn-etat").inner_text() == "2 répondants dans la synthèse."
    page.locator('[data-nom="1"]').fill("Bao")
    page.locator('[data-role="1"]').select_option("numérique")
    notes = page.locator("#vmi-syn-notes").inner_text().replace("\xa0", " ")
    assert "Alix (élu·e) : Le référent change chaque année." in notes

    with page.expect_download() as info:
        page.get_by_role("button", name="Exporter la synthèse (JSON)").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["format"] == "vmi-synthese"
    assert [(r["nom"], r["role"]) for r in data["repondants"]] == [("Alix", "élu·e"),
                                                                  ("Bao", "numérique")]
    scores = [expected(a), expected(b)]
    for axis in AXES:
        assert data["axes"][axis]["scores"] == [int(s[axis][0]) if s[axis][0] else None
                                                for s in scores]
    with page.expect_download() as info:
        page.get_by_role("button", name="Exporter la synthèse (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text("utf-8-sig")),
                           delimiter=";"))
    assert rows[0][-2:] == ["Alix", "Bao"]
    assert [r[0] for r in rows[1:1 + len(AXES)]] == [a.nom for a in DIAGNOSTIC.axes]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_printed_report_fits_two_a4_pages(page, site_url, identity):
    open_page(page, site_url)
    import_team(page, identity)
    page.emulate_media(media="print")
    for hidden in ("#vmi-syn-import", ".md-header", ".vmi-syn__detail"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("#vmi-syn-radar svg", "#vmi-syn-axes", "#vmi-syn-discuter", "#vmi-syn-notes"):
        assert page.locator(shown).is_visible(), shown
    assert 1 <= pdf_pages(page.pdf(format="A4")) <= 2
    # headings in order on paper too (a PDF's outline): the hidden results title stays in it
    assert axe_violations(page) == []


NAMES = ["Alix", "Bao", "Chris", "Dana", "Eli", "Fanny", "Gaël", "Hugo", "Inès", "Jules", "Karim",
         "Léa"]


def dozen(identity: dict, roles: list[str]) -> list[dict]:
    """Twelve respondents who often disagree (answers spread over every choice, a « Je ne
    sais pas » now and then), each with a role and a note on two axes."""
    files = []
    for i, name in enumerate(NAMES):
        answers = {q.id: "nsp" if (i + j) % 7 == 0 else (i * 7 + j * 3) % len(q.reponses)
                   for j, q in enumerate(DIAGNOSTIC.questions)}
        notes = {AXES[k % len(AXES)]: f"{name} : le sujet revient à chaque réunion de service, "
                 "il faudrait enfin lui donner un responsable." for k in (i, i + 3)}
        files.append(as_file(f"{name}.json", export(identity, answers, 1 + i % 28, nom=name,
                                                    role=roles[i % len(roles)], notes=notes)))
    return files


def test_printed_report_of_a_dozen_respondents_fits_two_a4_pages(page, site_url, identity,
                                                                  site_dir):
    from pypdf import PdfReader

    roles = page_data(site_dir)["roles"]
    open_page(page, site_url)
    page.set_input_files("[data-synthese-import]", dozen(identity, roles))
    page.wait_for_selector(f'#vmi-syn[data-repondants="{len(NAMES)}"]')
    assert page.locator("#vmi-syn-discuter li").count() > 10  # a long agenda
    assert page.locator("#vmi-syn-notes li").count() == 2 * len(NAMES)
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert 1 <= len(pdf.pages) <= 2
    text = "".join(p.extract_text() for p in pdf.pages)
    for name in NAMES:  # in the list of respondents and above their column of scores
        assert text.count(name) >= 3, name  # list, scores table, their notes
    for axis in DIAGNOSTIC.axes:
        assert axis.nom.split()[0] in text


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_with_a_team(page, site_url, identity, scheme):
    page.emulate_media(color_scheme=scheme)
    open_page(page, site_url)
    import_team(page, identity)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert axe_violations(page) == []
