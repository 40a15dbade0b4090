"""New content files for editors: every field present, explained, valid at once.

Placeholders say « À compléter » so that the preview works immediately and the page
itself shows what is left to write; nothing that looks like a real fact is invented.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from vmi.core.slugs import slugify
from vmi.core.source import ContentFileError, parse_front_matter, parse_yaml, read_text
from vmi.territories.official import Commune, OfficialData, official_data

TODO = "À compléter"


class ScaffoldError(Exception):
    """A file that cannot be created; the message is for the editor."""


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _target(folder: Path, name: str) -> Path:
    slug = slugify(name)
    if not slug:
        raise ScaffoldError(f"« {name} » ne contient aucune lettre ni aucun chiffre : "
                            f"impossible d’en faire un nom de fichier.")
    path = folder / f"{slug}.md"
    if path.exists():
        shown = path.relative_to(folder.parent.parent).as_posix()
        raise ScaffoldError(f"{shown} existe déjà : ouvrez-le pour le modifier, ou "
                            f"choisissez un autre nom.")
    return path


def _pillar_ids(content_dir: Path) -> list[str]:
    try:
        text = read_text(content_dir / "piliers.yml", "content/piliers.yml")
        data = parse_yaml(text, "content/piliers.yml").data
    except (OSError, ContentFileError):
        return []
    return [item["id"] for item in data if isinstance(item, dict) and "id" in item]


@dataclass(frozen=True)
class NewCase:
    """The file created, and what the official data said of the town's name."""

    path: Path
    commune: Commune | None  # the one current commune of that name, its code written
    candidates: tuple[Commune, ...] = ()  # several communes share the name


def _territory(data: OfficialData, communes: list[Commune]) -> str:
    if len(communes) == 1:
        commune = communes[0]
        epci = data.epci_of(commune.code)
        carried = (f"# Pour une démarche portée par {epci.nom}, remplacez la ligne suivante "
                   f"par son SIREN :\n# code_epci: \"{epci.code}\"\n") if epci else ""
        return OFFICIAL_TERRITORY.format(nom=commune.nom, departement=commune.departement,
                                         code=commune.code, epci=carried)
    codes = "".join(f'# code_insee: "{c.code}"  # {c.nom} ({c.departement})\n' for c in communes)
    if codes:
        codes = (f"# {len(communes)} communes portent ce nom : enlevez le premier « # » "
                 f"de la ligne de la vôtre.\n" + codes)
    else:
        codes = '# code_insee: "00000"\n'
    return HAND_TERRITORY.format(codes=codes, todo=TODO)


def new_case(content_dir: Path, ville: str, data: OfficialData | None = None) -> NewCase:
    """Create ``content/cas/<slug>.md`` for ``ville``; refuse to overwrite. A name that
    is one current commune gets its ``code_insee`` (and its official spelling); a
    shared name lists the communes to choose from."""
    folder = content_dir / "cas"
    path = _target(folder, ville)
    pillars = _pillar_ids(content_dir)
    if not pillars:
        raise ScaffoldError("content/piliers.yml ne contient aucun pilier valide : "
                            "corrigez-le d’abord (make check).")
    data = data or official_data()
    communes = sorted(data.named(ville), key=lambda c: (c.departement, c.code))
    name = communes[0].nom if len(communes) == 1 else ville.strip()
    year = datetime.date.today().year
    text = CASE_TEMPLATE.format(ville=_quoted(name), todo=TODO, year=year,
                                pilier=pillars[0], piliers=", ".join(pillars),
                                territoire=_territory(data, communes))
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return NewCase(path, communes[0] if len(communes) == 1 else None,
                   tuple(communes) if len(communes) > 1 else ())


def _next_order(folder: Path) -> int:
    orders = [0]
    for path in folder.glob("*.md"):
        try:
            data = parse_front_matter(read_text(path, path.name), path.name).data
        except ContentFileError:
            continue
        if isinstance(data, dict) and isinstance(data.get("ordre"), int):
            orders.append(data["ordre"])
    return max(orders) + 1


def new_specificity(content_dir: Path, titre: str) -> Path:
    """Create ``content/specificites/<slug>.md`` titled ``titre``; refuse to overwrite."""
    folder = content_dir / "specificites"
    path = _target(folder, titre)
    text = SPECIFICITY_TEMPLATE.format(titre=_quoted(titre.strip()), todo=TODO,
                                       ordre=_next_order(folder))
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


CASE_TEMPLATE = """\
---
# Étude de cas : la démarche d’une ville moyenne.
# Remplacez chaque « {todo} », puis vérifiez avec « make check ».
# Un texte qui contient « : » ou commence par « [ », « * » ou « # » se met entre guillemets.

# Nom de la ville, tel qu’il s’affiche en titre de la page.
ville: {ville}
{territoire}# Nom de la démarche, ex. « Béthune Smart City ».
demarche: "{todo}"
# Année de repère (un nombre, sans guillemets) : celle du lancement si une source la donne,
# sinon celle de la première étape datée. La page dira « engagée au plus tard en … ».
annee: {year}  # {todo}
# Résumé en une phrase : il s’affiche sur la carte de la page « Démarches ».
resume: "{todo} : résumé de la démarche en une phrase."
# Piliers couverts, un par ligne (identifiants de content/piliers.yml : {piliers}).
piliers:
  - {pilier}  # {todo}
# Partenaires nommés par les sources (facultatif), un par ligne :
#   - Université de Lille (élaboration de la feuille de route)
partenaires: []
# Étapes datées (facultatif). Date entre guillemets : "2017", "2017-11" ou "2017-09-22".
#   - date: "2017-09-22"
#     etape: Ouverture du forum
#     description: Précisions sur l’étape (facultatif).
feuille_de_route: []
# Sources publiques (au moins une) : remplacez l’exemple ci-dessous.
sources:
  - titre: "{todo} : titre de la source"
    url: https://example.org/a-remplacer
# Documents sur la démarche (facultatif), listés aussi dans la bibliothèque.
# Type : un identifiant de content/types-documents.yml (deliberation, cahier-des-charges, article…).
# publie_par : qui l’a publié (ville, intercommunalite, etat, presse, entreprise, association, autre),
# editeur : son nom. Soit « fichier » (placé dans content/documents/), soit « url » (adresse web) :
#   - titre: Délibération lançant la démarche
#     type: deliberation
#     publie_par: ville
#     editeur: Ville d’Exempleville
#     annee: 2019
#     fichier: ma-ville/deliberation.pdf
#     licence: Licence Ouverte 2.0
documents: []
# Coûts et financements chiffrés (facultatif) : montant en euros, en chiffres sans espace ;
# source = l’adresse ou le titre de l’une des sources ci-dessus, recopié tel quel.
#   - montant: 120000
#     annee: 2019
#     texte: Achat des capteurs, dont la moitié financée par l’État.
#     source: https://example.org/a-remplacer
couts: []
# Résultats mesurés après le lancement (facultatif), avec qui les a mesurés :
#   - texte: Deux cents signalements la première année.
#     annee: 2020
#     source: https://example.org/a-remplacer
#     mesure_par: la ville (ses propres chiffres)
resultats: []
# Ce qui a moins bien marché (facultatif) ; dites si c’est le récit d’une seule partie :
#   - texte: Les capteurs mal réglés ont donné des durées de stationnement fausses.
#     source: https://example.org/a-remplacer
difficultes: []
---

## Le contexte

{todo} : présentez la ville et ce qui a lancé la démarche.

## La démarche

{todo} : ce qui a été fait, avec qui, et quand. Les liens vers les autres pages
s’écrivent avec le nom du fichier, par exemple les [piliers](../piliers.md).

## Ce que d’autres villes moyennes peuvent en retenir

- {todo}
"""

# The territory of a town found in the official data: its code says the rest.
OFFICIAL_TERRITORY = """\
# Code INSEE de {nom} ({departement}), tiré des données officielles :
# département, région, population et intercommunalité en viennent (ne les écrivez pas).
{epci}code_insee: "{code}"
"""

# A town outside the data (or a name several communes share): written by hand.
HAND_TERRITORY = """\
# Code INSEE de la commune, entre guillemets (ex. code_insee: "46042" pour Cahors) :
# département, région et population viennent alors des données officielles de l’INSEE,
# et les lignes departement, region et population sont à supprimer. Pour une démarche
# portée par une intercommunalité : son SIREN, ex. code_epci: "200042174".
{codes}# Sans code : département et région (facultatifs : supprimez la ligne si vous ne savez pas).
departement: "{todo}"
region: "{todo}"
# Population (facultative) : un chiffre n’est jamais montré sans son année et sa source.
# Enlevez les « # » des quatre lignes suivantes quand vous avez un chiffre sourcé.
# population:
#   habitants: 18000
#   annee: 2022
#   source: "INSEE, population municipale"
"""

SPECIFICITY_TEMPLATE = """\
---
# Spécificité des villes moyennes : une page de la rubrique « Spécificités ».
# Remplacez chaque « {todo} », puis vérifiez avec « make check ».

# Titre de la page.
titre: {titre}
# Résumé en une phrase : il s’affiche sur la carte de la page « Spécificités ».
resume: "{todo} : résumé en une phrase."
# Position dans la liste (1, 2, 3…) ; changez-la pour réordonner les pages.
ordre: {ordre}
# Démarches liées : noms de fichiers de content/cas/ sans « .md », ex. [bethune].
cas: []
---

## Ce que cela veut dire

{todo}

## Pourquoi c’est important pour une ville moyenne

{todo}

## Les questions à se poser

- {todo}
"""
