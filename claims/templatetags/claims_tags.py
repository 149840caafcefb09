"""Labels for the codes stored in timeline events, in the reader's language."""

from __future__ import annotations

import datetime

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language

from claims import dates
from claims.choices import ClaimStatus, Rating, Stance
from claims.languages import language_name as _language_name
from claims.models import Claim, Evidence, Property, Source
from claims.values import format_value, unit_name

register = template.Library()


def _label(choices: type, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


@register.filter
def status_label(value: str) -> str:
    return _label(ClaimStatus, value)


@register.filter
def rating_label(value: str) -> str:
    return _label(Rating, value)


@register.filter
def stance_label(value: str) -> str:
    return _label(Stance, value)


@register.filter
def claim_field_label(name: str) -> str:
    """The claim field's own verbose name, so the timeline reads in the reader's language."""
    try:
        return str(Claim._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


@register.filter
def evidence_field_label(name: str) -> str:
    try:
        return str(Evidence._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


@register.filter
def normalised_value(claim: Claim) -> str:
    """The claim's structured value in the reader's language ("$0.14 per million tokens").

    The stated wording is shown beside it untouched: the interface language
    never rewrites what an article said.
    """
    try:
        return format_value(claim, get_language() or "en")
    except ValueError:
        return claim.value_text


@register.filter
def published_date(source: Source) -> str:
    """When the source was published, as far as it is known: "2021", "May 2023", "4 Dec 2026"."""
    return dates.format_date(source.published_on, source.published_precision)


@register.filter
def language_name(code: str) -> str:
    """ "fr" as the reader's language names it: "French", "Français"."""
    return _language_name(code)


@register.filter
def claim_field_value(value: str, name: str) -> str:
    """A value the timeline stored for a claim field, as the reader reads it.

    Events keep codes (a property's code, a choice's value, an ISO date, a unit's
    stored name); older events kept the property's English label.
    """
    if not value:
        return value
    try:
        field = Claim._meta.get_field(name)
    except FieldDoesNotExist:
        return value
    if name == "property":
        found = Property.objects.filter(Q(code=value) | Q(label=value)).first()
        return str(found) if found else value
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateField):
        try:
            return dates.format_date(datetime.date.fromisoformat(value))
        except ValueError:
            return value
    if name == "value_unit":
        return unit_name(value, get_language() or "en")
    return value
