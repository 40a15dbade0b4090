"""The one list of pages generated from ``content/``: where each lives, what it is called,
which templates draw it and which content file it comes from.

The planner (``vmi.site.pages``), the link checker (``vmi.content.links``), the hooks (labels,
navigation) and the build benchmark all read this table; a new kind of generated page
is one more row here and one more planning function in ``vmi.site.pages``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

BODY = "partials/vmi/body/"  # body templates: the article of a generated page


@dataclass(frozen=True, kw_only=True)
class PageKind:
    """One kind of generated page.

    ``path`` holds ``{slug}`` for one page per Markdown file of a folder. ``label`` is the
    default title of a page named after its section (``extra.vmi.rubriques`` renames it);
    pages titled by their own content have none. ``source`` is the content file (or the
    folder's file pattern) that « Modifier cette page » opens and whose presence makes
    the page exist; ``always`` pages exist even without it.
    """

    key: str
    path: str
    body: str
    label: str | None = None
    page_template: str | None = None
    source: str | None = None
    always: bool = False

    @property
    def per_file(self) -> bool:
        return "{slug}" in self.path

    def src_uri(self, slug: str | None = None) -> str:
        return self.path.format(slug=slug) if slug is not None else self.path

    def source_of(self, folder: str, slug: str | None = None) -> str | None:
        """The content file behind a page, relative to the project (``content/cas/x.md``);
        ``folder`` is the content folder's name."""
        if self.source is None:
            return None
        name = self.source.format(slug=slug) if slug is not None else self.source
        return f"{folder}/{name}"


PILIERS = PageKind(key="piliers", path="piliers.md", label="Piliers de la vie quotidienne",
                   body=BODY + "piliers.html", source="piliers.yml", always=True)
GLOSSAIRE = PageKind(key="glossaire", path="glossaire.md", label="Glossaire",
                     body=BODY + "glossaire.html", source="glossaire.yml", always=True)
SPECIFICITES = PageKind(key="specificites", path="specificites/index.md",
                        label="Spécificités des villes moyennes",
                        body=BODY + "specificites-index.html")
SPECIFICITE = PageKind(key="specificite", path="specificites/{slug}.md",
                       body=BODY + "specificite.html", source="specificites/{slug}.md")
CAS_INDEX = PageKind(key="cas", path="cas/index.md", label="Démarches de villes",
                     body=BODY + "cas-index.html", page_template="cas-index.html")
CAS = PageKind(key="cas-page", path="cas/{slug}.md", body=BODY + "cas.html",
               source="cas/{slug}.md")
BIBLIOTHEQUE = PageKind(key="bibliotheque", path="bibliotheque.md", label="Bibliothèque",
                        body=BODY + "bibliotheque.html", page_template="bibliotheque.html",
                        always=True)
DIAGNOSTIC = PageKind(key="diagnostic", path="diagnostic.md", body=BODY + "diagnostic.html",
                      page_template="diagnostic.html", source="diagnostic.yml")

# The team synthesis: the same questionnaire, several respondents' exports brought together.
SYNTHESE = PageKind(key="synthese", path="diagnostic/equipe.md", body=BODY + "synthese.html",
                    page_template="synthese.html", source="diagnostic.yml")

# Talks made of the site's pages (``vmi.content.parcours``): the plan of each, and their list.
PARCOURS_INDEX = PageKind(key="parcours", path="parcours/index.md",
                          label="Parcours de présentation", body=BODY + "parcours-index.html",
                          always=True)
PARCOURS = PageKind(key="parcours-page", path="parcours/{slug}.md", body=BODY + "parcours.html",
                    source="parcours/{slug}.yml")

# What the law asks at each size (content/obligations.yml).
OBLIGATIONS = PageKind(key="obligations", path="obligations.md", label="Obligations légales",
                       body=BODY + "obligations.html", page_template="fiches.html",
                       source="obligations.yml")

# One thematic sheet per axis of the questionnaire (content/themes/<axe>.yml).
THEMES = PageKind(key="themes", path="themes/index.md", label="Fiches thématiques",
                  body=BODY + "themes-index.html")
THEME = PageKind(key="theme", path="themes/{slug}.md", body=BODY + "theme.html",
                 page_template="fiches.html", source="themes/{slug}.yml")

KINDS: tuple[PageKind, ...] = (PILIERS, GLOSSAIRE, SPECIFICITES, SPECIFICITE, CAS_INDEX, CAS,
                               BIBLIOTHEQUE, DIAGNOSTIC, SYNTHESE, PARCOURS_INDEX, PARCOURS,
                               OBLIGATIONS, THEMES, THEME)
# A folder's index page exists when the folder has pages.
INDEX_OF = {SPECIFICITE.key: SPECIFICITES, CAS.key: CAS_INDEX, PARCOURS.key: PARCOURS_INDEX,
            THEME.key: THEMES}


def labels(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Section titles by key (``labels()["cas"]``), with the site's renamings applied."""
    found = {kind.key: kind.label for kind in KINDS if kind.label is not None}
    return {**found, **(overrides or {})}


def folder_of(kind: PageKind) -> str:
    """``cas/{slug}.md`` → ``cas``: the content folder of a per-file kind."""
    assert kind.source is not None
    return kind.source.split("/", 1)[0]


def planned_paths(content_dir: Path, docs_pages: Iterable[str] = ()) -> set[str]:
    """Source paths of every page, read from file names alone (no validation): the
    hand-written ``docs_pages`` and those ``content_dir`` generates. A page whose file is
    invalid still counts as existing: its own error is enough."""
    pages = set(docs_pages)
    for kind in KINDS:
        if kind.per_file:
            pattern = "*" + PurePosixPath(kind.source or "").suffix  # *.md, *.yml
            stems = [p.stem for p in sorted((content_dir / folder_of(kind)).glob(pattern))]
            if stems:
                pages |= {INDEX_OF[kind.key].path} | {kind.src_uri(stem) for stem in stems}
        elif kind.always or (kind.source and (content_dir / kind.source).exists()):
            pages.add(kind.path)
    return pages
