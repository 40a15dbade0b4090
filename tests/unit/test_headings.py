"""Table of contents read back from a generated page's HTML."""

from vmi.site.headings import toc_tokens


def test_nested_headings_with_ids_and_without_permalinks():
    page = ('<h1 id="t">Titre</h1><h2 id="a" class="x">Fiche &amp; <em>faits</em>'
            '<a class="headerlink" href="#a" title="Lien">¶</a></h2><h3 id="b">Sous</h3>'
            '<h4 id="c">Trop profond</h4><h2>Sans id</h2><h2 id="d">Suite</h2>')
    tokens = toc_tokens(page)
    assert [(t["id"], t["name"]) for t in tokens] == [("a", "Fiche &amp; faits"), ("d", "Suite")]
    assert [c["id"] for c in tokens[0]["children"]] == ["b"]
