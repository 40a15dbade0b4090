"""Accent folding added to the search index, hidden from result excerpts."""

from vmi.theme.search import fold_index, folded_words


def test_folded_words_are_the_accented_ones_once():
    assert folded_words("<p>Béthune, santé et <b>Santé</b>, l’usager, Œuvre</p>") == [
        "Bethune", "sante", "Sante", "OEuvre"]


def test_index_documents_gain_a_hidden_folded_span():
    index = {"docs": [{"location": "cas/bethune/", "title": "Béthune", "text": "<p>Santé</p>"},
                      {"location": "a/", "title": "Plain", "text": "<p>ascii only</p>"}]}
    docs = fold_index(index)["docs"]
    assert docs[0]["text"] == "<p>Santé</p> <span hidden>Bethune Sante</span>"
    assert docs[1]["text"] == "<p>ascii only</p>"


def test_the_index_file_is_folded_a_document_at_a_time_as_a_whole_parse_would():
    import io
    import json

    from vmi.theme.search import fold_index_text
    index = {"config": {"lang": ["fr"], "separator": "[\\s\\-]+"},
             "docs": [{"location": "cas/bethune/", "title": "Béthune", "text": "<p>Santé</p>"},
                      {"location": "a/", "title": "Plain", "text": "<p>ascii « only »</p>"}],
             "extra": [1, 2]}
    expected = json.dumps(fold_index(json.loads(json.dumps(index))), ensure_ascii=False,
                          separators=(",", ":"))
    for text in (json.dumps(index, separators=(",", ":")), json.dumps(index, indent=2),
                 json.dumps({**index, "docs": []})):
        out = io.StringIO()
        fold_index_text(text, out)
        whole = json.dumps(fold_index(json.loads(text)), ensure_ascii=False,
                           separators=(",", ":"))
        assert out.getvalue() == whole
    assert expected.count("<span hidden>") == 1


def test_accented_words_are_whole_words_with_digits_and_underscores():
    import re
    text = "<p>2ème_étape, l’usager a_b x²; naïve—Œuvre ASCII_only déjà-vu</p>"
    old = re.findall(r"\w*[^\x00-\x7f\W]\w*", re.sub(r"<[^>]+>", " ", text))
    assert old == ["2ème_étape", "x²", "naïve", "Œuvre", "déjà"]
    assert folded_words(text) == list(dict.fromkeys(
        ["2eme_etape", "x2", "naive", "OEuvre", "deja"]))
