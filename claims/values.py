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

* Candidates come from a few matchers: dates with month names or in numeric
  form, months and days without a year (only given a reference date: the
  article's date), years and months with a modifier ("fin 2023", "mid-April
  2025"), numbers in digits or in words with what follows them, approximate
  counts ("une dizaine de"), ordinal words. Where two readings overlap the
  longest wins, so "14 février 2024" beats the "14" inside it.
* Numbers are found by one compiled regex per language; what follows them
  (ordinal suffix, scale word, measure, %, currency, rate, unit, age) is read
  by small anchored regexes and what precedes them (currency symbol, hedge
  such as "environ") by searches bounded to a few characters. Every regex is
  built once, at import; the vocabularies of hundreds of spellings (numbers
  and ordinals in words) are tries, so that whole articles of 200,000
  characters stay fast. dateparser only ever sees a phrase a date regex has
  already matched.
* Units are canonical English names ("hectare", "degree Celsius", "year"),
  whatever the article's language, so that figures compare across languages.
* Heuristics err on the side of *not* reporting a value: product names such as
  "DeepSeek-R1", "Janus-Pro-7B" or "DALL-E 3", idioms ("l'un des", "a couple
  of", "dozens of"), times of day ("à 20 heures") and ordinals that number an
  occurrence ("pour la 18e fois") yield nothing, because a suggestion a
  reviewer has to dismiss costs more than one they never see.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
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
    "MEASURE_UNITS",
    "SUPPORTED_LANGUAGES",
    "ParsedValue",
    "find_values",
    "format_value",
    "parse_value",
    "to_claim_fields",
    "unit_code",
    "unit_name",
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
# Hyphens, inside a character class: the ASCII one, U+2010 and the no-break U+2011.
_HYPHENS = r"\-\u2010\u2011"


@functools.lru_cache(maxsize=8192)  # the same few hundred words recur across an article
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


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, as a trie: "vingt(?:-(?:cinq|deux)|...)?".

    The number vocabularies run to hundreds of spellings, and Python's regex
    engine tries a flat alternation one branch at a time at every position of a
    200,000-character article; a trie fails after a character or two. Case is
    matched as given (the callers add the capitalised forms they accept, which
    is also much faster than (?i:)); spaces match any run of spaces and
    apostrophes either apostrophe. Longer words are tried first.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = []
        for char, child in sorted(node.items(), key=lambda item: item[0]):
            if not char:
                continue
            head = {" ": f"{_SP}+", "'": "['’]"}.get(char, re.escape(char))
            branches.append(head + pattern(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:
            body = f"(?:{body})?"
        return body

    return pattern(root)


def _capitalised(words: Iterable[str]) -> set[str]:
    """Each word as written and with a capital, as a sentence opens with it."""
    return {form for word in words for form in (word, word[:1].upper() + word[1:])}


# canonical English singular, English plural, French singular, French plural,
# other spellings met in the wild. The canonical name is what Claim.value_unit
# stores ("token", "GPU", "hour"), whatever the article's language.
_UNITS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("parameter", "parameters", "paramètre", "paramètres", ("param", "params")),
    ("token", "tokens", "jeton", "jetons", ()),
    ("user", "users", "utilisateur", "utilisateurs", ("utilisatrice", "usager", "usagers")),
    ("download", "downloads", "téléchargement", "téléchargements", ()),
    # What a dividend or a price is paid per: "€13 a share", "13 euros par action".
    ("share", "shares", "action", "actions", ()),
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
    # "un salaire à huit chiffres", "an eight-digit number".
    ("digit", "digits", "chiffre", "chiffres", ()),
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

# Measures, read by _MEASURE_RE right after a figure. The canonical name is
# what Claim.value_unit stores and the suggester relies on these strings.
# (canonical, English plural, French singular, French plural, symbols written
# after a figure (case matters: "MW" is not "mW", "Mt" is not a mountain),
# other spellings in any case, power of ten the form carries: "Mt" is 10^6 t).
_MEASURES: tuple[tuple[str, str, str, str, tuple[str, ...], tuple[str, ...], int], ...] = (
    ("degree Celsius", "degrees Celsius", "degré Celsius", "degrés Celsius",
     ("°C", "° C", "ºC", "º C", "℃"),
     ("degrees Celsius", "degree Celsius", "degrés Celsius", "degré Celsius", "degrees C",
      "degrés C"), 0),
    ("degree Fahrenheit", "degrees Fahrenheit", "degré Fahrenheit", "degrés Fahrenheit",
     ("°F", "° F", "ºF", "º F", "℉"),
     ("degrees Fahrenheit", "degree Fahrenheit", "degrés Fahrenheit", "degré Fahrenheit",
      "degrees F", "degrés F"), 0),
    ("hectare", "hectares", "hectare", "hectares", ("ha",), ("hectares", "hectare"), 0),
    ("acre", "acres", "acre", "acres", (), ("acres", "acre"), 0),
    ("square kilometre", "square kilometres", "kilomètre carré", "kilomètres carrés",
     ("km²", "km2"),
     ("square kilometres", "square kilometre", "square kilometers", "square kilometer",
      "sq km", "kilomètres carrés", "kilomètre carré", "km carrés"), 0),
    ("square metre", "square metres", "mètre carré", "mètres carrés", ("m²", "m2"),
     ("square metres", "square metre", "square meters", "square meter", "mètres carrés",
      "mètre carré"), 0),
    ("square mile", "square miles", "mile carré", "miles carrés", (),
     ("square miles", "square mile", "sq mi", "miles carrés"), 0),
    ("cubic metre", "cubic metres", "mètre cube", "mètres cubes", ("m³", "m3"),
     ("cubic metres", "cubic metre", "cubic meters", "cubic meter", "mètres cubes",
      "mètre cube"), 0),
    ("megawatt", "megawatts", "mégawatt", "mégawatts", ("MW", "MWe"),
     ("megawatts", "megawatt", "mégawatts", "mégawatt"), 0),
    ("gigawatt", "gigawatts", "gigawatt", "gigawatts", ("GW", "GWe"),
     ("gigawatts", "gigawatt"), 0),
    ("kilowatt", "kilowatts", "kilowatt", "kilowatts", ("kW",), ("kilowatts", "kilowatt"), 0),
    ("terawatt-hour", "terawatt-hours", "térawattheure", "térawattheures", ("TWh",),
     ("terawatt-hours", "terawatt-hour", "terawatt hours", "térawattheures",
      "térawattheure", "térawatts-heures", "térawatt-heures"), 0),
    ("gigawatt-hour", "gigawatt-hours", "gigawattheure", "gigawattheures", ("GWh",),
     ("gigawatt-hours", "gigawatt-hour", "gigawatt hours", "gigawattheures",
      "gigawattheure", "gigawatts-heures", "gigawatt-heures"), 0),
    ("megawatt-hour", "megawatt-hours", "mégawattheure", "mégawattheures", ("MWh",),
     ("megawatt-hours", "megawatt-hour", "megawatt hours", "mégawattheures",
      "mégawattheure", "mégawatts-heures", "mégawatt-heures"), 0),
    ("kilowatt-hour", "kilowatt-hours", "kilowattheure", "kilowattheures", ("kWh",),
     ("kilowatt-hours", "kilowatt-hour", "kilowatt hours", "kilowattheures",
      "kilowattheure", "kilowatts-heures", "kilowatt-heures"), 0),
    ("millimetre", "millimetres", "millimètre", "millimètres", ("mm",),
     ("millimetres", "millimetre", "millimeters", "millimeter", "millimètres",
      "millimètre"), 0),
    ("centimetre", "centimetres", "centimètre", "centimètres", ("cm",),
     ("centimetres", "centimetre", "centimeters", "centimeter", "centimètres",
      "centimètre"), 0),
    ("ppm", "ppm", "ppm", "ppm", ("ppm",), ("parts per million", "parties par million"), 0),
    ("kilometre per hour", "kilometres per hour", "kilomètre par heure",
     "kilomètres par heure", ("km/h",),
     ("kilometres per hour", "kilometers per hour", "kilomètres par heure",
      "kilomètres-heure", "kilomètres/heure"), 0),
    ("mile per hour", "miles per hour", "mile par heure", "miles par heure", ("mph",),
     ("miles per hour",), 0),
    ("mile", "miles", "mile", "miles", (), ("miles", "mile"), 0),
    ("barrel", "barrels", "baril", "barils", (), ("barrels", "barrel", "barils", "baril"), 0),
    ("tonne", "tonnes", "tonne", "tonnes", ("Mt", "MtCO2", "MtCO2e", "Mteq", "MtéqCO2"),
     ("megatonnes", "megatonne", "mégatonnes", "mégatonne", "megatons", "megaton"), 6),
    ("tonne", "tonnes", "tonne", "tonnes", ("Gt", "GtCO2", "GtCO2e", "GtéqCO2"),
     ("gigatonnes", "gigatonne", "gigatons", "gigaton"), 9),
    ("tonne", "tonnes", "tonne", "tonnes", ("kt",), ("kilotonnes", "kilotonne", "kilotons"),
     3),
)  # fmt: skip
# "degrés" alone is a temperature in French, where nobody writes Fahrenheit;
# "degrees" alone in English may be either, so it stays a plain "degree", and
# so do the angles of "à 180 degrés".
_DEGREE_NAMES = ("degree", "degrees", "degré", "degrés")
_ANGLES = frozenset({90, 180, 270, 360})
_MEASURE_SYMBOLS: dict[str, tuple[str, int]] = {}
_MEASURE_WORDS: dict[str, tuple[str, int]] = {}
for _canon, _en_pl, _fr_sg, _fr_pl, _symbols, _words, _exponent in _MEASURES:
    for _form in _symbols:
        _MEASURE_SYMBOLS[_form] = (_canon, _exponent)
    for _form in _words:
        _MEASURE_WORDS[_fold(_form)] = (_canon, _exponent)
    _UNIT_NAMES["en"].setdefault(_canon, (_canon, _en_pl))
    _UNIT_NAMES["fr"].setdefault(_canon, (_fr_sg, _fr_pl))
    if _exponent == 0:
        # One-word forms also name what a rate is per ("50 €/MWh", "par hectare").
        for _form in (*_symbols, *_words):
            if re.fullmatch(r"[^\W\d_]+", _form):
                _UNIT_BY_FORM.setdefault(_form.lower(), _canon)
                _UNIT_BY_FORM.setdefault(_fold(_form), _canon)
_UNIT_NAMES["en"]["degree"] = _DEGREE_NAMES[:2]
_UNIT_NAMES["fr"]["degree"] = _DEGREE_NAMES[2:]

# Units that measure (an area, an energy, a mass, a length, a time) rather than name what
# is counted: "180 sièges" and "180 seats" count the same thing whatever the noun, "12,000
# hectares" and "120 km²" do not measure in the same unit.
MEASURE_UNITS = frozenset(
    {m[0] for m in _MEASURES}
    | {"kilometre", "metre", "kilogram", "tonne", "litre", "point", "time", "digit", "degree"}
    | {"second", "minute", "hour", "day", "week", "month", "year"}
)

_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
# What "a"/"an" after an amount may be per: a time ("$20 a month"), a share ("€13 a
# share") or a measure sold by it ("$80 a tonne", "€1.90 a litre").
_A_RATE_UNITS = _TIME_UNITS | {"share", "tonne", "litre", "kilogram"}
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
# Adjectives that stand between a figure and what it counts ("80 principaux
# groupes", "three new factories"), or stand for it ("200 others").
_ADJECTIVE_TEXT = """
    nouveau nouveaux nouvel nouvelle nouvelles grand grands grande grandes petit petits petite
    petites autre autres principal principaux principale principales premier premiers premiere
    premieres dernier derniers derniere dernieres gros grosse grosses jeune jeunes vieux vieille
    vieilles ancien anciens ancienne anciennes seul seuls seule seules vrais vraies
    new other others major large big small top leading additional extra further young former
    full main key largest biggest smaller larger bigger first last next previous
"""
_ADJECTIVES = frozenset(_ADJECTIVE_TEXT.split())

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
    "g": 9,
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
    # Australian and New Zealand papers put the country after the sign.
    "$US": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "SG$": "SGD",
    "R$": "BRL",
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
    "NZD": "NZD",
    "HKD": "HKD",
    "SGD": "SGD",
    "INR": "INR",
    "RUB": "RUB",
    "KRW": "KRW",
    "BRL": "BRL",
    "MXN": "MXN",
    "SEK": "SEK",
    "NOK": "NOK",
    "DKK": "DKK",
    "ZAR": "ZAR",
    "PLN": "PLN",
    "AED": "AED",
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
    "swiss franc": "CHF",
    "swiss francs": "CHF",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "roupie": "INR",
    "roupies": "INR",
    "rupee": "INR",
    "rupees": "INR",
    "zloty": "PLN",
    "zlotys": "PLN",
    "franc cfa": "XOF",
    "francs cfa": "XOF",
    # Also books and a weight ("3 millions de livres vendus", "200 pounds of
    # beef"): only read as money after a scale word, see _POUND_WORDS.
    "livre": "GBP",
    "livres": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
}
_POUND_WORDS = frozenset({"livre", "livres", "pound", "pounds"})
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
    "new zealand": "NZD",
    "néo-zélandais": "NZD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "singapouriens": "SGD",
}

_QUALIFIER_PHRASES: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.ABOUT: (
        "environ", "env.", "près de", "près d'", "presque", "quelque", "autour de",
        "aux alentours de", "de l'ordre de", "approximativement", "à peu près", "vers",
        "about", "around", "approximately", "approx.", "roughly", "nearly", "almost",
        "some", "circa", "an estimated", "~", "≈",
    ),
    Qualifier.AT_MOST: (
        "just under", "just below", "a little under", "a little less than", "slightly less than",
        "slightly under", "un peu moins de", "un peu moins d'", "à peine moins de",
        "jusqu'à", "jusqu'a", "moins de", "moins d'", "pas plus de", "au plus",
        "au maximum", "up to", "less than", "fewer than", "under", "below", "at most",
        "no more than", "not more than", "a maximum of", "<", "≤",
    ),
    Qualifier.AT_LEAST: (
        "just over", "just above", "a little over", "a little more than", "slightly more than",
        "slightly over", "well over", "un peu plus de", "un peu plus d'", "bien plus de",
        "à peine plus de",
        "à partir de", "à partir d'", "dès", "commence à", "commencent à", "débute à",
        "plus de", "plus d'", "au moins", "pas moins de", "au minimum", "from",
        "starting at", "starting from", "starts at", "more than", "over", "above",
        "at least", "no less than", "not less than", "upwards of", "a minimum of",
        ">", "≥",
    ),
}  # fmt: skip
_QUALIFIER_BY_PHRASE = {_fold(p): q for q, phrases in _QUALIFIER_PHRASES.items() for p in phrases}
# Accent-less spellings that are everyday words: "des 12 derniers mois" is not
# "dès 12 derniers mois", so "dès" only counts with its accent.
_ACCENTED_ONLY_QUALIFIERS = frozenset({"des"})
# These say when something happens, so a year after them is still a year;
# "plus de 2000" on the other hand counts something.
_TIME_QUALIFIERS = frozenset(
    _fold(p) for p in ("from", "à partir de", "dès", "starting from", "vers", "around",
                       "circa", "about", "environ")
)  # fmt: skip

# Numbers in words, one to ninety-nine, generated rather than listed so that
# every compound is there: "vingt-cinq", "trente et un", "soixante-dix",
# "quatre-vingt-dix", "twenty-five".
_FR_SMALL = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize",
)  # fmt: skip
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_EN_SMALL = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_EN_TENS = {
    2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty",
    9: "ninety",
}  # fmt: skip


def _french_number(n: int) -> str:
    """The traditional spelling of 1 to 99: "vingt et un", "soixante-dix", "quatre-vingts"."""
    if n <= 16:
        return _FR_SMALL[n]
    if n < 20:
        return f"dix-{_FR_SMALL[n - 10]}"
    if n < 60:
        tens, unit = divmod(n, 10)
        base = _FR_TENS[tens]
        return base if unit == 0 else f"{base} et un" if unit == 1 else f"{base}-{_FR_SMALL[unit]}"
    if n < 80:
        rest = n - 60
        if rest == 0:
            return "soixante"
        return (
            f"soixante et {_french_number(rest)}"
            if rest in (1, 11)
            else f"soixante-{_french_number(rest)}"
        )
    return "quatre-vingts" if n == 80 else f"quatre-vingt-{_french_number(n - 80)}"


def _english_number(n: int) -> str:
    if n < 20:
        return _EN_SMALL[n]
    tens, unit = divmod(n, 10)
    return _EN_TENS[tens] + (f"-{_EN_SMALL[unit]}" if unit else "")


def _french_ordinal(cardinal: str) -> str:
    """ "vingt et un" → "vingt et unième": only the last word takes the suffix."""
    head, last = re.match(r"(.*?)([^ -]+)$", cardinal).groups()
    stem = {"cinq": "cinqu", "neuf": "neuv", "vingts": "vingt"}.get(last, last.removesuffix("e"))
    return f"{head}{stem}ième"


def _english_ordinal(cardinal: str) -> str:
    head, last = re.match(r"(.*?)([^ -]+)$", cardinal).groups()
    irregular = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                 "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}  # fmt: skip
    if last in irregular:
        return head + irregular[last]
    return head + (f"{last[:-1]}ieth" if last.endswith("y") else f"{last}th")


def _spellings(words: str, lang: str) -> set[str]:
    """The ways the press writes a number in words: with or without its hyphens and, in
    French, the 1990 spelling that hyphenates everything ("vingt-et-un")."""
    forms = {words, words.replace("-", " ")}
    if lang == "fr":
        forms.add(words.replace(" ", "-"))
    return forms


_CARDINALS: dict[str, dict[str, int]] = {"fr": {"une": 1}, "en": {}}
_ORDINAL_WORDS: dict[str, dict[str, int]] = {
    "fr": {"premier": 1, "première": 1, "premiers": 1, "premières": 1, "second": 2,
           "seconde": 2},
    "en": {"first": 1},
}  # fmt: skip
for _n in range(1, 100):
    for _lang, _spell, _ordinal in (
        ("fr", _french_number, _french_ordinal),
        ("en", _english_number, _english_ordinal),
    ):
        _words = _spell(_n)
        for _form in _spellings(_words, _lang):
            _CARDINALS[_lang][_form] = _n
            if _n > 1 or _lang == "en":
                _ORDINAL_WORDS[_lang][_ordinal(_form)] = _n
_CARDINALS["fr"]["quatre-vingt"] = _CARDINALS["fr"]["quatre vingt"] = 80
_ORDINAL_WORDS["fr"]["centième"] = 100
_ORDINAL_WORDS["en"]["hundredth"] = 100
# Scraped text often loses its accents: "deuxieme", "quatre-vingt-dixieme".
for _vocabulary in (*_CARDINALS.values(), *_ORDINAL_WORDS.values()):
    _vocabulary.update({_fold(w): n for w, n in list(_vocabulary.items())})

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
# "$US589" is the one place a figure follows a letter.
_NUMBER_START = r"(?:(?<=\$US)|(?<![\w.,/\\:#@&='’])(?<![^\W\d_]-))"
_SIGN = r"(?P<sign>[-−+](?=[0-9]))?"
_NUMBER_RE = {
    "fr": re.compile(
        _NUMBER_START
        + _SIGN
        + rf"(?P<int>[0-9]{{1,3}}(?:{_GROUP_SP}[0-9]{{3}})+(?![0-9])"
        + r"|[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?![0-9])|[0-9]+)"
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
# The digits before a group space that the number regex refused ("50/100 000").
_GROUP_CONTINUES_RE = re.compile(rf"(?:[^\W\d]|[.,/\\:#@&='’])[0-9]{{1,3}}{_GROUP_SP}\Z")

_ORDINAL_SUFFIX_RE = re.compile(
    r"(?:(?i:ième|ieme|ème|eme|ère|ere|er|re|nde|nd|st|rd|th|e|è)|ᵉʳ|ʳᵉ|ᵉ)(?!\w)"
    rf"(?:{_SP}+(?i:place|position|rang|rank|spot)\b)?"
)
# "62-year-old", "the 25‑year‑old striker", "a five-year-old": an age.
_AGE_AFTER_RE = re.compile(
    rf"[{_HYPHENS}](?P<unit>(?i:year|month|week|day))s?[{_HYPHENS}](?i:old)\b"
)
_HYPHEN_RATE_RE = re.compile(
    rf"[{_HYPHENS}](?i:a|an|per)[{_HYPHENS}](?P<unit>(?i:year|month|week|day|hour))\b"
)
_COMPOUND_UNIT_RE = re.compile(rf"[{_HYPHENS}](?P<unit>[a-z]+)(?![\w{_HYPHENS}])")
_TIME_UNIT_AFTER_RE = re.compile(rf"{_SP}+(?P<unit>[^\W\d_]+)")
# "deux ans et demi", "un an et demi"; "two and a half years",
# "deux millions et demi" (after a scale word only: "deux et demi" is no count).
_ET_DEMI_RE = re.compile(rf"{_SP}+et{_SP}+demie?\b")
_AND_A_HALF_RE = {
    "en": re.compile(rf"{_SP}+and{_SP}+a{_SP}+half\b"),
    "fr": re.compile(rf"(?<=[^\W\d_]){_SP}+et{_SP}+demie?\b"),
}
_OLD_AFTER_RE = re.compile(rf"{_SP}+old\b")
_AGE_APPOSITION_BEFORE_RE = re.compile(
    rf"(?<![\w'’])(?!(?:{'|'.join(_MONTHS['en'])}|Monday|Tuesday|Wednesday|Thursday|Friday"
    rf"|Saturday|Sunday|However|Meanwhile|Today|Yesterday|Overall|Instead|Still|Now|Then"
    rf"|Since|In|By|On|At|For|And|But)\b)[A-Z][a-z]+(?:[{_HYPHENS}][A-Z][a-z]+)?,{_SP}+\Z"
)
_AGE_APPOSITION_AFTER_RE = re.compile(rf",(?!{_SP}*[0-9])")
_AGED_BEFORE_RE = re.compile(rf"(?<!\w)(?i:aged|age{_SP}+of|at{_SP}+age){_SP}+\Z")
# What says a number in words counts part of a group: "eight of the top ten",
# "trois des dix", "deux d'entre eux", "two of its factories".
_PARTITIVE_AFTER_RE = re.compile(
    rf"{_SP}+(?:(?i:of){_SP}+(?i:the|its|their|them|these|those|whom|which|our|us|his|her)"
    rf"|(?i:des|d['’]entre)|(?i:de){_SP}+(?i:ses|leurs|nos|vos|ces|mes))(?!\w)"
)
# Who a figure comes from rather than what it is: "two people familiar with the
# matter", "deux personnes proches du dossier".
_SOURCE_AFTER_RE = re.compile(
    rf"{_SP}+(?i:familiar|briefed|close{_SP}+to|with{_SP}+knowledge|proches|au{_SP}+fait"
    rf"|informées?|au{_SP}+courant)\b"
)
_MONTH_BEFORE_RE = {
    "en": re.compile(
        rf"(?<![\w-])(?:{'|'.join(sorted(_MONTHS['en'], key=len, reverse=True))})\.?{_SP}+\Z"
    )
}
# An ordinal before these nouns numbers an occurrence or a division, it ranks
# nothing: "pour la 18e fois", "la 78e minute", "la 3e journée", "le 21e siècle",
# "la 1re circonscription", "its 50th anniversary", "the 2nd quarter".
_INDEX_NOUNS = (
    "fois", "minute", "minutes", "journée", "jour", "semaine", "mois", "année", "siècle",
    "trimestre", "semestre", "arrondissement", "circonscription", "édition", "étape", "tour",
    "manche", "mandat", "anniversaire", "session", "république", "législature", "amendement",
    "article", "chapitre", "étage", "volet",
    "time", "times", "minute", "day", "week", "month", "year", "century", "quarter", "half",
    "term", "round", "stage", "leg", "edition", "anniversary", "session", "district",
    "amendment", "floor", "birthday", "inning", "lap",
)  # fmt: skip
# The minute of a goal after the score it made: "Kehrer (2-0, 11e)".
_SCORE_BEFORE_RE = re.compile(rf"(?<![0-9])[0-9]{{1,2}}[-–][0-9]{{1,2}},{_SP}*\Z")
_TIMES_AFTER_RE = re.compile(rf"{_SP}+(?i:{_alternation(_INDEX_NOUNS)})\b")
_RANK_PREFIX_RE = re.compile(rf"(?<!\w)(?i:n[°º]|no\.|numéro|numero|number){_SP}*\Z")
# "mn" and "m" are also minutes and metres, so they only scale money ("£5m").
# A lowercase "b" ("$936b"), the French financial "G$" (giga-dollars) and a
# capital "K" only scale money: "5b", "5G", a "4K" screen and a "10K" race
# are not thousands or billions of anything.
_SCALE_GLUED_RE = re.compile(r"(?:Mrds|Mrd|Mds|Md|bn|mn|k|K|M|B|G|m|b)(?!\w)")
_MONEY_ONLY_SCALES = frozenset({"m", "mn", "b", "G", "K"})
_SCALE_WORD_RE = re.compile(
    rf"{_SP}+(?P<scale>(?i:milliards?|millions?|mille|milliers?|billions?|trillions?"
    rf"|thousands?|bn|mds|mrds|mrd)\b|(?:[kMG]|Mds?|Mrds?)(?={_SP}?[$€£]))"
)
_PERCENT_RE = re.compile(
    rf"(?P<points>{_SP}+(?i:points?{_SP}+de{_SP}+pourcentage|percentage{_SP}+points?)\b)"
    rf"|{_SP}?%|{_SP}+(?i:pour{_SP}?cent|pourcents?|percent|per{_SP}?cent)\b"
)
_PREFIXED_SYMBOL_ALT = "|".join(
    re.escape(s) for s in sorted(_CURRENCY_PREFIXED_SYMBOLS, key=len, reverse=True)
)
_CODE_ALT = "|".join(_CURRENCY_CODES)
_DOLLAR_COUNTRY_ALT = _alternation(_DOLLAR_COUNTRIES)
_CURRENCY_AFTER_RE = re.compile(
    rf"{_SP}*(?:(?i:de|of){_SP}+|(?i:d)['’]{_SP}*)?"
    rf"(?:(?P<sym>(?:{_PREFIXED_SYMBOL_ALT})|\$(?:{_SP}?(?P<sym_country>US|CA|AU|NZ|HK|SG)\b)?|€|£|¥)"
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
# Tried after every figure, so built as tries: words as written, folded and capitalised.
_MEASURE_RE = re.compile(
    rf"{_SP}*(?:(?P<symbol>{_trie(_MEASURE_SYMBOLS)})"
    rf"|(?P<word>{_trie(_capitalised({*_MEASURE_WORDS, *(w for m in _MEASURES for w in m[5])}))})"
    rf"|(?P<degrees>{_trie(_capitalised({*_DEGREE_NAMES, *map(_fold, _DEGREE_NAMES)}))}))"
    rf"(?![^\W_])"
)
_GLUED_UNIT_RE = re.compile(rf"(?:{'|'.join(_GLUED_UNITS)})(?![\w/])|h(?=/)")
_CLOCK_AFTER_RE = re.compile(rf"{_SP}*[0-9]")
_CLOCK_BEFORE_RE = re.compile(rf"(?<![0-9])[0-9]{{1,2}}{_SP}*h{_SP}*\Z")
# "11 p.m.", "7 am": a time of day.
_MERIDIEM_RE = re.compile(rf"{_SP}*(?i:[ap]\.m\.|[ap]m\b)")
# "à 20 heures", "vers 14 h", "jusqu'à 18 heures": a time of day, unless the
# hours are a stretch of something ("à 19 heures de route").
_AT_HOUR_BEFORE_RE = re.compile(
    rf"(?<!\w)(?i:à|a|vers|dès|avant|jusqu['’]à|il{_SP}+est|il{_SP}+était){_SP}+\Z"
)
_OF_AFTER_RE = re.compile(rf"{_SP}+(?i:de|d['’]|of)")
_FROM_HOUR_BEFORE_RE = re.compile(rf"(?<!\w)(?i:de|entre){_SP}+\Z")
_TO_HOUR_AFTER_RE = re.compile(rf"{_SP}+(?i:à|et){_SP}+[0-9]")
_NOT_POUNDS_AFTER_RE = re.compile(
    rf"{_SP}+(?i:de|d['’]|of|vendus|écoulés|publiés|imprimés|sold|printed)(?!\w)"
)
_QUALIFIER_BEFORE_RE = re.compile(
    rf"(?<!\w)(?P<q>(?i:{_alternation(p for ps in _QUALIFIER_PHRASES.values() for p in ps)}))"
    rf"{_SP}*\Z"
)
_PREVIOUS_TOKEN_RE = re.compile(rf"(?<!\S)(?P<token>\S+){_SP}+\Z")
_NAME_TOKEN_RE = re.compile(r"[^\W\d_]-|[0-9]|[A-Z].*[A-Z]|[a-z][A-Z]")
_SENTENCE_END_RE = re.compile(r"(?:\A|[.!?:;\n«“\"(]\s*)\Z")
_DAY_ARTICLE_BEFORE_RE = re.compile(rf"(?<!\w)(?i:le|du|au){_SP}+\Z")
_DECADE_AFTER_RE = re.compile(r"['’]s\b")
_DECADE_BEFORE_RE = re.compile(rf"(?i:années|annees){_SP}+\Z")
_PARTITIVE_OR_CODE_AFTER_RE = re.compile(rf"{_SP}*(?:(?i:de|of)\b|(?i:d)['’])|{_SP}+\S*[0-9]")
_RANK_CUE_RE = re.compile(
    r"(?<!\w)(?i:classée?s?|se classe|se hisse|arrivée?s?|arrive|terminée?|termine|finit"
    rf"|ranked|ranks|came|comes|finished|finishes|placed){_SP}+\Z"
)
_COMMA_BEFORE_RE = re.compile(rf",{_SP}*\Z")
_APPOSITION_AFTER_RE = re.compile(
    rf"{_SP}+(?i:with|on|in|behind|after|avec|sur|derrière|après|au|du|de)\b"
)
_ONE_CUE_RE = re.compile(
    rf"(?:(?<!\w)(?i:en|in|within|pendant|durant|for|depuis|over|sur|under|dans){_SP}+"
    r"|(?<!\w)(?i:d)['’])\Z"
)
# What turns an ordinal word into a rank: a place ("troisième place"), a
# superlative ("third-largest", "la deuxième plus grande", "second most
# valuable") or, in French, a world ranking ("troisième fortune mondiale",
# "la onzième du monde", "deuxième femme la plus riche").
_SUPERLATIVES = (
    "largest", "biggest", "highest", "richest", "wealthiest", "busiest", "fastest", "oldest",
    "longest", "strongest", "tallest", "greatest", "lowest", "smallest", "cheapest", "poorest",
    "deadliest", "hottest", "coldest", "wettest", "driest", "warmest", "heaviest", "youngest",
    "deepest", "costliest", "best", "worst", "most", "least", "best-selling", "top",
)  # fmt: skip
# Words after "plus" that are not an adjective ranked on ("le troisième plus tard").
_NOT_RANKED = "tard|tôt|loin|souvent|vite"
# Nouns that an ordinal counts occurrences of, not ranks on: "Seconde Guerre
# mondiale", "deuxième tour", "troisième titre mondial", "la deuxième fois".
_NOT_RANKED_NOUNS = frozenset({
    "guerre", "guerres", "conflit", "tour", "tours", "édition", "éditions", "fois", "vague",
    "vagues", "session", "sommet", "championnat", "championnats", "coupe", "titre", "titres",
    "mandat", "trimestre", "semestre",
})  # fmt: skip
_WORLD_FR = (
    rf"(?:mondial(?:e|es|aux)?|du{_SP}+monde|au{_SP}+monde|de{_SP}+la{_SP}+planète"
    rf"|de{_SP}+France|d['’](?:Europe|Asie|Afrique|Amérique)|du{_SP}+pays)(?![\w-])"
)
_RANK_TAIL = {
    "en": (
        rf"(?:{_SP}+|[{_HYPHENS}])(?i:place|placed|position|rank|spot)\b"
        rf"|(?:[{_HYPHENS}]|{_SP}+)(?:most|least){_SP}+[a-z]+(?![\w-])"
        rf"|(?:[{_HYPHENS}]|{_SP}+)(?:{'|'.join(_SUPERLATIVES)})(?![\w-])"
    ),
    "fr": (
        rf"{_SP}+(?i:place|position|rang)\b"
        rf"|{_SP}+(?:plus|moins){_SP}+(?!(?:{_NOT_RANKED})\b)[^\W\d_]+(?![\w-])"
        rf"|{_SP}+{_WORLD_FR}"
        rf"|{_SP}+(?P<noun>[a-zà-ÿ]+){_SP}+(?:{_WORLD_FR}"
        rf"|(?:le|la|les){_SP}+(?:plus|moins){_SP}+[^\W\d_]+(?![\w-]))"
    ),
}
_ORDINAL_WORD_RE = {
    lang: re.compile(
        rf"(?<![\w{_HYPHENS}])(?:(?P<numero>(?i:numéro|numero|number)){_SP}+"
        rf"(?P<cardinal>{_trie(_capitalised(w for w, n in _CARDINALS[lang].items() if n <= 20))})"
        rf"|(?P<word>{_trie(_capitalised(words))}))"
        rf"(?:(?P<tail>{_RANK_TAIL[lang]})|(?![\w{_HYPHENS}]))"
    )
    for lang, words in _ORDINAL_WORDS.items()
}
# Numbers in words: a run of number words ("trois", "vingt-cinq", "deux cent
# mille", "two million", "one hundred and fifty"), read by _words_value. "un",
# "une" and "one" are articles and pronouns far more often than counts, so a
# run only starts with them before "cent"/"hundred" or a scale word.
_HUNDRED_WORDS = {"fr": ("cent", "cents"), "en": ("hundred",)}
_WORD_SCALES = {
    "fr": {"mille": 3, "millier": 3, "milliers": 3, "million": 6, "millions": 6,
           "milliard": 9, "milliards": 9, "billion": 12, "billions": 12},
    "en": {"thousand": 3, "million": 6, "billion": 9, "trillion": 12},
}  # fmt: skip
_ONE_WORDS = {"fr": ("un", "une"), "en": ("one",)}
_NUMBER_WORD_SEP = {
    lang: rf"(?:{_SP}+|[{_HYPHENS}])(?:{joiner}(?:{_SP}+|[{_HYPHENS}]))?"
    for lang, joiner in (("fr", "et"), ("en", "and"))
}
_NUMBER_ATOMS = {
    lang: _trie(
        _capitalised(
            [*(w for w, n in _CARDINALS[lang].items() if n > 1), *_HUNDRED_WORDS[lang],
             *_WORD_SCALES[lang]]
        )
    )
    for lang in SUPPORTED_LANGUAGES
}  # fmt: skip
_NUMBER_LEAD = {
    lang: _trie(
        _capitalised(
            [
                *(w for w, n in _CARDINALS[lang].items() if n > 1),
                *(["cent"] if lang == "fr" else []),
                *(
                    f"{one} {word}"
                    for one in _ONE_WORDS[lang]
                    for word in (*_HUNDRED_WORDS[lang][:1], *_WORD_SCALES[lang])
                    if not word.startswith("millier")  # "un millier de" is about a thousand
                ),
            ]
        )
    )
    for lang in SUPPORTED_LANGUAGES
}
_NUMBER_WORDS_RE = {
    lang: re.compile(
        rf"(?<![\w{_HYPHENS}])(?:{_NUMBER_LEAD[lang]})"
        rf"(?:{_NUMBER_WORD_SEP[lang]}(?:{_NUMBER_ATOMS[lang]}))*(?!\w)"
    )
    for lang in SUPPORTED_LANGUAGES
}
_NUMBER_ATOM_RE = {
    lang: re.compile(
        rf"(?<![\w{_HYPHENS}])(?:{_trie(_capitalised(_ONE_WORDS[lang]))}|{_NUMBER_ATOMS[lang]})(?!\w)"
    )
    for lang in SUPPORTED_LANGUAGES
}
_RELATIVE_AFTER_RE = re.compile(
    rf"{_SP}+(?i:plus{_SP}+tôt|plus{_SP}+tard|auparavant|earlier|later|ago|before)\b"
)
# The second number of a proportion: "one in ten", "1 in 5", "neuf fois sur dix".
# The joiner alone is checked first: it is rare, and the number words are many.
_RATIO_JOINER_RE = re.compile(rf"(?<!\w)(?i:in|of|sur){_SP}+\Z")
_RATIO_BEFORE_RE = {
    lang: re.compile(
        rf"(?<![\w{_HYPHENS}])(?:{_trie(_capitalised(_CARDINALS[lang]))}|[0-9]{{1,2}})"
        rf"(?:{_SP}+(?:fois|times))?{_SP}+(?i:{joiners}){_SP}+\Z"
    )
    for lang, joiners in (("fr", "sur"), ("en", f"in|out{_SP}+of"))
}
_DEFINITE_BEFORE_RE = re.compile(rf"(?<!\w)(?i:the|these|those|les|ces){_SP}+\Z")
_DONT_BEFORE_RE = re.compile(rf"(?<!\w)(?i:dont){_SP}+\Z")
_TOP_BEFORE_RE = re.compile(rf"(?<!\w)(?i:top){_SP}+\Z")
_POUR_BEFORE_RE = re.compile(rf"(?<!\w)(?i:pour){_SP}*\Z")
# "une dizaine de", "une vingtaine de", "un millier de", "a dozen", "half a
# dozen", "a hundred": approximate counts. "des dizaines de", "dozens of",
# "hundreds of" say no number at all and match nothing.
_APPROXIMATE_COUNTS = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1000, "dozen": 12, "hundred": 100, "thousand": 1000,
}  # fmt: skip
_APPROXIMATE_RE = {
    "fr": re.compile(
        rf"(?<![\w{_HYPHENS}])(?:[Uu]ne?|[Ll]a|[Cc]ette)(?:{_SP}+(?:petite|bonne))?{_SP}+"
        rf"(?P<approx>dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine"
        rf"|soixantaine|centaine|millier)(?P<of>(?={_SP}+d(?:e{_SP}|['’])|{_SP}*d['’]))?"
        rf"(?:{_SP}+de{_SP}+(?P<scale>milliards|millions|milliers)(?!\w))?"
        # "dépasse le million d'hectares", "la barre du milliard de dollars"
        rf"|(?<![\w{_HYPHENS}])(?:[Ll]e|du){_SP}+(?P<the_scale>million|milliard)"
        rf"(?={_SP}+d(?:e{_SP}|['’])|{_SP}*d['’])"
        # "un demi-milliard d'euros", "un demi-million de visiteurs"
        rf"|(?<![\w{_HYPHENS}])(?:[Uu]n{_SP}+)?demi[{_HYPHENS}](?P<half_scale>milliard|million)(?!\w)"
    ),
    "en": re.compile(
        rf"(?<![\w{_HYPHENS}])(?P<half>[Hh]alf{_SP}+a|[Aa]){_SP}+"
        rf"(?:(?P<approx>dozen|hundred|thousand)|(?P<exact>million|billion|trillion))"
        rf"(?![\w{_HYPHENS}])(?:{_SP}+(?P<scale>million|billion|trillion)(?![\w{_HYPHENS}]))?"
    ),
}
# "une semaine", "one week", "a year old": one of a time unit.
_TIME_ABBREVIATIONS = frozenset({"h", "hr", "hrs", "min", "mins", "sec", "secs", "yr", "yrs"})
_TIME_UNIT_FORMS = [
    f for f, c in _UNIT_BY_FORM.items() if c in _TIME_UNITS and f not in _TIME_ABBREVIATIONS
]
_ONE_UNIT_RE = {
    lang: re.compile(
        rf"(?<![\w{_HYPHENS}])(?P<one>{_trie(_capitalised(ones))}){_SP}+"
        rf"(?P<unit>(?i:{_alternation(_TIME_UNIT_FORMS)}))(?![\w{_HYPHENS}])(?P<old>{_SP}+old\b)?"
    )
    for lang, ones in (("fr", ("un", "une")), ("en", ("one", "a", "an")))
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
# Months named without a year ("en septembre", "mid-April", "le 3 mars"). Full
# names only, except an abbreviation with its dot before a day ("Sept. 3"),
# and French months in lower case as French writes them: "Mars" is the planet.
_FULL_MONTHS = {
    "fr": [m for m in _MONTHS["fr"] if len(m) > 4 or m in ("mars", "mai", "juin", "août")],
    "en": [m for m in _MONTHS["en"] if len(m) > 4 or m in ("May", "June", "July")],
}
_MONTH_ABBREVIATIONS = {
    lang: [m.rstrip(".") for m in months if m not in _FULL_MONTHS[lang]]
    for lang, months in _MONTHS.items()
}
_MONTH_WORD = {
    lang: _trie({*_FULL_MONTHS[lang], *(_fold(m) for m in _FULL_MONTHS[lang] if lang == "fr")})
    for lang in SUPPORTED_LANGUAGES
}
_MONTH_WORD_OR_ABBREVIATION = {
    lang: rf"(?:{_MONTH_WORD[lang]}|(?:{_trie(_MONTH_ABBREVIATIONS[lang])})\.)"
    for lang in SUPPORTED_LANGUAGES
}
_YEAR_AFTER = rf"(?:,?{_SP}+{_YEAR_4})?"
# A month with what places it: "mi-avril", "fin avril 2025", "early March",
# "last September", "septembre dernier". The year is optional here; without one
# the month needs a reference date and a word saying it is a time (_MONTH_CUE_RE).
_MONTH_PHRASE_RE = {
    "fr": re.compile(
        rf"(?<![\w{_HYPHENS}])(?:(?P<mod>[Dd]ébut|[Ff]in|[Cc]ourant){_SP}+"
        rf"|(?P<mid>[Mm]i)[{_HYPHENS}])?(?P<month>{_MONTH_WORD['fr']})(?![\w{_HYPHENS}])"
        rf"(?:{_SP}+{_YEAR_4}|{_SP}+(?P<rel>dernier|prochain)\b)?"
    ),
    "en": re.compile(
        rf"(?<![\w{_HYPHENS}])(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his){_SP}+)?"
        rf"(?:(?P<mod>[Ee]arly|[Ll]ate|[Ee]nd)(?:{_SP}+|[{_HYPHENS}])"
        rf"|(?P<mid>[Mm]id)(?:{_SP}+|[{_HYPHENS}]))?"
        rf"(?P<month>{_MONTH_WORD['en']})(?![\w{_HYPHENS}'’]){_YEAR_AFTER}"
    ),
}
# "début 2024", "fin 2023", "mi-2024", "early 2024", "late 2023", "mid-2024".
_MODIFIED_YEAR_RE = {
    "fr": re.compile(
        rf"(?<![\w{_HYPHENS}])(?:(?P<mod>[Dd]ébut|[Ff]in|[Cc]ourant){_SP}+|[Mm]i[{_HYPHENS}])"
        rf"{_YEAR_4}"
    ),
    "en": re.compile(
        rf"(?<![\w{_HYPHENS}])(?:[Ee]arly|[Ll]ate|[Mm]id|[Ee]nd)(?:{_SP}+|[{_HYPHENS}]){_YEAR_4}"
    ),
}
# The words that make a bare month name a time: "in September", "depuis mars",
# "by June", "between March and June". English "May" is also a verb and a name,
# so it needs one of the few words that can only introduce a month.
_MONTH_CUE_TEXT = {
    "fr": (
        "en", "depuis", "dès", "d'ici", "jusqu'en", "jusqu'à", "jusqu'au", "avant", "après",
        "pendant", "durant", "courant", "de", "d'", "entre", "vers", "mois de", "fin", "début",
        "à la mi", "à partir de", "au mois de",
    ),
    "en": (
        "in", "since", "by", "until", "till", "through", "from", "before", "after", "during",
        "between", "around", "end of", "beginning of", "start of", "middle of", "month of",
        "as of",
    ),
}  # fmt: skip
_MONTH_CUE_RE = {
    lang: re.compile(rf"(?<![\w'’])(?i:{_alternation(cues)})(?:{_SP}+|(?<=['’]))\Z")
    for lang, cues in _MONTH_CUE_TEXT.items()
}
_MAY_CUE_RE = re.compile(rf"(?<![\w'’])(?i:in|since|by){_SP}+\Z")
# The second month of a range: "between March and June", "de mars à juin".
_MONTH_RANGE_CUE_RE = {
    lang: re.compile(
        rf"(?<![\w{_HYPHENS}])(?:{_MONTH_WORD[lang]}){_SP}+(?i:and|to|or|through|until|et|à|ou|au)"
        rf"{_SP}+\Z"
    )
    for lang in SUPPORTED_LANGUAGES
}
# A day and month without a year: "le 3 mars", "le 1er juin dernier", "March 3",
# "3 March", "Sept. 3rd". A year after them is read by _DATE_WORDS_RE.
_DAY_MONTH_RE = {
    "fr": re.compile(
        rf"(?<![\w{_HYPHENS}.,])(?P<day>[0-9]{{1,2}}(?:er|ᵉʳ)?|premier|1ᵉʳ){_SP}+"
        rf"(?P<month>{_MONTH_WORD_OR_ABBREVIATION['fr']})(?![\w{_HYPHENS}])(?!{_SP}*[0-9])"
        rf"(?:{_SP}+(?P<rel>dernier|prochain)\b)?"
    ),
    "en": re.compile(
        rf"(?<![\w{_HYPHENS}.,])(?:(?P<month>{_MONTH_WORD_OR_ABBREVIATION['en']}){_SP}+"
        rf"(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?"
        rf"|(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?{_SP}+(?:of{_SP}+)?"
        rf"(?P<month2>{_MONTH_WORD_OR_ABBREVIATION['en']}))"
        rf"(?![\w{_HYPHENS}'’]|[.,]?[0-9])(?!,?{_SP}*[0-9])"
    ),
}
# How far ahead of the reference date a month or day named without a year may
# lie; the year before is taken otherwise. News reports what happened far more
# than what will: a November article's "In February, a child died" is the
# February just past, nine months back, not the one three months ahead. What
# is announced ahead is near and usually has its day ("son assemblée générale,
# le 17 avril", written in January), so a day may lie a little further ahead
# than a bare month. Each allows one occurrence a year, so every month and
# day has exactly one reading.
_MONTHS_AHEAD = 2
_DAYS_AHEAD = datetime.timedelta(days=92)
_YEAR = datetime.timedelta(days=366) - _DAYS_AHEAD

_PUNCTUATION = r"[\s.,;:!?()\[\]\"«»“”‘’'…–—\-]"
_FILLER_RE = re.compile(
    rf"(?:{_PUNCTUATION}|(?<![^\W\d_])(?i:{_alternation(_FILLER_WORDS)})(?![^\W\d_]))*"
)


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def parse_value(
    text: str, language: str = "fr", *, reference: datetime.date | None = None
) -> ParsedValue | None:
    """The one value a short phrase states, or None.

    Meant for a field a person fills in ("2021", "troisième", "0,14 $ / M tokens"),
    so it trusts the phrase more than :func:`find_values` trusts prose: a lone
    plausible year is a year, a lone ordinal word a rank, a lone "3" a quantity,
    and with a ``reference`` date a lone month ("septembre") is a month.
    The whole phrase must be the value: only articles, prepositions, punctuation
    and words that frame a rank ("3rd overall") may stand around it. A phrase
    stating two values ("450 $ en 19 heures") or none gives None, and so does
    anything that is not a string in a supported language: this never raises.
    ``reference`` is as for :func:`find_values`.
    """
    lang = _language(language)
    if lang is None or not isinstance(text, str) or len(text) > MAX_VALUE_LENGTH:
        return None
    values = _scan(text, lang, loose=True, reference=_reference(reference))
    if len(values) != 1:
        return None
    value = values[0]
    if not (_is_filler(text[: value.start]) and _is_filler(text[value.end :])):
        return None
    return value


def find_values(
    text: str, language: str = "fr", *, reference: datetime.date | None = None
) -> list[ParsedValue]:
    """Every value in running text, in order and non-overlapping, with exact spans.

    Built for whole articles and for suggesting claims from them, so it is
    conservative: small bare numbers ("les 3 plus grands") and numbers in names
    ("DALL-E 3", "R1") are skipped, an ordinal word like "premier" needs "place"
    or a verb such as "classé" to count as a rank, while a year standing alone
    ("Fondée en 2021") is a date. Bad input gives an empty list, never an error.

    ``reference`` is the date the text speaks from, usually its publication
    date. Only with it are dates without a year read ("in September", "depuis
    mars", "le 3 mars", "March 3"): they take the latest occurrence of that
    month at most two months after the reference (of that day, at most three
    months after), since news looks back far more than ahead, or the one
    before or after the reference for "last"/"dernier" and "next"/"prochain".
    Without it they are left out: guessing the year would state a false date.
    """
    lang = _language(language)
    if lang is None or not isinstance(text, str):
        return []
    return _scan(text, lang, loose=False, reference=_reference(reference))


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


def _reference(reference: object) -> datetime.date | None:
    """The reference as a date; a datetime gives its day, anything else counts as none."""
    if isinstance(reference, datetime.datetime):
        return reference.date()
    return reference if isinstance(reference, datetime.date) else None


def _scan(
    text: str, lang: str, *, loose: bool, reference: datetime.date | None = None
) -> list[ParsedValue]:
    if not text:
        return []
    candidates: list[ParsedValue] = []
    candidates.extend(_date_candidates(text, lang))
    candidates.extend(_month_candidates(text, lang, reference, loose=loose))
    candidates.extend(_year_candidates(text, lang))
    if reference is not None:
        candidates.extend(_day_candidates(text, lang, reference))
    candidates.extend(_number_candidates(text, lang, loose=loose))
    candidates.extend(_ordinal_word_candidates(text, lang, loose=loose))
    candidates.extend(_approximate_candidates(text, lang, loose=loose))
    candidates.extend(_number_word_candidates(text, lang, loose=loose))
    candidates.extend(_one_unit_candidates(text, lang, loose=loose))
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
    words = match.group("q")
    phrase = _fold(re.sub(r"\s+", " ", words))
    if phrase in _ACCENTED_ONLY_QUALIFIERS and phrase == words.lower():
        return start, Qualifier.EXACT, ""
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
    adjective = _fold(word) in _ADJECTIVES
    if adjective or (word[:1].islower() and not _is_plural(word)):
        # "80 principaux groupes", "three new factories", "3,400 wind turbines":
        # the noun comes after an adjective or a noun used as one.
        following = _NEXT_WORD_RE.match(text, match.end())
        noun = following.group("unit") if following else ""
        if (
            noun[:1].islower()
            and _is_plural(noun)
            and _fold(noun) not in _STOPWORDS
            and _fold(noun) not in _ADJECTIVES
            and _fold(noun) not in _ALL_MONTH_FORMS
        ):
            return noun.lower(), following.end()
        if adjective:
            return None  # "les 17 premiers ont": no noun, nothing counted
    unit = _unit_for(word)
    if unit is None:
        return None
    if any_noun or _is_acronym(word) or _is_plural(word):
        return unit, match.end()
    return None


def _is_plural(word: str) -> bool:
    """A plural as both languages mostly spell it, which tells a noun from an adjective or verb
    after a figure: "12 investisseurs" counts investors, "37B activated" counts nothing."""
    return len(word) > 2 and _fold(word)[-1] in "sx" and "-" not in word


def _currency_before(text: str, start: int) -> tuple[int, str] | None:
    match = _CURRENCY_BEFORE_RE.search(text, max(0, start - 6), start)
    if not match:
        return None
    if match.group("prefixed"):
        return match.start(), _CURRENCY_PREFIXED_SYMBOLS[match.group("prefixed")]
    if match.group("sym"):
        return match.start(), _CURRENCY_SYMBOLS[match.group("sym")]
    return match.start(), _CURRENCY_CODES[match.group("code")]


def _reads_as_money(text: str, match: re.Match[str], exponent: int) -> bool:
    """Whether a currency word after a figure names money.

    "livres" and "pounds" are also books and a weight: they count as money only
    after a scale word ("3 millions de livres", "£5m" has its sign anyway) and
    never before "of"/"de" or a word saying what was done with them
    ("200 pounds of beef", "3 millions de livres vendus").
    """
    word = match.group("word")
    if word is None or _fold(word) not in _POUND_WORDS:
        return True
    return exponent > 0 and not _NOT_POUNDS_AFTER_RE.match(text, match.end())


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
    jetons", "le million de tokens") or, for "a/an", a time, a share or a measure sold
    by it ("$20 a month", "€13 a share", "$80 a tonne").
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
    if prep in ("a", "an") and unit not in _A_RATE_UNITS:
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
    if _MERIDIEM_RE.match(text, pos):
        return None  # "11 p.m.": a time of day
    if _GROUP_CONTINUES_RE.search(text, max(0, start - 5), start):
        return None  # the "000" of "50/100 000", whose start the number regex refused
    if text[start - 1 : start] == "-" and _NAME_BEFORE_RE.search(text, max(0, start - 30), start):
        return None  # "Sky-T1-32B-Preview"
    number = _to_decimal(sign, int_part, frac)
    if number is None:
        return None
    plain = not sign and frac is None and int_part.isdigit()

    if plain and number > 0:
        if _month_before(text, start):
            return None  # "March 31", "Sept. 3rd" without a year: a date we cannot complete
        ordinal = _ORDINAL_SUFFIX_RE.match(text, pos)
        if ordinal:
            if _month_follows(text, ordinal.end()):
                return None  # "le 1er janvier" without a year: a date we cannot complete
            if _TIMES_AFTER_RE.match(text, ordinal.end()) or _SCORE_BEFORE_RE.search(
                text, max(0, start - 10), start
            ):
                # "pour la 18e fois", "la 78e minute", "(2-0, 11e)": an occurrence, no rank
                return None
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
    if currency is None:
        measured = _read_measure(text, start, pos, number, lang)
        if measured is not None:
            return measured
    if scale is None and pos < len(text) and (text[pos].isalnum() or text[pos] == "_"):
        glued = _GLUED_UNIT_RE.match(text, pos)
        if glued is None:
            return None  # "5G", "3D", "1e999": not a figure we can read
        unit = _UNIT_BY_FORM[glued.group().lower()]
        if unit == "hour" and _is_time_of_day(text, start, glued.end(), number):
            return None  # "dimanche à 21h"
        kind = ValueKind.DURATION if unit in _TIME_UNITS else ValueKind.QUANTITY
        return _qualified(text, span_start, glued.end(), kind, number=number, unit=unit)
    maybe_year = plain and exponent == 0 and len(int_part) == 4 and int(int_part) in YEAR_RANGE
    return _figure_after(
        text,
        lang,
        _Figure(
            span_start, start, pos, number, exponent, currency, plain=plain, maybe_year=maybe_year
        ),
        loose=loose,
    )


@dataclass(slots=True)
class _Figure:
    """A number read so far, in digits or in words, before what follows it decides what it is."""

    span_start: int  # where the value's text starts: a currency sign before the number
    start: int  # where the number starts
    pos: int  # where what follows the number starts
    number: Decimal
    exponent: int  # the scale word's power of ten, 0 without one
    currency: str | None  # from a sign before the number
    plain: bool = False  # digits only, no sign, decimals or groups
    maybe_year: bool = False  # four plain digits in YEAR_RANGE
    spelled: bool = False  # in words: it then needs something it counts
    approximate: bool = False  # "une dizaine de": "de" introduces what it counts


def _figure_after(text: str, lang: str, fig: _Figure, *, loose: bool) -> ParsedValue | None:
    """What a figure is, read from what follows it: an age, a share, money, a count of something."""
    start, pos, number = fig.start, fig.pos, fig.number
    if (
        fig.currency is None
        and _RATIO_JOINER_RE.search(text, max(0, start - 8), start)
        and _RATIO_BEFORE_RE[lang].search(text, max(0, start - 24), start)
    ):
        return None  # "1 in 10 people", "neuf fois sur dix": a proportion, no count
    age = _AGE_AFTER_RE.match(text, pos)
    if age and fig.currency is None:
        unit = _UNIT_BY_FORM[age.group("unit").lower()]
        return _qualified(text, start, age.end(), ValueKind.DURATION, number=number, unit=unit)
    rate = _HYPHEN_RATE_RE.match(text, pos)
    if rate and fig.currency is not None:
        # "£900-a-year", "$20-an-hour"
        unit = _UNIT_BY_FORM[rate.group("unit").lower()]
        return _qualified(
            text,
            fig.span_start,
            rate.end(),
            ValueKind.MONEY,
            number=number,
            currency=fig.currency,
            per=Decimal(1),
            unit=unit,
        )
    compound = _COMPOUND_UNIT_RE.match(text, pos)
    if compound and fig.currency is None:
        # "a 16-day heatwave", "a six-year contract", "a 37-word statement", "a
        # 300-page report"; not "a 24-hour day", which only restates its unit.
        unit = _known_unit(compound.group("unit"))
        if unit and not (unit in _TIME_UNITS and _time_unit_follows(text, compound.end())):
            kind = ValueKind.DURATION if unit in _TIME_UNITS else ValueKind.QUANTITY
            return _qualified(text, start, compound.end(), kind, number=number, unit=unit)
    if _NAME_AFTER_RE.match(text, pos):
        return None  # "7B-Instruct", "a 24-hour day": part of a name or a compound word

    if fig.exponent == 0 or fig.spelled:
        half = _AND_A_HALF_RE[lang].match(text, pos)
        if half:
            # "two and a half years", "deux millions et demi d'habitants"
            number += Decimal("0.5").scaleb(fig.exponent)
            pos = half.end()

    currency = fig.currency
    if currency is None:
        percent = _PERCENT_RE.match(text, pos)
        if percent:
            unit = "percentage point" if percent.group("points") else "%"
            return _qualified(
                text, start, percent.end(), ValueKind.PERCENTAGE, number=number, unit=unit
            )
        after = _CURRENCY_AFTER_RE.match(text, pos)
        if after and _reads_as_money(text, after, fig.exponent):
            currency, pos = _currency_after(after), after.end()

    if currency is not None:
        fields: dict[str, Any] = {"number": number, "currency": currency}
        rate = _read_rate(text, pos, lang)
        if rate:
            fields["per"], fields["unit"], pos = rate
        return _qualified(text, fig.span_start, pos, ValueKind.MONEY, **fields)

    unit_match = _UNIT_AFTER_RE.match(text, pos)
    if unit_match:
        word = unit_match.group("unit")
        if _fold(word) in _ALL_MONTH_FORMS:
            return None  # "14 février" without a year: a date we cannot complete
        if (
            unit_match.group("of")
            and not fig.exponent
            and not fig.approximate
            and abs(number) < 1_000_000
        ):
            # "2 000 de ces GPU": "de" introduces what is counted only after a
            # scale word or a round figure ("2 000 000 d'utilisateurs").
            unit_match = None
        elif fig.maybe_year and not (_is_known_unit(word) or _is_acronym(word)):
            unit_match = None  # "En 2021 naissait DeepSeek": the word is not what 2021 counts
    read = _read_unit(text, unit_match, any_noun=abs(number) < 2) if unit_match else None
    if read:
        unit, end = read
        if unit == "hour" and _CLOCK_AFTER_RE.match(text, end):
            return None  # "19 h 30" is a time of day, not a duration
        if unit == "hour" and _is_time_of_day(text, start, end, number):
            return None  # "à 20 heures ce soir"
        if _SOURCE_AFTER_RE.match(text, end) or unit == "source":
            return None  # "two people familiar with the matter" counts sources, not news
        if unit in _TIME_UNITS:
            half = _ET_DEMI_RE.match(text, end)
            if half:
                number, end = number + Decimal("0.5"), half.end()  # "deux ans et demi"
            old = _OLD_AFTER_RE.match(text, end)
            return _qualified(
                text, start, old.end() if old else end, ValueKind.DURATION, number=number, unit=unit
            )
        return _qualified(text, start, end, ValueKind.QUANTITY, number=number, unit=unit)

    aged = _AGED_BEFORE_RE.search(text, max(0, start - 16), start)
    if aged and fig.exponent == 0 and 0 < number < 130:
        return _qualified(text, aged.start(), pos, ValueKind.DURATION, number=number, unit="year")
    if (
        lang == "en"
        and fig.plain
        and 10 <= number < 120
        and _AGE_APPOSITION_BEFORE_RE.search(text, max(0, start - 40), start)
        and _AGE_APPOSITION_AFTER_RE.match(text, pos)
    ):
        # "Bernard Arnault, 75, presents": an age, as English news gives it after a name.
        return _make(text, start, pos, ValueKind.DURATION, number=number, unit="year")
    if fig.spelled:
        # A number in words counts something only when it says what: "trois usines",
        # "eight of the top ten", "two million".
        if (
            loose
            or fig.exponent
            or _PARTITIVE_AFTER_RE.match(text, pos)
            or _DONT_BEFORE_RE.search(text, max(0, start - 8), start)  # "dont deux graves"
        ):
            return _qualified(text, start, pos, ValueKind.QUANTITY, number=number)
        return None
    if fig.exponent == 0 and _looks_like_name(text, start):
        return None  # "DALL-E 3", "GPT 4": part of a product name
    if (
        lang == "fr"
        and fig.plain
        and 1 <= number <= 31
        and _DAY_ARTICLE_BEFORE_RE.search(text, max(0, start - 4), start)
    ):
        return None  # "entre le 23 et le 29 mars", "du 10 au 13": a day, its month further on
    if fig.maybe_year:
        reading = _year_or_count(text, start, pos)
        if reading == "year":
            year_date = datetime.date(int(number), 1, 1)
            return _dated(text, start, pos, year_date, DatePrecision.YEAR)
        if reading == "decade":
            return None
    if not loose and fig.exponent == 0:
        if fig.plain and number < 10:
            return None  # "les 3 plus grands": too small and bare to be worth checking
        if _follows_capitalised_word(text, start):
            return None  # "Windows 11", "Ligue 1": a name with a number in it
    return _qualified(text, start, pos, ValueKind.QUANTITY, number=number)


def _time_unit_follows(text: str, pos: int) -> bool:
    following = _TIME_UNIT_AFTER_RE.match(text, pos)
    return bool(following) and _UNIT_BY_FORM.get(following.group("unit").lower()) in _TIME_UNITS


def _read_measure(
    text: str, start: int, pos: int, number: Decimal, lang: str
) -> ParsedValue | None:
    """A measure right after a figure: "1,5 °C", "4 000 ha", "20MW", "35 Mt"."""
    measure = _MEASURE_RE.match(text, pos)
    if measure is None:
        return None
    unit, exponent = _measure_unit(measure, number, lang)
    number = _scaled(number, exponent)
    return _qualified(text, start, measure.end(), ValueKind.QUANTITY, number=number, unit=unit)


def _measure_unit(match: re.Match[str], number: Decimal, lang: str) -> tuple[str, int]:
    """The canonical unit and power of ten of a measure _MEASURE_RE read after ``number``."""
    if match.group("symbol"):
        return _MEASURE_SYMBOLS[re.sub(r"\s+", " ", match.group("symbol"))]
    if match.group("word"):
        return _MEASURE_WORDS[_fold(re.sub(r"\s+", " ", match.group("word")))]
    if lang == "fr" and number not in _ANGLES:
        return "degree Celsius", 0
    return "degree", 0


def _is_time_of_day(text: str, start: int, end: int, number: Decimal) -> bool:
    """Whether "N heures" names the hour of the day rather than a duration: after "à" or
    "vers" ("à 20 heures", but not "à 19 heures de route"), or opening a span of hours
    ("de 20h à 6h")."""
    if not 0 <= number <= 24:
        return False
    if _FROM_HOUR_BEFORE_RE.search(text, max(0, start - 4), start) and _TO_HOUR_AFTER_RE.match(
        text, end
    ):
        return True
    return _AT_HOUR_BEFORE_RE.search(
        text, max(0, start - 12), start
    ) is not None and not _OF_AFTER_RE.match(text, end)


def _month_before(text: str, start: int) -> bool:
    """Whether an English month name stands right before: "March 31", "on May 5"."""
    return _MONTH_BEFORE_RE["en"].search(text, max(0, start - 12), start) is not None


def _month_follows(text: str, pos: int) -> bool:
    following = _NEXT_WORD_RE.match(text, pos)
    return bool(following) and _fold(following.group("unit")) in _ALL_MONTH_FORMS


def _looks_like_name(text: str, start: int) -> bool:
    """Whether the word before a bare number makes it part of a name ("DALL-E 3").

    Product names carry hyphens, digits or several capitals; ordinary words do not.
    """
    previous = _PREVIOUS_TOKEN_RE.search(text, max(0, start - 30), start)
    return bool(previous) and _NAME_TOKEN_RE.search(previous.group("token")) is not None


def _after_capitalised(text: str, start: int) -> bool:
    """Whether the word right before is capitalised, wherever it stands: "Theresa May"."""
    previous = _PREVIOUS_TOKEN_RE.search(text, max(0, start - 30), start)
    return bool(previous) and previous.group("token")[0].isupper()


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
    if _DECADE_BEFORE_RE.search(text, max(0, start - 10), start) or _DECADE_AFTER_RE.match(
        text, end
    ):
        return "decade"  # "les années 2020", "the 1980's"
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


def _month_number(word: str, lang: str) -> int:
    key = word.rstrip(".")
    for form, number in _MONTHS[lang].items():
        if form.rstrip(".") == key or _fold(form.rstrip(".")) == _fold(key):
            return number
    raise KeyError(word)


def _month_candidates(
    text: str, lang: str, reference: datetime.date | None, *, loose: bool
) -> list[ParsedValue]:
    """Months placed by a modifier or a reference date: "mi-avril 2025", "fin avril",
    "early March", "last September", "septembre dernier", "en décembre".

    With a year the month is read as it stands ("mid-April 2025"); without one
    only with a reference date, and only where a word says it is a time, since
    "March" and "May" are also a verb, "mai" and "Mars" a name.
    """
    found = []
    for match in _MONTH_PHRASE_RE[lang].finditer(text):
        month = _month_number(match.group("month"), lang)
        mod, mid, rel = match.group("mod"), match.group("mid"), match.group("rel")
        year = match.group("year")
        if year:
            if not (mod or mid) or int(year) not in YEAR_RANGE:
                continue  # a plain "avril 2025" is _date_candidates' reading
            date = datetime.date(int(year), month, 1)
        else:
            if reference is None:
                continue
            if not (mod or mid or rel or loose) and not _month_cued(text, match, lang):
                continue
            if match.group("month") == "May" and rel and rel.lower() == "this":
                continue  # "May" only after the few words that cannot precede the verb
            direction = _direction(rel)
            date = _nearest_month(month, reference, direction)
            if date is None:
                continue
        found.append(_dated(text, match.start(), match.end(), date, DatePrecision.MONTH))
    return found


def _month_cued(text: str, match: re.Match[str], lang: str) -> bool:
    """Whether a word before a bare month name makes it a time: "in September", "depuis mars"."""
    start = match.start()
    if match.group("month") == "May":
        return _MAY_CUE_RE.search(text, max(0, start - 8), start) is not None
    return (
        _MONTH_CUE_RE[lang].search(text, max(0, start - 16), start) is not None
        or _MONTH_RANGE_CUE_RE[lang].search(text, max(0, start - 20), start) is not None
    )


def _direction(relative: str | None) -> int:
    """-1 for "last"/"dernier", +1 for "next"/"prochain", 0 for the nearest."""
    if not relative:
        return 0
    word = relative.lower()
    return -1 if word in ("last", "dernier") else 1 if word in ("next", "prochain") else 0


def _nearest_month(month: int, reference: datetime.date, direction: int) -> datetime.date | None:
    """The first day of the occurrence of ``month`` that ``direction`` picks around the reference:
    the one before it ("last September"), after it ("next June"), or the latest one at
    most _MONTHS_AHEAD months ahead ("in September")."""
    here = reference.year * 12 + reference.month - 1
    options = [year * 12 + month - 1 for year in range(reference.year - 1, reference.year + 2)]
    if direction < 0:
        chosen = max(o for o in options if o < here)
    elif direction > 0:
        chosen = min(o for o in options if o > here)
    else:
        chosen = max(o for o in options if o <= here + _MONTHS_AHEAD)
    year, month_index = divmod(chosen, 12)
    if year not in YEAR_RANGE:
        return None
    return datetime.date(year, month_index + 1, 1)


def _year_candidates(text: str, lang: str) -> list[ParsedValue]:
    """A year with what places it in the year: "début 2024", "fin 2023", "early 2024",
    "late 2023", "mid-2024". The year is what is stated, so it is a year."""
    found = []
    for match in _MODIFIED_YEAR_RE[lang].finditer(text):
        year = int(match.group("year"))
        if year in YEAR_RANGE:
            date = datetime.date(year, 1, 1)
            found.append(_dated(text, match.start(), match.end(), date, DatePrecision.YEAR))
    return found


def _day_candidates(text: str, lang: str, reference: datetime.date) -> list[ParsedValue]:
    """Days without a year, dated by the reference: "le 3 mars", "le 1er juin", "March 3"."""
    found = []
    for match in _DAY_MONTH_RE[lang].finditer(text):
        groups = match.groupdict()
        month_word = groups["month"] or groups.get("month2")
        day_word = groups["day"] or groups.get("day2")
        if month_word == "May" and _after_capitalised(text, match.start()):
            continue  # "Theresa May 5 times"
        day = (
            1
            if _fold(day_word).startswith(("premier", "1")) and not day_word[1:2].isdigit()
            else None
        )
        day = day or int(re.match(r"[0-9]+", day_word).group())
        date = _nearest_day(
            _month_number(month_word, lang), day, reference, _direction(groups.get("rel"))
        )
        if date is not None:
            found.append(_dated(text, match.start(), match.end(), date, DatePrecision.DAY))
    return found


def _nearest_day(
    month: int, day: int, reference: datetime.date, direction: int
) -> datetime.date | None:
    """The occurrence of a day and month that ``direction`` picks around the reference, as
    for months but at most _DAYS_AHEAD ahead; None for a day the month does not have
    ("31 avril") and for 29 February outside the leap year around the reference."""
    options = []
    for year in range(reference.year - 1, reference.year + 2):
        try:
            options.append(datetime.date(year, month, day))
        except ValueError:
            continue  # 29 February outside leap years, "31 avril"
    if direction < 0:
        before = [o for o in options if o < reference]
        chosen = max(before) if before else None
    elif direction > 0:
        after = [o for o in options if o > reference]
        chosen = min(after) if after else None
    else:
        near = [o for o in options if reference - o < _YEAR and o - reference <= _DAYS_AHEAD]
        chosen = max(near) if near else None
    return chosen if chosen is not None and chosen.year in YEAR_RANGE else None


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
    for match in _ORDINAL_WORD_RE[lang].finditer(text):
        if match.group("numero"):
            number = _CARDINALS[lang][_lower_first(_spaced(match.group("cardinal")))]
        else:
            number = _ORDINAL_WORDS[lang][_lower_first(_spaced(match.group("word")))]
            noun = match.groupdict().get("noun")
            if noun and noun in _NOT_RANKED_NOUNS:
                continue  # "la seconde guerre mondiale"
            cue = _RANK_CUE_RE.search(text, max(0, match.start() - 30), match.start()) or (
                # "Le Tampon, deuxième avec 800 cas", "Portugal, second on the list"
                number > 1
                and _COMMA_BEFORE_RE.search(text, max(0, match.start() - 3), match.start())
                and _APPOSITION_AFTER_RE.match(text, match.end())
            )
            if not (loose or match.group("tail") or cue):
                continue
        found.append(
            _make(text, match.start(), match.end(), ValueKind.RANK, number=Decimal(number))
        )
    return found


def _spaced(words: str) -> str:
    """A phrase with its runs of spaces as single spaces and straight apostrophes."""
    return re.sub(r"\s+", " ", words).replace("’", "'")


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:]


def _number_word_candidates(text: str, lang: str, *, loose: bool) -> list[ParsedValue]:
    """Counts in words: "trois usines", "vingt-cinq salariés", "two million people",
    "eight of the top ten", "trois milliards de dollars".

    What follows is read as after digits, but a number in words must say what it
    counts (a noun, "of the", "des") unless a scale word makes it a figure on its
    own ("two million"). Capitalised inside a sentence it is a name ("the Big
    Four"); before a hyphen it is a compound ("two-thirds", "a five-year deal")
    unless it states an age ("a five-year-old").
    """
    found = []
    for run in _NUMBER_WORDS_RE[lang].finditer(text):
        start = run.start()
        if text[start].isupper() and not _opens_sentence(text, start):
            continue
        if lang == "fr" and _POUR_BEFORE_RE.search(text, max(0, start - 8), start):
            continue  # the "cent" of "pour cent"
        if _TOP_BEFORE_RE.search(text, max(0, start - 8), start):
            continue  # "the top ten": which group, not how many
        read = _words_value(text, run, lang)
        if read is None:
            continue
        number, end, exponent = read
        if not exponent and _DEFINITE_BEFORE_RE.search(text, max(0, start - 8), start):
            continue  # "the two tycoons", "entre les deux tours": a set already named
        fig = _Figure(start, start, end, Decimal(number), exponent, None, spelled=True)
        value = _figure_after(text, lang, fig, loose=loose)
        if value is not None:
            found.append(value)
    return found


def _words_value(text: str, run: re.Match[str], lang: str) -> tuple[int, int, int] | None:
    """The number a run of number words states, where it ends and its largest scale.

    Groups below a thousand ("deux cent cinquante", "two hundred and fifty"),
    each optionally times a scale word, in decreasing scale: "trois millions cinq
    cent mille". Reading stops at the first word that does not continue the
    number, so "two three-year terms" is two.
    """
    tokens = []
    for atom in _NUMBER_ATOM_RE[lang].finditer(text, run.start(), run.end()):
        word = _lower_first(_spaced(atom.group()))
        if word in _CARDINALS[lang]:
            tokens.append(("n", _CARDINALS[lang][word], atom.end()))
        elif word in _HUNDRED_WORDS[lang]:
            tokens.append(("hundred", 100, atom.end()))
        elif word in _WORD_SCALES[lang]:
            tokens.append(("scale", _WORD_SCALES[lang][word], atom.end()))
    total, end, top_exponent, last_exponent, i = 0, run.start(), 0, 99, 0
    while i < len(tokens):
        kind, value, token_end = tokens[i]
        if kind == "n":
            group, i, end = value, i + 1, token_end
            if i < len(tokens) and tokens[i][0] == "hundred" and group < 10:
                group, end, i = group * 100, tokens[i][2], i + 1
                if i < len(tokens) and tokens[i][0] == "n":
                    group, end, i = group + tokens[i][1], tokens[i][2], i + 1
        elif kind == "hundred" and lang == "fr" and i == 0:
            group, i, end = 100, i + 1, token_end  # "cent personnes"
            if i < len(tokens) and tokens[i][0] == "n":
                group, end, i = group + tokens[i][1], tokens[i][2], i + 1
        else:
            break
        if i < len(tokens) and tokens[i][0] == "scale" and tokens[i][1] < last_exponent:
            last_exponent = tokens[i][1]
            top_exponent = max(top_exponent, last_exponent)
            total += group * 10**last_exponent
            end, i = tokens[i][2], i + 1
            continue
        total += group
        break
    if total < 2 and not top_exponent:
        return None
    return total, end, top_exponent


def _approximate_candidates(text: str, lang: str, *, loose: bool) -> list[ParsedValue]:
    """ "une dizaine de blessés" is about 10, "a dozen countries" about 12, "half a dozen"
    about 6; "a million people" is exactly a million."""
    found = []
    for match in _APPROXIMATE_RE[lang].finditer(text):
        groups = match.groupdict()
        approx = groups["approx"]
        halved = bool(groups.get("half") and groups["half"][0] in "Hh")
        if groups.get("half_scale"):
            number, exponent = Decimal("0.5"), _WORD_SCALES["fr"][groups["half_scale"]]
        elif groups.get("the_scale"):
            number, exponent = Decimal(1), _WORD_SCALES["fr"][groups["the_scale"]]
        elif approx:
            number, exponent = Decimal(_APPROXIMATE_COUNTS[approx]), 0
            if halved:
                number /= 2  # "half a dozen"
            if (
                lang == "fr"
                and groups["of"] is None
                and not _DONT_BEFORE_RE.search(text, max(0, match.start() - 8), match.start())
            ):
                continue  # "dans une quinzaine": a fortnight; "dont une quinzaine" counts
        else:
            number = Decimal("0.5") if halved else Decimal(1)  # "half a billion"
            exponent = _WORD_SCALES["en"][groups["exact"]]
        if groups.get("scale"):
            exponent = _WORD_SCALES[lang][groups["scale"]]
        fig = _Figure(
            match.start(),
            match.start(),
            match.end(),
            _scaled(number, exponent),
            exponent,
            None,
            spelled=True,
            approximate=True,
        )
        value = _figure_after(text, lang, fig, loose=loose)
        if value is None:
            continue
        if approx and value.qualifier == Qualifier.EXACT:
            value = replace(value, qualifier=Qualifier.ABOUT)
        found.append(value)
    return found


def _one_unit_candidates(text: str, lang: str, *, loose: bool) -> list[ParsedValue]:
    """One of a time unit: "en une semaine", "un an", "a year old", "in one month".

    "un", "une", "one" and "a" are also articles, so in prose they count only
    where they plainly mean one: after "en", "in", "pendant"..., in "un an"
    (nobody writes it for "a year" in general) and in an age ("a year old").
    """
    found = []
    for match in _ONE_UNIT_RE[lang].finditer(text):
        one, unit_word = _fold(match.group("one")), _fold(match.group("unit"))
        old = match.group("old")
        if one in ("a", "an"):
            if not old:
                continue
        elif not (
            loose
            or old
            or unit_word == "an"
            or _ONE_CUE_RE.search(text, max(0, match.start() - 12), match.start())
        ):
            continue
        if _RELATIVE_AFTER_RE.match(text, match.end()):
            continue  # "un an plus tôt", "one year later": when, not how long
        number, end = Decimal(1), match.end()
        half = _ET_DEMI_RE.match(text, end)
        if half and not old:
            number, end = Decimal("1.5"), half.end()  # "un an et demi"
        found.append(
            _qualified(
                text,
                match.start(),
                end,
                ValueKind.DURATION,
                number=number,
                unit=_UNIT_BY_FORM[unit_word],
            )
        )
    return found


def _opens_sentence(text: str, start: int) -> bool:
    return _SENTENCE_END_RE.search(text, max(0, start - 4), start) is not None


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


_TEMPERATURE_UNITS = {
    "degree Celsius": "temperature-celsius",
    "degree Fahrenheit": "temperature-fahrenheit",
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


_LETTER_SYMBOL_BEFORE_FIGURE_RE = re.compile(r"^([^\W\d_]+)(?=[-−0-9])")


def _format_currency(number: Decimal, currency: str, lang: str, *, cents: bool = True) -> str:
    """babel's currency format, keeping every decimal the figure has.

    Whole amounts drop the ".00" ("$450"), and so does the figure before a
    scale word ("$2.5 billion"); otherwise cents show ("$7.50").
    """
    pattern = Locale.parse(lang).currency_formats["standard"].pattern
    if not cents or number == number.to_integral_value():
        pattern = pattern.replace(".00", "")
    formatted = format_currency(
        number,
        currency,
        format=pattern,
        locale=lang,
        currency_digits=False,
        decimal_quantization=False,
    )
    # CLDR's currency spacing, which babel leaves out: a symbol made of letters
    # does not touch the figure ("CHF 5", not "CHF5").
    return _LETTER_SYMBOL_BEFORE_FIGURE_RE.sub("\\1\u00a0", formatted)


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
    if value.unit in _TEMPERATURE_UNITS:
        # "1.5°C", "1,5 °C": the symbol is how both presses write a temperature.
        return format_unit(number, _TEMPERATURE_UNITS[value.unit], length="short", locale=lang)
    if value.kind == ValueKind.DURATION and value.unit in _TIME_UNITS:
        formatted = format_unit(number, f"duration-{value.unit}", length="long", locale=lang)
        # CLDR has "19 heures" with a no-break space but "62 ans" with a plain
        # one; French keeps every figure on the line of its unit.
        return formatted.replace(" ", _NUMBER_SPACE[lang]) if lang == "fr" else formatted
    if value.kind == ValueKind.MONEY:
        amount = _format_money(number, value.currency, lang)
        if value.per is not None and value.unit:
            amount += " " + _format_rate(value.per, value.unit, lang)
        return amount
    return _format_quantity(number, value.unit, lang)


def unit_name(unit: str, language: str) -> str:
    """A stored unit's singular name in ``language`` ("jeton" for "token"), else as stored."""
    names = _UNIT_NAMES.get(language.split("-")[0], _UNIT_NAMES["en"])
    return names.get(unit, (unit, unit))[0]


def unit_code(word: str) -> str:
    """The stored name of a unit written in French or English ("jetons" → "token").

    A word the vocabulary does not know is kept as written, spaces tidied.
    """
    word = " ".join(word.split())
    return _UNIT_BY_FORM.get(word.lower()) or _UNIT_BY_FORM.get(_fold(word)) or word
