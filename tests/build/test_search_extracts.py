"""Search extracts read as text: what the questionnaire and the team synthesis show side by
side (answers, the cells of a table) is indexed with a space between, not run together
(« au cas par cas.Un projet », « Découverte0Le sujet »), which is what a visitor read
under a result."""

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


def test_team_synthesis_rows_are_apart(site_dir):
    text = indexed_text(site_dir, "diagnostic/equipe/")
    for question in project_content().diagnostic.questions:
        rows = [f"{answer.texte} {answer.points} 0" for answer in question.reponses]
        assert " ".join(rows + ["Je ne sais pas — 0"]) in text, question.id
