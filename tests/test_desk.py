"""The desk's weeks (claims.desk) without HTTP, and the dashboard's charts."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from claims import desk
from claims.choices import ClaimStatus, Rating
from claims.models import Claim, ClaimEvent, DeskWeek, EventKind, Verdict, VerdictStatus
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

# A Wednesday noon: week 7 (the last) starts on Monday 8 June 2026.
NOW = timezone.make_aware(datetime.datetime(2026, 6, 10, 12, 0))
DAY = datetime.timedelta(days=1)


def at(claim: Claim, moment: datetime.datetime) -> None:
    Claim.objects.filter(pk=claim.pk).update(created_at=moment)


def test_week_starts_are_the_last_mondays() -> None:
    starts = desk.week_starts(datetime.date(2026, 6, 10), 3)
    assert starts == [
        datetime.date(2026, 5, 25),
        datetime.date(2026, 6, 1),
        datetime.date(2026, 6, 8),
    ]


def test_percentiles_are_values_someone_waited() -> None:
    assert desk.percentile([], 0.5) is None
    assert desk.percentile([3, 1, 2], 0.5) == 2
    assert desk.percentile(list(range(1, 11)), 0.9) == 9
    assert desk.percentile([5], 0.9) == 5


def test_claims_by_status_each_week_are_read_back_from_the_timeline(
    reviewer: User, editor: User
) -> None:
    moved, waiting, fresh = (make_claim() for _ in range(3))
    at(moved, NOW - 21 * DAY)  # week 4
    at(waiting, NOW - 21 * DAY)
    at(fresh, NOW)  # week 7
    Claim.objects.filter(pk=moved.pk).update(status=ClaimStatus.IN_RESEARCH)
    event = ClaimEvent.objects.create(
        claim=moved, kind=EventKind.STATUS_CHANGED, data={"old": "new", "new": "in_research"}
    )
    ClaimEvent.objects.filter(pk=event.pk).update(created_at=NOW - 14 * DAY)  # week 5
    Verdict.objects.create(
        claim=moved,
        rating=Rating.TRUE,
        rationale="Checked.",
        author=reviewer,
        status=VerdictStatus.APPROVED,
        reviewed_by=editor,
        reviewed_at=NOW - DAY,  # week 7, 20 days after the claim
    )

    weeks = desk.desk_weeks(now=NOW)

    assert weeks.weeks[-1] == datetime.date(2026, 6, 8)
    assert weeks.by_status["new"] == [0, 0, 0, 0, 2, 1, 1, 2]
    assert weeks.by_status["in_research"] == [0, 0, 0, 0, 0, 1, 1, 1]
    assert weeks.by_status["published"] == [0] * 8
    assert weeks.published == [0, 0, 0, 0, 0, 0, 0, 1]
    assert weeks.median_days[7] == pytest.approx(20)
    assert weeks.p90_days[7] == pytest.approx(20)
    assert weeks.median_days[6] is None
    assert (weeks.overall_median, weeks.published_total) == (pytest.approx(20), 1)

    charts = desk.desk_charts(weeks)
    by_status, published, waits = charts
    # Stacked bars: one rect per non-zero status count per week.
    assert len(by_status.bars) == 1 + 2 + 2 + 2
    assert [b.title for b in published.bars] == ["8 Jun — Verdicts published: 1"]
    assert [len(line.dots) for line in waits.lines] == [1, 1]


def test_the_dashboard_shows_the_three_charts_with_their_tables(client, reviewer: User) -> None:
    make_claim()
    client.force_login(reviewer)
    html = client.get("/").content.decode()
    assert html.count('class="plot chart"') == 3
    assert html.count('<div class="visually-hidden"><table>') == 3
    assert "Claims by status, at the end of each week" in html
    assert "No verdict published in these weeks." in html


def test_the_weeks_read_status_moves_by_an_index_of_when_and_what() -> None:
    from django.db import connection

    moves = ClaimEvent.objects.filter(kind__in=desk.MOVES, created_at__gte=NOW - 8 * 7 * DAY)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # A handful of rows is cheaper to scan: leave the planner the index.
            cursor.execute("SET LOCAL enable_seqscan = off")
    assert "event_recent_kind" in moves.explain()


def test_weeks_that_are_over_are_read_once_and_kept() -> None:
    early, late = make_claim(), make_claim()
    at(early, NOW - 21 * DAY)  # week 4
    at(late, NOW)  # week 7, under way

    first = desk.desk_weeks(now=NOW)
    assert first.by_status["new"] == [0, 0, 0, 0, 1, 1, 1, 2]
    # Weeks 0-6 are over: kept; the week under way is not.
    kept = DeskWeek.objects.order_by("starts_on")
    assert [w.starts_on for w in kept] == first.weeks[:7]
    assert kept.get(starts_on=first.weeks[4]).added == 1

    # A claim added now counts at once; a row written into a week that is over (by a
    # path that bypasses the timeline) does not change what that week was.
    make_claim()
    backdated = make_claim()
    at(backdated, NOW - 14 * DAY)  # week 5, kept already
    again = desk.desk_weeks(now=NOW)
    assert DeskWeek.objects.count() == 7
    # Week 5 stays as it was read: the backdated claim was not added in it, so it reads as
    # there all along; the one added now is counted in the week under way.
    assert again.by_status["new"] == [1, 1, 1, 1, 2, 2, 2, 4]


def test_a_week_just_over_is_kept_only_once_settled() -> None:
    monday = timezone.make_aware(datetime.datetime(2026, 6, 15, 0, 30))
    desk.desk_weeks(now=monday)
    assert datetime.date(2026, 6, 8) not in set(
        DeskWeek.objects.values_list("starts_on", flat=True)
    )
    desk.desk_weeks(now=monday + desk.SETTLED)
    assert DeskWeek.objects.filter(starts_on=datetime.date(2026, 6, 8)).exists()


def test_each_time_zone_keeps_its_own_weeks() -> None:
    make_claim()
    desk.desk_weeks(now=NOW)
    with timezone.override("America/New_York"):
        desk.desk_weeks(now=NOW)
    zones = set(DeskWeek.objects.values_list("zone", flat=True))
    assert zones == {timezone.get_default_timezone_name(), "America/New_York"}
    assert DeskWeek.objects.count() == 14
