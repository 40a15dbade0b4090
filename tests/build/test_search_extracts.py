"""Search extracts read as text: what the questionnaire shows side by side (answers, the
cells of a table) is indexed with a space between, not run together (« au cas par cas.Un
projet », « Découverte0Le sujet »), which is what a visitor read under a result; and the
questionnaire is found where it is asked."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from vmi.testing import project_content


def indexed_text(site_dir: Path, page: str) -> str:
    """Every section of ``page`` in the search index, as one text without its markup."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    texts = [doc["text"] for doc in index["docs"] if doc["location"].split("#")[0] == page]
    assert texts, page
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", " ".join(texts))))


def test_questionnaire_answers_and_levels_are_apart(site_dir):
    text = indexed_text(site_dir, "diagnostic/")
    diagnostic = project_content().diagnostic
    for level in diagnostic.niveaux:
        assert f"{level.nom} {level.min} {level.description}" in text
    for question in diagnostic.questions:
        answers = [answer.texte for answer in question.reponses] + ["Je ne sais pas"]
        assert " ".join(answers) in text, question.id


def test_team_synthesis_leaves_the_questionnaire_to_the_diagnostic(site_dir):
    """The synthesis's tables of answers, question by question, are a copy of the
    questionnaire with empty counts until exports are imported: searching a question leads
    to /diagnostic/, where it is asked, not to those hidden zeros."""
    team = indexed_text(site_dir, "diagnostic/equipe/")
    questionnaire = indexed_text(site_dir, "diagnostic/")
    assert "Chaque membre de l’équipe remplit l’auto-diagnostic" in team
    for question in project_content().diagnostic.questions:
        text = html.unescape(re.sub(r"\s+", " ", question.texte))
        assert text in questionnaire and text not in team, question.id
