"""Read the figures that French and English news text states, as comparable values.

A fact-checker needs "671 milliards de paramètres" and "671B parameters" to be the
same number, "0,14 $ pour un million de jetons" to be a rate in USD, and "mai 2023"
to be a month rather than a day. This module turns such wording into
:class:`ParsedValue` objects while remembering the exact span it read
(``text == source[start:end]``), so that a value can always be traced back to
the sentence it came from.

The module is pure: no ORM, no settings, no I/O. It only borrows the shared
vocabularies from :mod:`claims.choices`, so the suggester and the forms can use
it without a database.

Design, in short:

* Candidates come from a few matchers (dates with month names or in numeric
  form, numbers with what follows them, ordinal words, durations written in
  words). Where two readings overlap the longest wins, so "14 février 2024"
  beats the "14" inside it.
* Numbers are found by one compiled regex per language; what follows them
  (ordinal suffix, scale word, %, currency, rate, unit) is read by small
  anchored regexes and what precedes them (currency symbol, hedge such as
  "environ") by searches bounded to a few characters. Every regex is built
  once, at import, and dateparser only ever sees a phrase a date regex has
  already matched.
* Heuristics err on the side of *not* reporting a value: product names such as
  "DeepSeek-R1", "Janus-Pro-7B" or "DALL-E 3" yield nothing, because a
  suggestion a reviewer has to dismiss costs more than one they never see.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_name
from babel.units import format_unit

from claims.choices import DatePrecision, Qualifier, ValueKind

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

    from claims.models import Claim

__all__ = [
    "SUPPORTED_LANGUAGES",
    "ParsedValue",
    "find_values",
    "format_value",
    "parse_value",
    "to_claim_fields",
]

SUPPORTED_LANGUAGES = ("fr", "en")

# Longer digit strings are identifiers (tweet ids, phone numbers), not figures.
MAX_DIGITS = 24
# What Claim.value_number can hold (max_digits=40, decimal_places=10): a value
# the model cannot store is refused here rather than failing at save time.
MAX_INTEGER_DIGITS = 30
MAX_FRACTION_DIGITS = 10
# Enough precision for any figure the regexes accept times any scale word, so
# that scaling and rounding are exact; passed explicitly rather than changing
# the thread's decimal context under the caller.
_DECIMALS = Context(prec=MAX_DIGITS + 40)
# A stated value is a phrase; parse_value refuses whole paragraphs.
MAX_VALUE_LENGTH = 500

# Years outside this range are far more likely to be counts ("1200 employés").
YEAR_RANGE = range(1800, 2101)


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """One figure as stated in a text, normalised so it can be compared.

    ``text`` is always ``source[start:end]``: the parser never rewrites what it
    read, so a reviewer sees exactly which words produced the value. Hedges such
    as "environ" or "jusqu'à" are inside the span because they change what the
    figure claims, and re-parsing ``text`` gives the same value back.
    """

    kind: ValueKind
    text: str
    start: int
    end: int
    number: Decimal | None = None
    unit: str = ""
    per: Decimal | None = None
    currency: str = ""
    date: datetime.date | None = None
    date_precision: DatePrecision | str = ""
    qualifier: Qualifier = Qualifier.EXACT


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

# Spaces that may sit inside a value. Never a newline: a value does not
# continue on the next line.
_SP = r"[ \t\u00a0\u2007\u2009\u202f]"
# Thousands separators made of spaces; French uses all of them.
_GROUP_SP = r"[ \u00a0\u2007\u2009\u202f]"
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"


def _fold(word: str) -> str:
    """Lower-case, straighten apostrophes and strip accents, so "deuxieme" finds "deuxième"."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that "millions" beats "million".

    Accent-less spellings are added because scraped text often loses accents;
    spaces match any run of spaces and apostrophes either apostrophe.
    """
    words = list(words)
    forms = set(words) | {_fold(w) for w in words}
    escaped = (re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))
    return "|".join(e.replace(r"\ ", f"{_SP}+").replace("'", "['’]") for e in escaped)


# canonical English singular, English plural, French singular, French plural,
# other spellings met in the wild. The canonical name is what Claim.value_unit
# stores ("token", "GPU", "hour"), whatever the article's language.
_UNITS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("parameter", "parameters", "paramètre", "paramètres", ("param", "params")),
    ("token", "tokens", "jeton", "jetons", ()),
    ("user", "users", "utilisateur", "utilisateurs", ("utilisatrice", "usager", "usagers")),
    ("download", "downloads", "téléchargement", "téléchargements", ()),
    ("GPU", "GPUs", "GPU", "GPU", ()),
    ("CPU", "CPUs", "CPU", "CPU", ()),
    ("TPU", "TPUs", "TPU", "TPU", ()),
    ("chip", "chips", "puce", "puces", ()),
    ("server", "servers", "serveur", "serveurs", ()),
    ("model", "models", "modèle", "modèles", ()),
    ("benchmark", "benchmarks", "benchmark", "benchmarks", ()),
    ("employee", "employees", "employé", "employés",
     ("employée", "employées", "salarié", "salariés", "salariée", "salariées")),
    ("person", "people", "personne", "personnes", ("persons",)),
    ("subscriber", "subscribers", "abonné", "abonnés", ("abonnée", "abonnées")),
    ("customer", "customers", "client", "clients", ("cliente", "clientes")),
    ("visitor", "visitors", "visiteur", "visiteurs", ()),
    ("inhabitant", "inhabitants", "habitant", "habitants", ("resident", "residents")),
    ("researcher", "researchers", "chercheur", "chercheurs", ("chercheuse", "chercheuses")),
    ("engineer", "engineers", "ingénieur", "ingénieurs", ("ingénieure", "ingénieures")),
    ("developer", "developers", "développeur", "développeurs", ("développeuse",)),
    ("student", "students", "étudiant", "étudiants", ("étudiante", "étudiantes")),
    ("company", "companies", "entreprise", "entreprises",
     ("société", "sociétés", "firm", "firms")),
    ("startup", "startups", "start-up", "start-ups", ()),
    ("country", "countries", "pays", "pays", ()),
    ("language", "languages", "langue", "langues", ()),
    ("job", "jobs", "emploi", "emplois", ()),
    ("image", "images", "image", "images", ()),
    ("video", "videos", "vidéo", "vidéos", ()),
    ("word", "words", "mot", "mots", ()),
    ("page", "pages", "page", "pages", ()),
    ("request", "requests", "requête", "requêtes", ("query", "queries")),
    ("vote", "votes", "voix", "voix", ()),
    ("point", "points", "point", "points", ()),
    ("time", "times", "fois", "fois", ()),
    ("kilometre", "kilometres", "kilomètre", "kilomètres",
     ("km", "kilometer", "kilometers")),
    ("metre", "metres", "mètre", "mètres", ("meter", "meters")),
    ("kilogram", "kilograms", "kilogramme", "kilogrammes", ("kg", "kilo", "kilos")),
    ("tonne", "tonnes", "tonne", "tonnes", ("ton", "tons")),
    ("litre", "litres", "litre", "litres", ("liter", "liters")),
    # Durations: the unit decides that the value is a DURATION.
    ("second", "seconds", "seconde", "secondes", ("sec", "secs")),
    ("minute", "minutes", "minute", "minutes", ("min", "mins")),
    ("hour", "hours", "heure", "heures", ("h", "hr", "hrs")),
    ("day", "days", "jour", "jours", ("journée", "journées")),
    ("week", "weeks", "semaine", "semaines", ()),
    ("month", "months", "mois", "mois", ()),
    ("year", "years", "an", "ans", ("année", "années", "yr", "yrs")),
)  # fmt: skip
_UNIT_BY_FORM: dict[str, str] = {}
_UNIT_NAMES: dict[str, dict[str, tuple[str, str]]] = {"en": {}, "fr": {}}
for _canon, _en_pl, _fr_sg, _fr_pl, _extra in _UNITS:
    for _form in (_canon, _en_pl, _fr_sg, _fr_pl, *_extra):
        _UNIT_BY_FORM[_form.lower()] = _canon
        _UNIT_BY_FORM[_fold(_form)] = _canon
    _UNIT_NAMES["en"][_canon] = (_canon, _en_pl)
    _UNIT_NAMES["fr"][_canon] = (_fr_sg, _fr_pl)

_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
# Short forms that may be glued to the number ("24h", "5km"); "19h30" is a
# clock time and is refused because a digit follows.
_GLUED_UNITS = ("km", "kg", "min", "h")

# Words that can follow a number without being what it counts.
_STOPWORD_TEXT = """
    le la les l un une des du de d au aux à a en et ou où que qu qui dont pour par sur sous
    dans avec sans chez entre vers contre depuis pendant selon plus moins très trop bien
    seulement environ près jusqu ce cet cette ces son sa ses leur leurs mon ma mes notre nos
    votre vos il elle ils elles on nous vous je tu y est sont était étaient sera seront ont
    avait avaient fut été être avoir fait font peut peuvent doit doivent ne pas n se s c
    comme mais donc car ni soit lors après avant the an and or of to in on at by for from
    with without as than that which who whom whose this these those it its is are was were
    be been being has have had will would can could should may might must do does did not
    no nor but so if then per about around over under up down out into onto more less most
    least only just also even still yet each every all both any some such same other
    another their his her our your my we they he she you i me him them us there here when
    where while after before since until till during between among through against within
    via vs versus
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_SCALE_EXPONENTS = {
    "k": 3,
    "mille": 3,
    "millier": 3,
    "thousand": 3,
    "m": 6,
    "mn": 6,
    "million": 6,
    "md": 9,
    "mrd": 9,
    "milliard": 9,
    "bn": 9,
    "b": 9,
}
# The long scale: in French a "billion" is a million million.
_LANG_SCALE_EXPONENTS = {
    "fr": {"billion": 12, "trillion": 18},
    "en": {"billion": 9, "trillion": 12},
}

# "¥" is also the yen's sign; the issue asks for the yuan, which is what the
# DeepSeek coverage means by it. "JP¥" and "yen" still read as JPY.
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY"}
_CURRENCY_PREFIXED_SYMBOLS = {
    "US$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "CN¥": "CNY",
    "JP¥": "JPY",
}
_CURRENCY_CODES = {
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "CNY": "CNY",
    "RMB": "CNY",
    "JPY": "JPY",
    "CAD": "CAD",
    "AUD": "AUD",
    "CHF": "CHF",
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yuan": "CNY",
    "yuans": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "yens": "JPY",
    "livre sterling": "GBP",
    "livres sterling": "GBP",
    "pound sterling": "GBP",
    "pounds sterling": "GBP",
    "franc suisse": "CHF",
    "francs suisses": "CHF",
}
# What may qualify "dollars", before or after it.
_DOLLAR_COUNTRIES = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "américain": "USD",
    "américains": "USD",
    "canadian": "CAD",
    "canadien": "CAD",
    "canadiens": "CAD",
    "australian": "AUD",
    "australien": "AUD",
    "australiens": "AUD",
}

_QUALIFIER_PHRASES: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.ABOUT: (
        "environ", "env.", "près de", "près d'", "presque", "quelque", "autour de",
        "aux alentours de", "de l'ordre de", "approximativement", "à peu près", "vers",
        "about", "around", "approximately", "approx.", "roughly", "nearly", "almost",
        "some", "circa", "an estimated", "~", "≈",
    ),
    Qualifier.AT_MOST: (
        "jusqu'à", "jusqu'a", "moins de", "moins d'", "pas plus de", "au plus",
        "au maximum", "up to", "less than", "fewer than", "under", "below", "at most",
        "no more than", "not more than", "a maximum of", "<", "≤",
    ),
    Qualifier.AT_LEAST: (
        "à partir de", "à partir d'", "dès", "commence à", "commencent à", "débute à",
        "plus de", "plus d'", "au moins", "pas moins de", "au minimum", "from",
        "starting at", "starting from", "starts at", "more than", "over", "above",
        "at least", "no less than", "not less than", "upwards of", "a minimum of",
        ">", "≥",
    ),
}  # fmt: skip
_QUALIFIER_BY_PHRASE = {_fold(p): q for q, phrases in _QUALIFIER_PHRASES.items() for p in phrases}
# These say when something happens, so a year after them is still a year;
# "plus de 2000" on the other hand counts something.
_TIME_QUALIFIERS = frozenset(
    _fold(p) for p in ("from", "à partir de", "dès", "starting from", "vers", "around",
                       "circa", "about", "environ")
)  # fmt: skip

_ORDINAL_WORDS = {
    "fr": {
        "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2,
        "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7,
        "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12,
    },
    "en": {
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    },
}  # fmt: skip
_CARDINAL_WORDS = {
    "fr": {
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
        "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15,
        "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
    },
    "en": {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    },
}  # fmt: skip
# "sept." only with its dot: without it, "sept" is the French for seven.
_MONTHS = {
    "fr": {
        "janvier": 1, "janv": 1, "février": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4,
        "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "septembre": 9,
        "sept.": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12,
        "déc": 12,
    },
    "en": {
        "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3, "April": 4,
        "Apr": 4, "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7, "August": 8,
        "Aug": 8, "September": 9, "Sept": 9, "Sep": 9, "October": 10, "Oct": 10,
        "November": 11, "Nov": 11, "December": 12, "Dec": 12,
    },
}  # fmt: skip
# Folded and without the dot, so "sept" after a number also reads as a month.
_ALL_MONTH_FORMS = frozenset(_fold(m).rstrip(".") for names in _MONTHS.values() for m in names)

# What parse_value lets stand around a value: articles, prepositions, and the
# words that merely frame a rank ("3rd overall", "à la troisième place").
_FILLER_WORDS = (
    "le", "la", "les", "l", "en", "au", "aux", "à", "de", "du", "des", "d", "dans", "le",
    "the", "in", "on", "at", "of", "by", "a", "an", "overall", "place", "rang", "position",
    "rank", "classement", "général", "generale", "générale", "total", "au total", "in total",
)  # fmt: skip


# --------------------------------------------------------------------------
# Compiled patterns
# --------------------------------------------------------------------------

# A figure must stand on its own: not glued to a word ("R1", "H800"), a URL,
# a version ("3.5.1") or a hyphenated name ("COVID-19", "Janus-Pro-7B").
# A hyphen between digits stays allowed so that "10-15 %" still yields 15 %,
# and so does an en dash after a letter, a range: "1.5B–70B".
_NUMBER_START = r"(?<![\w.,/\\:#@&='’])(?<![^\W\d_]-)"
_SIGN = r"(?P<sign>[-−+](?=[0-9]))?"
_NUMBER_RE = {
    "fr": re.compile(
        _NUMBER_START
        + _SIGN
        + rf"(?P<int>[0-9]{{1,3}}(?:{_GROUP_SP}[0-9]{{3}})+(?![0-9])"
        + r"|[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9])|[0-9]+)"
        + r"(?:[,.](?P<frac>[0-9]+))?"
    ),
    "en": re.compile(
        _NUMBER_START
        + _SIGN
        + r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])"
        + rf"|[0-9]{{1,3}}(?:{_GROUP_SP}[0-9]{{3}})+(?![0-9])|[0-9]+)"
        + r"(?:\.(?P<frac>[0-9]+))?"
    ),
}
_NON_DIGIT_RE = re.compile(r"[^0-9]")

_ORDINAL_SUFFIX_RE = re.compile(
    r"(?:(?i:ième|ieme|ème|eme|ère|ere|er|re|nde|nd|st|rd|th|e|è)|ᵉʳ|ʳᵉ|ᵉ)(?!\w)"
    rf"(?:{_SP}+(?i:place|position|rang|rank|spot)\b)?"
)
_RANK_PREFIX_RE = re.compile(rf"(?<!\w)(?i:n[°º]|no\.|numéro|numero|number){_SP}*\Z")
# "mn" and "m" are also minutes and metres, so they only scale money ("£5m").
_SCALE_GLUED_RE = re.compile(r"(?:Mrds|Mrd|Mds|Md|bn|mn|k|K|M|B|m)(?!\w)")
_MONEY_ONLY_SCALES = frozenset({"m", "mn"})
_SCALE_WORD_RE = re.compile(
    rf"{_SP}+(?P<scale>(?i:milliards?|millions?|mille|milliers?|billions?|trillions?"
    rf"|thousands?|bn|mds|mrds|mrd)\b|(?:[kM]|Mds?|Mrds?)(?={_SP}?[$€£]))"
)
_PERCENT_RE = re.compile(
    rf"(?P<points>{_SP}+(?i:points?{_SP}+de{_SP}+pourcentage|percentage{_SP}+points?)\b)"
    rf"|{_SP}?%|{_SP}+(?i:pour{_SP}?cent|pourcents?|percent|per{_SP}?cent)\b"
)
_PREFIXED_SYMBOL_ALT = "|".join(re.escape(s) for s in _CURRENCY_PREFIXED_SYMBOLS)
_CODE_ALT = "|".join(_CURRENCY_CODES)
_DOLLAR_COUNTRY_ALT = _alternation(_DOLLAR_COUNTRIES)
_CURRENCY_AFTER_RE = re.compile(
    rf"{_SP}*(?:(?i:de|of){_SP}+|(?i:d)['’]{_SP}*)?"
    rf"(?:(?P<sym>(?:{_PREFIXED_SYMBOL_ALT})|\$(?:{_SP}?(?P<sym_country>US|CA|AU)\b)?|€|£|¥)"
    rf"|(?P<code>{_CODE_ALT})\b"
    rf"|(?i:(?P<country_before>{_DOLLAR_COUNTRY_ALT}){_SP}+)?"
    rf"(?P<word>(?i:{_alternation(_CURRENCY_WORDS)}))"
    rf"(?:{_SP}+(?P<country_after>(?i:{_DOLLAR_COUNTRY_ALT})))?\b)"
)
_CURRENCY_BEFORE_RE = re.compile(
    rf"(?:(?<![^\W\d_])(?P<prefixed>{_PREFIXED_SYMBOL_ALT})|(?P<sym>[$€£¥])"
    rf"|(?<![^\W\d_])(?P<code>{_CODE_ALT})){_SP}?\Z"
)
_RATE_RE = re.compile(
    rf"{_SP}*(?:/{_SP}*|(?P<prep>(?i:per|par|pour|le|a|an|each)){_SP}+)"
    rf"(?:(?i:un|une|one|a)\b{_SP}*)?"
    rf"(?P<count>[0-9]{{1,3}}(?:[, \u00a0\u2007\u2009\u202f][0-9]{{3}})+(?![0-9])|[0-9]+)?"
    rf"{_SP}*(?P<scale>(?i:millions?|milliers?|mille|thousands?|milliards?|billions?)\b"
    rf"|[MkK]\b)?{_SP}*(?:(?i:de|of){_SP}+|(?i:d)['’]{_SP}*)?"
    rf"(?P<unit>{_WORD})"
)
# A word or a code ("H800") after a figure: what it counts, or a word before that.
_TOKEN = r"[^\W_]+(?:-[^\W_]+)*"
_UNIT_AFTER_RE = re.compile(
    rf"{_SP}+(?P<of>(?i:de|of){_SP}+|(?i:d)['’]{_SP}*)?(?P<unit>{_TOKEN})(?![\w'’])"
)
_NEXT_WORD_RE = re.compile(rf"{_SP}+(?P<unit>{_TOKEN})(?![\w'’])")
# "Sky-T1-32B-Preview", "Llama-3.1-70B", "a 24-hour day": a figure inside a hyphenated name.
_NAME_BEFORE_RE = re.compile(r"[^\W\d_][\w.-]*-\Z")
_NAME_AFTER_RE = re.compile(r"-[^\W\d_]")
_GLUED_UNIT_RE = re.compile(rf"(?:{'|'.join(_GLUED_UNITS)})(?![\w/])|h(?=/)")
_CLOCK_AFTER_RE = re.compile(rf"{_SP}*[0-9]")
_CLOCK_BEFORE_RE = re.compile(rf"(?<![0-9])[0-9]{{1,2}}{_SP}*h{_SP}*\Z")
_QUALIFIER_BEFORE_RE = re.compile(
    rf"(?<!\w)(?P<q>(?i:{_alternation(p for ps in _QUALIFIER_PHRASES.values() for p in ps)}))"
    rf"{_SP}*\Z"
)
_PREVIOUS_TOKEN_RE = re.compile(rf"(?<!\S)(?P<token>\S+){_SP}+\Z")
_NAME_TOKEN_RE = re.compile(r"[^\W\d_]-|[0-9]|[A-Z].*[A-Z]|[a-z][A-Z]")
_SENTENCE_END_RE = re.compile(r"(?:\A|[.!?:;\n«“\"(]\s*)\Z")
_DECADE_BEFORE_RE = re.compile(rf"(?i:années|annees){_SP}+\Z")
_PARTITIVE_OR_CODE_AFTER_RE = re.compile(rf"{_SP}*(?:(?i:de|of)\b|(?i:d)['’])|{_SP}+\S*[0-9]")
_RANK_CUE_RE = re.compile(
    r"(?<!\w)(?i:classée?s?|se classe|se hisse|arrivée?s?|arrive|terminée?|termine|finit"
    rf"|ranked|ranks|came|comes|finished|finishes|placed){_SP}+\Z"
)
_ONE_CUE_RE = re.compile(
    rf"(?:(?<!\w)(?i:en|in|within|pendant|durant|for|depuis|over|sur|under|dans){_SP}+"
    r"|(?<!\w)(?i:d)['’])\Z"
)
_ORDINAL_WORD_RE = {
    lang: re.compile(
        rf"(?<![\w-])(?P<word>(?i:numéro{_SP}+un|numero{_SP}+un|number{_SP}+one|"
        rf"{_alternation(words)}))(?![\w-])"
        rf"(?P<tail>{_SP}+(?i:place|position|rang|rank|spot)\b)?"
    )
    for lang, words in _ORDINAL_WORDS.items()
}
_TIME_UNIT_FORMS = [f for f, c in _UNIT_BY_FORM.items() if c in _TIME_UNITS and f != "h"]
_DURATION_WORD_RE = {
    lang: re.compile(
        rf"(?<![\w-])(?P<word>(?i:{_alternation(words)})){_SP}+"
        rf"(?P<unit>(?i:{_alternation(_TIME_UNIT_FORMS)}))(?![\w-])"
    )
    for lang, words in _CARDINAL_WORDS.items()
}
_DAY_FR = r"(?P<day>[0-9]{1,2}(?:er|re|ère|ᵉʳ)?|(?i:premier))"
_DAY_EN = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_YEAR_4 = r"(?P<year>[0-9]{4})(?!\w|[.,][0-9])"
_DATE_WORDS_RE = {
    "fr": re.compile(
        rf"(?<![\w-])(?:{_DAY_FR}{_SP}+)?"
        rf"(?P<month>(?i:{_alternation(_MONTHS['fr'])}))\.?{_SP}+{_YEAR_4}"
    ),
    # English month names are capitalised; "may 2023" is not a date.
    "en": re.compile(
        rf"(?<![\w-])(?:(?P<day>{_DAY_EN}){_SP}+(?:of{_SP}+)?)?"
        rf"(?P<month>{'|'.join(sorted(_MONTHS['en'], key=len, reverse=True))})\.?"
        rf"(?:{_SP}+(?P<day2>{_DAY_EN}))?,?{_SP}+{_YEAR_4}"
    ),
}
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\w/.\-])(?:"
    r"(?P<a>[0-9]{1,2})(?P<sep>[/.\-])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})"
    r"|(?P<iso_y>[0-9]{4})-(?P<iso_m>[0-9]{1,2})-(?P<iso_d>[0-9]{1,2})"
    r")(?![\w/\-]|[.,][0-9])"
)
_PUNCTUATION = r"[\s.,;:!?()\[\]\"«»“”‘’'…–—\-]"
_FILLER_RE = re.compile(
    rf"(?:{_PUNCTUATION}|(?<![^\W\d_])(?i:{_alternation(_FILLER_WORDS)})(?![^\W\d_]))*"
)


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def parse_value(text: str, language: str = "fr") -> ParsedValue | None:
    """The one value a short phrase states, or None.

    Meant for a field a person fills in ("2021", "troisième", "0,14 $ / M tokens"),
    so it trusts the phrase more than :func:`find_values` trusts prose: a lone
    plausible year is a year, a lone ordinal word a rank, a lone "3" a quantity.
    The whole phrase must be the value: only articles, prepositions, punctuation
    and words that frame a rank ("3rd overall") may stand around it. A phrase
    stating two values ("450 $ en 19 heures") or none gives None, and so does
    anything that is not a string in a supported language: this never raises.
    """
    lang = _language(language)
    if lang is None or not isinstance(text, str) or len(text) > MAX_VALUE_LENGTH:
        return None
    values = _scan(text, lang, loose=True)
    if len(values) != 1:
        return None
    value = values[0]
    if not (_is_filler(text[: value.start]) and _is_filler(text[value.end :])):
        return None
    return value


def find_values(text: str, language: str = "fr") -> list[ParsedValue]:
    """Every value in running text, in order and non-overlapping, with exact spans.

    Built for whole articles and for suggesting claims from them, so it is
    conservative: small bare numbers ("les 3 plus grands") and numbers in names
    ("DALL-E 3", "R1") are skipped, an ordinal word like "premier" needs "place"
    or a verb such as "classé" to count as a rank, while a year standing alone
    ("Fondée en 2021") is a date. Bad input gives an empty list, never an error.
    """
    lang = _language(language)
    if lang is None or not isinstance(text, str):
        return []
    return _scan(text, lang, loose=False)


def format_value(value: ParsedValue | Claim, language: str = "fr") -> str:
    """The value in words a reader of ``language`` expects, for showing values side by side.

    Takes a :class:`ParsedValue` or anything with a Claim's ``value_*`` fields,
    so lists and dispute views render parsed and stored values the same way.
    The figure is normalised, not echoed: "671 milliards" in a French article
    shows as "671 billion" to an English reader and "0,14 $" as "$0.14". French
    output never uses "billion", which French readers would take for 10^12 or
    for the English 10^9 depending on who they are. A text-only value, or one
    whose structured fields are missing, is shown as it was stated.
    """
    lang = _language(language)
    if lang is None:
        raise ValueError(
            f"unsupported language {language!r}; expected one of {SUPPORTED_LANGUAGES}"
        )
    parsed = value if isinstance(value, ParsedValue) else _from_claim(value)
    body = _format_body(parsed, lang)
    if body is None:
        return parsed.text
    prefix = _QUALIFIER_LABELS[lang].get(parsed.qualifier, "")
    return f"{prefix} {body}" if prefix else body


def to_claim_fields(parsed: ParsedValue) -> dict[str, Any]:
    """The Claim model fields a parsed value fills, keyed by field name.

    ``Claim(**to_claim_fields(parsed), ...)``, or ``setattr`` each one and
    ``save(update_fields=list(fields))``: the mapping lives here, next to the
    parser, so the suggester, the forms and the fixtures cannot drift apart.
    """
    return {
        "value_kind": parsed.kind,
        "value_text": parsed.text,
        "value_number": parsed.number,
        "value_unit": parsed.unit,
        "value_per": parsed.per,
        "value_currency": parsed.currency,
        "value_date": parsed.date,
        "value_date_precision": parsed.date_precision,
        "value_qualifier": parsed.qualifier,
    }


# --------------------------------------------------------------------------
# Scanning
# --------------------------------------------------------------------------


def _language(language: object) -> str | None:
    """Accept "fr", "fr-FR", "en_GB"...; None for what the vocabularies do not cover."""
    if not isinstance(language, str):
        return None
    code = language.replace("_", "-").split("-")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else None


def _is_filler(text: str) -> bool:
    return _FILLER_RE.fullmatch(text) is not None


def _scan(text: str, lang: str, *, loose: bool) -> list[ParsedValue]:
    if not text:
        return []
    candidates: list[ParsedValue] = []
    candidates.extend(_date_candidates(text, lang))
    candidates.extend(_number_candidates(text, lang, loose=loose))
    candidates.extend(_ordinal_word_candidates(text, lang, loose=loose))
    candidates.extend(_duration_word_candidates(text, lang, loose=loose))
    return _without_overlaps(candidates)


def _without_overlaps(candidates: list[ParsedValue]) -> list[ParsedValue]:
    """Keep the longest reading wherever two readings share characters.

    The longest span has read the most context: "mai 2023" over "2023",
    "1er janvier 2025" over the rank "1er".
    """
    taken: list[ParsedValue] = []  # kept in text order, so only neighbours can overlap
    starts: list[int] = []
    for cand in sorted(candidates, key=lambda v: (v.start - v.end, v.start)):
        i = bisect.bisect_left(starts, cand.start)
        if (i > 0 and taken[i - 1].end > cand.start) or (
            i < len(taken) and taken[i].start < cand.end
        ):
            continue
        taken.insert(i, cand)
        starts.insert(i, cand.start)
    return taken


def _make(text: str, start: int, end: int, kind: ValueKind, **fields: Any) -> ParsedValue:
    return ParsedValue(kind=kind, text=text[start:end], start=start, end=end, **fields)


def _qualifier_before(text: str, start: int) -> tuple[int, Qualifier, str]:
    """The hedge right before ``start`` ("environ", "jusqu'à"), its start and wording."""
    match = _QUALIFIER_BEFORE_RE.search(text, max(0, start - 30), start)
    if not match:
        return start, Qualifier.EXACT, ""
    phrase = _fold(re.sub(r"\s+", " ", match.group("q")))
    return match.start(), _QUALIFIER_BY_PHRASE.get(phrase, Qualifier.EXACT), phrase


def _qualified(text: str, start: int, end: int, kind: ValueKind, **fields: Any) -> ParsedValue:
    qual_start, qualifier, _ = _qualifier_before(text, start)
    return _make(text, qual_start, end, kind, qualifier=qualifier, **fields)


# --------------------------------------------------------------------------
# Numbers and what surrounds them
# --------------------------------------------------------------------------


def _to_decimal(sign: str | None, int_part: str, frac: str | None) -> Decimal | None:
    """The digits as a Decimal, once the regex has told groups from the decimal part.

    Built directly rather than with babel's ``parse_decimal``: the regex has
    already decided which separator groups and which marks decimals (the very
    thing the locale would be asked), and babel refuses a plain space as a
    French group separator, which is what scraped text mostly has.
    """
    literal = _NON_DIGIT_RE.sub("", int_part) + ("." + frac if frac else "")
    try:
        number = Decimal(literal)
    except InvalidOperation:
        return None
    return -number if sign in ("-", "−") else number


def _scaled(number: Decimal, exponent: int) -> Decimal:
    """Apply a scale word exactly: "1,5 million" is 1500000, not 1.5E+6."""
    if not exponent:
        return number
    result = number.scaleb(exponent, context=_DECIMALS)
    if result == result.to_integral_value():
        result = result.quantize(Decimal(1), context=_DECIMALS)
    return result


def _fits(number: Decimal) -> bool:
    """Whether Claim.value_number can store the number without rounding it."""
    _sign, digits, exponent = number.as_tuple()
    if not isinstance(exponent, int):
        return False
    integer_digits = len(digits) + exponent
    return integer_digits <= MAX_INTEGER_DIGITS and -exponent <= MAX_FRACTION_DIGITS


def _scale_exponent(token: str, lang: str) -> int:
    key = token.lower()
    if key not in _SCALE_EXPONENTS and key.endswith("s"):
        key = key[:-1]
    return _LANG_SCALE_EXPONENTS[lang].get(key) or _SCALE_EXPONENTS.get(key, 0)


def _known_unit(word: str) -> str | None:
    """The canonical unit for a word of the unit table, in any spelling it lists."""
    return _UNIT_BY_FORM.get(word.lower()) or _UNIT_BY_FORM.get(_fold(word))


def _is_known_unit(word: str) -> bool:
    return _known_unit(word) is not None


def _is_acronym(word: str) -> bool:
    return re.fullmatch(r"[A-Z]{2,6}s?", word) is not None


def _unit_for(word: str) -> str | None:
    """The canonical unit a word names, or None when the word is not what the number counts.

    Unknown lower-case words are kept as written (lower-cased) rather than
    singularised, because naive singularisation mangles words like "pays".
    Capitalised words are names ("2021 DeepSeek"), not units; all-caps words
    are acronyms ("2 000 GPU").
    """
    key = word.lower()
    if key in _UNIT_BY_FORM:
        return _UNIT_BY_FORM[key]
    folded = _fold(word)
    if folded in _UNIT_BY_FORM:
        return _UNIT_BY_FORM[folded]
    if key in _STOPWORDS or folded in _STOPWORDS or folded in _ALL_MONTH_FORMS:
        return None
    if any(c.isdigit() for c in word):
        return None  # a code such as "H800" qualifies what is counted, it is not it
    if _is_acronym(word):
        return word[:-1] if word.endswith("s") else word
    if word[0].islower() and len(word) > 1:
        return key
    return None


def _read_unit(text: str, match: re.Match[str], *, any_noun: bool) -> tuple[str, int] | None:
    """The unit named by ``match``, or a known unit noun a word or two later, with the new end.

    "2 000 nouveaux GPU", "2,048 NVIDIA H800 GPUs" and "per million input
    tokens" count GPUs and tokens: a known unit noun wins over the words that
    qualify it. An unknown word only counts as the unit when it reads as a
    noun in the plural ("12 investisseurs"), unless ``any_noun`` says a
    singular fits ("1 voiture", "par siège"): "37B activated" counts nothing.
    """
    word = match.group("unit")
    known = _known_unit(word)
    if known:
        return known, match.end()
    if _fold(word) in _STOPWORDS:
        return None  # "DALL-E 3 dans plusieurs benchmarks": nothing counted here
    pos = match.end()
    for _ in range(2):
        following = _NEXT_WORD_RE.match(text, pos)
        if following is None or _fold(following.group("unit")) in _STOPWORDS:
            break
        known = _known_unit(following.group("unit"))
        if known:
            return known, following.end()
        pos = following.end()
    unit = _unit_for(word)
    if unit is None:
        return None
    if any_noun or _is_acronym(word) or _fold(word)[-1] in "sx":
        return unit, match.end()
    return None


def _currency_before(text: str, start: int) -> tuple[int, str] | None:
    match = _CURRENCY_BEFORE_RE.search(text, max(0, start - 6), start)
    if not match:
        return None
    if match.group("prefixed"):
        return match.start(), _CURRENCY_PREFIXED_SYMBOLS[match.group("prefixed")]
    if match.group("sym"):
        return match.start(), _CURRENCY_SYMBOLS[match.group("sym")]
    return match.start(), _CURRENCY_CODES[match.group("code")]


def _currency_after(match: re.Match[str]) -> str:
    if match.group("sym"):
        sym = match.group("sym")
        if sym in _CURRENCY_PREFIXED_SYMBOLS:
            return _CURRENCY_PREFIXED_SYMBOLS[sym]
        country = match.group("sym_country")
        return _CURRENCY_PREFIXED_SYMBOLS[country + "$"] if country else _CURRENCY_SYMBOLS[sym[0]]
    if match.group("code"):
        return _CURRENCY_CODES[match.group("code")]
    word = _fold(re.sub(r"\s+", " ", match.group("word")))
    country = match.group("country_before") or match.group("country_after")
    if country and word.startswith("dollar"):
        return _DOLLAR_COUNTRIES.get(_fold(country), "USD")
    return _CURRENCY_WORDS.get(word, "")


def _read_rate(text: str, pos: int, lang: str) -> tuple[Decimal, str, int] | None:
    """A rate's denominator after an amount: "pour un million de jetons" is (10**6, token).

    "pour", "le" and "a/an" are everyday words, so they only introduce a rate
    when what follows plainly is one: a count or scale ("pour un million de
    jetons", "le million de tokens") or, for "a/an", a time unit ("$20 a month").
    """
    match = _RATE_RE.match(text, pos)
    if not match:
        return None
    unit_word = match.group("unit")
    if not unit_word[0].islower() and not _is_known_unit(unit_word):
        return None  # "7,50 $ par OpenAI" names who pays, not what is paid for
    read = _read_unit(text, match, any_noun=True)
    if read is None:
        return None
    unit, end = read
    prep = (match.group("prep") or "/").lower()
    count, scale = match.group("count"), match.group("scale")
    if prep in ("pour", "le") and not (count or scale):
        return None
    if prep in ("a", "an") and unit not in _TIME_UNITS:
        return None
    per = Decimal(_NON_DIGIT_RE.sub("", count)) if count else Decimal(1)
    if scale:
        per = _scaled(per, _scale_exponent(scale, lang))
    return per, unit, end


def _number_candidates(text: str, lang: str, *, loose: bool) -> list[ParsedValue]:
    found = []
    for match in _NUMBER_RE[lang].finditer(text):
        value = _read_number(text, match, lang, loose=loose)
        if value is not None and (value.number is None or _fits(value.number)):
            found.append(value)
    return found


# One linear walk over what can follow a figure, in the order it can follow.
def _read_number(text: str, match: re.Match[str], lang: str, *, loose: bool) -> ParsedValue | None:
    sign, int_part, frac = match.group("sign"), match.group("int"), match.group("frac")
    if len(int_part) + len(frac or "") > MAX_DIGITS:
        return None
    start, pos = match.start(), match.end()
    if pos + 1 < len(text) and text[pos] in ".,:/" and text[pos + 1].isdigit():
        return None  # "1.2.3", "19:30", "14/02" and English "2,5" are not one figure
    if _CLOCK_BEFORE_RE.search(text, max(0, start - 6), start):
        return None  # the minutes of "19 h 30"
    if text[start - 1 : start] == "-" and _NAME_BEFORE_RE.search(text, max(0, start - 30), start):
        return None  # "Sky-T1-32B-Preview"
    number = _to_decimal(sign, int_part, frac)
    if number is None:
        return None
    plain = not sign and frac is None and int_part.isdigit()

    if plain and number > 0:
        ordinal = _ORDINAL_SUFFIX_RE.match(text, pos)
        if ordinal:
            if _month_follows(text, ordinal.end()):
                return None  # "le 1er janvier" without a year: a date we cannot complete
            return _make(text, start, ordinal.end(), ValueKind.RANK, number=number)
        prefix = _RANK_PREFIX_RE.search(text, max(0, start - 12), start)
        if prefix:
            return _make(text, prefix.start(), pos, ValueKind.RANK, number=number)

    currency_before = _currency_before(text, start)
    span_start = currency_before[0] if currency_before else start
    currency = currency_before[1] if currency_before else None

    scale = _SCALE_GLUED_RE.match(text, pos)
    if (
        scale
        and scale.group() in _MONEY_ONLY_SCALES
        and currency is None
        and not _CURRENCY_AFTER_RE.match(text, scale.end())
    ):
        scale = None  # "5m" is five metres unless money is counted: "£5m", "5m$"
    if scale is None:
        scale = _SCALE_WORD_RE.match(text, pos)
    exponent = 0
    if scale is not None:
        token = scale.group("scale") if scale.re is _SCALE_WORD_RE else scale.group()
        exponent = _scale_exponent(token, lang)
        number = _scaled(number, exponent)
        pos = scale.end()
    elif pos < len(text) and (text[pos].isalnum() or text[pos] == "_"):
        glued = _GLUED_UNIT_RE.match(text, pos)
        if glued is None:
            return None  # "5G", "3D", "1e999": not a figure we can read
        unit = _UNIT_BY_FORM[glued.group().lower()]
        kind = ValueKind.DURATION if unit in _TIME_UNITS else ValueKind.QUANTITY
        return _qualified(text, span_start, glued.end(), kind, number=number, unit=unit)
    if _NAME_AFTER_RE.match(text, pos):
        return None  # "7B-Instruct", "a 24-hour day": part of a name or a compound word

    if currency is None:
        percent = _PERCENT_RE.match(text, pos)
        if percent:
            unit = "percentage point" if percent.group("points") else "%"
            return _qualified(
                text, start, percent.end(), ValueKind.PERCENTAGE, number=number, unit=unit
            )
        after = _CURRENCY_AFTER_RE.match(text, pos)
        if after:
            currency, pos = _currency_after(after), after.end()

    if currency is not None:
        fields: dict[str, Any] = {"number": number, "currency": currency}
        rate = _read_rate(text, pos, lang)
        if rate:
            fields["per"], fields["unit"], pos = rate
        return _qualified(text, span_start, pos, ValueKind.MONEY, **fields)

    maybe_year = plain and exponent == 0 and len(int_part) == 4 and int(int_part) in YEAR_RANGE
    unit_match = _UNIT_AFTER_RE.match(text, pos)
    if unit_match:
        word = unit_match.group("unit")
        if _fold(word) in _ALL_MONTH_FORMS:
            return None  # "14 février" without a year: a date we cannot complete
        if unit_match.group("of") and not exponent and abs(number) < 1_000_000:
            # "2 000 de ces GPU": "de" introduces what is counted only after a
            # scale word or a round figure ("2 000 000 d'utilisateurs").
            unit_match = None
        elif maybe_year and not (_is_known_unit(word) or _is_acronym(word)):
            unit_match = None  # "En 2021 naissait DeepSeek": the word is not what 2021 counts
    read = _read_unit(text, unit_match, any_noun=abs(number) < 2) if unit_match else None
    if read:
        unit, end = read
        if unit == "hour" and _CLOCK_AFTER_RE.match(text, end):
            return None  # "19 h 30" is a time of day, not a duration
        kind = ValueKind.DURATION if unit in _TIME_UNITS else ValueKind.QUANTITY
        return _qualified(text, start, end, kind, number=number, unit=unit)

    if exponent == 0 and _looks_like_name(text, start):
        return None  # "DALL-E 3", "GPT 4": part of a product name
    if maybe_year:
        reading = _year_or_count(text, start, pos)
        if reading == "year":
            return _dated(text, start, pos, datetime.date(int(int_part), 1, 1), DatePrecision.YEAR)
        if reading == "decade":
            return None
    if not loose and exponent == 0:
        if plain and number < 10:
            return None  # "les 3 plus grands": too small and bare to be worth checking
        if _follows_capitalised_word(text, start):
            return None  # "Windows 11", "Ligue 1": a name with a number in it
    return _qualified(text, start, pos, ValueKind.QUANTITY, number=number)


def _month_follows(text: str, pos: int) -> bool:
    following = _NEXT_WORD_RE.match(text, pos)
    return bool(following) and _fold(following.group("unit")) in _ALL_MONTH_FORMS


def _looks_like_name(text: str, start: int) -> bool:
    """Whether the word before a bare number makes it part of a name ("DALL-E 3").

    Product names carry hyphens, digits or several capitals; ordinary words do not.
    """
    previous = _PREVIOUS_TOKEN_RE.search(text, max(0, start - 30), start)
    return bool(previous) and _NAME_TOKEN_RE.search(previous.group("token")) is not None


def _follows_capitalised_word(text: str, start: int) -> bool:
    """Whether a capitalised word that does not open a sentence stands right before."""
    previous = _PREVIOUS_TOKEN_RE.search(text, max(0, start - 30), start)
    if not previous or not previous.group("token")[0].isupper():
        return False
    return _SENTENCE_END_RE.search(text, max(0, previous.start() - 3), previous.start()) is None


def _year_or_count(text: str, start: int, end: int) -> str:
    """Whether a bare four-digit number in prose is a "year", a "count" or a "decade".

    A plain "2021" with nothing counted after it is nearly always a year in
    news text. It stays a count after a comparison ("plus de 2000"), before a
    partitive ("2000 d'entre eux") or before a code ("2048 H800"). "Les années
    2020" is a decade, which no date precision can state, so it is dropped.
    """
    if _DECADE_BEFORE_RE.search(text, max(0, start - 10), start):
        return "decade"
    _, qualifier, phrase = _qualifier_before(text, start)
    if qualifier is not Qualifier.EXACT and phrase not in _TIME_QUALIFIERS:
        return "count"
    if _PARTITIVE_OR_CODE_AFTER_RE.match(text, end):
        return "count"
    return "year"


# --------------------------------------------------------------------------
# Dates, ordinal words, durations in words
# --------------------------------------------------------------------------


@functools.cache
def _date_parser(lang: str, order: str) -> DateDataParser:
    """One dateparser instance per language and field order; building and warming one is slow."""
    from dateparser.date import DateDataParser  # heavy: loaded on the first date

    return DateDataParser(
        languages=[lang],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": order,
            "PARSERS": ["absolute-time"],
            "REQUIRE_PARTS": ["year", "month"],
        },
    )


@functools.lru_cache(maxsize=2048)
def _parse_date(phrase: str, lang: str, order: str) -> datetime.date | None:
    """dateparser's reading of a phrase a date regex matched; None for "31 février 2024"."""
    try:
        data = _date_parser(lang, order).get_date_data(phrase)
    except (ValueError, OverflowError, TypeError):
        return None
    return data.date_obj.date() if data and data.date_obj else None


def _date_candidates(text: str, lang: str) -> list[ParsedValue]:
    """Dates whose parts we can see; dateparser turns the words into a date.

    The precision comes from the regex groups, not from dateparser, which fills
    missing parts in: "mai 2023" is a month even though it becomes 2023-05-01.
    """
    found = []
    for match in _DATE_WORDS_RE[lang].finditer(text):
        if int(match.group("year")) not in YEAR_RANGE:
            continue
        has_day = bool(match.group("day") or match.groupdict().get("day2"))
        phrase = re.sub(r"(?i)^premier\b", "1er", match.group()).replace("ᵉʳ", "er")
        date = _parse_date(phrase, lang, "DMY" if lang == "fr" else "MDY")
        if date is None:
            continue
        precision = DatePrecision.DAY if has_day else DatePrecision.MONTH
        if not has_day:
            date = date.replace(day=1)
        found.append(_dated(text, match.start(), match.end(), date, precision))
    for match in _NUMERIC_DATE_RE.finditer(text):
        year = int(match.group("y") or match.group("iso_y"))
        if year not in YEAR_RANGE:
            continue
        order = "YMD" if match.group("iso_y") else ("DMY" if lang == "fr" else "MDY")
        date = _parse_date(match.group(), lang, order)
        if date is not None:
            found.append(_dated(text, match.start(), match.end(), date, DatePrecision.DAY))
    return found


def _dated(
    text: str, start: int, end: int, date: datetime.date, precision: DatePrecision
) -> ParsedValue:
    """A date, with "vers"/"around" kept as ABOUT; other hedges do not apply to dates."""
    qual_start, qualifier, _ = _qualifier_before(text, start)
    if qualifier is not Qualifier.ABOUT:
        qual_start, qualifier = start, Qualifier.EXACT
    return _make(
        text,
        qual_start,
        end,
        ValueKind.DATE,
        date=date,
        date_precision=precision,
        qualifier=qualifier,
    )


def _ordinal_word_candidates(text: str, lang: str, *, loose: bool) -> list[ParsedValue]:
    """Ranks in words.

    In prose "premier"/"first" is usually just an adjective, so it only counts
    with "place"/"rang" after it or a verb such as "classé" before it.
    """
    found = []
    words = {_fold(w): n for w, n in _ORDINAL_WORDS[lang].items()}
    for match in _ORDINAL_WORD_RE[lang].finditer(text):
        word = _fold(re.sub(r"\s+", " ", match.group("word")))
        spelled_one = word in ("numero un", "number one")
        cue = _RANK_CUE_RE.search(text, max(0, match.start() - 30), match.start())
        if not (loose or spelled_one or match.group("tail") or cue):
            continue
        number = 1 if spelled_one else words[word]
        found.append(
            _make(text, match.start(), match.end(), ValueKind.RANK, number=Decimal(number))
        )
    return found


def _duration_word_candidates(text: str, lang: str, *, loose: bool) -> list[ParsedValue]:
    """Durations in words ("deux semaines", "en une semaine").

    "un"/"une"/"one" are also articles, so in prose they only count after "en",
    "in", "pendant"... where they plainly mean one.
    """
    found = []
    numbers = {_fold(w): n for w, n in _CARDINAL_WORDS[lang].items()}
    for match in _DURATION_WORD_RE[lang].finditer(text):
        count = numbers[_fold(match.group("word"))]
        if (
            count == 1
            and not loose
            and not _ONE_CUE_RE.search(text, max(0, match.start() - 12), match.start())
        ):
            continue
        unit = _UNIT_BY_FORM[_fold(match.group("unit"))]
        found.append(
            _qualified(
                text,
                match.start(),
                match.end(),
                ValueKind.DURATION,
                number=Decimal(count),
                unit=unit,
            )
        )
    return found


# --------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------

_QUALIFIER_LABELS = {
    "en": {Qualifier.ABOUT: "about", Qualifier.AT_LEAST: "at least", Qualifier.AT_MOST: "at most"},
    "fr": {
        Qualifier.ABOUT: "environ",
        Qualifier.AT_LEAST: "au moins",
        Qualifier.AT_MOST: "au plus",
    },
}
_EN_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
# Between a figure and its word, as babel's own unit formats do: French keeps
# "671 milliards" on one line with a no-break space.
_NUMBER_SPACE = {"en": " ", "fr": "\u00a0"}
_PERCENTAGE_POINTS = {
    "en": ("percentage point", "percentage points"),
    "fr": ("point de pourcentage", "points de pourcentage"),
}
# Scale words for large figures. French stops at "milliard": "2 000 milliards"
# is how the French press writes 2×10^12, and "billion" would be misread.
_SCALE_WORDS = {
    "en": (
        (12, ("trillion", "trillion")),
        (9, ("billion", "billion")),
        (6, ("million", "million")),
    ),
    "fr": ((9, ("milliard", "milliards")), (6, ("million", "millions"))),
}


def _from_claim(claim: Any) -> ParsedValue:
    """A Claim's stored value as a ParsedValue, tolerant of half-filled or unsaved rows."""
    text = str(getattr(claim, "value_text", "") or "")
    try:
        kind = ValueKind(getattr(claim, "value_kind", ValueKind.TEXT))
    except ValueError:
        kind = ValueKind.TEXT
    try:
        qualifier = Qualifier(getattr(claim, "value_qualifier", Qualifier.EXACT))
    except ValueError:
        qualifier = Qualifier.EXACT
    value_date = getattr(claim, "value_date", None)
    if isinstance(value_date, str):
        try:
            value_date = datetime.date.fromisoformat(value_date)
        except ValueError:
            value_date = None
    precision = getattr(claim, "value_date_precision", "") or ""
    return ParsedValue(
        kind=kind,
        text=text,
        start=0,
        end=len(text),
        number=_tidy(getattr(claim, "value_number", None)),
        unit=getattr(claim, "value_unit", "") or "",
        per=_tidy(getattr(claim, "value_per", None)),
        currency=getattr(claim, "value_currency", "") or "",
        date=value_date if isinstance(value_date, datetime.date) else None,
        date_precision=precision if precision in DatePrecision.values else "",
        qualifier=qualifier,
    )


def _tidy(number: object) -> Decimal | None:
    """Drop the zeros a DecimalField pads with: 0.1400000000 is shown as 0.14."""
    if number is None:
        return None
    try:
        number = Decimal(str(number))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    if number == number.to_integral_value():
        return number.quantize(Decimal(1), context=_DECIMALS)
    return number.normalize(context=_DECIMALS)


def _format_number(number: Decimal, lang: str) -> str:
    """Every digit the value has, grouped the locale's way."""
    return format_decimal(number, locale=lang, decimal_quantization=False)


def _split_scale(number: Decimal, lang: str) -> tuple[Decimal, tuple[str, str]] | None:
    """671000000000 as (671, "billion"), when a scale word states it exactly and briefly."""
    for exponent, words in _SCALE_WORDS[lang]:
        mantissa = number.scaleb(-exponent, context=_DECIMALS)
        if abs(mantissa) >= 1:
            exact = mantissa.quantize(Decimal("0.001"), context=_DECIMALS) == mantissa
            return (_tidy(mantissa) or mantissa, words) if exact else None
    return None


def _plural(words: tuple[str, str], number: Decimal | None, lang: str) -> str:
    singular, plural = words
    if number is None:
        return singular
    return singular if Locale.parse(lang).plural_form(abs(number)) == "one" else plural


def _unit_name(unit: str, number: Decimal | None, lang: str) -> str:
    if unit == "percentage point":
        return _plural(_PERCENTAGE_POINTS[lang], number, lang)
    return _plural(_UNIT_NAMES[lang].get(unit, (unit, unit)), number, lang)


def _of(word: str) -> str:
    """French "de" before a noun, elided before a vowel or a silent h: "d’utilisateurs"."""
    return f"d’{word}" if _fold(word[:1]) in "aeiouyh" else f"de {word}"


def _ordinal(number: int, lang: str) -> str:
    if lang == "fr":
        return f"{number}er" if number == 1 else f"{number}e"
    suffix = "th" if 10 <= number % 100 <= 20 else _EN_SUFFIXES.get(number % 10, "th")
    return f"{number}{suffix}"


def _format_currency(number: Decimal, currency: str, lang: str, *, cents: bool = True) -> str:
    """babel's currency format, keeping every decimal the figure has.

    Whole amounts drop the ".00" ("$450"), and so does the figure before a
    scale word ("$2.5 billion"); otherwise cents show ("$7.50").
    """
    pattern = Locale.parse(lang).currency_formats["standard"].pattern
    if not cents or number == number.to_integral_value():
        pattern = pattern.replace(".00", "")
    return format_currency(
        number,
        currency,
        format=pattern,
        locale=lang,
        currency_digits=False,
        decimal_quantization=False,
    )


def _format_money(number: Decimal, currency: str, lang: str) -> str:
    if not currency:
        return _format_number(number, lang)
    scaled = _split_scale(number, lang)
    if scaled is None:
        return _format_currency(number, currency, lang)
    mantissa, words = scaled
    if lang == "en":
        amount = _format_currency(mantissa, currency, lang, cents=False)
        return f"{amount} {_plural(words, mantissa, lang)}"
    name = get_currency_name(currency, count=2, locale=lang)
    figure = _format_number(mantissa, lang) + _NUMBER_SPACE[lang] + _plural(words, mantissa, lang)
    return f"{figure} {_of(name)}"


def _format_rate(per: Decimal, unit: str, lang: str) -> str:
    """ "per million tokens", "par million de jetons", "per 1,000 tokens", "par jeton"."""
    if per == 1:
        return f"{'per' if lang == 'en' else 'par'} {_unit_name(unit, Decimal(1), lang)}"
    name = _unit_name(unit, per, lang)
    scaled = _split_scale(per, lang)
    if scaled is not None and scaled[0] == 1:
        scale = scaled[1][0]
        return f"per {scale} {name}" if lang == "en" else f"par {scale} {_of(name)}"
    count = _format_number(per, lang) + _NUMBER_SPACE[lang] + name
    return f"per {count}" if lang == "en" else f"pour {count}"


def _format_quantity(number: Decimal, unit: str, lang: str) -> str:
    space = _NUMBER_SPACE[lang]
    scaled = _split_scale(number, lang)
    if scaled is None:
        formatted = _format_number(number, lang)
        return f"{formatted}{space}{_unit_name(unit, number, lang)}" if unit else formatted
    mantissa, words = scaled
    formatted = _format_number(mantissa, lang) + space + _plural(words, mantissa, lang)
    if not unit:
        return formatted
    name = _unit_name(unit, number, lang)
    return f"{formatted} {name}" if lang == "en" else f"{formatted} {_of(name)}"


def _format_body(value: ParsedValue, lang: str) -> str | None:
    """The value without its qualifier; None when only the stated text can show it."""
    number = value.number
    if value.kind == ValueKind.DATE:
        if value.date is None:
            return None
        if value.date_precision == DatePrecision.YEAR:
            return str(value.date.year)
        if value.date_precision == DatePrecision.MONTH:
            return format_skeleton("yMMMM", value.date, locale=lang)
        long = format_date(value.date, "long", locale=lang)
        return re.sub(r"^1 ", "1er ", long) if lang == "fr" else long
    if number is None or value.kind == ValueKind.TEXT:
        return None
    if value.kind == ValueKind.RANK:
        return _ordinal(int(number), lang)
    if value.kind == ValueKind.PERCENTAGE:
        if value.unit == "percentage point":
            name = _unit_name(value.unit, number, lang)
            return _format_number(number, lang) + _NUMBER_SPACE[lang] + name
        return format_percent(
            number.scaleb(-2, context=_DECIMALS), locale=lang, decimal_quantization=False
        )
    if value.kind == ValueKind.DURATION and value.unit in _TIME_UNITS:
        return format_unit(number, f"duration-{value.unit}", length="long", locale=lang)
    if value.kind == ValueKind.MONEY:
        amount = _format_money(number, value.currency, lang)
        if value.per is not None and value.unit:
            amount += " " + _format_rate(value.per, value.unit, lang)
        return amount
    return _format_quantity(number, value.unit, lang)
