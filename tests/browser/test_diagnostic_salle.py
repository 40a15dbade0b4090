"""The room's show of hands on /diagnostic/ in projection, in a real browser: entered per
question, kept in this browser, summarised on a slide of its own, erased, exported and
joined to the team synthesis (/diagnostic/equipe/).

Each step waits for what a presenter would see (the slide shown, the summary drawn, the
vote saved) rather than for a time: every vote lays the slides out again, which takes a
while on a loaded machine.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vmi.testing.diagnostic import DIAGNOSTIC, STORAGE_KEY

ROOM_KEY = STORAGE_KEY + "-salle"
SPLIT, AGREED = DIAGNOSTIC.questions[0], DIAGNOSTIC.questions[1]
POINTS = [r.points for r in SPLIT.reponses]
LOW, HIGH = POINTS.index(min(POINTS)), POINTS.index(max(POINTS))


def on_slide(page, slide: str) -> None:
    """Wait until projection shows the slide ``slide`` (the id in the address)."""
    page.wait_for_function(
        """id => window.VMI.projection && VMI.projection.slides().length > 0 &&
                (VMI.projection.slides()[VMI.projection.current()] || {}).id === id""",
        arg=slide)


def go_to_slide(page, slide: str) -> None:
    page.evaluate("id => { location.hash = id; }", slide)
    on_slide(page, slide)


def open_room(page, site_url: str, slide: str) -> None:
    page.goto(site_url + f"diagnostic/?projection#{slide}")
    on_slide(page, slide)
    page.locator("input[data-salle]").first.wait_for(state="attached")


def saved_votes(page) -> dict:
    raw = page.evaluate("k => localStorage.getItem(k)", ROOM_KEY)
    return json.loads(raw)["votes"] if raw else {}


def vote(page, question: str, choice: str, hands: int) -> None:
    """Type the number of raised hands (on a small screen, the question's fields may be on
    its next slide), then wait until it is saved and summarised."""
    field = page.locator(f'input[data-salle="{question}"][data-choix="{choice}"]')
    for _ in range(3):
        if field.is_visible():
            break
        page.evaluate("VMI.projection.next()")
    field.fill(str(hands))
    page.wait_for_function(
        """([key, q, c, n]) => {
             const raw = localStorage.getItem(key), o = raw && JSON.parse(raw);
             const item = document.querySelector(`[data-salle-question="${q}"]`);
             return !!o && !!o.votes[q] && o.votes[q][c] === n && !!item &&
                    JSON.parse(item.getAttribute('data-repartition'))[c] === n;
           }""", arg=[ROOM_KEY, question, choice, hands])


def vote_split_and_agreed(page, site_url: str) -> dict:
    """Votes on the first question (lowest and highest answers, two « Je ne sais pas ») and
    the second (one answer only); the expected distribution of the first."""
    open_room(page, site_url, f"vmi-q-{SPLIT.id}")
    votes = page.locator(f'input[data-salle="{SPLIT.id}"]')
    assert votes.count() == len(POINTS) + 1  # each answer and « Je ne sais pas »
    vote(page, SPLIT.id, str(LOW), 4)
    vote(page, SPLIT.id, str(HIGH), 6)
    vote(page, SPLIT.id, "nsp", 2)
    go_to_slide(page, f"vmi-q-{AGREED.id}")
    vote(page, AGREED.id, "1", 5)
    counts = {str(i): 0 for i in range(len(POINTS))} | {"nsp": 2}
    counts[str(LOW)], counts[str(HIGH)] = 4, 6
    return counts


def test_show_of_hands_in_projection_is_kept_as_the_room_synthesis(page, site_url):
    counts = vote_split_and_agreed(page, site_url)
    go_to_slide(page, "vmi-salle")  # a slide of its own
    item = page.locator(f'[data-salle-question="{SPLIT.id}"]')
    assert item.is_visible()
    assert json.loads(item.get_attribute("data-repartition")) == counts
    wide = 2 * (max(POINTS) - min(POINTS)) >= max(POINTS)
    assert item.get_attribute("data-a-discuter") == ("oui" if wide else "non")
    assert page.locator(f'[data-salle-question="{AGREED.id}"]').get_attribute(
        "data-a-discuter") == "non"  # one answer only
    page.reload()
    page.locator(f'[data-salle-question="{SPLIT.id}"]').wait_for(state="attached")
    assert page.locator(f'input[data-salle="{SPLIT.id}"]').nth(HIGH).input_value() == "6"
    page.evaluate("VMI.projection.leave()")  # outside projection, no vote fields
    page.wait_for_function("() => !document.documentElement.hasAttribute('data-mode')")
    assert page.locator("input[data-salle]").count() > 0
    assert not any(page.locator("input[data-salle]").nth(i).is_visible()
                   for i in range(page.locator("input[data-salle]").count()))
    assert not page.locator("#vmi-salle").is_visible()


@pytest.mark.parametrize("size", [(1280, 720), (412, 823)])
def test_reloading_on_the_room_slide_keeps_that_slide(page, site_url, size):
    """A workshop that voted on every question: once drawn, the summary and the vote fields
    need more slides than the page had before; the slide shown is still the room's."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    vote_split_and_agreed(page, site_url)
    every = {q.id: {"0": 1 + i % 3, "nsp": i % 2} for i, q in enumerate(DIAGNOSTIC.questions)}
    page.evaluate("""([key, votes]) => {
        const o = JSON.parse(localStorage.getItem(key));
        o.votes = votes;
        localStorage.setItem(key, JSON.stringify(o));
    }""", [ROOM_KEY, every])
    go_to_slide(page, "vmi-salle")
    page.reload()
    page.wait_for_function("""() => window.VMI.projection &&
        VMI.projection.slides().some(s => s.id.startsWith('vmi-salle--suite'))""")
    on_slide(page, "vmi-salle")
    assert page.locator(f'[data-salle-question="{SPLIT.id}"]').is_visible()
    assert page.evaluate("location.hash") == "#vmi-salle"


def test_erasing_the_room_vote_asks_first_then_empties_everything(page, site_url):
    vote_split_and_agreed(page, site_url)
    go_to_slide(page, "vmi-salle")
    erase = page.get_by_role("button", name="Effacer le vote de la salle")
    page.once("dialog", lambda d: d.dismiss())
    erase.click()
    assert page.locator("[data-salle-question]").count() == 2  # refused: nothing lost
    assert saved_votes(page)
    page.once("dialog", lambda d: d.accept())
    erase.click()
    page.locator("#vmi-salle").get_by_text("Aucun vote saisi pour l’instant").wait_for()
    assert page.locator("[data-salle-question]").count() == 0
    assert page.locator("#vmi-message").inner_text() == "Le vote de la salle a été effacé."
    assert saved_votes(page) == {}
    values = page.locator("input[data-salle]").evaluate_all("l => l.map(e => e.value)")
    assert values and set(values) == {""}
    page.reload()
    on_slide(page, "vmi-salle")
    page.locator("input[data-salle]").first.wait_for(state="attached")
    assert set(page.locator("input[data-salle]").evaluate_all("l => l.map(e => e.value)")) == {""}
    assert page.locator("[data-salle-question]").count() == 0


def test_room_vote_exported_then_joined_to_the_team_synthesis(page, site_url, tmp_path: Path):
    counts = vote_split_and_agreed(page, site_url)
    go_to_slide(page, "vmi-salle")
    with page.expect_download() as info:
        page.get_by_role("button", name="Exporter le vote (JSON)").click()
    assert info.value.suggested_filename.startswith("vote-salle-")
    room = tmp_path / info.value.suggested_filename
    info.value.save_as(room)
    assert json.loads(room.read_text(encoding="utf-8"))["format"] == "vmi-salle"
    link = page.locator("#vmi-salle a", has_text="synthèse d’équipe")
    assert link.get_attribute("href") == page.locator("#vmi-lien-equipe").get_attribute("href")

    # imported as a previous result on /diagnostic/, it is refused, saying where it goes
    page.evaluate("VMI.projection.leave()")
    page.set_input_files("#vmi-import", room)
    page.locator("#vmi-alerte").filter(has_text="vote de la salle").wait_for()
    assert "synthèse d’équipe" in page.locator("#vmi-alerte").inner_text()

    # one respondent who answered the highest choice everywhere, plus the room
    identity = json.loads(room.read_text(encoding="utf-8"))["questionnaire"]
    high = {q.id: [r.points for r in q.reponses].index(max(r.points for r in q.reponses))
            for q in DIAGNOSTIC.questions}
    person = {"format": "vmi-diagnostic", "v": 1, "questionnaire": identity, "nom": "Alix",
              "date": "2026-03-01T10:00:00.000Z", "answers": high, "targets": {}, "notes": {}}
    alix = tmp_path / "alix.json"
    alix.write_text(json.dumps(person, ensure_ascii=False), encoding="utf-8")
    page.goto(site_url + "diagnostic/equipe/")
    page.wait_for_selector("#vmi-syn[data-vmi-init]", state="attached")
    page.set_input_files("input[type=file][data-synthese-import]", [alix, room])
    page.wait_for_selector('#vmi-syn[data-votes-salle="1"]')
    assert page.locator("#vmi-syn-etat").inner_text() == \
        "1 répondant et un vote de la salle dans la synthèse."
    assert page.locator("#vmi-syn-alertes").inner_text() == ""
    split = page.locator(f'[data-synthese-question="{SPLIT.id}"]')
    with_alix = dict(counts, **{str(HIGH): counts[str(HIGH)] + 1})
    assert json.loads(split.get_attribute("data-repartition")) == with_alix
    wide = 2 * (max(POINTS) - min(POINTS)) >= max(POINTS)
    assert split.get_attribute("data-a-discuter") == ("oui" if wide else "non")
    agreed = json.loads(page.locator(f'[data-synthese-question="{AGREED.id}"]')
                        .get_attribute("data-repartition"))
    assert agreed[str(high[AGREED.id])] == 1 + (5 if high[AGREED.id] == 1 else 0)
    assert agreed["1"] == 5 + (1 if high[AGREED.id] == 1 else 0)
    for axis in DIAGNOSTIC.axes:  # hands give no score per axis: Alix alone is counted
        row = page.locator(f'[data-synthese-axe="{axis.id}"]')
        assert (row.get_attribute("data-repondants"), row.get_attribute("data-mediane")) == \
            ("1", "100"), axis.id
    people = page.locator("#vmi-syn-repondants-corps tr")
    assert people.count() == 2
    assert "Vote de la salle" in people.nth(1).inner_text()
    assert "2 questions votées" in people.nth(1).inner_text()
    assert page.locator(".vmi-syn__salle-note").is_visible()
