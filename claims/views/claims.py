"""The claims list (with its bulk actions) and the claim page with its actions."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from claims import dates, history, workflow
from claims.choices import ClaimStatus, Stance
from claims.filters import ClaimFilter
from claims.forms import (
    AssignForm,
    BulkForm,
    ClaimForm,
    CommentForm,
    EvidenceForm,
    ReasonForm,
    ReviewForm,
    StatusForm,
    VerdictForm,
)
from claims.models import Claim, Evidence, Verdict
from claims.roles import is_editor
from claims.views.access import editor_required, get_claim_for_user, reviewer_required


@require_safe
@reviewer_required
def claim_list(request: HttpRequest) -> HttpResponse:
    claim_filter = ClaimFilter(request.GET, queryset=Claim.objects.for_list())
    page = claim_filter.qs.paginate(request.GET.get("page"), settings.FACTCHECK_PAGE_SIZE)
    requested = claim_filter.form.cleaned_data.get("ordering") if claim_filter.is_valid() else None
    # The filters besides the search, which fold away on a phone: how many are in use,
    # and open when one of them is refused, so that its message is seen.
    folded = {name for name in request.GET if name not in {"q", "ordering", "page"}}
    refused = set(claim_filter.form.errors) - {"q", "ordering"}
    context = {
        "filter": claim_filter,
        "page": page,
        "bulk_form": BulkForm(),
        "date_help": dates.DATE_HELP,
        "active_filters": sum(1 for name in folded if request.GET.get(name)),
        "filters_open": bool(refused),
        "requested_ordering": requested[0] if requested else "",
        "current_ordering": requested[0] if requested else ClaimFilter.DEFAULT_ORDERING,
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


def claim_page_context(request: HttpRequest, claim: Claim, **overrides) -> dict:
    """Everything the claim page shows; views pass bound forms to show their errors."""
    evidence = list(claim.evidence.select_related("source", "added_by"))
    tally = dict(
        claim.evidence.order_by()
        .values_list("stance")
        .annotate(n=Count("pk"))
        .values_list("stance", "n")
    )
    verdicts = list(claim.verdicts.select_related("author", "reviewed_by"))
    pending = next((v for v in verdicts if v.status == "proposed"), None)
    context = {
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
        "evidence_form": EvidenceForm(prefix="new"),
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


@require_safe
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    return render(request, "claims/claim_detail.html", claim_page_context(request, claim))


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


@require_POST
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    form = EvidenceForm(request.POST, prefix="new")
    if not form.is_valid():
        return _render_section(request, claim, "evidence", evidence_form=form)
    try:
        workflow.add_evidence(claim, by=request.user, **form.cleaned_data)
    except workflow.WorkflowError as error:
        if isinstance(error, workflow.NotAllowed) or claim.status not in workflow.OPEN_STATUSES:
            # A locked claim's page has no evidence form to show the error in.
            return _refused(request, claim, error)
        form.add_error(None, error.message)
        return _render_section(request, claim, "evidence", evidence_form=form)
    if request.htmx:
        return _render_section(request, claim, "evidence")
    messages.success(request, _("Evidence added."))
    return redirect(claim)


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
        workflow.remove_evidence(evidence, by=request.user)
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    if request.htmx:
        return _render_section(request, claim, "evidence")
    messages.success(request, _("Evidence removed. It can be restored from the timeline."))
    return redirect(claim)


@require_POST
def evidence_restore(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    event = claim.events.filter(pk=event_pk).first()
    if event is None:
        raise Http404
    try:
        workflow.restore_evidence(event, by=request.user)
    except workflow.WorkflowError as error:
        return _refused(request, claim, error)
    messages.success(request, _("Evidence restored."))
    return redirect(claim)


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
