"""Claims counted by the database's triggers (claims.tally, migration 0022), against a real count.

Whatever path writes a claim, the tally must say what ``COUNT(*)`` says: these
tests fail on SQLite as soon as a migration rebuilds the claims' table without
creating the triggers again.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from claims import tally
from claims.choices import ClaimStatus, Rating
from claims.models import Claim, ClaimTally, GroupTally, Property
from tests.conftest import restore_migration_data
from tests.factories import make_claim, make_subject

pytestmark = pytest.mark.django_db


def counted() -> dict[tuple[str, str], int]:
    return {
        (status, rating): n
        for status, rating, n in Claim.objects.order_by()
        .values_list("status", "rating")
        .annotate(n=Count("*"))
    }


def test_each_way_of_writing_claims_is_counted() -> None:
    subject = make_subject()
    first = make_claim(subject=subject)
    assert tally.claims_by_status_and_rating() == counted() == {(ClaimStatus.NEW, ""): 1}

    prop = Property.objects.get(code="founding-date")
    Claim.objects.bulk_create(
        Claim(statement=f"Bulk {i}.", subject=subject, property=prop) for i in range(5)
    )
    first.status = ClaimStatus.IN_RESEARCH
    first.save()
    Claim.objects.filter(statement__startswith="Bulk").update(
        status=ClaimStatus.VERDICT_PROPOSED, rating=Rating.FALSE
    )
    assert counted() == {
        (ClaimStatus.IN_RESEARCH, ""): 1,
        (ClaimStatus.VERDICT_PROPOSED, Rating.FALSE): 5,
    }
    assert tally.claims_by_status_and_rating() == counted()

    Claim.objects.filter(statement="Bulk 0.").delete()
    first.delete()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_claim SET rating = %s WHERE statement = %s", [Rating.TRUE, "Bulk 1."]
        )
    assert counted() == {
        (ClaimStatus.VERDICT_PROPOSED, Rating.FALSE): 3,
        (ClaimStatus.VERDICT_PROPOSED, Rating.TRUE): 1,
    }
    assert tally.claims_by_status_and_rating() == counted()


def test_an_edit_that_keeps_status_and_rating_adds_no_row() -> None:
    claim = make_claim()
    rows = ClaimTally.objects.count()
    claim.statement = "Another wording."
    claim.save()
    Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.NEW)
    assert ClaimTally.objects.count() == rows


def test_rows_are_folded_into_one_per_status_and_rating(monkeypatch) -> None:
    subject = make_subject()
    prop = Property.objects.get(code="founding-date")
    Claim.objects.bulk_create(
        Claim(statement=f"Claim {i}.", subject=subject, property=prop) for i in range(12)
    )
    Claim.objects.filter(statement__in=["Claim 0.", "Claim 1."]).update(
        status=ClaimStatus.PUBLISHED, rating=Rating.TRUE
    )
    Claim.objects.filter(statement="Claim 2.").delete()
    expected = counted()
    assert ClaimTally.objects.count() > len(expected)

    # Below the threshold nothing is folded; above it, reading folds.
    monkeypatch.setattr(tally, "FOLD_AFTER", 10_000)
    assert tally.claims_by_status_and_rating() == expected
    assert ClaimTally.objects.count() > len(expected)
    monkeypatch.setattr(tally, "FOLD_AFTER", 3)
    assert tally.claims_by_status_and_rating() == expected
    assert ClaimTally.objects.count() == len(expected)
    assert tally.claims_by_status_and_rating() == expected

    # A status and rating no claim has any more leaves no row.
    Claim.objects.filter(status=ClaimStatus.PUBLISHED).delete()
    tally.fold()
    assert ClaimTally.objects.count() == 1
    assert tally.claims_by_status_and_rating() == counted() == {(ClaimStatus.NEW, ""): 9}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_truncated_claims_table_counts_none() -> None:
    # A browser test before may have emptied every table, the vocabulary included.
    restore_migration_data()
    make_claim()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE claims_claim CASCADE")
    assert tally.claims_by_status_and_rating() == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_test_runners_flush_leaves_the_tally_right() -> None:
    """Transactional tests empty every table between them (DELETE on SQLite, TRUNCATE
    on PostgreSQL): the unmanaged tally must end up as empty as the claims."""
    restore_migration_data()
    make_claim()
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    assert tally.claims_by_status_and_rating() == {}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_fold_under_way_elsewhere_is_left_to_it() -> None:
    from django.db import connections

    restore_migration_data()
    subject = make_subject()
    prop = Property.objects.get(code="founding-date")
    Claim.objects.bulk_create(
        Claim(statement=f"C{i}.", subject=subject, property=prop) for i in range(3)
    )
    Claim.objects.filter(statement="C0.").update(status=ClaimStatus.IN_RESEARCH)
    rows = ClaimTally.objects.count()
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", ['"claims_claimtally"'])
            tally.fold()  # the other connection holds the fold: nothing is folded here
            assert ClaimTally.objects.count() == rows
            cursor.execute("COMMIT")
    finally:
        other.close()
    tally.fold()
    assert ClaimTally.objects.count() == 2
    assert tally.claims_by_status_and_rating() == counted()


def by_property(subject_id: int) -> dict[int, int]:
    return dict(
        Claim.objects.filter(subject_id=subject_id)
        .order_by()
        .values_list("property_id")
        .annotate(n=Count("*"))
    )


def test_a_subjects_claims_are_counted_per_property_whatever_moves_them(monkeypatch) -> None:
    one, other = make_subject(), make_subject()
    founding = Property.objects.get(code="founding-date")
    price = Property.objects.get(code="employee-count")
    Claim.objects.bulk_create(
        Claim(statement=f"Claim {i}.", subject=one, property=founding if i % 2 else price)
        for i in range(10)
    )
    assert tally.claims_by_property(one.pk) == by_property(one.pk) == {founding.pk: 5, price.pk: 5}

    # Moved to another subject (a merge), to another property, deleted.
    Claim.objects.filter(statement__in=["Claim 0.", "Claim 1."]).update(subject=other)
    moved = Claim.objects.get(statement="Claim 2.")
    moved.property = founding
    moved.save()
    Claim.objects.filter(statement="Claim 3.").delete()
    assert by_property(one.pk) == {founding.pk: 4, price.pk: 3}
    assert tally.claims_by_property(one.pk) == by_property(one.pk)
    assert tally.claims_by_property(other.pk) == by_property(other.pk)

    # Folding one subject leaves one row per property, and the other subject's rows alone.
    others = GroupTally.objects.filter(subject_id=other.pk).count()
    monkeypatch.setattr(tally, "GROUP_FOLD_AFTER", 0)
    assert tally.claims_by_property(one.pk) == by_property(one.pk)
    assert GroupTally.objects.filter(subject_id=one.pk).count() == 2
    assert GroupTally.objects.filter(subject_id=other.pk).count() == others
    tally.fold()
    assert GroupTally.objects.count() == 4
    assert tally.claims_by_property(other.pk) == by_property(other.pk)
