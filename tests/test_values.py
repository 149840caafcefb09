"""The value parser: stated values in French and English, read as structured values.

Pure functions, so no database: the DeepSeek articles and claims are read from
the demo fixture's JSON, whose texts are the seed files byte for byte (checked
in test_demo_fixture.py).
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from claims.choices import DatePrecision, Qualifier, ValueKind
from claims.models import Claim
from claims.values import ParsedValue, find_values, format_value, parse_value, to_claim_fields

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "deepseek.json"
EXACT, ABOUT = Qualifier.EXACT, Qualifier.ABOUT
AT_LEAST, AT_MOST = Qualifier.AT_LEAST, Qualifier.AT_MOST
NBSP, NNBSP = "\u00a0", "\u202f"
MILLION = Decimal(10**6)


def _fixture() -> list[dict[str, Any]]:
    return json.loads(FIXTURE.read_text())


def _article(pk: int) -> str:
    return next(
        o["fields"]["text"] for o in _fixture() if o["model"] == "claims.source" and o["pk"] == pk
    )


ARTICLE_A = _article(1)  # seeds/000_09b35d35c57cf6ec.txt, news piece on R1
ARTICLE_B = _article(2)  # seeds/002_161579942a1dd780.txt, "DeepSeek est devenu viral…"


# What a ParsedValue says, without where it was found: the expected side of every table.
def _expected(kind: ValueKind, **fields: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "number": None,
        "unit": "",
        "per": None,
        "currency": "",
        "date": None,
        "date_precision": "",
        "qualifier": EXACT,
        **fields,
    }


def quantity(number: str, unit: str = "", qualifier: Qualifier = EXACT) -> dict[str, Any]:
    return _expected(ValueKind.QUANTITY, number=Decimal(number), unit=unit, qualifier=qualifier)


def money(
    number: str,
    currency: str,
    qualifier: Qualifier = EXACT,
    *,
    per: Decimal | None = None,
    unit: str = "",
) -> dict[str, Any]:
    return _expected(
        ValueKind.MONEY,
        number=Decimal(number),
        currency=currency,
        qualifier=qualifier,
        per=per,
        unit=unit,
    )


def percentage(number: str, qualifier: Qualifier = EXACT, unit: str = "%") -> dict[str, Any]:
    return _expected(ValueKind.PERCENTAGE, number=Decimal(number), unit=unit, qualifier=qualifier)


def duration(number: str, unit: str, qualifier: Qualifier = EXACT) -> dict[str, Any]:
    return _expected(ValueKind.DURATION, number=Decimal(number), unit=unit, qualifier=qualifier)


def rank(number: int) -> dict[str, Any]:
    return _expected(ValueKind.RANK, number=Decimal(number))


def date(
    year: int, month: int = 1, day: int = 1, *, precision: DatePrecision, qualifier=EXACT
) -> dict[str, Any]:
    return _expected(
        ValueKind.DATE,
        date=datetime.date(year, month, day),
        date_precision=precision,
        qualifier=qualifier,
    )


def year(y: int, qualifier: Qualifier = EXACT) -> dict[str, Any]:
    return date(y, precision=DatePrecision.YEAR, qualifier=qualifier)


def month(y: int, m: int) -> dict[str, Any]:
    return date(y, m, precision=DatePrecision.MONTH)


def day(y: int, m: int, d: int) -> dict[str, Any]:
    return date(y, m, d, precision=DatePrecision.DAY)


def structured(value: ParsedValue) -> dict[str, Any]:
    return {
        "kind": value.kind,
        "number": value.number,
        "unit": value.unit,
        "per": value.per,
        "currency": value.currency,
        "date": value.date,
        "date_precision": value.date_precision,
        "qualifier": value.qualifier,
    }


def assert_anchored(text: str, values: list[ParsedValue]) -> None:
    """Every span is the exact substring, and the spans come in order without overlapping."""
    previous_end = 0
    for value in values:
        assert text[value.start : value.end] == value.text
        assert value.text
        assert value.start >= previous_end
        previous_end = value.end


# --------------------------------------------------------------------------
# The checkable claims of /work/shared/CLAIMS.md, found in the articles
# --------------------------------------------------------------------------

# (claim number in CLAIMS.md, article text, span find_values reports, value)
CLAIMS_IN_ARTICLES = [
    (1, ARTICLE_A, "mai 2023", month(2023, 5)),
    (5, ARTICLE_A, "troisième place", rank(3)),
    (
        6,
        ARTICLE_A,
        "commence à 0,14 $ pour un million de jetons",
        money("0.14", "USD", AT_LEAST, per=MILLION, unit="token"),
    ),
    (7, ARTICLE_A, "7,50 $", money("7.50", "USD")),
    (9, ARTICLE_A, "environ 450 dollars", money("450", "USD", ABOUT)),
    (9, ARTICLE_A, "19 heures", duration("19", "hour")),
    (10, ARTICLE_B, "2021", year(2021)),
    (11, ARTICLE_B, "jusqu’à 96 %", percentage("96", AT_MOST)),
    (12, ARTICLE_B, "671 milliards de paramètres", quantity("671000000000", "parameter")),
    (
        14,
        ARTICLE_B,
        "0,55 $ par million de tokens",
        money("0.55", "USD", per=MILLION, unit="token"),
    ),
    (16, ARTICLE_B, "2 000 GPU", quantity("2000", "GPU")),
    (18, ARTICLE_B, "2 000 milliards de dollars", money("2000000000000", "USD")),
    (18, ARTICLE_B, "une semaine", duration("1", "week")),
]


@pytest.mark.parametrize(
    ("claim", "article", "span", "expected"),
    CLAIMS_IN_ARTICLES,
    ids=[f"#{c[0]}-{c[2]}" for c in CLAIMS_IN_ARTICLES],
)
def test_it_finds_each_claimed_value_in_its_article(claim, article, span, expected):
    found = {value.text: value for value in find_values(article, "fr")}

    assert span in found, f"claim #{claim}: {span!r} not among {list(found)}"
    value = found[span]
    assert structured(value) == expected
    assert article[value.start : value.end] == span
    assert article.index(span) == value.start


# The "value as stated" column of CLAIMS.md, in English, typed into a form.
CLAIMS_AS_STATED = [
    (1, "May 2023", "May 2023", month(2023, 5)),
    (5, "3rd overall", "3rd", rank(3)),
    (6, "from $0.14", "from $0.14", money("0.14", "USD", AT_LEAST)),
    (7, "$7.50", "$7.50", money("7.50", "USD")),
    (9, "about $450", "about $450", money("450", "USD", ABOUT)),
    (9, "in 19 hours", "19 hours", duration("19", "hour")),
    (10, "2021", "2021", year(2021)),
    (11, "up to 96 %", "up to 96 %", percentage("96", AT_MOST)),
    (12, "671 billion", "671 billion", quantity("671000000000")),
    (14, "$0.55", "$0.55", money("0.55", "USD")),
    (16, "2,000", "2,000", quantity("2000")),
    (18, "$2,000 billion", "$2,000 billion", money("2000000000000", "USD")),
]


@pytest.mark.parametrize(
    ("claim", "stated", "span", "expected"),
    CLAIMS_AS_STATED,
    ids=[f"#{c[0]}-{c[1]}" for c in CLAIMS_AS_STATED],
)
def test_it_parses_each_claimed_value_as_stated_in_english(claim, stated, span, expected):
    value = parse_value(stated, "en")

    assert value is not None, f"claim #{claim}"
    assert structured(value) == expected
    assert value.text == span == stated[value.start : value.end]


# The claims of CLAIMS.md whose value is an entity, a fact or a comparison.
CLAIMS_WITHOUT_A_FIGURE = [
    (2, "Liang Wenfeng"),
    (3, "beats OpenAI's ChatGPT in several maths, coding and reasoning benchmarks"),
    (4, "overtook ChatGPT on the App Store"),
    (8, "personal data may be stored on servers in China"),
    (13, "runs on standard laptops"),
    (15, "beats DALL-E 3 on several key benchmarks"),
    (17, "grew out of a Chinese quantitative trading firm"),
    (19, "MIT"),
    (20, "stores user data on servers in China"),
    (21, 'says DeepSeek used "distillation" of its models'),
]


@pytest.mark.parametrize(
    ("claim", "stated"), CLAIMS_WITHOUT_A_FIGURE, ids=[f"#{c[0]}" for c in CLAIMS_WITHOUT_A_FIGURE]
)
def test_claims_without_a_figure_give_no_value(claim, stated):
    """They stay text claims: nothing in them should be offered as a checkable figure."""
    assert parse_value(stated, "en") is None
    assert find_values(stated, "en") == []


# The public evidence listed in CLAIMS.md: (sentence, the values it states).
EVIDENCE = [
    (
        "trained on a cluster of 2,048 NVIDIA H800 GPUs; arXiv:2412.19437",
        [("2,048 NVIDIA H800 GPUs", quantity("2048", "GPU"))],
    ),
    (
        "671B total parameters, 37B activated per token (mixture of experts)",
        [
            ("671B total parameters", quantity("671000000000", "parameter")),
            ("37B", quantity("37000000000")),
        ],
    ),
    (
        "per million tokens: $0.14 input on a cache hit, $0.55 input on a cache miss, $2.19 output",
        [
            ("$0.14", money("0.14", "USD")),
            ("$0.55", money("0.55", "USD")),
            ("$2.19", money("2.19", "USD")),
        ],
    ),
    (
        "OpenAI o1 at the time: $7.50 cached input, $15 input, $60 output.",
        [("$7.50", money("7.50", "USD")), ("$15", money("15", "USD")), ("$60", money("60", "USD"))],
    ),
    (
        "DeepSeek was incorporated in July 2023, spun out of High-Flyer (founded 2015–2016)",
        [("July 2023", month(2023, 7)), ("2015", year(2015)), ("2016", year(2016))],
    ),
    (
        'neither "2021" nor "May 2023" is exact.',
        [("2021", year(2021)), ("May 2023", month(2023, 5))],
    ),
    (
        "The model is Sky-T1-32B-Preview (NovaSky lab, UC Berkeley), trained on 8 H100 GPUs.",
        [("8 H100 GPUs", quantity("8", "GPU"))],
    ),
    (
        "The full 671B R1 does not run on a laptop; the distilled R1 models (1.5B–70B) can.",
        [
            ("671B", quantity("671000000000")),
            ("1.5B", quantity("1500000000")),
            ("70B", quantity("70000000000")),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EVIDENCE, ids=[c[0][:40] for c in EVIDENCE])
def test_it_reads_the_public_evidence(text, expected):
    values = find_values(text, "en")

    assert_anchored(text, values)
    assert [(v.text, structured(v)) for v in values] == expected


def test_the_two_values_of_claim_9_are_two_values():
    """'about $450, in 19 hours' states a price and a duration: parse_value wants one."""
    stated = "about $450, in 19 hours"

    assert parse_value(stated, "en") is None
    assert [structured(v) for v in find_values(stated, "en")] == [
        money("450", "USD", ABOUT),
        duration("19", "hour"),
    ]


FIXTURE_CLAIMS = [
    o["fields"]
    for o in _fixture()
    if o["model"] == "claims.claim" and o["fields"]["value_kind"] != ValueKind.TEXT
]
FIXTURE_TEXT_CLAIMS = [
    o["fields"]["value_text"]
    for o in _fixture()
    if o["model"] == "claims.claim" and o["fields"]["value_kind"] == ValueKind.TEXT
]


@pytest.mark.parametrize("value_text", FIXTURE_TEXT_CLAIMS)
def test_demo_text_claims_state_no_figure(value_text):
    """ "surpasse DALL-E 3", "Chine", "MIT": the demo's text claims stay text."""
    assert parse_value(value_text, "fr") is None


@pytest.mark.parametrize("fields", FIXTURE_CLAIMS, ids=[f["value_text"] for f in FIXTURE_CLAIMS])
def test_it_reads_every_demo_claim_value_text_as_its_stored_value(fields):
    """The demo claims' French wording gives back the structured value stored beside it.

    Unit, rate and qualifier come from the words around the quote ("pour un
    million de jetons", "environ"), so only what the wording itself states is compared.
    """
    value = parse_value(fields["value_text"], "fr")

    assert value is not None
    assert value.kind == fields["value_kind"]
    number = fields.get("value_number")
    assert value.number == (Decimal(number) if number is not None else None)
    assert value.currency == fields.get("value_currency", "")
    stored_date = fields.get("value_date")
    assert value.date == (datetime.date.fromisoformat(stored_date) if stored_date else None)
    assert value.date_precision == fields.get("value_date_precision", "")


# --------------------------------------------------------------------------
# parse_value: one stated value, the whole string
# --------------------------------------------------------------------------

# (input, language, span, value)
PARSE_CASES = [
    # Dates and their precision
    ("mai 2023", "fr", "mai 2023", month(2023, 5)),
    ("Mai 2023", "fr", "Mai 2023", month(2023, 5)),
    ("May 2023", "en", "May 2023", month(2023, 5)),
    ("janvier 2025", "fr", "janvier 2025", month(2025, 1)),
    ("août 2024", "fr", "août 2024", month(2024, 8)),
    ("sept. 2021", "fr", "sept. 2021", month(2021, 9)),
    ("Aug. 2024", "en", "Aug. 2024", month(2024, 8)),
    ("2021", "fr", "2021", year(2021)),
    ("en 2021", "fr", "2021", year(2021)),
    ("vers 2021", "fr", "vers 2021", year(2021, ABOUT)),
    ("around 2021", "en", "around 2021", year(2021, ABOUT)),
    ("14 février 2024", "fr", "14 février 2024", day(2024, 2, 14)),
    ("14 fevrier 2024", "fr", "14 fevrier 2024", day(2024, 2, 14)),
    ("le 20 janvier 2025", "fr", "20 janvier 2025", day(2025, 1, 20)),
    ("1er janvier 2025", "fr", "1er janvier 2025", day(2025, 1, 1)),
    ("February 14, 2024", "en", "February 14, 2024", day(2024, 2, 14)),
    ("February 14th, 2024", "en", "February 14th, 2024", day(2024, 2, 14)),
    ("14 February 2024", "en", "14 February 2024", day(2024, 2, 14)),
    ("14/02/2024", "fr", "14/02/2024", day(2024, 2, 14)),
    ("02/14/2024", "en", "02/14/2024", day(2024, 2, 14)),
    ("2024-02-14", "fr", "2024-02-14", day(2024, 2, 14)),
    # Durations
    ("19 heures", "fr", "19 heures", duration("19", "hour")),
    ("19 hours", "en", "19 hours", duration("19", "hour")),
    ("24h", "fr", "24h", duration("24", "hour")),
    ("2 months", "en", "2 months", duration("2", "month")),
    ("deux mois", "fr", "deux mois", duration("2", "month")),
    ("two weeks", "en", "two weeks", duration("2", "week")),
    ("une semaine", "fr", "une semaine", duration("1", "week")),
    ("trois ans", "fr", "trois ans", duration("3", "year")),
    ("30 minutes", "fr", "30 minutes", duration("30", "minute")),
    ("10 jours", "fr", "10 jours", duration("10", "day")),
    ("at least 19 hours", "en", "at least 19 hours", duration("19", "hour", AT_LEAST)),
    ("moins de 19 heures", "fr", "moins de 19 heures", duration("19", "hour", AT_MOST)),
    # Ranks
    ("troisième place", "fr", "troisième place", rank(3)),
    ("troisième", "fr", "troisième", rank(3)),
    ("à la troisième place", "fr", "troisième place", rank(3)),
    ("3rd", "en", "3rd", rank(3)),
    ("3e", "fr", "3e", rank(3)),
    ("3ème place", "fr", "3ème place", rank(3)),
    ("1er", "fr", "1er", rank(1)),
    ("première", "fr", "première", rank(1)),
    ("deuxième", "fr", "deuxième", rank(2)),
    ("first", "en", "first", rank(1)),
    ("second place", "en", "second place", rank(2)),
    ("21st", "en", "21st", rank(21)),
    ("number one", "en", "number one", rank(1)),
    ("numéro un", "fr", "numéro un", rank(1)),
    ("n°1", "fr", "n°1", rank(1)),
    ("No. 1", "en", "No. 1", rank(1)),
    # Money, currencies and rates
    ("$0.14", "en", "$0.14", money("0.14", "USD")),
    ("0,14 $", "fr", "0,14 $", money("0.14", "USD")),
    ("0,14\u00a0$", "fr", "0,14\u00a0$", money("0.14", "USD")),
    ("7,50 $", "fr", "7,50 $", money("7.50", "USD")),
    ("450 dollars", "fr", "450 dollars", money("450", "USD")),
    ("environ 450 dollars", "fr", "environ 450 dollars", money("450", "USD", ABOUT)),
    ("près de 450 dollars", "fr", "près de 450 dollars", money("450", "USD", ABOUT)),
    ("nearly $450", "en", "nearly $450", money("450", "USD", ABOUT)),
    ("~450 $", "fr", "~450 $", money("450", "USD", ABOUT)),
    ("à partir de 0,14 $", "fr", "à partir de 0,14 $", money("0.14", "USD", AT_LEAST)),
    ("starting at $0.14", "en", "starting at $0.14", money("0.14", "USD", AT_LEAST)),
    ("5 dollars américains", "fr", "5 dollars américains", money("5", "USD")),
    ("US$5", "en", "US$5", money("5", "USD")),
    ("C$5", "en", "C$5", money("5", "CAD")),
    ("USD 100", "en", "USD 100", money("100", "USD")),
    ("100 USD", "en", "100 USD", money("100", "USD")),
    ("€10", "en", "€10", money("10", "EUR")),
    ("1 234,56 €", "fr", "1 234,56 €", money("1234.56", "EUR")),
    ("£10", "en", "£10", money("10", "GBP")),
    ("10 livres sterling", "fr", "10 livres sterling", money("10", "GBP")),
    ("£5m", "en", "£5m", money("5000000", "GBP")),
    ("100 yuans", "fr", "100 yuans", money("100", "CNY")),
    ("500 yuan", "en", "500 yuan", money("500", "CNY")),
    ("¥100", "en", "¥100", money("100", "CNY")),
    ("RMB 100", "en", "RMB 100", money("100", "CNY")),
    ("7 CNY", "fr", "7 CNY", money("7", "CNY")),
    ("5 yen", "en", "5 yen", money("5", "JPY")),
    ("€105 million", "en", "€105 million", money("105000000", "EUR")),
    ("105 millions d’euros", "fr", "105 millions d’euros", money("105000000", "EUR")),
    ("$5B", "en", "$5B", money("5000000000", "USD")),
    ("5 Md€", "fr", "5 Md€", money("5000000000", "EUR")),
    ("2,5 milliards d'euros", "fr", "2,5 milliards d'euros", money("2500000000", "EUR")),
    ("2.5 billion euros", "en", "2.5 billion euros", money("2500000000", "EUR")),
    ("1 billion d'euros", "fr", "1 billion d'euros", money("1000000000000", "EUR")),
    (
        "2 000 milliards de dollars",
        "fr",
        "2 000 milliards de dollars",
        money("2000000000000", "USD"),
    ),
    (
        "0,14 $ pour un million de jetons",
        "fr",
        "0,14 $ pour un million de jetons",
        money("0.14", "USD", per=MILLION, unit="token"),
    ),
    (
        "0,55 $ par million de tokens",
        "fr",
        "0,55 $ par million de tokens",
        money("0.55", "USD", per=MILLION, unit="token"),
    ),
    (
        "$0.14 per million tokens",
        "en",
        "$0.14 per million tokens",
        money("0.14", "USD", per=MILLION, unit="token"),
    ),
    (
        "$0.14/M tokens",
        "en",
        "$0.14/M tokens",
        money("0.14", "USD", per=MILLION, unit="token"),
    ),
    (
        "0,14 $ / M tokens",
        "fr",
        "0,14 $ / M tokens",
        money("0.14", "USD", per=MILLION, unit="token"),
    ),
    (
        "$7.50 per 1M tokens",
        "en",
        "$7.50 per 1M tokens",
        money("7.50", "USD", per=MILLION, unit="token"),
    ),
    (
        "$5 per 1,000 tokens",
        "en",
        "$5 per 1,000 tokens",
        money("5", "USD", per=Decimal(1000), unit="token"),
    ),
    ("$20 a month", "en", "$20 a month", money("20", "USD", per=Decimal(1), unit="month")),
    ("20 $ par mois", "fr", "20 $ par mois", money("20", "USD", per=Decimal(1), unit="month")),
    # Percentages
    ("96 %", "fr", "96 %", percentage("96")),
    ("96\u202f%", "fr", "96\u202f%", percentage("96")),
    ("96%", "en", "96%", percentage("96")),
    ("96 pour cent", "fr", "96 pour cent", percentage("96")),
    ("96 percent", "en", "96 percent", percentage("96")),
    ("jusqu’à 96 %", "fr", "jusqu’à 96 %", percentage("96", AT_MOST)),
    ("jusqu'à 96 %", "fr", "jusqu'à 96 %", percentage("96", AT_MOST)),
    ("au moins 96 %", "fr", "au moins 96 %", percentage("96", AT_LEAST)),
    ("−3,2 %", "fr", "−3,2 %", percentage("-3.2")),
    (
        "0,3 point de pourcentage",
        "fr",
        "0,3 point de pourcentage",
        percentage("0.3", unit="percentage point"),
    ),
    # Quantities, scale words and separators
    ("671 milliards", "fr", "671 milliards", quantity("671000000000")),
    (
        "671 milliards de paramètres",
        "fr",
        "671 milliards de paramètres",
        quantity("671000000000", "parameter"),
    ),
    (
        "671 billion parameters",
        "en",
        "671 billion parameters",
        quantity("671000000000", "parameter"),
    ),
    ("671B parameters", "en", "671B parameters", quantity("671000000000", "parameter")),
    ("3 billions", "fr", "3 billions", quantity("3000000000000")),
    ("3 billion", "en", "3 billion", quantity("3000000000")),
    ("1 trillion", "fr", "1 trillion", quantity("1000000000000000000")),
    ("1 trillion", "en", "1 trillion", quantity("1000000000000")),
    ("5 bn", "en", "5 bn", quantity("5000000000")),
    ("10k", "en", "10k", quantity("10000")),
    ("2 thousand", "en", "2 thousand", quantity("2000")),
    ("1,5 million", "fr", "1,5 million", quantity("1500000")),
    ("1.5 million users", "en", "1.5 million users", quantity("1500000", "user")),
    (
        "1,5 million d'utilisateurs",
        "fr",
        "1,5 million d'utilisateurs",
        quantity("1500000", "user"),
    ),
    (
        "2 000 000 d'utilisateurs",
        "fr",
        "2 000 000 d'utilisateurs",
        quantity("2000000", "user"),
    ),
    ("2 000 GPU", "fr", "2 000 GPU", quantity("2000", "GPU")),
    ("2\u00a0000 GPU", "fr", "2\u00a0000 GPU", quantity("2000", "GPU")),
    ("2\u202f000 GPU", "fr", "2\u202f000 GPU", quantity("2000", "GPU")),
    ("2,000 GPUs", "en", "2,000 GPUs", quantity("2000", "GPU")),
    ("2 000", "fr", "2 000", quantity("2000")),
    ("12 345 678", "fr", "12 345 678", quantity("12345678")),
    ("1.000.000", "fr", "1.000.000", quantity("1000000")),
    ("1,234.56", "en", "1,234.56", quantity("1234.56")),
    ("0,5", "fr", "0,5", quantity("0.5")),
    ("42", "fr", "42", quantity("42")),
    ("plus de 2 000 GPU", "fr", "plus de 2 000 GPU", quantity("2000", "GPU", AT_LEAST)),
    ("plus de 2000", "fr", "plus de 2000", quantity("2000", qualifier=AT_LEAST)),
    ("more than 2,000 GPUs", "en", "more than 2,000 GPUs", quantity("2000", "GPU", AT_LEAST)),
    ("environ 2 000 GPU", "fr", "environ 2 000 GPU", quantity("2000", "GPU", ABOUT)),
    ("12 chercheurs", "fr", "12 chercheurs", quantity("12", "researcher")),
    ("5 km", "fr", "5 km", quantity("5", "kilometre")),
]


@pytest.mark.parametrize(
    ("text", "language", "span", "expected"),
    PARSE_CASES,
    ids=[f"{c[1]}:{c[0]}" for c in PARSE_CASES],
)
def test_parse_value(text, language, span, expected):
    value = parse_value(text, language)

    assert value is not None
    assert structured(value) == expected
    assert value.text == span
    assert text[value.start : value.end] == span


@pytest.mark.parametrize(
    ("text", "language", "span", "expected"),
    PARSE_CASES,
    ids=[f"{c[1]}:{c[0]}" for c in PARSE_CASES],
)
def test_the_matched_text_parses_back_to_the_same_value(text, language, span, expected):
    """Hedges and rates are inside the span, so value_text alone keeps the whole value."""
    value = parse_value(span, language)

    assert value is not None
    assert structured(value) == expected
    assert (value.start, value.end) == (0, len(span))


@pytest.mark.parametrize(
    ("text", "language", "span", "expected"),
    PARSE_CASES,
    ids=[f"{c[1]}:{c[0]}" for c in PARSE_CASES],
)
def test_claim_fields_pass_the_model_validation(text, language, span, expected):
    fields = to_claim_fields(parse_value(text, language))
    claim = Claim(statement="A checkable statement", **fields)

    claim.clean_fields(exclude=["subject", "property"])
    assert claim.value_kind == expected["kind"]
    assert claim.value_number == expected["number"]
    assert claim.value_date == expected["date"]


# Strings that state no value, or more than one, or a value inside a name.
NOT_A_VALUE = [
    ("", "fr"),
    ("   ", "fr"),
    ("bonjour", "fr"),
    ("Liang Wenfeng", "fr"),
    ("MIT", "fr"),
    ("R1", "fr"),
    ("DeepSeek-R1", "fr"),
    ("Janus-Pro-7B", "fr"),
    ("DALL-E 3", "fr"),
    ("GPT-4", "en"),
    ("COVID-19", "fr"),
    ("H800", "en"),
    ("5G", "fr"),
    ("3D", "en"),
    ("19h30", "fr"),
    ("19 h 30", "fr"),
    ("2020s", "en"),
    ("les années 2020", "fr"),
    ("le 14 février", "fr"),
    ("le 1er janvier", "fr"),
    ("31 février 2024", "fr"),
    ("may 2023", "en"),  # "may" lower-case is the verb, not the month
    ("3.5.1", "en"),
    ("0,14 $", "en"),  # a decimal comma is not English
    ("$", "en"),
    ("%", "fr"),
    ("milliards de dollars", "fr"),
    ("des centaines de milliers", "fr"),
    ("450 $ en 19 heures", "fr"),
    ("de 2021 à 2023", "fr"),
    ("R1 a coûté 450 dollars", "fr"),
    ("le premier ministre", "fr"),
    ("https://twitter.com/sama/status/1884066337103962416", "en"),
    ("1" * 60, "fr"),
    ("9" * 20 + " trillions", "fr"),  # more digits than Claim.value_number holds
    ("0,12345678901 $", "fr"),  # more decimals than Claim.value_number holds
    ("2021 " * 200, "fr"),  # a paragraph, not a stated value
    ("Sky-T1-32B-Preview", "en"),
    ("Llama-3.1-70B", "en"),
    ("7B-Instruct", "en"),
    ("a 24-hour day", "en"),
    ("arXiv:2412.19437", "en"),
    ("37B activated", "en"),
]


@pytest.mark.parametrize(
    ("text", "language"), NOT_A_VALUE, ids=[f"{c[1]}:{c[0][:40]}" for c in NOT_A_VALUE]
)
def test_it_rejects_what_is_not_one_value(text, language):
    assert parse_value(text, language) is None


WEIRD_INPUT: list[Any] = [
    None,
    42,
    Decimal("2021"),
    b"2021",
    ["2021"],
    "\x00",
    "\ud800",
    "٣٠ %",
    "½",
    "²",
    "1e999",
    "NaN",
    "Infinity $",
    "€€€",
    "$$$ 0,,14 ..",
    "--5 %",
    "1 000 000 000 000 000 000 000 000 000 000 000",
    "\n2021\n",
    "🤯 2021 🤯",
]


@pytest.mark.parametrize("text", WEIRD_INPUT, ids=[repr(t)[:30] for t in WEIRD_INPUT])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_bad_input_never_raises(text, language):
    value = parse_value(text, language)
    values = find_values(text, language)

    assert value is None or isinstance(value, ParsedValue)
    assert isinstance(values, list)
    if isinstance(text, str):
        assert_anchored(text, values)


def test_a_year_on_a_line_of_its_own_is_still_a_year():
    assert structured(parse_value("\n2021\n", "fr")) == year(2021)


@pytest.mark.parametrize("language", ["de", "", "xx-fr", None, 7])
def test_unsupported_languages_give_nothing_rather_than_an_error(language):
    assert parse_value("2021", language) is None
    assert find_values("Fondée en 2021.", language) == []


@pytest.mark.parametrize("language", ["fr-FR", "fr_CA", "FR", "en-GB", "en_US"])
def test_regional_language_codes_use_their_language(language):
    value = parse_value("2021", language)

    assert value is not None
    assert structured(value) == year(2021)


def test_billion_follows_the_language_of_the_text():
    """The long scale: a French "billion" is a million million."""
    assert parse_value("1 billion", "fr").number == Decimal(10**12)
    assert parse_value("1 billion", "en").number == Decimal(10**9)
    assert parse_value("1 trillion", "fr").number == Decimal(10**18)
    assert parse_value("1 trillion", "en").number == Decimal(10**12)


# --------------------------------------------------------------------------
# find_values: every value in running text
# --------------------------------------------------------------------------


def test_it_finds_every_value_of_article_a_and_nothing_else():
    values = find_values(ARTICLE_A, "fr")

    assert_anchored(ARTICLE_A, values)
    assert [v.text for v in values] == [
        "mai 2023",
        "troisième place",
        "commence à 0,14 $ pour un million de jetons",
        "7,50 $",
        "19 heures",
        "environ 450 dollars",
    ]


def test_it_finds_every_value_of_article_b_and_nothing_else():
    """Not "DeepSeek-R1", "Janus-Pro-7B", "DALL-E 3" or the tweet's id in its address."""
    values = find_values(ARTICLE_B, "fr")

    assert_anchored(ARTICLE_B, values)
    assert [v.text for v in values] == [
        "2021",
        "jusqu’à 96 %",
        "671 milliards de paramètres",
        "0,55 $ par million de tokens",
        "2 000 GPU",
        "2 000 milliards de dollars",
        "une semaine",
    ]


def test_it_reads_a_paragraph_of_article_b():
    paragraph = next(p for p in ARTICLE_B.split("\n") if "671 milliards" in p)
    offset = ARTICLE_B.index(paragraph)

    values = find_values(paragraph, "fr")

    assert [(v.text, structured(v)) for v in values] == [
        ("671 milliards de paramètres", quantity("671000000000", "parameter")),
        (
            "0,55 $ par million de tokens",
            money("0.55", "USD", per=MILLION, unit="token"),
        ),
    ]
    # Offsets in the paragraph are offsets in the article, shifted by where it starts.
    in_article = {v.start: v for v in find_values(ARTICLE_B, "fr")}
    for value in values:
        assert in_article[offset + value.start].text == value.text


def test_it_reads_a_paragraph_of_article_a():
    paragraph = next(p for p in ARTICLE_A.split("\n") if "0,14 $" in p)

    values = find_values(paragraph, "fr")

    assert_anchored(paragraph, values)
    assert [structured(v) for v in values] == [
        money("0.14", "USD", AT_LEAST, per=MILLION, unit="token"),
        money("7.50", "USD"),
    ]


# (running text, language, the spans find_values reports)
FIND_CASES = [
    (
        "Fondée en 2021, DeepSeek a 2 000 GPU.",
        "fr",
        ["2021", "2 000 GPU"],
    ),
    (
        "En 2021, 500 personnes travaillaient chez DeepSeek, contre 1200 en 2023.",
        "fr",
        ["2021", "500 personnes", "1200", "2023"],
    ),
    (
        "Le modèle GPT-4 et Windows 11 sont sortis. Les 3 plus grands labos ont 12 chercheurs.",
        "fr",
        ["12 chercheurs"],
    ),
    (
        "Il a été classé premier au classement, le premier modèle de l'année.",
        "fr",
        ["premier"],
    ),
    (
        "La réunion est à 19 h 30 le 14 février, puis le 1er mars 2024.",
        "fr",
        ["1er mars 2024"],
    ),
    (
        "Le PIB a crû de 2,5 % en 2024 et de 0,3 point de pourcentage.",
        "fr",
        ["2,5 %", "2024", "0,3 point de pourcentage"],
    ),
    (
        "Plus de 2000 ingénieurs, les années 2020, la version 3.5.1 et un score de 87.",
        "fr",
        ["Plus de 2000 ingénieurs", "87"],
    ),
    (
        "Il y a deux ans, elle comptait dix employés. En une semaine, elle a gagné trois places.",
        "fr",
        ["deux ans", "une semaine"],
    ),
    (
        "En 2024, l'entreprise a levé 5 Md€ et 300 M$ auprès de 12 investisseurs.",
        "fr",
        ["2024", "5 Md€", "300 M$", "12 investisseurs"],
    ),
    (
        "Le prix est de 20 $ par mois ou 200 $ par an, payés par OpenAI.",
        "fr",
        ["20 $ par mois", "200 $ par an"],
    ),
    (
        "Founded in May 2023, it charges $0.14 per million input tokens, down from $0.55.",
        "en",
        ["May 2023", "$0.14 per million input tokens", "from $0.55"],
    ),
    (
        "OpenAI charges $7.50 per 1M tokens; R1 ranked third overall, the number one app.",
        "en",
        ["$7.50 per 1M tokens", "third", "number one"],
    ),
    (
        "It trained for about two months on GPUs, at a cost of $5.6 million.",
        "en",
        ["about two months", "$5.6 million"],
    ),
    (
        "Revenue rose 12 percent to €105 million in 2024, more than 3 times the 2023 level.",
        "en",
        ["12 percent", "€105 million", "2024", "more than 3 times", "2023"],
    ),
    (
        "Founded on February 14, 2024 by 3 people; DALL-E 3 and GPT-4o came first.",
        "en",
        ["February 14, 2024", "3 people", "first"],
    ),
]


@pytest.mark.parametrize(
    ("text", "language", "spans"), FIND_CASES, ids=[c[0][:40] for c in FIND_CASES]
)
def test_find_values_in_running_text(text, language, spans):
    values = find_values(text, language)

    assert_anchored(text, values)
    assert [v.text for v in values] == spans


def test_find_values_reads_the_qualifier_and_the_rate_in_running_text():
    text = "The model, from $0.14 per million tokens, beat rivals by up to 96% in nearly 19 hours."

    values = find_values(text, "en")

    assert [structured(v) for v in values] == [
        money("0.14", "USD", AT_LEAST, per=MILLION, unit="token"),
        percentage("96", AT_MOST),
        duration("19", "hour", ABOUT),
    ]


def test_find_values_over_a_long_text_keeps_every_offset():
    """Several articles end to end: the same values, shifted by each article's offset."""
    single = find_values(ARTICLE_B, "fr")
    text = "\n".join([ARTICLE_A, ARTICLE_B] * 5)

    values = find_values(text, "fr")

    assert_anchored(text, values)
    assert len(values) == 5 * (len(find_values(ARTICLE_A, "fr")) + len(single))
    second_b = len(ARTICLE_A) + 1 + len(ARTICLE_B) + 1 + len(ARTICLE_A) + 1
    assert [
        v.start - second_b for v in values if second_b <= v.start < second_b + len(ARTICLE_B)
    ] == [v.start for v in single]


# --------------------------------------------------------------------------
# format_value: back to words, in French or English
# --------------------------------------------------------------------------

# (input, its language, English rendering, French rendering)
FORMAT_CASES = [
    ("mai 2023", "fr", "May 2023", "mai 2023"),
    ("February 14, 2024", "en", "February 14, 2024", "14 février 2024"),
    ("1er janvier 2025", "fr", "January 1, 2025", "1er janvier 2025"),
    ("2021", "fr", "2021", "2021"),
    ("vers 2021", "fr", "about 2021", "environ 2021"),
    ("troisième place", "fr", "3rd", "3e"),
    ("1er", "fr", "1st", "1er"),
    ("11th", "en", "11th", "11e"),
    ("22nd", "en", "22nd", "22e"),
    (
        "commence à 0,14 $ pour un million de jetons",
        "fr",
        "at least $0.14 per million tokens",
        f"au moins 0,14{NBSP}$US par million de jetons",
    ),
    ("7,50 $", "fr", "$7.50", f"7,50{NBSP}$US"),
    ("environ 450 dollars", "fr", "about $450", f"environ 450{NBSP}$US"),
    ("jusqu’à 96 %", "fr", "at most 96%", f"au plus 96{NBSP}%"),
    ("96,5 %", "fr", "96.5%", f"96,5{NBSP}%"),
    (
        "671 milliards de paramètres",
        "fr",
        "671 billion parameters",
        f"671{NBSP}milliards de paramètres",
    ),
    ("2 000 GPU", "fr", "2,000 GPUs", f"2{NNBSP}000{NBSP}GPU"),
    (
        "2 000 milliards de dollars",
        "fr",
        "$2 trillion",
        f"2{NNBSP}000{NBSP}milliards de dollars des États-Unis",
    ),
    ("€105 million", "en", "€105 million", f"105{NBSP}millions d’euros"),
    ("2.5 billion euros", "en", "€2.5 billion", f"2,5{NBSP}milliards d’euros"),
    ("1 trillion", "en", "1 trillion", f"1{NNBSP}000{NBSP}milliards"),
    ("19 heures", "fr", "19 hours", f"19{NBSP}heures"),
    ("deux mois", "fr", "2 months", f"2{NBSP}mois"),
    ("1 week", "en", "1 week", f"1{NBSP}semaine"),
    (
        "0,3 point de pourcentage",
        "fr",
        "0.3 percentage points",
        f"0,3{NBSP}point de pourcentage",
    ),
    (
        "1,5 million d'utilisateurs",
        "fr",
        "1.5 million users",
        f"1,5{NBSP}million d’utilisateurs",
    ),
    ("1 234 567", "fr", "1,234,567", f"1{NNBSP}234{NNBSP}567"),
    ("$20 a month", "en", "$20 per month", f"20{NBSP}$US par mois"),
    (
        "$5 per 1,000 tokens",
        "en",
        "$5 per 1,000 tokens",
        f"5{NBSP}$US pour 1{NNBSP}000{NBSP}jetons",
    ),
    ("100 yuans", "fr", "CN¥100", f"100{NBSP}CNY"),
    ("12 chercheurs", "fr", "12 researchers", f"12{NBSP}chercheurs"),
    ("1 chercheur", "fr", "1 researcher", f"1{NBSP}chercheur"),
]


@pytest.mark.parametrize(
    ("text", "language", "english", "french"),
    FORMAT_CASES,
    ids=[f"{c[1]}:{c[0]}" for c in FORMAT_CASES],
)
def test_format_value(text, language, english, french):
    value = parse_value(text, language)

    assert format_value(value, "en") == english
    assert format_value(value, "fr") == french


def test_format_value_defaults_to_french():
    assert format_value(parse_value("$7.50", "en")) == f"7,50{NBSP}$US"


def _claim(**fields: Any) -> Claim:
    return Claim(statement="A checkable statement", **fields)


CLAIM_FORMAT_CASES = [
    (
        # As the database gives it back: DecimalField pads to its decimal places.
        _claim(
            value_kind="money",
            value_text="0,14 $",
            value_number=Decimal("0.1400000000"),
            value_unit="token",
            value_per=Decimal("1000000.000000"),
            value_currency="USD",
            value_qualifier="at_least",
        ),
        "at least $0.14 per million tokens",
        f"au moins 0,14{NBSP}$US par million de jetons",
    ),
    (
        _claim(
            value_kind="money",
            value_text="7,50 $",
            value_number=Decimal("7.5000000000"),
            value_currency="USD",
        ),
        "$7.50",
        f"7,50{NBSP}$US",
    ),
    (
        _claim(
            value_kind="date",
            value_text="mai 2023",
            value_date=datetime.date(2023, 5, 1),
            value_date_precision="month",
        ),
        "May 2023",
        "mai 2023",
    ),
    (
        _claim(
            value_kind="quantity",
            value_text="671 milliards",
            value_number=Decimal("671000000000.0000000000"),
            value_unit="parameter",
        ),
        "671 billion parameters",
        f"671{NBSP}milliards de paramètres",
    ),
    (
        _claim(value_kind="rank", value_text="troisième", value_number=Decimal("3")),
        "3rd",
        "3e",
    ),
    (_claim(value_kind="text", value_text="Liang Wenfeng"), "Liang Wenfeng", "Liang Wenfeng"),
    # Half-filled or inconsistent rows show what was stated instead of failing.
    (_claim(value_kind="money", value_text="450 dollars"), "450 dollars", "450 dollars"),
    (_claim(value_kind="bogus", value_text="??"), "??", "??"),
    (_claim(value_kind="date", value_text="un jour"), "un jour", "un jour"),
]


@pytest.mark.parametrize(
    ("claim", "english", "french"),
    CLAIM_FORMAT_CASES,
    ids=[c[0].value_text for c in CLAIM_FORMAT_CASES],
)
def test_format_value_renders_a_claims_stored_value(claim, english, french):
    assert format_value(claim, "en") == english
    assert format_value(claim, "fr") == french


# How each demo claim's stored value reads to an English reviewer.
DEMO_CLAIMS_IN_ENGLISH = {
    "mai 2023": "May 2023",
    "troisième": "3rd",
    "0,14 $": "at least $0.14 per million tokens",
    "7,50 $": "$7.50 per million tokens",
    "450 dollars": "about $450",
    "19 heures": "19 hours",
    "2021": "2021",
    "96 %": "at most 96%",
    "671 milliards": "671 billion parameters",
    "0,55 $": "$0.55 per million tokens",
    "2 000": "2,000 GPUs",
    "2 000 milliards de dollars": "$2 trillion",
}


@pytest.mark.parametrize("fields", FIXTURE_CLAIMS, ids=[f["value_text"] for f in FIXTURE_CLAIMS])
def test_format_value_renders_every_demo_claim(fields):
    claim = _claim(**{k: v for k, v in fields.items() if k.startswith("value_")})
    if claim.value_date:
        claim.value_date = datetime.date.fromisoformat(claim.value_date)

    assert format_value(claim, "en") == DEMO_CLAIMS_IN_ENGLISH[claim.value_text]
    assert format_value(claim, "fr")


def test_format_value_refuses_a_language_it_cannot_write():
    with pytest.raises(ValueError, match="unsupported language"):
        format_value(parse_value("2021"), "de")


# --------------------------------------------------------------------------
# to_claim_fields
# --------------------------------------------------------------------------


def test_to_claim_fields_names_every_value_field_of_the_claim_model():
    value_fields = {f.name for f in Claim._meta.get_fields() if f.name.startswith("value_")} - {
        "value_rank"
    }  # the rank is the dispute's business, not the wording's

    assert set(to_claim_fields(parse_value("2021"))) == value_fields


def test_to_claim_fields_for_a_rate():
    value = parse_value("commence à 0,14 $ pour un million de jetons")

    assert to_claim_fields(value) == {
        "value_kind": ValueKind.MONEY,
        "value_text": "commence à 0,14 $ pour un million de jetons",
        "value_number": Decimal("0.14"),
        "value_unit": "token",
        "value_per": Decimal(1000000),
        "value_currency": "USD",
        "value_date": None,
        "value_date_precision": "",
        "value_qualifier": Qualifier.AT_LEAST,
    }


def test_to_claim_fields_for_a_date():
    fields = to_claim_fields(parse_value("mai 2023"))

    assert fields["value_kind"] == ValueKind.DATE
    assert fields["value_date"] == datetime.date(2023, 5, 1)
    assert fields["value_date_precision"] == DatePrecision.MONTH
    assert fields["value_number"] is None


def test_parsed_values_are_frozen():
    value = parse_value("2021")

    with pytest.raises(AttributeError):
        value.number = Decimal(1)  # type: ignore[misc]
