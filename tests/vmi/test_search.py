"""Accent folding added to the search index, hidden from result excerpts."""

from vmi.search import fold_index, folded_words


def test_folded_words_are_the_accented_ones_once():
    assert folded_words("<p>Béthune, santé et <b>Santé</b>, l’usager, Œuvre</p>") == [
        "Bethune", "sante", "Sante", "OEuvre"]


def test_index_documents_gain_a_hidden_folded_span():
    index = {"docs": [{"location": "cas/bethune/", "title": "Béthune", "text": "<p>Santé</p>"},
                      {"location": "a/", "title": "Plain", "text": "<p>ascii only</p>"}]}
    docs = fold_index(index)["docs"]
    assert docs[0]["text"] == "<p>Santé</p> <span hidden>Bethune Sante</span>"
    assert docs[1]["text"] == "<p>ascii only</p>"
