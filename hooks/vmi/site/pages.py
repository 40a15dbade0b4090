"""Pages built from content: what each one is, its Markdown source, its HTML.

The structured parts (facts box, timeline, cards…) are rendered by Jinja templates
in ``overrides/partials/vmi/`` (one body template per kind of page, named in
``vmi.content.registry``) with autoescaping on, so text from content files is
always escaped; the editor's Markdown body is inserted as already-rendered HTML.
"""

from __future__ import annotations

import functools
import html
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import markdown as md
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from vmi.content import registry
from vmi.content.documents import Item, library
from vmi.content.entries import Content, Entry
from vmi.content.links import page_for_link
from vmi.content.obligations import obligations_context
from vmi.content.parcours import Parcours, plan
from vmi.content.quiz import QuizBlock
from vmi.content.registry import PageKind
from vmi.content.themes import sheet_context
from vmi.core.slugs import slugify
from vmi.diagnostic.thresholds import thresholds_used
from vmi.diagnostic.version import identity, question_fingerprint, recommendation_id
from vmi.model.models import PUBLIE_PAR, Diagnostic, FicheThematique
from vmi.site.priorities import priorities_data
from vmi.territories.official import SIZE_BANDS, official_data

QUIZ_TEMPLATE = "partials/vmi/quiz.html"


class Links(Protocol):
    """What templates need from the site: the URL and title of a page by source path."""

    def url(self, src_uri: str) -> str: ...

    def path(self, src_uri: str) -> str:
        """The page's address from the site's root (``cas/bethune/``)."""
        ...

    def title(self, src_uri: str) -> str: ...


# Template variables of one page, given its Markdown body as HTML and the site's links.
Context = Callable[[Markup, Links], dict[str, Any]]


@dataclass(kw_only=True)
class GeneratedPage:
    """A page that exists only because of content files."""

    kind: PageKind
    src_uri: str
    title: str
    context: Context
    body: str = ""  # the editor's Markdown, rendered by MkDocs
    description: str | None = None
    source: str | None = None

    @property
    def escaped_title(self) -> str:
        """The title as the theme needs it: it prints page titles without escaping."""
        return html.escape(self.title, quote=False)

    def markdown(self) -> str:
        """Markdown source handed to MkDocs, with the title escaped for the theme."""
        meta: dict[str, str] = {"title": self.escaped_title}
        if self.description:
            meta["description"] = html.escape(self.description)
        if self.kind.page_template:
            meta["template"] = self.kind.page_template
        # JSON strings are valid YAML and much cheaper to write than yaml.safe_dump.
        front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                        for key, value in meta.items())
        return f"---\n{front}---\n\n{self.body}\n"


def _fixed(**values: Any) -> Context:
    """The context of a page that needs neither its body nor links to work it out."""
    return lambda body, links: values


def plan_pages(content: Content, labels: dict[str, str] | None = None) -> list[GeneratedPage]:
    """Every generated page; ``labels`` renames the sections (``labels["cas"]``…)."""
    titles = registry.labels(labels)
    documents = library(content)
    folder = content.root.name
    pages = [GeneratedPage(kind=registry.PILIERS, src_uri=registry.PILIERS.path,
                           title=titles["piliers"], source=registry.PILIERS.source_of(folder),
                           context=_fixed(piliers=content.piliers,
                                          cas_for=content.cas_for_pilier)),
             GeneratedPage(kind=registry.GLOSSAIRE, src_uri=registry.GLOSSAIRE.path,
                           title=titles["glossaire"], source=registry.GLOSSAIRE.source_of(folder),
                           context=_fixed(termes=sorted(content.glossaire,
                                                        key=lambda t: slugify(t.terme)))),
             *_specificity_pages(content, titles),
             *_case_pages(content, titles, documents),
             _library_page(content, titles, documents)]
    if content.diagnostic:
        # Sheets exist for the axes that have a file (see _theme_pages).
        sheets = frozenset(entry.slug for entry in content.themes)
        pages += [_diagnostic_page(content, folder, sheets),
                  _team_page(content, folder, sheets)]
    if (content.root / str(registry.OBLIGATIONS.source)).exists():
        kind = registry.OBLIGATIONS
        pages.append(GeneratedPage(kind=kind, src_uri=kind.path, title=titles[kind.key],
                                   source=kind.source_of(folder),
                                   description="Les obligations numériques d’une commune ou "
                                   "d’une intercommunalité selon sa taille, avec leurs seuils.",
                                   context=_fixed(**obligations_context(content))))
    return pages + _theme_pages(content, titles, documents) + _parcours_pages(content, titles)


def _theme_pages(content: Content, titles: dict[str, str],
                 documents: list[Item]) -> list[GeneratedPage]:
    """The sheets of the axes that have one, in the questionnaire's order, and their index."""
    if not content.themes or content.diagnostic is None:
        return []
    sheets = {entry.slug: entry for entry in content.themes}
    axes = [axe for axe in content.diagnostic.axes if axe.id in sheets]
    index, kind = registry.THEMES, registry.THEME
    pages = [GeneratedPage(kind=index, src_uri=index.path, title=titles[index.key],
                           description="Une fiche par axe de l’auto-diagnostic : contexte, "
                           "enjeux, points de réussite et compétences.",
                           context=_fixed(axes=axes, fiches=sheets))]
    for axe in axes:
        entry = sheets[axe.id]
        pages.append(GeneratedPage(kind=kind, src_uri=kind.src_uri(axe.id), title=axe.nom,
                                   description=axe.description, source=entry.path,
                                   context=_fixed(**sheet_context(content, entry, axe,
                                                                  documents),
                                                  html=_sheet_html(entry.model))))
    return pages


def _sheet_html(sheet: FicheThematique) -> dict[str, Any]:
    """The sheet's Markdown fields as HTML (escaped first: no raw HTML from editors)."""
    return {"contexte": Markup(_inline_markdown(sheet.contexte)),
            "enjeux": Markup(_inline_markdown(sheet.enjeux)),
            "points_de_reussite": [_one_line(text) for text in sheet.points_de_reussite],
            "competences": [_one_line(text) for text in sheet.competences]}


def _one_line(text: str) -> Markup:
    """A list item's Markdown, without the paragraph a lone line is wrapped in."""
    rendered = _inline_markdown(text)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


def _specificity_pages(content: Content, titles: dict[str, str]) -> list[GeneratedPage]:
    if not content.specificites:
        return []
    index, kind = registry.SPECIFICITES, registry.SPECIFICITE
    pages = [GeneratedPage(kind=index, src_uri=index.path, title=titles[index.key],
                           context=_fixed(specificites=content.specificites))]
    by_slug = {c.slug: c for c in content.cas}
    for entry in content.specificites:
        cas = [(by_slug[c.id], c.en_quoi) for c in entry.model.cas if c.id in by_slug]
        pages.append(GeneratedPage(kind=kind, src_uri=kind.src_uri(entry.slug),
                                   title=entry.model.titre, body=entry.body,
                                   description=entry.model.resume, source=entry.path,
                                   context=_fixed(specificite=entry.model, cas=cas)))
    return pages


def _case_pages(content: Content, titles: dict[str, str],
                documents: list[Item]) -> list[GeneratedPage]:
    if not content.cas:
        return []
    index, kind = registry.CAS_INDEX, registry.CAS
    pages = [GeneratedPage(kind=index, src_uri=index.path, title=titles[index.key],
                           context=_fixed(**case_index_context(content)))]
    piliers = {p.id: p for p in content.piliers}
    by_case: dict[str, list[Item]] = defaultdict(list)
    for item in documents:
        if item.cas:
            by_case[item.cas.slug].append(item)
    alike = same_size(content)
    for entry in content.cas:
        pages.append(GeneratedPage(
            kind=kind, src_uri=kind.src_uri(entry.slug), title=entry.model.ville,
            body=entry.body, description=entry.model.resume, source=entry.path,
            context=_fixed(cas=entry.model, piliers=[piliers[p] for p in entry.model.piliers],
                           documents=by_case[entry.slug],
                           territoire=content.territoires[entry.slug],
                           meme_taille=alike[entry.slug],
                           donnees=official_data_note(content, entry.slug))))
    return pages


SAME_SIZE_SHOWN = 6  # a page lists a few; the index, filtered by the band, lists them all


@dataclass(frozen=True)
class SameSize:
    """The other cases of a case's size band: the first few, and how many in all."""

    taille: str  # the band's id, as the index filter takes it (``?taille=…``)
    nom: str
    cas: list
    total: int


def same_size(content: Content) -> dict[str, SameSize | None]:
    """For each case, the others of its size band (``Territory.taille``), those of its
    region first, then in the index's order. ``None`` without a population."""
    bands: dict[str, list] = defaultdict(list)
    for entry in content.cas:
        band = content.territoires[entry.slug].taille
        if band:
            bands[band.id].append(entry)
    alike: dict[str, SameSize | None] = {}
    for entry in content.cas:
        place = content.territoires[entry.slug]
        if place.taille is None:
            alike[entry.slug] = None
            continue
        others = [e for e in bands[place.taille.id] if e.slug != entry.slug]
        others.sort(key=lambda e: content.territoires[e.slug].region != place.region)
        alike[entry.slug] = SameSize(place.taille.id, place.taille.nom,
                                     others[:SAME_SIZE_SHOWN], len(others))
    return alike


def case_index_context(content: Content) -> dict[str, Any]:
    """The cards and the filter choices: only regions and years that some case has."""
    regions = sorted({t.region for t in content.territoires.values() if t.region}, key=slugify)
    years = sorted({entry.model.annee for entry in content.cas})
    choices = {"piliers": [(p.id, p.nom) for p in content.piliers],
               "tailles": [(b.id, b.nom[0].upper() + b.nom[1:]) for b in SIZE_BANDS],
               "regions": [(slugify(r), r) for r in regions],
               "annees": [(year, year) for year in years]}
    return {"cas": content.cas, "territoires": content.territoires, "choix": choices,
            "noms_piliers": {p.id: p.nom for p in content.piliers}}


def official_data_note(content: Content, slug: str) -> dict[str, Any] | None:
    """Version, edition and sources of the extract, for a case resolved from it."""
    if not content.territoires[slug].official:
        return None
    data = official_data()
    return {"version": data.version, "edition": data.edition, "sources": data.sources,
            "paquet": data.paquet}


def _library_page(content: Content, titles: dict[str, str],
                  documents: list[Item]) -> GeneratedPage:
    """The library, with its groups and filter choices worked out once, here."""
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in documents:
        groups[item.type.id].append(item)
    towns = {item.cas.slug for item in documents if item.cas}
    kinds = {item.document.publie_par for item in documents}
    pillars = {pilier for item in documents for pilier in item.piliers}
    kind = registry.BIBLIOTHEQUE
    return GeneratedPage(
        kind=kind, src_uri=kind.path, title=titles[kind.key],
        description="Délibérations, cahiers des charges, règlements, schémas, bilans, "
        "articles\u00a0: des documents publics sur les démarches de villes moyennes, chacun avec "
        "qui l’a publié.",
        context=_fixed(documents=documents,
                       groupes=[(t, groups[t.id]) for t in content.types_documents
                                if groups[t.id]],
                       villes=[entry for entry in content.cas if entry.slug in towns],
                       sans_ville=any(item.cas is None for item in documents),
                       auteurs=[(value, name) for value, name in PUBLIE_PAR.items()
                                if value in kinds],
                       piliers=[p for p in content.piliers if p.id in pillars]))


def _diagnostic_page(content: Content, folder: str,
                     sheets: frozenset[str]) -> GeneratedPage:
    """The self-diagnosis: its introduction is the page's Markdown body, and its
    recommendations link to pages, so its context is worked out at rendering time; the
    results' priorities read obligations, funding and cases (priorities_data)."""
    kind = registry.DIAGNOSTIC
    diagnostic = content.diagnostic
    assert diagnostic is not None
    return GeneratedPage(kind=kind, src_uri=kind.path, title=diagnostic.titre,
                         body=diagnostic.introduction, source=kind.source_of(folder),
                         context=functools.partial(_with_priorities, content, sheets))


def _with_priorities(content: Content, sheets: frozenset[str], body: Markup,
                     links: Links) -> dict[str, Any]:
    """The questionnaire's context plus what the priorities and the mayor's page read."""
    assert content.diagnostic is not None
    return {**diagnostic_context(content.diagnostic, body, links, sheets),
            "priorites_json": script_json(priorities_data(content, links))}


def _team_page(content: Content, folder: str, sheets: frozenset[str]) -> GeneratedPage:
    """The team synthesis: the questionnaire's questions and the data its script reads
    (with the priorities' data, for the mayor's page of team medians)."""
    kind = registry.SYNTHESE
    return GeneratedPage(kind=kind, src_uri=kind.path, title="Synthèse d’équipe",
                         source=kind.source_of(folder),
                         description="Réunir les exports de plusieurs répondants de "
                         "l’auto-diagnostic, sans serveur : médiane, écarts, questions à "
                         "discuter.",
                         context=functools.partial(_with_priorities, content, sheets))


def _parcours_pages(content: Content, titles: dict[str, str]) -> list[GeneratedPage]:
    """The list of parcours (always there: presenters look for it) and each one's plan."""
    index, kind = registry.PARCOURS_INDEX, registry.PARCOURS
    pages = [GeneratedPage(
        kind=index, src_uri=index.path, title=titles[index.key],
        description="Des interventions de forum faites des pages du site, avec le temps "
        "prévu pour chaque étape : à projeter telles quelles ou à adapter.",
        context=lambda body, links: {"parcours": [
            (entry, links.url(kind.src_uri(entry.slug))) for entry in content.parcours]})]
    for entry in content.parcours:
        pages.append(GeneratedPage(
            kind=kind, src_uri=kind.src_uri(entry.slug), title=entry.model.titre,
            description=entry.model.description, source=entry.path,
            context=functools.partial(_parcours_context, entry)))
    return pages


def _parcours_context(entry: Entry[Parcours], body: Markup, links: Links) -> dict[str, Any]:
    return parcours_context(entry, links)


def parcours_context(entry: Entry[Parcours], links: Links) -> dict[str, Any]:
    """The plan: each step's page as a link from here and as a path of the site."""
    data = parcours_plan(entry, links.path, links.title)
    return {"parcours": entry.model, "slug": entry.slug, "plan": data,
            "etapes": [(step, links.url(page_for_link(written.page)))
                       for step, written in zip(data["etapes"], entry.model.etapes)],
            "lancer": links.url(page_for_link(entry.model.etapes[0].page))
            + f"?projection&parcours={entry.slug}&etape=1"}


def parcours_plan(entry: Entry[Parcours], url_of: Callable[[str], str],
                  title_of: Callable[[str], str]) -> dict[str, Any]:
    """The plan as projection reads it (``parcours.plan``), notes rendered as HTML."""
    return plan(entry, url_of, title_of, _inline_markdown)


def expand_nav(items: list, pages: dict[str, GeneratedPage],
               max_children: int) -> tuple[list, set[str]]:
    """Replace each ``<folder>/index.md`` nav entry by a section holding the folder's pages.

    A folder with more than ``max_children`` pages (``extra.vmi.navigation_max``) keeps
    its index page alone (it lists them all): listing them in every page's navigation
    would make the site grow with the square of its size. Returns the new nav and the
    pages left out of it on purpose.
    """
    left_out: set[str] = set()
    expanded = []
    for item in items:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                value, more = expand_nav(value, pages, max_children)
                left_out |= more
                item = {title: value}
            elif isinstance(value, str) and value.endswith("/index.md"):
                folder = value.removesuffix("index.md")
                children = [{page.escaped_title: uri} for uri, page in pages.items()
                            if uri.startswith(folder) and uri != value]
                if len(children) > max_children:
                    left_out.update(uri for child in children for uri in child.values())
                    children = []
                item = {title: [value, *children]}
        expanded.append(item)
    return expanded, left_out


class Renderer:
    """Renders our templates (``partials/vmi/...``) on the theme's environment, with
    autoescaping and strict undefined: text from content files is always escaped."""

    def __init__(self, theme_env: Environment):
        self.env = theme_env.overlay(autoescape=True, undefined=StrictUndefined,
                                     trim_blocks=True, lstrip_blocks=True, cache_size=400)
        # The overlay shares the theme's filters: ours join them, for our templates only.
        self.env.filters = {**theme_env.filters, "date_fr": date_fr, "nombre": nombre_fr,
                            "slug": slugify}

    def page(self, page: GeneratedPage, body_html: str, links: Links) -> str:
        body = Markup(body_html)
        return self.env.get_template(page.kind.body).render(
            page=page, body=body, links=links, **page.context(body, links))

    def quiz(self, block: QuizBlock, number: int) -> str:
        return self.env.get_template(QUIZ_TEMPLATE).render(quiz=block.quiz, number=number)


_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")


def date_fr(value: str) -> str:
    """``2017-09-22`` → ``22 septembre 2017``; ``2017-11`` → ``novembre 2017``."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = _MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    return f"{'1er' if day == 1 else day}\u00a0{month} {parts[0]}"


def nombre_fr(value: int) -> str:
    """``25300`` → ``25 300`` with a narrow no-break space, as French typography wants."""
    return f"{value:,}".replace(",", "\u202f")


# Respondents' roles offered on export and in the team synthesis.
ROLES = ("élu·e", "direction générale", "numérique", "service", "autre")


def diagnostic_context(diagnostic: Diagnostic, introduction_html: str, links: Links,
                       sheets: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Questions grouped by axis, the address of each axis's thematic sheet (for the axes
    that have one: ``sheets``) and the JSON the page script reads."""
    grouped = [(axe, [q for q in diagnostic.questions if q.axe == axe.id])
               for axe in diagnostic.axes]
    data = {
        "cle": "vmi-diagnostic",
        "questionnaire": identity(diagnostic),
        "roles": ROLES,
        "axes": [{"id": a.id, "nom": a.nom} for a in diagnostic.axes],
        "niveaux": [{"min": n.min, "nom": n.nom} for n in diagnostic.niveaux],
        "questions": [{"id": q.id, "axe": q.axe, "points": [r.points for r in q.reponses],
                       "h": question_fingerprint(q)} for q in diagnostic.questions],
        "recommandations": [{"id": recommendation_id(r), "axe": r.axe, "texte": r.texte,
                             "jusqu_a": r.jusqu_a,
                             "texte_html": _inline_markdown(r.texte),
                             "liens": [link_target(ref, links) for ref in r.liens]}
                            for r in diagnostic.recommandations],
    }
    return {"diagnostic": diagnostic, "questions_by_axis": grouped, "data_json": script_json(data),
            "roles": ROLES,
            "duree_minutes": estimated_minutes(len(diagnostic.questions)),
            "paliers": thresholds_used(diagnostic),
            "fiches": {a.id: links.url(registry.THEME.src_uri(a.id)) for a in diagnostic.axes
                       if a.id in sheets},
            "introduction_html": Markup(introduction_html)}


@functools.lru_cache(maxsize=512)  # the diagnostic and the team synthesis show the same
def _inline_markdown(text: str) -> str:
    """``text`` (escaped first) as HTML, by one Markdown instance: ``md.markdown`` built
    a new one for each recommendation (0.3 ms each)."""
    return _MARKDOWN.reset().convert(html.escape(text))


_MARKDOWN = md.Markdown()


def estimated_minutes(questions: int, seconds_each: int = 33) -> int:
    """Time announced to the visitor, rounded to 5 minutes (27 questions → 15)."""
    return max(5, 5 * round(questions * seconds_each / 300))


def link_target(ref: str, links: Links) -> dict[str, str]:
    """A content reference (``cas/bethune``) as ``{titre, href}`` for the page script."""
    src_uri = page_for_link(ref)
    return {"titre": links.title(src_uri), "href": links.url(src_uri)}


def script_json(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>`` break-out)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
