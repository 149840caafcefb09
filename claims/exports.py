"""Verdicts out of the workbench: the CSV export and schema.org ClaimReview documents.

Plain functions over querysets, so the list's "Export CSV" link, the
``export_verdicts`` command and the ClaimReview endpoints share them and the
tests call them without HTTP.

The CSV streams: the queryset is read with ``.iterator(chunk_size=...)``, the
per-claim details come from annotations (evidence counts, dispute flag) and
per-chunk prefetches (appearances with their sources, verdicts with their
people), so an export costs the same few queries per chunk of claims whatever
their number, and holds one chunk in memory at a time.
"""

from __future__ import annotations

import csv
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
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


def neutralise(cell: str) -> str:
    """The cell, made inert for spreadsheets, in a way ``restore`` undoes exactly.

    A cell starting with a formula trigger gets a leading apostrophe. So does a
    cell that already starts with an apostrophe followed by a trigger or another
    apostrophe: removing one leading apostrophe then always gives back the
    original, and "'tis" or "'Quote'" pass through untouched.
    """
    if cell[:1] in FORMULA_TRIGGERS or (
        cell[:1] == ESCAPE and cell[1:2] and cell[1:2] in FORMULA_TRIGGERS | {ESCAPE}
    ):
        return ESCAPE + cell
    return cell


def restore(cell: str) -> str:
    """Undo ``neutralise``: drop the apostrophe it added, and only that one."""
    if cell[:1] == ESCAPE and cell[1:2] and cell[1:2] in FORMULA_TRIGGERS | {ESCAPE}:
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


def normalised_value(claim: Claim) -> str:
    """The structured value in one machine-readable cell; ``claims.imports`` reads it back."""
    if claim.value_kind == ValueKind.DATE:
        return format_partial_date(claim.value_date, claim.value_date_precision)
    if claim.value_kind in NUMBER_KINDS:
        return format_number(claim.value_number)
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


def _evidence_count(stance: str) -> Coalesce:
    counts = (
        Evidence.objects.filter(claim=OuterRef("pk"), stance=stance)
        .order_by()
        .values("claim")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


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


def with_export_data(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """Add what an export row needs to a (filtered) claims queryset, in bounded queries."""
    verdicts = (
        Verdict.objects.filter(status__in=CURRENT_VERDICT_STATUSES)
        .select_related("author", "reviewed_by")
        .order_by("-created_at", "-pk")
    )
    return (
        queryset.select_related("subject", "property")
        .defer("search_text")
        .annotate(
            export_disputed=disputed_claims(),
            **{f"evidence_{stance}": _evidence_count(stance) for stance in Stance.values},
        )
        .prefetch_related(
            _appearances_prefetch(),
            Prefetch("verdicts", queryset=verdicts, to_attr="export_verdicts"),
        )
    )


def _first_appearance_key(appearance: Appearance) -> tuple:
    published = appearance.source.published_on
    return (published is None, published or date.min, appearance.source_id, appearance.start)


def ordered_appearances(claim: Claim) -> list[Appearance]:
    """The claim's appearances, earliest published source first (undated ones last)."""
    return sorted(claim.export_appearances, key=_first_appearance_key)


def _sources(appearances: Iterable[Appearance]) -> list[Source]:
    seen: dict[int, Source] = {}
    for appearance in appearances:
        seen.setdefault(appearance.source_id, appearance.source)
    return list(seen.values())


def current_verdict(claim: Claim) -> Verdict | None:
    """The verdict the claim's rating comes from, if it has one now."""
    if not claim.rating:
        return None
    return next((v for v in claim.export_verdicts if v.rating == claim.rating), None)


def claim_row(claim: Claim, *, base_url: str) -> dict[str, Any]:
    """One claim as the export's cells, keyed by column; expects ``with_export_data``."""
    appearances = ordered_appearances(claim)
    sources = _sources(appearances)
    urls = [source.url for source in sources]
    verdict = current_verdict(claim)
    approved = verdict is not None and verdict.status == VerdictStatus.APPROVED
    rating_value = RATING_SCALE.get(claim.rating) if claim.rating else None
    return {
        "id": claim.pk,
        "statement": claim.statement,
        "subject": claim.subject.name,
        "property": claim.property.code,
        "value_kind": claim.value_kind,
        "value_text": claim.value_text,
        "value_normalised": normalised_value(claim),
        "qualifier": claim.value_qualifier,
        "unit": claim.value_unit,
        "per": format_number(claim.value_per),
        "currency": claim.value_currency,
        "status": claim.status,
        "rating": claim.rating,
        "rating_value": "" if rating_value is None else rating_value,
        "rationale": verdict.rationale if verdict else "",
        "reviewer": verdict.author.get_username() if verdict else "",
        "approved_by": verdict.reviewed_by.get_username() if approved else "",
        "approved_at": format_datetime(verdict.reviewed_at) if approved else "",
        "first_quote": appearances[0].exact if appearances else "",
        "source_titles": "\n".join(source.title for source in sources),
        "source_urls": "\n".join(urls) if any(urls) else "",
        **{f"evidence_{stance}": getattr(claim, f"evidence_{stance}") for stance in Stance.values},
        "disputed": "yes" if claim.export_disputed else "no",
        "url": base_url.rstrip("/") + claim.get_absolute_url(),
    }


def export_rows(
    queryset: QuerySet[Claim], *, base_url: str, chunk_size: int = CHUNK_SIZE
) -> Iterator[list[str]]:
    """The rows of the export, as text cells made safe for spreadsheets, one at a time."""
    for n, claim in enumerate(with_export_data(queryset).iterator(chunk_size=chunk_size), 1):
        row = claim_row(claim, base_url=base_url)
        yield [neutralise(str(row[key])) for key in COLUMN_KEYS]
        if n % chunk_size == 0:
            # Prefetched quotes and verdicts point back at their claim: the cycles
            # would wait for Python's occasional full collection, so memory grew
            # with the export instead of staying at one chunk.
            gc.collect()


class Echo:
    """A file-like object whose ``write`` hands the line back, for streaming csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(
    queryset: QuerySet[Claim],
    *,
    base_url: str,
    bom: bool = True,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[str]:
    """The CSV file as a stream of lines: an optional BOM, the header, one line per claim.

    The header is translated now, in the caller's language: the lines that
    follow are produced later, while the response streams.
    """
    header = [neutralise(cell) for cell in header_row()]
    rows = export_rows(queryset, base_url=base_url, chunk_size=chunk_size)
    return _lines(header, rows, bom=bom)


def _lines(header: list[str], rows: Iterable[list[str]], *, bom: bool) -> Iterator[str]:
    # Every cell quoted, as OWASP advises, and RFC 4180's CRLF between records.
    writer = csv.writer(Echo(), quoting=csv.QUOTE_ALL)
    yield (BOM if bom else "") + writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)


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
        .defer("search_text")
        .prefetch_related(
            _appearances_prefetch(),
            Prefetch("verdicts", queryset=approved, to_attr="approved_verdicts"),
        )
        .order_by("pk")
    )


def _organisation() -> dict[str, str]:
    organisation = settings.FACTCHECK_ORGANISATION
    document = {"@type": "Organization", "name": organisation["name"]}
    if organisation.get("url"):
        document["url"] = organisation["url"]
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
    """The rating on schema.org's scale; "unverifiable" has a name but no number."""
    document: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": str(Rating(rating).label),
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
    }
    value = RATING_SCALE[rating]
    if value is not None:
        document["ratingValue"] = value
    return document


def claim_review(claim: Claim, *, claim_url: str) -> dict[str, Any]:
    """The ClaimReview JSON-LD for a published claim; expects ``published_claims``."""
    verdict = claim.approved_verdicts[0]
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
        "claimReviewed": claim.statement,
        "datePublished": format_datetime(verdict.reviewed_at),
        "author": _organisation(),
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
