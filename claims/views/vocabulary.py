"""Subjects with their aliases, and the property vocabulary, kept by reviewers."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from claims import plots, vocabulary
from claims.choices import ValueKind
from claims.models import (
    Claim,
    Property,
    Subject,
    SubjectAlias,
    normalise_name,
    property_label,
)
from claims.views.access import reviewer_required
from claims.workflow import NotAllowed

SUBJECTS_PER_PAGE = 100


class AliasForm(forms.Form):
    alias = forms.CharField(label=gettext_lazy("Another name"), max_length=200)


class SubjectForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)


class PropertyForm(forms.Form):
    label = forms.CharField(label=capfirst(gettext_lazy("English label")), max_length=200)
    label_fr = forms.CharField(label=capfirst(gettext_lazy("French label")), max_length=200)
    value_kind = forms.ChoiceField(
        label=gettext_lazy("Expected value kind"),
        choices=[("", gettext_lazy("any")), *ValueKind.choices],
        required=False,
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _saved(request: HttpRequest, form: forms.Form, action) -> bool:
    """Run a vocabulary action; a refusal becomes the form's error, shown in place."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except vocabulary.VocabularyError as error:
        form.add_error(None, error.message)
        return False
    return True


@require_http_methods(["GET", "HEAD", "POST"])
@reviewer_required
def subject_list(request: HttpRequest) -> HttpResponse:
    form = SubjectForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and _saved(
        request, form, lambda data: vocabulary.add_subject(data["name"], by=request.user)
    ):
        messages.success(request, _("Subject added."))
        return redirect("subject_list")
    subjects = Subject.objects.annotate(claim_count=Count("claims")).prefetch_related(
        Prefetch("aliases", queryset=SubjectAlias.objects.order_by("alias"))
    )
    query = request.GET.get("q", "").strip()
    if query:
        key = normalise_name(query)
        subjects = subjects.filter(
            Q(normalised_name__contains=key) | Q(aliases__normalised_alias__contains=key)
        ).distinct()
    page = Paginator(subjects.order_by("name"), SUBJECTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "claims/subject_list.html",
        {"page": page, "form": form, "query": query},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@reviewer_required
def subject_detail(request: HttpRequest, pk: int) -> HttpResponse:
    subject = get_object_or_404(Subject, pk=pk)
    form = AliasForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and _saved(
        request, form, lambda data: vocabulary.add_alias(subject, data["alias"], by=request.user)
    ):
        messages.success(request, _("Alias added."))
        return redirect("subject_detail", pk=subject.pk)
    # A subject may be in hundreds of thousands of claims: the page's ids are read
    # from an index (subject, property, id), then only the page's rows.
    listed = vocabulary.ClaimsByProperty(subject)
    page = Paginator(listed, settings.FACTCHECK_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = (
        Claim.objects.filter(pk__in=page.object_list)
        .select_related("property")
        .defer("search_text")
        .order_by(property_label("property__"), "pk")
    )
    quotes = plots.latest_quotes(subject.pk, claim_count=page.paginator.count)
    history, left_out = plots.history_charts(quotes)
    return render(
        request,
        "claims/subject_detail.html",
        {
            "subject": subject,
            "aliases": subject.aliases.order_by("alias"),
            "claims": page.object_list,
            "page": page,
            "history": history,
            "history_left_out": left_out,
            "history_limited": len(quotes) == plots.HISTORY_LIMIT,
            "history_limit": plots.HISTORY_LIMIT,
            "form": form,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@reviewer_required
def property_list(request: HttpRequest) -> HttpResponse:
    form = PropertyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and _saved(
        request,
        form,
        lambda data: vocabulary.add_property(
            data["label"],
            label_fr=data["label_fr"],
            by=request.user,
            value_kind=data["value_kind"],
            description=data["description"],
        ),
    ):
        messages.success(request, _("Property added."))
        return redirect("property_list")
    properties = Property.objects.annotate(claim_count=Count("claims")).order_by(
        property_label(), "code"
    )
    return render(
        request,
        "claims/property_list.html",
        {"properties": properties, "form": form},
    )
