"""« Votre collectivité » on /diagnostic/ in a real browser: choosing a commune or an EPCI of
each size band by typing its name without accents, the box's figures checked against the
official package itself, the agents question, persistence, export, share link, team page.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from playwright.sync_api import expect

from vmi.territories.browser_list import MIN_POPULATION
from vmi.territories.extract import DEFAULT_PACKAGE_DIR, edition
from vmi.territories.official import EPCI_TYPES, SIZE_BANDS, size_band
from vmi.testing import ROOT, axe_violations
from vmi.testing.diagnostic import (
    answer,
    as_file,
    export,
    identity,
    open_diagnostic,
    reload_diagnostic,
    some_answers,
)

PACKAGE = ROOT / DEFAULT_PACKAGE_DIR
FIELD = "input[data-collectivite-recherche]"
CHOSEN = "[data-collectivite]"


def _read(name: str) -> list[dict]:
    return json.loads((PACKAGE / "data" / f"{name}.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def official() -> dict:
    """The package's data, as the test reads it (not through the site's code)."""
    communes = [c for c in _read("communes") if c["type"] == "commune-actuelle"]
    return {"communes": communes, "epci": _read("epci"),
            "departements": {d["code"]: d["nom"] for d in _read("departements")},
            "regions": {r["code"]: r["nom"] for r in _read("regions")}}


def plain(name: str) -> str:
    """A name as someone in a hurry types it: no accents, no hyphens, lower case."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return text.replace("-", " ").replace("'", " ").lower()


def one_per_band(official: dict) -> list[dict]:
    """For each band of /cas/, a commune with an accent in a name no other has (the
    biggest band: an EPCI too), the first by code: chosen from the data, not typed here."""
    counts: dict[str, int] = {}
    for commune in official["communes"]:
        counts[commune["nom"]] = counts.get(commune["nom"], 0) + 1
    picked = []
    for band in SIZE_BANDS:
        picked.append(next(
            dict(c, kind="commune") for c in sorted(official["communes"], key=lambda c: c["code"])
            if (c.get("population") or 0) >= MIN_POPULATION and size_band(c["population"]) == band
            and counts[c["nom"]] == 1 and plain(c["nom"]) != c["nom"].lower()))
    group = next(g for g in sorted(official["epci"], key=lambda g: g["code"])
                 if g["type"] == "CA" and size_band(g["populationMunicipale"]).id == "plus-de-100000"
                 and plain(g["nom"]) != g["nom"].lower())
    return [*picked, dict(group, kind="epci")]


def choose(page, typed: str, code: str) -> None:
    """Type like a visitor (key by key), then choose the suggestion by keyboard."""
    field = page.locator(FIELD)
    field.fill("")
    field.click()
    field.press_sequentially(typed)
    option = page.locator(f'[data-collectivite-option="{code}"]')
    option.wait_for()
    position = page.locator("[data-collectivite-option]").evaluate_all(
        "(options, code) => options.findIndex(o => o.dataset.collectiviteOption === code)", code)
    for _ in range(position + 1):
        field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    field.press("Enter")
    page.wait_for_selector(f'{CHOSEN}[data-code="{code}"]')


def figure(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def test_each_size_band_by_typing_without_accents(page, site_url, official):
    version = json.loads((PACKAGE / "package.json").read_text("utf-8"))["version"]
    year = edition((PACKAGE / "README.md").read_text("utf-8"), version)  # the README's table
    open_diagnostic(page, site_url)
    for item in one_per_band(official):
        choose(page, plain(item["nom"]), item["code"])
        box = page.locator(CHOSEN)
        text = box.inner_text()
        if item["kind"] == "commune":
            population = item["population"]
            group = next((g for g in official["epci"]
                          if any(m["code"] == item["code"] for m in g["membres"])), None)
            assert official["departements"][item["departement"]] in text
            assert official["regions"][item["region"]] in text
            if group:
                assert group["nom"] in text and figure(group["populationMunicipale"]) in text
        else:
            population = item["populationMunicipale"]
            assert EPCI_TYPES[item["type"]] in text
        assert box.get_attribute("data-type") == item["kind"]
        assert box.get_attribute("data-population") == str(population)
        assert box.get_attribute("data-taille") == size_band(population).id
        assert item["nom"] in text and figure(population) in text
        assert "INSEE" in text and f"édition {year}" in text  # source and year of the figure
    assert [b.id for b in SIZE_BANDS] == [size_band(i["population"] if i["kind"] == "commune"
                                                    else i["populationMunicipale"]).id
                                          for i in one_per_band(official)[:5]]


def test_saint_die_agents_persistence_export_and_other_pages(page, site_url, official, tmp_path):
    town = next(c for c in official["communes"] if c["nom"] == "Saint-Dié-des-Vosges")
    open_diagnostic(page, site_url)
    page.locator(FIELD).click()
    page.locator(FIELD).press_sequentially("saint die")
    first = page.locator("[data-collectivite-option]").first
    first.wait_for()
    assert first.get_attribute("data-collectivite-option") == town["code"]
    assert "Vosges" in first.inner_text()  # the department, against homonyms
    first.click()  # a tap or a click chooses too
    page.wait_for_selector(f'{CHOSEN}[data-code="{town["code"]}"]')
    radios = page.locator('input[type=radio][name="vmi-agents"]')
    assert radios.evaluate_all("rs => rs.map(r => r.value)") == ["oui", "non", "nsp"]
    page.evaluate("window.seen = []; document.addEventListener('vmi:collectivite', e => seen.push(e.detail.agents || ''))")
    page.locator('input[name="vmi-agents"][value="non"]').check()
    assert page.evaluate("seen") == ["non"]  # other scripts hear of the answer
    answer(page, some_answers())
    reload_diagnostic(page)
    page.wait_for_selector(f'{CHOSEN}[data-code="{town["code"]}"]')
    assert page.locator('input[name="vmi-agents"]:checked').get_attribute("value") == "non"
    assert page.locator("#vmi-coll-rapport").inner_text().startswith("Collectivité\u00a0: Saint-Dié-des-Vosges")
    with page.expect_download() as info:
        page.locator("#vmi-export-json").click()
    path = tmp_path / "export.json"
    info.value.save_as(path)
    exported = json.loads(path.read_text("utf-8"))["collectivite"]
    assert {k: exported[k] for k in ("code", "nom", "type")} == {
        "code": town["code"], "nom": town["nom"], "type": "commune"}
    assert exported["agents"] == "non" and exported["population"] == town["population"]
    page.goto(site_url + "cas/")  # the whole site reads it
    got = page.evaluate("VMI.collectivite.get()")
    assert (got["code"], got["taille"], got["agents"]) == (town["code"], size_band(town["population"]).id, "non")
    page.goto(site_url + "diagnostic/")
    page.wait_for_selector(CHOSEN)
    page.locator("[data-collectivite-retirer]").click()
    assert page.locator(CHOSEN).count() == 0 and page.evaluate("VMI.collectivite.get()") is None


def test_share_link_with_a_known_then_an_unknown_code(page, site_url, official):
    town = next(c for c in official["communes"] if c["nom"] == "Saint-Dié-des-Vosges")
    open_diagnostic(page, site_url)
    answers = some_answers()
    answer(page, answers)
    page.locator(FIELD).click()
    page.locator(FIELD).press_sequentially(town["codesPostaux"][0])  # by postcode
    page.locator(f'[data-collectivite-option="{town["code"]}"]').click()
    page.locator('input[name="vmi-agents"][value="oui"]').check()
    page.locator("#vmi-partager").click()
    # Sharing is loaded at its first use: the link is written once its script has run.
    expect(page.locator("#vmi-lien")).to_have_value(re.compile(r"&c="))
    link = page.locator("#vmi-lien").input_value()
    assert link.endswith(f"&c={town['code']}&a=oui")
    fresh = page.context.browser.new_context(locale="fr-FR").new_page()
    try:
        fresh.goto(link)
        fresh.wait_for_selector(f'{CHOSEN}[data-code="{town["code"]}"]')
        assert fresh.locator('input[name="vmi-agents"]:checked').get_attribute("value") == "oui"
        unknown = link.replace(f"&c={town['code']}", "&c=00000")
        fresh.goto(site_url + "diagnostic/")  # a new address: the hash alone would not reload
        fresh.goto(unknown)
        expect(fresh.locator("#vmi-alerte")).to_contain_text("inconnue")  # no eval: the page's CSP forbids it
        alert = fresh.locator("#vmi-alerte").inner_text()
        assert "00000" in alert and "les réponses sont chargées" in alert
        checked = fresh.locator("#vmi-diagnostic input[type=radio]:checked").evaluate_all(
            "inputs => Object.fromEntries(inputs.map(i => [i.name, i.value]))")
        assert checked == {k: str(v) for k, v in answers.items()}
        assert fresh.locator(CHOSEN).count() == 0
    finally:
        fresh.context.close()


def test_team_page_warns_on_mixed_and_unknown_collectivites(page, site_url, site_dir, official):
    by_code = {c["code"]: c for c in official["communes"]}
    first, second = by_code[one_per_band(official)[1]["code"]], by_code[one_per_band(official)[2]["code"]]
    answers = some_answers()
    ident = identity(site_dir)

    def named(commune: dict) -> dict:
        return {"code": commune["code"], "nom": commune["nom"], "type": "commune"}
    files = [as_file("alix.json", export(ident, answers, 1, collectivite=named(first))),
             as_file("bao.json", export(ident, answers, 2, collectivite=named(first))),
             as_file("chris.json", export(ident, answers, 3, collectivite=named(second))),
             as_file("dana.json", export(ident, answers, 4, collectivite={
                 "code": "00000", "nom": "Exempleville", "type": "commune"}))]
    page.goto(site_url + "diagnostic/equipe/")
    page.wait_for_selector("#vmi-syn[data-vmi-init]", state="attached")
    page.set_input_files("[data-synthese-import]", files)
    page.wait_for_selector(".vmi-syn__msg--collectivite >> nth=1")
    messages = page.locator(".vmi-syn__msg--collectivite").all_inner_texts()
    mixed = next(m for m in messages if "pas la même collectivité" in m)
    for name in ("alix.json", "bao.json", "chris.json", first["nom"], second["nom"]):
        assert name in mixed
    assert any("dana.json" in m and "00000" in m and "inconnue" in m for m in messages)
    assert page.locator("#vmi-syn-etat").inner_text() == "4 répondants dans la synthèse."


def test_combobox_is_accessible_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 412, "height": 823}, locale="fr-FR",
                                  has_touch=True, is_mobile=True, bypass_csp=True)
    page = context.new_page()
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith(site_url) else outside.append(r.url))
    try:
        open_diagnostic(page, site_url)
        field = page.locator(FIELD)
        assert field.get_attribute("role") == "combobox"
        assert field.get_attribute("aria-expanded") == "false"
        field.tap()
        field.press_sequentially("lorient")
        page.locator("[data-collectivite-option]").first.wait_for()
        assert field.get_attribute("aria-expanded") == "true"
        assert axe_violations(page) == []
        page.locator("[data-collectivite-option]").first.tap()
        page.wait_for_selector(CHOSEN)
        assert field.get_attribute("aria-expanded") == "false"
        assert axe_violations(page) == []
        assert outside == []
    finally:
        context.close()
