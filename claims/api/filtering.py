"""The list filters as the API's schema states them.

The pages and the API share one FilterSet, but a browser's filter form sends
every field, empty ones meaning "any", while the schema says what a value is:
an integer, a date, one of an enum, true or false. So the API refuses an empty
value for a typed filter and a boolean that is not ``true`` or ``false`` (the
form's widget would read ``null`` as "any"), instead of quietly ignoring them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from claims.filters import OpenChoiceFilter

BOOLEANS = {"true", "false"}
DATE_FILTERS = (django_filters.DateFilter, django_filters.DateFromToRangeFilter)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_iso_date(value: str) -> bool:
    if not ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parameter_names(name: str, filter_: django_filters.Filter) -> list[str]:
    """The query parameters a filter reads: a range reads two (added_after, added_before)."""
    suffixes = getattr(getattr(filter_.field_class, "widget", None), "suffixes", None)
    if isinstance(filter_, django_filters.RangeFilter | django_filters.DateFromToRangeFilter):
        return [f"{name}_{suffix}" if suffix else name for suffix in suffixes or ["min", "max"]]
    return [name]


def refused_parameters(
    params: Any, filters: dict[str, django_filters.Filter]
) -> dict[str, list[str]]:
    """What the schema refuses and the form would have let through, by parameter."""
    errors: dict[str, list[str]] = {}
    for name, filter_ in filters.items():
        for parameter in parameter_names(name, filter_):
            values = params.getlist(parameter)
            if not values:
                continue
            value = values[-1]
            # Text (a language is any text too) may be empty, and so may a sort: the
            # schema says string, or a list that may have no items.
            if value.strip() == "" and not isinstance(
                filter_,
                django_filters.CharFilter | OpenChoiceFilter | django_filters.OrderingFilter,
            ):
                errors[parameter] = [_("Give a value, or leave the parameter out.")]
            elif isinstance(filter_, django_filters.BooleanFilter) and value not in BOOLEANS:
                errors[parameter] = [_("Give true or false.")]
            elif isinstance(filter_, DATE_FILTERS) and not is_iso_date(value):
                # The page's form reads "3 mai 2023" too; the schema says ISO 8601.
                errors[parameter] = [_("Give a date as YYYY-MM-DD.")]
            elif isinstance(filter_, django_filters.BaseCSVFilter) and "" in value.split(","):
                # django-filter drops the empty item of "added,"; the schema has no such item.
                errors[parameter] = [_("Give values separated by commas, none of them empty.")]
    return errors


class StrictFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            errors = refused_parameters(request.query_params, filterset_class.base_filters)
            if errors:
                raise ValidationError(errors)
        return super().filter_queryset(request, queryset, view)
