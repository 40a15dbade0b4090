"""What people write between the fields survives a save through the form editor."""

import yaml

from vmi.editor.cms_files import for_disk, for_form
from vmi.editor.comments import carry
from vmi.editor.scaffold import new_case
from vmi.testing import ROOT

DIAGNOSTIC = "content/diagnostic.yml"


def _through_the_form(path: str, text: str, change=None) -> str:
    """What the form sends back for ``text`` (Decap rewrites YAML its own way)."""
    data = yaml.safe_load(for_form(path, text))
    if change:
        change(data)
    return for_disk(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=True), text)


def test_the_diagnostic_saved_unchanged_is_the_same_text():
    text = (ROOT / DIAGNOSTIC).read_text("utf-8")
    assert "  # --- Gouvernance ---\n  - id: gouvernance-projet\n" in text
    assert _through_the_form(DIAGNOSTIC, text) == text


def test_a_section_comment_follows_its_question_and_survives_its_removal():
    text = (ROOT / DIAGNOSTIC).read_text("utf-8")

    def move_first_question_last(data):
        data["questions"].append(data["questions"].pop(0))

    saved = _through_the_form(DIAGNOSTIC, text, move_first_question_last)
    moved = saved.index("  # --- Gouvernance ---\n  - id: gouvernance-projet\n")
    assert moved > saved.index("# --- Partenariats ---")
    assert saved.count("# --- ") == text.count("# --- ")

    def remove_first_question(data):
        data["questions"].pop(0)

    saved = _through_the_form(DIAGNOSTIC, text, remove_first_question)
    assert "  # --- Gouvernance ---\n  - id: gouvernance-portage\n" in saved
    assert yaml.safe_load(saved)["questions"][0]["id"] == "gouvernance-portage"


def test_the_new_case_template_keeps_its_explanations_through_the_form(tmp_path):
    (tmp_path / "piliers.yml").write_text((ROOT / "content" / "piliers.yml").read_text("utf-8"),
                                          "utf-8")
    template = new_case(tmp_path, "Exempleville").path.read_text("utf-8")
    path = "content/cas/exempleville.md"
    front = yaml.safe_load(template.split("---\n")[1])
    front.update(departement="", annee=2021)  # emptied in the form: the line goes
    decap = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + \
        template.split("---\n", 2)[2]
    saved = for_disk(path, decap, template)
    comments = [line for line in template.split("---\n")[1].splitlines()
                if line.lstrip().startswith("#")]
    kept = [line for line in saved.split("---\n")[1].splitlines()
            if line.lstrip().startswith("#")]
    assert [line for line in kept if line != "# À compléter"] == comments
    first = front["piliers"][0]
    assert f"# À compléter\npiliers: [{first}]\n" in saved  # « - id  # … » is now [id]
    assert "departement:" not in saved and "annee: 2021  # À compléter\n" in saved
    assert "# code_insee: \"00000\"\n# Sans code" in saved  # above the next field kept
    assert saved.split("---\n", 2)[2] == template.split("---\n", 2)[2]


def test_a_comment_inside_a_text_is_text_not_a_comment():
    previous = "intro: |\n  # pas un commentaire\n  suite\n# un vrai\nnom: x\n"
    assert carry(previous, "intro: |\n  # pas un commentaire\n  suite\nnom: y\n") == (
        "intro: |\n  # pas un commentaire\n  suite\n# un vrai\nnom: y\n")


def test_a_file_that_is_not_yaml_is_written_as_it_comes():
    assert carry("a: [\n# x\n", "a: 1\n") == "a: 1\n"


def test_a_comment_ending_a_line_that_opens_a_block_is_kept():
    previous = ("population:  # chiffre de la mairie\n  habitants: 12000\n  annee: 2020\n"
                "feuille_de_route:\n  - date: \"2019\"\n    etape: Lancement\n"
                "  - # deuxième étape\n    date: \"2020\"\n    etape: Suite\n"
                "code_epci:  # à remplir\n")
    rewritten = ("population:\n  habitants: 13000\n  annee: 2021\n"
                 "feuille_de_route:\n  - date: \"2019\"\n    etape: Lancement\n"
                 "  - date: \"2020\"\n    etape: Suite\ncode_epci:\n")
    assert carry(previous, rewritten) == (
        "population:  # chiffre de la mairie\n  habitants: 13000\n  annee: 2021\n"
        "feuille_de_route:\n  - date: \"2019\"\n    etape: Lancement\n"
        "  # deuxième étape\n  - date: \"2020\"\n    etape: Suite\n"
        "code_epci:  # à remplir\n")
