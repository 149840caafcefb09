"""Pictures drawn on the server: scales, ticks, marks and bands, in SVG user units.

The templates only print what these functions compute, so that every position
is tested here without HTTP and the page needs no script to draw (our CSP
forbids inline script and style; colours and fading are classes in app.css).

- ``dispute_plot``: the values a dispute's claims state, one axis per family of
  comparable values (a currency, a unit, dates), never two on one axis: figures
  on a number line (logarithmic when they span orders of magnitude), dates on a
  time line at their precision (a year is a band, a month a shorter band, a day
  a tick); each group of agreeing claims is drawn as a band behind its marks.
- ``history_charts``: a subject's values per property against the publication
  dates of the sources that state them.
- ``bar_chart`` and ``line_chart``: the desk's weekly series (claims.desk).
"""

from __future__ import annotations

import calendar
import datetime
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape  # Django's escape, without its lazy-string wrapper: hundreds of calls
from typing import Any

from django.db.models import Exists, F, OuterRef, Q
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from claims import bidi, dates
from claims.choices import DatePrecision, ValueKind, ValueRank
from claims.disputes import Cluster, Comparison, Value, labelled_clusters, value_of

# The drawing's width in SVG user units; the SVG scales to its container.
WIDTH = 720
# Left column for the marks' labels (source, date), then the plotting area.
LABEL_WIDTH = 250
PLOT_LEFT = LABEL_WIDTH + 20
PLOT_RIGHT = WIDTH - 24
ROW = 34
TOP = 12
AXIS_HEIGHT = 40
# Values this many times apart or more are drawn on a logarithmic scale.
LOG_RATIO = 100
MAX_LABEL = 32
MAX_QUOTE = 300
# Past this many claims a dispute's plot draws bins instead of one mark per claim: a
# mark per value (or per stretch of the axis) sized by how many claims state it, so
# that the page costs about the same for 3,000 claims as for 300.
MAX_MARKS = 200
# The rows a binned axis draws: values first; stretches of the axis when there are more.
MAX_BINS = 40
# A bin's dot grows with its share of the axis's largest bin, from a claim's size.
BIN_RADIUS = (6.0, 14.0)


# --- scales --------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """Maps a domain [lo, hi] onto a range [start, end] of user units, linearly or
    logarithmically (lo > 0 then)."""

    lo: float
    hi: float
    start: float
    end: float
    log: bool = False

    def __call__(self, value: float) -> float:
        lo, hi, v = self.lo, self.hi, value
        if self.log:
            lo, hi, v = math.log10(lo), math.log10(hi), math.log10(max(value, self.lo))
        if hi == lo:
            return (self.start + self.end) / 2
        return round(self.start + (v - lo) / (hi - lo) * (self.end - self.start), 2)


def spans_orders_of_magnitude(values: Iterable[float]) -> bool:
    values = list(values)
    return bool(values) and min(values) > 0 and max(values) / min(values) >= LOG_RATIO


def number_domain(values: Sequence[float], *, log: bool) -> tuple[float, float]:
    """A domain a little wider than the values, so that no mark sits on the frame."""
    lo, hi = min(values), max(values)
    if log:
        return lo / 1.5, hi * 1.5
    if lo == hi:
        pad = abs(lo) * 0.2 or 1.0
        return lo - pad, hi + pad
    pad = (hi - lo) * 0.08
    low = lo - pad
    # A figure line that starts just below zero for positive figures reads wrong.
    if lo >= 0 > low:
        low = 0.0
    return low, hi + pad


def nice_step(span: float, count: int) -> float:
    """1, 2 or 5 times a power of ten, giving about ``count`` ticks over ``span``."""
    raw = span / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def linear_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    if hi <= lo:
        return [lo]
    step = nice_step(hi - lo, count)
    first = math.ceil(lo / step) * step
    ticks = []
    value = first
    while value <= hi + step * 1e-9:
        ticks.append(round(value, 12))
        value += step
    return ticks


def log_ticks(lo: float, hi: float) -> list[float]:
    """Powers of ten within [lo, hi]; with 2 and 5 between them when there are few."""
    low, high = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    decades = [10.0**e for e in range(low, high + 1)]
    ticks = [t for t in decades if lo <= t <= hi]
    if len(ticks) < 3:
        ticks = sorted(t * f for t in decades for f in (1, 2, 5) if lo <= t * f <= hi)
    return ticks


def format_number(value: float | Decimal) -> str:
    """A figure as the interface language writes it, without trailing zeros."""
    number = Decimal(str(value)).normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    return number_format(number, force_grouping=True)


# --- dates at their precision -----------------------------------------------------------


def date_span(day: datetime.date, precision: str) -> tuple[datetime.date, datetime.date]:
    """The days a date stands for, end excluded: all of 2021, all of May 2023, one day."""
    if precision == DatePrecision.YEAR:
        return datetime.date(day.year, 1, 1), datetime.date(day.year + 1, 1, 1)
    if precision == DatePrecision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        start = datetime.date(day.year, day.month, 1)
        return start, start + datetime.timedelta(days=last)
    return day, day + datetime.timedelta(days=1)


def format_date(day: datetime.date, precision: str) -> str:
    """As every page shows a date: cut to its precision, in the interface language.
    Remembered: a plot labels hundreds of marks with the dates of a few articles."""
    return _format_date(day, precision, get_language())


@functools.lru_cache(maxsize=4096)
def _format_date(day: datetime.date, precision: str, language: str | None) -> str:
    return dates.format_date(day, precision)


def time_ticks(
    lo: datetime.date, hi: datetime.date, count: int = 6
) -> list[tuple[datetime.date, str]]:
    """Ticks on the first of a year (long spans) or of a month, about ``count`` of them."""
    days = (hi - lo).days
    if days > 548:
        step = max(1, math.ceil(days / 365.25 / count))
        years = range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1)
        return [(datetime.date(y, 1, 1), str(y)) for y in years if y % step == 0]
    months = []
    year, month = lo.year, lo.month
    if lo.day > 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while datetime.date(year, month, 1) <= hi:
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if not months:
        return [(lo, format_date(lo, DatePrecision.DAY))]
    step = max(1, math.ceil(len(months) / count))
    return [(m, format_date(m, DatePrecision.MONTH)) for m in months[::step]]


def _time_domain(spans: Iterable[tuple[datetime.date, datetime.date]]) -> tuple[int, int]:
    spans = list(spans)
    lo = min(s for s, _e in spans).toordinal()
    hi = max(e for _s, e in spans).toordinal()
    pad = max(15, (hi - lo) // 12)
    return lo - pad, hi + pad


# --- what is drawn -------------------------------------------------------------------


@dataclass
class Tick:
    at: float
    label: str


@dataclass
class Mark:
    """One claim on an axis: a dot, a band (a date known to the year or the month) or
    a tick (a date known to the day). On a binned axis, the claims of a bin: ``count``
    of them, the latest being ``claim_pk``; a "range" spans the figures it holds."""

    claim_pk: int
    shape: str
    x: float
    y: float
    x2: float = 0.0
    value: str = ""
    label: str = ""
    date: str = ""
    quote: str = ""
    rank: str = ValueRank.NORMAL
    group: str = ""
    title: str = ""
    count: int = 1
    radius: float = 6.0

    @property
    def width(self) -> float:
        return max(round(self.x2 - self.x, 2), 2.0)

    @property
    def rank_label(self) -> str:
        return str(ValueRank(self.rank).label) if self.rank else ""

    # Positions the template prints as they are (it computes nothing).
    @property
    def top(self) -> float:
        return round(self.y - (9 if self.shape == "tick" else 6), 2)

    @property
    def tick_x(self) -> float:
        return round(self.x - 1.5, 2)

    @property
    def ring_x(self) -> float:
        return self.x if self.shape == "dot" else round(self.x - 9, 2)

    @property
    def value_x(self) -> float:
        return self.x if self.shape == "dot" else self.x2


@dataclass
class GroupBand:
    """Claims that agree, drawn as one band behind their marks: for figures it covers
    the values within the tolerance of the group's first value."""

    label: str
    x: float
    x2: float
    y: float
    height: float
    title: str

    @property
    def width(self) -> float:
        return max(round(self.x2 - self.x, 2), 2.0)


@dataclass
class Axis:
    title: str
    scale: str
    ticks: list[Tick]
    marks: list[Mark] = field(default_factory=list)
    groups: list[GroupBand] = field(default_factory=list)
    height: float = 0
    axis_y: float = 0
    kind: str = ""
    # Its place among the plot's axes, from 1: the marks' ids start with it.
    number: int = 1
    # A mark per bin of claims, not per claim (``MAX_MARKS``).
    binned: bool = False

    @property
    def left(self) -> int:
        return PLOT_LEFT

    @property
    def label_x(self) -> int:
        return PLOT_LEFT - 12

    @property
    def tick_end(self) -> float:
        return self.axis_y + 5

    @property
    def tick_label_y(self) -> float:
        return self.axis_y + 18

    @property
    def right(self) -> int:
        return PLOT_RIGHT

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def marks_svg(self) -> SafeString:
        return marks_svg(self, self.number)


def marks_svg(axis: Axis, plot_id: int) -> SafeString:
    """The axis's marks as SVG, built here rather than in a template loop: a dispute of
    hundreds of claims draws them all, and a template spends a few hundred lookups
    on each. Every text is escaped as the template would escape it."""
    parts = []
    for index, mark in enumerate(axis.marks, start=1):
        ident = f"plot-{plot_id}-mark-{index}"
        y = mark.y
        count = ""
        if axis.binned:
            count = f' data-count="{mark.count}"'
        if axis.binned and mark.shape in ("range", "band"):
            # As thick as the bin's dot would be wide: its size says how many claims.
            height = round(mark.radius * 2 - 4, 2)
            shape = (
                f'<rect class="mark-shape" x="{mark.x}" y="{round(y - height / 2, 2)}" '
                f'width="{mark.width}" height="{height}" rx="{6 if mark.shape == "range" else 2}"/>'
            )
        elif axis.binned and mark.shape == "dot":
            shape = f'<circle class="mark-shape" cx="{mark.x}" cy="{y}" r="{mark.radius}"/>'
        elif mark.shape == "band":
            shape = (
                f'<rect class="mark-shape" x="{mark.x}" y="{mark.top}" '
                f'width="{mark.width}" height="12" rx="2"/>'
            )
        elif mark.shape == "tick":
            shape = (
                f'<rect class="mark-shape" x="{mark.tick_x}" y="{mark.top}" width="3" height="18"/>'
            )
        else:
            shape = f'<circle class="mark-shape" cx="{mark.x}" cy="{y}" r="6"/>'
        if mark.rank == ValueRank.PREFERRED:
            radius = (
                (round(mark.radius + 4, 2) if axis.binned else 10) if mark.shape == "dot" else 4
            )
            shape += f'<circle class="preferred-ring" cx="{mark.ring_x}" cy="{y}" r="{radius}"/>'
        place = 'dy="-9" text-anchor="middle"' if mark.shape == "dot" else 'dx="6" dy="4"'
        if axis.binned and mark.shape == "dot":
            # Beside a dot that may be large, not above it, in the row above.
            place = f'dx="{round(mark.radius + 4, 2)}" dy="4"'
        parts.append(
            f'<g class="mark mark-{mark.shape} rank-{escape(mark.rank)}" tabindex="0" role="img"'
            f' id="{ident}" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc"'
            f' data-claim="{mark.claim_pk}" data-group="{escape(mark.group)}"{count}>'
            f'<title id="{ident}-title">{escape(mark.title)}</title>'
            f'<desc id="{ident}-desc">{escape(bidi.named_controls(mark.quote))}</desc>'
            f'<line class="row-guide" x1="{axis.left}" x2="{axis.right}" y1="{y}" y2="{y}"/>'
            f'<text class="mark-label" x="{axis.label_x}" y="{y}" dy="-2" text-anchor="end">'
            f"{escape(mark.label)}</text>"
            f'<text class="mark-date" x="{axis.label_x}" y="{y}" dy="11" text-anchor="end">'
            f"{escape(mark.date)}</text>"
            f"{shape}"
            f'<text class="mark-value" x="{mark.value_x}" y="{y}" {place}>'
            f"{escape(mark.value)}</text></g>"
        )
    return mark_safe("\n".join(parts))


@dataclass
class DisputePlot:
    axes: list[Axis]
    not_drawn: list[Any]


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def source_of(claim: Any) -> tuple[str, str, str]:
    """(who, when, quote) for a claim's label: its first source's publisher or title,
    that source's publication date at its precision, and the quote in it. Reads the
    appearances prefetched as ``claim.quoted_in`` (``disputes.group_claims``), or else
    its appearances."""
    appearances = getattr(claim, "quoted_in", None)
    if appearances is None:
        appearances = list(claim.appearances.all())
    if not appearances:
        return _("no source yet"), "", ""
    appearance = appearances[0]
    source = appearance.source
    who = _shorten(source.publisher or source.title, MAX_LABEL)
    when = (
        format_date(source.published_on, source.published_precision)
        if source.published_on
        else _("date unknown")
    )
    return who, when, _shorten(appearance.exact, MAX_QUOTE)


def axis_title(family: tuple) -> str:
    """What the axis measures: a currency per unit, a unit, percent, dates."""
    kind = family[0]
    if kind == ValueKind.DATE:
        return _("Date")
    if kind == ValueKind.PERCENTAGE:
        return _("Percent")
    if kind == ValueKind.RANK:
        return _("Rank")
    if kind == ValueKind.DURATION:
        return _("Seconds") if family[1] == "second" else family[1] or _("Duration")
    if kind == ValueKind.MONEY:
        _kind, currency, unit, per = family
        if not unit:
            return currency
        return _("%(currency)s per %(per)s %(unit)s") % {
            "currency": currency,
            "per": format_number(per or 1),
            "unit": unit,
        }
    return family[1] or _("Number")


def _figure(value: Value) -> float | None:
    if value.number is not None:
        return float(value.number)
    if value.family[0] == ValueKind.RANK:
        return float(value.key)
    return None


def _rank_note(rank: str) -> str:
    if rank == ValueRank.PREFERRED:
        return _("preferred")
    if rank == ValueRank.SUPERSEDED:
        return _("superseded")
    return ""


def _mark_title(mark: Mark) -> str:
    parts = [mark.value or "—", f"{mark.label}, {mark.date}" if mark.date else mark.label]
    if mark.group:
        parts.append(_("group %(group)s") % {"group": mark.group})
    if note := _rank_note(mark.rank):
        parts.append(note)
    return " — ".join(parts)


def _figure_band(anchor: float, members: list[float], tolerance: float) -> tuple[float, float]:
    """The values that agree with the group's first (smallest) value, and the members."""
    lo = anchor * (1 - tolerance) if anchor >= 0 else anchor / (1 - tolerance)
    hi = anchor / (1 - tolerance) if anchor > 0 and tolerance < 1 else anchor * (1 + tolerance)
    return min(lo, *members), max(hi, *members)


def dispute_plot(
    comparison: Comparison, *, tolerance: Decimal | float, max_marks: int | None = None
) -> DisputePlot:
    """Each family of comparable values on its own axis; one row per claim, the claims
    of a group on adjacent rows over their group's band. Past ``max_marks`` claims
    drawn, one row per bin of claims instead (``_bins``), which reads no quote: the
    claims need no ``quoted_in`` then."""
    tol = float(tolerance)
    by_family: dict[tuple, list[tuple[str, Cluster]]] = {}
    for label, cluster in labelled_clusters(comparison):
        by_family.setdefault(cluster.family, []).append((label, cluster))
    binned = is_binned(comparison, max_marks)
    axes, not_drawn = [], list(comparison.unknown)
    for family, clusters in by_family.items():
        if family[0] == ValueKind.TEXT:
            not_drawn += [claim for _label, cluster in clusters for claim in cluster.claims]
            continue
        axes.append(_dispute_axis(family, clusters, tol, binned=binned))
        axes[-1].number = len(axes)
    return DisputePlot(axes, not_drawn)


def is_binned(comparison: Comparison, max_marks: int | None = None) -> bool:
    """Whether the plot draws bins (past ``MAX_MARKS`` claims drawn; texts are not),
    and so needs no claim's quotes."""
    drawn = sum(len(c.claims) for c in comparison.clusters if c.family[0] != ValueKind.TEXT)
    return drawn > (MAX_MARKS if max_marks is None else max_marks)


@dataclass
class _Bin:
    group: str
    rank: str
    rows: list = field(default_factory=list)


_RANK_ORDER = {ValueRank.PREFERRED: 0, ValueRank.NORMAL: 1, ValueRank.SUPERSEDED: 2}


def _bins(rows: list[tuple[str, Any, Value]], position: Any) -> list[_Bin]:
    """The axis's rows gathered into at most about ``MAX_BINS`` bins, each of one rank:
    the claims of a group stating one value; or, when the values are too many, those
    of a group within one stretch of the axis; or, with too many groups, all claims
    within a stretch. ``position`` maps a row to its place on the axis."""
    width = PLOT_RIGHT - PLOT_LEFT

    def stretch(row: tuple[str, Any, Value]) -> int:
        return min(int((position(row) - PLOT_LEFT) / width * MAX_BINS), MAX_BINS - 1)

    # Equal values are usually one object (``disputes.compare``): the id of the first
    # of them stands for a value, and a Value's hash is computed once per object.
    firsts: dict[Value, int] = {}
    ids: dict[int, int] = {}

    def value_id(value: Value) -> int:
        if id(value) not in ids:
            ids[id(value)] = firsts.setdefault(value, id(value))
        return ids[id(value)]

    keys = [
        lambda r: (r[0], value_id(r[2]), r[1].value_rank),
        lambda r: (r[0], stretch(r), r[1].value_rank),
        lambda r: ("", stretch(r), r[1].value_rank),
    ]
    for key in keys:
        bins: dict[tuple, _Bin] = {}
        for row in rows:
            k = key(row)
            if k not in bins:
                bins[k] = _Bin(k[0], row[1].value_rank)
            bins[k].rows.append(row)
        if len(bins) <= MAX_BINS * len(_RANK_ORDER) and len({k[:2] for k in bins}) <= MAX_BINS:
            break
    if key is keys[-1]:
        return [bins[k] for k in sorted(bins, key=lambda k: (k[1], _RANK_ORDER.get(k[2], 1)))]
    return list(bins.values())


def _bin_mark(found: _Bin, *, is_date: bool, scale: Scale, largest: int) -> Mark:
    """One mark for a bin's claims: where its values lie, how many claims state them."""
    claims = [claim for _g, claim, _v in found.rows]
    latest = max(claims, key=lambda c: c.pk)
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim.value_text or "—"] = counts.get(claim.value_text or "—", 0) + 1
    wordings = sorted(counts, key=lambda text: -counts[text])
    if is_date:
        spans = [date_span(c.value_date, c.value_date_precision) for c in claims]
        x = scale(min(start for start, _end in spans).toordinal())
        x2 = scale(max(end for _start, end in spans).toordinal())
        one_day = all(c.value_date_precision == DatePrecision.DAY for c in claims)
        shape = "tick" if one_day and len({s for s, _e in spans}) == 1 else "band"
        low, high = min(spans)[0], max(spans)[0]
        lowest = next(c for c, sp in zip(claims, spans, strict=True) if sp[0] == low)
        highest = next(c for c, sp in zip(claims, spans, strict=True) if sp[0] == high)
    else:
        figures = [_figure(v) for _g, _c, v in found.rows]
        x, x2 = scale(min(figures)), scale(max(figures))
        shape = "dot" if min(figures) == max(figures) else "range"
        lowest = claims[figures.index(min(figures))]
        highest = claims[figures.index(max(figures))]
    value = wordings[0]
    if lowest.value_text != highest.value_text and len(wordings) > 1 and x2 > x:
        value = f"{lowest.value_text or '—'} – {highest.value_text or '—'}"
    n = len(claims)
    label = ngettext("%(count)s claim", "%(count)s claims", n) % {"count": format_number(n)}
    mark = Mark(
        claim_pk=latest.pk,
        shape=shape,
        x=x,
        y=0,
        x2=x2,
        value=value,
        label=label,
        date=_("group %(group)s") % {"group": found.group} if found.group else "",
        quote=_shorten(" · ".join(wordings[:5]), MAX_QUOTE),
        rank=found.rank,
        group=found.group,
        count=n,
        radius=round(
            BIN_RADIUS[0] + (BIN_RADIUS[1] - BIN_RADIUS[0]) * math.sqrt(n / max(largest, 1)), 2
        ),
    )
    parts = [value, label]
    if found.group:
        parts.append(mark.date)
    if note := _rank_note(found.rank):
        parts.append(note)
    mark.title = " — ".join(parts)
    return mark


def _dispute_axis(
    family: tuple, clusters: list[tuple[str, Cluster]], tol: float, *, binned: bool = False
) -> Axis:
    is_date = family[0] == ValueKind.DATE
    rows: list[tuple[str, Any, Value]] = []
    for label, cluster in clusters:
        members = list(zip(cluster.values, cluster.claims, strict=True))
        if is_date:
            members.sort(key=lambda m: (m[0].date, -m[0].parts, m[1].pk))
        else:
            members.sort(key=lambda m: (_figure(m[0]), m[1].pk))
        rows += [(label, claim, value) for value, claim in members]
    axis = Axis(title=axis_title(family), scale="", ticks=[], kind=family[0], binned=binned)
    if is_date:
        spans = {
            claim.pk: date_span(claim.value_date, claim.value_date_precision)
            for _g, claim, _v in rows
        }
        lo, hi = _time_domain(spans.values())
        scale = Scale(lo, hi, PLOT_LEFT, PLOT_RIGHT)
        axis.scale = "time"
        low, high = datetime.date.fromordinal(lo), datetime.date.fromordinal(hi)
        axis.ticks = [Tick(scale(d.toordinal()), text) for d, text in time_ticks(low, high)]
    else:
        figures = [_figure(value) for _g, _c, value in rows]
        bands = [
            _figure_band(_figure(cluster.anchor), [_figure(v) for v in cluster.values], tol)
            for _label, cluster in clusters
        ]
        extent = figures + [b for band in bands for b in band]
        log = spans_orders_of_magnitude(figures) and min(extent) > 0
        lo, hi = number_domain(extent, log=log)
        scale = Scale(lo, hi, PLOT_LEFT, PLOT_RIGHT, log=log)
        axis.scale = "log" if log else "linear"
        ticks = log_ticks(lo, hi) if log else linear_ticks(lo, hi)
        axis.ticks = [Tick(scale(t), format_number(t)) for t in ticks]
    if binned:
        _draw_bins(axis, rows, scale, is_date=is_date, named=len(clusters) > 1 or len(rows) > 1)
    else:
        _draw_claims(
            axis, rows, scale, spans if is_date else {}, named=len(clusters) > 1 or len(rows) > 1
        )
    _draw_group_bands(axis, clusters, scale, is_date=is_date, tol=tol)
    return axis


def _set_height(axis: Axis, rows: int) -> None:
    axis.axis_y = TOP + ROW * rows + 8
    axis.height = axis.axis_y + AXIS_HEIGHT


def _draw_bins(
    axis: Axis, rows: list[tuple[str, Any, Value]], scale: Scale, *, is_date: bool, named: bool
) -> None:
    if is_date:

        def position(row: tuple[str, Any, Value]) -> float:
            claim = row[1]
            return scale(date_span(claim.value_date, claim.value_date_precision)[0].toordinal())
    else:

        def position(row: tuple[str, Any, Value]) -> float:
            return scale(_figure(row[2]))

    found = _bins(rows, position)
    largest = max(len(b.rows) for b in found)
    _set_height(axis, len(found))
    for index, one in enumerate(found):
        mark = _bin_mark(one, is_date=is_date, scale=scale, largest=largest)
        mark.y = TOP + ROW * index + ROW / 2
        if not named:
            mark.group = ""
        axis.marks.append(mark)


def _draw_claims(
    axis: Axis, rows: list[tuple[str, Any, Value]], scale: Scale, spans: dict, *, named: bool
) -> None:
    is_date = bool(spans)
    _set_height(axis, len(rows))
    for index, (group, claim, value) in enumerate(rows):
        y = TOP + ROW * index + ROW / 2
        who, when, quote = source_of(claim)
        mark = Mark(
            claim_pk=claim.pk,
            shape="dot",
            x=0,
            y=y,
            value=claim.value_text or "—",
            label=who,
            date=when,
            quote=quote,
            rank=claim.value_rank,
            group=group if named else "",
        )
        if is_date:
            start, end = spans[claim.pk]
            mark.x, mark.x2 = scale(start.toordinal()), scale(end.toordinal())
            mark.shape = "tick" if claim.value_date_precision == DatePrecision.DAY else "band"
        else:
            mark.x = mark.x2 = scale(_figure(value))
        mark.title = _mark_title(mark)
        axis.marks.append(mark)


def _draw_group_bands(
    axis: Axis, clusters: list[tuple[str, Cluster]], scale: Scale, *, is_date: bool, tol: float
) -> None:
    for label, cluster in clusters:
        members = [m for m in axis.marks if m.group == label]
        if len(cluster.claims) < 2 or not members:
            continue
        top = min(m.y for m in members) - ROW / 2 + 3
        bottom = max(m.y for m in members) + ROW / 2 - 3
        if is_date:
            x = min(m.x for m in members) - 4
            x2 = max(m.x2 for m in members) + 4
            title = _("Group %(group)s: these dates agree at the coarser precision") % {
                "group": label
            }
        else:
            lo_v, hi_v = _figure_band(
                _figure(cluster.anchor), [_figure(v) for v in cluster.values], tol
            )
            x, x2 = scale(lo_v) - 4, scale(hi_v) + 4
            title = _("Group %(group)s: within %(tolerance)s %% of each other") % {
                "group": label,
                "tolerance": format_number(round(tol * 100, 2)),
            }
        axis.groups.append(GroupBand(label, x, x2, top, bottom - top, title))


# --- small charts of weekly series (the desk's dashboard, a subject's history) ---------

CHART_WIDTH = 360
CHART_HEIGHT = 190
CHART_LEFT = 44
CHART_RIGHT = CHART_WIDTH - 10
CHART_TOP = 10
CHART_BOTTOM = CHART_HEIGHT - 28
MAX_X_LABELS = 5


@dataclass
class Series:
    name: str
    values: list[float]
    css: str = "series-1"


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str


@dataclass
class Line:
    points: str
    css: str
    name: str
    dots: list[tuple[float, float, str]] = field(default_factory=list)


@dataclass
class Chart:
    """A small chart: bars (stacked) or lines over categories (weeks), with its numbers
    as rows for the table that goes with it."""

    title: str
    categories: list[str]
    series: list[Series]
    bars: list[Bar] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    x_labels: list[Tick] = field(default_factory=list)
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    left: int = CHART_LEFT
    right: int = CHART_RIGHT
    bottom: int = CHART_BOTTOM
    unit: str = ""

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        return [
            (
                category,
                [
                    "—" if s.values[i] is None else format_number(round(s.values[i], 1))
                    for s in self.series
                ],
            )
            for i, category in enumerate(self.categories)
        ]

    @property
    def label_left(self) -> int:
        return self.left - 6

    @property
    def label_y(self) -> int:
        return self.bottom + 16


def _value_scale(top: float, *, counts: bool = False) -> tuple[Scale, list[Tick]]:
    top = top or 1
    ticks = linear_ticks(0, top, 4)
    if counts and (len(ticks) < 2 or ticks[1] - ticks[0] < 1):
        # Claims and verdicts come whole: no tick at half a verdict.
        ticks = list(range(0, math.ceil(top) + 1))
    if ticks[-1] < top:
        ticks.append(ticks[-1] + (ticks[1] - ticks[0] if len(ticks) > 1 else top))
    scale = Scale(0, ticks[-1], CHART_BOTTOM, CHART_TOP)
    return scale, [Tick(scale(t), format_number(t)) for t in ticks]


def _labelled(index: int, count: int) -> bool:
    """Every category's label when they fit, else every other one, the latest included."""
    return count <= MAX_X_LABELS or (count - 1 - index) % 2 == 0


def _slots(count: int) -> tuple[float, float]:
    slot = (CHART_RIGHT - CHART_LEFT) / max(count, 1)
    return slot, slot * 0.7


def bar_chart(title: str, categories: list[str], series: list[Series], *, unit: str = "") -> Chart:
    """Bars per category, the series stacked on each other."""
    chart = Chart(title, categories, series, unit=unit)
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    scale, chart.y_ticks = _value_scale(max(totals, default=0), counts=True)
    slot, width = _slots(len(categories))
    for i, category in enumerate(categories):
        x = round(CHART_LEFT + slot * i + (slot - width) / 2, 2)
        if _labelled(i, len(categories)):
            chart.x_labels.append(Tick(round(x + width / 2, 2), category))
        base = 0.0
        for s in series:
            value = s.values[i]
            if value:
                top, bottom = scale(base + value), scale(base)
                title = f"{category} — {s.name}: {format_number(value)}"
                chart.bars.append(
                    Bar(x, top, round(width, 2), round(bottom - top, 2), s.css, title)
                )
            base += value
    return chart


def line_chart(title: str, categories: list[str], series: list[Series], *, unit: str = "") -> Chart:
    """A line per series; a category without a value (None) breaks no line, it is skipped."""
    chart = Chart(title, categories, series, unit=unit)
    values = [v for s in series for v in s.values if v is not None]
    scale, chart.y_ticks = _value_scale(max(values, default=0))
    slot, _width = _slots(len(categories))
    xs = [round(CHART_LEFT + slot * i + slot / 2, 2) for i in range(len(categories))]
    chart.x_labels = [
        Tick(x, c)
        for i, (x, c) in enumerate(zip(xs, categories, strict=True))
        if _labelled(i, len(categories))
    ]
    for s in series:
        dots = [
            (x, scale(v), f"{c} — {s.name}: {format_number(round(v, 1))} {unit}".strip())
            for x, v, c in zip(xs, s.values, categories, strict=True)
            if v is not None
        ]
        points = " ".join(f"{x},{y}" for x, y, _t in dots)
        chart.lines.append(Line(points, s.css, s.name, dots))
    return chart


# --- a subject's history: each property's values against the sources' dates -------------

HISTORY_WIDTH = 720
HISTORY_HEIGHT = 230
HISTORY_LEFT = 130
HISTORY_RIGHT = HISTORY_WIDTH - 20
HISTORY_TOP = 14
HISTORY_BOTTOM = HISTORY_HEIGHT - 32


@dataclass
class Point:
    """A claim as one source stated it: at the source's publication date, at its value."""

    x: float
    y: float
    y2: float
    shape: str
    rank: str
    title: str
    quote: str
    value: str
    source: str
    published: str
    claim_pk: int

    @property
    def height(self) -> float:
        return max(round(self.y - self.y2, 2), 2.0)

    @property
    def left(self) -> float:
        return round(self.x - 4, 2)


@dataclass
class HistoryChart:
    title: str
    axis: str
    scale: str
    points: list[Point]
    undated: list[tuple[str, str]]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    width: int = HISTORY_WIDTH
    height: int = HISTORY_HEIGHT
    left: int = HISTORY_LEFT
    right: int = HISTORY_RIGHT
    top: int = HISTORY_TOP
    bottom: int = HISTORY_BOTTOM

    @property
    def label_left(self) -> int:
        return self.left - 8

    @property
    def label_y(self) -> int:
        return self.bottom + 18


def _middle(span: tuple[datetime.date, datetime.date]) -> float:
    return (span[0].toordinal() + span[1].toordinal()) / 2


# A subject's history draws its latest quotes only: a subject in 27,000 claims (as in
# `make bench` at 100,000) would otherwise take seconds to read and draw.
HISTORY_LIMIT = 120
# And the properties quoted most only: generated subjects have some ninety families.
MAX_HISTORY_CHARTS = 8
DRAWN_KINDS = [k for k in ValueKind.values if k != ValueKind.TEXT]


# A subject quoted in this many claims or more is found faster by walking the articles
# from the latest (most quote it) than by sorting all of its quotes by date. Under
# that, its own claims are few and sorting them is quick. SQLite's planner cannot
# tell the two apart (it knows no subject's size), so the query says which way.
WALK_ARTICLES_FROM = 3000


def latest_quotes(
    subject_id: int, *, claim_count: int = 0, limit: int = HISTORY_LIMIT
) -> list[Any]:
    """The subject's latest ``limit`` quotes with a value that can be drawn, from dated
    sources: one query, reading only what the history shows (not the articles' text).
    ``claim_count``, the subject's number of claims when the caller has it, picks the
    faster way to find them."""
    from claims.models import Appearance, Source

    drawn = Q(claim__subject_id=subject_id, claim__value_kind__in=DRAWN_KINDS)
    quotes = Appearance.objects.filter(source__published_on__isnull=False)
    if claim_count >= WALK_ARTICLES_FROM:
        # The latest ``limit`` articles quoting it hold its latest ``limit`` quotes
        # (each holds one at least): walked down the index of publication dates.
        articles = (
            Source.objects.filter(
                Exists(Appearance.objects.filter(drawn, source=OuterRef("pk"))),
                published_on__isnull=False,
            )
            .order_by("-published_on", "-pk")
            .values("pk")[:limit]
        )
        # "+ 0": not by the index of subjects, which would read every quote of it.
        quotes = (
            quotes.filter(source__in=articles, claim__value_kind__in=DRAWN_KINDS)
            .alias(quoted_subject=F("claim__subject_id") + 0)
            .filter(quoted_subject=subject_id)
        )
    else:
        quotes = quotes.filter(drawn)
    return list(
        quotes.select_related("claim__property", "source")
        .only(
            "exact",
            "claim__value_kind",
            "claim__value_text",
            "claim__value_number",
            "claim__value_unit",
            "claim__value_per",
            "claim__value_currency",
            "claim__value_date",
            "claim__value_date_precision",
            "claim__value_rank",
            "claim__property__code",
            "claim__property__label",
            "claim__property__label_fr",
            "source__title",
            "source__publisher",
            "source__published_on",
            "source__published_precision",
        )
        .order_by("-source__published_on", "-source_id", "-pk")[:limit]
    )


def history_charts(
    appearances: Iterable[Any], *, max_charts: int = MAX_HISTORY_CHARTS
) -> tuple[list[HistoryChart], int]:
    """For each property (and within it each family of comparable values), the values
    claimed against the publication dates of the sources that state them, so that a
    reader sees when a figure changed: one mark per quote. At most ``max_charts``
    charts, for the families quoted most; also says how many were left out."""
    families: dict[tuple[str, tuple], list[tuple[Any, Value]]] = {}
    names: dict[str, str] = {}
    for appearance in appearances:
        claim = appearance.claim
        value = value_of(claim)
        if value is None or value.family[0] == ValueKind.TEXT:
            continue
        key = (claim.property.code, value.family)
        names[claim.property.code] = str(claim.property)
        families.setdefault(key, []).append((appearance, value))
    most = sorted(families.items(), key=lambda kv: -len(kv[1]))[:max_charts]
    charts = [
        _history_chart(names[code], family, members)
        for (code, family), members in sorted(most, key=lambda kv: names[kv[0][0]])
    ]
    return charts, len(families) - len(charts)


def _history_chart(name: str, family: tuple, members: list[tuple[Any, Value]]) -> HistoryChart:
    is_date = family[0] == ValueKind.DATE
    dated, undated = [], []
    for appearance, value in members:
        claim, source = appearance.claim, appearance.source
        who = _shorten(source.publisher or source.title, MAX_LABEL)
        if source.published_on is None:
            undated.append((claim.value_text or "—", who))
            continue
        published = date_span(source.published_on, source.published_precision)
        dated.append((claim, value, appearance, who, published))
    chart = HistoryChart(
        title=name,
        axis=axis_title(family),
        scale="time" if is_date else "linear",
        points=[],
        undated=undated,
        x_ticks=[],
        y_ticks=[],
    )
    if not dated:
        return chart
    lo, hi = _time_domain(published for *_rest, published in dated)
    x_scale = Scale(lo, hi, HISTORY_LEFT + 10, HISTORY_RIGHT - 10)
    chart.x_ticks = [
        Tick(x_scale(d.toordinal()), text)
        for d, text in time_ticks(datetime.date.fromordinal(lo), datetime.date.fromordinal(hi))
    ]
    if is_date:
        spans = [date_span(c.value_date, c.value_date_precision) for c, *_rest in dated]
        y_lo, y_hi = _time_domain(spans)
        y_scale = Scale(y_lo, y_hi, HISTORY_BOTTOM, HISTORY_TOP)
        chart.y_ticks = [
            Tick(y_scale(d.toordinal()), text)
            for d, text in time_ticks(
                datetime.date.fromordinal(y_lo), datetime.date.fromordinal(y_hi), 4
            )
        ]
    else:
        figures = [_figure(v) for _c, v, *_rest in dated]
        log = spans_orders_of_magnitude(figures)
        y_lo, y_hi = number_domain(figures, log=log)
        y_scale = Scale(y_lo, y_hi, HISTORY_BOTTOM, HISTORY_TOP, log=log)
        chart.scale = "log" if log else "linear"
        ticks = log_ticks(y_lo, y_hi) if log else linear_ticks(y_lo, y_hi, 4)
        chart.y_ticks = [Tick(y_scale(t), format_number(t)) for t in ticks]
    for claim, value, appearance, who, published in sorted(dated, key=lambda d: (d[4][0], d[0].pk)):
        when = format_date(appearance.source.published_on, appearance.source.published_precision)
        if is_date:
            start, end = date_span(claim.value_date, claim.value_date_precision)
            y, y2 = y_scale(start.toordinal()), y_scale(end.toordinal())
            shape = "tick" if claim.value_date_precision == DatePrecision.DAY else "band"
        else:
            y = y2 = y_scale(_figure(value))
            shape = "dot"
        parts = [claim.value_text or "—", f"{who}, {when}"]
        if note := _rank_note(claim.value_rank):
            parts.append(note)
        chart.points.append(
            Point(
                x=x_scale(_middle(published)),
                y=y,
                y2=y2,
                shape=shape,
                rank=claim.value_rank,
                title=" — ".join(parts),
                quote=_shorten(appearance.exact, MAX_QUOTE),
                value=claim.value_text or "—",
                source=who,
                published=when,
                claim_pk=claim.pk,
            )
        )
    return chart
