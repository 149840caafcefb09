"""Labels for the codes stored in timeline events, in the reader's language."""

from __future__ import annotations

from django import template

from claims.choices import ClaimStatus, Rating, Stance

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
