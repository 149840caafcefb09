"""The audit trail: every change to a claim and its parts, by any path, kept with its words."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from claims import disputes, workflow
from claims.choices import Stance
from claims.history import claim_history
from claims.models import Claim, Dispute, Evidence, Verdict
from tests.factories import make_claim
from tests.test_i18n import ENGLISH, FRENCH

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
    # then the names of what they point to: subjects, properties, people, sources (4),
    # and the header's unread notifications
    with django_assert_num_queries(14):
        assert client.get(reverse("claim_history", args=[claim.pk])).status_code == 200


def test_the_actor_of_a_workflow_action_is_the_author_of_its_history(reviewer, editor) -> None:
    claim = make_claim()
    verdict = workflow.propose_verdict(claim, by=reviewer, rating="true", rationale="Checked.")
    workflow.approve_verdict(verdict, by=editor)
    authors = list(verdict.history.order_by("history_date").values_list("history_user__username"))
    assert authors == [("rita",), ("eddie",)]
    assert claim.history.order_by("-history_date").first().history_user == editor


# --- names, not ids; local times; whole French phrases ---------------------------------

HISTORY_MOMENT = datetime.datetime(2026, 12, 4, 3, 8, 40, tzinfo=datetime.UTC)


def _history_page(client, claim, headers) -> str:
    return client.get(reverse("claim_history", args=[claim.pk]), **headers).text


def test_the_history_names_what_ids_point_to(client, reviewer, reviewed_case) -> None:
    changes = claim_history(reviewed_case)
    related = {
        (f.label, f.old, f.new)
        for c in changes
        for f in c.fields
        if f.label in {"subject", "property", "assignee", "created by", "author", "added by"}
        or f.label == "reviewed by"
    }
    assert ("subject", "DeepSeek", "High-Flyer") in related
    assert ("property", "founding date", "launch date") in related
    assert ("assignee", "", "eddie") in related
    assert ("reviewed by", "", "eddie") in related
    assert ("author", "", "rita") in related
    # No field anywhere shows a bare number where a record is pointed to.
    for change in changes:
        for item in change.fields:
            if item.label in {"subject", "property", "assignee", "author", "reviewed by"}:
                assert not item.new.isdigit() and not item.old.isdigit(), item

    client.force_login(reviewer)
    page = _history_page(client, reviewed_case, ENGLISH)
    assert "<del>DeepSeek</del> → <ins>High-Flyer</ins>" in page
    assert "<del>founding date</del> → <ins>launch date</ins>" in page
    assert not re.search(
        r"(Subject|Property|Assignee|Author)</span>: (<del>.*</del> → )?<ins>\d", page
    )
    assert "Claim changed" in page and "Evidence added" in page and "Verdict proposed" in page


def test_the_history_in_french_reads_as_french(
    client, reviewer, reviewed_case, compiled_catalogue
) -> None:
    client.force_login(reviewer)
    page = _history_page(client, reviewed_case, FRENCH)
    assert "<strong>Affirmation modifiée</strong>" in page
    assert "<strong>Élément de preuve ajouté</strong>" in page
    assert "Affirmation modification" not in page
    assert "<del>date de création</del> → <ins>date de lancement</ins>" in page
    assert '<span class="field-name">Sujet</span>\u00a0:' in page


def test_the_history_shows_local_times_with_month_names(
    client, reviewer, reviewed_case, compiled_catalogue, settings
) -> None:
    verdict = reviewed_case.verdicts.get(status="approved")
    Verdict.objects.filter(pk=verdict.pk).update(reviewed_at=HISTORY_MOMENT)
    Verdict.history.filter(id=verdict.pk, history_type="~").update(
        reviewed_at=HISTORY_MOMENT, history_date=HISTORY_MOMENT
    )
    client.force_login(reviewer)
    english = _history_page(client, reviewed_case, ENGLISH)
    # Europe/Paris is an hour ahead of UTC in December.
    assert '<time datetime="2026-12-04T04:08:40+01:00">4 Dec 2026, 04:08</time>' in english
    assert "<ins>4 Dec 2026, 04:08</ins>" in english
    assert "+00:00" not in english and "03:08" not in english
    assert "<ins>4 déc. 2026, 04:08</ins>" in _history_page(client, reviewed_case, FRENCH)

    settings.TIME_ZONE = "America/New_York"
    assert "<ins>3 Dec 2026, 22:08</ins>" in _history_page(client, reviewed_case, ENGLISH)
