"""Labels for the codes stored in timeline events, in the reader's language."""

from __future__ import annotations

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from claims import bidi
from claims.choices import ClaimStatus, Rating, Stance
from claims.models import Claim, Evidence
from claims.values import format_value

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
def bidi_visible(text: str) -> SafeString:
    """Article text or a quote, with direction controls shown as marks (claims.bidi)."""
    return bidi.show_controls(text)


@register.filter
def has_bidi_controls(text: str) -> bool:
    return bidi.has_controls(str(text or ""))
