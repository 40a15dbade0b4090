"""Command line for editors: ``vmi check|schemas|nouveau-cas|nouvelle-specificite``.

The ``vmi`` console script is installed with the package (``make`` targets call it);
it works on the project of the current folder (where ``mkdocs.yml`` is), whose settings
(``extra.vmi``) say where the content is. Messages are French because editors read them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vmi.content.handwritten import check_docs
from vmi.content.links import check_links, site_pages
from vmi.content.loader import load_content
from vmi.content.video import poster_errors
from vmi.core.errors import ContentError, ContentErrors, french_typography
from vmi.core.settings import read_settings
from vmi.core.source import ContentFileError, read_text, split_front_matter
from vmi.editor.scaffold import NewCase, ScaffoldError, new_case, new_specificity

# Content Markdown files become pages at these site paths: their links resolve from there.
_CONTENT_PAGES = ("cas", "specificites")


CMS_CONFIG = "editor/admin/config.yml"


def _docs_pages(docs: Path) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def _body(text: str) -> tuple[str, int]:
    """Markdown after the front matter and its first line; tolerant of broken files."""
    parts = split_front_matter(text)
    return (parts[1], parts[2]) if parts else (text, 1)


def check(project: Path) -> tuple[list[ContentError], int]:
    """All errors of ``content/`` and ``docs/``, and how many files were read."""
    try:
        content_dir = read_settings(project).content_dir(project)
    except ContentErrors as exc:
        return exc.errors, 1
    docs = project / "docs"
    docs_pages = _docs_pages(docs)
    errors: list[ContentError] = []
    count = 0
    try:
        loaded = load_content(content_dir, docs_pages, docs)
        count += len(loaded.files)
        errors += loaded.warnings  # the strict build refuses them too (heavy documents)
    except ContentErrors as exc:
        errors += exc.errors
    pages = site_pages(content_dir, docs_pages)
    for folder in _CONTENT_PAGES:
        for path in sorted((content_dir / folder).glob("*.md")):
            label = f"{content_dir.name}/{folder}/{path.name}"
            try:
                body, first = _body(read_text(path, label))
            except ContentFileError:
                continue  # already reported by the loader
            page = f"{folder}/{path.name}"
            errors += check_links(body, page, label, pages, docs, first)
            errors += poster_errors(body, label, page, docs, first)
    errors += check_docs(docs, docs_pages, pages)
    count += len(docs_pages)
    return ContentErrors(errors).errors, count  # deduplicated, in file and line order


def _content_dir(args: argparse.Namespace) -> Path:
    return read_settings(args.projet).content_dir(args.projet)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _check(args: argparse.Namespace) -> int:
    errors, count = check(args.projet)
    if errors:
        for error in errors:
            print(error, file=sys.stderr)
        print(french_typography(f"{_plural(len(errors), 'erreur')} : corrigez les lignes "
                                f"ci-dessus, puis relancez « make check »."), file=sys.stderr)
        return 1
    print(f"{count} fichiers vérifiés, aucune erreur")
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from vmi.editor.cms import write  # the form editor's configuration, from the same models
    from vmi.editor.schemas import write_all  # pydantic's schema generation is only needed here

    paths = write_all(_content_dir(args) / "schemas")
    paths.append(write(args.projet / CMS_CONFIG))
    for path in paths:
        print(french_typography(f"écrit : {path.relative_to(args.projet).as_posix()}"))
    return 0


def _scaffold(args: argparse.Namespace) -> int:
    try:
        if args.commande == "nouveau-cas":
            case = new_case(_content_dir(args), args.nom)
            path, notes = case.path, _territory_notes(case)
        else:
            path, notes = new_specificity(_content_dir(args), args.nom), []
    except ScaffoldError as exc:
        print(french_typography(str(exc)), file=sys.stderr)
        return 1
    print(french_typography(f"créé : {path.relative_to(args.projet).as_posix()} — remplacez "
                            f"les « À compléter », puis lancez « make check »."))
    for note in notes:
        print(french_typography(note))
    return 0


def _territory_notes(case: NewCase) -> list[str]:
    """What the official data said of the town's name, for the terminal."""
    if case.commune is not None:
        c = case.commune
        return [f"code_insee : {c.code} ({c.nom}, {c.departement}), d’après les données "
                f"officielles : département, région et population en viendront."]
    if case.candidates:
        return [f"{len(case.candidates)} communes portent ce nom : choisissez la vôtre dans "
                f"le fichier (lignes « # code_insee ») :"] + [
            f"  {c.code} : {c.nom} ({c.departement})" for c in case.candidates]
    return ["Aucune commune actuelle ne porte ce nom dans les données officielles : "
            "indiquez le département et la région, ou le code_insee de la commune."]


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="vmi", add_help=False, description="Outils des contenus du site "
        "Villes moyennes intelligentes.")
    main.add_argument("-h", "--help", action="help", help="affiche cette aide")
    main.add_argument("--projet", type=Path, default=Path.cwd(), metavar="DOSSIER",
                      help="dossier du projet, celui de mkdocs.yml (par défaut : le dossier "
                      "courant)")
    commands = main.add_subparsers(dest="commande", required=True, metavar="COMMANDE",
                                   title="commandes")
    commands.add_parser("check", add_help=False, help="vérifie tout le contenu sans construire le site",
                        description="Vérifie content/ et les pages de docs/ ; affiche chaque "
                        "erreur sous la forme « fichier:ligne: champ: message ».")
    commands.add_parser("schemas", add_help=False, help="réécrit les schémas JSON de content/schemas/",
                        description="Réécrit content/schemas/*.schema.json à partir des "
                        "modèles du validateur.")
    for name, what, folder in (("nouveau-cas", "ville", "cas"),
                               ("nouvelle-specificite", "titre", "specificites")):
        sub = commands.add_parser(name, help=f"crée content/{folder}/<nom>.md prêt à remplir",
                                  add_help=False,
                                  description=f"Crée content/{folder}/<nom>.md avec tous les "
                                  f"champs, expliqués ; ne remplace jamais un fichier existant.")
        sub.add_argument("nom", metavar=what.upper(), help=f"{what}, ex. « Exempleville »"
                         if what == "ville" else f"{what}, ex. « Des services mutualisés »")
    for sub in commands.choices.values():
        sub.add_argument("-h", "--help", action="help", help="affiche cette aide")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.projet = args.projet.resolve()
    if args.commande != "check":  # check reports bad settings with the other errors
        try:
            read_settings(args.projet)
        except ContentErrors as exc:
            for error in exc.errors:
                print(error, file=sys.stderr)
            return 1
    if args.commande == "check":
        return _check(args)
    if args.commande == "schemas":
        return _schemas(args)
    return _scaffold(args)
