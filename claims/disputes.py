"""Where sources disagree: comparing the values claimed for one subject and property.

Claims about the same subject and property form a group; a group of two or
more claims has one ``Dispute`` row saying how their values relate:

- **conflict**: two sources disagree: one states a value the other does not
  state, and the other states one the first does not (claims without an
  article count as a source each);
- **corroboration**: no conflict, and two sources state a value that agrees;
- **not comparable**: nothing can be set side by side across sources (dollars
  and euros, per token and per million tokens, a date and a text, a value
  without its structured form, or values stated by one source only). This is
  never taken for agreement.

Sources disagree, not values: an article giving a year's revenue and a
quarter's, or a model's total and active parameters, contradicts nobody.

Values are compared on their structured fields, never on their wording: dates at
the coarser of the two precisions ("2023" and "May 2023" agree), figures within
the dispute's relative tolerance, money only in one currency and per the same
quantity of the same unit, ranks exactly, and texts once case, accents and
spacing are folded. Each value is compared with the clusters of values found so
far, not with every other value, so a group costs O(n log n), not O(n²).

Resolving follows the four-eyes rule, as verdicts do: one person proposes the
value the evidence supports, citing that evidence or saying why in a note, and
an editor who did not propose it confirms (or sends it back). On confirmation
the supported value's claims become *preferred* and the others *superseded*,
as Wikidata ranks statements: nothing is deleted; or every claim is superseded
by an established value that none of them states. Superseded claims no longer
count: a resolved dispute reopens only if the claims still in standing
disagree again.

Detection runs on every claim save (``claims.signals``) at one claim query per
group, and ``refresh_all`` recomputes every group in a bounded number of
queries (after a fixture load, which skips signals).
"""

from __future__ import annotations

import datetime
import functools
import itertools
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple, Protocol

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, connections, transaction
from django.db.models import CharField, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from claims.audit import records_actor
from claims.choices import (
    DEFAULT_TOLERANCE,
    Agreement,
    DatePrecision,
    DisputeStatus,
    Stance,
    ValueKind,
    ValueRank,
)
from claims.models import (
    VALUE_FIELDS as CLAIM_VALUE_FIELDS,
)
from claims.models import (
    Appearance,
    Claim,
    ClaimEvent,
    Dispute,
    DisputeResolution,
    EventKind,
    Evidence,
    NotificationKind,
    ResolutionStatus,
    normalise_name,
)
from claims.notifications import notify
from claims.roles import is_editor, is_reviewer
from claims.values import MEASURE_UNITS
from claims.workflow import InvalidTransition, NotAllowed

User = AbstractBaseUser

# The claim fields a comparison reads; saving any other field leaves disputes alone.
VALUE_FIELDS = (*(f for f in CLAIM_VALUE_FIELDS if f != "value_qualifier"), "value_rank")
GROUP_FIELDS = ("subject", "subject_id", "property", "property_id")
COMPARED_FIELDS = frozenset(VALUE_FIELDS + GROUP_FIELDS)

# Tolerances a reviewer may set: 0 (exact) up to 50 % of the larger value.
MAX_TOLERANCE = Decimal("0.5")
# Rows per INSERT, UPDATE or DELETE when every group is recomputed.
WRITE_BATCH = 500
READ_CHUNK = 2000

_PRECISION_PARTS = {DatePrecision.YEAR: 1, DatePrecision.MONTH: 2, DatePrecision.DAY: 3}
# Durations in fixed-length units compare across units; months and years vary.
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}


class ClaimValue(Protocol):
    """What comparing needs of a claim: a ``Claim`` or a ``ClaimRow`` will do."""

    pk: Any
    value_kind: str
    value_text: str
    value_number: Decimal | None
    value_unit: str
    value_per: Decimal | None
    value_currency: str
    value_date: datetime.date | None
    value_date_precision: str
    value_rank: str


class ClaimRow(NamedTuple):
    """A claim as ``refresh_all`` reads it: the values only, no model instance."""

    pk: int
    subject_id: int
    property_id: int
    value_kind: str
    value_text: str
    value_number: Decimal | None
    value_unit: str
    value_per: Decimal | None
    value_currency: str
    value_date: datetime.date | None
    value_date_precision: str
    value_rank: str


ROW_FIELDS = ClaimRow._fields


# --- comparing values -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Value:
    """A claim's value reduced to what comparing needs.

    ``family`` says what must be equal for two values to be compared at all
    (the kind, and for figures the unit, currency and "per"); within a family,
    ``number`` (figures, in the family's unit), ``date`` with ``parts`` (how
    many of year, month, day are known) or ``key`` (ranks, folded text) decide.
    """

    family: tuple
    number: Decimal | None = None
    date: datetime.date | None = None
    parts: int = 0
    key: object = None

    @property
    def is_numeric(self) -> bool:
        return self.number is not None


@functools.lru_cache(maxsize=1024)
def _unit_key(unit: str) -> str:
    """Fold a unit, so that "GPUs" and "gpu", "hours" and "hour" are one unit."""
    key = normalise_name(unit)
    return key[:-1] if len(key) > 3 and key.endswith("s") else key


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if value is None or value == "":
        return None
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


def value_of(claim: ClaimValue) -> Value | None:
    """The comparable form of a claim's value; None when its structured form is missing."""
    kind = claim.value_kind
    if kind == ValueKind.DATE:
        parts = _PRECISION_PARTS.get(claim.value_date_precision)
        if claim.value_date is None or parts is None:
            return None
        return Value(family=(ValueKind.DATE,), date=claim.value_date, parts=parts)
    if kind == ValueKind.TEXT:
        key = normalise_name(claim.value_text or "")
        return Value(family=(ValueKind.TEXT,), key=key) if key else None
    number = _decimal(claim.value_number)
    if number is None:
        return None
    if kind == ValueKind.RANK:
        return Value(family=(ValueKind.RANK,), key=number)
    if kind == ValueKind.PERCENTAGE:
        return Value(family=(ValueKind.PERCENTAGE,), number=number)
    unit = _unit_key(claim.value_unit or "")
    if kind == ValueKind.DURATION:
        if unit in _SECONDS:
            return Value(family=(ValueKind.DURATION, "second"), number=number * _SECONDS[unit])
        return Value(family=(ValueKind.DURATION, unit), number=number)
    if kind == ValueKind.QUANTITY:
        # Claims are compared within one subject and property: "23", "23 buts" and "23
        # goals" all count what the property counts; only a unit of measure sets a scale.
        measure = (claim.value_unit or "") in MEASURE_UNITS
        return Value(family=(ValueKind.QUANTITY, unit if measure else ""), number=number)
    if kind == ValueKind.MONEY:
        currency = (claim.value_currency or "").upper()
        if not currency:
            return None
        # "$2 per token" is per one token; a bare total has neither unit nor per.
        per = _decimal(claim.value_per)
        if per is None and unit:
            per = Decimal(1)
        return Value(family=(ValueKind.MONEY, currency, unit, per), number=number)
    return None


def figures_agree(a: Decimal, b: Decimal, tolerance: Decimal) -> bool:
    """Within ``tolerance`` of the larger magnitude: 100 and 104 agree at 5 %, 100 and 106 not."""
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def dates_agree(a: Value, b: Value) -> bool:
    """Equal at the coarser precision: 2023 agrees with May 2023, 2021 does not."""
    parts = min(a.parts, b.parts)
    return a.date.timetuple()[:parts] == b.date.timetuple()[:parts]


@dataclass
class Cluster:
    """Claims whose values agree with the cluster's first (anchor) value."""

    family: tuple
    anchor: Value
    claims: list = field(default_factory=list)
    # Each claim's value, in the same order: drawing them need not compute them again.
    values: list[Value] = field(default_factory=list)

    def add(self, value: Value, claim: Any) -> None:
        self.claims.append(claim)
        self.values.append(value)


def _clusters(family: tuple, members: list[tuple[Value, Any]], tolerance: Decimal) -> list:
    kind = family[0]
    clusters: list[Cluster] = []
    if kind == ValueKind.DATE:
        # Most precise first, so that "May 2023" and "June 2023" anchor clusters
        # of their own and a bare "2023" joins the first it agrees with.
        for value, claim in sorted(members, key=lambda m: (-m[0].parts, m[0].date)):
            for cluster in clusters:
                if dates_agree(cluster.anchor, value):
                    cluster.add(value, claim)
                    break
            else:
                clusters.append(Cluster(family, value, [claim], [value]))
        return clusters
    if kind in (ValueKind.TEXT, ValueKind.RANK):
        exact: dict[object, Cluster] = {}
        for value, claim in members:
            exact.setdefault(value.key, Cluster(family, value)).add(value, claim)
        return list(exact.values())
    # Figures, in ascending order: a value can only join the latest cluster,
    # whose anchor is the largest anchor below it, so each is compared once.
    for value, claim in sorted(members, key=lambda m: m[0].number):
        if clusters and figures_agree(clusters[-1].anchor.number, value.number, tolerance):
            clusters[-1].add(value, claim)
        else:
            clusters.append(Cluster(family, value, [claim], [value]))
    return clusters


SourcesOf = Callable[[Any], frozenset]


def own_source(claim: Any) -> frozenset:
    """A claim whose sources are unknown counts as a source of its own."""
    return frozenset({("claim", claim.pk)})


@dataclass
class Comparison:
    """How a group's values relate: clusters of agreeing claims, and the claims that
    could not be compared at all.

    Sources disagree, not values: two values conflict when one source states one
    and another source states the other without stating the first too. An
    article giving a figure for the year and one for the quarter, or a total and
    its active part, contradicts nobody; if another article gives only one of
    them, it agrees with that one. ``sources_of`` says which sources state a
    claim (its appearances' articles); by default each claim is a source.
    """

    clusters: list[Cluster]
    unknown: list
    sources_of: SourcesOf = own_source

    @property
    def agreement(self) -> Agreement:
        conflict = agreeing = False
        families: dict[tuple, list[Cluster]] = {}
        for cluster in self.clusters:
            families.setdefault(cluster.family, []).append(cluster)
        for clusters in families.values():
            stated: dict[Any, set[int]] = {}
            for index, cluster in enumerate(clusters):
                for claim in cluster.claims:
                    for source in self.sources_of(claim):
                        stated.setdefault(source, set()).add(index)
            counts: dict[int, int] = {}
            for indexes in stated.values():
                for index in indexes:
                    counts[index] = counts.get(index, 0) + 1
            agreeing = agreeing or any(n >= 2 for n in counts.values())
            sets = list(stated.values())
            conflict = conflict or any(a - b and b - a for a, b in itertools.combinations(sets, 2))
        if conflict:
            return Agreement.CONFLICT
        if agreeing:
            return Agreement.CORROBORATION
        return Agreement.NOT_COMPARABLE

    @property
    def is_numeric(self) -> bool:
        return any(cluster.anchor.is_numeric for cluster in self.clusters)

    def cluster_of(self, claim: Any) -> Cluster | None:
        return next((c for c in self.clusters if any(m is claim for m in c.claims)), None)


def compare(
    claims: Iterable[ClaimValue],
    *,
    tolerance: Decimal = DEFAULT_TOLERANCE,
    sources_of: SourcesOf = own_source,
) -> Comparison:
    """Sort a group's claims into clusters of values that agree."""
    by_family: dict[tuple, list[tuple[Value, Any]]] = {}
    unknown = []
    # A group states a few values many times: each is reduced once, and equal values
    # are one object (the plot's bins tell them apart by identity).
    known: dict[tuple, Value | None] = {}
    equal: dict[Value, Value] = {}
    for claim in claims:
        key = (
            claim.value_kind,
            claim.value_text,
            claim.value_number,
            claim.value_unit,
            claim.value_per,
            claim.value_currency,
            claim.value_date,
            claim.value_date_precision,
        )
        if key in known:
            value = known[key]
        else:
            value = value_of(claim)
            value = known[key] = value if value is None else equal.setdefault(value, value)
        if value is None:
            unknown.append(claim)
        else:
            by_family.setdefault(value.family, []).append((value, claim))
    clusters = []
    for family, members in by_family.items():
        clusters += _clusters(family, members, Decimal(tolerance))
    return Comparison(clusters, unknown, sources_of)


def _in_standing(claims: Iterable[ClaimValue]) -> list:
    return [c for c in claims if c.value_rank != ValueRank.SUPERSEDED]


def assess(
    claims: Sequence[ClaimValue],
    *,
    tolerance: Decimal,
    status: str,
    sources_of: SourcesOf = own_source,
) -> tuple[str, str]:
    """The (agreement, status) a group of two or more claims should have.

    The agreement describes what all the sources say, superseded claims
    included: a resolved conflict stays a conflict, marked resolved. A resolved
    dispute reopens when the claims still in standing conflict again (a new
    claim contradicting the preferred value).
    """
    agreement = compare(claims, tolerance=tolerance, sources_of=sources_of).agreement
    if status == DisputeStatus.RESOLVED:
        standing = _in_standing(claims)
        if (
            len(standing) > 1
            and compare(standing, tolerance=tolerance, sources_of=sources_of).agreement
            == Agreement.CONFLICT
        ):
            return Agreement.CONFLICT, DisputeStatus.OPEN
    return agreement, status


# --- keeping Dispute rows current ----------------------------------------------------


def claim_sources(claim_ids: Iterable[int]) -> dict[int, frozenset]:
    """Each claim's sources (the articles it appears in); a claim in none is its own."""
    ids = list(claim_ids)
    found: dict[int, set] = {pk: set() for pk in ids}
    for claim_id, source_id in (
        Appearance.objects.filter(claim_id__in=ids).order_by().values_list("claim_id", "source_id")
    ):
        found[claim_id].add(source_id)
    return {pk: frozenset(sources) or frozenset({("claim", pk)}) for pk, sources in found.items()}


def _compared(rows: Sequence[ClaimRow], sources: dict[int, frozenset]) -> bool:
    """Whether a group has anything to compare: two claims, or one claim that two
    articles state (one claim with two quotes is a corroboration)."""
    if len(rows) >= 2:
        return True
    return len(rows) == 1 and len(sources.get(rows[0].pk, ())) >= 2


def sources_lookup(sources: dict[int, frozenset]) -> SourcesOf:
    return lambda claim: sources.get(claim.pk) or own_source(claim)


def _group_rows(subject_id: int, property_id: int) -> list[ClaimRow]:
    """The group's claims; none when its property is one of the generic, never-compared ones."""
    rows = Claim.objects.filter(
        subject_id=subject_id, property_id=property_id, property__compared=True
    )
    return [ClaimRow(*row) for row in rows.order_by("pk").values_list(*ROW_FIELDS)]


@dataclass(slots=True)
class _Known:
    """An existing Dispute as ``refresh_all`` reads it: cheaper than 100,000 model instances."""

    pk: int
    agreement: str
    status: str
    tolerance: Decimal
    claim_count: int


def _apply(
    dispute: Dispute | _Known, rows: Sequence[ClaimValue], sources_of: SourcesOf = own_source
) -> bool:
    """Update ``dispute`` in memory from its group's claims; whether anything changed."""
    agreement, status = assess(
        rows, tolerance=dispute.tolerance, status=dispute.status, sources_of=sources_of
    )
    new = {"agreement": agreement, "status": status, "claim_count": len(rows)}
    changed = {name: value for name, value in new.items() if getattr(dispute, name) != value}
    for name, value in changed.items():
        setattr(dispute, name, value)
    return bool(changed)


@transaction.atomic
def refresh_group(subject_id: int, property_id: int) -> Dispute | None:
    """Recompute one subject and property: its Dispute row, made, updated or removed.

    Three queries at most whatever the group's size: the dispute, the group's
    claims, and the write.
    """
    dispute = (
        Dispute.objects.select_for_update()
        .filter(subject_id=subject_id, property_id=property_id)
        .first()
    )
    rows = _group_rows(subject_id, property_id)
    sources = claim_sources(row.pk for row in rows) if rows else {}
    if not _compared(rows, sources):
        if dispute is not None:
            dispute.delete()
        return None
    sources_of = sources_lookup(sources)
    if dispute is None:
        dispute = Dispute(subject_id=subject_id, property_id=property_id)
        _apply(dispute, rows, sources_of)
        try:
            with transaction.atomic():
                dispute.save()
        except IntegrityError:
            # Another save made the row first: theirs stands, recomputed.
            dispute = Dispute.objects.select_for_update().get(
                subject_id=subject_id, property_id=property_id
            )
        else:
            return dispute
    if _apply(dispute, rows, sources_of):
        dispute.save(update_fields=["agreement", "status", "claim_count", "updated_at"])
    return dispute


def refresh_groups(groups: Iterable[tuple[int, int]]) -> None:
    """Recompute these (subject id, property id) groups, each once."""
    for subject_id, property_id in sorted(set(groups)):
        refresh_group(subject_id, property_id)


class Refreshed(NamedTuple):
    created: int
    updated: int
    deleted: int


def _batches(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _GroupedSources:
    """Walks (subject, property, claim, source) rows in group order, one group at a time."""

    def __init__(self, rows: Iterator[tuple[int, int, int, int]]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def of(self, group: tuple[int, int]) -> dict[int, frozenset]:
        found: dict[int, set] = {}
        while self._next is not None and tuple(self._next[:2]) < group:
            self._next = next(self._rows, None)
        while self._next is not None and tuple(self._next[:2]) == group:
            found.setdefault(self._next[2], set()).add(self._next[3])
            self._next = next(self._rows, None)
        return {pk: frozenset(sources) for pk, sources in found.items()}


@transaction.atomic
def refresh_all() -> Refreshed:
    """Recompute every group: for after a fixture load or a bulk import.

    Reads the disputes in one query, every claim's value fields and every
    appearance's article in two ordered queries streamed in chunks, groups them
    in Python and writes only
    what changed, in batches: the query count depends on the number of rows
    written, divided by ``WRITE_BATCH``, never on the number of groups.
    """
    existing = {
        (subject_id, property_id): _Known(pk, agreement, status, tolerance, claim_count)
        for pk, subject_id, property_id, agreement, status, tolerance, claim_count in (
            Dispute.objects.order_by().values_list(
                "pk", "subject_id", "property_id", "agreement", "status", "tolerance", "claim_count"
            )
        )
    }
    rows = (
        Claim.objects.filter(property__compared=True)
        .order_by("subject_id", "property_id", "pk")
        .values_list(*ROW_FIELDS)
        .iterator(chunk_size=READ_CHUNK)
    )
    # Which articles state each claim, streamed in the same order as the claims.
    appearances = _GroupedSources(
        Appearance.objects.filter(claim__property__compared=True)
        .order_by("claim__subject_id", "claim__property_id", "claim_id")
        .values_list("claim__subject_id", "claim__property_id", "claim_id", "source_id")
        .iterator(chunk_size=READ_CHUNK)
    )
    to_create: list[Dispute] = []
    to_update: list[_Known] = []
    seen: set[tuple[int, int]] = set()
    for group, members in itertools.groupby(map(ClaimRow._make, rows), key=lambda r: r[1:3]):
        members = list(members)
        found = appearances.of(group)
        sources = {m.pk: found.get(m.pk) or frozenset({("claim", m.pk)}) for m in members}
        if not _compared(members, sources):
            continue
        seen.add(group)
        sources_of = sources_lookup(sources)
        dispute = existing.get(group)
        if dispute is None:
            dispute = Dispute(subject_id=group[0], property_id=group[1])
            _apply(dispute, members, sources_of)
            to_create.append(dispute)
        elif _apply(dispute, members, sources_of):
            to_update.append(dispute)
    now = timezone.now()
    # With history, like every other write to disputes (django-simple-history's
    # bulk helpers write the historical rows in bulk too).
    bulk_create_with_history(to_create, Dispute, batch_size=WRITE_BATCH)
    for batch in _batches(to_update, WRITE_BATCH):
        rows = Dispute.objects.in_bulk([known.pk for known in batch])
        for known in batch:
            row = rows[known.pk]
            row.agreement, row.status = known.agreement, known.status
            row.claim_count, row.updated_at = known.claim_count, now
        bulk_update_with_history(
            list(rows.values()),
            Dispute,
            ["agreement", "status", "claim_count", "updated_at"],
            batch_size=WRITE_BATCH,
        )
    stale = [d.pk for key, d in existing.items() if key not in seen]
    for batch in _batches(stale, WRITE_BATCH):
        Dispute.objects.filter(pk__in=batch).delete()
    return Refreshed(len(to_create), len(to_update), len(stale))


# --- reading a dispute ---------------------------------------------------------------


class SourceLabel(NamedTuple):
    title: str
    publisher: str
    published_on: datetime.date | None
    published_precision: str


class QuoteLabel(NamedTuple):
    """What the plot and the list of claims to choose from read of a quote: its words
    and its article's name and date, never the article's text (a dispute of hundreds
    of claims would read megabytes of articles to draw a picture)."""

    exact: str
    start: int
    source: SourceLabel


def group_claims(dispute: Dispute) -> list[Claim]:
    """Every claim of the dispute with the labels of its quotes (as ``claim.quoted_in``),
    in two queries: the claims, then their quotes' labels as plain tuples. For a
    small group; the dispute's page reads ``page_claims`` and labels a bounded few."""
    claims = list(
        Claim.objects.filter(subject_id=dispute.subject_id, property_id=dispute.property_id)
        .only("pk", "statement", *VALUE_FIELDS, "value_qualifier")
        .order_by("pk")
    )
    label_quotes(
        claims,
        Appearance.objects.filter(
            claim__subject_id=dispute.subject_id, claim__property_id=dispute.property_id
        ),
    )
    return claims


@dataclass(slots=True)
class GroupClaim:
    """A claim as the dispute's page reads it: its value, no model instance (a dispute
    of a million-claim archive holds thousands). ``quoted_in`` is filled for the few
    the page labels with their sources (``label_quotes``)."""

    pk: int
    value_kind: str
    value_text: str
    value_number: Decimal | None
    value_unit: str
    value_per: Decimal | None
    value_currency: str
    value_date: datetime.date | None
    value_date_precision: str
    value_rank: str
    quoted_in: list = field(default_factory=list)


def page_claims(dispute: Dispute) -> list[GroupClaim]:
    """Every claim of the dispute, its value only, in one query of plain rows: what
    comparing, counting and binning them need.

    Read through the cursor, figures and dates as text: making a Decimal or a date
    per row (Django's converters on SQLite, psycopg's on PostgreSQL) took as long as
    the query for a group of 2,500 claims, which state a handful of values; each
    distinct one is converted once here."""
    queryset = (
        Claim.objects.filter(subject_id=dispute.subject_id, property_id=dispute.property_id)
        .order_by("pk")
        .annotate(
            number_text=Cast("value_number", CharField()),
            per_text=Cast("value_per", CharField()),
            date_text=Cast("value_date", CharField()),
        )
        .values_list(
            "pk",
            "value_kind",
            "value_text",
            "number_text",
            "value_unit",
            "per_text",
            "value_currency",
            "date_text",
            "value_date_precision",
            "value_rank",
        )
    )
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    decimals: dict[str | None, Decimal | None] = {None: None}
    dates: dict[str | None, datetime.date | None] = {None: None}

    def figure(text: str | None) -> Decimal | None:
        if text not in decimals:
            decimals[text] = _decimal(text)
        return decimals[text]

    def day(text: str | None) -> datetime.date | None:
        if text not in dates:
            dates[text] = datetime.date.fromisoformat(text)
        return dates[text]

    return [
        GroupClaim(pk, kind, text, figure(number), unit, figure(per), currency, day(date), *rest)
        for pk, kind, text, number, unit, per, currency, date, *rest in rows
    ]


def label_quotes(claims: Sequence[Any], quotes: QuerySet[Appearance] | None = None) -> None:
    """Give each of ``claims`` its quotes' words and articles' names and dates as
    ``claim.quoted_in`` (by article and position), in one query of plain tuples, never
    the articles' text. ``quotes`` narrows the query (a whole group); by default the
    claims' own quotes are read."""
    labels: dict[int, list[QuoteLabel]] = {claim.pk: [] for claim in claims}
    if not labels:
        return
    if quotes is None:
        quotes = Appearance.objects.filter(claim_id__in=list(labels))
    rows = quotes.order_by("source_id", "start").values_list(
        "claim_id",
        "exact",
        "start",
        "source__title",
        "source__publisher",
        "source__published_on",
        "source__published_precision",
    )
    for claim_id, exact, start, *source in rows:
        if claim_id in labels:  # (a claim moved here since the first query: next time)
            labels[claim_id].append(QuoteLabel(exact, start, SourceLabel(*source)))
    for claim in claims:
        claim.quoted_in = labels[claim.pk]


def claims_in_full(claims: list[Claim]) -> None:
    """The quotes of ``claims`` (one page of the comparison table) with their articles,
    whose text gives each quote its context, as ``claim.quotes``, and their evidence
    as ``claim.evidence_items``: two queries."""
    prefetch_related_objects(
        claims,
        Prefetch(
            "appearances",
            queryset=Appearance.objects.select_related("source").order_by("source_id", "start"),
            to_attr="quotes",
        ),
        Prefetch(
            "evidence",
            queryset=Evidence.objects.select_related("source").defer("source__text"),
            to_attr="evidence_items",
        ),
    )


def labelled_clusters(comparison: Comparison) -> list[tuple[str, Cluster]]:
    """Groups of agreeing claims named A, B… in the order of their first claim, as the
    dispute's page names them (its plot, its table and its form)."""
    clusters = sorted(comparison.clusters, key=lambda c: min(claim.pk for claim in c.claims))
    return [
        (string.ascii_uppercase[i] if i < 26 else str(i + 1), cluster)
        for i, cluster in enumerate(clusters)
    ]


@dataclass
class ValueGroup:
    """The claims of a dispute that state one value (a cluster, labelled A, B…), or,
    labelled "", those whose value cannot be compared. Its claims are in the order
    they were added."""

    label: str
    claims: list

    @property
    def count(self) -> int:
        return len(self.claims)

    @property
    def first(self) -> Any:
        """The claim that stands for the group in the resolution form: any claim of a
        cluster designates it (``_preferred``), the first is the steadiest."""
        return self.claims[0]

    def latest(self, n: int) -> list:
        return self.claims[: -n - 1 : -1]

    @property
    def wordings(self) -> list[str]:
        """How the claims state the value, each wording once, the most frequent first."""
        counts: dict[str, int] = {}
        for claim in self.claims:
            text = claim.value_text or "—"
            counts[text] = counts.get(text, 0) + 1
        return sorted(counts, key=lambda text: -counts[text])

    @property
    def rank(self) -> str:
        """The rank all of its claims hold, or "" when they differ."""
        ranks = {claim.value_rank for claim in self.claims}
        return ranks.pop() if len(ranks) == 1 else ""


def value_groups(comparison: Comparison) -> list[ValueGroup]:
    """The dispute's value groups, A, B… then the claims that cannot be compared."""
    groups = [
        ValueGroup(label, sorted(cluster.claims, key=lambda c: c.pk))
        for label, cluster in labelled_clusters(comparison)
    ]
    if comparison.unknown:
        groups.append(ValueGroup("", sorted(comparison.unknown, key=lambda c: c.pk)))
    return groups


def groups_to_offer(groups: Sequence[ValueGroup], limit: int) -> tuple[list[ValueGroup], int]:
    """The value groups a resolution may choose from, in their order: all of them, or
    the ``limit`` with most claims (a preferred one always); and how many are left
    out. The claims that cannot be compared are no value to choose."""
    comparable = [g for g in groups if g.label]
    if len(comparable) <= limit:
        return comparable, 0
    largest = sorted(
        comparable, key=lambda g: (g.rank != ValueRank.PREFERRED, -g.count, g.first.pk)
    )[:limit]
    kept = {id(g) for g in largest}
    return [g for g in comparable if id(g) in kept], len(comparable) - limit


def representatives(groups: Sequence[ValueGroup], limit: int) -> list:
    """At most ``limit`` claims to set side by side: the latest claim of each value
    group first, so that the values in conflict stand next to each other, then the
    next latest of each, and so on; in the groups' order within each round."""
    latest = [group.latest(limit) for group in groups]
    chosen: list = []
    for round_ in itertools.zip_longest(*latest):
        chosen += [claim for claim in round_ if claim is not None]
    return chosen[:limit]


# --- resolving: proposed by one person, confirmed by an editor who did not propose it ---


def pending_resolution(dispute: Dispute) -> DisputeResolution | None:
    return dispute.resolutions.filter(status=ResolutionStatus.PROPOSED).first()


def _group_for_update(dispute: Dispute) -> tuple[Dispute, list[Claim]]:
    dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
    if dispute.agreement == Agreement.CORROBORATION:
        raise InvalidTransition(_("These sources agree: there is nothing to resolve."))
    claims = list(
        Claim.objects.select_for_update()
        .filter(subject_id=dispute.subject_id, property_id=dispute.property_id)
        .only("pk", *VALUE_FIELDS)
        .order_by("pk")
    )
    return dispute, claims


def _preferred(dispute: Dispute, claims: list[Claim], chosen_pk: int | None) -> set[int]:
    """The chosen claim and every claim whose value agrees with it (none for a value
    that no claim states)."""
    if chosen_pk is None:
        return set()
    chosen = next((c for c in claims if c.pk == chosen_pk), None)
    if chosen is None:
        raise InvalidTransition(_("That claim is not part of this dispute."))
    cluster = compare(claims, tolerance=dispute.tolerance).cluster_of(chosen)
    return {c.pk for c in cluster.claims} if cluster else {chosen.pk}


def _check_cited(evidence: list[Evidence], claims: list[Claim], preferred: set[int]) -> None:
    """Cited evidence belongs to the dispute's claims and does not contradict the choice."""
    in_group = {c.pk for c in claims}
    for item in evidence:
        name = item.title or (item.source.title if item.source_id else "") or item.url
        if item.claim_id not in in_group:
            raise InvalidTransition(
                _("“%(evidence)s” is evidence for another claim: cite this dispute's evidence.")
                % {"evidence": name}
            )
        if not preferred:
            continue
        if item.stance == Stance.SUPPORTS and item.claim_id not in preferred:
            raise InvalidTransition(
                _("“%(evidence)s” supports a value this resolution supersedes.")
                % {"evidence": name}
            )
        if item.stance == Stance.REFUTES and item.claim_id in preferred:
            raise InvalidTransition(
                _("“%(evidence)s” refutes the value this resolution prefers.") % {"evidence": name}
            )


def _rank_and_record(
    dispute: Dispute,
    claims: list[Claim],
    *,
    by: User,
    preferred: set[int],
    note: str,
    data: dict[str, Any],
) -> None:
    """Rank the claims (preferred or superseded), bump their versions, and write one
    DISPUTE_RESOLVED event on each, in three queries whatever the group's size."""
    now = timezone.now()
    # Whole rows, locked, so that the history keeps every field of each new version.
    ranked = list(Claim.objects.select_for_update().filter(pk__in=[c.pk for c in claims]))
    for row in ranked:
        row.value_rank = ValueRank.PREFERRED if row.pk in preferred else ValueRank.SUPERSEDED
        row.version += 1
        row.updated_at = now
    bulk_update_with_history(
        ranked, Claim, ["value_rank", "version", "updated_at"], default_user=by
    )
    ClaimEvent.objects.bulk_create(
        ClaimEvent(
            claim_id=claim.pk,
            actor=by,
            kind=EventKind.DISPUTE_RESOLVED,
            data={
                "dispute": dispute.pk,
                "note": note,
                "old_rank": claim.value_rank,
                "rank": ValueRank.PREFERRED if claim.pk in preferred else ValueRank.SUPERSEDED,
                **data,
            },
        )
        for claim in claims
    )
    dispute.status = DisputeStatus.RESOLVED
    dispute.resolution_note = note
    dispute.resolved_by = by
    dispute.resolved_at = now
    dispute.save(
        update_fields=[
            "status",
            "resolution_note",
            "established_value",
            "resolved_by",
            "resolved_at",
            "updated_at",
        ]
    )


@records_actor
@transaction.atomic
def propose_resolution(
    dispute: Dispute,
    *,
    by: User,
    claim: Claim | None = None,
    value: str = "",
    note: str = "",
    evidence: Iterable[Evidence] = (),
) -> DisputeResolution:
    """Propose the value the evidence supports: ``claim``'s value (it and the claims that
    agree become preferred, the others superseded), or a ``value`` none of them states.

    The proposal cites the dispute's evidence that shows it, or says why in a ``note``;
    nothing is ranked until an editor other than ``by`` confirms it. A proposal already
    waiting is withdrawn, not overwritten.
    """
    if not is_reviewer(by):
        raise NotAllowed(_("Only reviewers and editors can resolve a dispute."))
    dispute, claims = _group_for_update(dispute)
    value = value.strip()
    note = note.strip()
    if (claim is None) == (not value):
        raise InvalidTransition(
            _("Choose the value the evidence supports, or give the established value.")
        )
    max_length = Dispute._meta.get_field("established_value").max_length
    if len(value) > max_length:
        raise InvalidTransition(
            _("The established value is too long (%(n)d characters at most).") % {"n": max_length}
        )
    preferred = _preferred(dispute, claims, claim.pk if claim else None)
    cited = list(Evidence.objects.filter(pk__in=[e.pk for e in evidence]).select_related("source"))
    if len(cited) != len({e.pk for e in evidence}):
        raise InvalidTransition(_("Some of the evidence cited no longer exists."))
    _check_cited(cited, claims, preferred)
    if not cited and not note:
        raise InvalidTransition(_("Cite the evidence that shows this value, or say why in a note."))
    dispute.resolutions.filter(status=ResolutionStatus.PROPOSED).update(
        status=ResolutionStatus.WITHDRAWN
    )
    resolution = DisputeResolution.objects.create(
        dispute=dispute,
        supported_claim=claim if claim else None,
        established_value=value,
        note=note,
        proposed_by=by,
    )
    resolution.evidence.set(cited)
    return resolution


def can_confirm(resolution: DisputeResolution, user: User) -> bool:
    return (
        is_editor(user)
        and resolution.status == ResolutionStatus.PROPOSED
        and resolution.proposed_by_id != user.pk
    )


def _take_for_review(resolution: DisputeResolution, by: User) -> DisputeResolution:
    if not is_editor(by):
        raise NotAllowed(_("Only editors can confirm or send back a resolution."))
    resolution = DisputeResolution.objects.select_for_update().get(pk=resolution.pk)
    if resolution.status != ResolutionStatus.PROPOSED:
        raise InvalidTransition(
            _("This resolution is no longer waiting for review (it is “%(status)s”).")
            % {"status": ResolutionStatus(resolution.status).label}
        )
    if resolution.proposed_by_id == by.pk:
        raise NotAllowed(
            _("You proposed this resolution: another editor must confirm it (four-eyes rule).")
        )
    return resolution


def _timeline_note(resolution: DisputeResolution, cited: list[Evidence]) -> str:
    if resolution.note:
        return resolution.note
    names = [e.title or (e.source.title if e.source_id else "") or e.url for e in cited]
    return _("Evidence: %(names)s") % {"names": "; ".join(names)}


@records_actor
@transaction.atomic
def confirm_resolution(
    resolution: DisputeResolution, *, by: User, comment: str = ""
) -> DisputeResolution:
    """An editor other than its proposer confirms the resolution: the claims are ranked
    (preferred or superseded, none deleted) and every claim's timeline records it."""
    resolution = _take_for_review(resolution, by)
    dispute, claims = _group_for_update(resolution.dispute)
    if resolution.supported_claim_id is None and not resolution.established_value:
        raise InvalidTransition(_("The claim this resolution preferred no longer exists."))
    preferred = _preferred(dispute, claims, resolution.supported_claim_id)
    cited = list(resolution.evidence.select_related("source"))
    # The claims may have changed since the proposal: the evidence must still fit.
    _check_cited(cited, claims, preferred)
    note = _timeline_note(resolution, cited)
    data: dict[str, Any] = {
        "resolution": resolution.pk,
        "proposed_by": resolution.proposed_by.get_username(),
        "evidence": [e.pk for e in cited],
    }
    if resolution.supported_claim_id:
        chosen = resolution.supported_claim
        dispute.established_value = ""
        data |= {"supported_claim": chosen.pk, "supported_value": chosen.value_text}
    else:
        dispute.established_value = resolution.established_value
        data["established_value"] = resolution.established_value
    _rank_and_record(dispute, claims, by=by, preferred=preferred, note=note, data=data)
    resolution.status = ResolutionStatus.CONFIRMED
    resolution.reviewed_by = by
    resolution.reviewed_at = dispute.resolved_at
    resolution.review_comment = comment.strip()
    resolution.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    notify(
        resolution.proposed_by,
        kind=NotificationKind.RESOLUTION_CONFIRMED,
        actor=by,
        dispute=dispute,
        comment=resolution.review_comment,
    )
    return resolution


@records_actor
@transaction.atomic
def send_back_resolution(
    resolution: DisputeResolution, *, by: User, comment: str
) -> DisputeResolution:
    """An editor returns the proposal, saying what is missing; nothing is ranked."""
    resolution = _take_for_review(resolution, by)
    comment = comment.strip()
    if not comment:
        raise InvalidTransition(_("Say what is missing when you send a resolution back."))
    resolution.status = ResolutionStatus.SENT_BACK
    resolution.reviewed_by = by
    resolution.reviewed_at = timezone.now()
    resolution.review_comment = comment
    resolution.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    notify(
        resolution.proposed_by,
        kind=NotificationKind.RESOLUTION_SENT_BACK,
        actor=by,
        dispute=resolution.dispute,
        comment=comment,
    )
    return resolution


# --- tuning --------------------------------------------------------------------------


@records_actor
@transaction.atomic
def set_tolerance(dispute: Dispute, *, by: User, tolerance: Decimal) -> Dispute:
    """Change how far apart figures may be and still agree, and compare again."""
    if not is_reviewer(by):
        raise NotAllowed(_("Only reviewers and editors can change the tolerance."))
    tolerance = _decimal(tolerance)
    if tolerance is None or not Decimal(0) <= tolerance <= MAX_TOLERANCE:
        raise InvalidTransition(
            _("The tolerance must be between 0 and %(max)s %%.") % {"max": int(MAX_TOLERANCE * 100)}
        )
    dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
    dispute.tolerance = tolerance.quantize(Decimal("0.0001"))
    dispute.save(update_fields=["tolerance", "updated_at"])
    return refresh_group(dispute.subject_id, dispute.property_id) or dispute


# --- the disagreements list ------------------------------------------------------------

# What the list shows: open conflicts unless asked for another kind of group.
SHOW_OPEN = "open"
SHOW_CORROBORATIONS = "corroboration"
SHOW_NOT_COMPARABLE = "not_comparable"
SHOW_RESOLVED = "resolved"
SHOW_ALL = "all"


def to_show(show: str = SHOW_OPEN) -> QuerySet[Dispute]:
    """The disputes one view of the list holds, with what each row names."""
    disputes = Dispute.objects.select_related("subject", "property")
    if show == SHOW_CORROBORATIONS:
        return disputes.filter(agreement=Agreement.CORROBORATION)
    if show == SHOW_NOT_COMPARABLE:
        return disputes.filter(agreement=Agreement.NOT_COMPARABLE, status=DisputeStatus.OPEN)
    if show == SHOW_RESOLVED:
        return disputes.filter(status=DisputeStatus.RESOLVED)
    if show == SHOW_ALL:
        return disputes
    return disputes.open_conflicts()


class StatedValue(NamedTuple):
    text: str
    rank: str


def attach_values(disputes: Sequence[Dispute]) -> None:
    """Give each dispute ``stated_values``: its claims' values as stated, each once
    (whatever its case or accents), in one query for the whole list."""
    if not disputes:
        return
    groups = Q()
    for dispute in disputes:
        groups |= Q(subject_id=dispute.subject_id, property_id=dispute.property_id)
    found: dict[tuple[int, int], dict[str, StatedValue]] = {}
    rows = (
        Claim.objects.filter(groups)
        .order_by("pk")
        .values_list("subject_id", "property_id", "value_text", "value_rank")
    )
    for subject_id, property_id, text, rank in rows:
        stated = found.setdefault((subject_id, property_id), {})
        key = normalise_name(text)
        # One entry per value; the best rank any of its claims holds wins.
        if key not in stated or rank == ValueRank.PREFERRED:
            stated[key] = StatedValue(text or "—", rank)
    for dispute in disputes:
        stated = found.get((dispute.subject_id, dispute.property_id), {})
        dispute.stated_values = list(stated.values())
