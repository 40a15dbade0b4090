"""Error lines: ``path:line: field: message`` with French typography in the message."""

from vmi.core.errors import ContentError, ContentErrors, french_typography


def test_french_typography_adds_no_break_spaces():
    assert french_typography("« x » : a ; b ? c !") == (
        "«\u00a0x\u00a0»\u00a0: a\u202f; b\u202f? c\u202f!")
    assert french_typography("https://x.fr a:b") == "https://x.fr a:b"


def test_error_line_keeps_ascii_separators():
    error = ContentError("content/cas/x.md", 4, "piliers[2]", "pilier inconnu « y »")
    assert str(error) == "content/cas/x.md:4: piliers[2]: pilier inconnu «\u00a0y\u00a0»"
    assert str(ContentError("f.yml", None, None, "vide")) == "f.yml: vide"


def test_errors_are_sorted_deduplicated_and_counted():
    a = ContentError("b.md", 3, None, "x")
    b = ContentError("a.md", 9, None, "y")
    errors = ContentErrors([a, b, a])
    assert errors.errors == [b, a]
    assert errors.summary() == "Contenu invalide\u00a0: 2 erreurs (détail ci-dessus)."
