"""The desk's week in numbers: claims by status, verdicts published, time to a verdict.

Read in a fixed number of queries whatever the number of claims: the status
counts of now (from the tally the database keeps, ``claims.tally``), and what
each week did: the claims added, the status changes its timeline records, the
verdicts approved. A week that is over does not change: it is read once and
kept (``DeskWeek``), so a dashboard reads only the week under way. A claim's
status at the end of a past week is today's count minus what changed since,
so no status is stored per week.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from claims import plots, tally
from claims.choices import ClaimStatus
from claims.models import Claim, ClaimEvent, DeskWeek, EventKind, Verdict, VerdictStatus

WEEKS = 8
WEEK = datetime.timedelta(weeks=1)

# The timeline's events that move a claim between statuses: (old, new) from the
# event's data (its "old" and "new", when it records them).
MOVES = {
    EventKind.STATUS_CHANGED: lambda old, new: (old, new),
    EventKind.VERDICT_PROPOSED: lambda old, new: (old, ClaimStatus.VERDICT_PROPOSED),
    EventKind.VERDICT_APPROVED: lambda old, new: (
        ClaimStatus.VERDICT_PROPOSED,
        ClaimStatus.PUBLISHED,
    ),
    EventKind.VERDICT_SENT_BACK: lambda old, new: (
        ClaimStatus.VERDICT_PROPOSED,
        ClaimStatus.IN_RESEARCH,
    ),
    EventKind.REOPENED: lambda old, new: (ClaimStatus.PUBLISHED, ClaimStatus.IN_RESEARCH),
}


@dataclass
class DeskWeeks:
    weeks: list[datetime.date]
    # status → claims in that status at the end of each week (the current week: now).
    by_status: dict[str, list[int]]
    published: list[int]
    # Days from a claim's creation to its published verdict, per week of publication.
    median_days: list[float | None]
    p90_days: list[float | None]
    overall_median: float | None
    overall_p90: float | None
    published_total: int


def week_starts(today: datetime.date, weeks: int = WEEKS) -> list[datetime.date]:
    """The Mondays of the last ``weeks`` weeks, this one last."""
    monday = today - datetime.timedelta(days=today.weekday())
    return [monday - datetime.timedelta(weeks=k) for k in range(weeks - 1, -1, -1)]


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The nearest-rank percentile: a value someone actually waited, not an interpolation."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _week_number(field: str, starts: list[datetime.date]) -> Case:
    """Which of the weeks starting on ``starts`` (local Mondays) a moment falls in, as
    0, 1…: compared with the weeks' first instants in SQL, rather than truncated to
    its week row by row (a function SQLite calls in Python for each row)."""
    first_instants = [
        timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
        for start in starts[1:]
    ]
    return Case(
        *(
            When(**{f"{field}__lt": instant}, then=Value(i))
            for i, instant in enumerate(first_instants)
        ),
        default=Value(len(starts) - 1),
        output_field=IntegerField(),
    )


# A week is kept once it has been over for this long: a transaction begun before
# Sunday midnight may still be writing that week's events for a moment.
SETTLED = datetime.timedelta(hours=1)


@dataclass
class WeekChanges:
    """What one week did: claims added, net moves into each status, verdict waits."""

    added: int = 0
    moves: dict[str, int] = field(default_factory=dict)
    waits: list[float] = field(default_factory=list)


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def read_weeks(starts: list[datetime.date]) -> dict[datetime.date, WeekChanges]:
    """What each of the consecutive weeks starting on ``starts`` did, up to now: three
    aggregate queries over those weeks only."""
    since = _midnight(starts[0])
    changes = {start: WeekChanges() for start in starts}
    by_number = list(changes.values())
    added = (
        Claim.objects.filter(created_at__gte=since)
        .annotate(week=_week_number("created_at", starts))
        .order_by()
        .values_list("week")
        .annotate(n=Count("pk"))
    )
    for i, n in added:
        by_number[i].added += n
    moves = (
        ClaimEvent.objects.filter(kind__in=MOVES, created_at__gte=since)
        .annotate(week=_week_number("created_at", starts), old=KT("data__old"), new=KT("data__new"))
        .order_by()
        .values_list("week", "kind", "old", "new")
        .annotate(n=Count("pk"))
    )
    for i, kind, old, new, n in moves:
        old, new = MOVES[kind](old, new)
        week_moves = by_number[i].moves
        if new in ClaimStatus.values:
            week_moves[new] = week_moves.get(new, 0) + n
        if old in ClaimStatus.values:
            week_moves[old] = week_moves.get(old, 0) - n
    # The week and the wait worked out by the database, rather than two moments per
    # verdict read and converted here.
    verdicts = (
        Verdict.objects.filter(status=VerdictStatus.APPROVED, reviewed_at__gte=since)
        .annotate(
            week=_week_number("reviewed_at", starts),
            wait=ExpressionWrapper(
                F("reviewed_at") - F("claim__created_at"), output_field=DurationField()
            ),
        )
        .order_by()
        .values_list("week", "wait")
    )
    for i, wait in verdicts:
        by_number[i].waits.append(wait.total_seconds() / 86400)
    for week in by_number:
        week.waits.sort()
    return changes


def weeks_changes(
    starts: list[datetime.date], now: datetime.datetime
) -> dict[datetime.date, WeekChanges]:
    """What each week did: the weeks over since ``SETTLED`` from those kept (and kept
    once read), the others read again."""
    zone = timezone.get_current_timezone_name()
    settled = [start for start in starts if _midnight(start + WEEK) + SETTLED <= now]
    kept = (
        {
            week.starts_on: WeekChanges(week.added, week.moves, week.waits)
            for week in DeskWeek.objects.filter(zone=zone, starts_on__in=settled)
        }
        if settled
        else {}
    )
    # Read from the first week not kept onwards: in practice the week under way, and on
    # a first visit (or after a quiet spell) the weeks that ended since.
    first = next((i for i, start in enumerate(starts) if start not in kept), len(starts))
    read = read_weeks(starts[first:]) if first < len(starts) else {}
    to_keep = [
        DeskWeek(
            starts_on=start,
            zone=zone,
            added=read[start].added,
            moves=read[start].moves,
            waits=read[start].waits,
        )
        for start in settled
        if start not in kept
    ]
    if to_keep:
        # Two first visits at once would both keep the weeks: the second adds nothing.
        DeskWeek.objects.bulk_create(to_keep, ignore_conflicts=True)
    return {start: kept.get(start) or read[start] for start in starts}


def desk_weeks(
    *,
    now: datetime.datetime | None = None,
    weeks: int = WEEKS,
    current: dict[str, int] | None = None,
) -> DeskWeeks:
    """The last ``weeks`` weeks; ``current`` is today's count of claims per status when
    the caller has it already."""
    now = now or timezone.now()
    starts = week_starts(timezone.localtime(now).date(), weeks)
    if current is None:
        current = Counter()
        for (status, _rating), n in tally.claims_by_status_and_rating().items():
            current[status] += n
    by_week = weeks_changes(starts, now)
    changes = [by_week[start] for start in starts]
    by_status = {}
    for status in ClaimStatus.values:
        counts, level = [0] * weeks, current.get(status, 0)
        for i in range(weeks - 1, -1, -1):
            # Never below zero: claims moved by paths that keep no timeline are unknown.
            counts[i] = max(level, 0)
            level -= changes[i].moves.get(status, 0)
            if status == ClaimStatus.NEW:
                level -= changes[i].added
        by_status[status] = counts
    waits = [week.waits for week in changes]
    every = [w for week in waits for w in week]
    return DeskWeeks(
        weeks=starts,
        by_status=by_status,
        published=[len(w) for w in waits],
        median_days=[percentile(w, 0.5) for w in waits],
        p90_days=[percentile(w, 0.9) for w in waits],
        overall_median=percentile(every, 0.5),
        overall_p90=percentile(every, 0.9),
        published_total=len(every),
    )


def desk_charts(desk: DeskWeeks) -> list[plots.Chart]:
    """The dashboard's three small charts."""
    # Short month names: four full ones ("16 November") overlap under a small chart.
    short = "j N" if get_language() == "fr" else "j M"
    weeks = [date_format(start, short) for start in desk.weeks]
    statuses = [
        plots.Series(str(ClaimStatus(s).label).capitalize(), desk.by_status[s], f"series-{i}")
        for i, s in enumerate(ClaimStatus.values)
    ]
    return [
        plots.bar_chart(_("Claims by status, at the end of each week"), weeks, statuses),
        plots.bar_chart(
            _("Verdicts published per week"),
            weeks,
            [plots.Series(_("Verdicts published"), desk.published, "series-1")],
        ),
        plots.line_chart(
            _("Days from a claim to its published verdict"),
            weeks,
            [
                plots.Series(_("Median"), desk.median_days, "line-median"),
                plots.Series(_("90th percentile"), desk.p90_days, "line-p90"),
            ],
            unit=_("days"),
        ),
    ]
