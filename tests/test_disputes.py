"""Disagreement detection (claims.disputes, without HTTP) and the disagreement pages."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from claims import disputes, plots, workflow
from claims.choices import Agreement, DisputeStatus, Stance, ValueKind, ValueRank
from claims.models import (
    Claim,
    ClaimEvent,
    Dispute,
    DisputeResolution,
    EventKind,
    Evidence,
    Notification,
    NotificationKind,
    ResolutionStatus,
    Subject,
)
from claims.roles import REVIEWER
from claims.views.disputes import COMPARED
from claims.workflow import InvalidTransition, NotAllowed
from tests.factories import make_claim, make_crowded_dispute, make_source, make_subject

pytestmark = pytest.mark.django_db


def row(kind: str, **fields) -> disputes.ClaimRow:
    """A claim's values without the database, as refresh_all reads them."""
    values = {
        "pk": 0,
        "subject_id": 1,
        "property_id": 1,
        "value_kind": kind,
        "value_text": "",
        "value_number": None,
        "value_unit": "",
        "value_per": None,
        "value_currency": "",
        "value_date": None,
        "value_date_precision": "",
        "value_rank": ValueRank.NORMAL,
    }
    values.update(fields)
    return disputes.ClaimRow(**values)


def date(year: int, month: int = 1, day: int = 1, precision: str = "day") -> disputes.ClaimRow:
    return row(
        ValueKind.DATE, value_date=datetime.date(year, month, day), value_date_precision=precision
    )


def money(amount: str, currency: str = "USD", per: str | None = "1000000", unit: str = "token"):
    return row(
        ValueKind.MONEY,
        value_number=Decimal(amount),
        value_currency=currency,
        value_per=Decimal(per) if per else None,
        value_unit=unit,
    )


def agreement(*rows, tolerance: str = "0.05") -> str:
    """How these values compare when each is stated by a source of its own."""
    rows = [r._replace(pk=index) for index, r in enumerate(rows, start=1)]
    return disputes.compare(rows, tolerance=Decimal(tolerance)).agreement


# --- comparing values -------------------------------------------------------------------


def test_dates_compare_at_the_coarser_precision() -> None:
    may_2023 = date(2023, 5, precision="month")
    assert agreement(date(2023, precision="year"), may_2023) == Agreement.CORROBORATION
    assert agreement(date(2021, precision="year"), may_2023) == Agreement.CONFLICT
    assert agreement(date(2023, 5, 17), may_2023) == Agreement.CORROBORATION
    assert agreement(date(2023, 6, precision="month"), may_2023) == Agreement.CONFLICT


def test_a_vague_date_does_not_reconcile_two_precise_ones() -> None:
    # "2023" agrees with May and with June 2023, but May and June still conflict.
    rows = [
        date(2023, precision="year"),
        date(2023, 5, precision="month"),
        date(2023, 6, precision="month"),
    ]
    assert agreement(*rows) == Agreement.CONFLICT


def test_figures_agree_within_the_tolerance() -> None:
    def quantity(n: str):
        return row(ValueKind.QUANTITY, value_number=Decimal(n), value_unit="GPU")

    assert agreement(quantity("2000"), quantity("2048")) == Agreement.CORROBORATION
    assert agreement(quantity("2000"), quantity("2200")) == Agreement.CONFLICT
    assert agreement(quantity("2000"), quantity("2200"), tolerance="0.10") == (
        Agreement.CORROBORATION
    )
    assert agreement(quantity("2000"), quantity("2048"), tolerance="0") == Agreement.CONFLICT
    # Units are folded: "GPUs" and "gpu" are one unit.
    plural = row(ValueKind.QUANTITY, value_number=Decimal("2000"), value_unit="GPUs")
    assert agreement(quantity("2000"), plural) == Agreement.CORROBORATION


def test_counts_compare_whatever_noun_names_what_they_count() -> None:
    # One subject and property: "23", "23 buts" and "23 goals" count the same goals.
    def count(n: str, noun: str):
        return row(ValueKind.QUANTITY, value_number=Decimal(n), value_unit=noun)

    assert agreement(count("23", ""), count("23", "buts")) == Agreement.CORROBORATION
    assert agreement(count("23", "goals"), count("21", "buts")) == Agreement.CONFLICT
    assert agreement(count("140", "people"), count("140", "employee")) == (Agreement.CORROBORATION)
    # A unit of measure sets a scale: hectares and square kilometres are not one unit.
    assert agreement(count("12000", "hectare"), count("120", "square kilometre")) == (
        Agreement.NOT_COMPARABLE
    )
    assert agreement(count("12000", "hectare"), count("12000", "")) == Agreement.NOT_COMPARABLE


def test_percentages_and_durations_use_the_tolerance_too() -> None:
    def percent(n: str):
        return row(ValueKind.PERCENTAGE, value_number=Decimal(n), value_unit="%")

    assert agreement(percent("96"), percent("95")) == Agreement.CORROBORATION
    assert agreement(percent("96"), percent("50")) == Agreement.CONFLICT
    hours = row(ValueKind.DURATION, value_number=Decimal("19"), value_unit="hour")
    minutes = row(ValueKind.DURATION, value_number=Decimal("1140"), value_unit="minutes")
    days = row(ValueKind.DURATION, value_number=Decimal("2"), value_unit="day")
    assert agreement(hours, minutes) == Agreement.CORROBORATION
    assert agreement(hours, days) == Agreement.CONFLICT


def test_money_compares_only_in_one_currency_per_the_same_unit() -> None:
    assert agreement(money("0.14"), money("0.55")) == Agreement.CONFLICT
    assert agreement(money("0.55"), money("0.55")) == Agreement.CORROBORATION
    # The same figure in another currency, or per another quantity, is not agreement.
    assert agreement(money("0.55"), money("0.55", currency="EUR")) == Agreement.NOT_COMPARABLE
    assert agreement(money("0.55"), money("0.55", per="1000")) == Agreement.NOT_COMPARABLE
    assert agreement(money("0.55"), money("0.55", unit="image")) == Agreement.NOT_COMPARABLE
    # A conflict among the comparable values is still a conflict.
    euros = money("0.50", currency="EUR")
    assert agreement(money("0.14"), money("0.55"), euros) == Agreement.CONFLICT


def sourced(*rows_and_sources) -> str:
    """How these values compare when each is stated by the given articles."""
    rows, sources = [], {}
    for index, (value, stated_by) in enumerate(rows_and_sources, start=1):
        rows.append(value._replace(pk=index))
        sources[index] = frozenset(stated_by)
    return disputes.compare(rows, sources_of=disputes.sources_lookup(sources)).agreement


def test_sources_disagree_not_values() -> None:
    may, y2021 = date(2023, 5, precision="month"), date(2021, precision="year")
    # Two articles, two founding dates: a conflict.
    assert sourced((may, {"A"}), (y2021, {"B"})) == Agreement.CONFLICT
    # One article giving the total and the active part contradicts nobody...
    total = row(ValueKind.QUANTITY, value_number=Decimal("671"), value_unit="parameter")
    active = row(ValueKind.QUANTITY, value_number=Decimal("37"), value_unit="parameter")
    assert sourced((total, {"A"}), (active, {"A"})) == Agreement.NOT_COMPARABLE
    # ...and another article stating only one of them agrees with it.
    assert sourced((total, {"A"}), (active, {"A"}), (total, {"B"})) == Agreement.CORROBORATION
    # Unless it also states a third value the first article does not.
    other = row(ValueKind.QUANTITY, value_number=Decimal("500"), value_unit="parameter")
    assert (
        sourced((total, {"A"}), (active, {"A"}), (total, {"B"}), (other, {"B"}))
        == Agreement.CONFLICT
    )


def test_agreement_in_one_currency_stands_beside_another_currency() -> None:
    # EUR agrees across two articles; a USD conversion in one of them is no conflict.
    assert (
        sourced(
            (money("12.55", "EUR", per=None, unit=""), {"A"}),
            (money("12.55", "EUR", per=None, unit=""), {"B"}),
            (money("13", "USD", per=None, unit=""), {"A"}),
        )
        == Agreement.CORROBORATION
    )


def test_a_claim_in_two_articles_is_stated_by_both() -> None:
    y2021, may = date(2021, precision="year"), date(2023, 5, precision="month")
    assert sourced((y2021, {"A", "B"}), (may, {"B"})) == Agreement.CORROBORATION
    assert sourced((y2021, {"A", "B"}), (may, {"C"})) == Agreement.CONFLICT


def test_ranks_compare_exactly() -> None:
    def rank(n: int):
        return row(ValueKind.RANK, value_number=Decimal(n))

    assert agreement(rank(3), rank(3)) == Agreement.CORROBORATION
    assert agreement(rank(3), rank(4)) == Agreement.CONFLICT


def test_texts_compare_without_case_or_accents() -> None:
    def text(value: str):
        return row(ValueKind.TEXT, value_text=value)

    assert agreement(text("Chine"), text("chine")) == Agreement.CORROBORATION
    assert agreement(text("surpasse ChatGPT"), text("surpassé  ChatGPT")) == (
        Agreement.CORROBORATION
    )
    assert agreement(text("Chine"), text("États-Unis")) == Agreement.CONFLICT


def test_values_that_cannot_be_compared_are_never_agreement() -> None:
    assert agreement(date(2021, precision="year"), row(ValueKind.TEXT, value_text="2021")) == (
        Agreement.NOT_COMPARABLE
    )
    # A figure without its number has no structured value to compare.
    missing = row(ValueKind.QUANTITY, value_text="beaucoup")
    full = row(ValueKind.QUANTITY, value_number=Decimal(5))
    assert agreement(full, missing) == Agreement.NOT_COMPARABLE


def test_clusters_hold_the_claims_that_agree() -> None:
    rows = [money("0.14", per="1000000")._replace(pk=n) for n in (1, 2)]
    rows.append(money("0.55")._replace(pk=3))
    comparison = disputes.compare(rows)
    assert sorted(sorted(c.pk for c in cluster.claims) for cluster in comparison.clusters) == [
        [1, 2],
        [3],
    ]


# --- the DeepSeek case --------------------------------------------------------------------


def group(subject: str, property_code: str) -> Dispute:
    return Dispute.objects.get(subject__name=subject, property__code=property_code)


@pytest.fixture
def detected(deepseek) -> None:
    """The demo case with its disputes: fixture loading skips signals."""
    disputes.refresh_all()


def test_deepseek_conflicts_are_detected(detected) -> None:
    founding = group("DeepSeek", "founding-date")
    price = group("DeepSeek-R1", "price-per-unit")
    assert (founding.agreement, founding.status, founding.claim_count) == (
        Agreement.CONFLICT,
        DisputeStatus.OPEN,
        2,
    )
    assert (price.agreement, price.claim_count) == (Agreement.CONFLICT, 2)
    open_conflicts = Dispute.objects.open_conflicts()
    assert set(open_conflicts.values_list("pk", flat=True)) == {founding.pk, price.pk}


def test_deepseek_china_data_location_is_corroboration(detected) -> None:
    location = group("DeepSeek", "data-location")
    assert location.agreement == Agreement.CORROBORATION
    assert location.claim_count == 2
    # "surpasse ChatGPT" and "surpassé ChatGPT": one value, two sources.
    assert group("DeepSeek-R1", "benchmark-standing").agreement == Agreement.CORROBORATION


def test_r1_and_o1_prices_are_not_a_dispute(detected) -> None:
    o1 = Subject.objects.get(name="OpenAI o1")
    assert not Dispute.objects.filter(subject=o1).exists()
    price = group("DeepSeek-R1", "price-per-unit")
    values = set(
        Claim.objects.filter(subject=price.subject, property=price.property).values_list(
            "value_text", flat=True
        )
    )
    assert values == {"0,14 $", "0,55 $"}
    assert Dispute.objects.count() == 4


def test_refresh_all_is_idempotent_and_removes_stale_rows(detected) -> None:
    assert disputes.refresh_all() == disputes.Refreshed(0, 0, 0)
    founder = Claim.objects.get(statement="DeepSeek was founded by Liang Wenfeng.")
    stale = Dispute.objects.create(
        subject=founder.subject, property=founder.property, agreement=Agreement.CONFLICT
    )
    assert disputes.refresh_all() == disputes.Refreshed(0, 0, 1)
    assert not Dispute.objects.filter(pk=stale.pk).exists()


# --- detection on save, and its cost ------------------------------------------------------


def dated_claim(subject: Subject, year: int, month: int | None = None, **fields) -> Claim:
    return make_claim(
        subject=subject,
        value_kind=ValueKind.DATE,
        value_text=str(year),
        value_date=datetime.date(year, month or 1, 1),
        value_date_precision="month" if month else "year",
        **fields,
    )


def test_adding_editing_and_deleting_claims_updates_the_dispute() -> None:
    subject = make_subject("Exemple")
    first = dated_claim(subject, 2019)
    assert not Dispute.objects.exists()

    second = dated_claim(subject, 2019, 5)
    dispute = Dispute.objects.get()
    assert (dispute.agreement, dispute.claim_count) == (Agreement.CORROBORATION, 2)

    second.value_date = datetime.date(2020, 5, 1)
    second.save(update_fields=["value_date"])
    dispute.refresh_from_db()
    assert dispute.agreement == Agreement.CONFLICT

    # Saving fields a comparison does not read leaves the dispute alone.
    second.status = "in_research"
    second.save(update_fields=["status"])

    first.delete()
    assert not Dispute.objects.exists()


def test_a_claim_moved_to_another_subject_leaves_its_old_group() -> None:
    old, new = make_subject("Old"), make_subject("New")
    dated_claim(old, 2019)
    moving = dated_claim(old, 2021)
    dated_claim(new, 2019)
    assert Dispute.objects.get().subject == old

    moving.subject = new
    moving.save()
    dispute = Dispute.objects.get()
    assert (dispute.subject, dispute.agreement) == (new, Agreement.CONFLICT)


@pytest.mark.parametrize("size", [2, 40])
def test_refreshing_a_group_costs_the_same_whatever_its_size(
    django_assert_num_queries, size
) -> None:
    subject = make_subject()
    claims = [dated_claim(subject, 2000 + n % 2, source=make_source()) for n in range(size)]
    # Savepoint in and out, the dispute (locked), the group's claims and their
    # articles; no write, since nothing changed.
    with django_assert_num_queries(5):
        disputes.refresh_group(subject.pk, claims[0].property_id)


@pytest.mark.parametrize("groups", [3, 30])
def test_refresh_all_query_count_does_not_grow_with_the_groups(
    django_assert_num_queries, groups
) -> None:
    source = make_source()
    for n in range(groups):
        subject = make_subject()
        dated_claim(subject, 2019, source=source)
        dated_claim(subject, 2019 + n % 2, source=source)
    Dispute.objects.all().delete()
    # Savepoint in and out, the existing disputes, every claim and every
    # appearance (two ordered, streamed queries), one INSERT for all the new
    # disputes and one for their history.
    with django_assert_num_queries(7):
        assert disputes.refresh_all().created == groups
    assert Dispute.objects.count() == groups


# --- resolving ----------------------------------------------------------------------------


@pytest.fixture
def founding(detected) -> Dispute:
    return group("DeepSeek", "founding-date")


def founding_claims() -> tuple[Claim, Claim]:
    may = Claim.objects.get(statement="DeepSeek was founded in May 2023.")
    y2021 = Claim.objects.get(statement="DeepSeek was founded in 2021.")
    return may, y2021


def resolve(dispute: Dispute, proposer, editor, **choice) -> DisputeResolution:
    """Propose a resolution and have another person confirm it, as the rule wants."""
    choice.setdefault("note", "Registry.")
    proposal = disputes.propose_resolution(dispute, by=proposer, **choice)
    return disputes.confirm_resolution(proposal, by=editor)


def test_marking_a_value_supported_ranks_the_claims_and_records_it(
    founding, reviewer, editor
) -> None:
    may, y2021 = founding_claims()
    proposal = disputes.propose_resolution(
        founding, by=reviewer, claim=may, note="Incorporated in July 2023 (registry)."
    )
    # Proposed only: nothing is ranked until an editor confirms.
    founding.refresh_from_db()
    assert founding.status == DisputeStatus.OPEN
    assert set(Claim.objects.values_list("value_rank", flat=True)) == {ValueRank.NORMAL}

    disputes.confirm_resolution(proposal, by=editor, comment="Agreed.")
    founding.refresh_from_db()
    assert founding.status == DisputeStatus.RESOLVED
    assert founding.agreement == Agreement.CONFLICT
    assert founding.resolved_by == editor
    assert founding.resolution_note == "Incorporated in July 2023 (registry)."
    may.refresh_from_db()
    y2021.refresh_from_db()
    assert (may.value_rank, y2021.value_rank) == (ValueRank.PREFERRED, ValueRank.SUPERSEDED)
    assert (may.version, y2021.version) == (2, 2)
    for claim in (may, y2021):
        event = claim.events.get(kind=EventKind.DISPUTE_RESOLVED)
        assert event.actor == editor
        assert event.data["proposed_by"] == reviewer.username
        assert event.data["note"] == "Incorporated in July 2023 (registry)."
        assert event.data["supported_claim"] == may.pk
    proposal.refresh_from_db()
    assert (proposal.status, proposal.reviewed_by, proposal.review_comment) == (
        ResolutionStatus.CONFIRMED,
        editor,
        "Agreed.",
    )
    # Superseded, not deleted; and no longer an open conflict.
    assert Claim.objects.filter(pk=y2021.pk).exists()
    assert not Dispute.objects.open_conflicts().filter(pk=founding.pk).exists()


def test_claims_agreeing_with_the_supported_value_are_preferred_too(
    founding, reviewer, editor
) -> None:
    may, y2021 = founding_claims()
    also_2023 = dated_claim(may.subject, 2023)
    resolve(founding, reviewer, editor, claim=may)
    ranks = dict(
        Claim.objects.filter(subject=may.subject, property=may.property).values_list(
            "pk", "value_rank"
        )
    )
    assert ranks == {
        may.pk: ValueRank.PREFERRED,
        also_2023.pk: ValueRank.PREFERRED,
        y2021.pk: ValueRank.SUPERSEDED,
    }


def test_recording_an_established_value_supersedes_every_claim(founding, reviewer, editor) -> None:
    resolve(founding, reviewer, editor, value="July 2023", note="Registry extract.")
    founding.refresh_from_db()
    assert (founding.status, founding.established_value) == (DisputeStatus.RESOLVED, "July 2023")
    claims = Claim.objects.filter(subject=founding.subject, property=founding.property)
    assert set(claims.values_list("value_rank", flat=True)) == {ValueRank.SUPERSEDED}
    assert ClaimEvent.objects.filter(kind=EventKind.DISPUTE_RESOLVED).count() == 2


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (
            lambda d, by, c: disputes.propose_resolution(d, by=by, claim=c, note="  "),
            "Cite the evidence that shows this value, or say why in a note.",
        ),
        (
            lambda d, by, c: disputes.propose_resolution(d, by=by, value="", note="Registry."),
            "Choose the value the evidence supports",
        ),
        (
            lambda d, by, c: disputes.propose_resolution(
                d, by=by, claim=c, value="July 2023", note="Registry."
            ),
            "Choose the value the evidence supports",
        ),
        (
            lambda d, by, c: disputes.propose_resolution(
                d, by=by, claim=Claim.objects.get(statement__startswith="OpenAI charges"), note="x"
            ),
            "not part of this dispute",
        ),
    ],
    ids=["no evidence nor note", "no value", "two values", "claim of another dispute"],
)
def test_bad_resolutions_are_refused_and_change_nothing(
    founding, reviewer, action, message
) -> None:
    may, _ = founding_claims()
    with pytest.raises(InvalidTransition, match=message):
        action(founding, reviewer, may)
    founding.refresh_from_db()
    assert founding.status == DisputeStatus.OPEN
    assert not DisputeResolution.objects.exists()
    assert set(Claim.objects.values_list("value_rank", flat=True)) == {ValueRank.NORMAL}
    assert not ClaimEvent.objects.filter(kind=EventKind.DISPUTE_RESOLVED).exists()


def test_corroborations_cannot_be_resolved(detected, reviewer) -> None:
    location = group("DeepSeek", "data-location")
    claim = Claim.objects.filter(subject=location.subject, property=location.property).first()
    with pytest.raises(InvalidTransition, match="agree"):
        disputes.propose_resolution(location, by=reviewer, claim=claim, note="Both right.")


def test_only_reviewers_resolve(founding, outsider) -> None:
    may, _ = founding_claims()
    with pytest.raises(NotAllowed):
        disputes.propose_resolution(founding, by=outsider, claim=may, note="Registry.")


# --- the four-eyes rule --------------------------------------------------------------------


def registry_evidence(claim: Claim, by, stance: str) -> Evidence:
    return workflow.add_evidence(
        claim, by=by, stance=stance, url="https://registry.example.org/deepseek", title="Registry"
    )


def test_a_resolution_may_cite_evidence_instead_of_a_note(founding, reviewer, editor) -> None:
    may, y2021 = founding_claims()
    supports = registry_evidence(may, reviewer, Stance.SUPPORTS)
    refutes = registry_evidence(y2021, reviewer, Stance.REFUTES)
    proposal = disputes.propose_resolution(
        founding, by=reviewer, claim=may, evidence=[supports, refutes]
    )
    assert set(proposal.evidence.all()) == {supports, refutes}
    disputes.confirm_resolution(proposal, by=editor)
    event = may.events.get(kind=EventKind.DISPUTE_RESOLVED)
    assert event.data["note"] == "Evidence: Registry; Registry"
    assert sorted(event.data["evidence"]) == sorted([supports.pk, refutes.pk])


@pytest.mark.parametrize(
    ("stance", "on", "message"),
    [
        (Stance.SUPPORTS, "2021", "supports a value this resolution supersedes"),
        (Stance.REFUTES, "may", "refutes the value this resolution prefers"),
    ],
)
def test_evidence_that_contradicts_the_resolution_is_refused(
    founding, reviewer, stance, on, message
) -> None:
    may, y2021 = founding_claims()
    evidence = registry_evidence(may if on == "may" else y2021, reviewer, stance)
    with pytest.raises(InvalidTransition, match=message):
        disputes.propose_resolution(founding, by=reviewer, claim=may, evidence=[evidence])
    assert not DisputeResolution.objects.exists()


def test_evidence_of_another_claim_cannot_be_cited(founding, reviewer) -> None:
    may, _ = founding_claims()
    elsewhere = registry_evidence(
        Claim.objects.get(statement__startswith="OpenAI charges"), reviewer, Stance.SUPPORTS
    )
    with pytest.raises(InvalidTransition, match="evidence for another claim"):
        disputes.propose_resolution(founding, by=reviewer, claim=may, evidence=[elsewhere])


def test_the_proposer_cannot_confirm_their_own_resolution(founding, editor, second_editor):
    may, _ = founding_claims()
    proposal = disputes.propose_resolution(founding, by=editor, claim=may, note="Registry.")
    assert not disputes.can_confirm(proposal, editor)
    with pytest.raises(NotAllowed, match="four-eyes"):
        disputes.confirm_resolution(proposal, by=editor)
    founding.refresh_from_db()
    assert founding.status == DisputeStatus.OPEN
    assert disputes.can_confirm(proposal, second_editor)
    disputes.confirm_resolution(proposal, by=second_editor)
    founding.refresh_from_db()
    assert (founding.status, founding.resolved_by) == (DisputeStatus.RESOLVED, second_editor)


def test_only_an_editor_confirms(founding, reviewer) -> None:
    may, _ = founding_claims()
    other = User.objects.create_user("rob")
    other.groups.add(Group.objects.get(name=REVIEWER))
    proposal = disputes.propose_resolution(founding, by=reviewer, claim=may, note="Registry.")
    with pytest.raises(NotAllowed, match="Only editors"):
        disputes.confirm_resolution(proposal, by=other)


def test_the_database_holds_the_four_eyes_rule(founding, reviewer) -> None:
    may, _ = founding_claims()
    proposal = disputes.propose_resolution(founding, by=reviewer, claim=may, note="Registry.")
    with pytest.raises(IntegrityError), transaction.atomic():
        DisputeResolution.objects.filter(pk=proposal.pk).update(
            status=ResolutionStatus.CONFIRMED, reviewed_by=reviewer, reviewed_at=timezone.now()
        )


def test_a_resolution_sent_back_ranks_nothing_and_tells_its_proposer(
    founding, reviewer, editor
) -> None:
    may, _ = founding_claims()
    proposal = disputes.propose_resolution(founding, by=reviewer, claim=may, note="Registry.")
    with pytest.raises(InvalidTransition, match="Say what is missing"):
        disputes.send_back_resolution(proposal, by=editor, comment=" ")
    disputes.send_back_resolution(proposal, by=editor, comment="Which registry?")
    proposal.refresh_from_db()
    assert proposal.status == ResolutionStatus.SENT_BACK
    founding.refresh_from_db()
    assert founding.status == DisputeStatus.OPEN
    assert set(Claim.objects.values_list("value_rank", flat=True)) == {ValueRank.NORMAL}
    notification = Notification.objects.get(recipient=reviewer)
    assert notification.kind == NotificationKind.RESOLUTION_SENT_BACK
    assert notification.data["comment"] == "Which registry?"
    # Decided: it cannot be confirmed afterwards.
    with pytest.raises(InvalidTransition, match="no longer waiting"):
        disputes.confirm_resolution(proposal, by=editor)


def test_a_new_proposal_withdraws_the_one_waiting(founding, reviewer, editor) -> None:
    may, y2021 = founding_claims()
    first = disputes.propose_resolution(founding, by=reviewer, claim=may, note="Registry.")
    second = disputes.propose_resolution(founding, by=editor, claim=y2021, note="Interview.")
    first.refresh_from_db()
    assert first.status == ResolutionStatus.WITHDRAWN
    assert disputes.pending_resolution(founding) == second
    with pytest.raises(InvalidTransition):
        disputes.confirm_resolution(first, by=editor)


def test_confirming_tells_the_proposer(founding, reviewer, editor) -> None:
    may, _ = founding_claims()
    resolve(founding, reviewer, editor, claim=may)
    notification = Notification.objects.get(recipient=reviewer)
    assert (notification.kind, notification.dispute) == (
        NotificationKind.RESOLUTION_CONFIRMED,
        founding,
    )
    assert notification.target_url() == f"/disputes/{founding.pk}/"


def test_superseded_claims_do_not_reopen_a_resolved_dispute(founding, reviewer, editor) -> None:
    may, y2021 = founding_claims()
    resolve(founding, reviewer, editor, claim=may)

    # Editing the superseded claim, or adding one that agrees, keeps it resolved.
    y2021.value_text = "en 2021"
    y2021.save(update_fields=["value_text"])
    dated_claim(may.subject, 2023, 5)
    founding.refresh_from_db()
    assert founding.status == DisputeStatus.RESOLVED

    # A new claim contradicting the preferred value reopens it.
    dated_claim(may.subject, 2016)
    founding.refresh_from_db()
    assert (founding.status, founding.agreement) == (DisputeStatus.OPEN, Agreement.CONFLICT)


def test_refresh_all_reopens_what_a_bulk_import_contradicts(founding, reviewer, editor) -> None:
    may, _ = founding_claims()
    resolve(founding, reviewer, editor, claim=may)
    # bulk_create sends no signal: only refresh_all sees the new claim.
    Claim.objects.bulk_create(
        [
            Claim(
                statement="DeepSeek was founded in 2016.",
                subject=may.subject,
                property=may.property,
                value_kind=ValueKind.DATE,
                value_text="2016",
                value_date=datetime.date(2016, 1, 1),
                value_date_precision="year",
            )
        ]
    )
    assert disputes.refresh_all() == disputes.Refreshed(0, 1, 0)
    founding.refresh_from_db()
    assert (founding.status, founding.claim_count) == (DisputeStatus.OPEN, 3)


def test_tolerance_changes_the_comparison(reviewer) -> None:
    subject = make_subject()
    for count in ("2000", "2048"):
        make_claim(
            subject=subject,
            property_code="gpu-count",
            value_kind=ValueKind.QUANTITY,
            value_text=count,
            value_number=Decimal(count),
            value_unit="GPU",
        )
    dispute = Dispute.objects.get()
    assert dispute.agreement == Agreement.CORROBORATION

    dispute = disputes.set_tolerance(dispute, by=reviewer, tolerance=Decimal("0.01"))
    assert (dispute.tolerance, dispute.agreement) == (Decimal("0.0100"), Agreement.CONFLICT)
    with pytest.raises(InvalidTransition, match="between 0 and 50"):
        disputes.set_tolerance(dispute, by=reviewer, tolerance=Decimal("2"))
    dispute.refresh_from_db()
    assert dispute.tolerance == Decimal("0.0100")


# --- the pages ----------------------------------------------------------------------------


def page_urls(dispute: Dispute) -> list[str]:
    return [reverse("dispute_list"), dispute.get_absolute_url()]


def test_anonymous_visitors_are_sent_to_log_in(client, founding) -> None:
    for url in [*page_urls(founding), reverse("dispute_resolve", args=[founding.pk])]:
        response = client.get(url) if "resolve" not in url else client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_accounts_without_a_role_are_refused(client, founding, outsider) -> None:
    client.force_login(outsider)
    for url in page_urls(founding):
        assert client.get(url).status_code == 403
    response = client.post(
        reverse("dispute_resolve", args=[founding.pk]), {"supported": "other", "note": "x"}
    )
    assert response.status_code == 403


def test_reviewers_see_the_pages(client, founding, reviewer) -> None:
    client.force_login(reviewer)
    for url in page_urls(founding):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["dispute_resolve", "dispute_tolerance"])
def test_changes_reject_get(client, founding, reviewer, name) -> None:
    client.force_login(reviewer)
    assert client.get(reverse(name, args=[founding.pk])).status_code == 405


def test_list_shows_the_open_conflicts(client, detected, reviewer) -> None:
    client.force_login(reviewer)
    response = client.get(reverse("dispute_list"))
    assert "DeepSeek · founding date" in response.text
    assert "DeepSeek-R1 · price" in response.text
    assert "mai 2023" in response.text and "0,55 $" in response.text
    assert "data location" not in response.text


@pytest.mark.parametrize(
    ("show", "expected"),
    [
        ("corroboration", {"DeepSeek · data location", "DeepSeek-R1 · benchmark standing"}),
        ("not_comparable", set()),
        ("resolved", set()),
        ("all", {"founding date", "price", "data location", "benchmark standing"}),
    ],
)
def test_list_filter(client, detected, reviewer, show, expected) -> None:
    client.force_login(reviewer)
    response = client.get(reverse("dispute_list"), {"show": show})
    heads = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', response.text)
    assert len(heads) == len(expected)
    for label in expected:
        assert any(label in head for head in heads)


def test_list_htmx_renders_the_same_partial(client, detected, reviewer) -> None:
    client.force_login(reviewer)
    full = client.get(reverse("dispute_list"))
    partial = client.get(reverse("dispute_list"), headers={"HX-Request": "true"})
    assert "<html" not in partial.text
    assert partial.text.strip().startswith('<section id="disputes"')
    assert partial.text.strip() in full.text


@pytest.mark.parametrize("groups", [2, 20])
def test_list_query_count_stays_flat(client, reviewer, django_assert_num_queries, groups) -> None:
    for n in range(groups):
        subject = make_subject()
        # Two articles that disagree: a conflict on the list.
        dated_claim(subject, 2019, source=make_source())
        dated_claim(subject, 2020 + n, source=make_source())
    client.force_login(reviewer)
    # session, user, the user's groups (roles), the paginator's count, one page
    # of disputes with subject and property, and every row's values in one query,
    # the header's unread notifications.
    with django_assert_num_queries(7):
        response = client.get(reverse("dispute_list"))
    assert response.text.count('<th scope="row">') == groups


def test_detail_shows_the_values_side_by_side(client, founding, reviewer) -> None:
    may, y2021 = founding_claims()
    Evidence.objects.create(
        claim=may,
        url="https://registry.example.cn/deepseek",
        title="Company registry extract",
        excerpt="Registered on 17 July 2023.",
        stance="refutes",
        added_by=reviewer,
    )
    client.force_login(reviewer)
    response = client.get(founding.get_absolute_url())
    text = response.text
    assert f'<th scope="col" id="value-{may.pk}">mai 2023</th>' in text
    assert f'<th scope="col" id="value-{y2021.pk}">2021</th>' in text
    # Each quote, marked in the paragraph around it.
    assert "<mark>Fondée par Liang Wenfeng en mai 2023, DeepSeek</mark>" in text
    assert "<mark>Fondée en 2021, DeepSeek</mark>" in text
    assert "s’illustre par son modèle R1" in text
    for claim in (may, y2021):
        source = claim.appearances.get().source
        assert source.get_absolute_url() in text
    assert "Company registry extract" in text
    assert 'class="badge stance-refutes"' in text
    assert 'id="resolve-form"' in text


@pytest.mark.parametrize("n", [3, 20])
def test_detail_query_count_does_not_grow_with_the_claims(
    client, reviewer, django_assert_num_queries, n
) -> None:
    subject = make_subject()
    source = make_source()
    for year in range(2000, 2000 + n):
        claim = dated_claim(subject, year, source=source)
        Evidence.objects.create(
            claim=claim, stance=Stance.SUPPORTS, source=source, title=f"Registry {year}"
        )
    dispute = Dispute.objects.get()
    disputes.propose_resolution(
        dispute, by=reviewer, claim=Claim.objects.order_by("pk").first(), note="Registry."
    )
    client.force_login(reviewer)
    # session, user, groups, the dispute, its claims' values, the quotes' labels
    # (articles' names and dates) of the claims drawn, offered or compared, the
    # table's claims, their quotes with the articles, their evidence with sources;
    # its resolutions with who proposed and reviewed them, the evidence they cite,
    # the header's unread notifications.
    with django_assert_num_queries(12):
        response = client.get(dispute.get_absolute_url())
    text = response.text
    # Every claim drawn, every value group offered (each year is one); the table
    # compares a few, and offers their evidence to cite.
    assert text.count('class="mark mark-band') == n
    assert text.count('name="supported"') == n + 1
    assert text.count('name="evidence"') == min(n, COMPARED)
    assert len(response.context["compared"]) == min(n, COMPARED)


@pytest.mark.parametrize("n", [30, 300])
def test_a_crowded_dispute_costs_the_same_queries_and_markup_at_any_size(
    client, reviewer, django_assert_num_queries, n
) -> None:
    # 300 claims: past plots.MAX_MARKS, the plot draws bins.
    dispute = make_crowded_dispute(n)
    disputes.propose_resolution(
        dispute, by=reviewer, claim=Claim.objects.order_by("pk").first(), note="Registry."
    )
    client.force_login(reviewer)
    # As above: the same twelve queries for 30 claims as for 300.
    with django_assert_num_queries(12):
        response = client.get(dispute.get_absolute_url())
    text = response.text
    binned = n > plots.MAX_MARKS
    # Two values (2019 for three claims in five, 2021): one mark per claim, or per value.
    assert text.count('class="mark mark-band') == (2 if binned else n)
    if binned:
        assert re.findall(r'data-count="(\d+)"', text) == [str(n * 3 // 5), str(n * 2 // 5)]
        assert f"{n} claims, too many to draw one by one" in text
    # A choice per value group, not per claim; the evidence of the claims compared.
    assert text.count('name="supported"') == 3
    assert text.count('name="evidence"') == COMPARED
    assert text.count('scope="col" id="value-') == COMPARED
    assert f"and {n - COMPARED} more claims" in text
    assert len(text) < 60_000


def test_the_table_compares_the_latest_of_each_value_and_links_to_the_rest(
    client, reviewer
) -> None:
    dispute = make_crowded_dispute(30)
    claims = list(Claim.objects.filter(subject=dispute.subject).order_by("pk"))
    client.force_login(reviewer)
    page = client.get(dispute.get_absolute_url()).text
    # Of the 18 claims saying 2019 (group A) and the 12 saying 2021 (B), the latest four
    # of each, by group.
    columns = [int(pk) for pk in re.findall(r'scope="col" id="value-(\d+)"', page)]
    in_2019 = [c.pk for c in claims if c.value_text == "2019"]
    in_2021 = [c.pk for c in claims if c.value_text == "2021"]
    assert columns == sorted(in_2019[-4:]) + sorted(in_2021[-4:])
    assert "The latest claims of each value group: 8 of 30." in page
    link = f'<a href="{reverse("claim_list")}?dispute={dispute.pk}">and 22 more claims</a>'
    assert link in page
    # The claims list, filtered to the dispute: all 30 of them, and only them.
    listed = client.get(reverse("claim_list"), {"dispute": dispute.pk})
    assert "30 claims" in listed.text
    assert f"In the disagreement “{dispute}”" in html_text(listed)
    shown = {int(pk) for pk in re.findall(r'href="/claims/(\d+)/"', listed.text)}
    assert shown == {c.pk for c in claims}


def test_a_value_group_is_chosen_and_its_claims_preferred(client, reviewer, editor) -> None:
    dispute = make_crowded_dispute(30)
    claims = Claim.objects.filter(subject=dispute.subject)
    first_2021 = claims.filter(value_text="2021").order_by("pk").first()
    client.force_login(reviewer)
    page = client.get(dispute.get_absolute_url()).text
    # One radio per value group: its first claim stands for it.
    assert f'name="supported" value="{first_2021.pk}"' in page
    assert "12 claims" in page and "18 claims" in page
    shown = Evidence.objects.filter(claim__value_text="2021").order_by("-claim_id").first()
    for_2019 = Evidence.objects.filter(claim__value_text="2019").order_by("-claim_id").first()
    url = reverse("dispute_resolve", args=[dispute.pk])
    # Evidence supporting the other value: refused, nothing proposed.
    refused = client.post(url, {"supported": str(first_2021.pk), "evidence": [str(for_2019.pk)]})
    assert "supports a value this resolution supersedes" in html_text(refused)
    assert not DisputeResolution.objects.exists()
    client.post(url, {"supported": str(first_2021.pk), "evidence": [str(shown.pk)]})
    proposal = DisputeResolution.objects.get()
    disputes.confirm_resolution(proposal, by=editor)
    assert set(claims.filter(value_text="2021").values_list("value_rank", flat=True)) == {
        ValueRank.PREFERRED
    }
    assert set(claims.filter(value_text="2019").values_list("value_rank", flat=True)) == {
        ValueRank.SUPERSEDED
    }


def test_detail_htmx_renders_the_same_partial(client, founding, reviewer) -> None:
    client.force_login(reviewer)
    full = client.get(founding.get_absolute_url())
    partial = client.get(founding.get_absolute_url(), headers={"HX-Request": "true"})
    assert partial.text.strip().startswith('<div id="dispute">')
    assert unmask_csrf(partial.text.strip()) in unmask_csrf(full.text)


def unmask_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', html)


def test_resolving_from_the_page_takes_two_people(client, founding, reviewer, editor) -> None:
    may, y2021 = founding_claims()
    evidence = workflow.add_evidence(
        y2021, by=reviewer, stance=Stance.SUPPORTS, url="https://example.org/a", title="Interview"
    )
    client.force_login(reviewer)
    response = client.post(
        reverse("dispute_resolve", args=[founding.pk]),
        {"supported": str(y2021.pk), "evidence": [str(evidence.pk)]},
        follow=True,
    )
    assert response.redirect_chain == [(founding.get_absolute_url(), 302)]
    assert "Resolution proposed. An editor other than you must confirm it." in response.text
    assert "You proposed this resolution: another editor must confirm it." in response.text
    proposal = DisputeResolution.objects.get()
    assert list(proposal.evidence.all()) == [evidence]
    y2021.refresh_from_db()
    assert y2021.value_rank == ValueRank.NORMAL
    # The proposer, even an editor, has no confirm button; another editor has.
    confirm = reverse("resolution_confirm", args=[founding.pk, proposal.pk])
    assert confirm not in response.text
    assert client.post(confirm).status_code == 403

    client.force_login(editor)
    page = client.get(founding.get_absolute_url()).text
    assert confirm in page and "Interview" in page
    response = client.post(confirm, {"comment": "Agreed."}, follow=True)
    assert "Dispute resolved" in response.text
    assert "Confirmed by" in response.text
    y2021.refresh_from_db()
    assert y2021.value_rank == ValueRank.PREFERRED
    assert may.events.filter(kind=EventKind.DISPUTE_RESOLVED).exists()


def test_sending_back_from_the_page_needs_a_comment(client, founding, reviewer, editor) -> None:
    may, _ = founding_claims()
    proposal = disputes.propose_resolution(founding, by=reviewer, claim=may, note="Registry.")
    client.force_login(editor)
    url = reverse("resolution_send_back", args=[founding.pk, proposal.pk])
    refused = client.post(url, {"comment": ""}, headers={"HX-Request": "true"})
    assert refused.status_code == 200
    assert "Say what is missing when you send a resolution back." in refused.text
    proposal.refresh_from_db()
    assert proposal.status == ResolutionStatus.PROPOSED
    response = client.post(url, {"comment": "Which registry?"}, follow=True)
    assert "Resolution sent back to its proposer." in response.text
    assert "eddie sent back rita's proposed resolution:" in html_text(response)
    assert "Which registry?" in response.text


def html_text(response) -> str:
    import html

    return html.unescape(response.text)


def test_resolving_with_htmx_answers_with_the_partial(client, founding, reviewer, editor) -> None:
    client.force_login(reviewer)
    response = client.post(
        reverse("dispute_resolve", args=[founding.pk]),
        {"supported": "other", "established_value": "July 2023", "note": "Registry extract."},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.text.strip().startswith('<div id="dispute">')
    assert "July 2023" in response.text and 'id="pending-resolution"' in response.text
    proposal = DisputeResolution.objects.get()
    client.force_login(editor)
    response = client.post(
        reverse("resolution_confirm", args=[founding.pk, proposal.pk]),
        {"comment": ""},
        headers={"HX-Request": "true"},
    )
    assert response.text.strip().startswith('<div id="dispute">')
    founding.refresh_from_db()
    assert founding.status == DisputeStatus.RESOLVED


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (
            {"supported": "1"},
            "Cite the evidence that shows this value, or say why in a note.",
        ),
        ({"note": "Registry."}, "Choose the value the evidence supports"),
        ({"supported": "other", "note": "Registry."}, "Give the value the evidence establishes"),
        ({"supported": "abc", "note": "Registry."}, "Choose one of the values listed"),
        ({"supported": "999999", "note": "Registry."}, "not part of this dispute"),
    ],
)
def test_bad_input_gives_a_clear_message_and_changes_nothing(
    client, founding, reviewer, form, message
) -> None:
    client.force_login(reviewer)
    for headers in ({}, {"HX-Request": "true"}):
        response = client.post(
            reverse("dispute_resolve", args=[founding.pk]), form, headers=headers
        )
        assert response.status_code == 200
        assert message in response.text
    founding.refresh_from_db()
    assert founding.status == DisputeStatus.OPEN
    assert set(Claim.objects.values_list("value_rank", flat=True)) == {ValueRank.NORMAL}
    assert not ClaimEvent.objects.filter(kind=EventKind.DISPUTE_RESOLVED).exists()
    assert not DisputeResolution.objects.exists()


def test_tolerance_from_the_page(client, detected, reviewer) -> None:
    price = group("DeepSeek-R1", "price-per-unit")
    client.force_login(reviewer)
    page = client.get(price.get_absolute_url())
    assert 'id="tolerance-form"' in page.text
    response = client.post(reverse("dispute_tolerance", args=[price.pk]), {"percent": "80"})
    assert "Ensure this value is less than or equal to 50" in response.text
    response = client.post(reverse("dispute_tolerance", args=[price.pk]), {"percent": "2.5"})
    assert response.status_code == 302
    price.refresh_from_db()
    assert price.tolerance == Decimal("0.0250")
    # Dates have no tolerance to set.
    founding = group("DeepSeek", "founding-date")
    assert 'id="tolerance-form"' not in client.get(founding.get_absolute_url()).text


def test_value_groups_and_the_claims_set_side_by_side() -> None:
    rows = [date(2019, precision="year")._replace(pk=pk) for pk in range(1, 7)]
    rows += [date(2021, precision="year")._replace(pk=pk, value_text="2021") for pk in (7, 8)]
    rows += [row("text", value_text="")._replace(pk=9)]
    groups = disputes.value_groups(disputes.compare(rows))
    assert [(g.label, g.count, g.first.pk) for g in groups] == [
        ("A", 6, 1),
        ("B", 2, 7),
        ("", 1, 9),
    ]
    assert groups[1].wordings == ["2021"]
    # The latest of each group first, in turn, so that each value is compared.
    assert [c.pk for c in disputes.representatives(groups, 5)] == [6, 8, 9, 5, 7]
    assert [c.pk for c in disputes.representatives(groups, 2)] == [6, 8]


def test_the_form_offers_the_largest_value_groups_and_the_preferred_one() -> None:
    rows = [row("rank", value_number=Decimal(n % 5 + 1))._replace(pk=n) for n in range(1, 51)]
    rows += [row("rank", value_number=Decimal(9), value_rank=ValueRank.PREFERRED)._replace(pk=51)]
    groups = disputes.value_groups(disputes.compare(rows))
    offered, left_out = disputes.groups_to_offer(groups, 3)
    # Six groups: the five ranks of ten claims each, and the preferred 9 of one claim.
    assert left_out == 3
    assert [g.count for g in offered] == [10, 10, 1]
    assert offered[-1].rank == ValueRank.PREFERRED
    assert disputes.groups_to_offer(groups, 6) == ([g for g in groups if g.label], 0)


def test_a_crowded_dispute_in_french(client, reviewer) -> None:
    dispute = make_crowded_dispute(300)
    client.force_login(reviewer)
    page = html_text(client.get(dispute.get_absolute_url(), headers={"accept-language": "fr"}))
    assert "300 affirmations, trop pour les dessiner une à une" in page
    assert "180 affirmations" in page and "groupe A" in page
    assert "Les dernières affirmations de chaque groupe de valeurs\u00a0: 8 sur 300." in page
    assert "et 292 autres affirmations" in page
    listed = client.get(
        reverse("claim_list"), {"dispute": dispute.pk}, headers={"accept-language": "fr"}
    )
    assert f"Dans le désaccord «\u00a0{dispute.subject} · " in html_text(listed)
