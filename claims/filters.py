"""Which claims: the one definition the list page, the CSV export and the API share."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import connections
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from claims import dates, publishing, search, tally
from claims.choices import ClaimStatus, Rating, ValueKind
from claims.forms import ReadChoiceField, team_members
from claims.languages import language_name
from claims.models import (
    Appearance,
    Claim,
    Dispute,
    Source,
    Subject,
    Verdict,
    VerdictStatus,
    disputed_claims,
    normalise_name,
    property_label,
)

# Ids are 64-bit integers in both databases; a larger number is not an id at all.
ID_MIN, ID_MAX = -(2**63), 2**63 - 1


class IdField(ReadChoiceField):
    """A record by id: the record when it exists, the bare id when it does not.

    An id that names nothing is a valid question with no answer (no claim is
    assigned to user 0), so it filters everything out; only what is not an id
    at all ("abc", 2**70) is refused.
    """

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not (text.isascii() and text.lstrip("-").isdigit()) or not (
            ID_MIN <= int(text) <= ID_MAX
        ):
            raise ValidationError(_("Give the record’s id, a whole number."), code="invalid")
        return self.queryset.filter(pk=int(text)).first() or int(text)


@extend_schema_field({"type": "integer", "minimum": ID_MIN, "maximum": ID_MAX})
class IdFilter(django_filters.ModelChoiceFilter):
    field_class = IdField


class AnyChoiceField(django_filters.fields.ChoiceField):
    """Offers the choices it knows, takes any value: an unknown one matches nothing.

    Any value but one holding NUL, which a text field refuses too (PostgreSQL cannot
    compare with it, and the API's schema says so).
    """

    default_validators = [ProhibitNullCharactersValidator()]

    def valid_value(self, value: Any) -> bool:
        return True


class OpenChoiceFilter(django_filters.ChoiceFilter):
    field_class = AnyChoiceField


# What an unset filter means, in words rather than Django's "---------".
ANY = _("any")


EARLIEST, LATEST = datetime.date(1000, 1, 1), datetime.date(9998, 12, 31)


class DateRangeField(django_filters.fields.RangeField):
    """django-filter's date range, each bound typed as people write dates (claims.dates)."""

    widget = django_filters.widgets.DateRangeWidget

    def __init__(self, *args, **kwargs) -> None:
        super().__init__((dates.DateField(), dates.DateField()), *args, **kwargs)

    def compress(self, data_list: list[datetime.date | None]) -> slice | None:
        # A bound at the edge of the calendar (0001-01-01) cannot be turned into a
        # moment in the server's time zone (a 500, found by schemathesis); no claim
        # is that old or that far ahead, so the bound moves to where claims can be.
        bounds = [
            min(max(day, EARLIEST), LATEST) if day is not None else None for day in data_list or []
        ]
        return django_filters.fields.DateRangeField.compress(self, bounds)


class DateFromToRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = DateRangeField


def article_languages() -> list[tuple[str, str]]:
    codes = Source.languages()
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


class WordSearch:
    """A FilterSet's search (its ``q``): ``search.search`` over ``search_index``.

    On SQLite the search is measured once (``search.share``), so that the page and its
    count each go the quickest way: claim by claim in the list's order, or through the
    index.
    """

    search_index: search.Index = search.CLAIMS
    # On SQLite, how common the search is (see ``search.share``), once it has run.
    search_share: float | None = None
    _count_by_index = False

    def filter_search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        index = self.search_index
        terms = search.terms(value)
        if not terms or connections[queryset.db].vendor != "sqlite":
            return search.search(queryset, value, index=index)
        if self.search_share is None:
            self.search_share = search.share(terms, queryset.db, index)
        common = self.search_share >= search.COMMON_SHARE and not self._count_by_index
        return search.search(queryset, value, common=common, index=index)

    def searched(self) -> bool:
        """Whether a search narrows the list (it is then counted up to a bound)."""
        return self.is_valid() and bool(search.terms(self.form.cleaned_data.get("q") or ""))

    def counted(self) -> QuerySet[Claim]:
        """The same claims as ``qs``, as they are quickest to count.

        A fairly common search (1 to 10 % of the claims) pages quickest claim by claim
        in the list's order, but counts quickest through the index: reading claims
        until a thousand match would read a hundred thousand of them.
        """
        queryset = self.qs  # runs the search, which measures its share
        share = self.search_share
        if not self.is_valid() or share is None:
            return queryset
        if not search.COMMON_SHARE <= share < search.DENSE_SHARE:
            return queryset
        self._count_by_index = True
        try:
            return self.filter_queryset(self.queryset.all())
        finally:
            self._count_by_index = False


class ClaimFilter(WordSearch, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ClaimStatus.choices, empty_label=ANY
    )
    rating = django_filters.ChoiceFilter(label=_("Rating"), choices=Rating.choices, empty_label=ANY)
    # One article by id (links from an article page; the export and API take it too),
    # never rendered as a drop-down: an archive holds thousands of articles.
    source = IdFilter(
        label=_("Article"),
        queryset=Source.objects.filter(Exists(Appearance.objects.filter(source=OuterRef("pk"))))
        .only("pk", "title")
        .order_by("title"),
        method="filter_source",
        widget=forms.HiddenInput,
    )
    article = django_filters.CharFilter(label=_("Article title"), method="filter_article")
    # The claims of one disagreement (its subject and property) by the dispute's id: the
    # dispute's page sets a few side by side and links here for all of them.
    dispute = IdFilter(
        label=_("Disagreement"),
        queryset=Dispute.objects.select_related("subject", "property"),
        method="filter_dispute",
        widget=forms.HiddenInput,
    )
    assignee = IdFilter(label=_("Assignee"), queryset=team_members(), empty_label=ANY)
    # Text, not a drop-down: a newsroom's archive holds thousands of subjects.
    subject = django_filters.CharFilter(label=_("Subject"), method="filter_subject")
    value_kind = django_filters.ChoiceFilter(
        label=_("Value kind"), choices=ValueKind.choices, empty_label=ANY
    )
    # The languages of today's articles are offered; any other matches no claim.
    language = OpenChoiceFilter(
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

    # The sort the list has when none is asked for: Claim's own order, by its key here;
    # narrowed to a period of addition, the claims added latest in it first.
    DEFAULT_ORDERING = "-updated"
    DEFAULT_ORDERING_ADDED = "-added"

    class Meta:
        model = Claim
        fields: list[str] = []

    @property
    def default_ordering(self) -> str:
        """The sort when none is asked for. A period of addition is read by date added:
        sorted by last update, the claims added long ago (updated long ago, mostly)
        came after the whole archive's recent ones, which a million-claim list walked
        past on every page (25 ms on SQLite for the first page of the older half)."""
        added = self.form.cleaned_data.get("added") if self.is_valid() else None
        if added and (added.start or added.stop):
            return self.DEFAULT_ORDERING_ADDED
        return self.DEFAULT_ORDERING

    @property
    def qs(self) -> QuerySet[Claim]:
        # A stable order under every sort, so pages never repeat or skip a claim.
        queryset = super().qs
        if self.default_ordering != self.DEFAULT_ORDERING and not (
            self.form.cleaned_data.get("ordering")
        ):
            queryset = queryset.order_by("-created_at")
        ordering = list(queryset.query.order_by) or list(Claim._meta.ordering)
        if "-pk" not in ordering and "pk" not in ordering:
            ordering.append("-pk")
        return queryset.order_by(*ordering)

    def tallied(self) -> int | None:
        """How many claims the list holds, from the counts the database keeps by status
        and rating, when nothing else narrows it; None otherwise (it is then counted)."""
        if not self.is_valid():
            return None
        narrowing = {
            name
            for name, value in self.form.cleaned_data.items()
            if name != "ordering"
            and value not in (None, "", [])
            and not (isinstance(value, slice) and value.start is None and value.stop is None)
        }
        if not narrowing <= {"status", "rating"}:
            return None
        return tally.claims_counted(
            status=self.form.cleaned_data.get("status") or "",
            rating=self.form.cleaned_data.get("rating") or "",
        )

    def filter_source(
        self, queryset: QuerySet[Claim], name: str, value: Source | int
    ) -> QuerySet[Claim]:
        return queryset.filter(
            Exists(Appearance.objects.filter(claim=OuterRef("pk"), source=value))
        )

    def filter_dispute(
        self, queryset: QuerySet[Claim], name: str, value: Dispute | int
    ) -> QuerySet[Claim]:
        if not isinstance(value, Dispute):  # an id that names no dispute: no claim
            return queryset.none()
        return queryset.filter(subject_id=value.subject_id, property_id=value.property_id)

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


class PublicCheckFilter(WordSearch, django_filters.FilterSet):
    """Which published checks: the public index, its Atom feed and the JSON feed share it.

    Its search reads the words of statements alone (``search.PUBLIC``), never the
    workbench's, which hold internal evidence and notes.
    """

    search_index = search.PUBLIC

    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    rating = django_filters.ChoiceFilter(
        label=_("Rating"), choices=Rating.choices, empty_label=_("any rating")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language of the article"),
        choices=publishing.language_choices,
        empty_label=_("any language"),
        method="filter_language",
    )

    class Meta:
        model = Claim
        fields = ["q", "rating", "language"]

    def filter_language(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        quoted = Appearance.objects.filter(claim=OuterRef("pk"), source__language=value)
        return queryset.filter(Exists(quoted))

    def tallied(self) -> int | None:
        """How many checks the index holds, when only a rating narrows it (None otherwise:
        it is then counted): the published claims the database keeps count of, less
        any without an approval time (none, as the workflow stamps it; counted through
        the index's own index, which holds them first). At a million claims, counting a
        quarter of a million published ones took 82 ms on PostgreSQL."""
        if not self.is_valid():
            return None
        data = self.form.cleaned_data
        if data.get("q") or data.get("language"):
            return None
        rating = data.get("rating") or ""
        published = tally.claims_counted(status=ClaimStatus.PUBLISHED, rating=rating)
        unstamped = Claim.objects.filter(
            status=ClaimStatus.PUBLISHED, verdict_approved_at__isnull=True
        )
        # One probe of the index when there are none; counted only when there are some.
        if not unstamped.exists():
            return published
        return published - (unstamped.filter(rating=rating) if rating else unstamped).count()


class VerdictFilter(django_filters.FilterSet):
    """The API's verdict list: by claim (an unknown claim has none), status or rating."""

    claim = IdFilter(queryset=Claim.objects.only("pk"))
    status = django_filters.ChoiceFilter(choices=VerdictStatus.choices)
    rating = django_filters.ChoiceFilter(choices=Rating.choices)

    class Meta:
        model = Verdict
        fields: list[str] = []
