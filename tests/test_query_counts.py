"""The pages that list many things make the same number of queries for 10 rows as for 500."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from django.db import connection
from django.urls import reverse

from claims import search
from claims.choices import Agreement, ClaimStatus, Rating
from claims.models import (
    Appearance,
    Claim,
    Dispute,
    Property,
    Subject,
    Verdict,
    normalise_name,
)
from tests.factories import make_source

pytestmark = pytest.mark.django_db

SIZES = [10, 500]
STATUSES = [ClaimStatus.NEW, ClaimStatus.IN_RESEARCH, ClaimStatus.VERDICT_PROPOSED]
RATINGS = ["", Rating.FALSE, Rating.TRUE, Rating.MISLEADING]


def build(n: int, *, assignees: list, verdict_author) -> tuple:
    """``n`` claims quoted in one article, built with bulk_create (no signals, few queries).

    Every related row a page might touch is there: subjects, several
    properties, assignees, ratings, pending verdicts and open disputes.
    """
    sentences = [f"Phrase {i:04d} : la valeur annoncée est {i}.\n" for i in range(n)]
    source = make_source(title="Long article", text="".join(sentences))
    subjects = Subject.objects.bulk_create(
        Subject(name=f"Sujet {i}", normalised_name=normalise_name(f"Sujet {i}"))
        for i in range(max(1, n // 10))
    )
    properties = list(Property.objects.order_by("pk")[:5])
    claims = Claim.objects.bulk_create(
        Claim(
            statement=f"Claim {i}: the value is {i}.",
            subject=subjects[i % len(subjects)],
            property=properties[i % len(properties)],
            value_text=str(i),
            status=STATUSES[i % len(STATUSES)],
            rating=RATINGS[i % len(RATINGS)],
            assignee=assignees[i % len(assignees)],
        )
        for i in range(n)
    )
    offsets = itertools.accumulate((len(s) for s in sentences), initial=0)
    Appearance.objects.bulk_create(
        Appearance.anchor(claim=claim, source=source, start=start, end=start + 11)
        for claim, start in zip(claims, offsets, strict=False)
    )
    Verdict.objects.bulk_create(
        Verdict(claim=claim, rating=Rating.FALSE, rationale="Because.", author=verdict_author)
        for claim in claims
        if claim.status == ClaimStatus.VERDICT_PROPOSED
    )
    Dispute.objects.bulk_create(
        Dispute(subject=subject, property=prop, agreement=Agreement.CONFLICT, claim_count=2)
        for subject, prop in itertools.islice(
            itertools.product(subjects, properties[:1]), max(1, n // 20)
        )
    )
    search.refresh(claim.pk for claim in claims)
    return source, claims


@pytest.mark.parametrize("n", SIZES)
def test_claim_list_query_count_is_flat(client, reviewer, editor, django_assert_num_queries, n):
    build(n, assignees=[reviewer, editor, None], verdict_author=reviewer)
    client.force_login(reviewer)
    # 1 session, 2 user, 3 the user's groups (roles), 4 the filter's article
    # choices, 5 its language choices, 6 its assignee choices (read once: the bulk
    # form offers the same people), 7 the paginator's count, 8 one page of claims with
    # subject, property and assignee joined and "disputed" annotated, 9 the header's
    # unread notifications.
    with django_assert_num_queries(9):
        response = client.get(reverse("claim_list"))
    assert response.status_code == 200
    assert len(response.context["page"]) == min(n, 50)
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("n", SIZES)
def test_claim_list_query_count_is_flat_when_filtered_and_sorted(
    client, reviewer, editor, django_assert_num_queries, n
):
    build(n, assignees=[reviewer, editor, None], verdict_author=reviewer)
    client.force_login(reviewer)
    params = {"q": "value", "disputed": "false", "ordering": "-subject", "page": "2"}
    # The same nine queries as unfiltered: filtering and sorting add none; on SQLite the
    # search first samples the newest claims to choose how to look (search.share).
    with django_assert_num_queries(10 if connection.vendor == "sqlite" else 9):
        response = client.get(reverse("claim_list"), params)
    assert response.status_code == 200
    assert response.context["page"].object_list


@pytest.mark.parametrize("n", SIZES)
def test_dashboard_query_count_is_flat(
    client, reviewer, editor, second_editor, django_assert_num_queries, n
):
    build(n, assignees=[editor, reviewer], verdict_author=reviewer)
    client.force_login(editor)
    # 1 session, 2 user, 3 the user's groups, 4 claims by status and rating (the
    # tally), 5 my assigned claims, 6 verdicts awaiting me (claim and author joined),
    # 7 open disputes (subject and property joined), 8 my proposed verdicts (claim and
    # reviewer joined), 9 resolutions awaiting me (dispute and proposer joined), 10 the
    # desk's weeks kept, 11 claims added per week, 12 status changes per week, 13
    # verdicts published in those weeks with their claims' creation, 14 the header's
    # unread notifications; on the first visit, 15 the weeks that are over, kept.
    with django_assert_num_queries(15):
        response = client.get(reverse("home"))
    assert response.status_code == 200
    with django_assert_num_queries(14):
        response = client.get(reverse("home"))
    assert response.status_code == 200
    assert len(response.context["my_claims"]) == min(10, n // 2)
    assert len(response.context["awaiting"]) == min(10, n // 3)


@pytest.mark.parametrize("n", SIZES)
def test_article_page_query_count_is_flat(client, reviewer, editor, django_assert_num_queries, n):
    source, _claims = build(n, assignees=[None], verdict_author=reviewer)
    client.force_login(reviewer)
    # 1 session, 2 user, 3 the user's groups, 4 the article, 5 its quotes with
    # their claims and subjects joined, 6 its dismissed suggestions, 7 and 8 what the
    # subjects and their aliases add up to (the key of the article's suggestions in the
    # cache), 9 the reviewers' corrections of suggestions in this article, 10 the
    # property vocabulary. (No suggestion names a subject the workbench holds, so nothing
    # is compared with held claims: see test_suggestion_review for that page's count.)
    # 11 the header's unread notifications. The first visit reads the suggestions, and
    # with them the subjects' and aliases' names, whole: two more.
    with django_assert_num_queries(13):
        response = client.get(source.get_absolute_url())
    with django_assert_num_queries(11):
        response = client.get(source.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["claims"]) == n


@pytest.mark.parametrize("n", [3, 30])
def test_subject_page_with_its_history_query_count_is_flat(
    client, reviewer, django_assert_num_queries, n
):
    from tests.factories import make_claim, make_subject

    subject = make_subject("Valmont")
    for i in range(n):
        make_claim(
            subject=subject,
            property_code="price-per-unit",
            source=make_source(published_on=f"2025-01-{i % 28 + 1:02d}", published_precision="day"),
            value_kind="money",
            value_text=f"{i} $",
            value_number=i + 1,
            value_currency="USD",
        )
    client.force_login(reviewer)
    # 1 session, 2 user, 3 the user's groups, 4 the subject, 5 its claims counted per
    # property, 6 those properties in label order, 7 the page's ids (one property,
    # whole), 8 a page of its claims with their properties, 9 its latest quotes with
    # their claims, properties and sources (the history chart), 10 its aliases, 11 the
    # header's unread notifications.
    with django_assert_num_queries(11):
        response = client.get(reverse("subject_detail", args=[subject.pk]))
    assert response.content.decode().count('class="mark mark-dot') == n


@pytest.mark.parametrize("n", [2, 40])
def test_claim_page_query_count_is_flat(client, reviewer, django_assert_num_queries, n):
    from claims.choices import Stance
    from claims.models import Evidence
    from tests.factories import make_claim

    claim = make_claim(status=ClaimStatus.IN_RESEARCH, assignee=reviewer)
    stances = list(Stance.values)
    Evidence.objects.bulk_create(
        Evidence(
            claim=claim,
            url=f"https://registre.example.fr/{i}",
            title=f"Registre {i}",
            stance=stances[i % len(stances)],
            added_by=reviewer,
        )
        for i in range(n)
    )
    client.force_login(reviewer)
    # 1 session, 2 user, 3 the user's groups, 4 the claim with its subject, property,
    # assignee and author, 5 its evidence with their sources and authors, 6 their
    # copies, 7 its verdicts, 8 the header's unread notifications, 9 its appearances,
    # 10 its comments, 11 the assignee choices, 12 its timeline. The stances are
    # counted from the evidence read, not by another query.
    with django_assert_num_queries(12) as captured:
        response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    # The assignee choices are read as a list, not through a server-side cursor
    # (on PostgreSQL, Django's own choice iterator declares one WITH HOLD).
    assert not [q for q in captured.captured_queries if q["sql"].startswith("DECLARE")]
    counts = response.context["tally"]
    made = Counter(stances[i % len(stances)] for i in range(n))
    assert counts == {stance: made[stance] for stance in stances}
    text = response.text
    assert f"{counts['supports']} support" in text
    assert f"{counts['refutes']} refute" in text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner setting")
def test_postgresql_costs_random_reads_as_cached_storage_does(db) -> None:
    # At the default (4), a page of the list hashed every subject and every open
    # disagreement to join its 50 rows (1.38 ms at 100,000 claims; 0.27 at 1.1).
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
