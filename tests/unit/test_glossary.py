"""Glossary terms marked on their first use in running text."""

from vmi.model.models import Terme
from vmi.site.glossary import Glossary

GLOSSARY = Glossary([Terme(terme="ville moyenne", definition="Entre 10 000 et\n100 000."),
                     Terme(terme="ville", definition="Une commune."),
                     Terme(terme="Cerema", definition="Expertise & territoires.")])


def abbr(term: str, definition: str) -> str:
    return f'<abbr title="{definition}" data-vmi-titre="{definition}">{term}</abbr>'


def test_first_use_in_text_only_longest_term_first():
    page = ('<h2 id="a">Une ville moyenne</h2><p>La <a href="x">ville moyenne</a> et la '
            'ville moyenne, puis la ville moyenne et une ville.</p><p>Le Cerema, le Cerema.</p>')
    assert GLOSSARY.mark_first_uses(page) == (
        '<h2 id="a">Une ville moyenne</h2><p>La <a href="x">ville moyenne</a> et la '
        + abbr("ville moyenne", "Entre 10 000 et 100 000.") + ", puis la ville moyenne et une "
        + abbr("ville", "Une commune.") + ".</p><p>Le "
        + abbr("Cerema", "Expertise &amp; territoires.") + ", le Cerema.</p>")


def test_whole_words_case_and_code_are_respected():
    page = "<p>villes, Ville, <code>ville</code>, <pre>ville</pre> Ceremas</p>"
    assert GLOSSARY.mark_first_uses(page) == page


def test_no_glossary_leaves_pages_alone():
    assert Glossary([]).mark_first_uses("<p>ville</p>") == "<p>ville</p>"
