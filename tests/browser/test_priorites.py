"""« Vos priorités pour les six mois à venir » and « Ce que la loi demande » in the results of
/diagnostic/, in a real browser: collectivités of several size bands chosen from the official
package, every obligation's data-applicable against its own thresholds (worked out here from
the content files, not by the site's code), at most six priorities after low answers, each
with the most alike case first and only funding the collectivité is eligible for, the plan
deadline and the .ics follow-up six months on.
"""

from __future__ import annotations

import datetime
import json
import re

import pytest

from vmi.territories.browser_list import MIN_POPULATION
from vmi.territories.extract import DEFAULT_PACKAGE_DIR
from vmi.territories.official import SIZE_BANDS, size_band
from vmi.testing import ROOT, axe_violations, project_content
from vmi.testing.diagnostic import answer, open_diagnostic, page_data

PACKAGE = ROOT / DEFAULT_PACKAGE_DIR
CONTENT = project_content()


def _read(name: str) -> list[dict]:
    return json.loads((PACKAGE / "data" / f"{name}.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def places() -> list[dict]:
    """One commune per size band (the first by code), and an intercommunality."""
    communes = sorted((c for c in _read("communes") if c["type"] == "commune-actuelle"
                       and (c.get("population") or 0) >= MIN_POPULATION), key=lambda c: c["code"])
    picked = [next({"code": c["code"], "type": "commune", "population": c["population"],
                    "region": c["region"]} for c in communes if size_band(c["population"]) == band)
              for band in SIZE_BANDS]
    group = min(_read("epci"), key=lambda g: g["code"])
    return picked + [{"code": group["code"], "type": "epci",
                      "population": group["populationMunicipale"], "region": None}]


def choose(page, code: str, agents: str | None) -> None:
    field = page.locator("input[data-collectivite-recherche]")
    field.click()
    field.fill(code)
    page.locator(f'[data-collectivite-option="{code}"]').click()
    page.wait_for_selector(f'[data-collectivite][data-code="{code}"]')
    if agents:
        page.locator(f'input[name="vmi-agents"][value="{agents}"]').check()


def expected_applicability(obligation, place: dict, agents: str | None) -> str:
    """The issue's rule: above the population threshold, from the agents threshold."""
    epci = place["type"] == "epci"
    if obligation.concerne == ("commune" if epci else "epci"):
        return "non"
    threshold = (obligation.seuil_population_epci if obligation.seuil_population_epci is not None
                 else obligation.seuil_population) if epci else obligation.seuil_population
    if threshold and place["population"] <= threshold:
        return "non"
    if obligation.seuil_agents:
        return {"oui": "oui", "non": "non"}.get(agents or "", "si-50-agents")
    return "oui"


def eligible(place: dict, axis: str) -> set[str]:
    return {f.id for f in CONTENT.financements if f.statut == "ouvert" and axis in f.axes
            and any(e.type == place["type"]
                    and (e.population_min is None or place["population"] >= e.population_min)
                    and (e.population_max is None or place["population"] <= e.population_max)
                    for e in f.eligibilite)}


def lowest(site_dir) -> dict[str, int]:
    return {q["id"]: q["points"].index(min(q["points"])) for q in page_data(site_dir)["questions"]}


def test_applicability_of_every_obligation_for_each_band(page, site_url, places):
    open_diagnostic(page, site_url)
    answer(page, {CONTENT.diagnostic.questions[0].id: 0})
    intro = page.locator("#vmi-obligations-intro").inner_text()
    assert "Choisissez votre collectivité" in intro and "3\u202f500\u00a0habitants" in intro
    assert page.locator("[data-obligation][data-applicable]").count() == 0
    for place, agents in zip(places, [None, "oui", "nsp", "non", None, "oui"]):
        choose(page, place["code"], agents)
        cards = page.locator("#vmi-obligations [data-obligation]")
        shown = cards.evaluate_all("cs => cs.map(c => [c.dataset.obligation, c.dataset.applicable])")
        want = {o.id: expected_applicability(o, place, agents) for o in CONTENT.obligations}
        assert dict(shown) == want, place
        order = [value for _, value in shown]  # applicable first, then « si 50 agents »
        assert order == sorted(order, key=["oui", "si-50-agents", "non"].index)
        for o in CONTENT.obligations:
            card = page.locator(f'#vmi-obligations [data-obligation="{o.id}"]')
            assert card.get_attribute("data-seuil-population") == str(o.seuil_population)
            assert card.get_attribute("data-seuil-agents") == (str(o.seuil_agents) if o.seuil_agents else "")


def test_low_answers_give_six_priorities_with_alike_cases_and_eligible_funding(page, site_url, site_dir, places):
    place = next(p for p in places if p["type"] == "commune" and p["population"] > 20000)
    band = size_band(place["population"]).id
    open_diagnostic(page, site_url)
    choose(page, place["code"], "oui")
    answer(page, lowest(site_dir))
    priorities = page.locator("[data-priorite]")
    assert 1 <= priorities.count() <= 6
    axes = {a.id for a in CONTENT.diagnostic.axes}
    first_laws = []
    for i in range(priorities.count()):
        item = priorities.nth(i)
        axis = item.get_attribute("data-axe")
        assert axis in axes
        slugs = item.locator("a[data-cas]").evaluate_all("ls => ls.map(l => l.dataset.cas)")
        bands = [CONTENT.territoires[s].taille.id if CONTENT.territoires[s].taille else "" for s in slugs]
        if band in bands:
            assert bands[0] == band, (slugs, bands)
        funding = set(item.locator("a[data-financement]").evaluate_all("ls => ls.map(l => l.dataset.financement)"))
        assert funding == eligible(place, axis), axis
        assert "detr" not in funding
        assert item.locator("[data-ajouter-au-plan]").count() == 1
        assert "Pourquoi" in item.inner_text()
        first_laws.append("obligation légale" in item.inner_text())
    # The rule: those tied to an applicable obligation come first.
    assert first_laws == sorted(first_laws, reverse=True) and first_laws[0]
    others = page.locator("#vmi-autres-liste li").count()
    assert page.locator("#vmi-autres-nombre").inner_text() == f"Voir les {others} autres pistes"
    assert priorities.count() == 6 and others > 0


def six_months(iso: str) -> datetime.date:
    day = datetime.date.fromisoformat(iso)
    month = day.month + 6
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    for d in range(day.day, 27, -1):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue
    return datetime.date(year, month, day.day)


def test_plan_deadline_and_ics_six_months_on(page, site_url, site_dir):
    open_diagnostic(page, site_url)
    answer(page, lowest(site_dir))
    saved = page.evaluate("JSON.parse(localStorage.getItem('vmi-diagnostic')).date")
    local_day = page.evaluate("iso => { const d = new Date(iso); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); }", saved)
    due = six_months(local_day)
    page.locator("[data-priorite] [data-ajouter-au-plan]").first.click()
    page.wait_for_selector("#vmi-plan-corps tr")
    assert page.locator('#vmi-plan-corps [data-champ="echeance"]').first.input_value() == due.isoformat()
    with page.expect_download() as info:
        page.locator("[data-rappel-ics]").click()
    text = open(info.value.path(), encoding="utf-8", newline="").read()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    unfolded = text.replace("\r\n ", "")
    assert f"DTSTART;VALUE=DATE:{due:%Y%m%d}\r\n" in unfolded
    assert re.search(r"\r\nUID:[^\r]+\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", unfolded)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_results_with_priorities_have_no_axe_violation(page, site_url, site_dir, places):
    open_diagnostic(page, site_url)
    choose(page, places[2]["code"], "nsp")
    answer(page, lowest(site_dir))
    page.locator("#vmi-autres summary").click()
    assert axe_violations(page) == []


def test_summary_for_the_mayor_prints_on_one_a4_page(page, site_url, site_dir, places, tmp_path):
    import io

    from pypdf import PdfReader

    open_diagnostic(page, site_url)
    choose(page, places[2]["code"], "oui")
    answer(page, lowest(site_dir))
    first = page.locator("[data-priorite]").first
    first.locator("[data-ajouter-au-plan]").click()
    page.locator("[data-action] [data-champ=porteur]").first.fill("Directrice générale des services")
    page.locator("[data-action] [data-champ=porteur]").first.dispatch_event("change")
    page.evaluate("window.print = () => { window.printedAs = document.documentElement.dataset.impression; }")
    page.locator("[data-imprimer-synthese]").click()
    page.wait_for_function("window.printedAs !== undefined")
    assert page.evaluate("window.printedAs") == "synthese"
    page.emulate_media(media="print")
    summary = page.locator("#vmi-synthese-maire")
    assert summary.is_visible() and not page.locator(".md-container").is_visible()
    text = summary.inner_text()
    for part in ("Trois points forts", "Trois écarts à combler", "Six priorités", "Ce que la loi demande",
                 "Directrice générale des services", "Point d’étape proposé le", "1\u00a0répondant"):
        assert part in text, part
    assert summary.locator("tbody tr").count() == page.locator("[data-priorite]").count()
    assert summary.locator("svg").count() == 1
    pdf = page.pdf(format="A4", print_background=True)
    (tmp_path / "synthese.pdf").write_bytes(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert axe_violations(page) == []


def test_cases_sorted_by_likeness_to_the_chosen_collectivite(page, site_url, places):
    place = places[2]  # 20,000 to 50,000 inhabitants
    open_diagnostic(page, site_url)
    page.goto(site_url + "cas/")
    assert page.locator("[data-ressemblance]").is_hidden()  # nothing chosen yet: the file's order
    open_diagnostic(page, site_url)
    choose(page, place["code"], None)
    region = page.locator("[data-collectivite]").inner_text()
    page.goto(site_url + "cas/")
    page.wait_for_selector("form[data-tri=ressemblance]")
    slugs = page.locator("li[data-cas]").evaluate_all("ls => ls.map(l => l.dataset.cas)")
    band = size_band(place["population"]).id

    def rank(slug: str) -> int:
        where = CONTENT.territoires[slug]
        same_band = bool(where.taille) and where.taille.id == band
        same_region = bool(where.region) and where.region in region
        return 1 if same_band and same_region else 2 if same_band else 3 if same_region else 4
    ranks = [rank(s) for s in slugs]
    assert ranks == sorted(ranks) and 2 in ranks  # some case of the same band exists
    assert page.locator("li[data-cas][hidden]").count() == 0  # sorted, nothing filtered out
    assert "ressemblance" in page.locator("[data-ressemblance]").inner_text()
    assert all(page.locator(f'li[data-cas="{s}"] .vmi-cas-liste__ressemblance').count() == (rank(s) < 4) for s in slugs)


def test_a_towns_own_case_comes_first_and_is_called_its_own(page, site_url):
    """A town with a case of its own on the site finds it first in /cas/, as its own
    approach, not as the case most alike to itself."""
    slug, where = next((s, t) for s, t in CONTENT.territoires.items() if t.carrier_code and not t.carried_by_epci)
    open_diagnostic(page, site_url)
    choose(page, where.code_insee, None)
    page.goto(site_url + "cas/")
    page.wait_for_selector("form[data-tri=ressemblance]")
    first = page.locator("li[data-cas]").first
    assert first.get_attribute("data-cas") == slug
    assert first.locator(".vmi-cas-liste__ressemblance").inner_text() == "Démarche de votre collectivité"
    assert page.locator(".vmi-cas-liste__ressemblance", has_text="Démarche de votre collectivité").count() == 1


def test_summary_for_the_mayor_from_the_team_medians_on_one_a4_page(page, site_url, site_dir):
    import io

    from pypdf import PdfReader

    from vmi.testing.diagnostic import identity, team_exports

    page.goto(site_url + "diagnostic/equipe/")
    page.locator("[data-synthese-import]").set_input_files(team_exports(identity(site_dir)))
    page.wait_for_selector("#vmi-syn[data-repondants='3']")
    page.evaluate("window.print = () => { window.printedAs = document.documentElement.dataset.impression; }")
    page.locator("[data-imprimer-synthese]").click()
    page.wait_for_selector("#vmi-synthese-maire", state="attached")
    page.locator("html[data-impression=synthese]").wait_for(state="attached")
    assert page.evaluate("window.printedAs") == "synthese"
    page.emulate_media(media="print")
    summary = page.locator("#vmi-synthese-maire")
    text = summary.inner_text()
    assert "3\u00a0répondants (médianes de l’équipe)" in text
    for part in ("Trois points forts", "Trois écarts à combler", "Six priorités", "Point d’étape proposé le"):
        assert part in text, part
    assert 1 <= summary.locator("tbody tr").count() <= 6 and summary.locator("svg").count() == 1
    pdf = page.pdf(format="A4", print_background=True)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert axe_violations(page) == []
