"""Where sources disagree: the list of disputes, and one dispute with its values side by side."""

from __future__ import annotations

from decimal import Decimal
from html import escape  # Django's escape, without its lazy-string wrapper: thousands of calls
from typing import NamedTuple
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST, require_safe

from claims import bidi, disputes, plots, workflow
from claims.choices import Agreement, DisputeStatus, Stance, ValueRank
from claims.forms import MAX_TEXT
from claims.models import Claim, Dispute, DisputeResolution, Evidence, ResolutionStatus
from claims.views.access import editor_required, reviewer_required

SUPPORTED_OTHER = "other"
# Claims compared side by side in the dispute's table: the latest of each value group;
# the claims list (filtered to the dispute) has them all.
COMPARED = 8
# Value groups the resolution form offers at most (the largest), and per group how
# many wordings of its value and sources of its latest claims it names.
MAX_GROUP_CHOICES = 50
CHOICE_WORDINGS = 3
CHOICE_SOURCES = 2
# The start of an excerpt the resolution form shows beside the evidence to cite.
CITED_EXCERPT = 100


class EvidenceToCite(NamedTuple):
    pk: int
    claim_id: int
    stance: str
    name: str
    excerpt: str


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
    """Everything the dispute page shows; views pass bound forms to show their errors.

    Its cost is bounded whatever the dispute's size: every claim's value is read as a
    plain row (to compare, count and bin them), but only a bounded few are shown in
    full: the table's ``COMPARED`` claims, the plot's claims when it draws one mark per
    claim (``plots.MAX_MARKS`` at most) and the latest of each value group offered.
    """
    claims = disputes.page_claims(dispute)
    comparison = disputes.compare(claims, tolerance=dispute.tolerance)
    groups = disputes.value_groups(comparison)
    offered, left_out = disputes.groups_to_offer(groups, MAX_GROUP_CHOICES)
    shown = disputes.representatives(groups, COMPARED)
    labelled = {c.pk: c for c in shown}
    for group in offered:
        labelled.update((c.pk, c) for c in group.latest(CHOICE_SOURCES))
    if not plots.is_binned(comparison):
        labelled.update((c.pk, c) for c in claims)
    disputes.label_quotes(list(labelled.values()))
    # The table: a few claims in full, by value group as the plot orders them, with
    # their quotes in context (which read the articles) and their evidence.
    order = {c.pk: (index, c.pk) for index, g in enumerate(groups) for c in g.claims}
    label_of = {c.pk: g.label for g in groups for c in g.claims}
    compared = sorted(Claim.objects.filter(pk__in=[c.pk for c in shown]), key=lambda c: order[c.pk])
    for claim in compared:
        claim.value_group = label_of[claim.pk]
    disputes.claims_in_full(compared)
    evidence = _evidence_to_cite(compared)
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
        "claim_count": len(claims),
        "compared": compared,
        "more_claims": len(claims) - len(compared),
        "more_url": f"{reverse('claim_list')}?{urlencode({'dispute': dispute.pk})}",
        "plot": plots.dispute_plot(comparison, tolerance=dispute.tolerance),
        "group_count": len(comparison.clusters),
        "groups_left_out": left_out,
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
    context["supported_choices"] = supported_choices(offered, form["supported"].value())
    context["evidence_choices"] = evidence_choices(
        compared, evidence, form["evidence"].value() or []
    )
    return context


def _evidence_to_cite(claims: list[Claim]) -> dict[int, list[EvidenceToCite]]:
    """The evidence of the claims the table shows (``claims_in_full`` read it), by claim,
    with what the resolution form shows of each piece."""
    return {
        claim.pk: [
            EvidenceToCite(
                item.pk,
                claim.pk,
                item.stance,
                item.title or (item.source.title if item.source_id else "") or item.url,
                item.excerpt[: CITED_EXCERPT + 1],
            )
            for item in claim.evidence_items
        ]
        for claim in claims
        if claim.evidence_items
    }


def _cut(text: str, limit: int) -> str:
    """As the template's ``truncatechars`` cuts."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def supported_choices(groups: list[disputes.ValueGroup], chosen: str | None) -> SafeString:
    """The resolution form's choice of a value group, one per group: its first claim
    stands for it (the claims agreeing with it become preferred). Each says how the
    claims state the value, how many there are, and where the latest were read."""
    parts = []
    for group in groups:
        pk = group.first.pk
        checked = " checked" if chosen == str(pk) else ""
        wordings = " / ".join(escape(text) for text in group.wordings[:CHOICE_WORDINGS])
        if len(group.wordings) > CHOICE_WORDINGS:
            wordings += " …"
        count = ngettext("%(count)s claim", "%(count)s claims", group.count) % {
            "count": plots.format_number(group.count)
        }
        sources = []
        for claim in group.latest(CHOICE_SOURCES):
            sources += [_cut(q.source.title, 60) for q in claim.quoted_in[:1]]
            if not claim.quoted_in:
                sources.append(_("no source yet"))
        rank = ""
        if group.rank in (ValueRank.PREFERRED, ValueRank.SUPERSEDED):
            rank = (
                f' <span class="badge rank-{group.rank}">'
                f"{escape(str(ValueRank(group.rank).label))}</span>"
            )
        more = " …" if group.count > CHOICE_SOURCES else ""
        parts.append(
            f'<div class="choice"><input type="radio" name="supported" value="{pk}"'
            f' id="supported-{pk}"{checked}><label for="supported-{pk}">'
            f"<strong>{escape(group.label)}</strong> {wordings}{rank}"
            f' <span class="muted">— {escape(count)}: {escape("; ".join(sources))}{more}'
            "</span></label></div>"
        )
    return mark_safe("\n".join(parts))


def evidence_choices(
    claims: list[Claim], evidence: dict[int, list[EvidenceToCite]], cited: list[str]
) -> SafeString:
    """The resolution form's evidence to cite: every piece of evidence of the claims shown."""
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
    template = (
        "claims/dispute_detail.html#dispute" if request.htmx else "claims/dispute_detail.html"
    )
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
