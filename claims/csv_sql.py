"""The CSV export's lines written by PostgreSQL itself.

On PostgreSQL a claim's whole CSV line (every cell quoted, formula starts
neutralised, numbers and dates formatted, quotes, sources, verdict and evidence
counts) is one expression of the claims query: Python only joins the lines the
server sends. Building each row in Python (``exports._chunk_rows``, ``safe_cells``,
``csv.writer``) cost more than the database's own work: the export took 2.3-2.5
times as long as psql's ``COPY`` of the same columns at a million claims.

The lines are byte for byte those of the Python writer, which SQLite keeps
(``tests/test_exports.py`` compares the two on PostgreSQL, and the formula rule
for every Unicode code point). ``COPY … (FORMAT csv)`` itself is not used: it
ends records with a bare LF where RFC 4180 (and the Python writer) use CRLF.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connections
from django.db.models import Func, QuerySet, TextField
from django.db.models.expressions import F

from claims.choices import RATING_SCALE, DatePrecision, Stance, ValueKind
from claims.exports import FORMULA_TRIGGERS, MINUS_SIGNS, NUMBER_KINDS, RISKY_STARTS
from claims.models import (
    Appearance,
    Claim,
    Evidence,
    Source,
    Verdict,
    VerdictStatus,
    disputed_claims,
)

# --- which cells start like a formula ----------------------------------------------
# ``exports.starts_like_a_formula`` asks unicodedata about the first character
# past any invisible (Cf) ones; PostgreSQL cannot, so the two sets of characters
# it can answer yes for are written out here. tests/test_exports.py derives them
# again from the running Python's unicodedata and checks the SQL rule against the
# Python one for every code point.

# Format characters (category Cf): skipped before the first visible character.
INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
# Characters a spreadsheet reads as, or that look like, = + - @ TAB CR: the ASCII
# ones, those NFKC turns into one, dashes (Pd) and the two minus signs.
FORMULA_STARTS = (
    "\t\r+\\-=@\u058a\u05be\u1400\u1806\u2010-\u2015\u207a\u207c\u208a\u208c\u2212\u2796"
    "\u2a75\u2a76\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\ufb29\ufe31\ufe32"
    "\ufe58\ufe62\ufe63\ufe66\ufe6b\uff0b\uff0d\uff1d\uff20\U00010ead"
)


def _ranges(characters: str) -> list[tuple[str, str]]:
    """A bracket expression such as ``INVISIBLE`` as (first, last) ranges: "a-c" is one,
    a lone character or an escaped "\\-" (the hyphen itself) is its own."""
    ranges = []
    n = 0
    while n < len(characters):
        if characters[n] == "\\":
            ranges.append((characters[n + 1], characters[n + 1]))
            n += 2
        elif characters[n + 1 : n + 2] == "-" and n + 2 < len(characters):
            ranges.append((characters[n], characters[n + 2]))
            n += 3
        else:
            ranges.append((characters[n], characters[n]))
            n += 1
    return ranges


def expand(characters: str) -> set[str]:
    """The characters of a bracket expression such as ``INVISIBLE``."""
    return {
        chr(code)
        for first, last in _ranges(characters)
        for code in range(ord(first), ord(last) + 1)
    }


def _regex_class(characters: str) -> str:
    """``characters`` as a bracket expression of PostgreSQL's regular expressions, in
    ASCII: every character as a \\u or \\U escape, ranges kept."""

    def escape(char: str) -> str:
        code = ord(char)
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"

    parts = [
        escape(first) if first == last else f"{escape(first)}-{escape(last)}"
        for first, last in _ranges(characters)
    ]
    return "[" + "".join(parts) + "]"


# ``exports.neutralise`` adds an apostrophe to a cell that starts like a formula, or
# that starts with an apostrophe followed by another one or by such a start.
NEEDS_APOSTROPHE = (
    "^(\\u0027\\u0027|\\u0027?" + _regex_class(INVISIBLE) + "*" + _regex_class(FORMULA_STARTS) + ")"
)
# The first characters worth running that expression for: the ASCII ones it can
# match, and anything outside ASCII (``ascii()`` gives a code point).
_RISKY_ASCII = ", ".join(str(ord(char)) for char in sorted(RISKY_STARTS))


def derived_formula_characters() -> tuple[set[str], set[str]]:
    """``INVISIBLE`` and ``FORMULA_STARTS`` as this Python's unicodedata has them (slow:
    every code point; for the tests)."""
    invisible, starts = set(), set(FORMULA_TRIGGERS | MINUS_SIGNS)
    for code in range(128, 0x110000):
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Cf":
            invisible.add(char)
        elif category == "Pd" or (
            category[0] != "C" and unicodedata.normalize("NFKC", char)[:1] in FORMULA_TRIGGERS
        ):
            starts.add(char)
    return invisible, starts


# --- cells as SQL ------------------------------------------------------------------------


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def cell(value: str, *, neutralise: bool = True) -> str:
    """The SQL of a quoted CSV cell holding the text ``value`` (a column or an
    expression cheap to repeat), made inert for spreadsheets as ``exports.neutralise``
    does."""
    text = f"COALESCE(({value})::text, '')"
    if neutralise:
        text = (
            f"CASE WHEN ascii({text}) IN ({_RISKY_ASCII}) OR ascii({text}) > 127 THEN"
            f" CASE WHEN {text} ~ {_literal(NEEDS_APOSTROPHE)} THEN '''' || {text}"
            f" ELSE {text} END ELSE {text} END"
        )
    return f"'\"' || replace({text}, '\"', '\"\"') || '\"'"


def _cells(*cells: str) -> str:
    return " || ',' || ".join(cells)


def _empty_cells(count: int) -> str:
    return _literal(",".join(['""'] * count))


def _number(value: str) -> str:
    # trim_scale: 0.1400000000 as 0.14; PostgreSQL never writes an exponent.
    return f"trim_scale({value})::text"


def _normalised_value(claim: str) -> str:
    numbers = ", ".join(_literal(kind) for kind in sorted(NUMBER_KINDS))
    day = f"{claim}.value_date"
    return (
        f"CASE WHEN {claim}.value_kind = {_literal(ValueKind.DATE)} THEN"
        f" CASE {claim}.value_date_precision"
        f" WHEN {_literal(DatePrecision.YEAR)} THEN to_char({day}, 'YYYY')"
        f" WHEN {_literal(DatePrecision.MONTH)} THEN to_char({day}, 'YYYY-MM')"
        f" ELSE to_char({day}, 'YYYY-MM-DD') END"
        f" WHEN {claim}.value_kind IN ({numbers}) THEN {_number(f'{claim}.value_number')}"
        " END"
    )


def _rating_value(claim: str) -> str:
    cases = " ".join(
        f"WHEN {_literal(rating)} THEN '{value}'"
        for rating, value in RATING_SCALE.items()
        if value is not None
    )
    return f"CASE {claim}.rating {cases} ELSE '' END"


def _datetime(value: str, time_zone: str) -> str:
    """``exports.format_datetime`` in SQL: ISO 8601 to the second in ``time_zone``,
    with its offset (+01:00). (No ``%``: the query's parameters are marked with it.)"""
    local = f"({value} AT TIME ZONE {_literal(time_zone)})"
    offset = f"extract(epoch FROM {local} - ({value} AT TIME ZONE 'UTC'))::integer"
    return (
        f"to_char({local}, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
        f" || CASE WHEN {offset} < 0 THEN '-' ELSE '+' END"
        f" || lpad((abs({offset}) / 3600)::text, 2, '0') || ':'"
        f" || lpad((mod(abs({offset}), 3600) / 60)::text, 2, '0')"
    )


def _table(model) -> str:
    return f'"{model._meta.db_table}"'


def _quote_cell(claim: str) -> str:
    """The first appearance's quote: earliest published source first (undated last),
    then by source and by offset, as ``exports.first_appearance_order``."""
    return (
        f"COALESCE((SELECT {cell('fc_a.exact')} FROM {_table(Appearance)} fc_a"
        f" JOIN {_table(Source)} fc_s ON fc_s.id = fc_a.source_id"
        f" WHERE fc_a.claim_id = {claim}.id"
        " ORDER BY fc_s.published_on IS NULL, fc_s.published_on, fc_a.source_id, fc_a.start"
        " LIMIT 1), '\"\"')"
    )


def _source_cells(claim: str) -> str:
    """Source titles and URLs, one per line, sources in the order of their first quote;
    no URLs at all when none of them has one."""
    order = "ORDER BY fc_s.published_on IS NULL, fc_s.published_on, fc_s.id"
    return (
        f"(SELECT {_cells(cell('fc_t.titles'), cell('fc_t.urls'))} FROM ("
        f"SELECT string_agg(fc_s.title, E'\\n' {order}) AS titles,"
        f" CASE WHEN bool_or(fc_s.url <> '') THEN string_agg(fc_s.url, E'\\n' {order})"
        " END AS urls"
        f" FROM {_table(Source)} fc_s WHERE fc_s.id IN (SELECT fc_a.source_id"
        f" FROM {_table(Appearance)} fc_a WHERE fc_a.claim_id = {claim}.id)) fc_t)"
    )


def _verdict_cells(claim: str, time_zone: str) -> str:
    """Rationale, reviewer, approving editor and approval time of the claim's current
    verdict: the latest proposed or approved one with the claim's rating."""
    user = get_user_model()
    users = _table(user)
    username = user._meta.get_field(user.USERNAME_FIELD).column
    statuses = ", ".join(
        _literal(status) for status in (VerdictStatus.PROPOSED, VerdictStatus.APPROVED)
    )
    approved = _literal(VerdictStatus.APPROVED)
    approved_at = _datetime("fc_v.reviewed_at", time_zone)
    return (
        f"CASE WHEN {claim}.rating <> '' THEN COALESCE((SELECT"
        f" {_cells(cell('fc_v.rationale'), cell(f'fc_au.{username}'))} || ',' ||"
        f" CASE WHEN fc_v.status = {approved} THEN"
        f" {_cells(cell(f'fc_rv.{username}'), cell(approved_at, neutralise=False))}"
        ' ELSE \'"",""\' END'
        f" FROM {_table(Verdict)} fc_v JOIN {users} fc_au ON fc_au.id = fc_v.author_id"
        f" LEFT JOIN {users} fc_rv ON fc_rv.id = fc_v.reviewed_by_id"
        f" WHERE fc_v.claim_id = {claim}.id AND fc_v.status IN ({statuses})"
        f" AND fc_v.rating = {claim}.rating"
        f" ORDER BY fc_v.created_at DESC, fc_v.id DESC LIMIT 1), {_empty_cells(4)})"
        f" ELSE {_empty_cells(4)} END"
    )


def _evidence_cells(claim: str) -> str:
    counts = [
        f"count(*) FILTER (WHERE fc_e.stance = {_literal(stance)})" for stance in Stance.values
    ]
    return (
        f"(SELECT {_cells(*(cell(count, neutralise=False) for count in counts))}"
        f" FROM {_table(Evidence)} fc_e WHERE fc_e.claim_id = {claim}.id)"
    )


class CSVLine(Func):
    """A claim's CSV line, CRLF included, as one text expression of the claims query."""

    output_field = TextField()

    def __init__(self, *, url_prefix: str, url_suffix: str, time_zone: str) -> None:
        # Resolved with the query, so Django joins the subject and the property.
        super().__init__(F("subject__name"), F("property__code"), disputed_claims())
        self.url_prefix, self.url_suffix, self.time_zone = url_prefix, url_suffix, time_zone

    def as_sql(self, compiler, connection, **extra_context: Any) -> tuple[str, list[Any]]:
        claim = compiler.quote_name(compiler.query.base_table)
        (subject, subject_params), (prop, prop_params), (disputed, disputed_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        # Columns, repeated freely in the cells' SQL: they have no parameters to repeat.
        assert not subject_params and not prop_params
        parts: list[tuple[str, list[Any]]] = [
            (cell(f"{claim}.id", neutralise=False), []),
            (cell(f"{claim}.statement"), []),
            (cell(subject), []),
            (cell(prop), []),
            (cell(f"{claim}.value_kind"), []),
            (cell(f"{claim}.value_text"), []),
            (cell(_normalised_value(claim)), []),
            (cell(f"{claim}.value_qualifier"), []),
            (cell(f"{claim}.value_unit"), []),
            (cell(_number(f"{claim}.value_per")), []),
            (cell(f"{claim}.value_currency"), []),
            (cell(f"{claim}.status"), []),
            (cell(f"{claim}.rating"), []),
            (cell(_rating_value(claim), neutralise=False), []),
            (_verdict_cells(claim, self.time_zone), []),
            (_quote_cell(claim), []),
            (_source_cells(claim), []),
            (_evidence_cells(claim), []),
            (f"CASE WHEN {disputed} THEN '\"yes\"' ELSE '\"no\"' END", list(disputed_params)),
            (f"%s || {claim}.id || %s", [self.url_prefix, self.url_suffix]),
        ]
        sql = " || ',' || ".join(part for part, _params in parts) + " || E'\\r\\n'"
        return f"({sql})", [param for _part, params in parts for param in params]


def _csv_text(text: str) -> str:
    return text.replace('"', '""')


def database_lines(
    queryset: QuerySet[Claim], *, claim_url_parts: tuple[str, str], time_zone: str, chunk_size: int
) -> Iterator[str]:
    """The export's lines after the header, a block per chunk of claims, as PostgreSQL
    writes them; one query, read through a server-side cursor."""
    prefix, suffix = claim_url_parts
    line = CSVLine(
        url_prefix='"' + _csv_text(prefix), url_suffix=_csv_text(suffix) + '"', time_zone=time_zone
    )
    lines: Iterable[str] = (
        queryset.annotate(export_line=line)
        .values_list("export_line", flat=True)
        .iterator(chunk_size=chunk_size)
    )
    connection = connections[queryset.db]
    # Not in parallel: workers that each run the lines' subqueries and hand wide rows
    # back took twice as long (10,000 claims of a million: 1.18 s, against 0.61 s).
    with connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
    try:
        for block in itertools.batched(lines, chunk_size):
            yield "".join(block)
    finally:
        # The connection outlives the request: put the setting back, whether the
        # download finished or was abandoned.
        if connection.connection is not None and connection.is_usable():
            with connection.cursor() as cursor:
                cursor.execute("RESET max_parallel_workers_per_gather")
