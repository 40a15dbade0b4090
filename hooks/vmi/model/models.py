"""Typed content: one pydantic model per content kind.

The field descriptions are French because they reach editors twice: in the JSON
Schemas their editor shows, and nowhere else (messages live in ``messages.py``).
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from vmi.core.slugs import SLUG_PATTERN
from vmi.core.suggest import unknown_message

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Year = Annotated[int, Field(ge=1800, le=2100)]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _date_text(value: Any) -> Any:
    """YAML reads ``date: 2015`` as a number: accept it as the text ``"2015"``."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _check_date(value: str) -> str:
    match = _DATE.match(value)
    if not match:
        raise ValueError("date attendue sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"la date « {value} » n’existe pas") from None
    return value


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
        raise ValueError("adresse web attendue, commençant par http:// ou https://")
    return value


# The patterns only guide editors' tools through the JSON Schemas; the validators decide.
PartialDate = Annotated[str, BeforeValidator(_date_text), AfterValidator(_check_date),
                        Field(json_schema_extra={"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"})]
Url = Annotated[str, AfterValidator(_check_url),
                Field(json_schema_extra={"pattern": "^https?://"})]


def _quoted_code(what: str, example: str):
    """YAML reads ``code_insee: 02691`` as the number 2691: ask for quotes instead."""
    def check(value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            raise ValueError(f"{what} à écrire entre guillemets, ex. « \"{example}\" » "
                             "(sans guillemets, un code qui commence par 0 perd ce zéro)")
        return value
    return BeforeValidator(check)


def _code_pattern(pattern: str, what: str, example: str):
    def check(value: str) -> str:
        if not re.fullmatch(pattern, value):
            raise ValueError(f"{what} attendu, ex. « {example} » (entre guillemets)")
        return value
    return AfterValidator(check)


_INSEE = r"\d{5}|2[AB]\d{3}"
_SIREN = r"\d{9}"
CodeInsee = Annotated[str, _quoted_code("code INSEE", "46042"),
                      _code_pattern(_INSEE, "code INSEE de 5 caractères", "46042"),
                      Field(json_schema_extra={"pattern": f"^({_INSEE})$"})]
Siren = Annotated[str, _quoted_code("numéro SIREN", "200042174"),
                  _code_pattern(_SIREN, "numéro SIREN de 9 chiffres", "200042174"),
                  Field(json_schema_extra={"pattern": f"^{_SIREN}$"})]


class Model(BaseModel):
    """Strict models: no silent type coercion, unknown fields are typos."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Pilier(Model):
    """Un pilier de la vie quotidienne (habitat, santé…), repris par les démarches."""

    id: Slug = Field(description="Identifiant court en minuscules sans accent, ex. « sante ».")
    nom: Text = Field(description="Nom affiché, ex. « Santé ».")
    description: Text = Field(description="Ce que recouvre ce pilier, en une phrase.")


class CasIllustre(Model):
    """Une démarche qui illustre une spécificité, et en quoi."""

    id: Slug = Field(description="Nom du fichier de content/cas/ sans « .md », ex. « cahors ».")
    en_quoi: Text = Field(description="Une phrase qui dit en quoi cette démarche illustre "
                          "la spécificité.")


class Specificite(Model):
    """En-tête d’une page « spécificité des villes moyennes »."""

    titre: Text = Field(description="Titre de la page.")
    resume: Text = Field(description="Résumé en une phrase, affiché sur la carte de l’index.")
    ordre: int = Field(description="Position dans la liste des spécificités (1, 2, 3…).")
    cas: list[CasIllustre] = Field(default=[], description="Démarches qui illustrent la "
                                   "spécificité, chacune avec une phrase « en_quoi ».")


class Population(Model):
    """Population avec son année et sa source : un chiffre n’est jamais montré seul."""

    habitants: int = Field(gt=0, description="Nombre d’habitants.")
    annee: Year = Field(description="Année du chiffre.")
    source: Text = Field(description="Source du chiffre, ex. « INSEE, population municipale ».")


class Etape(Model):
    """Une étape de la feuille de route."""

    date: PartialDate = Field(description="AAAA, AAAA-MM ou AAAA-MM-JJ, entre guillemets.")
    etape: Text = Field(description="Nom court de l’étape.")
    description: Text | None = Field(default=None, description="Précisions (facultatif).")


class Source(Model):
    """Une source publique citée par la page."""

    titre: Text = Field(description="Titre de la source.")
    url: Url = Field(description="Adresse web (http:// ou https://).")


class TypeDocument(Model):
    """Un type de document de la bibliothèque (cahier des charges, délibération…)."""

    id: Slug = Field(description="Identifiant court, ex. « cahier-des-charges ».")
    nom: Text = Field(description="Nom affiché, ex. « Cahier des charges ».")
    description: Text = Field(description="Ce que recouvre ce type, en une phrase.")


# Who published a document: value → how the library names that kind of publisher.
PUBLIE_PAR = {"ville": "Ville", "intercommunalite": "Intercommunalité",
              "etat": "État ou organisme public", "presse": "Presse",
              "entreprise": "Entreprise", "association": "Association", "autre": "Autre"}
PublieParValue = Literal["ville", "intercommunalite", "etat", "presse", "entreprise",
                         "association", "autre"]


def _known_publisher(value: Any) -> Any:
    """« Mairie » or « État » get a French hint instead of pydantic's literal error."""
    if isinstance(value, str) and value not in PUBLIE_PAR:
        raise ValueError(unknown_message("type d’auteur", value, PUBLIE_PAR))
    return value


PubliePar = Annotated[PublieParValue, BeforeValidator(_known_publisher)]


class Document(Model):
    """Un document public, attribué à qui l’a publié : un fichier fourni ou un lien web."""

    # Editors' tools learn « exactly one of fichier and url » from the schema.
    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": ["fichier"]},
                                                           {"required": ["url"]}]})

    titre: Text = Field(description="Titre du document.")
    type: Slug = Field(description="Type (identifiant de content/types-documents.yml), "
                       "ex. « deliberation ».")
    publie_par: PubliePar = Field(description="Qui a publié le document : « ville », "
                                  "« intercommunalite », « etat » (ministère, Sénat, agence "
                                  "publique…), « presse », « entreprise » (un prestataire, un "
                                  "fournisseur), « association » ou « autre ».")
    editeur: Text | None = Field(default=None, description="Nom de qui l’a publié, ex. "
                                 "« Ville d’Exempleville », « Banque des Territoires » "
                                 "(facultatif, conseillé).")
    annee: Year | None = Field(default=None, description="Année du document (facultatif).")
    fichier: Text | None = Field(default=None, description="Fichier placé dans "
                                 "content/documents/, chemin relatif à ce dossier, ex. "
                                 "« exempleville/feuille-de-route.pdf ». Soit fichier, soit url.")
    url: Url | None = Field(default=None, description="Adresse web du document (http:// ou "
                            "https://). Soit fichier, soit url.")
    licence: Text | None = Field(default=None, description="Licence de réutilisation, ex. "
                                 "« Licence Ouverte 2.0 » (facultatif).")
    description: Text | None = Field(default=None, description="Ce que contient le document, "
                                     "en une ou deux phrases (facultatif).")

    @model_validator(mode="after")
    def _one_target(self) -> Document:
        if self.fichier is not None and self.url is not None:
            raise ValueError("indiquez soit « fichier », soit « url », pas les deux")
        if self.fichier is None and self.url is None:
            raise ValueError("indiquez « fichier » (document placé dans content/documents/) "
                             "ou « url » (adresse web du document)")
        return self


def _amount(value: Any) -> Any:
    """« 450 000 € » or « 1,3 M€ » written as text: say how to write the number instead."""
    if isinstance(value, str):
        raise ValueError("montant en euros à écrire en chiffres, sans espace, sans « € » ni "
                         "guillemets, ex. « 450000 » (précisions dans « texte »)")
    return value


Amount = Annotated[int, BeforeValidator(_amount), Field(gt=0)]
SourceRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                      Field(description="Adresse (url) ou titre de l’une des sources de la "
                            "démarche (liste « sources »), recopié tel quel.")]


class Cout(Model):
    """Un coût ou un financement, chiffré et sourcé (« Coûts et financement »)."""

    montant: Amount = Field(description="Montant en euros, en chiffres sans espace, ex. "
                            "450000 (le texte dit s’il est annuel, estimé, « plus de »…).")
    annee: Year = Field(description="Année à laquelle se rapporte le montant ; si la source "
                        "ne la donne pas, celle de la source, et le texte le dit.")
    texte: Text = Field(description="Ce que couvre le montant, qui paie et par quel "
                        "dispositif, en une phrase.")
    source: SourceRef


class Resultat(Model):
    """Un résultat mesuré après le lancement (« Résultats mesurés »)."""

    texte: Text = Field(description="Le résultat, avec son chiffre, en une phrase.")
    annee: Year = Field(description="Année de la mesure ; si la source ne la donne pas, "
                        "celle de la source, et le texte le dit.")
    source: SourceRef
    mesure_par: Text | None = Field(default=None, description="Qui a mesuré, ex. « la ville "
                                    "(ses propres chiffres) » (facultatif).")


class Difficulte(Model):
    """Ce qui a moins bien marché, ou une leçon tirée (« Ce qui a moins bien marché »)."""

    texte: Text = Field(description="Ce qui a moins bien marché, en une ou deux phrases ; "
                        "dites si c’est le récit d’une seule partie.")
    source: SourceRef


class Cas(Model):
    """En-tête d’une étude de cas : une démarche de ville moyenne."""

    ville: Text = Field(description="Nom officiel de la commune (avec code_epci : celui "
                        "de la commune membre qui donne son nom à la démarche).")
    code_insee: CodeInsee | None = Field(default=None, description="Code INSEE de la "
                                         "commune, entre guillemets, ex. « \"46042\" » : "
                                         "département, région et population viennent alors "
                                         "des données officielles.")
    code_epci: Siren | None = Field(default=None, description="SIREN de l’intercommunalité "
                                    "qui porte la démarche, entre guillemets, ex. "
                                    "« \"200042174\" » (à la place de code_insee).")
    departement: Text | None = Field(default=None, description="Département, seulement sans "
                                     "code_insee ni code_epci.")
    region: Text | None = Field(default=None, description="Région, seulement sans code_insee "
                                "ni code_epci.")
    population: Population | None = Field(default=None, description="Population avec année "
                                          "et source, seulement sans code_insee ni code_epci.")
    demarche: Text = Field(description="Nom de la démarche, ex. « Béthune Smart City ».")
    annee: Year = Field(description="Année de repère : celle du lancement quand une source la "
                        "donne, sinon celle de la première étape datée (la page dit « engagée "
                        "au plus tard en … »).")
    resume: Text = Field(description="Résumé en une phrase.")
    piliers: list[Slug] = Field(min_length=1, description="Piliers couverts (identifiants "
                                "de content/piliers.yml).")
    partenaires: list[Text] = Field(default=[], description="Partenaires nommés par les sources.")
    feuille_de_route: list[Etape] = Field(default=[], description="Étapes datées de la démarche.")
    sources: list[Source] = Field(min_length=1, description="Sources publiques (au moins une).")
    documents: list[Document] = Field(default=[], description="Documents sur la démarche : "
                                      "délibérations, cahiers des charges, règlements, "
                                      "bilans, articles…, chacun avec qui l’a publié.")
    couts: list[Cout] = Field(default=[], description="Coûts et financements chiffrés, "
                              "chacun avec son année et sa source.")
    resultats: list[Resultat] = Field(default=[], description="Résultats mesurés après le "
                                      "lancement, chacun avec son année et sa source.")
    difficultes: list[Difficulte] = Field(default=[], description="Ce qui a moins bien "
                                          "marché, chacun avec sa source.")

    def source_for(self, ref: str) -> Source | None:
        """The source a cost, result or difficulty names, by its address or its title."""
        return next((s for s in self.sources if ref in (s.url, s.titre)), None)


class Terme(Model):
    """Un terme du glossaire, expliqué partout où il apparaît dans le texte."""

    terme: Text = Field(description="Le terme tel qu’il s’écrit dans les phrases.")
    definition: Text = Field(description="Définition courte, en une ou deux phrases.")


class Axe(Model):
    """Un axe de l’auto-diagnostic."""

    id: Slug = Field(description="Identifiant court, ex. « donnees ».")
    nom: Text = Field(description="Nom affiché.")
    description: Text = Field(description="Ce que l’axe évalue.")


class Niveau(Model):
    """Un niveau de maturité, atteint dès que le score d’un axe vaut ``min``."""

    min: int = Field(ge=0, le=100, description="Score minimal (0 à 100) ; le premier vaut 0.")
    nom: Text = Field(description="Nom du niveau, ex. « Structuration ».")
    description: Text = Field(description="Ce qui caractérise ce niveau.")


class Reponse(Model):
    """Une réponse possible : une situation concrète."""

    texte: Text = Field(description="La situation décrite.")
    points: int = Field(ge=0, le=4, description="Points de 0 à 4.")


class Question(Model):
    """Une question ; « Je ne sais pas » est ajouté automatiquement."""

    id: Slug = Field(description="Identifiant unique, ex. « donnees-inventaire ».")
    axe: Slug = Field(description="Identifiant de l’axe.")
    texte: Text = Field(description="La question.")
    aide: Text | None = Field(default=None, description="Aide en une ligne (facultatif).")
    reponses: list[Reponse] = Field(min_length=2, max_length=6,
                                    description="De 2 à 6 réponses, de la moins à la plus avancée.")


class Recommandation(Model):
    """Une action proposée quand le score d’un axe est bas."""

    axe: Slug = Field(description="Identifiant de l’axe.")
    jusqu_a: int = Field(ge=0, le=100, description="Affichée si le score de l’axe est ≤ à "
                         "cette valeur.")
    texte: Text = Field(description="L’action proposée (Markdown court).")
    liens: list[Text] = Field(default=[], description="Pages liées, ex. « cas/bethune », "
                              "« specificites/agilite-et-proximite » ou « a-propos ».")


class Diagnostic(Model):
    """Le questionnaire d’auto-diagnostic."""

    titre: Text = Field(description="Titre de la page.")
    introduction: Text = Field(description="Introduction (Markdown).")
    axes: list[Axe] = Field(min_length=1, description="Les axes évalués.")
    niveaux: list[Niveau] = Field(min_length=2, description="Niveaux, du plus bas au plus haut.")
    questions: list[Question] = Field(min_length=1, description="Les questions.")
    recommandations: list[Recommandation] = Field(default=[], description="Actions proposées.")


class QuizReponse(Model):
    """Une réponse d’un bloc « Le saviez-vous ? »."""

    texte: Text = Field(description="La réponse proposée.")
    correct: bool = Field(description="true si la réponse est juste, sinon false.")
    explication: Text = Field(description="Explication montrée après le choix.")


class Quiz(Model):
    """Un bloc ```quiz dans une page Markdown."""

    question: Text = Field(description="La question posée.")
    reponses: list[QuizReponse] = Field(min_length=2, max_length=6, description="De 2 à 6 "
                                        "réponses, au moins une juste.")

    @model_validator(mode="after")
    def _one_correct(self) -> Quiz:
        if not any(r.correct for r in self.reponses):
            raise ValueError("au moins une réponse doit avoir « correct: true »")
        return self


# What the law asks and how to fund it (content/obligations.yml, content/financements.yml).
# Statuses and beneficiary kinds are fixed words: the browser compares them.
Concerne = Literal["commune", "epci", "les-deux"]
TypeBeneficiaire = Literal["commune", "epci"]


class Obligation(Model):
    """Une obligation légale numérique d’une commune ou d’une intercommunalité."""

    id: Slug = Field(description="Identifiant court, ex. « open-data ».")
    titre: Text = Field(description="Nom de l’obligation, ex. « Ouverture des données par "
                        "défaut ».")
    explication: Text = Field(description="Ce qu’elle demande, en une ou deux phrases "
                              "simples.")
    concerne: Concerne = Field(description="Qui elle vise : « commune », « epci » "
                               "(intercommunalité) ou « les-deux ».")
    seuil_population: int = Field(default=0, ge=0, le=10_000_000, description="Elle "
                                  "s’applique au-delà de ce nombre d’habitants (« plus de "
                                  "3 500 habitants » : 3500) ; 0 ou absent : sans seuil.")
    seuil_population_epci: int | None = Field(default=None, ge=0, le=10_000_000,
                                              description="Seuil d’habitants d’une "
                                              "intercommunalité, s’il diffère de celui des "
                                              "communes (0 : toutes les intercommunalités).")
    seuil_agents: int | None = Field(default=None, ge=1, le=1_000_000, description="Elle "
                                     "s’applique à partir de ce nombre d’agents (« au moins "
                                     "50 agents » : 50) ; absent : sans seuil d’agents.")
    echeance: Text = Field(description="Date ou calendrier d’application, en toutes lettres.")
    texte: Text = Field(description="Référence juridique, ex. « CRPA, art. L312-1-1 ».")
    url: Url = Field(description="Adresse d’une page qui l’explique, officielle de "
                     "préférence (http:// ou https://).")
    statut: Literal["en vigueur", "projet"] = Field(description="« en vigueur », ou "
                                                   "« projet » pour un texte pas encore voté.")
    a_verifier: Text | None = Field(default=None, description="Ce que les sources ne "
                                    "confirment pas encore (affiché « à vérifier »).")
    axe: Slug = Field(description="Axe de l’auto-diagnostic concerné (identifiant de "
                      "content/diagnostic.yml).")
    questions: list[Slug] = Field(default=[], description="Questions de l’auto-diagnostic "
                                  "qui s’y rapportent (identifiants).")


class Eligibilite(Model):
    """Qui peut demander une aide : un type de collectivité et, s’il y en a, ses seuils."""

    type: TypeBeneficiaire = Field(description="« commune » ou « epci » "
                                   "(intercommunalité).")
    population_min: int | None = Field(default=None, ge=0, le=10_000_000,
                                       description="Habitants au moins (facultatif).")
    population_max: int | None = Field(default=None, ge=0, le=10_000_000,
                                       description="Habitants au plus (facultatif).")
    condition: Text | None = Field(default=None, description="Autre condition, en une "
                                   "phrase (facultatif).")

    @model_validator(mode="after")
    def _ordered(self) -> Eligibilite:
        if (self.population_min is not None and self.population_max is not None
                and self.population_min > self.population_max):
            raise ValueError(f"population_min ({self.population_min}) dépasse "
                             f"population_max ({self.population_max})")
        return self


class Financement(Model):
    """Un dispositif de financement d’un projet numérique."""

    id: Slug = Field(description="Identifiant court, ex. « dsil ».")
    nom: Text = Field(description="Nom du dispositif.")
    description: Text = Field(description="Ce qu’il finance, en une ou deux phrases.")
    beneficiaires: Text = Field(description="Bénéficiaires, tels que la source les décrit.")
    montant: Text | None = Field(default=None, description="Montant ou taux, avec l’année "
                                 "(facultatif).")
    eligibilite: list[Eligibilite] = Field(default=[], description="Collectivités qui "
                                           "peuvent le demander ; vide : aucune commune ni "
                                           "intercommunalité.")
    periode: Text = Field(description="Période, ex. « 2021-2027 » ou « chaque année ».")
    statut: Literal["ouvert", "clos"] = Field(description="« ouvert », ou « clos » : gardé "
                                              "pour mémoire, jamais proposé.")
    a_verifier: Text | None = Field(default=None, description="Ce que les sources ne "
                                    "confirment pas encore (affiché « à vérifier »).")
    axes: list[Slug] = Field(default=[], description="Axes de l’auto-diagnostic concernés.")
    url: Url = Field(description="Adresse de la page officielle du dispositif.")


class Guide(Source):
    """Un guide officiel ou de référence : une source, avec son éditeur."""

    editeur: Text = Field(description="Qui le publie, avec la date, ex. « CNIL, 2019 ».")


class FicheThematique(Model):
    """Fiche thématique d’un axe de l’auto-diagnostic (content/themes/<axe>.yml)."""

    contexte: Text = Field(description="Contexte (Markdown) : où en sont les collectivités.")
    enjeux: Text = Field(description="Enjeux pour une ville moyenne (Markdown).")
    points_de_reussite: list[Text] = Field(min_length=1, description="Points de réussite, "
                                           "un par ligne (Markdown court).")
    competences: list[Text] = Field(min_length=1, description="Compétences internes "
                                    "nécessaires, une par ligne (Markdown court).")
    guides: list[Guide] = Field(default=[], description="Guides officiels ou de référence.")
    sources: list[Source] = Field(default=[], description="Sources des chiffres et faits "
                                  "cités.")
    recherche_aides: Text | None = Field(default=None, description="Mot-clé de la "
                                         "recherche Aides-territoires proposée pour cet axe "
                                         "(par défaut : le nom de l’axe).")
