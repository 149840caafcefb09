"""Suggest the checkable claims of a news article, best first.

A fact-checker reading an article looks for sentences that state something a
source could confirm or refute: a figure (amount, percentage, count, date,
duration, rank), a comparison ("outperforms", "moins cher que") or a statement
attributed to someone ("selon", "according to"). This module finds them:

1. :func:`split_sentences` cuts the text into sentences by rule, for French and
   English: titles and abbreviations ("M.", "Dr.", "U.S.", "p. 12") and decimals
   ("0,14", "7.50") do not end a sentence, a line break always does. Rules
   rather than pySBD: its last release dates from 2021, its character offsets
   have been wrong in reported cases, and the workbench needs exact offsets
   and speed on whole articles.
2. :func:`suggest` reads every figure once with :func:`claims.values.find_values`
   (the same parser the forms use), gives each sentence's figures a guessed
   subject (a known subject or alias near the figure, else a proper noun) and
   property (cue words, from small per-language tables of everyday news
   vocabulary, mapped to the property vocabulary's codes), and scores how
   worth checking each one is. Sentences without a figure are suggested when
   they compare or attribute.
3. :func:`suggestions_for` does the same for a stored source and leaves out
   what is already claimed (overlapping an appearance) or was dismissed.

The tables are written for news text in general, never for one article.
The function is pure apart from the subject lookup it is given, so it can be
tested and timed without a database.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from django.core.cache import cache

from claims.choices import DatePrecision, Qualifier, ValueKind
from claims.models import normalise_name
from claims.newswords import fold
from claims.properties import (
    BY_CODE,
    CHANGES,
    COUNTS,
    FALLBACK,
    SUBJECT_TYPES,
    VOCABULARY,
    WEIGHTS,
    PropertySpec,
)
from claims.reading import Entity, Reader
from claims.values import (
    SUPPORTED_LANGUAGES,
    ParsedValue,
    find_values,
    parse_value,
    to_claim_fields,
)

if TYPE_CHECKING:
    from claims.models import Source

COMPARISON = "comparison"
ATTRIBUTION = "attribution"


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in text.split())


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


# Titles before a name: never the end of a sentence.
_TITLES = {
    "fr": _words("m mm mme mmes mlle mlles me mgr dr pr st ste sr gal gén col cdt lt cne"),
    "en": _words("mr mrs ms messrs dr prof st sr gen col lt sgt capt cpt gov sen rep rev hon"),
}
# Abbreviations that do not end a sentence whatever follows.
_ALWAYS = {
    "fr": _words("cf vs av apr ex coll dir trad resp éd"),
    "en": _words("cf vs eg ie approx viz al"),
}
# Abbreviations before a number: "p. 12", "n. 5", "janv. 2025", "env. 450".
_BEFORE_NUMBER = _words(
    "no n nº p pp art vol ch chap fig tab éd ed env approx ca nr op tél tel "
    "janv févr fév avr juil sept oct nov déc jan feb mar apr jun jul aug sep dec"
)
# "Inc.", "Jr." and dotted acronyms ("U.S.") end a sentence only when a word
# that usually opens one follows.
_AMBIGUOUS = _words("inc corp ltd co jr bros cie sa")
_STARTERS = {
    "fr": _words(
        "le la les l un une des il elle ils elles on nous vous je ce cet cette ces c mais "
        "et or donc selon en au aux dans pour par sur depuis après avant cependant pourtant "
        "toutefois ainsi alors de du d son sa ses leur leurs quant si lors malgré face outre "
        "enfin aujourd d'après"
    ),
    "en": _words(
        "the a an it he she they we i you this that these those but and or so in on at for "
        "by from after before however yet still its his her their our as if when while "
        "according meanwhile since although though there here what who"
    ),
}
_CLOSERS = "»”\"’')]"
_OPENERS = "«“\"'‘([¡¿–—-"
_BOUNDARY_RE = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]?[»”\"’')\]])*(?=\s)")
_NEXT_WORD_RE = re.compile(r"\s+(\S+)")
_WORD_BEFORE_RE = re.compile(r"(?:\w+\.)*\w+\Z")
_LINE_RE = re.compile(r"[^\n]+")
_DOTTED_ACRONYM_RE = re.compile(r"(?:\w\.)+\w")


def _lang(language: str) -> str | None:
    code = (language or "").replace("_", "-").split("-")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else None


# Words a sentence never ends on: a pause after them ("face à… Liverpool") goes on.
_CANNOT_END = {
    "fr": frozenset(
        [
            "a",
            "à",
            "au",
            "aux",
            "de",
            "du",
            "des",
            "d",
            "le",
            "la",
            "les",
            "l",
            "un",
            "une",
            "et",
            "ou",
            "mais",
            "avec",
            "pour",
            "par",
            "sur",
            "dans",
            "en",
            "face",
            "contre",
            "chez",
            "vers",
            "que",
            "qu",
        ]
    ),
    "en": frozenset(
        [
            "a",
            "an",
            "the",
            "of",
            "to",
            "at",
            "in",
            "on",
            "by",
            "for",
            "with",
            "and",
            "or",
            "but",
            "against",
            "than",
        ]
    ),
}


def _ends_sentence(
    text: str, line_start: int, mark: re.Match[str], following: str, lang: str
) -> bool:
    """Whether the punctuation ``mark``, followed by the word ``following``, ends a sentence."""
    first = following[:1]
    if first.isalpha() and first.islower():
        return False
    if mark.group().startswith(("…", "...")):
        # "face à… Liverpool": a pause after a word that cannot end a sentence.
        before = _WORD_BEFORE_RE.search(text, max(line_start, mark.start() - 24), mark.start())
        return not (before is not None and _fold(before.group()) in _CANNOT_END[lang])
    if not mark.group().startswith(".") or mark.group().rstrip(_CLOSERS + " \u00a0\u202f") != ".":
        return True  # "!", "?"
    before = _WORD_BEFORE_RE.search(text, max(line_start, mark.start() - 24), mark.start())
    if before is None:
        return True
    token = before.group()
    folded = _fold(token)
    if folded in _TITLES[lang] or folded in _ALWAYS[lang]:
        return False
    if first.isdigit() and folded in _BEFORE_NUMBER:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. K. Rowling"
    if folded in _AMBIGUOUS or _DOTTED_ACRONYM_RE.fullmatch(token):
        return _fold(following.strip("«“\"'(,")) in _STARTERS[lang]
    return True


def _starts_word(token: str) -> bool:
    return token[:1].isalnum() or token[:1] in _OPENERS


def split_sentences(text: str, language: str = "fr") -> list[Sentence]:
    """The sentences of a text, as trimmed spans; a line break always ends one."""
    lang = _lang(language) or "en"
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_LINE_RE.finditer(text)):
        line_start, line_end = line.span()
        start = line_start
        for mark in _BOUNDARY_RE.finditer(text, line_start, line_end):
            end = mark.end()
            following = _NEXT_WORD_RE.match(text, end, line_end)
            # Emoji and symbols after the mark still belong to its sentence.
            while following is not None and not _starts_word(following.group(1)):
                end = following.end()
                following = _NEXT_WORD_RE.match(text, end, line_end)
            if following is None:
                continue
            if _ends_sentence(text, line_start, mark, following.group(1), lang):
                _add(sentences, text, start, end, paragraph)
                start = following.start(1)
        _add(sentences, text, start, line_end, paragraph)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, paragraph))


# --------------------------------------------------------------------------
# Cue words
# --------------------------------------------------------------------------


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-])(?:{pattern})(?!\w)", re.IGNORECASE)


_COMPARISON_RE = {
    "fr": _cue(
        r"surpass\w*|dépass\w*|devanc\w*|bat|battu\w*|battre|détrôn\w*|"
        r"(?:plus|moins|mieux|pire)\s+(?:\w+\s+){0,2}que|"
        r"(?:supérieur|inférieur)e?s?\s+à|deux\s+fois|\w+\s+fois\s+(?:plus|moins)|"
        r"comparé\w*\s+(?:à|aux?)|par\s+rapport\s+(?:à|aux?)|record\w*|"
        r"(?:le|la|les)\s+plus\s+\w+"
    ),
    "en": _cue(
        r"outperform\w*|surpass\w*|overt(?:ook|ake\w*)|beat|beats|beaten|"
        r"(?:more|less|fewer|better|worse|cheaper|faster|bigger|larger|higher|lower|"
        r"smaller|greater|stronger|weaker)\s+(?:\w+\s+){0,2}than|"
        r"\w+\s+times\s+(?:more|less|as)|compared\s+(?:with|to)|versus|vs|record\w*|"
        r"the\s+(?:most|least|largest|biggest|first|fastest|cheapest)"
    ),
}
_ATTRIBUTION_RE = {
    "fr": _cue(
        r"selon|d['’]après|a\s+déclaré|ont\s+déclaré|déclare\w*|affirm\w*|a\s+annoncé|"
        r"annonce|a\s+indiqué|indique|a\s+précisé|a\s+expliqué|explique|estim\w*|"
        r"a\s+assuré|assure|accus\w*|a\s+reconnu|reconnaît|suggér\w*|soutient|"
        r"a\s+soutenu|prétend\w*|a\s+confirmé|confirme|a\s+démenti"
    ),
    "en": _cue(
        r"according\s+to|said|says|stated|claim(?:s|ed)|told|announced|reported|"
        r"estimate[sd]?|argued|accus\w*|suggest\w*|insist\w*|confirmed|denied|admitted|"
        r"acknowledged|warned"
    ),
}
# Speculation makes a statement harder to check; a reported conditional
# ("aurait utilisé") is still checkable, so it is not here.
_HEDGE_RE = {
    "fr": _cue(r"pourrai\w*|pourront|peut-être|probablement|sans\s+doute|semble\w*|devrai\w*"),
    "en": _cue(r"could|might|(?-i:may)|perhaps|probably|seems?"),
}


# --------------------------------------------------------------------------
# What a figure measures
# --------------------------------------------------------------------------


@functools.cache
def _cue_table(lang: str) -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """One regex finding every cue of the vocabulary in a sentence, and each cue's
    own pattern to tell which properties a match names."""
    patterns = []
    alternatives = set()
    for spec in VOCABULARY:
        for cue in spec.cues.get(lang, ()):
            cue = cue.replace("'", "['’]")
            # A cue may say what must follow it ("by(?=\s+\d)": "by 2030", not "set up in
            # 2023 by its founder"); the matched words alone are then told apart without it.
            patterns.append((re.compile(_LOOKAROUND_RE.sub("", cue), re.IGNORECASE), spec.code))
            alternatives.add(cue)
    combined = "|".join(sorted(alternatives, key=lambda p: (-len(p), p)))
    return (
        # "l'impôt", "d'investir" are cues; "aujourd'hui" holds none.
        re.compile(rf"(?<![\w-])(?<!\w\w['’])(?:{combined})(?![\w-])", re.IGNORECASE),
        tuple(patterns),
    )


_LOOKAROUND_RE = re.compile(r"\(\?<?[=!][^()]*(?:\([^()]*\)[^()]*)*\)")


@functools.lru_cache(maxsize=8192)
def _codes_named(lang: str, cue: str) -> tuple[str, ...]:
    _combined, patterns = _cue_table(lang)
    return tuple(dict.fromkeys(code for pattern, code in patterns if pattern.fullmatch(cue)))


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    codes: tuple[str, ...]


def _cues(text: str, start: int, end: int, lang: str) -> list[_Cue]:
    combined, _patterns = _cue_table(lang)
    found = []
    for match in combined.finditer(text, start, end):
        if match.group()[:1].isupper() and _NAME_BEFORE_RE.search(text, start, match.start()):
            continue  # "Le Bon Marché", "Crédit Mutuel": a word of a name, not a cue
        codes = _codes_named(lang, match.group().casefold())
        if codes:
            found.append(_Cue(match.start(), match.end(), codes))
    return found


# A capitalised word (not the sentence's first) right before: the cue goes on a name.
_NAME_BEFORE_RE = re.compile(r"(?<=[\w,;:] )[A-Z][\w’'-]*[ \u00a0]\Z")
_WORD_RE = re.compile(r"\w+")
_HARD_BREAK_RE = re.compile(r"[;:—–()«»“”\"]")
# Words right before a percentage that make it a change ("rose 5 %", "en hausse de 5 %")
# or a level ("rose to 5 %", "a atteint 5 %").
_CHANGE_BEFORE = {
    "en": re.compile(
        r"(?:\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|grew|grow(?:s|n|ing)?|"
        r"increas\w*|decreas\w*|declin\w*|dropp\w*|drops?|jump\w*|climb\w*|gain\w*|lost|"
        r"los(?:e|es|ing)|slipp?\w*|slump\w*|plung\w*|soar\w*|surg\w*|tumbl\w*|shed|added|"
        r"up|down|cut|cuts|cutting|rais\w*|lower\w*|boost\w*|reduc\w*|higher|lower|more|"
        r"less|growth\s+of|increase\s+of|decline\s+of|drop\s+of|fall\s+of|rise\s+of|"
        r"wip(?:ed|es|ing)(?:\s+out)?|eras(?:ed|es|ing)|knock(?:ed|s|ing)?(?:\s+off)?|add(?:s|ing)|"
        r"loss\s+of|losses\s+of)"
        r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
        r"yesterday|today))?"
        r"(?:\s+(?:by|of|some|about|nearly|almost|around|more\s+than|over))*\s*)\Z",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"(?:\b(?:hausse|baisse|progression|recul|augmentation|diminution|chute|croissance|"
        r"repli|bond|progress\w*|recul\w*|augment\w*|diminu\w*|chut\w*|grimp\w*|baiss\w*|"
        r"bondi\w*|plong\w*|perdu|perd|gagn\w*|cédé|cède|pris|reculer|progresser|"
        r"envol\w*|effondr\w*|dévissé|abandonn\w*|réduction|réduit\w*|réduire|plus|moins|"
        r"partir\s+en\s+fumée|partis?\s+en\s+fumée|effac\w*|évapor\w*|pertes?\s+de|ajout\w*)"
        r"(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|vendredi\s+soir|"
        r"ce\s+(?:lundi|mardi|mercredi|jeudi|vendredi)|en\s+séance))?"
        r"(?:\s+(?:de|d['’]|d['’]environ|de\s+près\s+de|de\s+plus\s+de|environ|près\s+de))*"
        r"\s*)\Z",
        re.IGNORECASE,
    ),
}
# "8% more than", "40% fewer cases", "18 % de plus que", "en hausse"
_CHANGE_AFTER = {
    "en": re.compile(
        r"\s+(?:more|fewer|less|higher|lower|up|down|increase|decrease|rise|drop|fall|jump|"
        r"gain|decline|growth)\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\s+(?:de\s+plus|de\s+moins|en\s+plus|en\s+moins|en\s+hausse|en\s+baisse|"
        r"supplémentaires?)\b",
        re.IGNORECASE,
    ),
}
# Levels whose change has a property of its own: "wiped $593bn off its market value" is a
# change in market value, not a market value.
_HAS_CHANGE = {
    "market-value": "market-value-change",
    "revenue": "revenue-change",
    "profit": "profit-change",
    "net-worth": "net-worth-change",
    "share-price": "share-price-change",
}
_INDEX_CHANGES = frozenset({"share-price-change", "market-value-change", "revenue-change"})
# Properties of sport, and the words by which an article is about sport.
_SPORT_ONLY = frozenset(
    {"transfer-fee", "goals-scored", "appearance-count", "contract-length", "match-score"}
)
_SPORT_RE = {
    "en": _cue(
        r"footballers?|football|soccer|strikers?|midfielders?|defenders?|goalkeepers?|forwards?|"
        r"premier\s+league|champions\s+league|la\s+liga|serie\s+a|bundesliga|ligue\s+1|"
        r"transfer\s+(?:window|fee|record)|coach|managers?|players?|athletes?|tennis|rugby|"
        r"basketball|"
        r"nba|nfl|olympic\w*|tournament|championship|season"
    ),
    "fr": _cue(
        r"football\w*|attaquant|milieu\s+de\s+terrain|défenseur|gardien|buteur|"
        r"premier\s+league|ligue\s+des\s+champions|liga|bundesliga|ligue\s+1|mercato|"
        r"entraîneur|joueu(?:r|se)s?|athlète|tennis|rugby|basket\w*|olympi\w*|tournoi|"
        r"championnat|saison|club"
    ),
}
_PERIODS = frozenset({"second", "minute", "hour", "day", "week", "month", "quarter", "year"})
_LEVEL_BEFORE = {
    "en": re.compile(
        r"\b(?:to|at|reached|hit|stood\s+at|stands\s+at|was|is|of|with)\s+"
        r"(?:(?:about|around|nearly|almost|some|an\s+estimated|a\s+record)\s+)?\Z",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"(?:\bà|\batteint|\bs['’](?:établit|établissait|élève|élevait)\s+à|\best\s+de|"
        r"\bétait\s+de|\bde)\s+(?:(?:environ|près\s+de|quelque)\s+)?\Z",
        re.IGNORECASE,
    ),
}
# A bare scaled number ("105 milliards") whose property is money takes the
# currency of the money named nearest before it in the paragraph.
_MONEY_ONLY = frozenset(spec.code for spec in VOCABULARY if spec.kinds == {ValueKind.MONEY})


def _fits(spec: PropertySpec, value: ParsedValue) -> bool:
    if value.kind in spec.kinds:
        return True
    # "2,5 points": a change of a percentage.
    if value.kind == ValueKind.QUANTITY and value.unit == "point":
        return ValueKind.PERCENTAGE in spec.kinds
    # "105 milliards" in a sentence about a fortune is money whose currency is implied.
    return _bare_amount(value) and spec.kinds == {ValueKind.MONEY}


def _bare_amount(value: ParsedValue) -> bool:
    return (
        value.kind == ValueKind.QUANTITY
        and not value.unit
        and value.number is not None
        and value.number >= 1_000_000
    )


@functools.lru_cache(maxsize=4096)
def _singular(unit: str) -> str:
    """ "countries" -> "country", "morts" -> "mort", "décès" -> "deces": to compare nouns."""
    word = fold(unit.split()[-1]) if unit.split() else ""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("s", "x")) and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD_RE.findall(text, a, b)) if a < b else 0


def _estimates_a_cost(text: str, estimated: _Cue, cues: list[_Cue]) -> bool:
    """Whether a noun of cost ("coût", "montant", "dégâts") stands before "estimé à" in
    its clause: the estimate is of that cost."""
    return any(
        cue.end <= estimated.start
        and "cost" in cue.codes
        and _words_between(text, cue.end, estimated.start) <= 8
        and not _HARD_BREAK_RE.search(text, cue.end, estimated.start)
        and "," not in text[cue.end : estimated.start]
        for cue in cues
    )


def _gap(text: str, cue: _Cue, value: ParsedValue) -> tuple[int, bool]:
    """Words between a cue and a figure, and whether punctuation that ends a clause lies between."""
    if cue.end <= value.start:
        a, b = cue.end, value.start
    elif value.end <= cue.start:
        a, b = value.end, cue.start
    else:
        return 0, False
    return _words_between(text, a, b), _HARD_BREAK_RE.search(text, a, b) is not None


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way to read what a figure measures: a property, how sure, and the words saying so."""

    score: float
    code: str
    cue: _Cue | None = None
    # Every cue of the sentence naming the property: whose they are tells whose the figure is.
    others: tuple[_Cue, ...] = ()


_YEAR_OLD_RE = re.compile(r"(?i:year[\s-]old|years[\s-]old|-year-old)")
# "Ellison, 81, co-founded…": a bare number between commas after a name is an age.
_AGE_APPOSITION_BEFORE_RE = re.compile(r"[A-Z][\w'’.-]+,\s*\Z")
_AGE_APPOSITION_AFTER_RE = re.compile(r"\s*[,)]")
_AGE_RE = {
    "fr": re.compile(
        r"(?:\b(?:a|avait|aura|âgée?s?\s+de|fête\w*\s+ses|(?:personnes|adultes|enfants|jeunes|"
        r"femmes|hommes|patients|seniors|mineurs|moins|plus)(?:\s+(?:de|d['’]))?"
        r"(?:\s+(?:plus|moins)\s+de)?)\s+)\Z",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(?:\b(?:aged|age|people|adults|children|over|under)(?:\s+(?:of|over|under))?\s+)\Z",
        re.IGNORECASE,
    ),
}
# "from 2018 to 2022", "de 2018 à 2022", "between 2005 and 2006", "until 2014", "since 1994"
_START_BEFORE_RE = {
    "fr": re.compile(r"\b(?:de|depuis|dès|entre)\s+(?:(?:le|l['’]|la)\s+)?\Z", re.IGNORECASE),
    "en": re.compile(r"\b(?:from|since|between)\s+\Z", re.IGNORECASE),
}
# A verb of wanting in the clause before a date.
_WISHED_BEFORE_RE = {
    "fr": re.compile(
        r"\b(?:souhait(?:e|ent|ait|aient|erait)|veu(?:t|lent)|voudrai(?:t|ent)|"
        r"esp[èe]r(?:e|ent|ait))\b[^,;:.]*\Z",
        re.IGNORECASE,
    ),
    "en": re.compile(r"\b(?:wants?|wanted|hopes?|hoped)\b[^,;:.]*\Z", re.IGNORECASE),
}
# When a series of records began: "since records began in 2006", "depuis le début des
# relevés en 1900".
_RECORDS_BEGAN_RE = {
    "en": re.compile(
        r"\b(?:records?|statistics|data|measurements)\s+(?:began|started|begun)\s+(?:in\s+)?\Z",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(?:début|lancement|création)\s+(?:des|de\s+(?:ces|ses|leurs))\s+"
        r"(?:statistiques|relevés|données|mesures)(?:\s+\w+)?\s+(?:en\s+)?\Z",
        re.IGNORECASE,
    ),
}
# "the worst season since 1994", "un niveau inédit depuis 2003": a record's reference
# year, not when anything started.
_RECORD_SINCE_RE = {
    "en": re.compile(
        r"\b(?:worst|best|highest|lowest|largest|biggest|smallest|most|least|strongest|"
        r"weakest|deadliest|hottest|driest|wettest|first\s+time|record)\b[^,.;]{0,60}"
        r"\bsince\s+\Z",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(?:plus|moins|pire|meilleure?|record|inédite?s?|jamais|première\s+fois)\b"
        r"[^,.;]{0,60}\bdepuis\s+(?:(?:le|l['’]|la)\s+)?\Z",
        re.IGNORECASE,
    ),
}
_END_BEFORE_RE = {
    "fr": re.compile(r"\b(?:à|jusqu['’](?:à|en|au)|et)\s+(?:(?:le|l['’]|la)\s+)?\Z", re.IGNORECASE),
    "en": re.compile(r"\b(?:to|until|till|through|and)\s+\Z", re.IGNORECASE),
}
# Words that put a figure in a stock-market story: a company's "valuation" there is its
# market value, and its fall a fall of its share price.
_MARKET_RE = {
    "fr": _cue(
        r"bourse|boursi\w+|wall\s+street|cac\s+40|dow\s+jones|s&p\s+500|séance|"
        r"titres?|actions?|cotée?s?|capitalisation|indices?"
    ),
    "en": _cue(
        r"stocks?|shares?|wall\s+street|dow\s+jones|s&p\s+500|ftse|stock\s+market|"
        r"trading|session|listed|market\s+value|market\s+cap\w*|index"
    ),
}


# "cost" as a verb, which names no property of its own ("the move cost €90m").
_COST_VERB_RE = {
    "en": re.compile(r"(?i:cost|costs)"),
    "fr": re.compile(r"(?i:coûté|coûte|coûtera|coûterait|coûtait)"),
}
# "its cost", "the total cost": the noun after a determiner is what a whole undertaking
# costs; a unit's price is "costs $9" or "the cost of a ticket".
_COST_NOUN_BEFORE_RE = re.compile(
    r"\b(?:its|their|his|her|the|total|overall|whole|full|estimated)\s+\Z", re.IGNORECASE
)
_UNIT_AFTER_COST_RE = re.compile(r"\s+(?:of\s+(?:a|an|one|each|every)|per)\b", re.IGNORECASE)
# "estimé à" says the figure is an estimate, not what it measures (a valuation only when
# nothing else is estimated): "Son coût est estimé à…" is a cost.
_ESTIMATED_RE = {"fr": re.compile(r"estimée?s?\s+à", re.IGNORECASE)}
_PER_SHARE_RE = re.compile(r"\s+(?:a|per|each)\s+share\b|\s+par\s+(?:action|titre)\b", re.I)
_PART_OF_RE = re.compile(r"\s+(?:des|sur|of\s+the|out\s+of|of)\s+", re.IGNORECASE)


def _counts_countries(text: str, value: ParsedValue, values: list[ParsedValue]) -> bool:
    """Whether the figure counts countries: "27 pays", or "22" in "22 des 27 pays"."""
    if value.unit:
        return value.unit == "country"
    gap = _PART_OF_RE.match(text, value.end)
    if gap is None:
        return False
    return any(v.start == gap.end() and v.unit == "country" for v in values)


def _part_of(text: str, value: ParsedValue, values: list[ParsedValue]) -> ParsedValue | None:
    """The whole a bare count is part of: "150 seats" in "won 71 of the 150 seats", "577
    sièges" in "182 des 577 sièges"."""
    if value.kind != ValueKind.QUANTITY or value.unit:
        return None
    gap = _PART_OF_RE.match(text, value.end)
    if gap is None:
        return None
    return next(
        (v for v in values if v.start == gap.end() and v.kind == ValueKind.QUANTITY and v.unit),
        None,
    )


def _rank_properties(
    text: str,
    value: ParsedValue,
    values: list[ParsedValue],
    cues: list[_Cue],
    lang: str,
    *,
    sport: bool = True,
) -> list[_Reading]:
    """The properties a figure may state, most likely first, each with the cue saying so.

    A figure's unit can decide ("4,096 GPUs"), and so can its shape (a rate in
    money is a price; "Ellison, 81," is an age; "from 2018 to 2022" a start and
    an end). Else every cue word of the sentence votes for the properties it
    names, the more strongly the closer it stands to the figure, on the same
    side of a clause boundary, before it rather than after, and when no other
    figure stands nearer to it. A cue naming a specific property beats one
    naming a generic one. Last comes the generic property of the figure's kind
    (never compared), or for a rise or a fall, the generic growth rate.
    """
    scores: dict[str, _Reading] = {}

    def vote(code: str, score: float, cue: _Cue | None = None) -> None:
        known = scores.get(code)
        others = (known.others if known else ()) + ((cue,) if cue else ())
        if known is None or score > known.score:
            # A second cue for the same property adds to the first.
            bonus = 0.15 * min(known.score, score) if known else 0
            scores[code] = _Reading(score + bonus, code, cue, others)
        else:
            scores[code] = _Reading(known.score + 0.15 * score, code, known.cue, others)

    if value.kind == ValueKind.MONEY and value.per is not None and value.unit not in _PERIODS:
        vote("price-per-unit", 20)  # "$0.14 per million tokens"; "$8m a year" is a cost
    if value.kind == ValueKind.DURATION and _YEAR_OLD_RE.search(value.text):
        vote("age", 60)  # "the 25-year-old striker", "a year old"
    for spec in VOCABULARY:
        if value.unit and value.unit in spec.units and _fits(spec, value):
            vote(spec.code, 60)
    if value.kind == ValueKind.QUANTITY and _counts_countries(text, value, values):
        # "dans 22 des 27 pays membres": a count of countries is no count of what the
        # sentence measures in them (emissions, users), whatever cue stands near.
        return [_Reading(1.2, FALLBACK[ValueKind.QUANTITY])]
    # "won 71 of the 150 seats": a part counts what its whole counts.
    whole = _part_of(text, value, values)
    counted_unit = whole.unit if whole is not None else value.unit
    if value.kind == ValueKind.QUANTITY and counted_unit:
        # "119 morts", "12 000 voix": a noun that only one property counts names it, as a
        # unit would; "31 cas" (cases or patients) is left to the cues.
        # The noun must also be the property's own word ("morts" names the death toll;
        # "candidats" are counted as participants but do not name a count of them).
        owners = _COUNTED_BY.get(_singular(counted_unit), ())
        if len(owners) == 1 and owners[0] in _codes_named(lang, counted_unit.casefold()):
            vote(owners[0], 30)
    before = text[max(0, value.start - 60) : value.start]
    after = text[value.end : value.end + 3]
    bare = value.kind == ValueKind.QUANTITY and not value.unit and value.number is not None
    if (
        (bare or (value.kind == ValueKind.DURATION and value.unit == "year"))
        and value.number is not None
        and 0 < value.number < 120
        and value.number == int(value.number)
        and _AGE_APPOSITION_BEFORE_RE.search(before)
        and _AGE_APPOSITION_AFTER_RE.match(after)
    ):
        vote("age", 50)  # "Ellison, 81,", "Jordan Bardella, 28 ans,"
    if (
        value.kind in (ValueKind.DURATION, ValueKind.QUANTITY)
        and value.unit in ("", "year")
        and _AGE_RE[lang].search(before)
    ):
        vote("age", 30)
    wished = value.kind == ValueKind.DATE and _WISHED_BEFORE_RE[lang].search(before) is not None
    if value.kind == ValueKind.DATE:
        if _RECORDS_BEGAN_RE[lang].search(before):
            # "since comparable records began in 2006", "depuis le lancement de ces
            # statistiques en 2006": when the records started.
            vote("start-date", 14)
        elif _RECORD_SINCE_RE[lang].search(before):
            vote("other-date", 12)  # a record's reference year: no start, no release
        elif wished:
            # "dont il souhaite poser les bases dès septembre", "he wants the law passed by
            # June": the date something is wanted by is a target, not a start.
            vote("target-date", 8)
        elif _START_BEFORE_RE[lang].search(before):
            vote("start-date", 6)
        elif _END_BEFORE_RE[lang].search(before) and any(
            v.kind == ValueKind.DATE and v.end <= value.start for v in values
        ):
            vote("end-date", 6)
    change = (
        _CHANGE_BEFORE[lang].search(before) is not None
        or _CHANGE_AFTER[lang].match(text, value.end) is not None
    )
    if (
        value.kind == ValueKind.PERCENTAGE
        and not change
        and _SHARE_OF_RE[lang].match(text, value.end)
    ):
        vote("share-of-total", 7)  # "41% of the group", "47,8 % du capital"
    level = not change and _LEVEL_BEFORE[lang].search(before) is not None
    # "a dividend of €13 a share": a rate the parser leaves without its "per".
    per_share = _PER_SHARE_RE.match(text, value.end) is not None
    # "whose move from Barcelona cost €90m", "l'entraînement du modèle a coûté 5 M$": the
    # verb "cost" says nothing of what was paid for; the noun that cost it does.
    cost_verb = next(
        (
            cue
            for cue in cues
            if value.kind == ValueKind.MONEY
            and cue.end <= value.start
            and _COST_VERB_RE[lang].fullmatch(text, cue.start, cue.end)
            and _gap(text, cue, value) <= (2, False)
        ),
        None,
    )
    counted = _singular(value.unit) if value.kind == ValueKind.QUANTITY and value.unit else ""
    for cue in cues:
        distance, broken = _gap(text, cue, value)
        # How far the cue stands from each other figure, read once for all its properties.
        others = [
            (v, _gap(text, cue, v)[0] - (0.5 if cue.end <= v.start else 0))
            for v in values
            if v is not value
        ]
        for code in cue.codes:
            spec = BY_CODE[code]
            if not _fits(spec, value):
                continue
            if code == "price-per-unit" and value.unit in _PERIODS and "cost" in cue.codes:
                continue  # "costs $3 million a year" is a running cost, not a unit's price
            if (
                code == "price-per-unit"
                and "cost" in cue.codes
                and text[cue.start : cue.end].casefold() == "cost"
                and _COST_NOUN_BEFORE_RE.search(text, max(0, cue.start - 20), cue.start)
                and not _UNIT_AFTER_COST_RE.match(text, cue.end)
            ):
                continue  # "put its cost at €40m": what the whole costs, not a unit's price
            if (
                code == "valuation"
                and lang in _ESTIMATED_RE
                and _ESTIMATED_RE[lang].fullmatch(text, cue.start, cue.end)
                and _estimates_a_cost(text, cue, cues)
            ):
                continue  # "Son coût est estimé à 40 millions": the cost is estimated
            if code in _SPORT_ONLY and not sport:
                continue  # "agreed to buy $300bn of computing power" is no transfer
            if counted and code in COUNTS and counted not in COUNTS[code] and distance > 0:
                # "43 states" near "1,800 cases": a count of states, not of cases.
                continue
            if (
                value.unit
                and spec.units
                and code not in COUNTS
                and value.unit not in spec.units
                and ValueKind.QUANTITY in spec.kinds
            ):
                # "50 000 doses … la capacité du fabricant": a measure in its own units
                # (hectares, megawatts, degrees) is not what a count of doses measures.
                continue
            nearest = min((gap for v, gap in others if _fits(spec, v)), default=None)
            mine = distance - (0.5 if cue.end <= value.start else 0)
            owned = nearest is None or mine <= nearest
            score = 10 * WEIGHTS.get(code, 1.0)
            score *= 1 + min(0.6, 0.04 * (cue.end - cue.start))
            score /= 1 + 0.3 * distance
            score *= 1.0 if owned else 0.3
            score *= 0.55 if broken else 1.0
            score *= 1.15 if cue.end <= value.start else 1.0
            if value.kind in (ValueKind.PERCENTAGE, ValueKind.QUANTITY, ValueKind.MONEY) and (
                ValueKind.PERCENTAGE in spec.kinds or code in CHANGES or code in _HAS_CHANGE
            ):
                if change:
                    score *= 1.5 if code in CHANGES else 0.7
                elif level:
                    score *= 0.75 if code in CHANGES else 1.2
            if (
                (value.per is not None or per_share)
                and cue.end <= value.start
                and (distance <= 2 or (distance <= 6 and not broken))
                and code
                in (
                    "dividend",
                    "share-price",
                    "salary",
                )
            ):
                # "a dividend of €13 a share": the words right before a rate name it; so do
                # the clause's subject and its verb ("le dividende sera porté à 1,40 euro par
                # action", "the dividend will rise to €2 a share").
                score += 25
            if (
                cost_verb is not None
                and cue.end <= cost_verb.start
                and code not in ("price-per-unit", "cost")
                and code not in FALLBACK.values()
                and _words_between(text, cue.end, cost_verb.start) <= 10
                and not _HARD_BREAK_RE.search(text, cue.end, cost_verb.start)
            ):
                score += 20  # what cost the amount names it
            vote(code, score, cue)
            counterpart = _HAS_CHANGE.get(code)
            if change and counterpart and _fits(BY_CODE[counterpart], value):
                vote(counterpart, score / 0.7 * 1.5, cue)
    begun = scores.get("start-date")
    if wished and begun is not None and begun.cue is not None:
        # "souhaite l'entrée en vigueur dès mars 2026", "wants it in force from March": a
        # start that is wished for is a target date, however strongly its words say start.
        vote("target-date", begun.score + 1, begun.cue)
    running = scores.get("cost")
    if running is not None and value.kind == ValueKind.MONEY and value.unit in _PERIODS:
        vote("operating-cost", running.score * 1.1, running.cue)  # "a cost of $8m a year"
    kind = ValueKind.PERCENTAGE if value.unit == "point" else value.kind
    if change and kind == ValueKind.PERCENTAGE:
        vote("growth-rate", 1.3)
    else:
        vote(FALLBACK.get(kind, "other-count"), 1.2)
    return sorted(scores.values(), key=lambda r: -r.score)


def _in_market_story(text: str, sentence: Sentence, lang: str) -> bool:
    return _MARKET_RE[lang].search(text, sentence.start, sentence.end) is not None


def _with_implied_currency(
    text: str, value: ParsedValue, money: list[ParsedValue], paragraph_start: int
) -> ParsedValue:
    """ "105 milliards" after "en dollars" or a dollar amount: money, in that currency."""
    currency = next(
        (
            m.currency
            for m in reversed(money)
            if m.currency and paragraph_start <= m.start < value.start
        ),
        "",
    )
    if not currency:
        window = text[max(paragraph_start, value.start - 200) : value.end + 40].casefold()
        for word, code in (("dollar", "USD"), ("euro", "EUR"), ("livre", "GBP"), ("pound", "GBP"),
                           ("yuan", "CNY"), ("yen", "JPY")):  # fmt: skip
            if word in window:
                currency = code
                break
    if not currency:
        return value
    return replace(value, kind=ValueKind.MONEY, currency=currency)


# --------------------------------------------------------------------------
# Suggestions
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A span worth turning into a claim, with what the claim would say.

    ``start``/``end`` is the figure (or, without one, the comparing or
    attributing words): ``exact == source.text[start:end]``. The sentence
    around it is ``sentence_start``/``sentence_end``.
    """

    start: int
    end: int
    exact: str
    kind: str
    sentence_start: int
    sentence_end: int
    sentence: str
    score: float
    value: ParsedValue | None = None
    subject: str = ""
    subject_known: bool = False
    # person, org, product, place or other: what kind of entity the subject is.
    subject_type: str = ""
    # The subject's other names in the text, and a country's in the other language.
    subject_aliases: tuple[str, ...] = ()
    property_code: str = ""

    # Lets the article template tell suggestions from appearances in one span list.
    is_suggestion: ClassVar[bool] = True

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}"

    def about_the_subject_of(self, other: Suggestion, **changes: Any) -> Suggestion:
        """This suggestion, about what ``other`` is about (its subject, kind and aliases)."""
        return replace(
            self,
            subject=other.subject,
            subject_known=other.subject_known,
            subject_type=other.subject_type,
            subject_aliases=other.subject_aliases,
            **changes,
        )

    def claim_fields(self) -> dict[str, Any]:
        """The Claim value fields this suggestion fills (see claims.values.to_claim_fields)."""
        if self.value is not None:
            return to_claim_fields(self.value)
        return {"value_kind": ValueKind.TEXT, "value_text": self.exact}

    def statement(self, language: str) -> str:
        """A short canonical statement of the claim, in ``language``: "Falcon-S has 3.5
        billion parameters." The sentence stays the quote."""
        from claims.statements import draft

        if self.value is None:
            return self.sentence  # a comparison or an attribution: the words themselves
        return draft(
            subject=self.subject,
            property_code=self.property_code,
            value=self.value,
            exact=self.exact,
            language=language,
        )

    def as_json(self) -> dict[str, Any]:
        value = self.value
        return {
            "exact": self.exact,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "value": _normalised(value) if value is not None else self.exact,
            "unit": value.unit if value is not None else "",
            "per": _plain(value.per) if value is not None and value.per is not None else None,
            "currency": value.currency if value is not None else "",
            "qualifier": value.qualifier.value if value is not None else Qualifier.EXACT.value,
            "score": self.score,
            "subject": self.subject,
            "property": self.property_code,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
        }


def _plain(number: Decimal) -> str:
    """Plain digits with a dot, however the Decimal stores them: 671000000000, 0.14."""
    return format(number.normalize(), "f")


def _normalised(value: ParsedValue) -> str:
    """The value as the CSV export writes it: plain digits, or a date cut to its precision."""
    if value.kind == ValueKind.DATE and value.date is not None:
        if value.date_precision == DatePrecision.YEAR:
            return f"{value.date.year:04d}"
        if value.date_precision == DatePrecision.MONTH:
            return f"{value.date.year:04d}-{value.date.month:02d}"
        return value.date.isoformat()
    if value.number is not None:
        return _plain(value.number)
    return value.text


# Base check-worthiness by what is stated: money and shares of things are what
# readers act on; a bare count or a date sets a scene more often than it claims.
_KIND_SCORES = {
    ValueKind.MONEY: 0.55,
    ValueKind.PERCENTAGE: 0.5,
    ValueKind.RANK: 0.45,
    ValueKind.QUANTITY: 0.4,
    ValueKind.DATE: 0.35,
    ValueKind.DURATION: 0.35,
    COMPARISON: 0.35,
    ATTRIBUTION: 0.25,
}
# A photo caption repeats a figure of the body: it is offered once, from the body.
_CAPTION_RE = re.compile(
    r"\s*[(\[]?(?i:photo|photos|caption|légende|crédit|credit|image|illustration|pictured)\b"
)

SubjectLookup = Callable[[set[str]], Mapping[str, str]]


def suggest(
    text: str,
    language: str = "fr",
    *,
    known_subjects: SubjectLookup | None = None,
    reference: datetime.date | None = None,
) -> list[Suggestion]:
    """Every suggestion in the text, best first (then in reading order).

    ``known_subjects`` maps folded names (``normalise_name``) to the subject
    they name; it is called once with every candidate spelling in the text.
    ``reference`` (the article's date) dates a month or a day given without a year.
    """
    lang = _lang(language)
    if lang is None or not text:
        return []
    sentences = split_sentences(text, lang)
    values = _find_values(text, lang, reference)
    value_starts = [v.start for v in values]
    reader = Reader(
        text,
        [(s.start, s.end) for s in sentences],
        lang,
        known=known_subjects,
        figures=[(v.start, v.end) for v in values],
    )
    money = [v for v in values if v.kind == ValueKind.MONEY]
    # Whether each paragraph is about sport: a transfer fee is paid for a player, not
    # for computing power in the next paragraph of a story about a tennis-loving tycoon.
    paragraph_ends: dict[int, int] = {}
    for sentence in sentences:
        paragraph_ends[sentence.paragraph] = sentence.end
    lede_end = paragraph_ends.get(1, paragraph_ends.get(0, 0))
    sporting: dict[int, bool] = {}
    sport_story = _SPORT_RE[lang].search(text, 0, lede_end) is not None
    paragraph_starts: dict[int, int] = {}
    for sentence in sentences:
        paragraph_starts.setdefault(sentence.paragraph, sentence.start)

    suggestions: list[Suggestion] = []
    # The figures read so far in this paragraph, by kind: what a figure without a cue of
    # its own likely measures too ("Sales rose 5 % in Europe. In Asia, 3 %.").
    previous: dict[str, Suggestion] = {}
    last_in_paragraph: Suggestion | None = None
    by_unit: dict[tuple[str, str], Suggestion] = {}
    paragraph = -1
    for index, sentence in enumerate(sentences):
        low = bisect.bisect_left(value_starts, sentence.start)
        high = bisect.bisect_left(value_starts, sentence.end)
        here = [v for v in values[low:high] if v.end <= sentence.end]
        context = _Context(text, sentence, lang, reader, index)
        if not here:
            suggestion = context.for_cue()
            if suggestion is not None:
                suggestions.append(suggestion)
            continue
        cues = _cues(text, sentence.start, sentence.end, lang)
        market = _in_market_story(text, sentence, lang) or any(
            "index" in mention.entity.heads for mention in reader.sentences[index].mentions
        )
        if sentence.paragraph != paragraph:
            paragraph, previous, last_in_paragraph = sentence.paragraph, {}, None
            by_unit = {}
        last: Suggestion | None = None
        in_sentence: dict[str, Suggestion] = {}
        for value in here:
            if sentence.paragraph not in sporting:
                sporting[sentence.paragraph] = sport_story or (
                    _SPORT_RE[lang].search(
                        text,
                        paragraph_starts[sentence.paragraph],
                        paragraph_ends[sentence.paragraph],
                    )
                    is not None
                )
            ranked = _rank_properties(
                text, value, here, cues, lang, sport=sporting[sentence.paragraph]
            )
            best = ranked[0]
            if _bare_amount(value) and best.code in _MONEY_ONLY:
                value = _with_implied_currency(
                    text, value, money, paragraph_starts[sentence.paragraph]
                )
                if value.kind != ValueKind.MONEY:
                    ranked = [_Reading(1.2, FALLBACK[ValueKind.QUANTITY])]
            elif (
                _bare_amount(value)
                and _NOTHING_COUNTED_RE[lang].match(text, value.end)
                and any(
                    m.currency and paragraph_starts[sentence.paragraph] <= m.start < value.start
                    for m in money
                )
            ):
                # "un bénéfice de 12,55 milliards d'euros, quand le consensus tablait sur
                # 13,52 milliards", "cèdent 3 %, à 10,58 milliards": a scale word that
                # counts nothing, after money, is money in the same currency.
                value = _with_implied_currency(
                    text, value, money, paragraph_starts[sentence.paragraph]
                )
                ranked = _rank_properties(
                    text, value, here, cues, lang, sport=sporting[sentence.paragraph]
                )
                before_money = in_sentence.get(ValueKind.MONEY)
                if (
                    ranked[0].code == FALLBACK[ValueKind.MONEY]
                    and before_money is not None
                    and BY_CODE[before_money.property_code].compared
                ):
                    # "…tablait sur 13,52 milliards": what the sentence's amount before
                    # measures, expected or compared.
                    ranked = [_Reading(ranked[0].score + 1, before_money.property_code), *ranked]
            if (
                last is not None
                and last.value is not None
                and _CONVERSION_RE.fullmatch(text, last.end, value.start)
            ):
                # "€12.55 billion ($13bn)", "136 millions de livres, soit 157 millions d'euros":
                # the same figure in another currency or unit.
                suggestion = context.for_value(
                    value, [_Reading(1.2, last.property_code)]
                ).about_the_subject_of(last)
            else:
                if (
                    last is not None
                    and value.kind == ValueKind.MONEY
                    and last.property_code in _LEVEL_OF
                    and _CHANGE_TO_LEVEL_RE[lang].fullmatch(text, last.end, value.start)
                ):
                    # "les ventes progressent de 2 %, à 18 milliards d'euros", "sales fell 3%
                    # to €41bn": the amount a change reaches is the level of what it changes.
                    level = _LEVEL_OF[last.property_code]
                    # Its cue too, if the sentence names it: whose the cue is, the figure is.
                    named = next((r for r in ranked if r.code == level), None)
                    ranked = [
                        _Reading(
                            ranked[0].score + 1,
                            level,
                            named.cue if named else None,
                            named.others if named else (),
                        )
                    ]
                suggestion = context.for_value(
                    value,
                    ranked,
                    market=market,
                    # In the same unit first: "35 mégatonnes … dans 22 des 27 pays. Le
                    # record s'élève à 41 mégatonnes" goes on about the tonnes.
                    previous=in_sentence.get(value.kind)
                    or (by_unit.get((value.kind, value.unit)) if value.unit else None)
                    or previous.get(value.kind),
                    before=last_in_paragraph,
                )
            if (
                last is not None
                and last.value is not None
                and last.subject
                and last.value.kind == value.kind
                and last.value.currency == value.currency
                and (
                    last.property_code == suggestion.property_code
                    or (value.kind == ValueKind.MONEY and BY_CODE[last.property_code].compared)
                )
                and _SAME_LIST_GAP_RE[lang].fullmatch(text, last.end, value.start)
                and not _NAME_AFTER_RE.match(text, value.end, sentence.end)
            ):
                # "would grow to $18bn, before rising to $32bn, $73bn and $144bn in the
                # years that follow, as developers … run their models": a list of amounts
                # with no name of their own goes on about the first one's subject, and
                # measures what it measures, whatever words come after the list.
                suggestion = suggestion.about_the_subject_of(last, property_code=last.property_code)
            if (
                last is not None
                and last.value is not None
                and last.value.kind == ValueKind.MONEY
                and last.subject
                and value.kind == ValueKind.DATE
                and _DEAL_DATE_GAP_RE.fullmatch(text, last.end, value.start)
            ):
                # "paid £115m for Moisés Caicedo in 2023": the date of a deal is the date
                # of what the price was paid for.
                suggestion = suggestion.about_the_subject_of(last)
            suggestions.append(suggestion)
            last = last_in_paragraph = suggestion
            in_sentence[value.kind] = suggestion
            if BY_CODE[suggestion.property_code].compared:
                previous[value.kind] = suggestion
                if value.unit:
                    by_unit[value.kind, value.unit] = suggestion
    suggestions = _once_each(text, _headline_from_body(text, suggestions))
    suggestions.sort(key=lambda s: (-s.score, s.start))
    return suggestions


def _find_values(text: str, lang: str, reference: datetime.date | None) -> list[ParsedValue]:
    """find_values, with the article's date, and the counts a list leaves bare."""
    return _list_continuations(text, lang, find_values(text, lang, reference=reference))


# ", le MoDem 34 et Horizons 26": a name and a bare number going on with a count's list.
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*"
_CONTINUATION_RE = re.compile(
    rf"(?:\s*,|\s+(?:et|and))\s+(?:(?:le|la|les|the)\s+|l['’])?"
    rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[a-zà-ÿ]{{4,}})){{0,2}}\s+"
    r"(\d{1,3}(?:[\u00a0\u202f ]\d{3})*(?:[.,]\d+)?)(?=\s*(?:[,;.)]|\s+(?:et|and)\b|$))"
)


def _list_continuations(text: str, lang: str, values: list[ParsedValue]) -> list[ParsedValue]:
    """The values, with the bare numbers of a list that counts something ("Renaissance
    conserve 98 députés, le MoDem 34 et Horizons 26") read as counts of the same thing.

    The parser leaves small bare numbers and numbers after a name out ("Windows 11"), and
    rightly so in general; after a count, in a list of names, they are the same count.
    """
    added: dict[int, ParsedValue] = {}
    for value in values:
        if value.kind != ValueKind.QUANTITY or not value.unit:
            continue
        position = value.end
        while match := _CONTINUATION_RE.match(text, position):
            number = match.group(1)
            parsed = parse_value(number, lang)
            if parsed is None or parsed.kind != ValueKind.QUANTITY or parsed.unit:
                break
            start = match.start(1)
            added[start] = replace(
                parsed, text=number, start=start, end=match.end(1), unit=value.unit
            )
            position = match.end(1)
    if not added:
        return values
    kept = [
        v for v in values if not any(a.start < v.end and v.start < a.end for a in added.values())
    ]
    return sorted([*kept, *added.values()], key=lambda v: v.start)


def value_key(value: ParsedValue | None) -> tuple:
    """What makes two stated figures the same figure, whatever their wording."""
    if value is None:
        return ()
    if value.kind == ValueKind.DATE:
        return (value.kind, value.date, str(value.date_precision))
    return (value.kind, value.number, value.unit, value.currency, value.per)


def _headline_from_body(text: str, suggestions: list[Suggestion]) -> list[Suggestion]:
    """A headline's figure measures what the body says it measures: "Nvidia loses $593bn"
    is the "$593.7 billion wiped off its market value" of the first paragraph.

    A headline is terse; when its figure has only a generic property and the body
    states the same figure (rounded as headlines round) with a property of its own,
    the headline's suggestion takes that property, and the subject if it had none.
    """
    headline_end = text.find("\n")
    if headline_end <= 0:
        return suggestions
    result = []
    for suggestion in suggestions:
        value = suggestion.value
        if (
            value is None
            or suggestion.start >= headline_end
            or BY_CODE[suggestion.property_code].compared
            or value.number is None
        ):
            result.append(suggestion)
            continue
        body = next(
            (
                other
                for other in suggestions
                if other.start > headline_end
                and other.value is not None
                and other.value.kind == value.kind
                and other.value.currency == value.currency
                and other.value.number
                and abs(other.value.number - value.number) <= abs(other.value.number) / 50
                and BY_CODE[other.property_code].compared
                and (not suggestion.subject or same_subject_name(other.subject, suggestion.subject))
            ),
            None,
        )
        if body is None:
            result.append(suggestion)
            continue
        result.append(
            replace(
                suggestion,
                property_code=body.property_code,
                subject=suggestion.subject or body.subject,
            )
        )
    return result


def same_subject_name(one: str, other: str) -> bool:
    return normalise_name(one) == normalise_name(other)


def _once_each(text: str, suggestions: list[Suggestion]) -> list[Suggestion]:
    """A figure repeated about one subject (or by a caption) is offered once: the first time."""
    seen: set[tuple] = set()
    seen_anywhere: set[tuple] = set()
    kept = []
    for suggestion in suggestions:
        if suggestion.value is None:
            kept.append(suggestion)
            continue
        figure = (suggestion.property_code, value_key(suggestion.value))
        same = (normalise_name(suggestion.subject), *figure)
        line_start = text.rfind("\n", 0, suggestion.sentence_start) + 1
        caption = _CAPTION_RE.match(text, line_start) is not None
        # A caption repeats what the body says, whatever it seems to measure in its
        # few words ("Photo : Isak, 25 ans, … contre 136 millions de livres").
        if same in seen or (caption and value_key(suggestion.value) in seen_anywhere):
            continue
        seen.add(same)
        seen_anywhere.add(value_key(suggestion.value))
        kept.append(suggestion)
    return kept


class _Context:
    """One sentence, with what scoring and guessing need to know about it."""

    def __init__(
        self, text: str, sentence: Sentence, lang: str, reader: Reader, index: int
    ) -> None:
        self.text = text
        self.sentence = sentence
        self.lang = lang
        self.reader = reader
        self.index = index
        start, end = sentence.start, sentence.end
        self.comparison = _COMPARISON_RE[lang].search(text, start, end)
        self.attribution = _ATTRIBUTION_RE[lang].search(text, start, end)
        self.hedged = _HEDGE_RE[lang].search(text, start, end) is not None
        self.question = text[start:end].rstrip(_CLOSERS + " \u00a0").endswith("?")
        self.words = len(text[start:end].split())

    def _score(self, kind: str, *, known: bool, subject: str, generic: bool, hedge: bool) -> float:
        score = _KIND_SCORES.get(kind, 0.3)
        score += 0.15 if known else (0.08 if subject else 0)
        score += 0 if generic else 0.1
        if kind not in (COMPARISON, ATTRIBUTION):
            score += 0.08 if self.comparison else 0
            score += 0.05 if self.attribution else 0
        score += 0.05 if hedge else 0
        score -= 0.1 if self.hedged else 0
        score -= 0.15 if self.question else 0
        score -= 0.1 if self.words > 60 else 0
        return round(min(1.0, max(0.0, score)), 2)

    def _make(self, start: int, end: int, kind: str, **fields: Any) -> Suggestion:
        return Suggestion(
            start=start,
            end=end,
            exact=self.text[start:end],
            kind=kind,
            sentence_start=self.sentence.start,
            sentence_end=self.sentence.end,
            sentence=self.text[self.sentence.start : self.sentence.end],
            **fields,
        )

    def for_value(
        self,
        value: ParsedValue,
        ranked: list[_Reading],
        *,
        market: bool = False,
        previous: Suggestion | None = None,
        before: Suggestion | None = None,
    ) -> Suggestion:
        """The suggestion for a figure, reading its property and its subject together.

        Of the likely properties (within half the best one's score), the first
        whose usual subjects fit the subject found for it wins: "worth $2.9
        trillion" is a net worth for a person, a market value for a company.
        A figure that only continues a list ("Hermès 0,71 % et L'Oréal 2,63 %")
        measures what the figure before it measures.
        """
        options = [r for r in ranked if r.score >= ranked[0].score * 0.5][:3] or ranked[:1]
        generic = not BY_CODE[options[0].code].compared
        if (
            previous is not None
            and not generic
            and previous.sentence_start == self.sentence.start
            and previous.property_code != options[0].code
            and BY_CODE[previous.property_code].compared
            and self.reader.continues_list(value.start)
        ):
            # "Microsoft prévoit d'investir 80 milliards…, Meta jusqu'à 65 milliards": the
            # list's verb, left out, still says what the figure measures.
            options = [_Reading(options[0].score, previous.property_code), *options]
        if previous is not None and generic and previous.property_code != options[0].code:
            same_sentence = previous.sentence_start == self.sentence.start
            same_unit = previous.value is not None and previous.value.unit == value.unit
            if (
                (same_sentence and _LIST_GAP_RE.fullmatch(self.text, previous.end, value.start))
                or (
                    # A later sentence goes on about the same measure only in the same unit:
                    # hectares after hectares, not people after hectares.
                    not same_sentence and same_unit and BY_CODE[previous.property_code].compared
                )
                or (
                    # "Ses ventes ont reculé de 2 %, … il affiche une progression de 1 %",
                    # "sales fell 3% in Asia, while Europe rose 2%": a rise or a fall the
                    # sentence does not name again is a change of what it last measured,
                    # however long the clause between.
                    same_sentence
                    and options[0].code == "growth-rate"
                    and previous.property_code in CHANGES
                )
            ):
                options = [_Reading(options[0].score, previous.property_code), *options]
        # Whom the paragraph's figure before this one was about: what a figure without a
        # subject of its own in its sentence goes on about.
        continuing = (
            next((e for e in self.reader.entities if e.subject == before.subject), None)
            if before is not None and before.subject
            else None
        )
        chosen = None
        for option in options:
            types = SUBJECT_TYPES.get(option.code, frozenset())
            entity = self.reader.subject_of(
                value.start,
                value.end,
                cue=(option.cue.start, option.cue.end) if option.cue else None,
                other_cues=[(c.start, c.end) for c in option.others if c is not option.cue],
                types=types,
                continuing=continuing,
            )
            fits = entity is None or not types or entity.type in types or entity.type == "other"
            if chosen is None or fits:
                chosen = (option, entity)
            if fits:
                break
        option, entity = chosen
        code = option.code
        if code in CHANGES and _CONSTANT_BASIS_RE[self.lang].search(
            self.text, max(self.sentence.start, value.start - 80), value.start
        ):
            # "à périmètre constant, il progresse de 1 %", "like-for-like sales rose 2%":
            # organic growth is another measure than the reported change; compared with
            # it, it would invent a conflict.
            code = "growth-rate"
        if entity is not None and "index" in entity.heads:
            if code in _INDEX_CHANGES and value.kind == ValueKind.PERCENTAGE:
                code = "growth-rate"  # "le CAC 40 cédait 3 %": an index moves, it has no share
        elif market and entity is not None and entity.type in ("org", "other"):
            if code == "valuation":
                code = "market-value"
            elif code == "growth-rate":
                code = "share-price-change"
        subject = entity.subject if entity else ""
        known = bool(entity and entity.known)
        generic = not BY_CODE[code].compared
        score = self._score(
            value.kind,
            known=known,
            subject=subject,
            generic=generic,
            hedge=value.qualifier != Qualifier.EXACT,
        )
        if value.kind == ValueKind.QUANTITY and not value.unit:
            score = round(max(0.0, score - 0.1), 2)  # a bare count: what does it count?
        return self._make(
            value.start,
            value.end,
            value.kind,
            score=score,
            value=value,
            subject=subject,
            subject_known=known,
            subject_type=entity.type if entity else "",
            subject_aliases=entity.aliases if entity else (),
            property_code=code,
        )

    def for_cue(self) -> Suggestion | None:
        """A sentence without a figure, suggested for the comparison or attribution it makes."""
        cue = self.comparison or self.attribution
        if cue is None or self.question:
            return None
        kind = COMPARISON if cue is self.comparison else ATTRIBUTION
        # The cue and the few words after it, up to the end of the clause.
        tail = _CUE_TAIL_RE.match(self.text, cue.end(), self.sentence.end)
        end = tail.end() if tail else cue.end()
        if kind == ATTRIBUTION:
            entity = self._speaker(cue.start(), cue.end())
            code = "statement-attributed"
        else:
            entity = self.reader.subject_of(cue.start(), end)
            code = (
                "benchmark-standing"
                if _BENCHMARK_RE[self.lang].search(
                    self.text, self.sentence.start, self.sentence.end
                )
                else "comparison"
            )
        subject = entity.subject if entity else ""
        known = bool(entity and entity.known)
        score = self._score(kind, known=known, subject=subject, generic=False, hedge=False)
        return self._make(
            cue.start(),
            end,
            kind,
            score=score,
            subject=subject,
            subject_known=known,
            subject_type=entity.type if entity else "",
            property_code=code,
        )

    def _speaker(self, start: int, end: int) -> Entity | None:
        """Who says it: named right before the speech words, or right after "selon"."""
        reading = self.reader.sentences[self.index]
        before = [m for m in reading.mentions if m.end <= start and m.how != "possessive"]
        after = [m for m in reading.mentions if m.start >= end and m.how != "possessive"]
        if after and self.text[end : after[0].start].strip() in ("", "the", "le", "la", "l'", "l’"):
            return after[0].entity
        if before:
            return before[-1].entity
        return self.reader.subject_of(start, end)


_CUE_TAIL_RE = re.compile(r"(?:[ \u00a0]+[^\s,.;:!?«»]+){1,4}")
# "41% of the group", "près de 40 % des surfaces brûlées": a share of a whole.
_SHARE_OF_RE = {
    "en": re.compile(r"\s+of\s+(?!the\s+vote|votes|ballots)", re.IGNORECASE),
    "fr": re.compile(r"\s+(?:de|des|du|d['’])\s*(?!voix|suffrages|votes)", re.IGNORECASE),
}
# "€12.55 billion ($13bn)", "136 millions de livres, soit environ 157 millions d'euros"
_CONVERSION_RE = re.compile(
    r"\s*(?:\(|,\s*(?:soit|or|i\.e\.|c'est-à-dire|l['’]équivalent\s+de|equivalent\s+to)\s+)"
    r"(?:(?:about|around|environ|près\s+de|some|roughly|quelque)\s+)?"
)
# What may stand between two figures of one list: "6,51 %, à 243,35 euros, Hermès 0,71 %".
# Between a price and the date of the deal: " for Moisés Caicedo in ".
_DEAL_DATE_GAP_RE = re.compile(
    r"\s+(?:for|pour|on)\s+[^\W\d][^,;.()]{0,40}?\s+(?:in|en)\s+", re.IGNORECASE
)
# Between two amounts of one list: commas, "and", "then", "before rising to".
_SAME_LIST_GAP_RE = {
    "en": re.compile(
        r"\s*(?:,\s*)?(?:(?:and|or|then|before|after)\s+)?(?:(?:rising|falling|climbing|"
        r"growing|reaching|going)\s+)?(?:to\s+)?",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\s*(?:,\s*)?(?:(?:et|ou|puis|avant\s+de|avant\s+d['’])\s*)?(?:(?:grimper|passer|"
        r"atteindre|monter|descendre|tomber)\s+)?(?:(?:à|a)\s+)?",
        re.IGNORECASE,
    ),
}
# A name right after a figure ("7 millions pour le NFP", "$50m for Wissa") is its own.
_NAME_AFTER_RE = re.compile(
    r"\s*(?:\(|(?:for|pour|on|to|at|chez|par|by|de|of|from|du|des)\s+(?:(?:le|la|les|l['’]|the)\s*)?"
    r"[A-Z])"
)
# Which properties count each noun ("mort": the death toll; "personne": many).
_COUNTED_BY: dict[str, tuple[str, ...]] = {}
for _code, _nouns in sorted(COUNTS.items()):
    for _noun in _nouns:
        _COUNTED_BY[_noun] = (*_COUNTED_BY.get(_noun, ()), _code)
_LEVEL_OF = {change: level for level, change in _HAS_CHANGE.items()}
# Between a change and the level it reaches: "de 2 %, à 18 milliards", "3% to €41bn".
_CHANGE_TO_LEVEL_RE = {
    "fr": re.compile(r",?\s+(?:à|a)\s+(?:(?:environ|près\s+de|quelque)\s+)?", re.IGNORECASE),
    "en": re.compile(r",?\s+(?:to|at)\s+(?:(?:about|around|some|nearly)\s+)?", re.IGNORECASE),
}
# After a bare "13,52 milliards": nothing it counts, only punctuation or a link word.
_NOTHING_COUNTED_RE = {
    "fr": re.compile(r"\s*(?:[,.;:!?)»]|\Z|(?:et|contre|à|en|dont|soit|ou)\b)"),
    "en": re.compile(r"\s*(?:[,.;:!?)»]|\Z|(?:and|against|to|in|from|or)\b)"),
}
# A change measured on a constant basis (organic growth) is not the reported change.
_CONSTANT_BASIS_RE = {
    "fr": _cue(
        r"(?:à|a)\s+(?:taux\s+de\s+change|périmètre|structure|données|change)[^.;]{0,40}?"
        r"constants?|en\s+données\s+comparables|hors\s+effets?\s+de\s+change|"
        r"en\s+organique|croissance\s+organique"
    ),
    "en": _cue(
        r"like[-\s]for[-\s]like|organic(?:ally)?|at\s+constant\s+(?:exchange\s+rates|currenc\w+)|"
        r"constant[-\s]currency|excluding\s+(?:currency|exchange[-\s]rate)\s+effects"
    ),
}
_LIST_GAP_RE = re.compile(r"[^.;:!?]{0,60}?(?:,|\bet\b|\band\b|\bthen\b|\bpuis\b)[^.;:!?]{0,40}")
_BENCHMARK_RE = {
    "fr": _cue(r"benchmarks?|tests?|évaluations?|performances?|classements?"),
    "en": _cue(r"benchmarks?|tests?|evaluations?|performance|leaderboards?|rankings?"),
}


# --------------------------------------------------------------------------
# The database side
# --------------------------------------------------------------------------


def known_subject_names() -> Callable[[set[str]], dict[str, str]]:
    """A lookup from folded names and aliases to subject names, for :func:`suggest`.

    The vocabulary is small next to an article's candidate names, so it is read
    whole, in two queries, whatever the article's length.
    """
    names = _known_names()
    return lambda keys: {key: names[key] for key in keys if key in names}


def _known_names() -> dict[str, str]:
    from claims.models import Subject, SubjectAlias

    names = dict(SubjectAlias.objects.order_by().values_list("normalised_alias", "subject__name"))
    names.update(Subject.objects.order_by().values_list("normalised_name", "name"))
    return names


def _code_digest() -> str:
    """A digest of the suggester's own code: suggestions cached by another version of it
    are never served, without anyone remembering to bump a number."""
    from pathlib import Path

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in (
        "suggestions.py", "reading.py", "newswords.py", "properties.py", "values.py",
        "statements.py", "glossary.py",
    ):  # fmt: skip
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


SUGGESTER_VERSION = _code_digest()
# An article's suggestions are read once and kept: reading a long article takes
# seconds, and it only changes when the subjects the workbench knows do.
SUGGESTIONS_CACHE_SECONDS = 24 * 3600


def _vocabulary_fingerprint() -> tuple:
    """What changes when a subject or an alias is added, removed, renamed or moved to
    another subject, read in two aggregate queries. (It was a digest of every name: at
    a million claims, 44,000 names read, sorted and hashed on each article page.) The
    workbench renames no subject; one renamed in the admin to a name of the same length
    is seen when the day's cache runs out."""
    from django.db.models import Count, Max, Sum
    from django.db.models.functions import Length

    from claims.models import Subject, SubjectAlias

    subjects = Subject.objects.aggregate(
        n=Count("pk"),
        last=Max("pk"),
        names=Sum(Length("name")),
        keys=Sum(Length("normalised_name")),
    )
    aliases = SubjectAlias.objects.aggregate(
        n=Count("pk"),
        last=Max("pk"),
        keys=Sum(Length("normalised_alias")),
        owners=Sum("subject_id"),
    )
    return tuple(subjects.values()) + tuple(aliases.values())


def source_suggestions(source: Source) -> list[Suggestion]:
    """``suggest`` for a stored source, kept in the cache until its text, its language,
    its date or the workbench's subjects change."""
    reference = source.published_on or (source.created_at and source.created_at.date())
    key = (
        "suggestions:"
        + hashlib.sha256(
            repr(
                (
                    SUGGESTER_VERSION,
                    source.text_sha256,
                    source.language,
                    reference,
                    _vocabulary_fingerprint(),
                )
            ).encode()
        ).hexdigest()
    )
    found = cache.get(key)
    if found is None:
        names = _known_names()
        found = suggest(
            source.text,
            source.language,
            known_subjects=lambda keys: {k: names[k] for k in keys if k in names},
            reference=reference,
        )
        cache.set(key, found, SUGGESTIONS_CACHE_SECONDS)
    return found


Claimed = tuple[int, int, tuple]


def claimed_spans(appearances: Iterable[Any]) -> list[Claimed]:
    """(start, end, value key) of appearances whose claim is loaded with them."""
    return [(a.start, a.end, claim_value_key(a.claim)) for a in appearances]


def claim_value_key(claim: Any) -> tuple:
    """``value_key`` of a stored claim, so that a claimed figure is recognised as one."""
    if claim.value_kind == ValueKind.DATE:
        return (claim.value_kind, claim.value_date, claim.value_date_precision)
    if claim.value_kind == ValueKind.TEXT:
        return ()
    return (
        claim.value_kind,
        claim.value_number,
        claim.value_unit,
        claim.value_currency,
        claim.value_per,
    )


def suggestions_for(
    source: Source, *, claimed: Iterable[Claimed] | None = None
) -> list[Suggestion]:
    """The source's suggestions, without what is already claimed or was dismissed.

    A figure is claimed when a quote covering it belongs to a claim stating that
    figure: accepting one figure of a sentence (whose quote is the sentence) leaves
    the sentence's other figures on offer. ``claimed`` is (start, end, value key)
    per appearance (``claimed_spans``), when the caller has them already.
    """
    if claimed is None:
        claimed = claimed_spans(source.appearances.select_related("claim"))
    spans = sorted(claimed)
    dismissed = set(source.dismissals.values_list("start", "end"))
    found = source_suggestions(source)
    corrections = list(source.corrections.values_list("field", "guess", "kind", "correction"))
    return apply_corrections(
        [s for s in found if (s.start, s.end) not in dismissed and not _is_claimed(spans, s)],
        corrections,
    )


def _is_claimed(spans: list[Claimed], suggestion: Suggestion) -> bool:
    key = value_key(suggestion.value) if suggestion.value is not None else None
    for start, end, claimed_key in _overlapping(spans, suggestion.start, suggestion.end):
        if key is None or (start, end) == (suggestion.start, suggestion.end):
            return True
        # The quote's claim states this figure, or states no figure at all (its
        # words are the claim); a claim about another figure leaves this one.
        if claimed_key == key or claimed_key == ():
            return True
    return False


def apply_corrections(
    suggestions: list[Suggestion], corrections: Iterable[tuple[str, str, str, str]]
) -> list[Suggestion]:
    """Suggestions as the reviewer corrected the same guesses elsewhere in the article.

    ``corrections`` are (field, guess, kind, correction) rows of SuggestionCorrection:
    a subject guessed by a name that was corrected takes the corrected subject, a
    property guessed for a figure of the same kind takes the corrected property.
    """
    subjects, properties = {}, {}
    for field, guess, kind, correction in corrections:
        if field == "subject":
            subjects[guess] = correction
        else:
            properties[(guess, kind)] = correction
    if not subjects and not properties:
        return suggestions
    result = []
    for suggestion in suggestions:
        changes: dict[str, Any] = {}
        subject = subjects.get(normalise_name(suggestion.subject))
        if subject is not None:
            changes.update(subject=subject, subject_known=True, subject_aliases=())
        code = properties.get((suggestion.property_code, suggestion.kind))
        if code is not None:
            changes["property_code"] = code
        result.append(replace(suggestion, **changes) if changes else suggestion)
    return result


def _overlapping(spans: list[Claimed], start: int, end: int) -> list[Claimed]:
    """The spans of the list (sorted by start) that overlap [start, end)."""
    index = bisect.bisect_left(spans, (end, -1))
    return [span for span in spans[:index] if span[1] > start]


def find_suggestion(source: Source, start: int, end: int) -> Suggestion | None:
    """The suggestion at exactly this span, if it is still on offer."""
    return next((s for s in suggestions_for(source) if (s.start, s.end) == (start, end)), None)
