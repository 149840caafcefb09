"""Fill a database with a newsroom's worth of realistic data, fast: for benchmarks and demos.

    python manage.py generate_demo_data --claims 100000 --seed 1

What it makes looks like a year or two of a fact-checking desk's work: French
and English articles with long texts, claims anchored in them at real offsets
(``source.text[start:end] == exact``), some quoted again by a second article,
about three pieces of evidence per claim with their stances, verdicts with
their history (proposed, sent back, approved by an editor other than their
author), the timeline events each of those steps writes, subjects with aliases,
properties from the existing vocabulary, and groups of claims about one subject
and property whose values conflict, so that disputes exist.

Everything is written inside one transaction, a chunk of claims at a time, as
plain tuples in multi-row ``INSERT`` statements (``COPY`` on PostgreSQL) rather
than model instances through ``bulk_create``, which cost three times as much
(``BulkWriter`` says why and how). A chunk is written in the background while
the next one is planned. The query count grows with the number of rows divided
by the batch size, never with the number of claims, and memory holds two
chunks. No model ``save()`` method or signal runs, so what they would compute
is computed here: the subjects' and aliases' folded names, the sources' text
hashes, the appearances' context (as ``Appearance.anchor`` does), and each
claim's search text, the words ``claims.search.document`` finds in the same
parts (``SearchWords``), which is exactly what ``search.refresh`` would write.
Disputes are then detected with ``claims.disputes.refresh_all``.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import random
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone
from django.utils.text import slugify

from claims import search, tally
from claims.choices import ClaimStatus, DatePrecision, Qualifier, Rating, Stance, ValueKind
from claims.glossary import meaning_key
from claims.models import (
    ANCHOR_CONTEXT,
    VALUE_FIELDS,
    Appearance,
    Claim,
    ClaimEvent,
    Comment,
    EventKind,
    Evidence,
    Property,
    Source,
    Subject,
    SubjectAlias,
    Verdict,
    VerdictStatus,
    normalise_name,
)
from claims.progress import Progress, for_command, quiet
from claims.roles import EDITOR, REVIEWER

# Rows per INSERT statement (PostgreSQL copies each chunk's table in one go).
# SQLite allows 250,000 parameters per statement here, so this is about the
# size of a statement, not limits: 5,000 rows are no faster.
BATCH_SIZE = 2000
# Claims planned, written and forgotten at a time: bounds memory, not queries.
CHUNK_SIZE = 5000

REVIEWERS = [
    ("demo-reviewer-01", "Camille", "Durand"),
    ("demo-reviewer-02", "Hugo", "Lefèvre"),
    ("demo-reviewer-03", "Amina", "Benali"),
    ("demo-reviewer-04", "Tom", "Walsh"),
    ("demo-reviewer-05", "Léa", "Martin"),
    ("demo-reviewer-06", "Priya", "Natarajan"),
    ("demo-reviewer-07", "Jonas", "Keller"),
    ("demo-reviewer-08", "Inès", "Moreau"),
]
EDITORS = [
    ("demo-editor-01", "Hélène", "Roux"),
    ("demo-editor-02", "Marc", "Dubois"),
    ("demo-editor-03", "Sarah", "O'Neill"),
    ("demo-editor-04", "Yann", "Le Goff"),
]

# --- words ----------------------------------------------------------------------

ROOTS = [
    "Nova", "Arden", "Lumi", "Verti", "Quanta", "Helio", "Orion", "Alto", "Cima", "Deli",
    "Echo", "Flux", "Gala", "Hexa", "Iris", "Jura", "Kali", "Lyra", "Mira", "Nexa",
    "Opti", "Pica", "Rhéa", "Sola", "Téra", "Ulma", "Véga", "Wala", "Xéno", "Zéphyr",
]  # fmt: skip
ENDINGS = ["tek", "gen", "sys", "lab", "data", "soft", "net", "via", "mind", "core", "wave"]
SECTORS = [
    "", " Énergie", " Santé", " Mobilité", " Finance", " AI", " Robotics", " Télécom",
    " Systems", " Bio", " Médias", " Industries", " Cloud", " Agro",
]  # fmt: skip
FIRST_NAMES = [
    "Liang", "Marie", "Jean", "Sophie", "Ahmed", "Chen", "Laura", "Pierre", "Nadia", "Kenji",
    "Élodie", "Rafael", "Aïcha", "Olivier", "Mei", "Lucas", "Zoé", "Samuel", "Fatou", "Erik",
]  # fmt: skip
LAST_NAMES = [
    "Wenfeng", "Lefebvre", "Dupont", "Nguyen", "Haddad", "Schmidt", "García", "Rossi",
    "Kowalski", "Tanaka", "Bernard", "Okafor", "Petit", "Johansson", "Moreau", "Laurent",
]  # fmt: skip
CITIES = [
    ("Paris", "Paris"), ("Lyon", "Lyon"), ("Hangzhou", "Hangzhou"), ("Londres", "London"),
    ("Berlin", "Berlin"), ("Montréal", "Montreal"), ("Genève", "Geneva"), ("Toulouse", "Toulouse"),
    ("Shenzhen", "Shenzhen"), ("San Francisco", "San Francisco"), ("Bruxelles", "Brussels"),
]  # fmt: skip
COUNTRIES = [
    ("Chine", "China"), ("France", "France"), ("États-Unis", "the United States"),
    ("Irlande", "Ireland"), ("Allemagne", "Germany"), ("Canada", "Canada"),
    ("Suisse", "Switzerland"),
]  # fmt: skip
LICENCES = ["MIT", "Apache 2.0", "GPL v3", "BSD", "CC BY 4.0", "propriétaire"]
ORIGINS = [
    ("une entreprise de trading quantitatif", "a quantitative trading firm"),
    ("un laboratoire universitaire", "a university laboratory"),
    ("une filiale d'un groupe industriel", "a subsidiary of an industrial group"),
    ("une start-up incubée à Station F", "a start-up incubated at Station F"),
    ("un projet open source", "an open-source project"),
]  # fmt: skip
HARDWARE = [
    ("des ordinateurs portables standards", "standard laptops"),
    ("un seul GPU grand public", "a single consumer GPU"),
    ("un serveur équipé de huit GPU", "a server with eight GPUs"),
    ("un téléphone récent", "a recent phone"),
]  # fmt: skip
STANDINGS = [
    ("surpasse ses concurrents sur les tests de mathématiques", "beats its rivals on maths tests"),
    ("se classe derrière les leaders du marché", "ranks behind the market leaders"),
    ("égale les meilleurs modèles en codage", "matches the best models at coding"),
    ("obtient des résultats moyens en raisonnement", "gets average results in reasoning"),
]  # fmt: skip
ATTRIBUTED = [
    ("la distillation de modèles concurrents", "distillation of rival models"),
    ("une baisse des prix de 50 %", "a 50% price cut"),
    ("l'absence de données personnelles", "no personal data at all"),
    ("une ouverture totale du code", "fully open code"),
]  # fmt: skip
MONTHS_FR = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
ORDINALS_FR = ["première", "deuxième", "troisième", "quatrième", "cinquième", "sixième"]
ORDINALS_EN = ["first", "second", "third", "fourth", "fifth", "sixth"]

PUBLISHERS = {
    "fr": [
        "Le Quotidien du Numérique", "L'Écho des Marchés", "La Gazette Tech",
        "Le Courrier Économique", "Les Nouvelles de Lyon", "Sciences & Société",
    ],
    "en": [
        "The Tech Ledger", "Market Herald", "Daily Circuit", "The Business Observer",
        "Silicon Weekly", "The Evening Review",
    ],
}  # fmt: skip
LEADS = {
    "fr": [
        "", "", "Selon nos informations, ", "D'après le rapport annuel, ",
        "Comme l'a confirmé la direction, ", "Selon plusieurs analystes, ",
    ],
    "en": [
        "", "", "According to our sources, ", "The annual report says that ",
        "As management confirmed, ", "Several analysts say that ",
    ],
}  # fmt: skip
FILLER = {
    "fr": [
        "Le secteur connaît une croissance rapide depuis plusieurs années, portée par la "
        "demande des entreprises et des administrations.",
        "Les paramètres de la future réglementation européenne restent toutefois incertains.",
        "Plusieurs concurrents ont réagi en annonçant des baisses de prix dès la semaine suivante.",
        "Interrogée, l'entreprise n'a pas souhaité commenter ces chiffres.",
        "Les investisseurs suivent de près l'évolution du marché, jugé très volatil.",
        "La question de la protection des données personnelles revient régulièrement dans "
        "le débat public.",
        "Des chercheurs indépendants appellent à la prudence face aux annonces spectaculaires.",
        "Cette stratégie s'inscrit dans une concurrence de plus en plus vive entre la Chine, "
        "l'Europe et les États-Unis.",
        "À Bruxelles, la Commission étudie de près ces développements.",
        "Les syndicats s'inquiètent des conséquences sur l'emploi dans la région.",
        "Le modèle économique de la société repose largement sur des abonnements.",
        "Les analystes soulignent néanmoins l'écart entre les promesses et la réalité.",
        "Le gouvernement a annoncé un plan d'investissement dans les infrastructures numériques.",
        "L'entreprise assure respecter strictement la législation en vigueur.",
        "Ces chiffres n'ont pas pu être vérifiés de manière indépendante.",
        "La presse spécialisée évoque un tournant pour l'ensemble de l'industrie.",
        "Plusieurs universités ont déjà noué des partenariats avec la jeune pousse.",
        "Les critiques pointent un manque de transparence sur les méthodes employées.",
    ],
    "en": [
        "The sector has grown quickly for several years, driven by demand from companies "
        "and public bodies.",
        "The details of the upcoming European regulation remain uncertain, however.",
        "Several competitors responded by announcing price cuts the following week.",
        "Asked about these figures, the company declined to comment.",
        "Investors are watching the market closely; many describe it as very volatile.",
        "The protection of personal data keeps coming back in the public debate.",
        "Independent researchers urge caution about spectacular announcements.",
        "The strategy is part of an increasingly fierce race between China, Europe and the "
        "United States.",
        "In Brussels, the Commission is following these developments closely.",
        "Unions worry about the consequences for jobs in the region.",
        "The company's business model relies largely on subscriptions.",
        "Analysts nonetheless point to the gap between promises and reality.",
        "The government announced an investment plan for digital infrastructure.",
        "The company says it strictly complies with the law.",
        "These figures could not be independently verified.",
        "Trade publications describe it as a turning point for the whole industry.",
        "Several universities have already partnered with the start-up.",
        "Critics point to a lack of transparency about the methods used.",
    ],
}
EVIDENCE_TITLES = [
    "Rapport annuel {year} de {subject}",
    "Registre du commerce : fiche {subject}",
    "Communiqué de presse de {subject}",
    "Annual report {year}, {subject}",
    "Companies House filing for {subject}",
    "Interview with {subject}'s chief financial officer",
    "Base de données publique des marchés",
    "Independent benchmark results ({year})",
]
EVIDENCE_HOSTS = [
    "registre.example.fr", "data.example.org", "press.example.com", "filings.example.co.uk",
    "archive.example.net", "stats.example.eu",
]  # fmt: skip
NOTES = {
    Stance.SUPPORTS: [
        "Le chiffre correspond au document officiel.",
        "Matches the official filing.",
        "Confirmed by the company's press office.",
        "Même valeur dans deux sources indépendantes.",
    ],
    Stance.REFUTES: [
        "Le document donne une autre valeur.",
        "The filing states a different figure.",
        "Date différente dans le registre.",
        "Contradicted by the annual report.",
    ],
    Stance.MIXED: [
        "Valeur proche, mais le périmètre diffère.",
        "Close, but the scope is not the same.",
    ],
    Stance.CONTEXT: [
        "Utile pour comprendre le contexte.",
        "Background on how the figure is computed.",
    ],
}
RATIONALES = {
    "right": [
        "Les documents officiels confirment la valeur annoncée.",
        "The figure matches the company's own filings and an independent source.",
        "Plusieurs sources indépendantes concordent.",
    ],
    "wrong": [
        "Le registre du commerce donne une autre valeur : l'affirmation est inexacte.",
        "The annual report contradicts the figure quoted in the article.",
        "The claim rests on an outdated figure that was later corrected.",
    ],
}
SEND_BACK_COMMENTS = [
    "Il manque une source primaire pour ce chiffre.",
    "Please add the filing itself, not a press article quoting it.",
    "La notation semble trop sévère au vu des preuves.",
    "Which year does the figure refer to? Check before publishing.",
]
NOT_CHECKABLE_REASONS = [
    "Opinion, pas un fait vérifiable.",
    "A forecast: nothing to check until it happens.",
    "Aucune source publique ne permet de vérifier ce chiffre.",
]
COMMENTS = [
    "J'ai écrit à l'entreprise, j'attends leur réponse.",
    "Found a second filing that may help.",
    "Attention aux unités : milliards et non millions.",
    "The article was updated after publication; check the archive.",
]

# --- values ---------------------------------------------------------------------


@dataclass(frozen=True)
class StatedValue:
    """A value of a claim: its structured fields, and how each language writes it."""

    fields: dict[str, Any]
    fr: str
    en: str


def _number_fr(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    whole, _dot, fraction = text.partition(".")
    groups = f"{int(whole):,}".replace(",", " ")
    return groups + ("," + fraction if fraction else "")


def _number_en(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    whole, _dot, fraction = text.partition(".")
    return f"{int(whole):,}" + ("." + fraction if fraction else "")


def _scaled(number: Decimal) -> tuple[Decimal, str, str]:
    """671000000000 as (671, "milliards", "billion")."""
    for size, fr, en in (
        (Decimal(10**9), "milliards", "billion"),
        (Decimal(10**6), "millions", "million"),
    ):
        if abs(number) >= size:
            return (number / size).quantize(Decimal("0.1")).normalize(), fr, en
    return number, "", ""


def _date_value(day: date, precision: str) -> StatedValue:
    if precision == DatePrecision.YEAR:
        fr, en, day = str(day.year), str(day.year), day.replace(month=1, day=1)
    elif precision == DatePrecision.MONTH:
        fr = f"{MONTHS_FR[day.month - 1]} {day.year}"
        en = f"{MONTHS_EN[day.month - 1]} {day.year}"
        day = day.replace(day=1)
    else:
        fr = f"{day.day} {MONTHS_FR[day.month - 1]} {day.year}"
        en = f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    fields = {"value_date": day, "value_date_precision": precision}
    return StatedValue(fields, fr, en)


def _money_value(amount: Decimal, currency: str, *, unit: str = "", per: int | None = None):
    scaled, big_fr, big_en = _scaled(amount)
    symbol = {"USD": "$", "EUR": "€"}[currency]
    word_fr = {"USD": "dollars", "EUR": "euros"}[currency]
    if big_fr:
        fr = f"{_number_fr(scaled)} {big_fr} de {word_fr}"
        en = f"{symbol}{_number_en(scaled)} {big_en}"
    else:
        fr = f"{_number_fr(amount)} {symbol}"
        en = f"{symbol}{_number_en(amount)}"
    if per:
        fr += " par million de jetons"
        en += " per million tokens"
    fields = {"value_number": amount, "value_currency": currency, "value_unit": unit}
    if per:
        fields["value_per"] = Decimal(per)
    return StatedValue(fields, fr, en)


def _quantity_value(number: Decimal, unit: str, fr_noun: str, en_noun: str) -> StatedValue:
    scaled, big_fr, big_en = _scaled(number)
    if big_fr:
        fr = f"{_number_fr(scaled)} {big_fr} de {fr_noun}"
        en = f"{_number_en(scaled)} {big_en} {en_noun}"
    else:
        fr = f"{_number_fr(number)} {fr_noun}"
        en = f"{_number_en(number)} {en_noun}"
    return StatedValue({"value_number": number, "value_unit": unit}, fr, en)


# unit, French noun, English noun, and the range of the figure (powers of ten)
QUANTITIES = {
    "parameter-count": ("parameter", "paramètres", "parameters", 9, 12),
    "gpu-count": ("GPU", "GPU", "GPUs", 2, 5),
    "user-count": ("user", "utilisateurs", "users", 4, 8),
    "employee-count": ("employee", "salariés", "employees", 1, 5),
}
DEFAULT_QUANTITY = ("unit", "unités", "units", 1, 6)


def _quantity_for(code: str, number: Decimal) -> StatedValue:
    unit, fr, en, _low, _high = QUANTITIES.get(code, DEFAULT_QUANTITY)
    return _quantity_value(number, unit, fr, en)


def _text_value(pair: tuple[str, str]) -> StatedValue:
    return StatedValue({}, pair[0], pair[1])


def _round(number: float, digits: int = 2) -> Decimal:
    """A plausible figure: two or three significant digits."""
    if number <= 0:
        return Decimal(1)
    exponent = len(str(int(number))) - digits
    step = Decimal(10) ** max(exponent, -2)
    return (Decimal(str(number)) / step).quantize(Decimal(1)) * step


@dataclass(frozen=True)
class PropertyModel:
    """How claims about one property of the vocabulary are written and how they go wrong."""

    kind: str
    fr: str
    en: str

    def sentence(self, language: str, subject: str, value: str) -> str:
        return (self.fr if language == "fr" else self.en).format(subject=subject, value=value)


PROPERTY_MODELS = {
    "founding-date": PropertyModel(
        ValueKind.DATE, "{subject} a été fondée en {value}", "{subject} was founded in {value}"
    ),
    "release-date": PropertyModel(
        ValueKind.DATE,
        "le premier produit de {subject} est sorti en {value}",
        "{subject} released its first product in {value}",
    ),
    "founder": PropertyModel(
        ValueKind.TEXT, "{subject} a été fondée par {value}", "{subject} was founded by {value}"
    ),
    "headquarters": PropertyModel(
        ValueKind.TEXT, "le siège de {subject} est à {value}", "{subject} is based in {value}"
    ),
    "origin": PropertyModel(
        ValueKind.TEXT, "{subject} est issue d'{value}", "{subject} grew out of {value}"
    ),
    "price-per-unit": PropertyModel(
        ValueKind.MONEY,
        "l'accès à l'API de {subject} coûte {value}",
        "access to the {subject} API costs {value}",
    ),
    "training-cost": PropertyModel(
        ValueKind.MONEY,
        "l'entraînement du modèle de {subject} a coûté {value}",
        "training {subject}'s model cost {value}",
    ),
    "operating-cost": PropertyModel(
        ValueKind.PERCENTAGE,
        "les coûts d'exploitation de {subject} sont inférieurs de {value} à ceux de ses "
        "concurrents",
        "{subject}'s operating costs are {value} lower than its rivals'",
    ),
    "revenue": PropertyModel(
        ValueKind.MONEY,
        "le chiffre d'affaires de {subject} atteint {value}",
        "{subject}'s revenue reached {value}",
    ),
    "valuation": PropertyModel(
        ValueKind.MONEY, "{subject} est valorisée à {value}", "{subject} is valued at {value}"
    ),
    "funding": PropertyModel(
        ValueKind.MONEY, "{subject} a levé {value}", "{subject} has raised {value}"
    ),
    "market-value-change": PropertyModel(
        ValueKind.MONEY,
        "{subject} a perdu {value} de capitalisation en une semaine",
        "{subject} lost {value} of market value in one week",
    ),
    "parameter-count": PropertyModel(
        ValueKind.QUANTITY,
        "le modèle de {subject} compte {value}",
        "{subject}'s model has {value}",
    ),
    "gpu-count": PropertyModel(
        ValueKind.QUANTITY,
        "{subject} a utilisé {value} pour entraîner ses modèles",
        "{subject} used {value} to train its models",
    ),
    "hardware-requirement": PropertyModel(
        ValueKind.TEXT,
        "le modèle de {subject} fonctionne sur {value}",
        "{subject}'s model runs on {value}",
    ),
    "user-count": PropertyModel(
        ValueKind.QUANTITY, "{subject} revendique {value}", "{subject} claims {value}"
    ),
    "employee-count": PropertyModel(
        ValueKind.QUANTITY, "{subject} emploie {value}", "{subject} employs {value}"
    ),
    "download-ranking": PropertyModel(
        ValueKind.RANK,
        "l'application de {subject} est la {value} plus téléchargée",
        "{subject}'s app is the {value} most downloaded",
    ),
    "leaderboard-rank": PropertyModel(
        ValueKind.RANK,
        "{subject} occupe la {value} place du classement général",
        "{subject} holds {value} place in the overall leaderboard",
    ),
    "benchmark-standing": PropertyModel(
        ValueKind.TEXT,
        "le modèle de {subject} {value}",
        "{subject}'s model {value}",
    ),
    "training-duration": PropertyModel(
        ValueKind.DURATION,
        "l'entraînement du modèle de {subject} a duré {value}",
        "training {subject}'s model took {value}",
    ),
    "data-location": PropertyModel(
        ValueKind.TEXT,
        "les données des utilisateurs de {subject} sont stockées en {value}",
        "{subject} stores its users' data in {value}",
    ),
    "licence": PropertyModel(
        ValueKind.TEXT,
        "{subject} publie ses modèles sous licence {value}",
        "{subject} releases its models under the {value} licence",
    ),
    "statement-attributed": PropertyModel(
        ValueKind.TEXT,
        "{subject} a évoqué {value}",
        "{subject} talked about {value}",
    ),
}
FALLBACK_MODEL = PropertyModel(
    ValueKind.TEXT, "pour {subject}, la réponse est {value}", "for {subject}, it is {value}"
)


def true_value(rng: random.Random, code: str, kind: str) -> StatedValue:
    """A value for a subject's property, in the shape its property expects."""
    if kind == ValueKind.DATE:
        day = date(rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28))
        precision = rng.choice([DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY])
        return _date_value(day, precision)
    if code == "price-per-unit":
        amount = _round(rng.uniform(0.05, 20))
        return _money_value(amount, rng.choice(["USD", "USD", "EUR"]), unit="token", per=10**6)
    if kind == ValueKind.MONEY:
        amount = _round(10 ** rng.uniform(5, 12))
        return _money_value(amount, rng.choice(["USD", "EUR"]))
    if kind == ValueKind.PERCENTAGE:
        number = Decimal(rng.randint(5, 96))
        return StatedValue({"value_number": number, "value_unit": "%"}, f"{number} %", f"{number}%")
    if kind == ValueKind.QUANTITY:
        _unit, _fr, _en, low, high = QUANTITIES.get(code, DEFAULT_QUANTITY)
        return _quantity_for(code, _round(10 ** rng.uniform(low, high)))
    if kind == ValueKind.RANK:
        rank = rng.randint(1, len(ORDINALS_EN))
        return StatedValue(
            {"value_number": Decimal(rank)}, ORDINALS_FR[rank - 1], ORDINALS_EN[rank - 1]
        )
    if kind == ValueKind.DURATION:
        unit, fr, en = rng.choice([("hour", "heures", "hours"), ("day", "jours", "days")])
        number = Decimal(rng.randint(2, 90))
        return StatedValue(
            {"value_number": number, "value_unit": unit}, f"{number} {fr}", f"{number} {en}"
        )
    choices = {
        "founder": [(f"{f} {ln}", f"{f} {ln}") for f in FIRST_NAMES[:6] for ln in LAST_NAMES[:6]],
        "headquarters": CITIES,
        "origin": ORIGINS,
        "hardware-requirement": HARDWARE,
        "benchmark-standing": STANDINGS,
        "data-location": COUNTRIES,
        "licence": [(licence, licence) for licence in LICENCES],
        "statement-attributed": ATTRIBUTED,
    }.get(code, CITIES)
    return _text_value(rng.choice(choices))


def conflicting_value(rng: random.Random, code: str, kind: str, right: StatedValue):
    """A value another source states for the same fact, which does not agree with it."""
    for _attempt in range(20):
        wrong = true_value(rng, code, kind)
        if kind == ValueKind.DATE:
            year = right.fields["value_date"].year + rng.choice([-3, -2, -1, 1, 2])
            precision = right.fields["value_date_precision"]
            wrong = _date_value(right.fields["value_date"].replace(year=year), precision)
        elif kind in (ValueKind.MONEY, ValueKind.QUANTITY):
            factor = Decimal(rng.choice(["0.25", "0.5", "2", "3", "4"]))
            number = right.fields["value_number"] * factor
            if kind == ValueKind.MONEY:
                per = right.fields.get("value_per")
                wrong = _money_value(
                    number.normalize(),
                    right.fields["value_currency"],
                    unit=right.fields["value_unit"],
                    per=int(per) if per else None,
                )
            else:
                wrong = _quantity_for(code, _round(float(number)))
        if wrong.fr != right.fr:
            return wrong
    return wrong


# --- the plan of one chunk ------------------------------------------------------
# Planned rows are plain records, not model instances: a chunk plans some 50,000
# of them, and a model instance costs more to make than the row costs to insert.
# Each gets its primary key once the chunk is planned (``BulkWriter.reserve_ids``),
# so that the rows referring to it (events, evidence, appearances) can be written.


@dataclass(slots=True)
class SourcePlan:
    title: str
    url: str
    publisher: str
    author: str
    language: str
    published_on: date
    text: str
    created_at: datetime
    created_by_id: int
    pk: int = 0

    @property
    def first_sentence(self) -> str:
        """What evidence citing this article quotes: its first sentence after the title."""
        body = self.text.split("\n", 1)[1]
        return body[: body.find(". ") + 1]


@dataclass(slots=True)
class EvidencePlan:
    source: SourcePlan | None
    url: str
    title: str
    excerpt: str
    stance: str
    note: str
    added_by_id: int
    created_at: datetime
    pk: int = 0


@dataclass(slots=True)
class VerdictPlan:
    rating: str
    rationale: str
    author_id: int
    created_at: datetime
    status: str
    reviewed_by_id: int | None = None
    reviewed_at: datetime | None = None
    review_comment: str = ""
    pk: int = 0


@dataclass(slots=True)
class CommentPlan:
    author_id: int
    body: str
    created_at: datetime
    pk: int = 0


@dataclass(slots=True)
class QuotePlan:
    source: SourcePlan
    start: int
    end: int
    exact: str


@dataclass(slots=True)
class PlannedClaim:
    """A claim's row, and the rows of its history, until they are written."""

    subject: Subject
    property: Property
    language: str
    right: bool
    statement: str
    value_kind: str
    value_text: str
    value_qualifier: str
    # The structured value: some of VALUE_COLUMNS, the others keep their defaults.
    value_fields: dict[str, Any]
    created_by_id: int
    status: str = ClaimStatus.NEW
    rating: str = ""
    not_checkable_reason: str = ""
    assignee_id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    verdict_approved_at: datetime | None = None
    version: int = 1
    pk: int = 0
    quotes: list[QuotePlan] = field(default_factory=list)
    evidence: list[EvidencePlan] = field(default_factory=list)
    verdicts: list[VerdictPlan] = field(default_factory=list)
    comments: list[CommentPlan] = field(default_factory=list)
    # (when, kind, actor id, what): ``what`` is the event's data, or a planned
    # row whose primary key the data needs once it is written.
    timeline: list[tuple[datetime, str, int | None, Any]] = field(default_factory=list)


# The claim columns that hold a structured value, each a claim may leave empty
# (the kind, wording and qualifier are planned for every claim).
VALUE_COLUMNS = tuple(
    name for name in VALUE_FIELDS if name not in {"value_kind", "value_text", "value_qualifier"}
)


@dataclass
class Counts:
    users: int = 0
    subjects: int = 0
    aliases: int = 0
    sources: int = 0
    claims: int = 0
    appearances: int = 0
    evidence: int = 0
    verdicts: int = 0
    comments: int = 0
    events: int = 0
    disputes: int = 0
    conflicts: int = 0


class Weighted:
    """Draw one of several outcomes with fixed probabilities, cheaply and often."""

    def __init__(self, weights: dict[Any, float]) -> None:
        self.outcomes = list(weights)
        self.cumulative = list(itertools.accumulate(weights.values()))

    def draw(self, rng: random.Random) -> Any:
        return rng.choices(self.outcomes, cum_weights=self.cumulative)[0]


STATUSES = Weighted(
    {
        ClaimStatus.NEW: 0.25,
        ClaimStatus.IN_RESEARCH: 0.30,
        ClaimStatus.VERDICT_PROPOSED: 0.15,
        ClaimStatus.PUBLISHED: 0.25,
        ClaimStatus.NOT_CHECKABLE: 0.05,
    }
)
# Evidence per claim once research has started: 4 on average, so 3 overall
# with the quarter of claims that are still new.
EVIDENCE_COUNTS = Weighted({1: 0.10, 2: 0.15, 3: 0.20, 4: 0.20, 5: 0.15, 6: 0.10, 7: 0.05, 8: 0.05})
RIGHT_RATINGS = Weighted(
    {Rating.TRUE: 0.6, Rating.MOSTLY_TRUE: 0.25, Rating.MIXED: 0.1, Rating.UNVERIFIABLE: 0.05}
)
WRONG_RATINGS = Weighted(
    {Rating.FALSE: 0.5, Rating.MOSTLY_FALSE: 0.25, Rating.MISLEADING: 0.15, Rating.MIXED: 0.1}
)
RIGHT_STANCES = Weighted(
    {Stance.SUPPORTS: 0.7, Stance.CONTEXT: 0.15, Stance.MIXED: 0.1, Stance.REFUTES: 0.05}
)
WRONG_STANCES = Weighted(
    {Stance.REFUTES: 0.65, Stance.CONTEXT: 0.15, Stance.MIXED: 0.1, Stance.SUPPORTS: 0.1}
)
# How often a source states a value that conflicts with the usual one.
CONFLICT_RATE = 0.15
# How often an article also repeats one to three claims of earlier articles.
REQUOTE_RATE = 0.6


# --- writing rows ---------------------------------------------------------------


@dataclass(slots=True)
class TableRows:
    """Rows for one table: tuples of the values of ``columns`` (attribute names)."""

    model: type[models.Model]
    columns: tuple[str, ...]
    rows: list[tuple]


class BulkWriter:
    """Inserts rows given as tuples, on a thread of its own, with keys chosen beforehand.

    ``bulk_create`` spends most of its time per value (a model instance per row,
    then each field's ``pre_save`` and ``get_db_prep_save``): at 100,000 claims
    that was some 1.5 million rows and 12 million values, and three quarters of
    the command's time. Here rows are tuples of values the driver takes as they
    are; the few types it would not store the way Django does are converted by
    the caller, with ``timestamp`` (datetimes) and ``json`` (JSON fields).

    - PostgreSQL (psycopg 3): ``COPY ... FROM STDIN``, the cheapest way in. Keys
      come from each table's sequence (``nextval``, on a connection of their own:
      sequences are outside transactions), so that it stays ahead of them.
    - SQLite and others: one multi-row ``INSERT`` per batch. Not ``executemany``:
      on SQLite each statement ends with a flush of the FTS5 index that the
      claims' triggers write to (migration 0007), and a statement per claim
      made the index of many tiny segments: 9 s for 100,000 claims, against
      3 s in statements of 2,000. Keys
      follow the largest one the table has used (SQLite's ``sqlite_sequence``
      included: AUTOINCREMENT never hands out a deleted row's key again, and
      neither should this, or the history of a deleted claim would become a new
      claim's). Nothing else can write in between: inside the transaction the
      first insert takes SQLite's write lock, and if another connection wrote
      after the keys were read, that insert fails rather than reuse them.

    ``write`` inserts a chunk's rows in the background and returns at once, so
    that the next chunk is planned while the database works on this one (SQLite
    releases the GIL while it runs a statement; PostgreSQL works in its own
    process): 10 % off the whole command on SQLite, 15 % on PostgreSQL. One
    chunk is written at a time, in the caller's transaction, on the caller's
    connection, which the caller must leave alone until ``wait`` returns:
    planning a chunk reads nothing from the database, and keys need no query
    once each table's first key is known (SQLite) or are taken on the other
    connection (PostgreSQL).

    Columns the rows leave out take the field's default, as they would in a
    model instance; the primary key left out is the database's to choose.
    """

    # SQLite's page cache while writing, in KiB (the default is 2 MiB): large
    # enough for the indexes being filled, it saves spilling and re-reading their
    # pages, about a second at 100,000 claims.
    SQLITE_CACHE_KIB = 64 * 1024

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.vendor = connection.vendor
        self.use_copy = False
        self.next_ids: dict[str, int] = {}
        self.sequences: dict[str, str] = {}
        self.keys_connection: BaseDatabaseWrapper | None = None
        self.pool: ThreadPoolExecutor | None = None
        self.pending: Future[None] | None = None
        self.sqlite_cache_size: int | None = None
        self.timestamp: Callable[[datetime], Any]
        self.json: Callable[[Any], Any] = json.dumps
        if self.vendor == "sqlite":
            # What DateTimeField stores there: naive, in the connection's time zone (UTC).
            zone = connection.timezone
            self.timestamp = lambda value: value.astimezone(zone).replace(tzinfo=None)
        elif self.vendor == "postgresql":
            from django.db.backends.postgresql.psycopg_any import is_psycopg3

            self.use_copy = is_psycopg3
            self.timestamp = lambda value: value
        else:
            self.timestamp = connection.ops.adapt_datetimefield_value
            self.json = lambda value: connection.ops.adapt_json_value(value, None)

    def __enter__(self) -> BulkWriter:
        self.connection.inc_thread_sharing()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="generate_demo_data")
        if self.vendor == "sqlite":
            with self.connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size")
                self.sqlite_cache_size = cursor.fetchone()[0]
                cursor.execute(f"PRAGMA cache_size = -{self.SQLITE_CACHE_KIB}")
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            # Whatever happened, the connection is the caller's again only once
            # the last write is over.
            if self.pool is not None:
                self.pool.shutdown(wait=True)
            if exc_info[0] is None:
                self.wait()
        finally:
            self.pending = self.pool = None
            self.connection.dec_thread_sharing()
            if self.keys_connection is not None:
                self.keys_connection.close()
            if self.sqlite_cache_size is not None:
                with self.connection.cursor() as cursor:
                    cursor.execute(f"PRAGMA cache_size = {int(self.sqlite_cache_size)}")

    def write(self, tables: Sequence[TableRows]) -> None:
        """Insert these tables' rows, in this order, once the previous write is done."""
        if self.pool is None:
            raise RuntimeError("Write inside `with BulkWriter(...)`.")
        self.wait()
        self.pending = self.pool.submit(self._insert_all, tables)

    def wait(self) -> None:
        """Wait for the write under way, if any; raise what it raised."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending.result()

    def reserve_ids(self, model: type[models.Model], count: int) -> Sequence[int]:
        """``count`` new primary keys for ``model``'s table, in ascending order."""
        table = model._meta.db_table
        if self.vendor == "postgresql":
            if self.keys_connection is None:
                self.keys_connection = self.connection.copy()
            with self.keys_connection.cursor() as cursor:
                if table not in self.sequences:
                    cursor.execute(
                        "SELECT pg_get_serial_sequence(%s, %s)", [table, model._meta.pk.column]
                    )
                    self.sequences[table] = cursor.fetchone()[0]
                # nextval() hands out each key once, whoever else is inserting.
                cursor.execute(
                    "SELECT array_agg(nextval(%s::regclass)) FROM generate_series(1, %s)",
                    [self.sequences[table], count],
                )
                return cursor.fetchone()[0] or []
        if table not in self.next_ids:
            # Called for every table while the first chunk is planned: no write is
            # under way yet.
            self.wait()
            quote = self.connection.ops.quote_name
            with self.connection.cursor() as cursor:
                cursor.execute(f"SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(table)}")
                largest = cursor.fetchone()[0] or 0
                if self.vendor == "sqlite":
                    cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                    used = cursor.fetchone()
                    largest = max(largest, used[0] if used else 0)
            self.next_ids[table] = largest + 1
        first = self.next_ids[table]
        self.next_ids[table] = first + count
        return range(first, first + count)

    def _insert_all(self, tables: Sequence[TableRows]) -> None:
        for table in tables:
            self.insert(table)

    def insert(self, table: TableRows) -> None:
        """Insert one table's rows, now, on this thread."""
        model, rows = table.model, table.rows
        if not rows:
            return
        given = {*table.columns, model._meta.pk.attname}
        defaults = [
            (model_field, model_field.get_db_prep_save(model_field.get_default(), self.connection))
            for model_field in model._meta.concrete_fields
            if model_field.attname not in given
        ]
        for model_field, value in defaults:
            if value is None and not model_field.null:
                raise ValueError(f"{model.__name__}.{model_field.name} needs a value.")
        fields = [model._meta.get_field(name) for name in table.columns]
        fields += [model_field for model_field, _value in defaults]
        if defaults:
            extra = tuple(value for _field, value in defaults)
            rows = [row + extra for row in rows]
        quote = self.connection.ops.quote_name
        names = ", ".join(quote(f.column) for f in fields)
        into = f"{quote(model._meta.db_table)} ({names})"
        with self.connection.cursor() as cursor:
            if self.use_copy:
                with cursor.copy(f"COPY {into} FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            batch_size = min(BATCH_SIZE, self.connection.ops.bulk_batch_size(fields, rows))
            one_row = "(" + ", ".join(["%s"] * len(fields)) + ")"
            for start in range(0, len(rows), batch_size):
                batch = rows[start : start + batch_size]
                values = ", ".join([one_row] * len(batch))
                params = list(itertools.chain.from_iterable(batch))
                cursor.execute(f"INSERT INTO {into} VALUES {values}", params)


class SearchWords(dict[str, str]):
    """The words ``search.words`` finds in a text, joined by spaces; each text folded once.

    A claim's search text is ``search.document``: the words of its parts (statement,
    value, subject names, quotes, evidence) joined by spaces. Folding works
    character by character, and a word never runs across white space, which
    folds to white space: so the words of a text are the words of each of its
    parts, and of each piece of a part between spaces, one after the other.
    Most parts recur across claims (subject names, evidence titles and notes,
    values, quotes of a claim in each language), and the rest are made of
    recurring pieces: folding each distinct piece once, instead of every claim's
    whole text, saved a tenth of the command's time.
    ``tests/test_generate_demo_data.py`` checks the result against
    ``search.refresh_all``.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pieces: dict[str, str] = {}

    def __missing__(self, text: str) -> str:
        found = self[text] = " ".join(filter(None, map(self.piece, text.split())))
        return found

    def piece(self, piece: str) -> str:
        try:
            return self.pieces[piece]
        except KeyError:
            found = self.pieces[piece] = " ".join(search.words(piece))
            return found

    def document(self, parts: Iterable[str]) -> str:
        return " ".join(filter(None, map(self.__getitem__, parts)))


class Generator:
    """Plans claims a chunk at a time, and makes each chunk's rows for a ``BulkWriter``."""

    def __init__(
        self, *, seed: int, users: dict[str, list[Any]], now: datetime, writer: BulkWriter
    ) -> None:
        self.rng = random.Random(seed)
        self.reviewers = users["reviewers"]
        self.editors = users["editors"]
        self.people = self.reviewers + self.editors
        self.now = now
        self.writer = writer
        self.counts = Counts()
        self.properties = list(Property.objects.order_by("pk"))
        if not self.properties:
            raise CommandError("No properties: run `manage.py migrate` first (it seeds them).")
        self.subjects: list[Subject] = []
        # Each subject's aliases, in the order they were made (search.document's order).
        self.aliases: dict[int, list[str]] = {}
        self.facts: dict[tuple[int, int], tuple[StatedValue, StatedValue]] = {}
        self.article_number = itertools.count(1)
        self.slugs: dict[int, str] = {}
        self.search_words = SearchWords()
        self.value_defaults = {
            name: Claim._meta.get_field(name).get_default() for name in VALUE_COLUMNS
        }

    # --- subjects ---------------------------------------------------------------

    def make_subjects(self, count: int) -> None:
        rng = self.rng
        taken = set(Subject.objects.values_list("normalised_name", flat=True))
        taken |= set(SubjectAlias.objects.values_list("normalised_alias", flat=True))
        names = [r + e + s for r in ROOTS for e in ENDINGS for s in SECTORS]
        rng.shuffle(names)
        subjects: list[Subject] = []
        aliases: list[tuple[Subject, str]] = []
        for n in itertools.count():
            if len(subjects) >= count:
                break
            base = names[n % len(names)]
            name = base if n < len(names) else f"{base} {n // len(names) + 1}"
            key = normalise_name(name)
            if key in taken:
                continue
            taken.add(key)
            description = rng.choice(
                ["Entreprise suivie par la rédaction.", "Company the desk follows.", ""]
            )
            subjects.append(
                Subject(
                    name=name,
                    normalised_name=key,
                    meaning=meaning_key(name),
                    description=description,
                )
            )
            if rng.random() < 0.5:
                forms = [f"{name} SA", f"Groupe {name}", f"{name} Inc.", f"{name} Group"]
                for alias in rng.sample(forms, rng.randint(1, 2)):
                    alias_key = normalise_name(alias)
                    if alias_key not in taken:
                        taken.add(alias_key)
                        aliases.append((subjects[-1], alias))
        Subject.objects.bulk_create(subjects, batch_size=BATCH_SIZE)
        rows = [
            SubjectAlias(
                subject=subject,
                alias=alias,
                normalised_alias=normalise_name(alias),
                meaning=meaning_key(alias),
            )
            for subject, alias in aliases
        ]
        SubjectAlias.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        for row in rows:
            self.aliases.setdefault(row.subject_id, []).append(row.alias)
        self.subjects = subjects
        self.counts.subjects += len(subjects)
        self.counts.aliases += len(rows)

    def pick_subject(self) -> Subject:
        # A few subjects are in the news all the time, most now and then.
        if self.rng.random() < 0.5:
            return self.subjects[self.rng.randrange(len(self.subjects))]
        index = min(int(self.rng.paretovariate(1.2)) - 1, len(self.subjects) - 1)
        return self.subjects[index]

    def slug(self, subject: Subject) -> str:
        if subject.pk not in self.slugs:
            self.slugs[subject.pk] = slugify(subject.name)
        return self.slugs[subject.pk]

    def fact(self, subject: Subject, prop: Property) -> tuple[StatedValue, StatedValue]:
        """The usual value of a subject's property, and the one some sources get wrong."""
        key = (subject.pk, prop.pk)
        if key not in self.facts:
            model = PROPERTY_MODELS.get(prop.code, FALLBACK_MODEL)
            kind = prop.value_kind or model.kind
            right = true_value(self.rng, prop.code, kind)
            self.facts[key] = (right, conflicting_value(self.rng, prop.code, kind, right))
        return self.facts[key]

    # --- one chunk --------------------------------------------------------------

    def chunk(self, claim_count: int) -> list[TableRows]:
        """Plan ``claim_count`` claims, give every planned row its key, and make the rows.

        The tables come in the order of the foreign keys between them: PostgreSQL
        and SQLite check those at commit, other databases may at once.
        """
        plans, sources = self.plan_chunk(claim_count)
        evidence = [e for p in plans for e in p.evidence]
        verdicts = [v for p in plans for v in p.verdicts]
        comments = [c for p in plans for c in p.comments]
        reserve = self.writer.reserve_ids
        # Appearances and events keep the keys the database gives them: nothing
        # written here refers to them.
        for planned, model in (
            (sources, Source),
            (plans, Claim),
            (evidence, Evidence),
            (verdicts, Verdict),
            (comments, Comment),
        ):
            for row, pk in zip(planned, reserve(model, len(planned)), strict=True):
                row.pk = pk
        appearances = self.appearance_rows(plans)
        events = self.event_rows(plans)
        counts = self.counts
        counts.sources += len(sources)
        counts.claims += len(plans)
        counts.appearances += len(appearances.rows)
        counts.evidence += len(evidence)
        counts.verdicts += len(verdicts)
        counts.comments += len(comments)
        counts.events += len(events.rows)
        return [
            self.source_rows(sources),
            self.claim_rows(plans),
            appearances,
            self.evidence_rows(plans),
            self.verdict_rows(plans),
            self.comment_rows(plans),
            events,
        ]

    def source_rows(self, sources: list[SourcePlan]) -> TableRows:
        at = self.writer.timestamp
        columns = (
            "id",
            "title",
            "url",
            "publisher",
            "author",
            "language",
            "published_on",
            "published_precision",
            "text",
            "text_sha256",
            "created_at",
            "created_by_id",
        )
        rows = [
            (
                s.pk,
                s.title,
                s.url,
                s.publisher,
                s.author,
                s.language,
                s.published_on,
                DatePrecision.DAY,
                s.text,
                # What Source.save() would compute.
                hashlib.sha256(s.text.encode()).hexdigest(),
                at(s.created_at),
                s.created_by_id,
            )
            for s in sources
        ]
        return TableRows(Source, columns, rows)

    def claim_rows(self, plans: list[PlannedClaim]) -> TableRows:
        at = self.writer.timestamp
        defaults = self.value_defaults
        columns = (
            "id",
            "statement",
            "subject_id",
            "property_id",
            "value_kind",
            "value_text",
            *VALUE_COLUMNS,
            "value_qualifier",
            "status",
            "not_checkable_reason",
            "rating",
            "assignee_id",
            "created_by_id",
            "created_at",
            "updated_at",
            "verdict_approved_at",
            "version",
            "search_text",
            "public_text",
        )
        rows = [
            (
                p.pk,
                p.statement,
                p.subject.pk,
                p.property.pk,
                p.value_kind,
                p.value_text,
                *[p.value_fields.get(name, default) for name, default in defaults.items()],
                p.value_qualifier,
                p.status,
                p.not_checkable_reason,
                p.rating,
                p.assignee_id,
                p.created_by_id,
                at(p.created_at),
                at(p.updated_at),
                at(p.verdict_approved_at) if p.verdict_approved_at else None,
                p.version,
                self.search_text(p),
                self.search_words.document([p.statement]),
            )
            for p in plans
        ]
        return TableRows(Claim, columns, rows)

    def appearance_rows(self, plans: list[PlannedClaim]) -> TableRows:
        """Each quote, anchored as ``Appearance.anchor`` does."""
        at = self.writer.timestamp
        columns = (
            "claim_id",
            "source_id",
            "exact",
            "prefix",
            "suffix",
            "start",
            "end",
            "created_at",
        )
        rows = [
            (
                p.pk,
                q.source.pk,
                q.exact,
                q.source.text[max(0, q.start - ANCHOR_CONTEXT) : q.start],
                q.source.text[q.end : q.end + ANCHOR_CONTEXT],
                q.start,
                q.end,
                # The quote was found when the claim was written down.
                at(p.created_at),
            )
            for p in plans
            for q in p.quotes
        ]
        return TableRows(Appearance, columns, rows)

    def evidence_rows(self, plans: list[PlannedClaim]) -> TableRows:
        at = self.writer.timestamp
        columns = (
            "id",
            "claim_id",
            "source_id",
            "url",
            "title",
            "excerpt",
            "stance",
            "note",
            "added_by_id",
            "created_at",
            "updated_at",
            "version",
        )
        rows = [
            (
                e.pk,
                p.pk,
                e.source.pk if e.source else None,
                e.url,
                e.title,
                e.excerpt,
                e.stance,
                e.note,
                e.added_by_id,
                at(e.created_at),
                at(e.created_at),
                1,
            )
            for p in plans
            for e in p.evidence
        ]
        return TableRows(Evidence, columns, rows)

    def verdict_rows(self, plans: list[PlannedClaim]) -> TableRows:
        at = self.writer.timestamp
        columns = (
            "id",
            "claim_id",
            "rating",
            "rationale",
            "author_id",
            "created_at",
            "status",
            "reviewed_by_id",
            "reviewed_at",
            "review_comment",
        )
        rows = [
            (
                v.pk,
                p.pk,
                v.rating,
                v.rationale,
                v.author_id,
                at(v.created_at),
                v.status,
                v.reviewed_by_id,
                at(v.reviewed_at) if v.reviewed_at else None,
                v.review_comment,
            )
            for p in plans
            for v in p.verdicts
        ]
        return TableRows(Verdict, columns, rows)

    def comment_rows(self, plans: list[PlannedClaim]) -> TableRows:
        at = self.writer.timestamp
        columns = ("id", "claim_id", "author_id", "body", "created_at")
        rows = [
            (c.pk, p.pk, c.author_id, c.body, at(c.created_at)) for p in plans for c in p.comments
        ]
        return TableRows(Comment, columns, rows)

    def event_rows(self, plans: list[PlannedClaim]) -> TableRows:
        """Each claim's timeline, with the data the workflow writes."""
        at = self.writer.timestamp
        to_json = self.writer.json
        columns = ("claim_id", "actor_id", "kind", "data", "created_at")
        rows = [
            (p.pk, actor, kind, to_json(self.event_data(what)), at(when))
            for p in plans
            for when, kind, actor, what in p.timeline
        ]
        return TableRows(ClaimEvent, columns, rows)

    @staticmethod
    def event_data(what: Any) -> dict[str, Any]:
        """The data the workflow function for that step writes, keys of planned rows resolved."""
        if isinstance(what, EvidencePlan):
            return {
                "evidence": what.pk,
                "source": what.source.pk if what.source else None,
                "url": what.url,
                "title": what.title,
                "excerpt": what.excerpt,
                "stance": what.stance,
                "note": what.note,
            }
        if isinstance(what, CommentPlan):
            return {"comment": what.pk, "body": what.body}
        return {k: (v.pk if isinstance(v, VerdictPlan) else v) for k, v in what.items()}

    def search_text(self, plan: PlannedClaim) -> str:
        """What ``search.refresh`` would write, from the rows in memory: the words of the
        same parts in the same order (quotes by source and offset, evidence as added,
        aliases as created); see ``SearchWords``."""
        subject = plan.subject
        parts = search.document_parts(
            statement=plan.statement,
            value_text=plan.value_text,
            subject=subject.name,
            aliases=self.aliases.get(subject.pk, ()),
            quotes=[q.exact for q in sorted(plan.quotes, key=lambda q: (q.source.pk, q.start))],
            evidence=[(e.title, e.excerpt, e.note) for e in plan.evidence],
        )
        return self.search_words.document(parts)

    # --- what the articles say ------------------------------------------------------

    def plan_chunk(self, claim_count: int) -> tuple[list[PlannedClaim], list[SourcePlan]]:
        rng = self.rng
        plans: list[PlannedClaim] = []
        sources: list[SourcePlan] = []
        while len(plans) < claim_count:
            language = "fr" if rng.random() < 0.6 else "en"
            main = self.pick_subject()
            wanted = min(rng.randint(5, 15), claim_count - len(plans))
            items: list[tuple[str, PlannedClaim]] = []
            used: set[tuple[int, int]] = set()
            for _n in range(wanted):
                subject = main if rng.random() < 0.7 else self.pick_subject()
                prop = rng.choice(self.properties)
                if (subject.pk, prop.pk) in used:
                    prop = rng.choice(self.properties)
                used.add((subject.pk, prop.pk))
                plan = self.plan_claim(subject, prop, language)
                plans.append(plan)
                items.append((self.quote(plan, language), plan))
            # Some claims made by earlier articles are repeated by this one too.
            earlier = plans[: len(plans) - wanted]
            if earlier and rng.random() < REQUOTE_RATE:
                for plan in rng.sample(earlier, min(len(earlier), rng.randint(1, 3))):
                    items.append((self.quote(plan, language), plan))
            sources.append(self.article(language, main, items))
        for plan in plans:
            self.research(plan, sources)
        return plans, sources

    def plan_claim(self, subject: Subject, prop: Property, language: str) -> PlannedClaim:
        rng = self.rng
        right_value, wrong_value = self.fact(subject, prop)
        right = rng.random() >= CONFLICT_RATE
        value = right_value if right else wrong_value
        model = PROPERTY_MODELS.get(prop.code, FALLBACK_MODEL)
        stated = value.fr if language == "fr" else value.en
        qualifier = Qualifier.EXACT
        if "value_number" in value.fields and model.kind != ValueKind.RANK and rng.random() < 0.2:
            qualifier = rng.choice([Qualifier.ABOUT, Qualifier.AT_LEAST, Qualifier.AT_MOST])
        statement = model.sentence(language, subject.name, stated)
        return PlannedClaim(
            subject=subject,
            property=prop,
            language=language,
            right=right,
            statement=statement[0].upper() + statement[1:] + ".",
            value_kind=prop.value_kind or model.kind,
            value_text=stated,
            value_qualifier=qualifier,
            value_fields=value.fields,
            created_by_id=rng.choice(self.reviewers).pk,
        )

    def quote(self, plan: PlannedClaim, language: str) -> str:
        """The sentence of an article that makes the claim, in the article's language."""
        model = PROPERTY_MODELS.get(plan.property.code, FALLBACK_MODEL)
        if language == plan.language:
            stated = plan.value_text
        else:
            right, wrong = self.fact(plan.subject, plan.property)
            value = right if plan.right else wrong
            stated = value.fr if language == "fr" else value.en
        sentence = self.rng.choice(LEADS[language]) + model.sentence(
            language, plan.subject.name, stated
        )
        return sentence[0].upper() + sentence[1:]

    def article(
        self, language: str, main: Subject, items: list[tuple[str, PlannedClaim]]
    ) -> SourcePlan:
        """A long article with each claim's sentence somewhere in it, anchored where it is."""
        rng = self.rng
        number = next(self.article_number)
        # Old enough for every step of its claims' history to lie in the past.
        published = (self.now - timedelta(days=rng.randint(60, 1100))).date()
        titles = {
            "fr": [
                f"{main.name} : ce que l'on sait vraiment",
                f"Enquête sur l'ascension de {main.name}",
                f"{main.name} face à ses concurrents",
            ],
            "en": [
                f"{main.name}: what we really know",
                f"Inside the rise of {main.name}",
                f"{main.name} takes on its rivals",
            ],
        }
        title = rng.choice(titles[language])
        filler = rng.sample(FILLER[language], rng.randint(8, len(FILLER[language])))
        sentences: list[tuple[str, PlannedClaim | None]] = [
            (s, None) for s in filler * rng.randint(1, 3)
        ]
        for quote, plan in items:
            sentences.insert(rng.randint(0, len(sentences)), (quote, plan))
        parts: list[str] = [title, ".\n"]
        offset = len(title) + 2
        spans: list[tuple[PlannedClaim, int, str]] = []
        for n, (sentence, plan) in enumerate(sentences):
            if n:
                parts.append("\n" if n % 5 == 0 else " ")
                offset += 1
            if plan is not None:
                spans.append((plan, offset, sentence))
            parts.append(sentence + ".")
            offset += len(sentence) + 1
        publisher = rng.choice(PUBLISHERS[language])
        source = SourcePlan(
            title=title,
            url=f"https://www.{slugify(publisher)}.example/{published:%Y/%m}/"
            f"{slugify(title)[:60]}-{number}",
            publisher=publisher,
            author=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            language=language,
            published_on=published,
            text="".join(parts) + "\n",
            created_at=self._aware(published) + timedelta(hours=rng.randint(1, 72)),
            created_by_id=rng.choice(self.reviewers).pk,
        )
        for plan, start, sentence in spans:
            plan.quotes.append(QuotePlan(source, start, start + len(sentence), sentence))
        return source

    def _aware(self, day: date) -> datetime:
        return timezone.make_aware(datetime(day.year, day.month, day.day, 9))

    # --- what reviewers did ---------------------------------------------------------

    def research(self, plan: PlannedClaim, sources: Sequence[SourcePlan]) -> None:
        """Give the claim the history a desk would: evidence, verdicts, events, in order."""
        rng = self.rng
        t = plan.quotes[0].source.created_at + timedelta(hours=rng.randint(1, 240))
        plan.created_at = t
        timeline = plan.timeline
        timeline.append((t, EventKind.CREATED, plan.created_by_id, {}))
        status = STATUSES.draw(rng)

        def later(hours: int = 48) -> datetime:
            nonlocal t
            t = t + timedelta(minutes=rng.randint(5, hours * 60))
            return t

        if rng.random() < (0.7 if status != ClaimStatus.NEW else 0.2):
            assignee = rng.choice(self.people if status != ClaimStatus.NEW else self.reviewers)
            plan.assignee_id = assignee.pk
            data = {"old": "", "new": assignee.username}
            timeline.append((later(), EventKind.ASSIGNED, rng.choice(self.editors).pk, data))
        current = ClaimStatus.NEW
        if status != ClaimStatus.NEW:
            count = EVIDENCE_COUNTS.draw(rng)
            if status == ClaimStatus.NOT_CHECKABLE:
                count = rng.randint(0, 2)
            for _n in range(count):
                evidence = self.evidence(plan, sources, later())
                if current == ClaimStatus.NEW:
                    # Adding evidence to a new claim starts the research.
                    data = {"old": current, "new": ClaimStatus.IN_RESEARCH, "reason": ""}
                    timeline.append((t, EventKind.STATUS_CHANGED, evidence.added_by_id, data))
                    current = ClaimStatus.IN_RESEARCH
                timeline.append((t, EventKind.EVIDENCE_ADDED, evidence.added_by_id, evidence))
        if status == ClaimStatus.NOT_CHECKABLE:
            reason = rng.choice(NOT_CHECKABLE_REASONS)
            plan.not_checkable_reason = reason
            data = {"old": current, "new": status, "reason": reason}
            timeline.append(
                (later(), EventKind.STATUS_CHANGED, rng.choice(self.reviewers).pk, data)
            )
        elif status != ClaimStatus.NEW:
            if rng.random() < (0.15 if status == ClaimStatus.IN_RESEARCH else 0.3):
                t = self.verdict(plan, later(), VerdictStatus.SENT_BACK, wrong_rating=True)
            if status == ClaimStatus.VERDICT_PROPOSED:
                t = self.verdict(plan, later(), VerdictStatus.PROPOSED)
            elif status == ClaimStatus.PUBLISHED:
                t = self.verdict(plan, later(), VerdictStatus.APPROVED)
        plan.status = status
        if rng.random() < 0.1:
            author = rng.choice(self.people).pk
            comment = CommentPlan(author, rng.choice(COMMENTS), later())
            plan.comments.append(comment)
            timeline.append((t, EventKind.COMMENTED, author, comment))
        plan.updated_at = t
        plan.version = len(timeline)

    def evidence(
        self, plan: PlannedClaim, sources: Sequence[SourcePlan], when: datetime
    ) -> EvidencePlan:
        rng = self.rng
        stance = (RIGHT_STANCES if plan.right else WRONG_STANCES).draw(rng)
        cited = None
        if rng.random() < 0.2:
            # Another article, quoted: its first sentence after the title.
            cited = rng.choice(sources)
            excerpt = cited.first_sentence
            title = cited.title
            url = cited.url
        else:
            subject = plan.subject
            right, _wrong = self.fact(subject, plan.property)
            title = rng.choice(EVIDENCE_TITLES).format(
                subject=subject.name, year=rng.randint(2019, 2025)
            )
            host = rng.choice(EVIDENCE_HOSTS)
            url = f"https://{host}/{self.slug(subject)}/{rng.randint(1000, 99999)}"
            model = PROPERTY_MODELS.get(plan.property.code, FALLBACK_MODEL)
            language = rng.choice(["fr", "en"])
            excerpt = model.sentence(
                language, subject.name, right.fr if language == "fr" else right.en
            )
            excerpt = excerpt[0].upper() + excerpt[1:] + "."
        evidence = EvidencePlan(
            source=cited,
            url=url,
            title=title[:500],
            excerpt=excerpt,
            stance=stance,
            note=rng.choice(NOTES[stance]),
            added_by_id=rng.choice(self.people).pk,
            created_at=when,
        )
        plan.evidence.append(evidence)
        return evidence

    def verdict(
        self, plan: PlannedClaim, when: datetime, status: str, wrong_rating: bool = False
    ) -> datetime:
        """A verdict, proposed and (for these statuses) reviewed by another editor.

        Returns when its last step happened."""
        rng = self.rng
        author = rng.choice(self.people)
        right = plan.right != wrong_rating
        rating = (RIGHT_RATINGS if right else WRONG_RATINGS).draw(rng)
        rationale = rng.choice(RATIONALES["right" if right else "wrong"])
        verdict = VerdictPlan(rating, rationale, author.pk, when, status)
        plan.verdicts.append(verdict)
        data = {"verdict": verdict, "rating": rating, "rationale": rationale}
        data["old"] = ClaimStatus.IN_RESEARCH
        plan.timeline.append((when, EventKind.VERDICT_PROPOSED, author.pk, data))
        if status == VerdictStatus.PROPOSED:
            plan.rating = rating
            return when
        reviewer = rng.choice([e for e in self.editors if e.pk != author.pk])
        reviewed = when + timedelta(hours=rng.randint(1, 96))
        verdict.reviewed_by_id = reviewer.pk
        verdict.reviewed_at = reviewed
        if status == VerdictStatus.SENT_BACK:
            verdict.review_comment = rng.choice(SEND_BACK_COMMENTS)
            data = {"verdict": verdict, "comment": verdict.review_comment}
            plan.timeline.append((reviewed, EventKind.VERDICT_SENT_BACK, reviewer.pk, data))
        else:
            plan.rating = rating
            plan.verdict_approved_at = reviewed
            data = {"verdict": verdict, "rating": rating, "comment": ""}
            plan.timeline.append((reviewed, EventKind.VERDICT_APPROVED, reviewer.pk, data))
        return reviewed


def ensure_users(password: str | None) -> tuple[dict[str, list[Any]], int]:
    """The demo desk's reviewers and editors, made once (one password hash for all)."""
    user_model = get_user_model()
    wanted = [(*u, REVIEWER) for u in REVIEWERS] + [(*u, EDITOR) for u in EDITORS]
    existing = {
        u.username: u for u in user_model.objects.filter(username__in=[w[0] for w in wanted])
    }
    hashed = make_password(password) if password else None
    missing = [
        user_model(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@newsroom.example",
            password=hashed or make_password(None),
        )
        for username, first, last, _role in wanted
        if username not in existing
    ]
    user_model.objects.bulk_create(missing, batch_size=BATCH_SIZE)
    if hashed and existing:
        for user in existing.values():
            user.password = hashed
        user_model.objects.bulk_update(list(existing.values()), ["password"])
    by_name = existing | {u.username: u for u in missing}
    groups = {g.name: g for g in Group.objects.filter(name__in=[REVIEWER, EDITOR])}
    if len(groups) < 2:
        raise CommandError("The Reviewer and Editor groups are missing: run `manage.py migrate`.")
    through = user_model.groups.through
    through.objects.bulk_create(
        [through(user_id=by_name[w[0]].pk, group_id=groups[w[3]].pk) for w in wanted],
        ignore_conflicts=True,
    )
    users = {
        "reviewers": [by_name[u[0]] for u in REVIEWERS],
        "editors": [by_name[u[0]] for u in EDITORS],
    }
    return users, len(missing)


def refresh_disputes() -> tuple[int, int] | None:
    """Detect disputes over everything written, if this version of the app has them."""
    try:
        from claims import disputes
    except ImportError:
        return None
    refresh_all = getattr(disputes, "refresh_all", None)
    if refresh_all is None:
        return None
    refresh_all()
    from claims.models import Dispute

    return Dispute.objects.count(), Dispute.objects.open_conflicts().count()


@contextmanager
def no_garbage_collection() -> Iterator[None]:
    """Leave Python's cycle collector off while chunks are planned and written.

    A chunk makes some hundred thousand short-lived objects; the collector would
    otherwise walk them over and over while they are still in use. They hold no
    reference cycles, so reference counting frees each chunk once it is written:
    a collection after each chunk found nothing, and walking the caches that
    outlive chunks (facts, folded words) cost 2.5 s at 100,000 claims.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def generate(
    *,
    claims: int,
    seed: int = 1,
    password: str | None = None,
    progress: Progress = quiet,
) -> Counts:
    """Write ``claims`` claims and everything around them, in one transaction."""
    if claims < 1:
        raise CommandError("--claims must be at least 1.")
    with transaction.atomic(), BulkWriter(connections[DEFAULT_DB_ALIAS]) as writer:
        users, created_users = ensure_users(password)
        generator = Generator(seed=seed, users=users, now=timezone.now(), writer=writer)
        generator.counts.users = created_users
        generator.make_subjects(max(10, claims // 40))
        written = 0
        with (
            no_garbage_collection(),
            progress(total=claims, desc="Claims", unit=" claims", unit_scale=True) as bar,
        ):
            while written < claims:
                size = min(CHUNK_SIZE, claims - written)
                # Written in the background while the next chunk is planned.
                writer.write(generator.chunk(size))
                written += size
                bar.update(size)
            writer.wait()
            bar.set_postfix_str("comparing disputes")
            found = refresh_disputes()
            # On SQLite the triggers added a tally row per claim: one per status instead.
            tally.fold()
        if found is not None:
            generator.counts.disputes, generator.counts.conflicts = found
        else:
            generator.counts.disputes = -1
    update_statistics(connections[DEFAULT_DB_ALIAS])
    return generator.counts


def update_statistics(connection: BaseDatabaseWrapper) -> None:
    """Let PostgreSQL's planner know what was just written.

    Until new rows are vacuumed (index-only scans need the visibility map) and
    analysed, PostgreSQL counts the claims list and finds its deep pages with
    sequential scans: 55 ms instead of 31 for the first page at 100,000 claims.
    Autovacuum would get there some minutes after the load; this does it now.
    VACUUM cannot run in a transaction, so inside one (a test's) it is left out.
    SQLite has no visibility map, and ANALYZE did not change its search plan.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    from claims.models import Dispute

    # The disputes too (written by refresh_all): left unanalysed, the planner took the
    # 12,000 open conflicts of a million claims for one row.
    loaded = [Subject, SubjectAlias, Source, Claim, Appearance, Evidence, Verdict, Comment]
    loaded += [ClaimEvent, Dispute]
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in loaded)
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {tables}")


class Command(BaseCommand):
    help = (
        "Fill the database with realistic demo data (articles, claims, evidence, verdicts, "
        "disputes) in bulk: --claims 100000 takes well under a minute."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--claims", type=int, default=1000, help="How many claims (default 1000)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data (default 1).")
        parser.add_argument(
            "--password",
            default=None,
            help="Password of the demo reviewers and editors; a random one is made and shown "
            "when omitted.",
        )

    def handle(
        self, *args: Any, claims: int, seed: int, password: str | None, **options: Any
    ) -> None:
        password = password or secrets.token_urlsafe(12)
        started = time.perf_counter()
        counts = generate(
            claims=claims,
            seed=seed,
            password=password,
            progress=for_command(self.stderr, options["verbosity"]),
        )
        elapsed = time.perf_counter() - started
        c = counts
        self.stdout.write(
            f"Generated {c.claims:,} claims in {c.sources:,} articles: {c.appearances:,} "
            f"appearances, {c.evidence:,} evidence, {c.verdicts:,} verdicts, {c.comments:,} "
            f"comments, {c.events:,} events; {c.subjects:,} subjects ({c.aliases:,} aliases)."
        )
        if c.disputes < 0:
            self.stdout.write(
                self.style.WARNING(
                    "Disputes were not detected: this version has no claims.disputes.refresh_all."
                )
            )
        else:
            self.stdout.write(
                f"Disputes: {c.disputes:,} groups compared, {c.conflicts:,} open conflicts."
            )
        self.stdout.write(
            f"Demo accounts: {', '.join(u[0] for u in REVIEWERS[:1] + EDITORS[:1])} … "
            f"(password: {password})"
        )
        self.stdout.write(self.style.SUCCESS(f"Done in {elapsed:.1f} s."))
