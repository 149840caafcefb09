"""Verdicts out of the workbench: the CSV export and schema.org ClaimReview documents.

Plain functions over querysets, so the list's "Export CSV" link, the
``export_verdicts`` command and the ClaimReview endpoints share them and the
tests call them without HTTP.

The CSV streams, a chunk of claims at a time, so memory stays flat. On
PostgreSQL the database writes each claim's line (``claims.csv_sql``). Elsewhere
the queryset is read as tuples with ``.iterator(chunk_size=...)``, the per-claim
details come from annotations (evidence counts, dispute flag) and two queries
per chunk (quotes with their sources, current verdicts with their people), so an
export costs the same few queries per chunk of claims whatever their number.
(Reading the next chunk on a second thread while writing this one saved nothing
measurable on SQLite, and PostgreSQL no longer needs it.)
"""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections
from django.db.models import (
    BooleanField,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from claims.choices import (
    BEST_RATING,
    RATING_SCALE,
    WORST_RATING,
    ClaimStatus,
    DatePrecision,
    Rating,
    Stance,
    ValueKind,
)
from claims.models import (
    Appearance,
    Claim,
    Evidence,
    Source,
    Verdict,
    VerdictStatus,
    disputed_claims,
)

CHUNK_SIZE = 2000
BOM = "\ufeff"

# --- spreadsheet formulas ------------------------------------------------------

# OWASP's CSV injection list: a cell starting with one of these is a formula
# (or can become one) in Excel, LibreOffice and Google Sheets.
FORMULA_TRIGGERS = frozenset("=+-@\t\r")
ESCAPE = "'"
# The first characters of the only cells ``neutralise`` may change: the ASCII
# triggers, and anything outside ASCII, where the look-alikes are.
RISKY_STARTS = FORMULA_TRIGGERS | {ESCAPE}
# Minus signs that are not dashes (Pd) and that NFKC leaves alone: U+2212 MINUS
# SIGN, U+2796 HEAVY MINUS SIGN. Spreadsheets read "−1" as a negative number.
MINUS_SIGNS = frozenset("\u2212\u2796")


def _is_invisible(char: str) -> bool:
    """Zero-width and other format characters (U+200B, U+FEFF, U+2066…): a cell
    starting with them still starts, to the eye and to some importers, with what follows."""
    return unicodedata.category(char) == "Cf"


def starts_like_a_formula(cell: str) -> bool:
    """Whether a spreadsheet could read the cell as a formula, look-alikes included.

    Past any leading invisible characters, the first character is a trigger, or
    becomes one under NFKC (full-width ＝ ＋ － ＠, small ﹦ ﹢ ﹣), or is a dash or
    a minus sign (‐ – — − …).
    """
    start = 0
    while start < len(cell) and _is_invisible(cell[start]):
        start += 1
    first = cell[start : start + 1]
    if not first:
        return False
    if first in FORMULA_TRIGGERS:
        return True
    if first.isascii():
        return False
    return (
        unicodedata.normalize("NFKC", first)[:1] in FORMULA_TRIGGERS
        or unicodedata.category(first) == "Pd"
        or first in MINUS_SIGNS
    )


def neutralise(cell: str) -> str:
    """The cell, made inert for spreadsheets, in a way ``restore`` undoes exactly.

    A cell that starts like a formula gets a leading apostrophe. So does a cell
    that already starts with an apostrophe followed by such a start or another
    apostrophe: removing one leading apostrophe then always gives back the
    original, and "'tis" or "'Quote'" pass through untouched.
    """
    if starts_like_a_formula(cell) or (
        cell[:1] == ESCAPE and (cell[1:2] == ESCAPE or starts_like_a_formula(cell[1:]))
    ):
        return ESCAPE + cell
    return cell


def safe_cells(row: Iterable[Any]) -> list[str]:
    """A row's cells as text made inert for spreadsheets.

    ``neutralise`` is called only for the few cells that start with a risky
    character or outside ASCII: on a large export, the call on every cell cost
    more than writing it.
    """
    cells = [str(cell) for cell in row]
    return [
        neutralise(cell) if cell[:1] in RISKY_STARTS or not cell[:1].isascii() else cell
        for cell in cells
    ]


def restore(cell: str) -> str:
    """Undo ``neutralise``: drop the apostrophe it added, and only that one."""
    if cell[:1] == ESCAPE and (cell[1:2] == ESCAPE or starts_like_a_formula(cell[1:])):
        return cell[1:]
    return cell


# --- values ----------------------------------------------------------------------

NUMBER_KINDS = frozenset(
    {
        ValueKind.QUANTITY,
        ValueKind.MONEY,
        ValueKind.PERCENTAGE,
        ValueKind.DURATION,
        ValueKind.RANK,
    }
)


def format_number(number: Decimal | None) -> str:
    """A decimal as plain digits: 671000000000, 0.14, never 6.71E+11 or 0.1400000000."""
    if number is None:
        return ""
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", ""} else text


def format_partial_date(value: date | None, precision: str) -> str:
    """An ISO 8601 date cut to what is known: 2021, 2023-05, 2023-05-01."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def normalised_value(kind: str, number: Decimal | None, day: date | None, precision: str) -> str:
    """The structured value in one machine-readable cell; ``claims.imports`` reads it back."""
    if kind == ValueKind.DATE:
        return format_partial_date(day, precision)
    if kind in NUMBER_KINDS:
        return format_number(number)
    return ""


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


# --- the CSV columns -------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: Promise


COLUMNS: list[Column] = [
    Column("id", _("Claim ID")),
    Column("statement", _("Statement")),
    Column("subject", _("Subject")),
    Column("property", _("Property")),
    Column("value_kind", _("Value kind")),
    Column("value_text", _("Stated value")),
    Column("value_normalised", _("Normalised value")),
    Column("qualifier", _("Qualifier")),
    Column("unit", _("Unit")),
    Column("per", _("Per")),
    Column("currency", _("Currency")),
    Column("status", _("Status")),
    Column("rating", _("Rating")),
    Column("rating_value", _("Rating value")),
    Column("rationale", _("Rationale")),
    Column("reviewer", _("Reviewer")),
    Column("approved_by", _("Approving editor")),
    Column("approved_at", _("Approved at")),
    Column("first_quote", _("First appearance quote")),
    Column("source_titles", _("Source titles")),
    Column("source_urls", _("Source URLs")),
    Column("evidence_supports", _("Supporting evidence")),
    Column("evidence_refutes", _("Refuting evidence")),
    Column("evidence_mixed", _("Mixed evidence")),
    Column("evidence_context", _("Context evidence")),
    Column("disputed", _("Disputed")),
    Column("url", _("Claim URL")),
]
COLUMN_KEYS = [column.key for column in COLUMNS]

# The verdicts a claim's current rating can come from: ``Claim.rating`` is the
# rating of the latest one of these while it is set (see claims.workflow).
CURRENT_VERDICT_STATUSES = [VerdictStatus.PROPOSED, VerdictStatus.APPROVED]


def header_row() -> list[str]:
    """The column names in the active language."""
    return [str(column.label) for column in COLUMNS]


def _appearances_prefetch() -> Prefetch:
    sources = Appearance.objects.select_related("source").only(
        "claim_id",
        "source",
        "exact",
        "start",
        "source__title",
        "source__url",
        "source__publisher",
        "source__author",
        "source__language",
        "source__published_on",
        "source__published_precision",
    )
    return Prefetch("appearances", queryset=sources, to_attr="export_appearances")


def first_appearance_order(published_on: date | None, source_id: int, start: int) -> tuple:
    """Where a quote comes among a claim's: earliest published source first, undated
    ones last, then by source and by offset in it."""
    return (published_on is None, published_on or date.min, source_id, start)


def _first_appearance_key(appearance: Appearance) -> tuple:
    return first_appearance_order(
        appearance.source.published_on, appearance.source_id, appearance.start
    )


def ordered_appearances(claim: Claim) -> list[Appearance]:
    """The claim's appearances, earliest published source first (undated ones last)."""
    return sorted(claim.export_appearances, key=_first_appearance_key)


def _sources(appearances: Iterable[Appearance]) -> list[Source]:
    seen: dict[int, Source] = {}
    for appearance in appearances:
        seen.setdefault(appearance.source_id, appearance.source)
    return list(seen.values())


# --- the rows, a chunk at a time ---------------------------------------------------
# The export reads plain tuples, not model instances: building a Claim, its
# quotes and its verdicts as objects cost twenty times more than writing the
# row. Each chunk of claims costs two more queries (quotes with their sources,
# current verdicts), whatever its size.

CLAIM_FIELDS = (
    "pk",
    "statement",
    "subject__name",
    "property__code",
    "value_kind",
    "value_text",
    "value_number",
    "value_date",
    "value_date_precision",
    "value_qualifier",
    "value_unit",
    "value_per",
    "value_currency",
    "status",
    "rating",
    "export_disputed",
    *(f"evidence_{stance}" for stance in Stance.values),
)


@dataclass(frozen=True)
class Quote:
    """One appearance as the export needs it."""

    exact: str
    start: int
    source_id: int
    title: str
    url: str
    published_on: date | None

    def order(self) -> tuple:
        return first_appearance_order(self.published_on, self.source_id, self.start)


def _evidence_count(stance: str) -> Coalesce:
    # Counted by the database in the claims query itself: cheaper than reading
    # every evidence row back into Python.
    counts = (
        Evidence.objects.filter(claim=OuterRef("pk"), stance=stance)
        .order_by()
        .values("claim")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def _of_claims[T: QuerySet](queryset: T, ids: list[int]) -> T:
    """``queryset.filter(claim_id__in=ids)`` for a chunk of thousands of claims.

    Django prepares each id of an ``__in`` as a parameter of its own, which cost
    two thirds of the time of these queries; the ids are integers read from the
    database, written into the SQL as numbers (``int`` makes sure of it).
    """
    if not ids:
        return queryset.none()
    quote = connections[queryset.db].ops.quote_name
    column = f"{quote(queryset.model._meta.db_table)}.{quote('claim_id')}"
    listed = ",".join(str(int(pk)) for pk in ids)
    return queryset.filter(RawSQL(f"{column} IN ({listed})", [], output_field=BooleanField()))


def _quotes(ids: list[int]) -> dict[int, list[Quote]]:
    rows = (
        _of_claims(Appearance.objects.all(), ids)
        .order_by()
        .values_list(
            "claim_id",
            "exact",
            "start",
            "source_id",
            "source__title",
            "source__url",
            "source__published_on",
        )
    )
    quotes: dict[int, list[Quote]] = {}
    for claim_id, *quote in rows:
        quotes.setdefault(claim_id, []).append(Quote(*quote))
    for claim_quotes in quotes.values():
        claim_quotes.sort(key=Quote.order)
    return quotes


def _current_verdicts(ids: list[int], ratings: dict[int, str]) -> dict[int, tuple]:
    """Per claim, the latest proposed or approved verdict with the claim's rating.

    ``Claim.rating`` is the rating of the latest such verdict while it is set
    (see claims.workflow); a claim without a rating has no current verdict.
    """
    username = get_user_model().USERNAME_FIELD
    rows = (
        _of_claims(Verdict.objects.filter(status__in=CURRENT_VERDICT_STATUSES), ids)
        .order_by("-created_at", "-pk")
        .values_list(
            "claim_id",
            "rating",
            "status",
            "rationale",
            f"author__{username}",
            f"reviewed_by__{username}",
            "reviewed_at",
        )
    )
    current: dict[int, tuple] = {}
    for row in rows:
        claim_id = row[0]
        if claim_id not in current and ratings.get(claim_id) and row[1] == ratings[claim_id]:
            current[claim_id] = row
    return current


def _joined(values: list[str]) -> str:
    return "\n".join(values)


@dataclass(frozen=True)
class ChunkRead:
    """A chunk of claims as read from the database, with their quotes and verdicts."""

    claims: list[tuple]
    quotes: dict[int, list[Quote]]
    verdicts: dict[int, tuple]


def _read_chunks(claims: Iterator[tuple], chunk_size: int) -> Iterator[ChunkRead]:
    for batch in itertools.batched(claims, chunk_size):
        chunk = list(batch)
        ids = [claim[0] for claim in chunk]
        ratings = {claim[0]: claim[14] for claim in chunk if claim[14]}
        yield ChunkRead(chunk, _quotes(ids), _current_verdicts(ids, ratings) if ratings else {})


def _chunk_rows(read: ChunkRead, *, claim_url: Callable[[int], str]) -> Iterator[list]:
    quotes, verdicts = read.quotes, read.verdicts
    for claim in read.claims:
        (pk, statement, subject, prop, kind, value_text, number, day, precision) = claim[:9]
        (qualifier, unit, per, currency, status, rating, disputed) = claim[9:16]
        claim_quotes = quotes.get(pk, ())
        sources: dict[int, Quote] = {}
        for quote in claim_quotes:
            sources.setdefault(quote.source_id, quote)
        urls = [quote.url for quote in sources.values()]
        verdict = verdicts.get(pk)
        approved = verdict is not None and verdict[2] == VerdictStatus.APPROVED
        rating_value = RATING_SCALE.get(rating) if rating else None
        yield [
            pk,
            statement,
            subject,
            prop,
            kind,
            value_text,
            normalised_value(kind, number, day, precision),
            qualifier,
            unit,
            format_number(per),
            currency,
            status,
            rating,
            "" if rating_value is None else rating_value,
            verdict[3] if verdict else "",
            verdict[4] if verdict else "",
            verdict[5] if approved else "",
            format_datetime(verdict[6]) if approved else "",
            claim_quotes[0].exact if claim_quotes else "",
            _joined([quote.title for quote in sources.values()]),
            _joined(urls) if any(urls) else "",
            *claim[16:],
            "yes" if disputed else "no",
            claim_url(pk),
        ]


def _claim_url_parts(base_url: str) -> tuple[str, str]:
    """What comes before and after the id in a claim's URL: one reverse() for the whole
    export, which costs more than the rest of a row."""
    marker = 2**31 - 1
    prefix, suffix = reverse("claim_detail", args=[marker]).split(str(marker))
    return base_url.rstrip("/") + prefix, suffix


def _claim_url(base_url: str) -> Callable[[int], str]:
    base, suffix = _claim_url_parts(base_url)
    return lambda pk: f"{base}{pk}{suffix}"


def export_chunks(
    queryset: QuerySet[Claim], *, base_url: str, chunk_size: int = CHUNK_SIZE
) -> Iterator[list[list]]:
    """The export's rows, keyed by ``COLUMN_KEYS`` position, a chunk of claims at a time.

    The cells are not yet made safe for spreadsheets: ``csv_lines`` does that.
    """
    claims = (
        queryset.annotate(
            export_disputed=disputed_claims(),
            **{f"evidence_{stance}": _evidence_count(stance) for stance in Stance.values},
        )
        .values_list(*CLAIM_FIELDS)
        .iterator(chunk_size=chunk_size)
    )
    claim_url = _claim_url(base_url)
    for read in _read_chunks(claims, chunk_size):
        yield list(_chunk_rows(read, claim_url=claim_url))


def csv_lines(
    queryset: QuerySet[Claim],
    *,
    base_url: str,
    bom: bool = True,
    chunk_size: int = CHUNK_SIZE,
    in_database: bool | None = None,
) -> Iterator[str]:
    """The CSV file as a stream of text blocks: an optional BOM and the header, then one
    block of lines per chunk of claims.

    The header is translated now, in the caller's language: the lines that
    follow are produced later, while the response streams. A block per chunk,
    not a line per claim: every piece a streaming response yields costs a trip
    through the server and the network stack.

    On PostgreSQL the database writes the lines (``claims.csv_sql``) unless
    ``in_database`` is False; elsewhere Python does.
    """
    header = [neutralise(cell) for cell in header_row()]
    if in_database is None:
        in_database = connections[queryset.db].vendor == "postgresql"
    if in_database:
        # Imported here: claims.csv_sql writes this module's rules in SQL, and imports them.
        from claims.csv_sql import database_lines

        blocks = database_lines(
            queryset,
            claim_url_parts=_claim_url_parts(base_url),
            time_zone=timezone.get_current_timezone_name(),
            chunk_size=chunk_size,
        )
        return _after(_header_line(header, bom=bom), blocks)
    chunks = export_chunks(queryset, base_url=base_url, chunk_size=chunk_size)
    return _blocks(header, chunks, bom=bom)


def _after(first: str, blocks: Iterator[str]) -> Iterator[str]:
    # A generator, not itertools.chain: closing it (a download abandoned) closes
    # ``blocks`` too, which then puts its connection's settings back.
    yield first
    yield from blocks


def _header_line(header: list[str], *, bom: bool) -> str:
    # Every cell quoted, as OWASP advises, and RFC 4180's CRLF between records.
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL).writerow(header)
    return (BOM if bom else "") + out.getvalue()


def _blocks(header: list[str], chunks: Iterable[list[list]], *, bom: bool) -> Iterator[str]:
    yield _header_line(header, bom=bom)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    for chunk in chunks:
        out.seek(0)
        out.truncate()
        writer.writerows(map(safe_cells, chunk))
        yield out.getvalue()


def export_filename(today: date | None = None) -> str:
    return f"claims-{(today or timezone.localdate()).isoformat()}.csv"


# --- schema.org ClaimReview ------------------------------------------------------

SCHEMA_CONTEXT = "https://schema.org"


def published_claims(queryset: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    """Published claims with what their ClaimReview needs, in bounded queries."""
    approved = (
        Verdict.objects.filter(status=VerdictStatus.APPROVED)
        .select_related("author", "reviewed_by")
        .order_by("-reviewed_at", "-pk")
    )
    base = Claim.objects.all() if queryset is None else queryset
    return (
        base.filter(status=ClaimStatus.PUBLISHED)
        .select_related("subject", "property")
        .defer("search_text", "public_text")
        .prefetch_related(
            _appearances_prefetch(),
            Prefetch("verdicts", queryset=approved, to_attr="approved_verdicts"),
        )
        .order_by("pk")
    )


def organisation_language() -> str:
    """The language published documents speak, whatever the reader's browser asks for."""
    return settings.FACTCHECK_ORGANISATION["language"]


def _site_root(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else ""


def _organisation(claim_url: str) -> dict[str, str]:
    """The publisher, with a web address: its own, else the site the check is published on."""
    organisation = settings.FACTCHECK_ORGANISATION
    document = {"@type": "Organization", "name": organisation["name"]}
    if url := organisation.get("url") or _site_root(claim_url):
        document["url"] = url
    return document


def _source_author(source: Source) -> dict[str, str] | None:
    """Who made the claim: the article's author if known, else its publisher."""
    if source.author:
        return {"@type": "Person", "name": source.author}
    if source.publisher:
        return {"@type": "Organization", "name": source.publisher}
    return None


def _creative_work(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": source.title}
    if source.url:
        work["url"] = source.url
    if source.published_on:
        work["datePublished"] = format_partial_date(source.published_on, source.published_precision)
    if author := _source_author(source):
        work["author"] = author
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.language:
        work["inLanguage"] = source.language
    return work


def review_rating(rating: str) -> dict[str, Any]:
    """The rating on schema.org's scale; "unverifiable" has a name but no number.

    Its name is in the organisation's language: the same document for every reader.
    """
    with translation.override(organisation_language()):
        name = str(Rating(rating).label)
    document: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": name,
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
    }
    value = RATING_SCALE[rating]
    if value is not None:
        document["ratingValue"] = value
    return document


def publication_dates(claim: Claim) -> tuple[datetime, datetime]:
    """When the check was first published and when its current verdict was.

    ``approved_verdicts`` is newest first (see ``published_claims``): a reopened
    claim published again keeps its first date and moves its modification date.
    """
    verdicts = claim.approved_verdicts
    return verdicts[-1].reviewed_at, verdicts[0].reviewed_at


def claim_review(claim: Claim, *, claim_url: str) -> dict[str, Any]:
    """The ClaimReview JSON-LD for a published claim; expects ``published_claims``.

    ``claim_url`` is the check's public page: Google reads a ClaimReview only on the
    page that publishes it, on the publisher's own domain.
    """
    verdict = claim.approved_verdicts[0]
    published_at, modified_at = publication_dates(claim)
    appearances = ordered_appearances(claim)
    item: dict[str, Any] = {"@type": "Claim"}
    if appearances:
        first = appearances[0].source
        item["appearance"] = [_creative_work(source) for source in _sources(appearances)]
        item["firstAppearance"] = _creative_work(first)
        if author := _source_author(first):
            item["author"] = author
        if first.published_on:
            item["datePublished"] = format_partial_date(
                first.published_on, first.published_precision
            )
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "url": claim_url,
        "claimReviewed": claim.claim_reviewed(),
        "datePublished": format_datetime(published_at),
        "dateModified": format_datetime(modified_at),
        "inLanguage": organisation_language(),
        "author": _organisation(claim_url),
        "reviewRating": review_rating(verdict.rating),
        "reviewBody": verdict.rationale,
        "itemReviewed": item,
    }


def claim_reviews(
    queryset: QuerySet[Claim] | None = None,
    *,
    url_for: Callable[[Claim], str],
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[dict[str, Any]]:
    """A ClaimReview for every published claim, read a chunk at a time."""
    for claim in published_claims(queryset).iterator(chunk_size=chunk_size):
        if claim.approved_verdicts:
            yield claim_review(claim, claim_url=url_for(claim))
