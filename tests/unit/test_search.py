"""Accent folding added to the search index, hidden from result excerpts."""

import json

from vmi.theme.search import fold_index, fold_index_file, folded_words


def test_folded_words_are_the_accented_ones_once():
    assert folded_words("<p>Béthune, santé et <b>Santé</b>, l’usager, Œuvre</p>") == [
        "Bethune", "sante", "Sante", "OEuvre"]


def test_index_documents_gain_a_hidden_folded_span():
    index = {"docs": [{"location": "cas/bethune/", "title": "Béthune", "text": "<p>Santé</p>"},
                      {"location": "a/", "title": "Plain", "text": "<p>ascii only</p>"}]}
    docs = fold_index(index)["docs"]
    assert docs[0]["text"] == "<p>Santé</p> <span hidden>Bethune Sante</span>"
    assert docs[1]["text"] == "<p>ascii only</p>"


def test_the_index_file_is_folded_in_place_other_keys_kept(tmp_path):
    index = {"config": {"lang": ["fr"], "separator": "[\\s\\-]+"},
             "docs": [{"location": "cas/bethune/", "title": "Béthune", "text": "<p>Santé</p>"}]}
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(index), encoding="utf-8")
    fold_index_file(path)
    folded = json.loads(path.read_text(encoding="utf-8"))
    assert folded["config"] == index["config"]
    assert folded["docs"][0]["text"] == "<p>Santé</p> <span hidden>Bethune Sante</span>"
    assert "Béthune" in path.read_text(encoding="utf-8")  # written as UTF-8, not \\u escapes


def test_accented_words_are_whole_words_with_digits_and_underscores():
    text = "<p>2ème_étape, l’usager a_b x²; naïve—Œuvre ASCII_only déjà-vu</p>"
    assert folded_words(text) == ["2eme_etape", "x2", "naive", "OEuvre", "deja"]


def test_a_large_index_is_written_in_pieces_as_one_compact_file(tmp_path):
    docs = [{"location": f"p{n}/", "title": f"Étape {n}", "text": f"<p>Santé {n}</p>"}
            for n in range(5)]
    index = {"config": {"lang": ["fr"]}, "docs": docs}
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(index), encoding="utf-8")
    fold_index_file(path, piece=2)
    expected = fold_index(json.loads(json.dumps(index)))
    assert path.read_text(encoding="utf-8") == json.dumps(
        expected, ensure_ascii=False, separators=(",", ":"))


def test_an_index_without_documents_stays_valid(tmp_path):
    path = tmp_path / "search_index.json"
    path.write_text("{}", encoding="utf-8")
    fold_index_file(path)
    assert json.loads(path.read_text(encoding="utf-8")) == {"docs": []}
