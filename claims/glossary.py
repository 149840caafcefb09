"""A bilingual news glossary: what a descriptive name means, whichever language it is in.

A country is one subject in French and English because babel knows its names
(``claims.newswords.equivalents``). A subject named by common nouns ("state pact
on the climate emergency", "pacte d'État face à l'urgence climatique", "pension
reform", "réforme des retraites") has no such list: it is one subject when its
content words translate to the same set. This module holds the general
vocabulary of the news in both languages (politics, economy, health, climate,
sport, technology) and reads a name into a language-neutral ``meaning``: the
sorted concepts of its words, order and function words ignored ("d'", "face à",
"on the"), and the place adjectives that only qualify it ("anglais", "French").

A name with a word the glossary does not know (a proper name, a rare noun) has
no meaning: only what is wholly descriptive is matched this way, so that "Pedro
Sánchez" or "Kestrel Labs" are never equated with anything by translation.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# One concept a line: its English words, then its French words, each side's synonyms
# separated by "/". The first English word names the concept. Multiword entries are
# phrases read whole before their words ("transfer window", "projet de loi").
_ENTRIES = """
# politics and institutions
state|état
government|gouvernement
cabinet|conseil des ministres
parliament|parlement
assembly|assemblée
senate|sénat
election/elections/vote/poll/ballot|élection/élections/scrutin/vote
referendum|référendum
campaign|campagne
party|parti
coalition|coalition
majority|majorité
opposition|opposition
president/presidency|président/présidence
prime minister|premier ministre/première ministre
minister|ministre
ministry|ministère
mayor|maire
municipality/council|commune/conseil municipal
region|région
constitution|constitution
law/act|loi
bill|projet de loi/proposition de loi
decree|décret
amendment|amendement
motion|motion
censure/no-confidence|censure
reform|réforme
policy|politique
pact|pacte
plan|plan
deal/agreement/accord|accord
treaty|traité
summit|sommet
ceasefire/truce|cessez-le-feu/trêve
peace|paix
war|guerre
conflict|conflit
sanction/sanctions|sanction/sanctions
tariff/tariffs|droit de douane/droits de douane/tarif douanier/tarifs douaniers
strike|grève
protest|manifestation/contestation
union|syndicat
negotiation/negotiations/talks|négociation/négociations/pourparlers
inquiry/investigation|enquête
trial|procès
court|tribunal/cour
ruling/judgment|décision/jugement/arrêt
strategy|stratégie
programme/program|programme
project|projet
initiative|initiative
commission|commission
committee|comité
agency|agence
cross-party|transpartisan
national|national/nationale
federal|fédéral/fédérale
regional|régional/régionale
local|local/locale
public|public/publique
international|international/internationale
military|militaire
defence/defense|défense
security|sécurité
border|frontière
immigration|immigration
asylum|asile
citizenship|citoyenneté/nationalité
# economy and money
budget/fiscal|budget/budgétaire
tax|impôt/taxe/fiscal/fiscale/fiscalité
income tax|impôt sur le revenu
wealth tax|impôt sur la fortune
value added tax/vat|taxe sur la valeur ajoutée/tva
pension/pensions/retirement|retraite/retraites/pension/pensions
pension fund|fonds de pension
deficit|déficit
debt|dette
spending/expenditure|dépense/dépenses
revenue|recette/recettes
growth|croissance
recession|récession
inflation|inflation
interest rate|taux d'intérêt/taux directeur
unemployment|chômage
employment/jobs|emploi/emplois
wage/wages/salary|salaire/salaires
minimum wage|salaire minimum/smic
price/prices|prix
cost|coût
subsidy/subsidies|subvention/subventions
aid|aide
poverty|pauvreté
inequality/inequalities|inégalité/inégalités
loan|prêt
bond/bonds|obligation/obligations
stimulus|relance
recovery|reprise
austerity|austérité
stability|stabilité
monetary|monétaire
economic|économique
financial|financier/financière
trade|commerce/échanges
export/exports|exportation/exportations
import/imports|importation/importations
market|marché
stock market|bourse/marché boursier
housing|logement
rent|loyer
energy|énergie
electricity|électricité
gas|gaz
oil|pétrole
fuel|carburant
nuclear|nucléaire
industry|industrie
industrial|industriel/industrielle
agriculture|agriculture
agricultural|agricole
farm/farms|exploitation/exploitations/ferme/fermes
farmer/farmers|agriculteur/agriculteurs
bank|banque
central bank|banque centrale
insurance|assurance
merger|fusion
takeover/acquisition|rachat/acquisition
privatisation/privatization|privatisation
nationalisation/nationalization|nationalisation
fund|fonds
investment|investissement
year|année/exercice
fiscal year|exercice fiscal/exercice budgétaire
quarter|trimestre
half|semestre
# health
health|santé
hospital|hôpital
healthcare|soins
vaccine|vaccin
vaccination|vaccination
epidemic|épidémie
pandemic|pandémie
outbreak|flambée/foyer
disease|maladie
medicine/drug|médicament
social security|sécurité sociale
# climate and environment
climate|climat/climatique
climate change|changement climatique/dérèglement climatique
global warming|réchauffement climatique
emergency|urgence
crisis|crise
environment|environnement
environmental|environnemental/environnementale
emissions|émissions
carbon|carbone
pollution|pollution
drought|sécheresse
flood/floods/flooding|inondation/inondations/crue/crues
wildfire/wildfires/fire/fires|incendie/incendies/feu/feux/feux de forêt
heatwave/heat wave|canicule/vague de chaleur
storm|tempête
water|eau
forest|forêt
biodiversity|biodiversité
renewable|renouvelable
transition|transition
green|vert/verte
ecological|écologique
# society, education, transport
education|éducation/enseignement
school|école
university|université
student/students|étudiant/étudiants
teacher/teachers|enseignant/enseignants/professeur/professeurs
police|police
justice|justice
prison|prison
crime|criminalité
violence|violence
social|social/sociale
family|famille
child/children|enfant/enfants
youth|jeunesse
worker/workers|travailleur/travailleurs/salarié/salariés
work|travail
retiree/retirees/pensioner/pensioners|retraité/retraités
transport|transport/transports
rail|ferroviaire/rail
road|route
airport|aéroport
motorway|autoroute
# sport
transfer window|mercato/fenêtre des transferts/marché des transferts
transfer|transfert
championship|championnat
league|ligue
cup|coupe
final|finale
season|saison
tournament|tournoi
match/game|match/rencontre
world cup|coupe du monde
olympics/olympic games|jeux olympiques/jo
club|club
team|équipe
player|joueur
contract|contrat
record|record
summer|été/estival/estivale
winter|hiver/hivernal/hivernale
spring|printemps/printanier
autumn/fall|automne/automnal
# technology
technology|technologie
artificial intelligence/ai|intelligence artificielle/ia
model|modèle
chip/chips|puce/puces
semiconductor/semiconductors|semi-conducteur/semi-conducteurs
data|données
privacy|vie privée
regulation|régulation/réglementation
platform|plateforme
network|réseau
telecom/telecoms|télécoms/télécommunications
start-up/startup|start-up/startup/jeune pousse
digital|numérique
cyberattack|cyberattaque
# general nouns and adjectives of the news
foundation/foundations|base/bases/fondation/fondations
goal/target|objectif/cible
deadline|échéance/date limite
day|jour/journée
week|semaine
month|mois
end|fin
start|début
meeting|réunion
conference|conférence
report|rapport
survey|enquête d'opinion/sondage
ranking|classement
index|indice
rate|taux
share|part
new|nouveau/nouvelle/nouvel
big/large|grand/grande
major|majeur/majeure
general|général/générale
annual|annuel/annuelle
common|commun
single|unique
european|européen/européenne
world/global|mondial/mondiale
"""

# Place adjectives: they qualify a name ("mercato anglais", "French pension reform")
# without changing what kind of thing it is. English first, then French.
_PLACE_ADJECTIVES = """
english|anglais/anglaise
british|britannique
french|français/française
german|allemand/allemande
spanish|espagnol/espagnole
italian|italien/italienne
portuguese|portugais/portugaise
dutch|néerlandais/néerlandaise
belgian|belge
swiss|suisse
irish|irlandais/irlandaise
scottish|écossais/écossaise
american|américain/américaine
canadian|canadien/canadienne
chinese|chinois/chinoise
japanese|japonais/japonaise
indian|indien/indienne
russian|russe
ukrainian|ukrainien/ukrainienne
polish|polonais/polonaise
greek|grec/grecque
swedish|suédois/suédoise
brazilian|brésilien/brésilienne
"""


def _fold(text: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces: the glossary's spelling."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[-‐‑–—'’_.,«»\"“”()]", " ", stripped).split())


# Words that only join the others: "d'", "face à", "on the".
_FUNCTION_WORDS = frozenset(
    _fold(
        "the a an of on for in to at and with against over about from by into its their "
        "le la les l un une des de du d à au aux en pour sur contre et avec par dans face "
        "vis leur leurs son sa ses"
    ).split()
)


def _singular(word: str) -> str:
    if len(word) > 2 and word.endswith(("s", "x")) and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(frozen=True)
class _Table:
    # Folded phrase -> (concept, language: "en", "fr" or "" when both spell it so).
    concepts: dict[str, tuple[str, str]]
    places: dict[str, tuple[str, str]]
    longest: int


def _read(text: str, into: dict[str, tuple[str, str]]) -> None:
    for line in text.strip().splitlines():
        if not line or line.startswith("#"):
            continue
        english, french = line.split("|")
        words = {"en": english.split("/"), "fr": french.split("/")}
        concept = _fold(words["en"][0]).replace(" ", "-")
        for language, phrases in words.items():
            for phrase in phrases:
                key = _fold(phrase)
                known = into.get(key)
                if known is not None and known[0] == concept and known[1] != language:
                    into[key] = (concept, "")  # "budget", "transition": one spelling, both
                else:
                    into.setdefault(key, (concept, language))


@functools.cache
def _table() -> _Table:
    concepts: dict[str, tuple[str, str]] = {}
    places: dict[str, tuple[str, str]] = {}
    _read(_ENTRIES, concepts)
    _read(_PLACE_ADJECTIVES, places)
    longest = max(len(key.split()) for key in (*concepts, *places))
    return _Table(concepts, places, longest)


def entries() -> dict[str, str]:
    """Every folded word or phrase the glossary knows, with its concept."""
    table = _table()
    return {key: concept for key, (concept, _lang) in (table.concepts | table.places).items()}


@dataclass(frozen=True)
class Meaning:
    """What a descriptive name means: its concepts, the place adjectives that qualify it,
    and the language its words are in ("" when they are spelled alike in both)."""

    concepts: frozenset[str]
    places: frozenset[str] = frozenset()
    language: str = ""

    @property
    def key(self) -> str:
        """The form stored with a subject's names: "climate emergency pact state|"."""
        return " ".join(sorted(self.concepts)) + "|" + " ".join(sorted(self.places))

    def matches(self, other: Meaning) -> bool:
        """The same concepts; and the same places, except that across languages a place
        only one name gives does not keep them apart. A French article says "le mercato
        anglais" of what an English one, writing for its own readers, calls "the transfer
        window"; but "French start-ups" and "start-ups" in one language are two groups,
        and "French" and "German" are never one."""
        if self.concepts != other.concepts:
            return False
        if self.places == other.places:
            return True
        across = {self.language, other.language} == {"en", "fr"}
        return across and (self.places <= other.places or other.places <= self.places)


NO_MEANING = Meaning(frozenset())


@functools.lru_cache(maxsize=65536)
def meaning_of(name: str) -> Meaning | None:
    """The meaning of a name made only of words the glossary knows, else None.

    Phrases are read longest first ("transfer window" before "window"), plurals
    as their singular; function words are skipped. A lone place adjective is no
    name.
    """
    table = _table()
    words = _fold(name).split()
    concepts: set[str] = set()
    places: set[str] = set()
    languages: set[str] = set()
    i = 0
    while i < len(words):
        for size in range(min(table.longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            found = None
            for form in (phrase, " ".join(_singular(w) for w in words[i : i + size])):
                found = table.concepts.get(form) or table.places.get(form)
                if found is not None:
                    break
            if found is not None:
                concept, language = found
                (places if form in table.places else concepts).add(concept)
                if language:
                    languages.add(language)
                i += size
                break
        else:
            if words[i] not in _FUNCTION_WORDS:
                return None
            i += 1
    if not concepts:
        return None
    language = next(iter(languages)) if len(languages) == 1 else ""
    return Meaning(frozenset(concepts), frozenset(places), language)


def meaning_key(name: str) -> str:
    """``meaning_of(name).key``, or "" for a name that is not wholly descriptive."""
    meaning = meaning_of(name)
    return meaning.key if meaning is not None else ""


def same_meaning(a: str, b: str) -> bool:
    """Whether two descriptive names, in one language or two, name one thing."""
    x, y = meaning_of(a), meaning_of(b)
    return x is not None and y is not None and x.matches(y)


def is_news_word(word: str) -> bool:
    """Whether the glossary knows this one word, as written or as its singular, alone or
    in one of its phrases ("minimum" of "minimum wage")."""
    folded = _fold(word)
    return folded in _words() or _singular(folded) in _words()


@functools.cache
def _words() -> frozenset[str]:
    phrases = _table().concepts
    return frozenset(w for phrase in phrases for w in phrase.split()) - _FUNCTION_WORDS


def concept_of(word: str) -> str:
    """The concept of one word the glossary knows ("deal" for "accord"), else ""."""
    table = _table()
    folded = _fold(word)
    found = table.concepts.get(folded) or table.concepts.get(_singular(folded))
    return found[0] if found else ""
