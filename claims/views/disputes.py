"""Where sources disagree: the list of disputes, and one dispute with its values side by side."""

from __future__ import annotations

from decimal import Decimal
from html import escape  # Django's escape, without its lazy-string wrapper: thousands of calls

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from claims import bidi, disputes, plots, workflow
from claims.choices import Agreement, DisputeStatus, Stance
from claims.forms import MAX_TEXT
from claims.models import Claim, Dispute, DisputeResolution, Evidence, ResolutionStatus
from claims.views.access import editor_required, reviewer_required

SUPPORTED_OTHER = "other"
# Claims compared side by side per page of the dispute's table (the plot shows them all).
COMPARED_PER_PAGE = 8


class DisputeListForm(forms.Form):
    show = forms.ChoiceField(
        label=gettext_lazy("Show"),
        required=False,
        choices=[
            (disputes.SHOW_OPEN, gettext_lazy("Open conflicts")),
            (disputes.SHOW_CORROBORATIONS, gettext_lazy("Corroborations")),
            (disputes.SHOW_NOT_COMPARABLE, gettext_lazy("Not comparable")),
            (disputes.SHOW_RESOLVED, gettext_lazy("Resolved")),
            (disputes.SHOW_ALL, gettext_lazy("All")),
        ],
    )


class ResolveForm(forms.Form):
    """A proposed resolution: a claim's id, or "other" with the established value; the
    evidence that shows it and/or a note.

    Whether the claim and the evidence belong to the dispute is the service's rule,
    not the form's.
    """

    supported = forms.CharField(
        label=gettext_lazy("Which value does the evidence support?"),
        error_messages={
            "required": gettext_lazy(
                "Choose the value the evidence supports, or give the established value."
            )
        },
    )
    established_value = forms.CharField(
        label=gettext_lazy("Established value"),
        required=False,
        max_length=Dispute._meta.get_field("established_value").max_length,
        help_text=gettext_lazy("Only when the evidence shows a value none of the claims states."),
    )
    evidence = forms.TypedMultipleChoiceField(
        label=gettext_lazy("The evidence that shows it"), coerce=int, required=False
    )
    note = forms.CharField(
        label=gettext_lazy("Why (note)"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "What the evidence shows; needed when no evidence is cited. It goes into every "
            "claim's timeline."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Any evidence id is acceptable here; the service refuses another dispute's.
        self.fields["evidence"].valid_value = lambda value: True

    def clean_supported(self) -> str:
        value = self.cleaned_data["supported"]
        if value != SUPPORTED_OTHER and not value.isdigit():
            raise ValidationError(_("Choose one of the values listed."), code="invalid")
        return value

    def clean(self) -> dict:
        data = super().clean()
        if data.get("supported") == SUPPORTED_OTHER and not data.get("established_value"):
            self.add_error("established_value", _("Give the value the evidence establishes."))
        return data


class ReviewResolutionForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Needed to send it back: say what is missing."),
    )


class ToleranceForm(forms.Form):
    percent = forms.DecimalField(
        label=gettext_lazy("Tolerance (%)"),
        min_value=Decimal(0),
        max_value=disputes.MAX_TOLERANCE * 100,
        max_digits=6,
        decimal_places=2,
        help_text=gettext_lazy("Figures this close to the larger one, in percent, agree."),
    )


def _get_dispute(pk: int) -> Dispute:
    return get_object_or_404(
        Dispute.objects.select_related("subject", "property", "resolved_by"), pk=pk
    )


@require_safe
@reviewer_required
def dispute_list(request: HttpRequest) -> HttpResponse:
    form = DisputeListForm(request.GET)
    show = disputes.SHOW_OPEN
    if form.is_valid() and form.cleaned_data["show"]:
        show = form.cleaned_data["show"]
    page = Paginator(disputes.to_show(show), settings.FACTCHECK_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = list(page)
    disputes.attach_values(rows)
    context = {"form": form, "show": show, "page": page, "rows": rows}
    template = "claims/dispute_list.html#results" if request.htmx else "claims/dispute_list.html"
    return render(request, template, context)


def dispute_page_context(request: HttpRequest, dispute: Dispute, **overrides) -> dict:
    """Everything the dispute page shows; views pass bound forms to show their errors."""
    claims = list(disputes.group_claims(dispute))
    comparison = disputes.compare(claims, tolerance=dispute.tolerance)
    # Claims that agree stand next to each other, labelled A, B…; a claim whose
    # value cannot be compared has no group.
    clusters = plots.labelled_clusters(comparison)
    columns: list[Claim] = []
    for label, cluster in clusters:
        for claim in sorted(cluster.claims, key=lambda c: c.pk):
            claim.value_group = label
            columns.append(claim)
    for claim in comparison.unknown:
        claim.value_group = ""
        columns.append(claim)
    # The plot draws every claim; the table compares them a page at a time, with
    # their quotes in context (which read the articles).
    page = Paginator(columns, COMPARED_PER_PAGE).get_page(request.GET.get("page"))
    compared = list(page.object_list)
    disputes.claims_in_full(compared)
    evidence = disputes.evidence_to_cite(dispute)
    resolutions = list(
        dispute.resolutions.select_related(
            "proposed_by", "reviewed_by", "supported_claim"
        ).prefetch_related(Prefetch("evidence", queryset=Evidence.objects.select_related("source")))
    )
    pending = next((r for r in resolutions if r.status == ResolutionStatus.PROPOSED), None)
    confirmed = next((r for r in resolutions if r.status == ResolutionStatus.CONFIRMED), None)
    latest = resolutions[0] if resolutions else None
    context = {
        "pending": pending,
        "can_confirm": pending is not None and disputes.can_confirm(pending, request.user),
        "confirmed": confirmed,
        # A proposal sent back since the last decision: its proposer sees why.
        "sent_back": latest if latest and latest.status == ResolutionStatus.SENT_BACK else None,
        "review_form": ReviewResolutionForm(),
        "has_evidence": bool(evidence),
        "dispute": dispute,
        "claims": columns,
        "compared": compared,
        "compared_page": page,
        "plot": plots.dispute_plot(comparison, tolerance=dispute.tolerance),
        "group_count": len(clusters),
        "is_numeric": comparison.is_numeric,
        "can_resolve": dispute.agreement != Agreement.CORROBORATION,
        "is_resolved": dispute.status == DisputeStatus.RESOLVED,
        "resolve_form": ResolveForm(),
        "tolerance_form": ToleranceForm(
            initial={"percent": (dispute.tolerance * 100).quantize(Decimal("0.01"))}
        ),
        "notice": "",
    }
    context.update(overrides)
    form = context["resolve_form"]
    context["supported_choices"] = supported_choices(columns, form["supported"].value())
    context["evidence_choices"] = evidence_choices(
        columns, evidence, form["evidence"].value() or []
    )
    return context


def _cut(text: str, limit: int) -> str:
    """As the template's ``truncatechars`` cuts."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def supported_choices(claims: list[Claim], chosen: str | None) -> SafeString:
    """The resolution form's choice of a claim, one per claim of the dispute: built here
    rather than in a template loop, which spends milliseconds on a few hundred claims."""
    parts = []
    for claim in claims:
        checked = " checked" if chosen == str(claim.pk) else ""
        sources = "; ".join(_cut(a.source.title, 60) for a in claim.quoted_in)
        parts.append(
            f'<div class="choice"><input type="radio" name="supported" value="{claim.pk}"'
            f' id="supported-{claim.pk}"{checked}><label for="supported-{claim.pk}">'
            f'{escape(claim.value_text or "—")} <span class="muted">— '
            f"{escape(sources or claim.statement)}</span></label></div>"
        )
    return mark_safe("\n".join(parts))


def evidence_choices(
    claims: list[Claim], evidence: dict[int, list[disputes.EvidenceToCite]], cited: list[str]
) -> SafeString:
    """The resolution form's evidence to cite: every piece of every claim's evidence."""
    colon = escape(_(":"))
    stances = {stance.value: escape(str(stance.label)) for stance in Stance}
    parts = []
    for claim in claims:
        value = escape(claim.value_text or "—")
        for item in evidence.get(claim.pk, ()):
            checked = " checked" if str(item.pk) in cited else ""
            excerpt = (
                f' <span class="muted">— {bidi.show_controls(_cut(item.excerpt, 100))}</span>'
                if item.excerpt
                else ""
            )
            parts.append(
                f'<div class="choice"><input type="checkbox" name="evidence" value="{item.pk}"'
                f' id="cite-{item.pk}"{checked}><label for="cite-{item.pk}">'
                f'<span class="badge stance-{item.stance}">{stances[item.stance]}'
                f"</span> {value}{colon} {escape(item.name)}{excerpt}</label></div>"
            )
    return mark_safe("\n".join(parts))


@require_safe
@reviewer_required
def dispute_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = _get_dispute(pk)
    template = "claims/dispute_detail.html"
    if request.htmx:
        # The table's pager swaps the table alone; the forms swap the whole dispute.
        template += "#values" if request.htmx.target == "values" else "#dispute"
    return render(request, template, dispute_page_context(request, dispute))


def _render_dispute(request: HttpRequest, dispute: Dispute, **overrides) -> HttpResponse:
    """The dispute section alone for htmx, or the whole page; both show the same markup.

    Refused input answers 200 too, so that htmx swaps the form with its errors in.
    """
    dispute.refresh_from_db()
    context = dispute_page_context(request, dispute, **overrides)
    template = (
        "claims/dispute_detail.html#dispute" if request.htmx else "claims/dispute_detail.html"
    )
    return render(request, template, context)


def _done(request: HttpRequest, dispute: Dispute, notice: str) -> HttpResponse:
    if request.htmx:
        return _render_dispute(request, dispute, notice=notice)
    messages.success(request, notice)
    return redirect(dispute)


@require_POST
@reviewer_required
def dispute_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose a resolution; an editor who did not propose it confirms it."""
    dispute = _get_dispute(pk)
    form = ResolveForm(request.POST)
    if not form.is_valid():
        return _render_dispute(request, dispute, resolve_form=form)
    data = form.cleaned_data
    cited = list(Evidence.objects.filter(pk__in=data["evidence"]))
    if len(cited) != len(set(data["evidence"])):
        form.add_error("evidence", _("Some of the evidence cited no longer exists."))
        return _render_dispute(request, dispute, resolve_form=form)
    try:
        if data["supported"] == SUPPORTED_OTHER:
            choice = {"value": data["established_value"]}
        else:
            choice = {"claim": Claim(pk=int(data["supported"]))}
        disputes.propose_resolution(
            dispute, by=request.user, note=data["note"], evidence=cited, **choice
        )
    except workflow.NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except workflow.WorkflowError as error:
        form.add_error(None, error.message)
        return _render_dispute(request, dispute, resolve_form=form)
    return _done(
        request, dispute, _("Resolution proposed. An editor other than you must confirm it.")
    )


def _pending_for_review(dispute: Dispute, resolution_pk: int) -> DisputeResolution:
    resolution = dispute.resolutions.filter(pk=resolution_pk).first()
    if resolution is None:
        raise Http404
    return resolution


@require_POST
@editor_required
def resolution_confirm(request: HttpRequest, pk: int, resolution_pk: int) -> HttpResponse:
    dispute = _get_dispute(pk)
    resolution = _pending_for_review(dispute, resolution_pk)
    form = ReviewResolutionForm(request.POST)
    if not form.is_valid():
        return _render_dispute(request, dispute, review_form=form)
    try:
        disputes.confirm_resolution(
            resolution, by=request.user, comment=form.cleaned_data["comment"]
        )
    except workflow.NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except workflow.WorkflowError as error:
        form.add_error(None, error.message)
        return _render_dispute(request, dispute, review_form=form)
    return _done(request, dispute, _("Dispute resolved. Every claim's timeline records it."))


@require_POST
@editor_required
def resolution_send_back(request: HttpRequest, pk: int, resolution_pk: int) -> HttpResponse:
    dispute = _get_dispute(pk)
    resolution = _pending_for_review(dispute, resolution_pk)
    form = ReviewResolutionForm(request.POST)
    if not form.is_valid():
        return _render_dispute(request, dispute, review_form=form)
    try:
        disputes.send_back_resolution(
            resolution, by=request.user, comment=form.cleaned_data["comment"]
        )
    except workflow.NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except workflow.WorkflowError as error:
        form.add_error(None, error.message)
        return _render_dispute(request, dispute, review_form=form)
    return _done(request, dispute, _("Resolution sent back to its proposer."))


@require_POST
@reviewer_required
def dispute_tolerance(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = _get_dispute(pk)
    form = ToleranceForm(request.POST)
    if not form.is_valid():
        return _render_dispute(request, dispute, tolerance_form=form)
    try:
        disputes.set_tolerance(
            dispute, by=request.user, tolerance=form.cleaned_data["percent"] / 100
        )
    except workflow.NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except workflow.WorkflowError as error:
        form.add_error(None, error.message)
        return _render_dispute(request, dispute, tolerance_form=form)
    return _done(request, dispute, _("Tolerance saved; the values were compared again."))
