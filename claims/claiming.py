"""Turning a suggested claim into a claim, or into one more appearance of a claim we have.

A reviewer accepting a suggestion says what the claim is (statement, subject,
property, value) and where it appears (the sentence, or only the figure).
When the workbench already holds that claim — same subject, property and
value, or a near-identical statement — the quote is added to it instead: one
claim repeated by several articles is one claim with several appearances.
Dismissing a suggestion is remembered, so it is not offered again.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from claims.audit import records_actor
from claims.choices import ValueKind
from claims.models import (
    VALUE_FIELDS,
    Appearance,
    Claim,
    EventKind,
    Property,
    Source,
    Subject,
    SuggestionDismissal,
    normalise_name,
)
from claims.suggestions import Suggestion
from claims.workflow import (
    InvalidTransition,
    _record,
    require_reviewer,
    subject_named,
)

# Statements this similar (difflib's ratio, on folded text) are the same claim.
SAME_STATEMENT_RATIO = 0.9


@dataclass(frozen=True)
class Accepted:
    claim: Claim
    appearance: Appearance
    # False when the quote went to a claim the workbench already had.
    created: bool


def _number(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def same_value(claim: Claim, fields: dict[str, Any]) -> bool:
    """Whether ``fields`` state the value ``claim`` states, whatever the wording."""
    kind = fields.get("value_kind") or ValueKind.TEXT
    if claim.value_kind != kind:
        return False
    if kind == ValueKind.DATE:
        return (
            fields.get("value_date") is not None
            and claim.value_date == fields.get("value_date")
            and claim.value_date_precision == fields.get("value_date_precision", "")
        )
    if kind == ValueKind.TEXT:
        text = normalise_name(fields.get("value_text", "") or "")
        return bool(text) and normalise_name(claim.value_text) == text
    number = _number(fields.get("value_number"))
    return (
        number is not None
        and _number(claim.value_number) == number
        and claim.value_currency == (fields.get("value_currency") or "")
        and claim.value_unit == (fields.get("value_unit") or "")
        and _number(claim.value_per) == _number(fields.get("value_per"))
    )


def same_statement(a: str, b: str) -> bool:
    a, b = normalise_name(a), normalise_name(b)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SAME_STATEMENT_RATIO


def matching_claim(
    *, subject: Subject, property: Property, statement: str, fields: dict[str, Any]
) -> Claim | None:
    """The claim the workbench already has for this, if any.

    Same subject, property and value; or, about the same subject, a statement
    that differs by little more than punctuation or a word.
    """
    candidates = list(Claim.objects.filter(subject=subject).order_by("pk"))
    for claim in candidates:
        if claim.property_id == property.pk and same_value(claim, fields):
            return claim
    for claim in candidates:
        if same_statement(claim.statement, statement):
            return claim
    return None


def _anchor(claim: Claim, source: Source, start: int, end: int, by: AbstractBaseUser) -> Appearance:
    """The claim's appearance at these offsets, made (and put on its timeline) if new."""
    existing = Appearance.objects.filter(claim=claim, source=source, start=start, end=end).first()
    if existing is not None:
        return existing
    appearance = Appearance.anchor(claim=claim, source=source, start=start, end=end)
    appearance.save()
    _record(
        claim,
        by,
        EventKind.APPEARANCE_ADDED,
        source=source.pk,
        start=start,
        end=end,
        exact=appearance.exact,
    )
    return appearance


@records_actor
@transaction.atomic
def accept_suggestion(
    suggestion: Suggestion,
    *,
    source: Source,
    by: AbstractBaseUser,
    statement: str,
    subject: Subject | str,
    property: Property,
    value_fields: dict[str, Any],
    quote: str = "sentence",
) -> Accepted:
    """Create the claim a suggestion makes, or add its quote to the same claim we have.

    ``quote`` is "sentence" (the appearance is the whole sentence) or "figure"
    (only the figure's words). Records CREATED and APPEARANCE_ADDED events.
    """
    require_reviewer(by)
    statement = statement.strip()
    if not statement:
        raise InvalidTransition(_("A claim needs a statement."))
    if isinstance(subject, str):
        subject = subject_named(subject)
    unknown = set(value_fields) - set(VALUE_FIELDS)
    if unknown:
        raise ValueError(f"not value fields: {sorted(unknown)}")
    if quote == "figure":
        start, end = suggestion.start, suggestion.end
    else:
        start, end = suggestion.sentence_start, suggestion.sentence_end

    existing = matching_claim(
        subject=subject, property=property, statement=statement, fields=value_fields
    )
    if existing is not None:
        appearance = _anchor(existing, source, start, end, by)
        return Accepted(existing, appearance, created=False)

    claim = Claim(
        statement=statement, subject=subject, property=property, created_by=by, **value_fields
    )
    claim.full_clean(exclude=["assignee", "created_by", "search_text"])
    claim.save()
    _record(claim, by, EventKind.CREATED, source=source.pk, suggested=True)
    appearance = _anchor(claim, source, start, end, by)
    return Accepted(claim, appearance, created=True)


@records_actor
@transaction.atomic
def dismiss_suggestion(
    suggestion: Suggestion, *, source: Source, by: AbstractBaseUser
) -> SuggestionDismissal:
    """Never offer this suggestion for this source again."""
    require_reviewer(by)
    dismissal, _created = SuggestionDismissal.objects.get_or_create(
        source=source,
        start=suggestion.start,
        end=suggestion.end,
        defaults={"dismissed_by": by},
    )
    return dismissal
