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
    # A dividend per share is the same rate in either language.
    ("€2.40 a share", "en", "€2.40 a share", money("2.40", "EUR", per=Decimal(1), unit="share")),
    (
        "2,40 euros par action",
        "fr",
        "2,40 euros par action",
        money("2.40", "EUR", per=Decimal(1), unit="share"),
    ),
    ("$80 a tonne", "en", "$80 a tonne", money("80", "USD", per=Decimal(1), unit="tonne")),
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
    # Ranks in words, with a superlative or a world ranking after them
    ("third-largest", "en", "third-largest", rank(3)),
    ("second-biggest", "en", "second-biggest", rank(2)),
    ("second\u2011biggest", "en", "second\u2011biggest", rank(2)),
    ("second largest", "en", "second largest", rank(2)),
    ("second most valuable", "en", "second most valuable", rank(2)),
    ("twenty-first", "en", "twenty-first", rank(21)),
    ("number two", "en", "number two", rank(2)),
    ("la deuxième plus grande", "fr", "deuxième plus grande", rank(2)),
    ("troisième fortune mondiale", "fr", "troisième fortune mondiale", rank(3)),
    ("dix-huitième fortune mondiale", "fr", "dix-huitième fortune mondiale", rank(18)),
    ("la onzième du monde", "fr", "onzième du monde", rank(11)),
    ("deuxième femme la plus riche", "fr", "deuxième femme la plus riche", rank(2)),
    ("troisième ville de France", "fr", "troisième ville de France", rank(3)),
    ("vingt et unième place", "fr", "vingt et unième place", rank(21)),
    ("quatre-vingt-dixième", "fr", "quatre-vingt-dixième", rank(90)),
    ("soixante-et-onzième", "fr", "soixante-et-onzième", rank(71)),
    ("deuxieme place", "fr", "deuxieme place", rank(2)),
    ("numéro deux", "fr", "numéro deux", rank(2)),
    # Counts in words: the noun after them is what they count
    ("trois usines", "fr", "trois usines", quantity("3", "usines")),
    ("trois", "fr", "trois", quantity("3")),  # a form field trusts a lone number
    ("vingt-cinq salariés", "fr", "vingt-cinq salariés", quantity("25", "employee")),
    ("trente et un jours", "fr", "trente et un jours", duration("31", "day")),
    ("trente-et-un jours", "fr", "trente-et-un jours", duration("31", "day")),
    ("soixante-dix pays", "fr", "soixante-dix pays", quantity("70", "country")),
    ("soixante et onze pays", "fr", "soixante et onze pays", quantity("71", "country")),
    ("quatre-vingts ans", "fr", "quatre-vingts ans", duration("80", "year")),
    ("quatre-vingt-dix personnes", "fr", "quatre-vingt-dix personnes", quantity("90", "person")),
    ("huit chiffres", "fr", "huit chiffres", quantity("8", "digit")),
    ("deux cents employés", "fr", "deux cents employés", quantity("200", "employee")),
    ("vingt pour cent", "fr", "vingt pour cent", percentage("20")),
    ("twenty-five employees", "en", "twenty-five employees", quantity("25", "employee")),
    ("ninety-nine problems", "en", "ninety-nine problems", quantity("99", "problems")),
    ("two hundred and fifty jobs", "en", "two hundred and fifty jobs", quantity("250", "job")),
    ("two million people", "en", "two million people", quantity("2000000", "person")),
    ("one million", "en", "one million", quantity("1000000")),
    ("a million people", "en", "a million people", quantity("1000000", "person")),
    ("un million de personnes", "fr", "un million de personnes", quantity("1000000", "person")),
    (
        "trois milliards de dollars",
        "fr",
        "trois milliards de dollars",
        money("3000000000", "USD"),
    ),
    (
        "deux cent mille habitants",
        "fr",
        "deux cent mille habitants",
        quantity("200000", "inhabitant"),
    ),
    # Approximate counts
    ("a dozen countries", "en", "a dozen countries", quantity("12", "country", ABOUT)),
    ("half a dozen firms", "en", "half a dozen firms", quantity("6", "company", ABOUT)),
    ("a hundred people", "en", "a hundred people", quantity("100", "person", ABOUT)),
    (
        "une douzaine de milliardaires",
        "fr",
        "une douzaine de milliardaires",
        quantity("12", "milliardaires", ABOUT),
    ),
    ("une dizaine de blessés", "fr", "une dizaine de blessés", quantity("10", "blessés", ABOUT)),
    ("une vingtaine de minutes", "fr", "une vingtaine de minutes", duration("20", "minute", ABOUT)),
    ("une trentaine de pays", "fr", "une trentaine de pays", quantity("30", "country", ABOUT)),
    (
        "une centaine de clients",
        "fr",
        "une centaine de clients",
        quantity("100", "customer", ABOUT),
    ),
    (
        "un millier de manifestants",
        "fr",
        "un millier de manifestants",
        quantity("1000", "manifestants", ABOUT),
    ),
    (
        "plus d'une dizaine de morts",
        "fr",
        "plus d'une dizaine de morts",
        quantity("10", "morts", AT_LEAST),
    ),
    (
        "une dizaine de milliards d'euros",
        "fr",
        "une dizaine de milliards d'euros",
        money("10000000000", "EUR", ABOUT),
    ),
    ("two and a half years", "en", "two and a half years", duration("2.5", "year")),
    ("half a million people", "en", "half a million people", quantity("500000", "person")),
    ("half a billion dollars", "en", "half a billion dollars", money("500000000", "USD")),
    ("un demi-milliard d'euros", "fr", "un demi-milliard d'euros", money("500000000", "EUR")),
    (
        "deux millions et demi d'habitants",
        "fr",
        "deux millions et demi d'habitants",
        quantity("2500000", "inhabitant"),
    ),
    ("le million d'hectares", "fr", "le million d'hectares", quantity("1000000", "hectare")),
    ("un an et demi", "fr", "un an et demi", duration("1.5", "year")),
    ("deux ans et demi", "fr", "deux ans et demi", duration("2.5", "year")),
    ("fifth-place", "en", "fifth-place", rank(5)),
    ("third-placed", "en", "third-placed", rank(3)),
    # Ages
    ("62-year-old", "en", "62-year-old", duration("62", "year")),
    ("a 62\u2011year\u2011old", "en", "62\u2011year\u2011old", duration("62", "year")),
    ("24-Year-Old", "en", "24-Year-Old", duration("24", "year")),
    ("a five-year-old", "en", "five-year-old", duration("5", "year")),
    ("an 18-month-old", "en", "18-month-old", duration("18", "month")),
    ("aged 62", "en", "aged 62", duration("62", "year")),
    ("45 years old", "en", "45 years old", duration("45", "year")),
    ("62 ans", "fr", "62 ans", duration("62", "year")),
    ("a year old", "en", "a year old", duration("1", "year")),
    ("just over a year old", "en", "just over a year old", duration("1", "year", AT_LEAST)),
    ("nearly two years old", "en", "nearly two years old", duration("2", "year", ABOUT)),
    ("un an", "fr", "un an", duration("1", "year")),
    ("un peu plus de 10 %", "fr", "un peu plus de 10 %", percentage("10", AT_LEAST)),
    ("just under 5%", "en", "just under 5%", percentage("5", AT_MOST)),
    # Money as the news writes it
    ("$US589 billion", "en", "$US589 billion", money("589000000000", "USD")),
    ("US$589bn", "en", "US$589bn", money("589000000000", "USD")),
    ("A$12m", "en", "A$12m", money("12000000", "AUD")),
    ("AU$40 million", "en", "AU$40 million", money("40000000", "AUD")),
    ("NZ$3.5bn", "en", "NZ$3.5bn", money("3500000000", "NZD")),
    ("HK$10bn", "en", "HK$10bn", money("10000000000", "HKD")),
    ("S$2.5 billion", "en", "S$2.5 billion", money("2500000000", "SGD")),
    ("C$606 billion", "en", "C$606 billion", money("606000000000", "CAD")),
    ("$936b", "en", "$936b", money("936000000000", "USD")),
    ("€2.5b", "en", "€2.5b", money("2500000000", "EUR")),
    ("€1.1bn", "en", "€1.1bn", money("1100000000", "EUR")),
    ("1.1bn euros", "en", "1.1bn euros", money("1100000000", "EUR")),
    ("£450m", "en", "£450m", money("450000000", "GBP")),
    ("CHF 5 million", "en", "CHF 5 million", money("5000000", "CHF")),
    ("3 million pounds", "en", "3 million pounds", money("3000000", "GBP")),
    ("1,2 Md€", "fr", "1,2 Md€", money("1200000000", "EUR")),
    ("105 Mds €", "fr", "105 Mds €", money("105000000000", "EUR")),
    ("6,6 G$", "fr", "6,6 G$", money("6600000000", "USD")),
    (
        "5 millions de francs suisses",
        "fr",
        "5 millions de francs suisses",
        money("5000000", "CHF"),
    ),
    ("3 millions de livres", "fr", "3 millions de livres", money("3000000", "GBP")),
    ("5 milliards de yuans", "fr", "5 milliards de yuans", money("5000000000", "CNY")),
    ("12 milliards de roubles", "fr", "12 milliards de roubles", money("12000000000", "RUB")),
    ("5 $ HK", "fr", "5 $ HK", money("5", "HKD")),
    # Measures, with the canonical unit names the suggester relies on
    ("1.5°C", "en", "1.5°C", quantity("1.5", "degree Celsius")),
    ("1,5 °C", "fr", "1,5 °C", quantity("1.5", "degree Celsius")),
    ("1,5\u202f°C", "fr", "1,5\u202f°C", quantity("1.5", "degree Celsius")),
    ("-5 ºC", "fr", "-5 ºC", quantity("-5", "degree Celsius")),
    (
        "1.5 degrees Celsius",
        "en",
        "1.5 degrees Celsius",
        quantity("1.5", "degree Celsius"),
    ),
    ("2 degrés", "fr", "2 degrés", quantity("2", "degree Celsius")),
    ("1,5 degré", "fr", "1,5 degré", quantity("1.5", "degree Celsius")),
    ("98 °F", "en", "98 °F", quantity("98", "degree Fahrenheit")),
    (
        "116 degrees Fahrenheit",
        "en",
        "116 degrees Fahrenheit",
        quantity("116", "degree Fahrenheit"),
    ),
    # English "degrees" alone may be Fahrenheit, and 180 degrees is a turn.
    ("20 degrees", "en", "20 degrees", quantity("20", "degree")),
    ("180 degrés", "fr", "180 degrés", quantity("180", "degree")),
    ("4,000 hectares", "en", "4,000 hectares", quantity("4000", "hectare")),
    ("4 000 ha", "fr", "4 000 ha", quantity("4000", "hectare")),
    ("500 km²", "en", "500 km²", quantity("500", "square kilometre")),
    ("8,600 km2", "en", "8,600 km2", quantity("8600", "square kilometre")),
    ("300 square kilometres", "en", "300 square kilometres", quantity("300", "square kilometre")),
    ("15 kilomètres carrés", "fr", "15 kilomètres carrés", quantity("15", "square kilometre")),
    ("120 acres", "en", "120 acres", quantity("120", "acre")),
    ("20 MW", "en", "20 MW", quantity("20", "megawatt")),
    ("20MW", "en", "20MW", quantity("20", "megawatt")),
    ("20 mégawatts", "fr", "20 mégawatts", quantity("20", "megawatt")),
    ("5 GW", "fr", "5 GW", quantity("5", "gigawatt")),
    ("3 kW", "en", "3 kW", quantity("3", "kilowatt")),
    ("49,2 TWh", "fr", "49,2 TWh", quantity("49.2", "terawatt-hour")),
    ("562 térawattheures", "fr", "562 térawattheures", quantity("562", "terawatt-hour")),
    ("629 GWh", "fr", "629 GWh", quantity("629", "gigawatt-hour")),
    ("50 MWh", "en", "50 MWh", quantity("50", "megawatt-hour")),
    ("100 kWh", "en", "100 kWh", quantity("100", "kilowatt-hour")),
    ("10 mm", "en", "10 mm", quantity("10", "millimetre")),
    ("12 millimètres", "fr", "12 millimètres", quantity("12", "millimetre")),
    ("3 cm", "fr", "3 cm", quantity("3", "centimetre")),
    ("420 ppm", "en", "420 ppm", quantity("420", "ppm")),
    ("35 Mt", "en", "35 Mt", quantity("35000000", "tonne")),
    ("35 mégatonnes", "fr", "35 mégatonnes", quantity("35000000", "tonne")),
    ("2 Gt", "en", "2 Gt", quantity("2000000000", "tonne")),
    ("36.8 GtCO2", "en", "36.8 GtCO2", quantity("36800000000", "tonne")),
    ("4 gigatonnes", "fr", "4 gigatonnes", quantity("4000000000", "tonne")),
    ("35 million tonnes", "en", "35 million tonnes", quantity("35000000", "tonne")),
    ("1.5 million hectares", "en", "1.5 million hectares", quantity("1500000", "hectare")),
    ("130 km/h", "fr", "130 km/h", quantity("130", "kilometre per hour")),
    ("50 €/MWh", "fr", "50 €/MWh", money("50", "EUR", per=Decimal(1), unit="megawatt-hour")),
    # French thousands with a dot, as agency copy writes them
    ("1.826 milliardaires", "fr", "1.826 milliardaires", quantity("1826", "milliardaires")),
    (
        "7.050 milliards de dollars",
        "fr",
        "7.050 milliards de dollars",
        money("7050000000000", "USD"),
    ),
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
    ("un", "fr"),
    ("one", "en"),
    ("one of the", "en"),
    ("l'un des", "fr"),
    ("un des", "fr"),
    ("a couple of", "en"),
    ("two-thirds", "en"),
    ("dozens of", "en"),
    ("des dizaines de", "fr"),
    ("hundreds of", "en"),
    ("thousands of", "en"),
    ("5b", "en"),  # a glued "b" is a billion of money only
    ("5G", "en"),
    ("11 p.m.", "en"),
    ("7am", "en"),
    ("à 20 heures", "fr"),
    ("vers 14 h", "fr"),
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
        ["deux ans", "dix employés", "une semaine", "trois places"],
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


# Running news text: (text, language, [(span, value)...]); near-misses give nothing.
NEWS_FIND_CASES = [
    (
        "La liste compte 1.826 milliardaires, contre 1.645 l'an dernier.",
        "fr",
        [("1.826 milliardaires", quantity("1826", "milliardaires")), ("1.645", quantity("1645"))],
    ),
    (
        "Au cours des 12 derniers mois, la barre des 400 milliards d'euros est tombée.",
        "fr",
        [
            ("12 derniers mois", duration("12", "month")),
            ("400 milliards d'euros", money("400000000000", "EUR")),
        ],
    ),
    (
        "Dès 12 ans, il publiait à 20 heures ce soir-là, vers 14 h, après 19 heures de route.",
        "fr",
        [("Dès 12 ans", duration("12", "year", AT_LEAST)), ("19 heures", duration("19", "hour"))],
    ),
    (
        "Talks end at 11 p.m., resume at 7am: a 3 million pounds deal for 200 pounds of beef.",
        "en",
        [
            ("3 million pounds", money("3000000", "GBP")),
            # A weight, or money: what is stated is kept, not a guessed currency.
            ("200 pounds", quantity("200", "pounds")),
        ],
    ),
    (
        "Le climat s'est réchauffé de 1,2°C ; 4 200 hectares ont brûlé, 1,4 TWh pour 2 978 MW.",
        "fr",
        [
            ("1,2°C", quantity("1.2", "degree Celsius")),
            ("4 200 hectares", quantity("4200", "hectare")),
            ("1,4 TWh", quantity("1.4", "terawatt-hour")),
            ("2 978 MW", quantity("2978", "megawatt")),
        ],
    ),
    (
        "Highs of 116 degrees Fahrenheit (47 degrees Celsius); 8,600 km2 (860,000 ha) burned.",
        "en",
        [
            ("116 degrees Fahrenheit", quantity("116", "degree Fahrenheit")),
            ("47 degrees Celsius", quantity("47", "degree Celsius")),
            ("8,600 km2", quantity("8600", "square kilometre")),
            ("860,000 ha", quantity("860000", "hectare")),
        ],
    ),
    (
        # A unit letter glued to a figure is only a measure it names: "5G" is a network.
        "The 5G mast, 3D map and 4K screen.",
        "en",
        [],
    ),
    (
        "China became the third-largest economy, the world’s second-biggest exporter.",
        "en",
        [("third-largest", rank(3)), ("second-biggest", rank(2))],
    ),
    (
        # Ordinals that rank nothing: a first time, a quarter, a second-hand car, a Test.
        "For the first time, the second quarter, a second-hand car and the Second Test.",
        "en",
        [],
    ),
    (
        "Dix-huitième fortune mondiale, elle est la deuxième femme la plus riche du monde.",
        "fr",
        [("Dix-huitième fortune mondiale", rank(18)), ("deuxième femme la plus riche", rank(2))],
    ),
    (
        "La Seconde Guerre mondiale, la seconde guerre mondiale, le deuxième tour, pour la"
        " deuxième fois, le deuxième trimestre, le troisième plus tard, la 18e fois.",
        "fr",
        [],
    ),
    (
        "Eight of the top ten banks failed, two people familiar with the matter said.",
        "en",
        [("Eight", quantity("8"))],
    ),
    (
        "For the first time, one of the firms, a couple of weeks, two-thirds of voters, dozens"
        " of people, hundreds of firms, thousands of workers, a dozen or so, the Big Four and"
        " Formula One.",
        "en",
        [],
    ),
    (
        "Nine months on, three new factories employ 3,400 wind-turbine workers and a dozen"
        " engineers on a five-year deal.",
        "en",
        [
            ("Nine months", duration("9", "month")),
            ("three new factories", quantity("3", "factories")),
            ("3,400 wind-turbine workers", quantity("3400", "workers")),
            ("a dozen engineers", quantity("12", "engineer", ABOUT)),
            ("five-year", duration("5", "year")),
        ],
    ),
    (
        "The 25-year-old striker, aged 19 at his debut, is nearly two years older than the"
        " 23 year old winger; a year ago he was just over a year old in the squad.",
        "en",
        [
            ("25-year-old", duration("25", "year")),
            ("aged 19", duration("19", "year")),
            ("nearly two years", duration("2", "year", ABOUT)),
            ("23 year old", duration("23", "year")),
            ("just over a year old", duration("1", "year", AT_LEAST)),
        ],
    ),
    (
        "A 16-day heatwave, a six-year contract, a 37-word statement and a 300-page report.",
        "en",
        [
            ("16-day", duration("16", "day")),
            ("six-year", duration("6", "year")),
            ("37-word", quantity("37", "word")),
            ("300-page", quantity("300", "page")),
        ],
    ),
    (
        # Compounds that restate their unit or count nothing we know.
        "A 24-hour day, a 7-day week, a five-star hotel, a 10-fold rise, the two tycoons.",
        "en",
        [],
    ),
    (
        "Photo: Bernard Arnault, 75, presents; Portugal, second on the list, lost more; Apple,"
        " 12, 13 and 14; in March, 45, joined.",
        "en",
        # A list of numbers after a name is no age.
        [
            ("75", duration("75", "year")),
            ("second", rank(2)),
            ("12", quantity("12")),
            ("14", quantity("14")),
        ],
    ),
    (
        "Saint-Paul compte 900 cas, devant Le Tampon, deuxième avec 800 cas ; 31 cas graves,"
        " dont une quinzaine chez des nourrissons, et 12 blessés dont deux enfants.",
        "fr",
        [
            ("900 cas", quantity("900", "cas")),
            ("deuxième", rank(2)),
            ("800 cas", quantity("800", "cas")),
            ("31 cas", quantity("31", "cas")),
            ("une quinzaine", quantity("15", qualifier=ABOUT)),
            ("12 blessés", quantity("12", "blessés")),
            ("deux enfants", quantity("2", "enfants")),
        ],
    ),
    (
        # A fortnight, the two rounds already named, a year earlier: no count.
        "Dans une quinzaine, entre les deux tours, contre 26,5 % un an plus tôt.",
        "fr",
        [("26,5 %", percentage("26.5"))],
    ),
    (
        "L'un des fondateurs, un des plus riches, des dizaines de milliers de manifestants,"
        " des centaines de clients, Les Quatre Saisons et un bâtiment neuf.",
        "fr",
        [],
    ),
    (
        "Deux sources proches du dossier affirment que trois des dix plus grandes banques et"
        " deux d'entre elles ont perdu 12 pour cent des clients, il y a un an.",
        "fr",
        [
            ("trois", quantity("3")),
            ("deux", quantity("2")),
            ("12 pour cent", percentage("12")),
            ("un an", duration("1", "year")),
        ],
    ),
    (
        "Trois usines, une douzaine de milliardaires, 80 principaux groupes et 259 nouveaux venus ;"
        " les 17 premiers ont tous progressé.",
        "fr",
        [
            ("Trois usines", quantity("3", "usines")),
            ("une douzaine de milliardaires", quantity("12", "milliardaires", ABOUT)),
            ("80 principaux groupes", quantity("80", "groupes")),
            ("259 nouveaux venus", quantity("259", "venus")),
            ("17", quantity("17")),
        ],
    ),
    (
        # Ordinals that number an occurrence or a division, not a rank; the minute of a goal.
        "Metz (16e) a joué dimanche à 21h ; but de Kehrer (2-0, 11e) à la 78e minute de la 3e"
        " journée, pour la 18e fois, dans la 1re circonscription, au 21e siècle.",
        "fr",
        [("16e", rank(16))],
    ),
    (
        "In its 50th anniversary year, the 2nd quarter of the 21st century, it ranked 4th; in"
        " the 1980's.",
        "en",
        [("4th", rank(4))],
    ),
    (
        # Hours of a span, a rate's denominator, days whose month comes later: no figures.
        "Un couvre-feu de 20h à 6h, une incidence de 50/100 000 habitants, entre le 23 et le"
        " 29 mars, du 10 au 13 janvier.",
        "fr",
        [],
    ),
    (
        "It saves the average worker £900-a-year and pays $20-an-hour.",
        "en",
        [
            ("£900-a-year", money("900", "GBP", per=Decimal(1), unit="year")),
            ("$20-an-hour", money("20", "USD", per=Decimal(1), unit="hour")),
        ],
    ),
    (
        # A proportion's second number counts nothing; a year is no proportion.
        "One in ten people, four in five voters and 1 in 10 adults; in 2023 in 12 countries.",
        "en",
        [("2023", year(2023)), ("12 countries", quantity("12", "country"))],
    ),
    (
        "Neuf fois sur dix, 3 sur 10 personnes, un Français sur dix ; il est neuf heures.",
        "fr",
        [("Neuf fois", quantity("9", "time"))],
    ),
    (
        "Il a vendu 300 livres et 12 livres de beurre.",
        "fr",
        [("300 livres", quantity("300", "livres")), ("12 livres", quantity("12", "livres"))],
    ),
    (
        "Ses 3 millions de livres vendus lui ont rapporté 3 millions de livres sterling.",
        "fr",
        [
            ("3 millions de livres", quantity("3000000", "livres")),
            ("3 millions de livres sterling", money("3000000", "GBP")),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "language", "expected"), NEWS_FIND_CASES, ids=[c[0][:40] for c in NEWS_FIND_CASES]
)
def test_find_values_reads_news_forms(text, language, expected):
    values = find_values(text, language)

    assert_anchored(text, values)
    assert [(v.text, structured(v)) for v in values] == expected


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
# Dates without a year, dated by a reference date
# --------------------------------------------------------------------------

JUNE_15 = datetime.date(2024, 6, 15)

# (running text, language, reference, [(span, value)...])
DATED_BY_REFERENCE = [
    (
        # News looks back: a bare month is the latest one at most two months ahead.
        "In September, prices rose; since March they had slipped, by August they held.",
        "en",
        JUNE_15,
        [("September", month(2023, 9)), ("March", month(2024, 3)), ("August", month(2024, 8))],
    ),
    (
        "Sales fell last September and will recover next June, in early March or mid-April.",
        "en",
        JUNE_15,
        [
            ("last September", month(2023, 9)),
            ("next June", month(2025, 6)),
            ("early March", month(2024, 3)),
            ("mid-April", month(2024, 4)),
        ],
    ),
    (
        "Output dropped in late December and rose between March and July.",
        "en",
        JUNE_15,
        [("late December", month(2023, 12)), ("March", month(2024, 3)), ("July", month(2024, 7))],
    ),
    (
        "It may rise in May; Theresa May said prices may fall, this May or since May.",
        "en",
        JUNE_15,
        [("May", month(2024, 5)), ("May", month(2024, 5))],
    ),
    (
        "On March 3, the firm hired 40 people; the 3 March deal and Sept. 3rd launch followed.",
        "en",
        JUNE_15,
        [
            ("March 3", day(2024, 3, 3)),
            ("40 people", quantity("40", "person")),
            ("3 March", day(2024, 3, 3)),
            ("Sept. 3rd", day(2024, 9, 3)),
        ],
    ),
    (
        "Les prix ont augmenté en décembre, depuis mars, fin avril, début juin et à la mi-avril.",
        "fr",
        JUNE_15,
        [
            ("décembre", month(2023, 12)),
            ("mars", month(2024, 3)),
            ("fin avril", month(2024, 4)),
            ("début juin", month(2024, 6)),
            ("mi-avril", month(2024, 4)),
        ],
    ),
    (
        "Le rapport de septembre dernier annonçait une reprise en mars prochain.",
        "fr",
        JUNE_15,
        [("septembre dernier", month(2023, 9)), ("mars prochain", month(2025, 3))],
    ),
    (
        "Le 3 mars, le 1er juin, le 20 décembre et le 3 mars dernier ; pas le 31 avril.",
        "fr",
        JUNE_15,
        [
            ("3 mars", day(2024, 3, 3)),
            ("1er juin", day(2024, 6, 1)),
            ("20 décembre", day(2023, 12, 20)),
            ("3 mars dernier", day(2024, 3, 3)),
        ],
    ),
    (
        # "Mars" is the planet, "Mai" a name; a French month is written in lower case.
        "Le robot a atterri sur Mars en février ; Mai est arrivée en Mars.",
        "fr",
        JUNE_15,
        [("février", month(2024, 2))],
    ),
    (
        "Fondée le 29 février, elle a levé 5 Md€ le 3 mars dernier.",
        "fr",
        datetime.date(2024, 8, 1),
        [
            ("29 février", day(2024, 2, 29)),
            ("5 Md€", money("5000000000", "EUR")),
            ("3 mars dernier", day(2024, 3, 3)),
        ],
    ),
    (
        "La réunion est à 19 h 30 le 14 février, puis le 1er mars 2024.",
        "fr",
        datetime.datetime(2024, 2, 1, 12, 30),  # a datetime dates by its day
        [("14 février", day(2024, 2, 14)), ("1er mars 2024", day(2024, 3, 1))],
    ),
]


@pytest.mark.parametrize(
    ("text", "language", "reference", "expected"),
    DATED_BY_REFERENCE,
    ids=[c[0][:40] for c in DATED_BY_REFERENCE],
)
def test_a_reference_date_dates_months_and_days_without_a_year(text, language, reference, expected):
    values = find_values(text, language, reference=reference)

    assert_anchored(text, values)
    assert [(v.text, structured(v)) for v in values] == expected


@pytest.mark.parametrize(
    ("text", "language", "reference", "expected"),
    DATED_BY_REFERENCE,
    ids=[c[0][:40] for c in DATED_BY_REFERENCE],
)
def test_without_a_reference_no_year_is_guessed(text, language, reference, expected):
    """Only the values that do not need a year remain."""
    values = find_values(text, language)

    assert [(v.text, structured(v)) for v in values] == [
        (span, value)
        for span, value in expected
        if value["kind"] != ValueKind.DATE or span[-4:].isdigit()
    ]


def test_news_looks_back_further_than_ahead():
    """A bare month is the latest at most two months ahead; a day, at most three."""
    november_28 = datetime.date(2025, 11, 28)
    january_29 = datetime.date(2025, 1, 29)

    assert find_values("In February, a child died.", "en", reference=november_28)[0].date == (
        datetime.date(2025, 2, 1)
    )
    assert find_values("Talks resume in January.", "en", reference=november_28)[0].date == (
        datetime.date(2026, 1, 1)
    )
    assert find_values("Assemblée générale le 17 avril.", "fr", reference=january_29)[0].date == (
        datetime.date(2025, 4, 17)
    )
    assert find_values("Le 26 décembre, il a publié.", "fr", reference=january_29)[0].date == (
        datetime.date(2024, 12, 26)
    )


def test_a_day_no_year_near_the_reference_has_is_left_out():
    """No 29 February within six months of March 2025: no date rather than a wrong one."""
    assert find_values("Le 29 février.", "fr", reference=datetime.date(2025, 3, 3)) == []
    assert find_values("Le 31 avril.", "fr", reference=JUNE_15) == []


def test_a_reference_that_is_not_a_date_is_ignored():
    assert find_values("Depuis mars, le 3 mai.", "fr", reference="2024-06-15") == []
    assert parse_value("septembre", "fr", reference=20240615) is None


def test_last_and_next_pick_the_occurrence_before_or_after_the_reference():
    september_10 = datetime.date(2024, 9, 10)

    assert structured(parse_value("last September", "en", reference=september_10)) == month(2023, 9)
    assert structured(parse_value("next September", "en", reference=september_10)) == month(2025, 9)
    assert structured(parse_value("septembre dernier", "fr", reference=september_10)) == month(
        2023, 9
    )
    october_1 = datetime.date(2024, 10, 1)
    assert structured(parse_value("septembre dernier", "fr", reference=october_1)) == month(2024, 9)
    assert structured(parse_value("le 10 septembre dernier", "fr", reference=september_10)) == (
        day(2023, 9, 10)
    )


# (phrase, language, span, value): a form field with the source's date as reference.
PARSE_WITH_REFERENCE = [
    ("septembre", "fr", "septembre", month(2023, 9)),
    ("en juillet", "fr", "juillet", month(2024, 7)),
    ("September", "en", "September", month(2023, 9)),
    ("May", "en", "May", month(2024, 5)),
    ("mi-avril", "fr", "mi-avril", month(2024, 4)),
    ("à la mi-avril", "fr", "mi-avril", month(2024, 4)),
    ("mid-April", "en", "mid-April", month(2024, 4)),
    ("early March", "en", "early March", month(2024, 3)),
    ("late May", "en", "late May", month(2024, 5)),
    ("le 3 mars", "fr", "3 mars", day(2024, 3, 3)),
    ("le 1er juin", "fr", "1er juin", day(2024, 6, 1)),
    ("on March 3", "en", "March 3", day(2024, 3, 3)),
    ("3 March", "en", "3 March", day(2024, 3, 3)),
]


@pytest.mark.parametrize(
    ("text", "language", "span", "expected"),
    PARSE_WITH_REFERENCE,
    ids=[f"{c[1]}:{c[0]}" for c in PARSE_WITH_REFERENCE],
)
def test_parse_value_with_a_reference(text, language, span, expected):
    value = parse_value(text, language, reference=JUNE_15)

    assert value is not None
    assert (value.text, structured(value)) == (span, expected)
    assert structured(parse_value(span, language, reference=JUNE_15)) == expected
    assert parse_value(text, language) is None  # no year to give it without the reference


# A year or a month with a modifier needs no reference: its year is stated.
MODIFIED_YEARS = [
    ("début 2024", "fr", "début 2024", year(2024)),
    ("fin 2023", "fr", "fin 2023", year(2023)),
    ("mi-2024", "fr", "mi-2024", year(2024)),
    ("early 2024", "en", "early 2024", year(2024)),
    ("late 2023", "en", "late 2023", year(2023)),
    ("mid-2024", "en", "mid-2024", year(2024)),
    ("mi-avril 2025", "fr", "mi-avril 2025", month(2025, 4)),
    ("fin avril 2025", "fr", "fin avril 2025", month(2025, 4)),
    ("mid-April 2025", "en", "mid-April 2025", month(2025, 4)),
    ("early March 2024", "en", "early March 2024", month(2024, 3)),
]


@pytest.mark.parametrize(
    ("text", "language", "span", "expected"),
    MODIFIED_YEARS,
    ids=[f"{c[1]}:{c[0]}" for c in MODIFIED_YEARS],
)
def test_a_modified_year_is_read_without_a_reference(text, language, span, expected):
    value = parse_value(text, language)

    assert value is not None
    assert (value.text, structured(value)) == (span, expected)


def test_modifiers_that_place_nothing():
    """ "mettre fin", "the early 2000s", "the March on Washington" state no date."""
    assert find_values("Il a mis fin mardi au contrat.", "fr", reference=JUNE_15) == []
    assert (
        find_values("In the early 2000s, the March on Washington.", "en", reference=JUNE_15) == []
    )


def test_a_month_without_a_year_formats_with_the_year_it_was_given():
    value = parse_value("septembre dernier", "fr", reference=JUNE_15)

    assert format_value(value, "en") == "September 2023"
    assert format_value(value, "fr") == "septembre 2023"
    assert format_value(parse_value("le 3 mars", "fr", reference=JUNE_15), "en") == "March 3, 2024"


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
    ("CHF 5 million", "en", f"CHF{NBSP}5 million", f"5{NBSP}millions de francs suisses"),
    ("62-year-old", "en", "62 years", f"62{NBSP}ans"),
    ("12 ans", "fr", "12 years", f"12{NBSP}ans"),
    ("une dizaine de blessés", "fr", "about 10 blessés", f"environ 10{NBSP}blessés"),
    ("huit chiffres", "fr", "8 digits", f"8{NBSP}chiffres"),
    ("1,5 °C", "fr", "1.5°C", f"1,5{NNBSP}°C"),
    ("2 degrés", "fr", "2°C", f"2{NNBSP}°C"),
    ("98 °F", "en", "98°F", f"98{NNBSP}°F"),
    ("20 degrees", "en", "20 degrees", f"20{NBSP}degrés"),
    ("4 000 ha", "fr", "4,000 hectares", f"4{NNBSP}000{NBSP}hectares"),
    ("500 km²", "en", "500 square kilometres", f"500{NBSP}kilomètres carrés"),
    ("20 MW", "en", "20 megawatts", f"20{NBSP}mégawatts"),
    ("49,2 TWh", "fr", "49.2 terawatt-hours", f"49,2{NBSP}térawattheures"),
    ("1 kWh", "en", "1 kilowatt-hour", f"1{NBSP}kilowattheure"),
    ("420 ppm", "en", "420 ppm", f"420{NBSP}ppm"),
    ("35 Mt", "en", "35 million tonnes", f"35{NBSP}millions de tonnes"),
    ("120 acres", "en", "120 acres", f"120{NBSP}acres"),
    ("CHF 7.50", "en", f"CHF{NBSP}7.50", f"7,50{NBSP}CHF"),
    ("NZ$3.5bn", "en", "NZ$3.5 billion", f"3,5{NBSP}milliards de dollars néo-zélandais"),
    ("$US589 billion", "en", "$589 billion", f"589{NBSP}milliards de dollars des États-Unis"),
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


# Every measure: (as stated in English, the canonical unit the suggester relies on,
# English rendering, French rendering).
MEASURE_UNITS = [
    ("2 °C", "degree Celsius", "2°C", f"2{NNBSP}°C"),
    ("2 °F", "degree Fahrenheit", "2°F", f"2{NNBSP}°F"),
    ("2 degrees", "degree", "2 degrees", f"2{NBSP}degrés"),
    ("2 hectares", "hectare", "2 hectares", f"2{NBSP}hectares"),
    ("2 acres", "acre", "2 acres", f"2{NBSP}acres"),
    ("2 km²", "square kilometre", "2 square kilometres", f"2{NBSP}kilomètres carrés"),
    ("2 m²", "square metre", "2 square metres", f"2{NBSP}mètres carrés"),
    ("2 square miles", "square mile", "2 square miles", f"2{NBSP}miles carrés"),
    ("2 m³", "cubic metre", "2 cubic metres", f"2{NBSP}mètres cubes"),
    ("2 MW", "megawatt", "2 megawatts", f"2{NBSP}mégawatts"),
    ("2 GW", "gigawatt", "2 gigawatts", f"2{NBSP}gigawatts"),
    ("2 kW", "kilowatt", "2 kilowatts", f"2{NBSP}kilowatts"),
    ("2 TWh", "terawatt-hour", "2 terawatt-hours", f"2{NBSP}térawattheures"),
    ("2 GWh", "gigawatt-hour", "2 gigawatt-hours", f"2{NBSP}gigawattheures"),
    ("2 MWh", "megawatt-hour", "2 megawatt-hours", f"2{NBSP}mégawattheures"),
    ("2 kWh", "kilowatt-hour", "2 kilowatt-hours", f"2{NBSP}kilowattheures"),
    ("2 mm", "millimetre", "2 millimetres", f"2{NBSP}millimètres"),
    ("2 cm", "centimetre", "2 centimetres", f"2{NBSP}centimètres"),
    ("2 ppm", "ppm", "2 ppm", f"2{NBSP}ppm"),
    ("2 km/h", "kilometre per hour", "2 kilometres per hour", f"2{NBSP}kilomètres par heure"),
    ("2 mph", "mile per hour", "2 miles per hour", f"2{NBSP}miles par heure"),
    ("2 miles", "mile", "2 miles", f"2{NBSP}miles"),
    ("2 barrels", "barrel", "2 barrels", f"2{NBSP}barils"),
    ("2 Mt", "tonne", "2 million tonnes", f"2{NBSP}millions de tonnes"),
    ("2 digits", "digit", "2 digits", f"2{NBSP}chiffres"),
]


@pytest.mark.parametrize(
    ("stated", "unit", "english", "french"), MEASURE_UNITS, ids=[c[0] for c in MEASURE_UNITS]
)
def test_every_measure_has_its_canonical_unit_and_its_names(stated, unit, english, french):
    value = parse_value(stated, "en")

    assert value.unit == unit
    assert format_value(value, "en") == english
    assert format_value(value, "fr") == french
    claim = Claim(statement="A checkable statement", **to_claim_fields(value))
    claim.clean_fields(exclude=["subject", "property"])
    assert format_value(claim, "fr") == french  # a stored claim renders the same


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
