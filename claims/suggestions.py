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
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from claims.choices import DatePrecision, Qualifier, ValueKind
from claims.models import normalise_name
from claims.values import SUPPORTED_LANGUAGES, ParsedValue, find_values, to_claim_fields

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


def _ends_sentence(
    text: str, line_start: int, mark: re.Match[str], following: str, lang: str
) -> bool:
    """Whether the punctuation ``mark``, followed by the word ``following``, ends a sentence."""
    first = following[:1]
    if first.isalpha() and first.islower():
        return False
    if not mark.group().startswith(".") or mark.group().rstrip(_CLOSERS + " \u00a0\u202f") != ".":
        return True  # "!", "?", "…", "..."
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

# Properties by the words around a figure. Every row: the vocabulary's code,
# the value kinds it applies to, and its cue words. Generic news vocabulary.
_PROPERTY_CUES: dict[str, list[tuple[str, frozenset[str], re.Pattern[str]]]] = {
    "fr": [
        ("founding-date", frozenset({ValueKind.DATE}),
         _cue(r"fond(?:é|ée|és|ées|ation|ateur|atrice|ateurs)|cré(?:é|ée|és|ées|ation)|"
              r"naissance|née?s?|depuis\s+sa\s+création")),
        ("release-date", frozenset({ValueKind.DATE}),
         _cue(r"lanc(?:é|ée|és|ées|ement)|sorti(?:e|s|es)?|dévoilé\w*|présenté\w*|publié\w*|"
              r"annoncé\w*|mis\w*\s+en\s+ligne|commercialis\w*")),
        ("price-per-unit", frozenset({ValueKind.MONEY}),
         _cue(r"prix|tarif\w*|coûte\w*|coût\s+de|factur\w*|vendu\w*|abonnement|payer")),
        ("training-cost", frozenset({ValueKind.MONEY}),
         _cue(r"entra[iî]n\w*|développ\w*|concevoir|conçu\w*|créer|construire|mettre\s+au\s+point")),
        ("revenue", frozenset({ValueKind.MONEY, ValueKind.PERCENTAGE}),
         _cue(r"chiffre\s+d['’]affaires|revenus?|recettes|ventes")),
        ("valuation", frozenset({ValueKind.MONEY}),
         _cue(r"valoris\w*|valeur\s+de\s+(?:l['’]entreprise|la\s+société)")),
        ("funding", frozenset({ValueKind.MONEY}),
         _cue(r"lev(?:é|ée|ées|er|e)|levée\s+de\s+fonds|financement\w*|investissement\w*|"
              r"tour\s+de\s+table")),
        ("market-value-change", frozenset({ValueKind.MONEY, ValueKind.PERCENTAGE}),
         _cue(r"valeur\s+boursière|capitalisation|bours\w*|chute\w*|perd\w*|perte\w*|"
              r"effondr\w*|dévissé\w*")),
        ("operating-cost", frozenset({ValueKind.MONEY, ValueKind.PERCENTAGE}),
         _cue(r"coûts?\s+(?:opérationnels?|d['’]exploitation|de\s+fonctionnement)|frais|"
              r"dépenses")),
        ("parameter-count", frozenset({ValueKind.QUANTITY}), _cue(r"paramètres?")),
        ("gpu-count", frozenset({ValueKind.QUANTITY}),
         _cue(r"GPU|puces|processeurs\s+graphiques|cartes\s+graphiques")),
        ("user-count", frozenset({ValueKind.QUANTITY}),
         _cue(r"utilisat(?:eur|rice)s?|abonné\w*|clients?|usagers?")),
        ("employee-count", frozenset({ValueKind.QUANTITY}),
         _cue(r"emplo\w*|salarié\w*|effectifs?|collaborat(?:eur|rice)s")),
        ("download-ranking", frozenset({ValueKind.RANK}),
         _cue(r"téléchargement\w*|téléchargé\w*|magasins?\s+d['’]applications")),
        ("leaderboard-rank", frozenset({ValueKind.RANK}),
         _cue(r"classement\w*|classé\w*|palmarès|place|rang")),
        ("training-duration", frozenset({ValueKind.DURATION}),
         _cue(r"entra[iî]n\w*|développ\w*|concevoir|conçu\w*|créer|construire|"
              r"mettre\s+au\s+point")),
        ("benchmark-standing", frozenset({COMPARISON}),
         _cue(r"surpass\w*|dépass\w*|devanc\w*|bat|battu\w*|performances?|"
              r"benchmarks?|évaluations?")),
        ("statement-attributed", frozenset({ATTRIBUTION}), _ATTRIBUTION_RE["fr"]),
    ],
    "en": [
        ("founding-date", frozenset({ValueKind.DATE}),
         _cue(r"found(?:ed|ing|er|ers)|established|incorporated|set\s+up|created")),
        ("release-date", frozenset({ValueKind.DATE}),
         _cue(r"launch(?:ed|es)?|released?|unveiled|introduced|announced|rolled\s+out|"
              r"went\s+on\s+sale")),
        ("price-per-unit", frozenset({ValueKind.MONEY}),
         _cue(r"prices?|priced|pricing|costs?|charges?|charged|sells?\s+for|subscription|pay")),
        ("training-cost", frozenset({ValueKind.MONEY}),
         _cue(r"train(?:ed|ing)?|develop(?:ed|ing)?|build|built|creat(?:e|ed|ing)|design(?:ed)?")),
        ("revenue", frozenset({ValueKind.MONEY, ValueKind.PERCENTAGE}),
         _cue(r"revenues?|sales|turnover|earnings")),
        ("valuation", frozenset({ValueKind.MONEY}), _cue(r"valu(?:ed|ation)|worth")),
        ("funding", frozenset({ValueKind.MONEY}),
         _cue(r"raised?|raising|funding|investments?|invested|round")),
        ("market-value-change", frozenset({ValueKind.MONEY, ValueKind.PERCENTAGE}),
         _cue(r"market\s+(?:value|cap\w*)|stocks?|shares?|lost|loss(?:es)?|wiped|plunge\w*|"
              r"fell|drop\w*|slump\w*")),
        ("operating-cost", frozenset({ValueKind.MONEY, ValueKind.PERCENTAGE}),
         _cue(r"(?:operating|running|operational)\s+costs?|expenses|overheads?")),
        ("parameter-count", frozenset({ValueKind.QUANTITY}), _cue(r"parameters?")),
        ("gpu-count", frozenset({ValueKind.QUANTITY}),
         _cue(r"GPUs?|chips|graphics\s+(?:cards|processors)|accelerators")),
        ("user-count", frozenset({ValueKind.QUANTITY}),
         _cue(r"users?|subscribers?|customers?|clients?|members")),
        ("employee-count", frozenset({ValueKind.QUANTITY}),
         _cue(r"employ\w*|staff|workers|workforce|headcount")),
        ("download-ranking", frozenset({ValueKind.RANK}),
         _cue(r"downloads?|downloaded|app\s+charts?|app\s+stores?")),
        ("leaderboard-rank", frozenset({ValueKind.RANK}),
         _cue(r"leaderboards?|rank(?:ed|ing|ings)?|place|position|spot")),
        ("training-duration", frozenset({ValueKind.DURATION}),
         _cue(r"train(?:ed|ing)?|develop(?:ed|ing)?|build|built|creat(?:e|ed|ing)")),
        ("benchmark-standing", frozenset({COMPARISON}),
         _cue(r"outperform\w*|surpass\w*|beat|beats|beaten|performance|benchmarks?|tests?")),
        ("statement-attributed", frozenset({ATTRIBUTION}), _ATTRIBUTION_RE["en"]),
    ],
}  # fmt: skip
# What the figure counts decides some properties outright.
_UNIT_PROPERTIES = {
    "parameter": "parameter-count",
    "GPU": "gpu-count",
    "chip": "gpu-count",
    "TPU": "gpu-count",
    "user": "user-count",
    "subscriber": "user-count",
    "customer": "user-count",
    "employee": "employee-count",
}

# Capitalised words that are not names: function words that open sentences,
# common acronyms, months and days (capitalised in English).
_NOT_NAMES = _words(
    "ia ai api pdg ceo cto cfo pib gdp ong ngo tva vat pdf usd eur gpu cpu tpu cet ces "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche ok tv"
)
_NAME_TOKEN_RE = re.compile(r"\w+(?:[-’'.&]\w+)*")
_ELISION_RE = re.compile(r"(?i:qu|[ldjmnstc])['’](?=\w)")
_INNER_CAPITAL_RE = re.compile(r".+[A-Z0-9]|.*[0-9]")
_PHRASE_GAP_RE = re.compile(r"[ \u00a0]\Z")
_LEFT_WORDS_RE = [re.compile(rf"(?<!\S)(?:\S+\s+){{{k}}}\S*\Z") for k in range(4)]
_RIGHT_WORDS_RE = [re.compile(rf"(?:\s+[^\s,.;:!?]+){{{k}}}") for k in range(1, 3)]
# The few words after a comparing or attributing word that say what it is about.
_CUE_TAIL_RE = re.compile(r"(?:[ \u00a0]+[^\s,.;:!?«»]+){1,4}")
# A name right after one of these complements another word, or says where.
_COMPLEMENT_RE = {
    "fr": re.compile(r"(?:(?<!\w)(?:de|celui|celle|à|au|aux|en|dans)\s+|(?<!\w)[dD]['’])\Z"),
    "en": re.compile(r"(?<!\w)(?:of|than|in|at|from|to|into)\s+\Z", re.IGNORECASE),
}


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
    property_code: str = ""

    # Lets the article template tell suggestions from appearances in one span list.
    is_suggestion: ClassVar[bool] = True

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}"

    def claim_fields(self) -> dict[str, Any]:
        """The Claim value fields this suggestion fills (see claims.values.to_claim_fields)."""
        if self.value is not None:
            return to_claim_fields(self.value)
        return {"value_kind": ValueKind.TEXT, "value_text": self.exact}

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


@dataclass(slots=True)
class _Name:
    """A run of capitalised words in a sentence, and the subject it names if known.

    ``keys`` are the folded spellings to look it up by, each with where that
    spelling starts; ``anchor`` is where the spelling that resolved starts.
    ``complement`` says that the name complements another word or says where
    ("the price of X", "le modèle d'X", "à Lyon") rather than being what the
    sentence is about.
    """

    start: int
    end: int
    text: str
    opens_sentence: bool
    keys: tuple[tuple[str, int], ...] = ()
    known: str = ""
    anchor: int = 0
    complement: bool = False
    # Where the name goes on after a word that opened the sentence, if it did.
    tail: int = -1


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

SubjectLookup = Callable[[set[str]], Mapping[str, str]]


def suggest(
    text: str, language: str = "fr", *, known_subjects: SubjectLookup | None = None
) -> list[Suggestion]:
    """Every suggestion in the text, best first (then in reading order).

    ``known_subjects`` maps folded names (``normalise_name``) to the subject
    they name; it is called once with every candidate name in the text.
    """
    lang = _lang(language)
    if lang is None or not text:
        return []
    sentences = split_sentences(text, lang)
    values = find_values(text, lang)
    value_starts = [v.start for v in values]
    names = _names(text, sentences, lang)
    keys = {key for found in names for name in found for key, _start in name.keys}
    resolved = dict(known_subjects(keys)) if known_subjects and keys else {}
    for found in names:
        for name in found:
            # The most specific spelling wins: "X researchers" over "X".
            key, name.anchor = next(
                ((k, at) for k, at in name.keys if k in resolved), ("", name.start)
            )
            name.known = resolved.get(key, "")
            name.complement = (
                _COMPLEMENT_RE[lang].search(text, max(0, name.anchor - 12), name.anchor) is not None
            )

    suggestions: list[Suggestion] = []
    # The last subject named: "Elle emploie 1 200 personnes" is about it.
    carried = ""
    for sentence, found in zip(sentences, names, strict=True):
        low = bisect.bisect_left(value_starts, sentence.start)
        high = bisect.bisect_left(value_starts, sentence.end)
        here = [v for v in values[low:high] if v.end <= sentence.end]
        context = _Context(text, sentence, lang, found, carried)
        if here:
            suggestions += _same_kind_of_price([context.for_value(value) for value in here])
        else:
            suggestion = context.for_cue()
            if suggestion is not None:
                suggestions.append(suggestion)
        carried = context.sentence_subject() or carried
    suggestions.sort(key=lambda s: (-s.score, s.start))
    return suggestions


class _Context:
    """One sentence, with what scoring and guessing need to know about it."""

    def __init__(
        self, text: str, sentence: Sentence, lang: str, names: list[_Name], carried: str
    ) -> None:
        self.text = text
        self.sentence = sentence
        self.lang = lang
        self.names = [n for n in names if n.known or not n.opens_sentence]
        self.carried = carried
        start, end = sentence.start, sentence.end
        self.comparison = _COMPARISON_RE[lang].search(text, start, end)
        self.attribution = _ATTRIBUTION_RE[lang].search(text, start, end)
        self.hedged = _HEDGE_RE[lang].search(text, start, end) is not None
        self.question = text[start:end].rstrip(_CLOSERS + " \u00a0").endswith("?")
        self.words = len(text[start:end].split())

    def sentence_subject(self) -> str:
        """What the sentence is about: its first name that complements nothing, known first."""
        ordered = sorted(self.names, key=lambda n: (not n.known, n.complement, n.start))
        if not ordered:
            return ""
        return ordered[0].known or ordered[0].text

    def _subject(self, start: int, end: int, *, speaker: bool = False) -> tuple[str, bool]:
        """The known subject nearest the span, else the nearest proper noun.

        A name the sentence is about beats one that complements another word
        or says where ("à Lyon"); among those, the nearest wins, a name before
        the figure counting as nearer than one after it. Without a name in the
        sentence, the last subject named before it.
        """

        def rank(name: _Name) -> tuple[bool, float]:
            gap = start - name.end if name.end <= start else (name.anchor - start) * 1.5
            return name.complement, gap

        names = self.names
        if speaker and any(n.end <= start for n in names):
            # Who said it comes before what they said.
            names = [n for n in names if n.end <= start]
        known = [n for n in names if n.known]
        if known:
            return min(known, key=rank).known, True
        if names:
            return min(names, key=rank).text, False
        return self.carried, False

    def _property(self, kind: str, start: int, end: int, unit: str = "") -> str:
        if unit in _UNIT_PROPERTIES and kind == ValueKind.QUANTITY:
            return _UNIT_PROPERTIES[unit]
        best: tuple[int, str] | None = None
        for code, kinds, pattern in _PROPERTY_CUES[self.lang]:
            if kind not in kinds:
                continue
            for match in pattern.finditer(self.text, self.sentence.start, self.sentence.end):
                if (
                    match.start() < end
                    and start < match.end()
                    and kind
                    not in (
                        COMPARISON,
                        ATTRIBUTION,
                    )
                ):
                    continue  # the figure's own words ("dollars") are not a cue
                gap = start - match.end() if match.end() <= start else match.start() - end
                if best is None or abs(gap) < best[0]:
                    best = (abs(gap), code)
        return best[1] if best else ""

    def _score(self, kind: str, *, known: bool, subject: str, prop: str, hedge: bool) -> float:
        score = _KIND_SCORES.get(kind, 0.3)
        score += 0.15 if known else (0.08 if subject else 0)
        score += 0.1 if prop else 0
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

    def for_value(self, value: ParsedValue) -> Suggestion:
        subject, known = self._subject(value.start, value.end)
        prop = self._property(value.kind, value.start, value.end, value.unit)
        if value.kind == ValueKind.MONEY and value.per is not None:
            prop = "price-per-unit"
        score = self._score(
            value.kind,
            known=known,
            subject=subject,
            prop=prop,
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
            property_code=prop,
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
        subject, known = self._subject(cue.start(), end, speaker=kind == ATTRIBUTION)
        prop = self._property(kind, cue.start(), end)
        score = self._score(kind, known=known, subject=subject, prop=prop, hedge=False)
        return self._make(
            cue.start(),
            end,
            kind,
            score=score,
            subject=subject,
            subject_known=known,
            property_code=prop,
        )


def _same_kind_of_price(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Amounts compared with a price per unit in the same sentence are prices too."""
    if not any(s.property_code == "price-per-unit" for s in suggestions):
        return suggestions
    return [
        replace(s, property_code="price-per-unit", score=round(min(1.0, s.score + 0.1), 2))
        if s.kind == ValueKind.MONEY and not s.property_code
        else s
        for s in suggestions
    ]


def _names(text: str, sentences: list[Sentence], lang: str) -> list[list[_Name]]:
    """Per sentence, its runs of capitalised words, with the spellings to look them up by."""
    tokens_by_sentence = []
    capitalised_inside: set[str] = set()
    for sentence in sentences:
        tokens = []
        for match in _NAME_TOKEN_RE.finditer(text, sentence.start, sentence.end):
            start, word = match.start(), match.group()
            elision = _ELISION_RE.match(word)
            if elision:
                start, word = start + elision.end(), word[elision.end() :]
            if not any(c.isupper() for c in word) or _fold(word) in _NOT_NAMES:
                continue
            opens = not tokens and text[sentence.start : start].strip(" «“\"'(") == ""
            if not opens:
                capitalised_inside.add(word)
            tokens.append((start, start + len(word), word, opens))
        tokens_by_sentence.append(tokens)

    result = []
    for sentence, tokens in zip(sentences, tokens_by_sentence, strict=True):
        found: list[_Name] = []
        for start, end, word, opens in tokens:
            # A capitalised word opening a sentence is a name only if it looks like
            # one ("iPhone", "G7") or is capitalised elsewhere too.
            opens = opens and word not in capitalised_inside and not _INNER_CAPITAL_RE.match(word)
            if opens and _fold(word) in _STARTERS[lang]:
                continue
            previous = found[-1] if found else None
            if (
                previous is not None
                and start - previous.end == 1
                and _PHRASE_GAP_RE.search(text, previous.end, start)
            ):
                if previous.opens_sentence:
                    # "Paul Martin a déclaré": two capitalised words open the sentence,
                    # a name most likely; the second alone is looked up as well.
                    previous.opens_sentence, previous.tail = False, start
                previous.end, previous.text = end, text[previous.start : end]
                continue
            found.append(_Name(start, end, word, opens))
        for name in found:
            name.keys = _lookup_keys(text, sentence, name)
            if name.tail >= 0:
                name.keys += ((normalise_name(text[name.tail : name.end]), name.tail),)
        result.append(found)
    return result


def _lookup_keys(text: str, sentence: Sentence, name: _Name) -> tuple[tuple[str, int], ...]:
    """The folded spellings a name may be known by, most specific first, with their starts.

    A subject's alias may include the words around the name ("the X team",
    "X researchers"), so up to three words before it and two after are tried.
    """
    keys = []
    for pattern in reversed(_RIGHT_WORDS_RE):
        match = pattern.match(text, name.end, sentence.end)
        if match:
            keys.append((text[name.start : match.end()], name.start))
    window = max(sentence.start, name.start - 60)
    for pattern in reversed(_LEFT_WORDS_RE):
        match = pattern.search(text, window, name.start)
        if match and match.group().strip():
            keys.append((text[match.start() : name.end], match.start()))
    keys.append((name.text, name.start))
    seen: dict[str, int] = {}
    for spelling, start in keys:
        folded = normalise_name(spelling)
        if folded and folded not in seen:
            seen[folded] = start
    return tuple(seen.items())


# --------------------------------------------------------------------------
# The database side
# --------------------------------------------------------------------------


def known_subject_names() -> Callable[[set[str]], dict[str, str]]:
    """A lookup from folded names and aliases to subject names, for :func:`suggest`.

    The vocabulary is small next to an article's candidate names, so it is read
    whole, in two queries, whatever the article's length.
    """
    from claims.models import Subject, SubjectAlias

    names = dict(SubjectAlias.objects.order_by().values_list("normalised_alias", "subject__name"))
    names.update(Subject.objects.order_by().values_list("normalised_name", "name"))
    return lambda keys: {key: names[key] for key in keys if key in names}


def suggestions_for(
    source: Source, *, claimed: Iterable[tuple[int, int]] | None = None
) -> list[Suggestion]:
    """The source's suggestions, without what is already claimed or was dismissed.

    ``claimed`` is the (start, end) of the source's appearances, when the
    caller has them already.
    """
    if claimed is None:
        claimed = source.appearances.values_list("start", "end")
    spans = sorted(claimed)
    dismissed = set(source.dismissals.values_list("start", "end"))
    found = suggest(source.text, source.language, known_subjects=known_subject_names())
    return [
        s
        for s in found
        if (s.start, s.end) not in dismissed and not _overlaps(spans, s.start, s.end)
    ]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any span of the list (sorted by start)."""
    index = bisect.bisect_left(spans, (end, -1))
    return any(span_end > start for _span_start, span_end in spans[:index])


def find_suggestion(source: Source, start: int, end: int) -> Suggestion | None:
    """The suggestion at exactly this span, if it is still on offer."""
    return next((s for s in suggestions_for(source) if (s.start, s.end) == (start, end)), None)
