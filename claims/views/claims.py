"""The claims list (with its bulk actions) and the claim page with its actions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.models import F, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from claims import dates, exports, fetch, files, history, publishing, snapshots, workflow
from claims.choices import ClaimStatus, Stance
from claims.filters import ClaimFilter
from claims.forms import (
    AddEvidenceForm,
    AssignForm,
    AttachForm,
    BulkForm,
    ClaimForm,
    CommentForm,
    EvidenceForm,
    ReasonForm,
    ReviewForm,
    StatusForm,
    VerdictForm,
)
from claims.models import Claim, ClaimEvent, EventKind, Evidence, Snapshot, Source, Verdict
from claims.roles import is_editor
from claims.templatetags.claimreview import json_ld_script
from claims.views.access import editor_required, get_claim_for_user, reviewer_required


@require_safe
@reviewer_required
def claim_list(request: HttpRequest) -> HttpResponse:
    claim_filter = ClaimFilter(request.GET, queryset=Claim.objects.for_list())
    # A search is counted up to a bound: "more than 1,000" says as much as 480,000, and
    # costs what counting 1,000 does; any other list, up to a larger one.
    searched = claim_filter.searched()
    page = claim_filter.qs.paginate(
        request.GET.get("page"),
        settings.FACTCHECK_PAGE_SIZE,
        bound=(
            settings.FACTCHECK_SEARCH_COUNT_BOUND
            if searched
            else settings.FACTCHECK_LIST_COUNT_BOUND
        ),
        counted=claim_filter.counted() if searched else None,
        searched=searched,
        known=None if searched else claim_filter.tallied(),
    )
    requested = claim_filter.form.cleaned_data.get("ordering") if claim_filter.is_valid() else None
    current = requested[0] if requested else claim_filter.default_ordering
    # The filters besides the search, which fold away on a phone: how many are in use,
    # and open when one of them is refused, so that its message is seen.
    folded = {name for name in request.GET if name not in {"q", "ordering", "page"}}
    refused = set(claim_filter.form.errors) - {"q", "ordering"}
    context = {
        "filter": claim_filter,
        "page": page,
        "bulk_form": BulkForm(),
        # The bulk form offers the people the assignee filter does: one read for both.
        "team": claim_filter.form.fields["assignee"].queryset,
        "date_help": dates.DATE_HELP,
        "active_filters": sum(1 for name in folded if request.GET.get(name)),
        "filters_open": bool(refused),
        "requested_ordering": requested[0] if requested else "",
        "current_ordering": current,
        # The date each claim was added, beside the date it was updated, when the list
        # is narrowed to a period of addition or sorted by it.
        "show_added": current.lstrip("-") == "added"
        or claim_filter.default_ordering == ClaimFilter.DEFAULT_ORDERING_ADDED,
    }
    if request.htmx:
        # The results, and the count of filters in use that the folded filters show.
        body = render(request, "claims/claim_list.html#results", context).content
        body += render(
            request, "claims/claim_list.html#filter_count", context | {"oob": True}
        ).content
        return HttpResponse(body)
    return render(request, "claims/claim_list.html", context)


def _back_to_list(request: HttpRequest) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = ""
    return redirect(target or "claim_list")


@require_POST
@reviewer_required
def claim_bulk(request: HttpRequest) -> HttpResponse:
    form = BulkForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        if "claims" in form.errors:
            messages.error(request, _("Select at least one claim."))
        return _back_to_list(request)
    wanted = set(form.cleaned_data["claims"])
    # An id beyond the primary key's range cannot exist (and would overflow SQLite).
    low, high = connection.ops.integer_field_range(Claim._meta.pk.get_internal_type())
    claims = list(Claim.objects.filter(pk__in=[pk for pk in wanted if low <= pk <= high]))
    if len(claims) != len(wanted):
        # All or nothing, like the workflow: never a part of what the person selected.
        messages.error(
            request, _("Nothing was changed: some of the selected claims no longer exist.")
        )
        return _back_to_list(request)
    try:
        if form.cleaned_data["action"] == "assign":
            count = workflow.bulk_assign(
                claims, by=request.user, assignee=form.cleaned_data["assignee"]
            )
        else:
            count = workflow.bulk_change_status(
                claims, by=request.user, status=form.cleaned_data["status"]
            )
    except workflow.WorkflowError as error:
        messages.error(request, _("Nothing was changed: %(reason)s") % {"reason": error.message})
    else:
        messages.success(
            request,
            ngettext("%(count)d claim updated.", "%(count)d claims updated.", count)
            % {"count": count},
        )
    return _back_to_list(request)


# Articles listed when a reviewer looks for one to cite as evidence.
SOURCE_PICK_ROWS = 10


@dataclass
class RemovedEvidence:
    """Evidence just removed, shown where it was with a way to undo."""

    event: ClaimEvent
    pk: int
    title: str
    excerpt: str
    stance: str
    created_at: datetime
    is_removed: bool = True


def _removed_evidence(claim: Claim, event_pk: object) -> RemovedEvidence | None:
    """The removal to offer an undo for, if it is this claim's and not yet undone."""
    try:
        event = claim.events.get(pk=int(event_pk), kind=EventKind.EVIDENCE_REMOVED)
    except (TypeError, ValueError, ClaimEvent.DoesNotExist):
        return None
    data = event.data
    if data.get("restored_as"):
        return None
    added_at = parse_datetime(data.get("added_at") or "") or event.created_at
    return RemovedEvidence(
        event=event,
        pk=data.get("evidence"),
        title=data.get("title") or data.get("source_title") or data.get("url") or "",
        excerpt=data.get("excerpt", ""),
        stance=data.get("stance", ""),
        created_at=added_at,
    )


def _source_pick(query: str, source_pk: object) -> dict:
    """The add panel's choice of an article to cite: search results, or the one chosen."""
    query = query.strip()[:200]
    chosen = None
    if source_pk:
        try:
            chosen = Source.objects.filter(pk=int(source_pk)).first()
        except (TypeError, ValueError):
            chosen = None
    results = []
    if query and chosen is None:
        results = list(
            Source.objects.defer("text")
            .filter(Q(title__icontains=query) | Q(publisher__icontains=query))
            .order_by(F("published_on").desc(nulls_last=True), "-pk")[:SOURCE_PICK_ROWS]
        )
    return {"query": query, "results": results, "source": chosen}


def claim_page_context(request: HttpRequest, claim: Claim, **overrides) -> dict:
    """Everything the claim page shows; views pass bound forms to show their errors."""
    evidence: list = list(
        claim.evidence.select_related("source__file", "added_by").prefetch_related(
            Prefetch("snapshots", queryset=Snapshot.objects.order_by("-fetched_at", "-pk"))
        )
    )
    # Counted from the evidence read just above, not by another query.
    tally = Counter(item.stance for item in evidence)
    removed = overrides.pop("removed", None)
    if removed is not None:
        # Where it stood, by the time it was added: the undo is right there.
        evidence.append(removed)
        evidence.sort(key=lambda item: (item.created_at, item.pk or 0))
    verdicts = list(claim.verdicts.select_related("author", "reviewed_by"))
    pending = next((v for v in verdicts if v.status == "proposed"), None)
    published = _published(request, claim)
    context = {
        # The public page and its ClaimReview, to link to and to copy into a CMS.
        "public_url": published[0] if published else "",
        "claimreview_script": published[1] if published else "",
        "claim": claim,
        "appearances": claim.appearances.select_related("source"),
        "evidence_list": evidence,
        "tally": {stance: tally.get(stance, 0) for stance in Stance.values},
        "stances": Stance,
        "verdicts": verdicts,
        "pending": pending,
        "can_approve": pending is not None and workflow.can_approve(pending, request.user),
        "is_editor": is_editor(request.user),
        "is_open": claim.status in workflow.OPEN_STATUSES,
        "comments": claim.comments.select_related("author"),
        "events": claim.events.select_related("actor"),
        "allowed_statuses": [(s, ClaimStatus(s).label) for s in workflow.allowed_statuses(claim)],
        "evidence_form": AddEvidenceForm(prefix="new"),
        "attach_form": AttachForm(),
        "fetching": fetch.enabled(),
        "max_file_mb": settings.FACTCHECK_EVIDENCE_MAX_MB,
        "pick": {"query": "", "results": [], "source": None},
        "adding": False,
        "evidence_notice": "",
        "adding_notice": "",
        "restored": None,
        "copied": None,
        "copy_error": None,
        "verdict_form": VerdictForm(initial={"replaces": pending.pk if pending else None}),
        "review_form": ReviewForm(),
        "reopen_form": ReasonForm(),
        "comment_form": CommentForm(),
        "status_form": StatusForm(),
        "assign_form": AssignForm(initial={"assignee": claim.assignee_id}),
        "editing": None,
        "claim_form": None,
        "claim_conflict": None,
    }
    context.update(overrides)
    return context


def _published(request: HttpRequest, claim: Claim) -> tuple[str, str] | None:
    """The public page's address and the ClaimReview ``<script>`` element, once published."""
    if claim.status != ClaimStatus.PUBLISHED:
        return None
    published = exports.published_claims().filter(pk=claim.pk).first()
    if published is None or not published.approved_verdicts:
        return None
    url = publishing.public_url(published, request)
    return url, json_ld_script(exports.claim_review(published, claim_url=url))


@require_safe
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    # After a removal without JavaScript, the undo stands where the evidence was.
    removed = _removed_evidence(claim, request.GET.get("removed"))
    context = claim_page_context(request, claim, removed=removed)
    return render(request, "claims/claim_detail.html", context)


@require_safe
def claim_history(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    return render(
        request,
        "claims/claim_history.html",
        {"claim": claim, "changes": history.claim_history(claim)},
    )


def _render_section(
    request: HttpRequest, claim: Claim, section: str, status: int = 200, **overrides
) -> HttpResponse:
    """One section of the claim page for htmx, or the whole page; the timeline rides along."""
    claim.refresh_from_db()
    context = claim_page_context(request, claim, **overrides)
    if request.htmx:
        body = render(request, f"claims/claim_detail.html#{section}", context).content
        context["oob"] = True
        body += render(request, "claims/claim_detail.html#timeline", context).content
        return HttpResponse(body, status=status)
    return render(request, "claims/claim_detail.html", context, status=status)


def _refused(request: HttpRequest, claim: Claim, error: workflow.WorkflowError) -> HttpResponse:
    if isinstance(error, workflow.NotAllowed):
        raise PermissionDenied(error.message)
    messages.error(request, error.message)
    if request.htmx:
        return HttpResponseClientRedirect(claim.get_absolute_url())
    return redirect(claim)


@require_POST
def claim_status(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _render_section(request, claim, "actions", status_form=form)
    try:
        workflow.change_status(
            claim,
            by=request.user,
            status=form.cleaned_data["status"],
            reason=form.cleaned_data["reason"],
        )
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    return redirect(claim)


@require_POST
def claim_assign(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _render_section(request, claim, "actions", assign_form=form)
    try:
        workflow.assign(claim, by=request.user, assignee=form.cleaned_data["assignee"])
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    messages.success(request, _("Assignment saved."))
    return redirect(claim)


@require_POST
@editor_required
def claim_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _render_section(request, claim, "verdict", reopen_form=form)
    try:
        workflow.reopen(claim, by=request.user, reason=form.cleaned_data["reason"])
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    messages.success(request, _("The claim is reopened for research."))
    return redirect(claim)


@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _render_section(request, claim, "comments", comment_form=form)
    try:
        workflow.add_comment(claim, by=request.user, body=form.cleaned_data["body"])
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    if request.htmx:
        return _render_section(request, claim, "comments")
    return redirect(claim)


def claim_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows the claim as a form in place; POST saves it unless someone saved first."""
    claim = get_claim_for_user(request, pk)
    if request.method == "GET":
        form = ClaimForm(instance=claim, language=claim.source_language())
        return _render_section(request, claim, "summary", claim_form=form)
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    form = ClaimForm(
        request.POST, instance=Claim.objects.get(pk=claim.pk), language=claim.source_language()
    )
    if not form.is_valid():
        return _render_section(request, claim, "summary", claim_form=form)
    try:
        workflow.update_claim(
            claim,
            by=request.user,
            expected_version=form.cleaned_data["version"],
            **form.changes(),
        )
    except workflow.StaleEdit as stale:
        # Their version on the page, the reviewer's own words kept in the form.
        data = request.POST.copy()
        data["version"] = stale.current.version
        return _render_section(
            request,
            claim,
            "summary",
            claim_form=ClaimForm(data, instance=stale.current, language=claim.source_language()),
            claim_conflict=stale.current,
        )
    except workflow.WorkflowError as error:
        if isinstance(error, workflow.NotAllowed):
            raise PermissionDenied(error.message) from error
        form.add_error(None, error.message)
        return _render_section(request, claim, "summary", claim_form=form)
    if request.htmx:
        return _render_section(request, claim, "summary")
    messages.success(request, _("Claim saved."))
    return redirect(claim)


# --- evidence, edited in place -------------------------------------------------


def _evidence_for_user(request: HttpRequest, pk: int, evidence_pk: int) -> tuple[Claim, Evidence]:
    claim = get_claim_for_user(request, pk)
    try:
        return claim, claim.evidence.select_related("source").get(pk=evidence_pk)
    except Evidence.DoesNotExist:
        raise Http404 from None


def _adding_url(claim: Claim, source: Source | None = None) -> str:
    """The claim page with its add panel open (on the same article, if one was cited)."""
    url = reverse("evidence_new", args=[claim.pk])
    if source is not None:
        url += f"?source={source.pk}"
    return url + "#add-evidence"


def _next_evidence_form(source: Source | None) -> AddEvidenceForm:
    """A fresh form for the next piece of evidence, on the same article, ready to type."""
    form = AddEvidenceForm(prefix="new", initial={"source": source.pk} if source else {})
    form.fields["stance"].widget.attrs["autofocus"] = True
    return form


@require_safe
def evidence_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The add panel, open: searching for an article to cite, or citing the one chosen.

    htmx swaps the panel alone; without JavaScript the whole claim page comes back
    with the panel open, so the same links work either way.
    """
    claim = get_claim_for_user(request, pk)
    pick = _source_pick(request.GET.get("q", ""), request.GET.get("source"))
    initial = {"source": pick["source"].pk} if pick["source"] else {}
    context = claim_page_context(
        request,
        claim,
        pick=pick,
        adding=True,
        evidence_form=AddEvidenceForm(prefix="new", initial=initial),
    )
    if request.htmx:
        return render(request, "claims/claim_detail.html#add_evidence", context)
    return render(request, "claims/claim_detail.html", context)


@require_POST
def evidence_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach a file: its text becomes a document to quote from, as an article is."""
    claim = get_claim_for_user(request, pk)
    form = AttachForm(request.POST, request.FILES)
    source = None
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            source = files.attach_document(
                name=upload.name,
                data=upload.read(),
                by=request.user,
                title=form.cleaned_data["title"],
            )
        except files.FileRefused as refused:
            form.add_error("file", refused.message)
        except workflow.WorkflowError as error:
            return _refused(request, claim, error)
    if source is None:
        context = claim_page_context(request, claim, adding=True, attach_form=form)
        if request.htmx:
            return render(request, "claims/claim_detail.html#add_evidence", context)
        return render(request, "claims/claim_detail.html", context, status=200)
    notice = _("“%(title)s” is attached: quote the passage that matters, then add it.") % {
        "title": source.title
    }
    if not request.htmx:
        messages.success(request, notice)
        return redirect(_adding_url(claim, source))
    context = claim_page_context(
        request,
        claim,
        adding=True,
        adding_notice=notice,
        pick={"query": "", "results": [], "source": source},
        evidence_form=_next_evidence_form(source),
    )
    return render(request, "claims/claim_detail.html#add_evidence", context)


@require_POST
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    form = AddEvidenceForm(request.POST, prefix="new")
    try:
        source = form.fields["source"].clean(form["source"].value())
    except ValidationError:
        source = None

    def with_errors() -> HttpResponse:
        pick = {"query": "", "results": [], "source": source}
        return _render_section(
            request, claim, "evidence", evidence_form=form, pick=pick, adding=True
        )

    if not form.is_valid():
        return with_errors()
    fields = dict(form.cleaned_data)
    keep_copy = fields.pop("keep_copy", False) and fields.get("url")
    try:
        if keep_copy:
            snapshots.add_evidence_with_copy(claim, by=request.user, **fields)
        else:
            workflow.add_evidence(claim, by=request.user, **fields)
    except workflow.WorkflowError as error:
        if isinstance(error, workflow.NotAllowed) or claim.status not in workflow.OPEN_STATUSES:
            # A locked claim's page has no evidence form to show the error in.
            return _refused(request, claim, error)
        if keep_copy and not source:
            form.add_error("keep_copy", error.message)
        else:
            form.add_error("excerpt" if source else None, error.message)
        return with_errors()
    if request.htmx:
        # The panel stays open, on the same article, for the next piece of evidence.
        return _render_section(
            request,
            claim,
            "evidence",
            adding=True,
            pick={"query": "", "results": [], "source": source},
            evidence_form=_next_evidence_form(source),
            adding_notice=_("Evidence added. Add another, or close the panel."),
        )
    messages.success(request, _("Evidence added."))
    return redirect(_adding_url(claim, source))


def evidence_edit(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    """GET shows the evidence as a form in place; POST saves it unless someone saved first."""
    claim, evidence = _evidence_for_user(request, pk, evidence_pk)

    def in_place(form: EvidenceForm, version: int | None, **extra) -> HttpResponse:
        """The evidence section with this item open as a form, carrying ``version``."""
        return _render_section(
            request,
            claim,
            "evidence",
            editing=evidence.pk,
            edit_form=form,
            edit_version=version,
            **extra,
        )

    if request.method == "GET":
        form = EvidenceForm(instance=evidence, prefix=f"e{evidence.pk}")
        return in_place(form, evidence.version)
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    form = EvidenceForm(request.POST, instance=evidence, prefix=f"e{evidence.pk}")
    try:
        expected = int(request.POST.get("version", ""))
    except ValueError:
        # Without the version it started from, a save could overwrite someone else's.
        form.add_error(
            None, _("This form is out of date. Reload the claim and make your change again.")
        )
        return in_place(form, evidence.version)
    if not form.is_valid():
        return in_place(form, expected)
    changes = {k: form.cleaned_data[k] for k in ("stance", "url", "title", "excerpt", "note")}
    try:
        workflow.update_evidence(evidence, by=request.user, expected_version=expected, **changes)
    except workflow.StaleEdit as stale:
        form.add_error(
            None,
            _(
                "Someone else saved this evidence while you were editing it. "
                "Their version is shown below; yours is still in the form: merge and save again."
            ),
        )
        return in_place(form, stale.current.version, conflict=stale.current)
    except workflow.WorkflowError as error:
        if isinstance(error, workflow.NotAllowed):
            raise PermissionDenied(error.message) from error
        form.add_error(None, error.message)
        return in_place(form, expected)
    if request.htmx:
        return _render_section(request, claim, "evidence")
    messages.success(request, _("Evidence saved."))
    return redirect(claim)


@require_POST
def evidence_remove(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    claim, evidence = _evidence_for_user(request, pk, evidence_pk)
    try:
        event = workflow.remove_evidence(evidence, by=request.user)
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    if request.htmx:
        return _render_section(
            request, claim, "evidence", removed=_removed_evidence(claim, event.pk)
        )
    url = f"{claim.get_absolute_url()}?removed={event.pk}#evidence-{evidence_pk}"
    return redirect(url)


@require_POST
def evidence_visibility(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    """Mark evidence public (shown on the published fact-check) or internal, in place."""
    claim, evidence = _evidence_for_user(request, pk, evidence_pk)
    public = request.POST.get("public")
    if public not in {"0", "1"}:
        return HttpResponse(_("Say whether the evidence is public or internal."), status=400)
    try:
        workflow.set_evidence_public(evidence, by=request.user, public=public == "1")
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    if request.htmx:
        return _render_section(request, claim, "evidence")
    return redirect(f"{claim.get_absolute_url()}#evidence-{evidence.pk}")


@require_POST
def evidence_restore(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    event = claim.events.filter(pk=event_pk).first()
    if event is None:
        raise Http404
    try:
        evidence = workflow.restore_evidence(event, by=request.user)
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    if request.htmx:
        return _render_section(
            request,
            claim,
            "evidence",
            restored=evidence.pk,
            evidence_notice=_("Evidence restored."),
        )
    messages.success(request, _("Evidence restored."))
    return redirect(f"{claim.get_absolute_url()}#evidence-{evidence.pk}")


# --- copies of evidence links -------------------------------------------------------


@require_POST
def evidence_copy(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    """Keep a copy of the evidence's page now (again: to see what changed)."""
    claim, evidence = _evidence_for_user(request, pk, evidence_pk)
    try:
        snapshot = snapshots.keep_copy(evidence, by=request.user)
    except workflow.NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except workflow.WorkflowError as error:
        if request.htmx:
            return _render_section(
                request, claim, "evidence", copy_error=(evidence.pk, error.message)
            )
        messages.error(request, error.message)
        return redirect(f"{claim.get_absolute_url()}#evidence-{evidence.pk}")
    if request.htmx:
        return _render_section(
            request,
            claim,
            "evidence",
            copied=evidence.pk,
            evidence_notice=_copy_notice(snapshot),
        )
    messages.success(request, _copy_notice(snapshot))
    return redirect(_copy_url(claim, evidence, snapshot))


def _copy_url(claim: Claim, evidence: Evidence, snapshot: Snapshot) -> str:
    return reverse("evidence_copy_detail", args=[claim.pk, evidence.pk, snapshot.pk])


def _copy_notice(snapshot: Snapshot) -> str:
    return _("Copy kept (HTTP %(status)d, %(url)s).") % {
        "status": snapshot.status_code,
        "url": snapshot.final_url,
    }


@require_safe
def evidence_copy_detail(
    request: HttpRequest, pk: int, evidence_pk: int, snapshot_pk: int
) -> HttpResponse:
    """A copy as it was fetched, and what changed since the copy before it."""
    claim = get_claim_for_user(request, pk)
    copies = list(
        Snapshot.objects.filter(evidence_id=evidence_pk)
        .select_related("source", "file", "fetched_by")
        .order_by("-fetched_at", "-pk")
    )
    index = next((i for i, c in enumerate(copies) if c.pk == snapshot_pk), None)
    evidence = claim.evidence.filter(pk=evidence_pk).first()
    # Removed evidence keeps its copies; they are still this claim's.
    was_here = (
        evidence is not None
        or claim.events.filter(kind=EventKind.EVIDENCE_REMOVED, data__evidence=evidence_pk).exists()
    )
    if index is None or not was_here:
        raise Http404
    snapshot = copies[index]
    previous = copies[index + 1] if index + 1 < len(copies) else None
    changes = snapshots.compare(previous.source.text, snapshot.source.text) if previous else []
    context = {
        "claim": claim,
        "evidence": evidence,
        "snapshot": snapshot,
        "previous": previous,
        "copies": copies,
        "changes": changes,
        "changed_count": snapshots.changed_paragraphs(changes),
        "is_open": claim.status in workflow.OPEN_STATUSES,
        "fetching": fetch.enabled(),
    }
    return render(request, "claims/evidence_copy.html", context)


# --- verdicts --------------------------------------------------------------------


@require_POST
def verdict_propose(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    form = VerdictForm(request.POST)
    if not form.is_valid():
        return _render_section(request, claim, "verdict", verdict_form=form)
    try:
        workflow.propose_verdict(claim, by=request.user, **form.cleaned_data)
    except workflow.StaleEdit as stale:
        # The colleague's verdict is on the page now; the reviewer's words stay in the form,
        # and sending it again knowingly replaces that verdict.
        data = request.POST.copy()
        data["replaces"] = stale.current.pk if stale.current else ""
        form = VerdictForm(data)
        form.is_valid()
        form.add_error(
            None,
            _(
                "Someone else proposed a verdict while you were writing yours; it is shown "
                "above. Yours is still here: send it again to replace theirs."
            ),
        )
        return _render_section(request, claim, "verdict", verdict_form=form)
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    messages.success(request, _("Verdict proposed. An editor other than you must approve it."))
    return redirect(claim)


def _pending_for_review(request: HttpRequest, pk: int, verdict_pk: int) -> tuple[Claim, Verdict]:
    claim = get_claim_for_user(request, pk)
    verdict = claim.verdicts.filter(pk=verdict_pk).first()
    if verdict is None:
        raise Http404
    return claim, verdict


@require_POST
@editor_required
def verdict_approve(request: HttpRequest, pk: int, verdict_pk: int) -> HttpResponse:
    claim, verdict = _pending_for_review(request, pk, verdict_pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _render_section(request, claim, "verdict", review_form=form)
    try:
        workflow.approve_verdict(verdict, by=request.user, comment=form.cleaned_data["comment"])
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    messages.success(request, _("Verdict approved: the claim is published."))
    return redirect(claim)


@require_POST
@editor_required
def verdict_send_back(request: HttpRequest, pk: int, verdict_pk: int) -> HttpResponse:
    claim, verdict = _pending_for_review(request, pk, verdict_pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _render_section(request, claim, "verdict", review_form=form)
    try:
        workflow.send_back_verdict(verdict, by=request.user, comment=form.cleaned_data["comment"])
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    messages.success(request, _("Verdict sent back to research."))
    return redirect(claim)
