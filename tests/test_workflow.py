"""The review workflow's rules, tested without HTTP: transitions, roles, the trace they leave."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims import workflow
from claims.choices import ClaimStatus, Rating, Stance
from claims.models import Claim, ClaimEvent, Comment, EventKind, Evidence, Verdict, VerdictStatus
from tests.factories import make_claim, make_source

pytestmark = pytest.mark.django_db

EVIDENCE_URL = "https://example.org/registre"


# --- helpers ----------------------------------------------------------------------


def fresh(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


def event_kinds(claim: Claim) -> list[str]:
    return list(claim.events.order_by("pk").values_list("kind", flat=True))


def state(claim: Claim) -> dict:
    """Everything a refused action must leave as it was."""
    claim = fresh(claim)
    return {
        "claim": (
            claim.status,
            claim.not_checkable_reason,
            claim.rating,
            claim.assignee_id,
            claim.version,
        ),
        "events": list(claim.events.values_list("pk", "kind", "data")),
        "evidence": list(
            claim.evidence.values_list("pk", "stance", "url", "title", "excerpt", "note", "version")
        ),
        "verdicts": list(
            claim.verdicts.values_list("pk", "status", "rating", "rationale", "reviewed_by")
        ),
        "comments": list(Comment.objects.filter(claim=claim).values_list("pk", "body")),
    }


def with_status(status: str, **fields) -> Claim:
    """A claim put straight into a status, as a test's starting point."""
    claim = make_claim()
    reason = "An opinion, not a fact." if status == ClaimStatus.NOT_CHECKABLE else ""
    Claim.objects.filter(pk=claim.pk).update(status=status, not_checkable_reason=reason, **fields)
    return fresh(claim)


def add_evidence(claim: Claim, by, **fields) -> Evidence:
    fields.setdefault("stance", Stance.SUPPORTS)
    fields.setdefault("url", EVIDENCE_URL)
    fields.setdefault("title", "Registre du commerce")
    fields.setdefault("excerpt", "Immatriculée le 17 juillet 2023.")
    return workflow.add_evidence(claim, by=by, **fields)


def propose(claim: Claim, by, rating: str = Rating.FALSE) -> Verdict:
    return workflow.propose_verdict(
        claim, by=by, rating=rating, rationale="The registry says 2023, not 2019."
    )


def published_claim(reviewer, editor, rating: str = Rating.FALSE) -> tuple[Claim, Verdict]:
    claim = make_claim()
    verdict = propose(claim, reviewer, rating)
    workflow.approve_verdict(verdict, by=editor)
    verdict.refresh_from_db()
    return fresh(claim), verdict


# --- the happy path ------------------------------------------------------------------


def test_a_claim_goes_from_new_to_published(reviewer, editor) -> None:
    claim = make_claim()
    assert claim.status == ClaimStatus.NEW

    claim = workflow.start_research(claim, by=reviewer)
    assert fresh(claim).status == ClaimStatus.IN_RESEARCH

    verdict = propose(claim, reviewer, Rating.MOSTLY_FALSE)
    assert fresh(claim).status == ClaimStatus.VERDICT_PROPOSED
    assert verdict.status == VerdictStatus.PROPOSED

    workflow.approve_verdict(verdict, by=editor, comment="  Checked the registry too.  ")
    claim = fresh(claim)
    verdict.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert claim.rating == Rating.MOSTLY_FALSE
    assert verdict.status == VerdictStatus.APPROVED
    assert verdict.reviewed_by == editor
    assert verdict.reviewed_at is not None
    assert verdict.review_comment == "Checked the registry too."
    assert event_kinds(claim) == [
        EventKind.STATUS_CHANGED,
        EventKind.VERDICT_PROPOSED,
        EventKind.VERDICT_APPROVED,
    ]


def test_each_action_bumps_the_claim_version(reviewer, editor) -> None:
    claim = make_claim()
    versions = [fresh(claim).version]
    workflow.start_research(claim, by=reviewer)
    versions.append(fresh(claim).version)
    verdict = propose(claim, reviewer)
    versions.append(fresh(claim).version)
    workflow.approve_verdict(verdict, by=editor)
    versions.append(fresh(claim).version)
    assert versions == sorted(set(versions))
    assert len(versions) == 4


# --- moves by hand -----------------------------------------------------------------

ALL_STATUSES = list(ClaimStatus.values)
ALLOWED_BY_HAND = {
    (ClaimStatus.NEW, ClaimStatus.IN_RESEARCH),
    (ClaimStatus.NEW, ClaimStatus.NOT_CHECKABLE),
    (ClaimStatus.IN_RESEARCH, ClaimStatus.NEW),
    (ClaimStatus.IN_RESEARCH, ClaimStatus.NOT_CHECKABLE),
    (ClaimStatus.NOT_CHECKABLE, ClaimStatus.NEW),
    (ClaimStatus.NOT_CHECKABLE, ClaimStatus.IN_RESEARCH),
}


@pytest.mark.parametrize(
    ("old", "new"), sorted(ALLOWED_BY_HAND), ids=lambda s: str(s).replace("_", "-")
)
def test_allowed_moves_by_hand(reviewer, old, new) -> None:
    claim = with_status(old)
    workflow.change_status(claim, by=reviewer, status=new, reason="Opinion, not a fact.")
    claim = fresh(claim)
    assert claim.status == new
    event = claim.events.get()
    assert event.kind == EventKind.STATUS_CHANGED
    assert event.actor == reviewer
    assert event.data["old"] == old
    assert event.data["new"] == new


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (old, new)
        for old in ALL_STATUSES
        for new in [*ALL_STATUSES, "bogus"]
        if old != new and (old, new) not in ALLOWED_BY_HAND
    ],
    ids=lambda s: str(s).replace("_", "-"),
)
def test_every_other_move_by_hand_is_refused_and_changes_nothing(reviewer, old, new) -> None:
    claim = with_status(old)
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.change_status(claim, by=reviewer, status=new, reason="Opinion, not a fact.")
    assert state(claim) == before


def test_allowed_statuses_offers_only_the_moves_by_hand() -> None:
    for status in ALL_STATUSES:
        claim = with_status(status)
        expected = sorted(new for old, new in ALLOWED_BY_HAND if old == status)
        assert workflow.allowed_statuses(claim) == expected


def test_moving_to_the_same_status_is_a_no_op(reviewer) -> None:
    claim = with_status(ClaimStatus.IN_RESEARCH)
    before = state(claim)
    workflow.change_status(claim, by=reviewer, status=ClaimStatus.IN_RESEARCH)
    assert state(claim) == before


# --- not checkable -----------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_not_checkable_needs_a_reason(reviewer, reason) -> None:
    claim = make_claim()
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition, match="not checkable"):
        workflow.mark_not_checkable(claim, by=reviewer, reason=reason)
    assert state(claim) == before


def test_not_checkable_keeps_its_reason_until_moved_back(reviewer) -> None:
    claim = make_claim()
    workflow.mark_not_checkable(claim, by=reviewer, reason="  A forecast, not a fact.  ")
    claim = fresh(claim)
    assert claim.status == ClaimStatus.NOT_CHECKABLE
    assert claim.not_checkable_reason == "A forecast, not a fact."
    assert claim.events.get().data["reason"] == "A forecast, not a fact."

    workflow.start_research(claim, by=reviewer)
    claim = fresh(claim)
    assert claim.status == ClaimStatus.IN_RESEARCH
    assert claim.not_checkable_reason == ""


def test_the_database_refuses_not_checkable_without_a_reason() -> None:
    claim = make_claim()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.NOT_CHECKABLE)


def test_a_not_checkable_claim_takes_no_evidence_or_verdict(reviewer) -> None:
    claim = with_status(ClaimStatus.NOT_CHECKABLE)
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        add_evidence(claim, reviewer)
    with pytest.raises(workflow.InvalidTransition):
        propose(claim, reviewer)
    assert state(claim) == before


# --- published is locked; only an editor reopens, with a reason ---------------------


def test_a_published_claim_is_locked(reviewer, editor, second_editor) -> None:
    claim, verdict = published_claim(reviewer, editor)
    evidence = Evidence.objects.create(
        claim=claim, stance=Stance.SUPPORTS, url=EVIDENCE_URL, added_by=reviewer
    )
    removed = ClaimEvent.objects.create(
        claim=claim,
        kind=EventKind.EVIDENCE_REMOVED,
        data={"stance": Stance.REFUTES, "url": EVIDENCE_URL, "added_by": reviewer.pk},
    )
    before = state(claim)
    attempts = [
        lambda: add_evidence(claim, reviewer),
        lambda: workflow.update_evidence(evidence, by=reviewer, note="late"),
        lambda: workflow.remove_evidence(evidence, by=reviewer),
        lambda: workflow.restore_evidence(removed, by=reviewer),
        lambda: propose(claim, reviewer, Rating.TRUE),
        lambda: propose(claim, second_editor, Rating.TRUE),
        lambda: workflow.change_status(claim, by=editor, status=ClaimStatus.IN_RESEARCH),
        lambda: workflow.approve_verdict(verdict, by=second_editor),
    ]
    for attempt in attempts:
        with pytest.raises(workflow.InvalidTransition):
            attempt()
    assert state(claim) == before


def test_an_editor_reopens_a_published_claim_with_a_reason(reviewer, editor) -> None:
    claim, verdict = published_claim(reviewer, editor, Rating.FALSE)
    workflow.reopen(claim, by=editor, reason="  A new document dates the founding.  ")
    claim = fresh(claim)
    assert claim.status == ClaimStatus.IN_RESEARCH
    event = claim.events.order_by("pk").last()
    assert event.kind == EventKind.REOPENED
    assert event.actor == editor
    assert event.data == {"reason": "A new document dates the founding.", "rating": Rating.FALSE}
    # The published verdict stays in the history as it was.
    verdict.refresh_from_db()
    assert verdict.status == VerdictStatus.APPROVED
    # ...and the claim can be worked on again.
    add_evidence(claim, reviewer)


def test_a_reviewer_cannot_reopen(reviewer, editor) -> None:
    claim, _verdict = published_claim(reviewer, editor)
    before = state(claim)
    with pytest.raises(workflow.NotAllowed):
        workflow.reopen(claim, by=reviewer, reason="I found something.")
    assert state(claim) == before


@pytest.mark.parametrize("reason", ["", "  "])
def test_reopening_needs_a_written_reason(reviewer, editor, reason) -> None:
    claim, _verdict = published_claim(reviewer, editor)
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.reopen(claim, by=editor, reason=reason)
    assert state(claim) == before


@pytest.mark.parametrize(
    "status",
    [ClaimStatus.NEW, ClaimStatus.IN_RESEARCH, ClaimStatus.VERDICT_PROPOSED],
)
def test_only_a_published_claim_can_be_reopened(editor, status) -> None:
    claim = with_status(status)
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.reopen(claim, by=editor, reason="Why not.")
    assert state(claim) == before


# --- four eyes -------------------------------------------------------------------------


def test_an_editor_cannot_approve_a_verdict_they_wrote(editor, second_editor) -> None:
    claim = make_claim()
    verdict = propose(claim, editor)
    assert not workflow.can_approve(verdict, editor)
    assert workflow.can_approve(verdict, second_editor)
    before = state(claim)
    with pytest.raises(workflow.NotAllowed, match="four-eyes"):
        workflow.approve_verdict(verdict, by=editor)
    with pytest.raises(workflow.NotAllowed, match="four-eyes"):
        workflow.send_back_verdict(verdict, by=editor, comment="Not sure myself.")
    assert state(claim) == before

    workflow.approve_verdict(verdict, by=second_editor)
    assert fresh(claim).status == ClaimStatus.PUBLISHED


def test_the_database_holds_the_four_eyes_rule(editor) -> None:
    claim = make_claim()
    verdict = propose(claim, editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.filter(pk=verdict.pk).update(
            status=VerdictStatus.APPROVED, reviewed_by=editor, reviewed_at=timezone.now()
        )
    verdict.refresh_from_db()
    assert verdict.status == VerdictStatus.PROPOSED
    assert verdict.reviewed_by is None


def test_the_database_refuses_an_approved_verdict_without_a_reviewer(editor) -> None:
    claim = make_claim()
    verdict = propose(claim, editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.filter(pk=verdict.pk).update(status=VerdictStatus.APPROVED)


# --- who may do what ----------------------------------------------------------------


def test_a_reviewer_researches_adds_evidence_and_proposes(reviewer) -> None:
    claim = make_claim()
    workflow.start_research(claim, by=reviewer)
    workflow.assign(claim, by=reviewer, assignee=reviewer)
    evidence = add_evidence(claim, reviewer)
    workflow.update_evidence(evidence, by=reviewer, note="Seen in the registry.")
    workflow.add_comment(claim, by=reviewer, body="Registry checked.")
    propose(claim, reviewer)
    claim = fresh(claim)
    assert claim.status == ClaimStatus.VERDICT_PROPOSED
    assert claim.assignee == reviewer


def test_a_reviewer_can_neither_approve_nor_send_back(reviewer, editor) -> None:
    claim = make_claim()
    verdict = propose(claim, editor)
    assert not workflow.can_approve(verdict, reviewer)
    before = state(claim)
    with pytest.raises(workflow.NotAllowed):
        workflow.approve_verdict(verdict, by=reviewer)
    with pytest.raises(workflow.NotAllowed):
        workflow.send_back_verdict(verdict, by=reviewer, comment="Needs another source.")
    # Who may act comes before what they wrote: no comment is still "not allowed".
    with pytest.raises(workflow.NotAllowed):
        workflow.send_back_verdict(verdict, by=reviewer, comment="")
    assert state(claim) == before


def test_a_superuser_counts_as_an_editor(reviewer, django_user_model) -> None:
    admin = django_user_model.objects.create_superuser("root", password="x")
    claim = make_claim()
    verdict = propose(claim, reviewer)
    workflow.approve_verdict(verdict, by=admin)
    assert fresh(claim).status == ClaimStatus.PUBLISHED


def _outsider_attempts(claim: Claim, evidence: Evidence, removed: ClaimEvent, user):
    return {
        "change_status": lambda: workflow.start_research(claim, by=user),
        "mark_not_checkable": lambda: workflow.mark_not_checkable(claim, by=user, reason="No."),
        "assign": lambda: workflow.assign(claim, by=user, assignee=None),
        "bulk_assign": lambda: workflow.bulk_assign([claim], by=user, assignee=None),
        "bulk_change_status": lambda: workflow.bulk_change_status(
            [claim], by=user, status=ClaimStatus.IN_RESEARCH
        ),
        "add_evidence": lambda: add_evidence(claim, user),
        "update_evidence": lambda: workflow.update_evidence(evidence, by=user, note="x"),
        "remove_evidence": lambda: workflow.remove_evidence(evidence, by=user),
        "restore_evidence": lambda: workflow.restore_evidence(removed, by=user),
        "propose_verdict": lambda: propose(claim, user),
        "add_comment": lambda: workflow.add_comment(claim, by=user, body="Hello"),
    }


@pytest.mark.parametrize(
    "action",
    [
        "change_status",
        "mark_not_checkable",
        "assign",
        "bulk_assign",
        "bulk_change_status",
        "add_evidence",
        "update_evidence",
        "remove_evidence",
        "restore_evidence",
        "propose_verdict",
        "add_comment",
    ],
)
def test_someone_without_a_role_can_do_nothing(reviewer, outsider, action) -> None:
    claim = make_claim()
    evidence = add_evidence(claim, reviewer)
    other = add_evidence(claim, reviewer, title="Second")
    removed = workflow.remove_evidence(other, by=reviewer)
    workflow.assign(claim, by=reviewer, assignee=reviewer)
    before = state(claim)
    with pytest.raises(workflow.NotAllowed):
        _outsider_attempts(claim, evidence, removed, outsider)[action]()
    assert state(claim) == before


def test_claims_are_assigned_only_to_reviewers_and_editors(reviewer, editor, outsider) -> None:
    claim = make_claim()
    before = state(claim)
    with pytest.raises(workflow.NotAllowed):
        workflow.assign(claim, by=editor, assignee=outsider)
    assert state(claim) == before

    workflow.assign(claim, by=editor, assignee=reviewer)
    workflow.assign(claim, by=editor, assignee=reviewer)  # the same again: no new event
    workflow.assign(claim, by=editor, assignee=None)
    assert fresh(claim).assignee is None
    assert [e.data for e in claim.events.order_by("pk")] == [
        {"old": "", "new": "rita"},
        {"old": "rita", "new": ""},
    ]


# --- verdicts: proposing again, sending back, append-only ------------------------------


def test_proposing_again_withdraws_the_pending_verdict_but_keeps_it(reviewer) -> None:
    claim = make_claim()
    first = workflow.propose_verdict(
        claim, by=reviewer, rating=Rating.FALSE, rationale="First reading."
    )
    second = workflow.propose_verdict(
        claim, by=reviewer, rating=Rating.MOSTLY_FALSE, rationale="Second reading."
    )
    first.refresh_from_db()
    assert first.status == VerdictStatus.WITHDRAWN
    # Withdrawn, not overwritten: the earlier row still says what it said.
    assert (first.rating, first.rationale) == (Rating.FALSE, "First reading.")
    assert second.pk != first.pk
    assert workflow.pending_verdict(claim) == second
    assert claim.verdicts.count() == 2
    assert claim.verdicts.filter(status=VerdictStatus.PROPOSED).get() == second
    assert fresh(claim).rating == Rating.MOSTLY_FALSE


def test_a_withdrawn_verdict_cannot_be_approved(reviewer, editor) -> None:
    claim = make_claim()
    first = propose(claim, reviewer, Rating.FALSE)
    propose(claim, reviewer, Rating.TRUE)
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.approve_verdict(first, by=editor)
    assert state(claim) == before


def test_an_approved_verdict_cannot_be_approved_again(reviewer, editor, second_editor) -> None:
    claim, verdict = published_claim(reviewer, editor)
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.approve_verdict(verdict, by=second_editor)
    with pytest.raises(workflow.InvalidTransition):
        workflow.send_back_verdict(verdict, by=second_editor, comment="Too late.")
    assert state(claim) == before


def test_verdicts_are_appended_never_rewritten(reviewer, editor) -> None:
    claim, first = published_claim(reviewer, editor, Rating.FALSE)
    snapshot = Verdict.objects.filter(pk=first.pk).values().get()
    workflow.reopen(claim, by=editor, reason="New registry extract.")
    second = workflow.propose_verdict(
        claim, by=reviewer, rating=Rating.MOSTLY_FALSE, rationale="The extract is ambiguous."
    )
    workflow.approve_verdict(second, by=editor)
    assert Verdict.objects.filter(pk=first.pk).values().get() == snapshot
    assert list(claim.verdicts.values_list("pk", "status")) == [
        (second.pk, VerdictStatus.APPROVED),
        (first.pk, VerdictStatus.APPROVED),
    ]
    assert fresh(claim).rating == Rating.MOSTLY_FALSE


@pytest.mark.parametrize(
    ("rating", "rationale"),
    [("bogus", "Because."), ("", "Because."), (Rating.FALSE, ""), (Rating.FALSE, "   ")],
)
def test_a_verdict_needs_a_rating_from_the_scale_and_a_rationale(
    reviewer, rating, rationale
) -> None:
    claim = with_status(ClaimStatus.IN_RESEARCH)
    earlier = propose(claim, reviewer)
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.propose_verdict(claim, by=reviewer, rating=rating, rationale=rationale)
    assert state(claim) == before
    assert workflow.pending_verdict(claim) == earlier


def test_sending_back_returns_the_claim_to_research(reviewer, editor) -> None:
    claim = make_claim()
    verdict = propose(claim, reviewer, Rating.FALSE)
    workflow.send_back_verdict(verdict, by=editor, comment="  Cite the registry.  ")
    verdict.refresh_from_db()
    claim = fresh(claim)
    assert verdict.status == VerdictStatus.SENT_BACK
    assert verdict.reviewed_by == editor
    assert verdict.review_comment == "Cite the registry."
    assert claim.status == ClaimStatus.IN_RESEARCH
    assert claim.rating == ""
    assert claim.events.order_by("pk").last().data == {
        "verdict": verdict.pk,
        "comment": "Cite the registry.",
    }


@pytest.mark.parametrize("comment", ["", "  "])
def test_sending_back_needs_a_comment(reviewer, editor, comment) -> None:
    claim = make_claim()
    verdict = propose(claim, reviewer)
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.send_back_verdict(verdict, by=editor, comment=comment)
    assert state(claim) == before


# --- Claim.rating follows the current verdict ------------------------------------------


def test_claim_rating_follows_the_current_verdict(reviewer, editor, second_editor) -> None:
    claim = make_claim()
    assert fresh(claim).rating == ""
    propose(claim, reviewer, Rating.FALSE)
    assert fresh(claim).rating == Rating.FALSE
    verdict = propose(claim, reviewer, Rating.MISLEADING)
    assert fresh(claim).rating == Rating.MISLEADING
    workflow.approve_verdict(verdict, by=editor)
    assert fresh(claim).rating == Rating.MISLEADING
    # Reopened, the published verdict still stands until another replaces it.
    workflow.reopen(claim, by=editor, reason="A reader sent a correction.")
    assert fresh(claim).rating == Rating.MISLEADING
    newer = propose(claim, reviewer, Rating.TRUE)
    assert fresh(claim).rating == Rating.TRUE
    # Sending the newer proposal back leaves the published verdict current again.
    workflow.send_back_verdict(newer, by=second_editor, comment="Not convinced.")
    assert fresh(claim).rating == Rating.MISLEADING


# --- evidence ----------------------------------------------------------------------------


def test_adding_evidence_records_it_and_starts_research(reviewer) -> None:
    claim = make_claim()
    evidence = add_evidence(claim, reviewer, note="Official source.")
    assert evidence.claim_id == claim.pk
    assert evidence.added_by == reviewer
    assert fresh(claim).status == ClaimStatus.IN_RESEARCH
    status_event, added = claim.events.order_by("pk")
    assert status_event.kind == EventKind.STATUS_CHANGED
    assert added.kind == EventKind.EVIDENCE_ADDED
    assert added.data["evidence"] == evidence.pk
    assert added.data["excerpt"] == "Immatriculée le 17 juillet 2023."


def test_evidence_can_cite_a_source_instead_of_a_url(reviewer) -> None:
    claim = make_claim()
    document = make_source(title="Registre")
    evidence = add_evidence(claim, reviewer, url="", source=document, excerpt="fondée en 2019")
    assert evidence.source == document
    # The excerpt of a source is anchored in its text, like a quote.
    assert document.text[evidence.excerpt_start : evidence.excerpt_end] == "fondée en 2019"


@pytest.mark.parametrize(
    "fields",
    [{"stance": "bogus"}, {"stance": ""}, {"url": ""}],
    ids=["unknown stance", "no stance", "neither source nor url"],
)
def test_invalid_evidence_is_refused(reviewer, fields) -> None:
    claim = make_claim()
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        add_evidence(claim, reviewer, **fields)
    assert state(claim) == before


def test_updating_evidence_records_what_changed(reviewer) -> None:
    claim = with_status(ClaimStatus.IN_RESEARCH)
    evidence = add_evidence(claim, reviewer)
    updated = workflow.update_evidence(
        evidence, by=reviewer, expected_version=1, stance=Stance.REFUTES, note="Dated 2023."
    )
    assert updated.version == 2
    evidence.refresh_from_db()
    assert (evidence.stance, evidence.note, evidence.version) == (Stance.REFUTES, "Dated 2023.", 2)
    event = claim.events.order_by("pk").last()
    assert event.kind == EventKind.EVIDENCE_CHANGED
    assert event.data == {
        "evidence": evidence.pk,
        "changes": {"stance": [Stance.SUPPORTS, Stance.REFUTES], "note": ["", "Dated 2023."]},
    }


def test_updating_evidence_with_a_stale_version_changes_nothing(reviewer, editor) -> None:
    claim = with_status(ClaimStatus.IN_RESEARCH)
    evidence = add_evidence(claim, reviewer)
    workflow.update_evidence(evidence, by=editor, expected_version=1, note="Editor's note.")
    before = state(claim)
    with pytest.raises(workflow.StaleEdit) as raised:
        workflow.update_evidence(evidence, by=reviewer, expected_version=1, note="Reviewer's note.")
    assert raised.value.current.version == 2
    assert raised.value.current.note == "Editor's note."
    assert state(claim) == before


def test_saving_unchanged_evidence_writes_nothing(reviewer) -> None:
    claim = with_status(ClaimStatus.IN_RESEARCH)
    evidence = add_evidence(claim, reviewer)
    before = state(claim)
    workflow.update_evidence(evidence, by=reviewer, expected_version=1, note="")
    assert state(claim) == before


def test_updating_evidence_checks_the_result(reviewer) -> None:
    claim = with_status(ClaimStatus.IN_RESEARCH)
    evidence = add_evidence(claim, reviewer)
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.update_evidence(evidence, by=reviewer, url="")
    with pytest.raises(ValueError, match="not evidence fields"):
        workflow.update_evidence(evidence, by=reviewer, added_by=None)
    assert state(claim) == before


def test_removed_evidence_can_be_restored_once(reviewer, editor) -> None:
    claim = with_status(ClaimStatus.IN_RESEARCH)
    evidence = add_evidence(claim, reviewer, note="Official.")
    event = workflow.remove_evidence(evidence, by=editor)
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert event.kind == EventKind.EVIDENCE_REMOVED
    assert event.actor == editor
    assert event.data["excerpt"] == "Immatriculée le 17 juillet 2023."

    restored = workflow.restore_evidence(event, by=reviewer)
    assert (restored.stance, restored.url, restored.title, restored.excerpt, restored.note) == (
        Stance.SUPPORTS,
        EVIDENCE_URL,
        "Registre du commerce",
        "Immatriculée le 17 juillet 2023.",
        "Official.",
    )
    # Whoever restores it, the evidence is still credited to whoever found it.
    assert restored.added_by == reviewer
    event.refresh_from_db()
    assert event.data["restored_as"] == restored.pk
    assert claim.events.order_by("pk").last().kind == EventKind.EVIDENCE_RESTORED

    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.restore_evidence(event, by=reviewer)
    # A second copy of the same timeline entry, loaded before the first restore.
    stale_copy = ClaimEvent.objects.get(pk=event.pk)
    stale_copy.data = {k: v for k, v in stale_copy.data.items() if k != "restored_as"}
    with pytest.raises(workflow.InvalidTransition):
        workflow.restore_evidence(stale_copy, by=reviewer)
    assert state(claim) == before


def test_removing_evidence_keeps_its_latest_version(reviewer, editor) -> None:
    claim = with_status(ClaimStatus.IN_RESEARCH)
    evidence = add_evidence(claim, reviewer)
    loaded_earlier = Evidence.objects.get(pk=evidence.pk)
    workflow.update_evidence(evidence, by=editor, excerpt="Corrected excerpt.")
    event = workflow.remove_evidence(loaded_earlier, by=reviewer)
    assert event.data["excerpt"] == "Corrected excerpt."
    assert workflow.restore_evidence(event, by=reviewer).excerpt == "Corrected excerpt."


def test_only_removed_evidence_can_be_restored(reviewer) -> None:
    claim = make_claim()
    add_evidence(claim, reviewer)
    not_a_removal = claim.events.order_by("pk").last()
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.restore_evidence(not_a_removal, by=reviewer)
    assert state(claim) == before


def test_evidence_whose_source_is_gone_is_not_restored(reviewer) -> None:
    claim = with_status(ClaimStatus.IN_RESEARCH)
    document = make_source(title="Registre")
    evidence = add_evidence(claim, reviewer, url="", source=document, excerpt="à Lyon")
    event = workflow.remove_evidence(evidence, by=reviewer)
    document.delete()
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.restore_evidence(event, by=reviewer)
    assert state(claim) == before


# --- bulk actions: all or nothing ------------------------------------------------------


def test_bulk_assign_assigns_every_claim(reviewer, editor) -> None:
    claims = [make_claim() for _ in range(3)]
    assert workflow.bulk_assign(claims, by=editor, assignee=reviewer) == 3
    assert {fresh(c).assignee_id for c in claims} == {reviewer.pk}
    assert all(event_kinds(c) == [EventKind.ASSIGNED] for c in claims)


def test_bulk_assign_to_someone_without_a_role_assigns_nothing(editor, outsider) -> None:
    claims = [make_claim() for _ in range(3)]
    before = [state(c) for c in claims]
    with pytest.raises(workflow.NotAllowed):
        workflow.bulk_assign(claims, by=editor, assignee=outsider)
    assert [state(c) for c in claims] == before


def test_bulk_assign_rolls_back_when_one_claim_fails(reviewer, editor) -> None:
    first, gone = make_claim(), make_claim()
    Claim.objects.filter(pk=gone.pk).delete()
    before = state(first)
    with pytest.raises(Claim.DoesNotExist):
        workflow.bulk_assign([first, gone], by=editor, assignee=reviewer)
    assert state(first) == before


def test_bulk_status_change_moves_every_claim(reviewer) -> None:
    claims = [make_claim() for _ in range(3)]
    assert workflow.bulk_change_status(claims, by=reviewer, status=ClaimStatus.IN_RESEARCH) == 3
    assert {fresh(c).status for c in claims} == {ClaimStatus.IN_RESEARCH}
    assert all(event_kinds(c) == [EventKind.STATUS_CHANGED] for c in claims)


def test_bulk_status_change_is_all_or_nothing(reviewer) -> None:
    movable = [make_claim(), make_claim()]
    locked = with_status(ClaimStatus.PUBLISHED)
    claims = [*movable, locked]
    before = [state(c) for c in claims]
    with pytest.raises(workflow.InvalidTransition):
        workflow.bulk_change_status(claims, by=reviewer, status=ClaimStatus.IN_RESEARCH)
    assert [state(c) for c in claims] == before


def test_bulk_not_checkable_needs_a_reason_for_all(reviewer) -> None:
    claims = [make_claim(), make_claim()]
    before = [state(c) for c in claims]
    with pytest.raises(workflow.InvalidTransition):
        workflow.bulk_change_status(claims, by=reviewer, status=ClaimStatus.NOT_CHECKABLE)
    assert [state(c) for c in claims] == before


# --- the timeline ---------------------------------------------------------------------


def _actions(reviewer, editor):
    """Each action on a claim ready for it, with the event kind it must write."""

    def status(claim):
        workflow.start_research(claim, by=reviewer)

    def assign(claim):
        workflow.assign(claim, by=reviewer, assignee=editor)

    def evidence_added(claim):
        Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.IN_RESEARCH)
        add_evidence(claim, reviewer)

    def evidence_changed(claim):
        evidence = Evidence.objects.create(
            claim=claim, stance=Stance.SUPPORTS, url=EVIDENCE_URL, added_by=reviewer
        )
        workflow.update_evidence(evidence, by=reviewer, note="changed")

    def evidence_removed(claim):
        evidence = Evidence.objects.create(
            claim=claim, stance=Stance.SUPPORTS, url=EVIDENCE_URL, added_by=reviewer
        )
        workflow.remove_evidence(evidence, by=reviewer)

    def evidence_restored(claim):
        event = ClaimEvent.objects.create(
            claim=claim,
            kind=EventKind.EVIDENCE_REMOVED,
            data={"stance": Stance.SUPPORTS, "url": EVIDENCE_URL},
        )
        workflow.restore_evidence(event, by=reviewer)

    def proposed(claim):
        propose(claim, reviewer)

    def approved(claim):
        verdict = Verdict.objects.create(
            claim=claim, rating=Rating.TRUE, rationale="Yes.", author=reviewer
        )
        Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.VERDICT_PROPOSED)
        workflow.approve_verdict(verdict, by=editor)

    def sent_back(claim):
        verdict = Verdict.objects.create(
            claim=claim, rating=Rating.TRUE, rationale="Yes.", author=reviewer
        )
        Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.VERDICT_PROPOSED)
        workflow.send_back_verdict(verdict, by=editor, comment="Source?")

    def reopened(claim):
        Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.PUBLISHED)
        workflow.reopen(claim, by=editor, reason="Correction.")

    def commented(claim):
        workflow.add_comment(claim, by=reviewer, body="Looked at it.")

    return {
        EventKind.STATUS_CHANGED: status,
        EventKind.ASSIGNED: assign,
        EventKind.EVIDENCE_ADDED: evidence_added,
        EventKind.EVIDENCE_CHANGED: evidence_changed,
        EventKind.EVIDENCE_REMOVED: evidence_removed,
        EventKind.EVIDENCE_RESTORED: evidence_restored,
        EventKind.VERDICT_PROPOSED: proposed,
        EventKind.VERDICT_APPROVED: approved,
        EventKind.VERDICT_SENT_BACK: sent_back,
        EventKind.REOPENED: reopened,
        EventKind.COMMENTED: commented,
    }


@pytest.mark.parametrize(
    "kind",
    [
        EventKind.STATUS_CHANGED,
        EventKind.ASSIGNED,
        EventKind.EVIDENCE_ADDED,
        EventKind.EVIDENCE_CHANGED,
        EventKind.EVIDENCE_REMOVED,
        EventKind.EVIDENCE_RESTORED,
        EventKind.VERDICT_PROPOSED,
        EventKind.VERDICT_APPROVED,
        EventKind.VERDICT_SENT_BACK,
        EventKind.REOPENED,
        EventKind.COMMENTED,
    ],
)
def test_every_action_writes_one_event_by_its_actor(reviewer, editor, kind) -> None:
    claim = make_claim()
    _actions(reviewer, editor)[kind](claim)
    event = claim.events.order_by("pk").last()
    assert event.kind == kind
    assert event.actor in (reviewer, editor)
    assert claim.events.filter(kind=kind).count() == 1


def test_comments_are_not_empty(reviewer) -> None:
    claim = make_claim()
    before = state(claim)
    with pytest.raises(workflow.InvalidTransition):
        workflow.add_comment(claim, by=reviewer, body="  \n ")
    assert state(claim) == before
    comment = workflow.add_comment(claim, by=reviewer, body=" Seen. ")
    assert comment.body == "Seen."
    assert claim.events.get().data == {"comment": comment.pk, "body": "Seen."}
