"""The pictures' arithmetic (claims.plots), without HTTP: scales, ticks, marks and bands."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import translation

from claims import disputes, plots
from claims.choices import DatePrecision, ValueRank
from claims.models import Claim, Dispute, Source
from tests.factories import make_claim, make_subject

pytestmark = pytest.mark.django_db


def dispute_of(subject: str, prop: str) -> Dispute:
    return Dispute.objects.get(subject__name=subject, property__code=prop)


def plot_of(dispute: Dispute) -> plots.DisputePlot:
    claims = list(disputes.group_claims(dispute))
    comparison = disputes.compare(claims, tolerance=dispute.tolerance)
    return plots.dispute_plot(comparison, tolerance=dispute.tolerance)


@pytest.fixture
def deepseek_disputes(deepseek) -> None:
    disputes.refresh_all()


def test_the_founding_dates_are_a_year_band_and_a_shorter_month_band(deepseek_disputes) -> None:
    plot = plot_of(dispute_of("DeepSeek", "founding-date"))
    [axis] = plot.axes
    assert axis.scale == "time"
    # Rows in the order of the table's groups: A (the first claim's value), then B.
    assert [(m.value, m.shape, m.group) for m in axis.marks] == [
        ("mai 2023", "band", "A"),
        ("2021", "band", "B"),
    ]
    month, year = axis.marks
    # 2021 covers a whole year, May 2023 one month: about twelve times shorter.
    assert 11 < year.width / month.width < 13.5
    assert year.x2 < month.x
    # Two values that disagree: no band drawn for a group of one.
    assert axis.groups == []
    assert [t.label for t in axis.ticks] == ["2021", "2022", "2023"]


def test_the_api_prices_are_dots_on_a_linear_axis_in_dollars_per_million_tokens(
    deepseek_disputes,
) -> None:
    with translation.override("en"):
        plot = plot_of(dispute_of("DeepSeek-R1", "price-per-unit"))
    [axis] = plot.axes
    assert axis.title == "USD per 1,000,000 token"
    assert axis.scale == "linear"
    assert [m.value for m in axis.marks] == ["0,14 $", "0,55 $"]
    cheap, dear = axis.marks
    assert cheap.shape == dear.shape == "dot"
    assert plots.PLOT_LEFT < cheap.x < dear.x < plots.PLOT_RIGHT
    assert cheap.title.startswith("0,14 $ — ")
    assert "Fondée" not in cheap.quote and "0,14" in cheap.quote


def test_a_scale_is_logarithmic_when_values_span_orders_of_magnitude() -> None:
    assert plots.spans_orders_of_magnitude([0.14, 7.5, 450])
    assert not plots.spans_orders_of_magnitude([0.14, 0.55])
    assert not plots.spans_orders_of_magnitude([-1, 1000])
    scale = plots.Scale(1, 1000, 0, 300, log=True)
    assert [scale(v) for v in (1, 10, 100, 1000)] == [0, 100, 200, 300]
    assert plots.log_ticks(0.1, 1000) == [0.1, 1, 10, 100, 1000]
    assert plots.log_ticks(0.1, 0.9) == [0.1, 0.2, 0.5]


def test_linear_ticks_are_round_numbers() -> None:
    assert plots.linear_ticks(0, 0.6) == [0, 0.2, 0.4, 0.6]
    assert plots.linear_ticks(3, 97) == [20, 40, 60, 80]
    # Positive figures never get an axis starting below zero.
    assert plots.number_domain([1, 100], log=False)[0] == 0.0


def test_dates_stand_for_the_days_they_cover() -> None:
    may = datetime.date(2023, 5, 1)
    assert plots.date_span(may, DatePrecision.YEAR) == (
        datetime.date(2023, 1, 1),
        datetime.date(2024, 1, 1),
    )
    assert plots.date_span(may, DatePrecision.MONTH) == (may, datetime.date(2023, 6, 1))
    assert plots.date_span(may, DatePrecision.DAY) == (may, datetime.date(2023, 5, 2))
    with translation.override("fr"):
        assert plots.format_date(may, DatePrecision.MONTH) == "mai 2023"


def money(subject, number: str, currency: str = "USD", **fields):
    return make_claim(
        subject=subject,
        property_code="price-per-unit",
        quote="fondée en 2019",
        value_kind="money",
        value_text=f"{number} {currency}",
        value_number=Decimal(number),
        value_currency=currency,
        **fields,
    )


def test_agreeing_figures_share_a_band_other_currencies_get_their_own_axis(db) -> None:
    subject = make_subject("Acme")
    low = money(subject, "100", value_rank=ValueRank.PREFERRED)
    near = money(subject, "104", value_rank=ValueRank.PREFERRED)
    far = money(subject, "150", value_rank=ValueRank.SUPERSEDED)
    euros = money(subject, "90", currency="EUR")
    comparison = disputes.compare([low, near, far, euros], tolerance=Decimal("0.05"))
    plot = plots.dispute_plot(comparison, tolerance=Decimal("0.05"))
    dollars, in_euros = plot.axes
    assert (dollars.title, in_euros.title) == ("USD", "EUR")
    assert [m.claim_pk for m in dollars.marks] == [low.pk, near.pk, far.pk]
    assert [m.claim_pk for m in in_euros.marks] == [euros.pk]
    assert [m.group for m in dollars.marks] == ["A", "A", "B"]
    assert [m.rank for m in dollars.marks] == ["preferred", "preferred", "superseded"]
    # One band, for the two that agree, reaching the values within 5 % of the first.
    [band] = dollars.groups
    first, second, third = dollars.marks
    assert band.label == "A"
    assert band.x < first.x < second.x < band.x2 < third.x
    assert band.y < first.y < second.y < band.y + band.height
    assert "superseded" in third.title
    assert plot.not_drawn == []


def test_figures_orders_of_magnitude_apart_are_drawn_on_a_log_scale(db) -> None:
    subject = make_subject("Acme")
    claims = [money(subject, n) for n in ("0.14", "7.5", "450")]
    [axis] = plots.dispute_plot(disputes.compare(claims), tolerance=Decimal("0.05")).axes
    assert axis.scale == "log"
    xs = [m.x for m in axis.marks]
    # Equal ratios, nearly equal distances: 0.14 → 7.5 is ×54, 7.5 → 450 is ×60.
    assert abs((xs[1] - xs[0]) - (xs[2] - xs[1])) < 0.1 * (xs[2] - xs[0])


def test_a_subject_s_history_puts_each_value_at_its_source_s_date(deepseek) -> None:
    Source.objects.filter(title__startswith="La start-up").update(
        published_on=datetime.date(2025, 1, 27), published_precision="day"
    )
    Source.objects.filter(title__startswith="DeepSeek est devenu").update(
        published_on=datetime.date(2025, 1, 1), published_precision="month"
    )
    deepseek = Claim.objects.filter(subject__name="DeepSeek").first().subject_id
    quotes = plots.latest_quotes(deepseek)
    with translation.override("en"):
        charts = {chart.title: chart for chart in plots.history_charts(quotes)[0]}
    founded = charts["founding date"]
    assert founded.axis == "Date"
    # The January 2025 blog post (drawn mid-January) said 2021; the 27 January article, May 2023.
    [blog, news] = founded.points
    assert (blog.value, blog.published, blog.shape) == ("2021", "January 2025", "band")
    assert (news.value, news.published, news.shape) == ("mai 2023", "27 Jan 2025", "band")
    assert blog.x < news.x
    # Later dates are higher up; a year's band is taller than a month's.
    assert news.y2 < blog.y2 and blog.height > 10 * news.height
    assert founded.undated == []
    # Text values (the founder's name) have no axis.
    assert "founder" not in charts


@pytest.mark.parametrize("limit", [1, 2, 3, 100])
def test_a_subject_quoted_everywhere_has_the_same_latest_quotes_found_through_the_articles(
    deepseek, limit
) -> None:
    # Each article on its own day; the undated one is never drawn.
    for day, source in enumerate(Source.objects.order_by("pk"), start=1):
        source.published_on = datetime.date(2025, 1, day) if day > 1 else None
        source.published_precision = "day" if day > 1 else ""
        source.save(update_fields=["published_on", "published_precision"])
    deepseek = Claim.objects.filter(subject__name="DeepSeek").first().subject_id
    by_claims = plots.latest_quotes(deepseek, limit=limit)
    through_articles = plots.latest_quotes(
        deepseek, claim_count=plots.WALK_ARTICLES_FROM, limit=limit
    )
    assert by_claims and [q.pk for q in through_articles] == [q.pk for q in by_claims]
    assert all(q.source.published_on for q in by_claims)


def test_a_subject_s_history_draws_its_latest_quotes_only(deepseek) -> None:
    Source.objects.update(published_on=datetime.date(2025, 1, 27), published_precision="day")
    deepseek = Claim.objects.filter(subject__name="DeepSeek").first().subject_id
    everything = plots.latest_quotes(deepseek)
    # Text values (the founder, the data's location) are not drawn, so not read.
    assert {q.claim.value_kind for q in everything} <= set(plots.DRAWN_KINDS)
    assert len(plots.latest_quotes(deepseek, limit=2)) == 2 < len(everything)

    # The families quoted most, and how many more there were.
    charts, left_out = plots.history_charts(everything, max_charts=1)
    assert len(charts) == 1 and left_out > 0


def figure_rows(numbers: list[str], **fields) -> list[disputes.ClaimRow]:
    """Claims' values without the database: what drawing bins reads."""
    rows = []
    for pk, number in enumerate(numbers, start=1):
        values = {
            "pk": pk,
            "subject_id": 1,
            "property_id": 1,
            "value_kind": "money",
            "value_text": f"{number} USD",
            "value_number": Decimal(number),
            "value_unit": "",
            "value_per": None,
            "value_currency": "USD",
            "value_date": None,
            "value_date_precision": "",
            "value_rank": ValueRank.NORMAL,
        }
        values.update(fields)
        rows.append(disputes.ClaimRow(**values))
    return rows


def test_past_max_marks_a_mark_per_value_sized_by_its_claims() -> None:
    # 150 claims say 100, 60 say 104 (they agree: group A), 30 say 300 (group B).
    rows = figure_rows(["100"] * 150 + ["104"] * 60 + ["300"] * 30)
    comparison = disputes.compare(rows, tolerance=Decimal("0.05"))
    assert plots.is_binned(comparison)
    [axis] = plots.dispute_plot(comparison, tolerance=Decimal("0.05")).axes
    assert axis.binned
    assert [(m.value, m.count, m.group, m.shape) for m in axis.marks] == [
        ("100 USD", 150, "A", "dot"),
        ("104 USD", 60, "A", "dot"),
        ("300 USD", 30, "B", "dot"),
    ]
    big, middle, small = axis.marks
    assert big.radius == plots.BIN_RADIUS[1] > middle.radius > small.radius > plots.BIN_RADIUS[0]
    assert big.x < middle.x < small.x
    assert big.label == "150 claims" and big.date == "group A"
    assert big.title == "100 USD — 150 claims — group A"
    # The latest claim stands for its bin; the band still spans its group.
    assert big.claim_pk == 150
    band = axis.groups[0]
    assert band.label == "A" and band.x < big.x < middle.x < band.x2
    svg = axis.marks_svg
    assert svg.count('data-count="') == 3 and f'r="{big.radius}"' in svg
    # Under the limit, one mark per claim as before.
    assert not plots.is_binned(comparison, max_marks=240)


def test_too_many_values_are_binned_by_stretches_of_the_axis() -> None:
    # 1,000 different figures, most in groups of their own: at most MAX_BINS rows.
    rows = figure_rows([str(n) for n in range(100, 1100)])
    comparison = disputes.compare(rows, tolerance=Decimal("0.001"))
    [axis] = plots.dispute_plot(comparison, tolerance=Decimal("0.001")).axes
    assert len(axis.marks) <= plots.MAX_BINS
    assert sum(m.count for m in axis.marks) == 1000
    # Each bin spans its figures, left to right, and says which they are.
    assert all(m.shape == "range" for m in axis.marks)
    assert [m.x for m in axis.marks] == sorted(m.x for m in axis.marks)
    assert axis.scale == "linear" and axis.marks[0].value.startswith("100 USD – ")
    # A bar as thick as the bin's dot would be wide: the largest the thickest.
    heights = [float(h) for h in re.findall(r'height="([\d.]+)" rx="6"', axis.marks_svg)]
    assert len(heights) == len(axis.marks) and max(heights) == plots.BIN_RADIUS[1] * 2 - 4


def test_bins_keep_ranks_apart(db) -> None:
    rows = figure_rows(["100"] * 150) + figure_rows(["100"] * 60, value_rank="preferred")
    rows = [row._replace(pk=pk) for pk, row in enumerate(rows, start=1)]
    [axis] = plots.dispute_plot(disputes.compare(rows), tolerance=Decimal("0.05")).axes
    assert [(m.count, m.rank) for m in axis.marks] == [(150, "normal"), (60, "preferred")]
    assert "preferred" in axis.marks[1].title
    assert axis.marks_svg.count('class="preferred-ring"') == 1


def test_texts_are_not_drawn_so_do_not_count_towards_the_bins() -> None:
    texts = [
        disputes.ClaimRow(**{**row._asdict(), "value_kind": "text", "value_text": f"Lyon {n}"})
        for n, row in enumerate(figure_rows(["1"] * 150), start=1)
    ]
    rows = figure_rows(["100"] * 100) + texts
    # As the page reads them (GroupClaim: no quotes but those it labels).
    rows = [
        disputes.GroupClaim(pk, *[getattr(row, f) for f in disputes.GroupClaim.__slots__[1:-1]])
        for pk, row in enumerate(rows, start=1)
    ]
    comparison = disputes.compare(rows)
    assert not plots.is_binned(comparison)
    [axis] = plots.dispute_plot(comparison, tolerance=Decimal("0.05")).axes
    assert not axis.binned and len(axis.marks) == 100
