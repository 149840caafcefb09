"""The audit trail: every change to a claim and its parts, by any path, kept with its words."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import disputes, workflow
from claims.choices import Stance
from claims.history import claim_history
from claims.models import Claim, Dispute, Evidence
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def test_every_part_of_a_claim_keeps_its_history(reviewer, editor) -> None:
    claim = make_claim(statement="Exemple was founded in 2019.")
    workflow.update_claim(
        claim, by=reviewer, expected_version=claim.version, statement="Founded in 2018."
    )
    evidence = workflow.add_evidence(
        claim, by=reviewer, stance=Stance.REFUTES, url="https://example.org/r", title="Registry"
    )
    evidence = workflow.update_evidence(
        evidence, by=reviewer, expected_version=evidence.version, note="Page 3."
    )
    workflow.remove_evidence(evidence, by=reviewer)
    verdict = workflow.propose_verdict(claim, by=reviewer, rating="false", rationale="Registry.")
    workflow.approve_verdict(verdict, by=editor)

    changes = claim_history(claim)
    kinds = {(c.what, c.kind) for c in changes}
    assert {("claim", "+"), ("claim", "~"), ("quote", "+")} <= kinds
    assert {("evidence", "+"), ("evidence", "~"), ("evidence", "-")} <= kinds
    assert {("verdict", "+"), ("verdict", "~")} <= kinds
    statement = next(
        f for c in changes if c.what == "claim" for f in c.fields if f.label == "statement"
    )
    assert (statement.old, statement.new) == ("Exemple was founded in 2019.", "Founded in 2018.")
    note = next(f for c in changes if c.what == "evidence" for f in c.fields if f.label == "note")
    assert (note.old, note.new) == ("", "Page 3.")


def test_a_change_made_outside_the_workflow_is_recorded_too(reviewer) -> None:
    claim = make_claim(value_text="2019")
    claim.value_text = "en 2019"  # as the admin would save it
    claim.save()
    change = next(c for c in claim_history(claim) if c.kind == "~")
    assert [(f.label, f.old, f.new) for f in change.fields] == [
        ("value as stated", "2019", "en 2019")
    ]


def test_dispute_detection_and_resolution_are_in_the_history(deepseek, reviewer, editor) -> None:
    dispute = Dispute.objects.get(subject__name="DeepSeek", property__code="founding-date")
    assert dispute.history.filter(history_type="+").exists()
    may = Claim.objects.get(statement="DeepSeek was founded in May 2023.")
    proposal = disputes.propose_resolution(
        dispute, by=reviewer, claim=may, note="Registry extract."
    )
    disputes.confirm_resolution(proposal, by=editor)
    assert dispute.history.filter(history_type="~", status="resolved").exists()
    ranked = Claim.history.filter(id=may.pk, value_rank="preferred").get()
    assert ranked.history_user == editor


def test_history_page_shows_who_changed_what(client, reviewer) -> None:
    claim = make_claim(statement="Before.")
    client.force_login(reviewer)
    data = {
        "statement": "After.",
        "subject": claim.subject.name,
        "property": claim.property_id,
        "value_text": "",
        "value_kind": claim.value_kind,
        "value_qualifier": claim.value_qualifier,
        "version": claim.version,
    }
    assert client.post(reverse("claim_edit", args=[claim.pk]), data).status_code == 302
    page = client.get(reverse("claim_history", args=[claim.pk]))
    assert page.status_code == 200
    assert "<del>Before.</del> → <ins>After.</ins>" in page.text
    assert "rita" in page.text


@pytest.mark.parametrize("edits", [1, 15])
def test_history_page_query_count_is_flat(client, reviewer, django_assert_num_queries, edits):
    claim = make_claim()
    evidence = workflow.add_evidence(
        claim, by=reviewer, stance=Stance.SUPPORTS, url="https://e.org"
    )
    for n in range(edits):
        evidence = workflow.update_evidence(
            Evidence.objects.get(pk=evidence.pk), by=reviewer, expected_version=None, note=str(n)
        )
    client.force_login(reviewer)
    # session, user, roles, the claim, then one query per kind of history record (5),
    # the header's unread notifications
    with django_assert_num_queries(10):
        assert client.get(reverse("claim_history", args=[claim.pk])).status_code == 200


def test_the_actor_of_a_workflow_action_is_the_author_of_its_history(reviewer, editor) -> None:
    claim = make_claim()
    verdict = workflow.propose_verdict(claim, by=reviewer, rating="true", rationale="Checked.")
    workflow.approve_verdict(verdict, by=editor)
    authors = list(verdict.history.order_by("history_date").values_list("history_user__username"))
    assert authors == [("rita",), ("eddie",)]
    assert claim.history.order_by("-history_date").first().history_user == editor
