"""The demo data generator: realistic shape, consistent rows, and bulk inserts only."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, F
from django.test.utils import CaptureQueriesContext

from claims import search
from claims.choices import ClaimStatus, Stance
from claims.management.commands import generate_demo_data
from claims.management.commands.generate_demo_data import BulkWriter, generate
from claims.models import (
    Appearance,
    Claim,
    ClaimEvent,
    Comment,
    Dispute,
    EventKind,
    Evidence,
    Property,
    Source,
    SubjectAlias,
    Verdict,
    VerdictStatus,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(db) -> str:
    out = StringIO()
    call_command("generate_demo_data", claims=200, seed=3, password="demo-pass-123", stdout=out)
    return out.getvalue()


def test_it_reports_what_it_made_and_how_long_it_took(generated) -> None:
    assert "Generated 200 claims" in generated
    assert "Done in" in generated


def test_articles_are_long_in_french_and_english(generated) -> None:
    sources = list(Source.objects.all())
    assert {s.language for s in sources} == {"fr", "en"}
    assert sum(len(s.text) for s in sources) / len(sources) > 2000
    assert all(s.text_sha256 and s.published_on for s in sources)


def test_every_appearance_is_anchored_at_its_offsets(generated) -> None:
    appearances = list(Appearance.objects.select_related("source"))
    assert len(appearances) > 200  # some claims are quoted by a second article
    for appearance in appearances:
        assert appearance.source.text[appearance.start : appearance.end] == appearance.exact
        assert appearance.source.text[: appearance.start].endswith(appearance.prefix)
        assert appearance.source.text[appearance.end :].startswith(appearance.suffix)


def test_claims_have_three_pieces_of_evidence_on_average(generated) -> None:
    assert 2.5 <= Evidence.objects.count() / Claim.objects.count() <= 3.5
    assert set(Evidence.objects.values_list("stance", flat=True)) == set(Stance.values)
    # Claims still "new" have no evidence yet: adding evidence starts the research.
    assert not Evidence.objects.filter(claim__status=ClaimStatus.NEW).exists()


def test_verdicts_have_a_history_approved_by_another_editor(generated) -> None:
    statuses = set(Verdict.objects.values_list("status", flat=True))
    assert {VerdictStatus.PROPOSED, VerdictStatus.APPROVED, VerdictStatus.SENT_BACK} <= statuses
    reviewed = Verdict.objects.exclude(status=VerdictStatus.PROPOSED)
    assert not reviewed.filter(reviewed_by__isnull=True).exists()
    assert not reviewed.filter(reviewed_by=F("author")).exists()
    for claim in Claim.objects.filter(status=ClaimStatus.PUBLISHED).prefetch_related("verdicts"):
        approved = [v for v in claim.verdicts.all() if v.status == VerdictStatus.APPROVED]
        assert approved and claim.rating == approved[0].rating
        # What the public index sorts by: when the verdict in force was approved.
        assert claim.verdict_approved_at == max(v.reviewed_at for v in approved)


def test_the_timeline_follows_the_history(generated) -> None:
    kinds = set(ClaimEvent.objects.values_list("kind", flat=True))
    assert {
        EventKind.CREATED,
        EventKind.EVIDENCE_ADDED,
        EventKind.VERDICT_PROPOSED,
        EventKind.VERDICT_APPROVED,
        EventKind.VERDICT_SENT_BACK,
    } <= kinds
    assert ClaimEvent.objects.filter(kind=EventKind.CREATED).count() == 200
    added = ClaimEvent.objects.filter(kind=EventKind.EVIDENCE_ADDED).first()
    assert Evidence.objects.filter(pk=added.data["evidence"], claim=added.claim).exists()
    # The history is spread over time, and ends before now.
    claim = Claim.objects.annotate(n=Count("events")).order_by("-n").first()
    times = [e.created_at for e in claim.events.all()]
    assert times == sorted(times) and times[0] < times[-1] <= claim.updated_at
    assert Claim._meta.get_field("updated_at").auto_now  # switched back on


def test_subjects_have_aliases_and_properties_come_from_the_vocabulary(generated) -> None:
    assert SubjectAlias.objects.exists()
    assert Property.objects.filter(claims__isnull=False).distinct().count() > 10
    assert not Claim.objects.exclude(property__in=Property.objects.all()).exists()


def test_some_values_conflict_so_disputes_exist(generated) -> None:
    assert Dispute.objects.open_conflicts().exists()


def test_the_search_text_is_what_search_refresh_writes(generated) -> None:
    written = {
        pk: texts for pk, *texts in Claim.objects.values_list("pk", "search_text", "public_text")
    }
    search.refresh_all()
    assert {
        pk: texts for pk, *texts in Claim.objects.values_list("pk", "search_text", "public_text")
    } == written
    assert all(public for _, public in written.values())
    # A French claim is found by an accented word of its statement, typed without accents.
    accented = set("éèêàâçîôû")
    claim = next(c for c in Claim.objects.order_by("pk") if accented & set(c.statement))
    word = next(w for w in claim.statement.split() if accented & set(w)).strip(".,")
    query = search.fold(word)
    assert not accented & set(query)
    assert claim in search.search(Claim.objects.all(), query)


def test_the_query_count_does_not_grow_with_the_number_of_claims(db) -> None:
    generate(claims=20, seed=1)  # the demo accounts exist from here on
    with CaptureQueriesContext(connection) as few:
        generate(claims=50, seed=2)
    with CaptureQueriesContext(connection) as many:
        generate(claims=200, seed=3)
    assert Claim.objects.count() == 270
    # The same queries either way, but for one batch of dispute updates (an UPDATE and
    # its history rows) that earlier groups may or may not need once new claims join them.
    assert abs(len(many) - len(few)) <= 2
    # (Folding the two tallies at the end: a savepoint, its release and three statements each.)
    assert len(many) < 52


def test_chunks_written_while_the_next_is_planned_hold_together(db, monkeypatch) -> None:
    # Five chunks: each one is written in the background while the next is planned.
    monkeypatch.setattr(generate_demo_data, "CHUNK_SIZE", 40)
    generate(claims=200, seed=4)
    assert Claim.objects.count() == 200
    assert ClaimEvent.objects.filter(kind=EventKind.CREATED).count() == 200
    # Events name rows of their own claim, whichever chunk wrote them.
    evidence = set(Evidence.objects.values_list("pk", "claim_id"))
    verdicts = set(Verdict.objects.values_list("pk", "claim_id"))
    comments = set(Comment.objects.values_list("pk", "claim_id"))
    named = 0
    for event in ClaimEvent.objects.all():
        if event.kind == EventKind.EVIDENCE_ADDED:
            assert (event.data["evidence"], event.claim_id) in evidence
        elif event.kind == EventKind.COMMENTED:
            assert (event.data["comment"], event.claim_id) in comments
        elif "verdict" in event.data:
            assert (event.data["verdict"], event.claim_id) in verdicts
        else:
            continue
        named += 1
    assert named > 400
    for appearance in Appearance.objects.select_related("source"):
        assert appearance.source.text[appearance.start : appearance.end] == appearance.exact
    written = set(Claim.objects.values_list("pk", "search_text", "public_text"))
    search.refresh_all()
    assert set(Claim.objects.values_list("pk", "search_text", "public_text")) == written


def test_keys_are_never_handed_out_twice(db) -> None:
    generate(claims=30, seed=1)
    newest = Claim.objects.order_by("-pk").first()
    deleted = newest.pk
    newest.delete()
    generate(claims=30, seed=2)
    # Not even a deleted claim's key: its history is its own, not a new claim's.
    assert not Claim.objects.filter(pk=deleted).exists()
    assert Claim.objects.filter(pk__gt=deleted).count() == 30
    # The database's own next keys come after the generated ones.
    claim = Claim.objects.order_by("-pk").first()
    author = get_user_model().objects.get(username="demo-reviewer-01")
    comment = Comment.objects.create(claim=claim, author=author, body="After the demo data.")
    evidence = Evidence.objects.create(
        claim=claim, url="https://example.org/after", title="After", added_by=author
    )
    assert comment.pk > Comment.objects.exclude(pk=comment.pk).order_by("-pk")[0].pk
    assert evidence.pk > Evidence.objects.exclude(pk=evidence.pk).order_by("-pk")[0].pk


@pytest.mark.parametrize("failing", ["write", "plan"])
def test_a_failure_keeps_nothing_and_gives_the_connection_back(db, monkeypatch, failing) -> None:
    monkeypatch.setattr(generate_demo_data, "CHUNK_SIZE", 40)
    insert, plan_chunk = BulkWriter.insert, generate_demo_data.Generator.plan_chunk
    planned = []

    def failing_insert(self, table):
        if failing == "write" and table.model is ClaimEvent:
            raise RuntimeError("disk full")
        insert(self, table)

    def failing_plan(self, claim_count):
        planned.append(claim_count)
        if failing == "plan" and len(planned) == 3:  # while the second chunk is written
            raise RuntimeError("out of ideas")
        return plan_chunk(self, claim_count)

    monkeypatch.setattr(BulkWriter, "insert", failing_insert)
    monkeypatch.setattr(generate_demo_data.Generator, "plan_chunk", failing_plan)
    with pytest.raises(RuntimeError):
        generate(claims=200, seed=1)
    assert not Claim.objects.exists()
    assert not ClaimEvent.objects.exists()
    assert not connection.allow_thread_sharing
    assert Property.objects.exists()  # the connection still works


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgresql_gets_statistics_on_what_was_loaded(migration_data) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no VACUUM statistics to keep (see update_statistics)")
    generate(claims=30, seed=3, password="demo-password")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL "
            "AND last_analyze IS NOT NULL AND relname IN ('claims_claim', 'claims_claimevent')"
        )
        assert sorted(row[0] for row in cursor.fetchall()) == [
            "claims_claim",
            "claims_claimevent",
        ]
