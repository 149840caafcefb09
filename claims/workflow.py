"""The review workflow: what may happen to a claim, who may do it, and the trace it leaves.

Every action here is atomic, checks its rule and raises ``NotAllowed`` (wrong
person) or ``InvalidTransition`` (wrong moment) with a message a user can read,
and writes a ``ClaimEvent`` in the same transaction, so the timeline never
misses a step. Views, the admin and the API call these; none re-implements them.

    new ⇄ in research → verdict proposed → published
     ↘        ↘              ↘ (sent back) ↗      ↘ (reopened by an editor, with a reason)
      not checkable (with a reason)                in research
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from claims.audit import records_actor
from claims.choices import ClaimStatus, Rating, Stance
from claims.excerpts import ExcerptNotFound, find_excerpt
from claims.models import (
    VALUE_FIELDS,
    Claim,
    ClaimEvent,
    Comment,
    EventKind,
    Evidence,
    NotificationKind,
    Property,
    Source,
    Subject,
    Verdict,
    VerdictStatus,
)
from claims.notifications import notify
from claims.roles import is_editor, is_reviewer

User = AbstractBaseUser


class WorkflowError(Exception):
    """A rule said no. The message is written for the person who tried."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class NotAllowed(WorkflowError):
    """This person may not do this."""


class InvalidTransition(WorkflowError):
    """Nobody may do this to the claim as it stands now."""


class StaleEdit(WorkflowError):
    """Someone saved this record after the user opened it."""

    def __init__(self, message: str, *, current: Any) -> None:
        super().__init__(message)
        self.current = current


# propose_verdict's default: replace whatever verdict is waiting (for scripts).
ANY_PENDING = object()

# Moves a reviewer makes by hand. Proposing, approving, sending back and
# reopening have functions of their own because they carry more than a status.
MANUAL_TRANSITIONS: dict[str, set[str]] = {
    ClaimStatus.NEW: {ClaimStatus.IN_RESEARCH, ClaimStatus.NOT_CHECKABLE},
    ClaimStatus.IN_RESEARCH: {ClaimStatus.NEW, ClaimStatus.NOT_CHECKABLE},
    ClaimStatus.NOT_CHECKABLE: {ClaimStatus.NEW, ClaimStatus.IN_RESEARCH},
    ClaimStatus.VERDICT_PROPOSED: set(),
    ClaimStatus.PUBLISHED: set(),
}

# Evidence and verdicts can change only while the claim is being worked on.
OPEN_STATUSES = {ClaimStatus.NEW, ClaimStatus.IN_RESEARCH, ClaimStatus.VERDICT_PROPOSED}


def require_reviewer(user: User) -> None:
    """Refuse, with the reason to show, anyone who is neither reviewer nor editor."""
    if not is_reviewer(user):
        raise NotAllowed(_("Only reviewers and editors can do this."))


def _require_editor(user: User) -> None:
    if not is_editor(user):
        raise NotAllowed(_("Only editors can do this."))


def _require_open(claim: Claim) -> None:
    if claim.status == ClaimStatus.PUBLISHED:
        raise InvalidTransition(
            _("This claim is published and locked. An editor must reopen it first.")
        )
    if claim.status == ClaimStatus.NOT_CHECKABLE:
        raise InvalidTransition(
            _("This claim is marked not checkable. Move it back to research first.")
        )


def _lock(claim: Claim) -> Claim:
    """Re-read the claim inside the transaction, so two reviewers act one after the other."""
    return Claim.objects.select_for_update().get(pk=claim.pk)


def _record(claim: Claim, by: User | None, kind: str, **data: Any) -> ClaimEvent:
    return ClaimEvent.objects.create(claim=claim, actor=by, kind=kind, data=data)


def _save_claim(claim: Claim, fields: Iterable[str]) -> None:
    # A plain increment: every caller holds the row lock (_lock), and the history
    # records the number itself, not an expression.
    claim.version += 1
    claim.save(update_fields=[*fields, "version", "updated_at"])


def allowed_statuses(claim: Claim) -> list[str]:
    """The statuses a reviewer can move this claim to by hand, for the interface."""
    return sorted(MANUAL_TRANSITIONS[claim.status])


# --- status and assignment --------------------------------------------------


@records_actor
@transaction.atomic
def change_status(claim: Claim, *, by: User, status: str, reason: str = "") -> Claim:
    require_reviewer(by)
    claim = _lock(claim)
    if status == claim.status:
        return claim
    if status not in MANUAL_TRANSITIONS[claim.status]:
        raise InvalidTransition(
            _("A claim cannot go from “%(old)s” to “%(new)s” by hand.")
            % {
                "old": ClaimStatus(claim.status).label,
                "new": ClaimStatus(status).label if status in ClaimStatus.values else status,
            }
        )
    reason = reason.strip()
    if status == ClaimStatus.NOT_CHECKABLE and not reason:
        raise InvalidTransition(_("Say why the claim is not checkable."))
    old = claim.status
    claim.status = status
    claim.not_checkable_reason = reason if status == ClaimStatus.NOT_CHECKABLE else ""
    _save_claim(claim, ["status", "not_checkable_reason"])
    _record(claim, by, EventKind.STATUS_CHANGED, old=old, new=status, reason=reason)
    return claim


def mark_not_checkable(claim: Claim, *, by: User, reason: str) -> Claim:
    return change_status(claim, by=by, status=ClaimStatus.NOT_CHECKABLE, reason=reason)


def start_research(claim: Claim, *, by: User) -> Claim:
    return change_status(claim, by=by, status=ClaimStatus.IN_RESEARCH)


def _assign(claim: Claim, by: User, assignee: User | None) -> tuple[Claim, bool]:
    require_reviewer(by)
    if assignee is not None and not is_reviewer(assignee):
        raise NotAllowed(_("Claims can only be assigned to reviewers and editors."))
    claim = _lock(claim)
    if claim.assignee_id == (assignee.pk if assignee else None):
        return claim, False
    old = claim.assignee.get_username() if claim.assignee else ""
    claim.assignee = assignee
    _save_claim(claim, ["assignee"])
    _record(claim, by, EventKind.ASSIGNED, old=old, new=assignee.get_username() if assignee else "")
    return claim, True


@records_actor
@transaction.atomic
def assign(claim: Claim, *, by: User, assignee: User | None) -> Claim:
    """Assign the claim (``None``: to nobody); the new assignee is told."""
    claim, changed = _assign(claim, by, assignee)
    if changed:
        notify(assignee, kind=NotificationKind.CLAIM_ASSIGNED, actor=by, claim=claim)
    return claim


@records_actor
@transaction.atomic
def bulk_assign(claims: Iterable[Claim], *, by: User, assignee: User | None) -> int:
    """Assign every claim, or none if one of them refuses. The assignee is told once,
    not once per claim."""
    results = [_assign(claim, by, assignee) for claim in claims]
    changed = [claim for claim, was_changed in results if was_changed]
    if len(changed) == 1:
        notify(assignee, kind=NotificationKind.CLAIM_ASSIGNED, actor=by, claim=changed[0])
    elif changed:
        notify(assignee, kind=NotificationKind.CLAIMS_ASSIGNED, actor=by, count=len(changed))
    return len(results)


@records_actor
@transaction.atomic
def bulk_change_status(claims: Iterable[Claim], *, by: User, status: str, reason: str = "") -> int:
    """Move every claim, or none: one refusal rolls the whole batch back."""
    return sum(1 for claim in claims if change_status(claim, by=by, status=status, reason=reason))


# --- evidence ------------------------------------------------------------------

EVIDENCE_FIELDS = ("source", "url", "title", "excerpt", "stance", "note")
ANCHOR_FIELDS = ("excerpt_start", "excerpt_end", "excerpt_prefix", "excerpt_suffix")


def _evidence_snapshot(evidence: Evidence) -> dict[str, Any]:
    return {
        "evidence": evidence.pk,
        "source": evidence.source_id,
        # What the timeline names it by when it has no title of its own.
        "source_title": evidence.source.title if evidence.source_id else "",
        "url": evidence.url,
        "title": evidence.title,
        "excerpt": evidence.excerpt,
        "stance": evidence.stance,
        "note": evidence.note,
    }


def _check_evidence(fields: dict[str, Any]) -> None:
    if fields.get("stance") not in Stance.values:
        raise InvalidTransition(_("Choose whether the evidence supports or refutes the claim."))
    if not fields.get("source") and not fields.get("url"):
        raise InvalidTransition(_("Evidence needs a source or a URL."))


def _anchor(evidence: Evidence, *, start: int | None = None, end: int | None = None) -> None:
    """Anchor an excerpt of a cited source in its text (see claims.excerpts); a web
    page's excerpt has no text to be anchored in."""
    if evidence.source_id is None or not evidence.excerpt.strip():
        if start is not None and evidence.source_id is None:
            raise InvalidTransition(_("Offsets locate an excerpt in a source: choose the source."))
        evidence.drop_anchor()
        return
    source = evidence.source
    if not source.text:
        # An image has no text: its "excerpt" says what it shows, in the reviewer's words.
        evidence.drop_anchor()
        return
    try:
        span = find_excerpt(source.text, evidence.excerpt, title=source.title, start=start, end=end)
    except ExcerptNotFound as error:
        raise InvalidTransition(error.message) from None
    evidence.anchor_excerpt(*span)


@records_actor
@transaction.atomic
def add_evidence(
    claim: Claim,
    *,
    by: User,
    stance: str,
    url: str = "",
    title: str = "",
    excerpt: str = "",
    note: str = "",
    source: Source | None = None,
    excerpt_start: int | None = None,
    excerpt_end: int | None = None,
) -> Evidence:
    """Add evidence; an excerpt of a ``source`` is anchored in its text, at the offsets
    given when they hold it (a selection), else where the typed excerpt is found."""
    require_reviewer(by)
    claim = _lock(claim)
    _require_open(claim)
    fields = {"source": source, "url": url, "title": title, "excerpt": excerpt}
    fields |= {"stance": stance, "note": note}
    _check_evidence(fields)
    evidence = Evidence(claim=claim, added_by=by, **fields)
    _anchor(evidence, start=excerpt_start, end=excerpt_end)
    evidence.save()
    if claim.status == ClaimStatus.NEW:
        # Gathering evidence is research: say so without an extra click.
        old = claim.status
        claim.status = ClaimStatus.IN_RESEARCH
        _save_claim(claim, ["status"])
        _record(claim, by, EventKind.STATUS_CHANGED, old=old, new=claim.status, reason="")
    else:
        _save_claim(claim, [])
    _record(claim, by, EventKind.EVIDENCE_ADDED, **_evidence_snapshot(evidence))
    return evidence


@records_actor
@transaction.atomic
def update_evidence(
    evidence: Evidence, *, by: User, expected_version: int | None = None, **changes: Any
) -> Evidence:
    """Change evidence; refuse if someone else saved it since ``expected_version``."""
    require_reviewer(by)
    claim = _lock(evidence.claim)
    _require_open(claim)
    current = Evidence.objects.select_for_update().get(pk=evidence.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit(
            _("Someone else changed this evidence while you were editing it."), current=current
        )
    unknown = set(changes) - set(EVIDENCE_FIELDS)
    if unknown:
        raise ValueError(f"not evidence fields: {sorted(unknown)}")
    before = _evidence_snapshot(current)
    for name, value in changes.items():
        setattr(current, name, value)
    _check_evidence({name: getattr(current, name) for name in EVIDENCE_FIELDS})
    after = _evidence_snapshot(current)
    if before == after:
        return current
    if {"source", "excerpt"} & set(changes):
        # An excerpt kept as it was stays where it was; a new one is found in the text.
        _anchor(current, start=current.excerpt_start, end=current.excerpt_end)
    current.version += 1  # the row is locked (select_for_update above)
    current.save(update_fields=[*changes, *ANCHOR_FIELDS, "version", "updated_at"])
    _save_claim(claim, [])
    changed = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    _record(claim, by, EventKind.EVIDENCE_CHANGED, evidence=current.pk, changes=changed)
    return current


@records_actor
@transaction.atomic
def set_evidence_public(evidence: Evidence, *, by: User, public: bool) -> Evidence:
    """Show the evidence on the published fact-check, or keep it internal.

    Allowed on a published claim too: what the public page cites is a publishing
    decision, not a change to the verdict. The claim is saved as well, so its
    public page's Last-Modified moves and caches ask again.
    """
    require_reviewer(by)
    claim = _lock(evidence.claim)
    # Not select_related("source"): PostgreSQL cannot lock the nullable side of a join.
    current = Evidence.objects.select_for_update().get(pk=evidence.pk)
    if current.public == public:
        return current
    current.public = public
    current.save(update_fields=["public", "updated_at"])
    _save_claim(claim, [])
    snapshot = _evidence_snapshot(current)
    _record(
        claim,
        by,
        EventKind.EVIDENCE_VISIBILITY,
        evidence=current.pk,
        title=snapshot["title"],
        source_title=snapshot["source_title"],
        url=snapshot["url"],
        public=public,
    )
    return current


@records_actor
@transaction.atomic
def remove_evidence(evidence: Evidence, *, by: User) -> ClaimEvent:
    """Delete evidence; the timeline keeps all of it, so it can be restored."""
    require_reviewer(by)
    claim = _lock(evidence.claim)
    _require_open(claim)
    # Snapshot the row as saved now, not as the caller loaded it: the timeline
    # copy is what a restore brings back.
    evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
    snapshot = _evidence_snapshot(evidence)
    # Who found it and when, and where its excerpt stands: a restore brings all back.
    snapshot["added_by"] = evidence.added_by_id
    snapshot["added_at"] = evidence.created_at.isoformat()
    snapshot["excerpt_start"] = evidence.excerpt_start
    snapshot["excerpt_end"] = evidence.excerpt_end
    evidence.delete()
    _save_claim(claim, [])
    return _record(claim, by, EventKind.EVIDENCE_REMOVED, **snapshot)


@records_actor
@transaction.atomic
def restore_evidence(event: ClaimEvent, *, by: User) -> Evidence:
    """Bring removed evidence back from its timeline entry."""
    require_reviewer(by)
    if event.kind != EventKind.EVIDENCE_REMOVED:
        raise InvalidTransition(_("Only removed evidence can be restored."))
    claim = _lock(event.claim)
    _require_open(claim)
    # Re-read under the lock: two clicks on "Restore" must not restore twice.
    event = ClaimEvent.objects.select_for_update().get(pk=event.pk)
    data = event.data
    if data.get("restored_as"):
        raise InvalidTransition(_("This evidence has already been restored."))
    source = Source.objects.filter(pk=data.get("source")).first() if data.get("source") else None
    if source is None and not data.get("url"):
        raise InvalidTransition(
            _("The source this evidence cited no longer exists, so it cannot be restored.")
        )
    evidence = Evidence(
        claim=claim,
        source=source,
        url=data.get("url", ""),
        title=data.get("title", ""),
        excerpt=data.get("excerpt", ""),
        stance=data["stance"],
        note=data.get("note", ""),
        added_by_id=data.get("added_by"),
        created_at=_first_added(event),
    )
    if not Evidence.objects.filter(pk=data.get("evidence")).exists():
        # The same id again: links to it and its field history carry on.
        evidence.pk = data.get("evidence")
    if source is not None and evidence.excerpt.strip():
        try:
            span = find_excerpt(
                source.text,
                evidence.excerpt,
                title=source.title,
                start=data.get("excerpt_start"),
                end=data.get("excerpt_end"),
            )
        except ExcerptNotFound:
            # The source's text changed since: the excerpt is kept, unanchored.
            span = None
        if span is not None:
            evidence.anchor_excerpt(*span)
    evidence.save(force_insert=True)
    event.data = {**data, "restored_as": evidence.pk}
    event.save(update_fields=["data"])
    _save_claim(claim, [])
    _record(claim, by, EventKind.EVIDENCE_RESTORED, **_evidence_snapshot(evidence))
    return evidence


def _first_added(removal: ClaimEvent) -> Any:
    """When the removed evidence was first added: kept in the removal since this
    release, else the time of the timeline entry that added (or restored) it."""
    added_at = parse_datetime(removal.data.get("added_at") or "")
    if added_at is not None:
        return added_at
    added = (
        ClaimEvent.objects.filter(
            claim_id=removal.claim_id,
            kind__in=[EventKind.EVIDENCE_ADDED, EventKind.EVIDENCE_RESTORED],
            data__evidence=removal.data.get("evidence"),
            pk__lt=removal.pk,
        )
        .order_by("pk")
        .values_list("created_at", flat=True)
        .first()
    )
    return added or timezone.now()


# --- verdicts -------------------------------------------------------------------


def pending_verdict(claim: Claim) -> Verdict | None:
    return claim.verdicts.filter(status=VerdictStatus.PROPOSED).order_by("-created_at").first()


@records_actor
@transaction.atomic
def propose_verdict(
    claim: Claim,
    *,
    by: User,
    rating: str,
    rationale: str,
    replaces: int | object | None = ANY_PENDING,
) -> Verdict:
    """Propose a rating; a verdict already waiting is withdrawn, not overwritten.

    ``replaces`` is the waiting verdict the person saw (``None``: none); if
    another was proposed since, nothing is withdrawn and ``StaleEdit`` carries
    it, so no one replaces a colleague's verdict unseen. Scripts may leave it out.
    """
    require_reviewer(by)
    claim = _lock(claim)
    _require_open(claim)
    if replaces is not ANY_PENDING:
        waiting = claim.verdicts.filter(status=VerdictStatus.PROPOSED).first()
        if (waiting.pk if waiting else None) != replaces:
            raise StaleEdit(
                _("Someone else proposed a verdict while you were writing yours."),
                current=waiting,
            )
    if rating not in Rating.values:
        raise InvalidTransition(_("Choose a rating from the scale."))
    rationale = rationale.strip()
    if not rationale:
        raise InvalidTransition(_("Explain the verdict: the rationale is what readers see."))
    for waiting in claim.verdicts.select_for_update().filter(status=VerdictStatus.PROPOSED):
        waiting.status = VerdictStatus.WITHDRAWN
        waiting.save(update_fields=["status"])
    verdict = Verdict.objects.create(claim=claim, rating=rating, rationale=rationale, author=by)
    old = claim.status
    claim.status = ClaimStatus.VERDICT_PROPOSED
    claim.rating = rating
    _save_claim(claim, ["status", "rating"])
    _record(
        claim,
        by,
        EventKind.VERDICT_PROPOSED,
        verdict=verdict.pk,
        rating=rating,
        rationale=rationale,
        old=old,
    )
    return verdict


def can_approve(verdict: Verdict, user: User) -> bool:
    return (
        is_editor(user)
        and verdict.status == VerdictStatus.PROPOSED
        and verdict.author_id != user.pk
    )


def _take_for_review(verdict: Verdict, by: User) -> tuple[Verdict, Claim]:
    _require_editor(by)
    claim = _lock(verdict.claim)
    verdict = Verdict.objects.select_for_update().get(pk=verdict.pk)
    if verdict.status != VerdictStatus.PROPOSED:
        raise InvalidTransition(
            _("This verdict is no longer waiting for review (it is “%(status)s”).")
            % {"status": VerdictStatus(verdict.status).label}
        )
    if verdict.author_id == by.pk:
        raise NotAllowed(
            _("You wrote this verdict: another editor must review it (four-eyes rule).")
        )
    return verdict, claim


@records_actor
@transaction.atomic
def approve_verdict(verdict: Verdict, *, by: User, comment: str = "") -> Verdict:
    """An editor other than its author approves the verdict, which publishes the claim."""
    verdict, claim = _take_for_review(verdict, by)
    verdict.status = VerdictStatus.APPROVED
    verdict.reviewed_by = by
    verdict.reviewed_at = timezone.now()
    verdict.review_comment = comment.strip()
    verdict.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    claim.status = ClaimStatus.PUBLISHED
    claim.rating = verdict.rating
    claim.verdict_approved_at = verdict.reviewed_at
    _save_claim(claim, ["status", "rating", "verdict_approved_at"])
    _record(
        claim,
        by,
        EventKind.VERDICT_APPROVED,
        verdict=verdict.pk,
        rating=verdict.rating,
        comment=verdict.review_comment,
    )
    notify(
        verdict.author,
        kind=NotificationKind.VERDICT_APPROVED,
        actor=by,
        claim=claim,
        verdict=verdict.pk,
        rating=verdict.rating,
        comment=verdict.review_comment,
    )
    return verdict


@records_actor
@transaction.atomic
def send_back_verdict(verdict: Verdict, *, by: User, comment: str) -> Verdict:
    """An editor returns the verdict to research, saying what is missing."""
    # Who may do it before what they wrote: a reviewer is refused, comment or not.
    verdict, claim = _take_for_review(verdict, by)
    comment = comment.strip()
    if not comment:
        raise InvalidTransition(_("Say what is missing when you send a verdict back."))
    verdict.status = VerdictStatus.SENT_BACK
    verdict.reviewed_by = by
    verdict.reviewed_at = timezone.now()
    verdict.review_comment = comment
    verdict.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    claim.status = ClaimStatus.IN_RESEARCH
    # The proposal no longer counts; a verdict published before a reopen still does.
    published = claim.verdicts.filter(status=VerdictStatus.APPROVED).order_by("-reviewed_at", "-pk")
    claim.rating = published.values_list("rating", flat=True).first() or ""
    _save_claim(claim, ["status", "rating"])
    _record(claim, by, EventKind.VERDICT_SENT_BACK, verdict=verdict.pk, comment=comment)
    notify(
        verdict.author,
        kind=NotificationKind.VERDICT_SENT_BACK,
        actor=by,
        claim=claim,
        verdict=verdict.pk,
        rating=verdict.rating,
        comment=comment,
    )
    return verdict


@records_actor
@transaction.atomic
def reopen(claim: Claim, *, by: User, reason: str) -> Claim:
    """Unlock a published claim. Its published verdict stays in the history."""
    _require_editor(by)
    claim = _lock(claim)
    if claim.status != ClaimStatus.PUBLISHED:
        raise InvalidTransition(_("Only a published claim can be reopened."))
    reason = reason.strip()
    if not reason:
        raise InvalidTransition(_("Say why the published verdict is reopened."))
    claim.status = ClaimStatus.IN_RESEARCH
    _save_claim(claim, ["status"])
    _record(claim, by, EventKind.REOPENED, reason=reason, rating=claim.rating)
    return claim


# --- discussion -----------------------------------------------------------------


@records_actor
@transaction.atomic
def add_comment(claim: Claim, *, by: User, body: str) -> Comment:
    require_reviewer(by)
    body = body.strip()
    if not body:
        raise InvalidTransition(_("A comment cannot be empty."))
    comment = Comment.objects.create(claim=claim, author=by, body=body)
    _record(claim, by, EventKind.COMMENTED, comment=comment.pk, body=body)
    return comment


# --- the claim itself -------------------------------------------------------------

CLAIM_FIELDS = ("statement", "short_statement", "subject", "property", *VALUE_FIELDS)


def subject_named(name: str) -> Subject:
    """The subject known by this name or alias, or a new one: one entity, many spellings."""
    name = " ".join(name.split())
    if not name:
        raise InvalidTransition(_("A claim needs a subject."))
    return Subject.objects.resolve(name) or Subject.objects.create(name=name)


def _claim_snapshot(claim: Claim) -> dict[str, str]:
    """Readable values for the timeline's diff (a JSON field: no dates or decimals)."""
    snapshot = {}
    for name in CLAIM_FIELDS:
        value = getattr(claim, name)
        if isinstance(value, Property):
            # By code: the timeline names it in whichever language it is read in.
            value = value.code
        elif hasattr(value, "normalize"):
            value = format(value.normalize(), "f")
        snapshot[name] = "" if value is None else str(value)
    return snapshot


@records_actor
@transaction.atomic
def update_claim(claim: Claim, *, by: User, expected_version: int | None, **changes: Any) -> Claim:
    """Change what a claim says; refuse if someone saved it since ``expected_version``.

    Every save path passes the version the person started from: ``None`` is
    only for scripts that mean to overwrite whatever is there.
    """
    require_reviewer(by)
    current = _lock(claim)
    _require_open(current)
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit(
            _("Someone else changed this claim while you were editing it."), current=current
        )
    unknown = set(changes) - set(CLAIM_FIELDS)
    if unknown:
        raise ValueError(f"not claim fields: {sorted(unknown)}")
    if "statement" in changes and not str(changes["statement"]).strip():
        raise InvalidTransition(_("A claim needs a statement."))
    if isinstance(changes.get("subject"), str):
        changes["subject"] = subject_named(changes["subject"])
    before = _claim_snapshot(current)
    for name, value in changes.items():
        setattr(current, name, value)
    after = _claim_snapshot(current)
    changed = {k: [before[k], after[k]] for k in CLAIM_FIELDS if before[k] != after[k]}
    if not changed:
        return current
    _save_claim(current, list(changes))
    _record(current, by, EventKind.VALUE_CHANGED, changes=changed)
    return current
