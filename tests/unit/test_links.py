"""Fast link checks of ``make check`` and the build's link warnings named by file:line."""

from pathlib import Path

from vmi.content.links import check_links, page_links, site_pages
from vmi.theme.link_warnings import locate_message

PAGES = {"index.md", "a-propos.md", "piliers.md", "cas/index.md", "cas/bethune.md"}


def messages(markdown: str, page: str, tmp_path: Path) -> list[str]:
    return [str(e) for e in check_links(markdown, page, f"content/{page}", PAGES, tmp_path)]


def test_relative_md_links_resolve_from_the_page(tmp_path: Path):
    text = "Voir [piliers](../piliers.md), [ici](bethune.md#contexte) et [web](https://x.fr).\n"
    assert messages(text, "cas/bethune.md", tmp_path) == []


def test_missing_page_is_named_with_its_line(tmp_path: Path):
    text = "Intro\n\nVoir les [piliers](../pilier.md).\n"
    assert messages(text, "cas/bethune.md", tmp_path) == [
        "content/cas/bethune.md:3: lien: la page « ../pilier.md » n’existe pas ; "
        "vérifiez le nom du fichier"]


def test_links_in_code_are_examples(tmp_path: Path):
    text = "````markdown\n[x](nulle-part.md)\n````\n\nEt `[y](rien.md)` en ligne.\n"
    assert page_links(text) == []


def test_directory_links_are_not_recognised(tmp_path: Path):
    [error] = messages("[Béthune](../cas/bethune/)\n", "cas/index.md", tmp_path)
    assert "non reconnu" in error


def test_site_pages_come_from_file_names(tmp_path: Path):
    (tmp_path / "cas").mkdir()
    (tmp_path / "cas" / "saumur.md").write_text("invalide")
    assert {"cas/index.md", "cas/saumur.md", "piliers.md"} <= site_pages(tmp_path, [])


def test_mkdocs_warning_names_the_content_file_and_line(tmp_path: Path):
    (tmp_path / "content" / "cas").mkdir(parents=True)
    (tmp_path / "content" / "cas" / "bethune.md").write_text("---\na: b\n---\n\n[p](../pilier.md)\n")
    message = ("Doc file 'cas/bethune.md' contains a link '../pilier.md', but the target "
               "'pilier.md' is not found among documentation files.")
    assert locate_message(message, {"cas/bethune.md": "content/cas/bethune.md"}, tmp_path) == (
        "content/cas/bethune.md:5: Doc file 'content/cas/bethune.md' contains a link "
        "'../pilier.md', but the target 'pilier.md' is not found among documentation files.")
    assert locate_message("Autre chose", {}, tmp_path) == "Autre chose"
