"""The desk's week in numbers: claims by status, verdicts published, time to a verdict.

Read in a fixed number of aggregate queries whatever the number of claims: the
status counts of now, the claims added and the status changes of the last weeks
per week (from the timeline), and the published verdicts of those weeks. A
claim's status at the end of a past week is today's count minus what changed
since, so no status is stored per week.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass

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

from claims import plots
from claims.choices import ClaimStatus
from claims.models import Claim, ClaimEvent, EventKind, Verdict, VerdictStatus

WEEKS = 8

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
    since = timezone.make_aware(datetime.datetime.combine(starts[0], datetime.time()))

    if current is None:
        current = dict(Claim.objects.order_by().values_list("status").annotate(n=Count("pk")))
    # Net change per week and status: claims added (as new), moves between statuses.
    change = {s: [0] * weeks for s in ClaimStatus.values}
    added = (
        Claim.objects.filter(created_at__gte=since)
        .annotate(week=_week_number("created_at", starts))
        .order_by()
        .values_list("week")
        .annotate(n=Count("pk"))
    )
    for i, n in added:
        change[ClaimStatus.NEW][i] += n
    moves = (
        ClaimEvent.objects.filter(kind__in=MOVES, created_at__gte=since)
        .annotate(week=_week_number("created_at", starts), old=KT("data__old"), new=KT("data__new"))
        .order_by()
        .values_list("week", "kind", "old", "new")
        .annotate(n=Count("pk"))
    )
    for i, kind, old, new, n in moves:
        old, new = MOVES[kind](old, new)
        if new in change:
            change[new][i] += n
        if old in change:
            change[old][i] -= n
    by_status = {}
    for status in ClaimStatus.values:
        counts, level = [0] * weeks, current.get(status, 0)
        for i in range(weeks - 1, -1, -1):
            # Never below zero: claims moved by paths that keep no timeline are unknown.
            counts[i] = max(level, 0)
            level -= change[status][i]
        by_status[status] = counts

    # The week and the wait worked out by the database: tens of thousands of verdicts
    # at a million claims, whose two moments Python would otherwise read and convert.
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
    waits: list[list[float]] = [[] for _ in starts]
    for i, wait in verdicts:
        waits[i].append(wait.total_seconds() / 86400)
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
