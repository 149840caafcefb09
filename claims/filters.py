"""Which claims: the one definition the list page, the CSV export and the API share."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from claims import dates, search
from claims.choices import ClaimStatus, Rating, ValueKind
from claims.forms import team_members
from claims.languages import language_name
from claims.models import (
    Appearance,
    Claim,
    Source,
    Subject,
    disputed_claims,
    normalise_name,
    property_label,
)

# What an unset filter means, in words rather than Django's "---------".
ANY = _("any")


class DateRangeField(django_filters.fields.RangeField):
    """django-filter's date range, each bound typed as people write dates (claims.dates)."""

    widget = django_filters.widgets.DateRangeWidget
    compress = django_filters.fields.DateRangeField.compress

    def __init__(self, *args, **kwargs) -> None:
        super().__init__((dates.DateField(), dates.DateField()), *args, **kwargs)


class DateFromToRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = DateRangeField


def article_languages() -> list[tuple[str, str]]:
    codes = Source.objects.order_by().values_list("language", flat=True).distinct()
    return sorted(((code, language_name(code)) for code in codes), key=lambda c: c[1])


class YesNoWidget(django_filters.widgets.BooleanWidget):
    """Yes, no, or either (django-filter says "Unknown" for the last)."""

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs)
        self.choices = (("", ANY), ("true", _("yes")), ("false", _("no")))


class OrderingFilter(django_filters.OrderingFilter):
    """Sorts by property in the interface language's labels, as the list shows them."""

    def get_ordering_value(self, param: str):
        if param.lstrip("-") != "property":
            return super().get_ordering_value(param)
        label = property_label("property__")
        return label.desc() if param.startswith("-") else label.asc()


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ClaimStatus.choices, empty_label=ANY
    )
    rating = django_filters.ChoiceFilter(label=_("Rating"), choices=Rating.choices, empty_label=ANY)
    # One article by id (links from an article page; the export and API take it too),
    # never rendered as a drop-down: an archive holds thousands of articles.
    source = django_filters.ModelChoiceFilter(
        label=_("Article"),
        queryset=Source.objects.filter(Exists(Appearance.objects.filter(source=OuterRef("pk"))))
        .only("pk", "title")
        .order_by("title"),
        method="filter_source",
        widget=forms.HiddenInput,
    )
    article = django_filters.CharFilter(label=_("Article title"), method="filter_article")
    assignee = django_filters.ModelChoiceFilter(
        label=_("Assignee"), queryset=team_members(), empty_label=ANY
    )
    # Text, not a drop-down: a newsroom's archive holds thousands of subjects.
    subject = django_filters.CharFilter(label=_("Subject"), method="filter_subject")
    value_kind = django_filters.ChoiceFilter(
        label=_("Value kind"), choices=ValueKind.choices, empty_label=ANY
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=article_languages, method="filter_language", empty_label=ANY
    )
    disputed = django_filters.BooleanFilter(
        label=_("Disputed"), method="filter_disputed", widget=YesNoWidget
    )
    added = DateFromToRangeFilter(label=_("Added between"), field_name="created_at")
    ordering = OrderingFilter(
        label=_("Sort by"),
        fields=[
            ("statement", "statement"),
            ("subject__name", "subject"),
            ("property__label", "property"),
            ("status", "status"),
            ("rating", "rating"),
            ("updated_at", "updated"),
            ("created_at", "added"),
            ("pk", "id"),
        ],
    )

    # The sort the list has when none is asked for: Claim's own order, by its key here.
    DEFAULT_ORDERING = "-updated"

    class Meta:
        model = Claim
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[Claim]:
        # A stable order under every sort, so pages never repeat or skip a claim.
        queryset = super().qs
        ordering = list(queryset.query.order_by) or list(Claim._meta.ordering)
        if "-pk" not in ordering and "pk" not in ordering:
            ordering.append("-pk")
        return queryset.order_by(*ordering)

    def filter_search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return search.search(queryset, value)

    def filter_source(self, queryset: QuerySet[Claim], name: str, value: Source) -> QuerySet[Claim]:
        return queryset.filter(
            Exists(Appearance.objects.filter(claim=OuterRef("pk"), source=value))
        )

    def filter_article(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return queryset.filter(
            Exists(
                Appearance.objects.filter(
                    claim=OuterRef("pk"), source__title__icontains=value.strip()
                )
            )
        )

    def filter_language(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return queryset.filter(
            Exists(Appearance.objects.filter(claim=OuterRef("pk"), source__language=value))
        )

    def filter_disputed(self, queryset: QuerySet[Claim], name: str, value: bool) -> QuerySet[Claim]:
        return queryset.filter(disputed_claims() if value else ~disputed_claims())

    def filter_subject(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        key = normalise_name(value)
        return queryset.filter(
            Q(subject__normalised_name__contains=key)
            | Q(subject__in=Subject.objects.filter(aliases__normalised_alias__contains=key))
        )
