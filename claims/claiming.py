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
from django.db.models import Q
from django.utils.translation import gettext as _

from claims.audit import records_actor
from claims.choices import ValueKind
from claims.glossary import meaning_of
from claims.models import (
    VALUE_FIELDS,
    Appearance,
    Claim,
    EventKind,
    Property,
    Source,
    Subject,
    SubjectAlias,
    SuggestionCorrection,
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
    # Wording decides only between statements without a figure: drafted from one
    # template, "X was transferred for £69m." and "… for £50m." differ by a figure.
    if (fields.get("value_kind") or ValueKind.TEXT) != ValueKind.TEXT:
        return None
    for claim in candidates:
        if claim.value_kind == ValueKind.TEXT and same_statement(claim.statement, statement):
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
    property: Property | str,
    value_fields: dict[str, Any],
    quote: str = "sentence",
    language: str = "en",
) -> Accepted:
    """Create the claim a suggestion makes, or add its quote to the same claim we have.

    ``quote`` is "sentence" (the appearance is the whole sentence) or "figure"
    (only the figure's words). ``property`` is a Property, or the label of one to
    find or add (in ``language``). Records CREATED and APPEARANCE_ADDED events.
    Where the reviewer corrected the suggested subject or property, the article's
    other suggestions that made the same guess follow (``learn_from``), and a
    suggested name that spells a known subject another way becomes its alias.
    """
    require_reviewer(by)
    statement = statement.strip()
    if not statement:
        raise InvalidTransition(_("A claim needs a statement."))
    known_before = True
    if isinstance(subject, str):
        known_before = Subject.objects.resolve(subject) is not None
        subject = subject_named(subject)
    if isinstance(property, str):
        property = property_labelled(property, kind=suggestion.kind, language=language, by=by)
    learn_from(suggestion, source=source, subject=subject, property=property, by=by)
    if known_before:
        alias_from(suggestion, subject=subject)
        alias_by_meaning(suggestion.subject, subject=subject)
    if normalise_name(suggestion.subject) == subject.normalised_name:
        other_names_of(suggestion, subject=subject)
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


def learn_from(
    suggestion: Suggestion,
    *,
    source: Source,
    subject: Subject,
    property: Property,
    by: AbstractBaseUser,
) -> list[SuggestionCorrection]:
    """Record the reviewer's corrections of the suggested subject and property, for the
    article's other suggestions that made the same guess (see ``apply_corrections``)."""
    learned = []
    guess = normalise_name(suggestion.subject)
    if guess and guess != subject.normalised_name:
        correction, _created = SuggestionCorrection.objects.update_or_create(
            source=source,
            field=SuggestionCorrection.Field.SUBJECT,
            guess=guess,
            kind="",
            defaults={"correction": subject.name, "corrected_by": by},
        )
        learned.append(correction)
    if suggestion.property_code and suggestion.property_code != property.code:
        correction, _created = SuggestionCorrection.objects.update_or_create(
            source=source,
            field=SuggestionCorrection.Field.PROPERTY,
            guess=suggestion.property_code,
            kind=suggestion.kind,
            defaults={"correction": property.code, "corrected_by": by},
        )
        learned.append(correction)
    return learned


def alias_from(suggestion: Suggestion, *, subject: Subject) -> SubjectAlias | None:
    """ "Huang" for "Jensen Huang", "RN" for "Rassemblement national", "Allemagne" for
    "Germany": a suggested name that spells the chosen known subject another way
    becomes its alias. A different name ("Lisbon" corrected to "Kestrel Labs") does not."""
    name = " ".join(suggestion.subject.split())
    if not name or not name[:1].isupper() or not same_entity(name, subject.name):
        return None
    if Subject.objects.named(name) is not None:
        return None
    return SubjectAlias.objects.create(subject=subject, alias=name)


def alias_by_meaning(name: str, *, subject: Subject) -> SubjectAlias | None:
    """ "pacte d'État face à l'urgence climatique" accepted as "state pact on the climate
    emergency": a descriptive name that means the chosen subject (claims.glossary)
    becomes its alias, so that its page, the search and the next article find it by
    either name."""
    name = " ".join(name.split())
    if meaning_of(name) is None or Subject.objects.named(name) is not None:
        return None
    if Subject.objects.by_meaning(name) != subject:
        return None
    return SubjectAlias.objects.create(subject=subject, alias=name)


def other_names_of(suggestion: Suggestion, *, subject: Subject) -> list[SubjectAlias]:
    """The subject's other names in the article ("EFFIS", "Huang") and a country's name in
    the other language become its aliases, so that the next article, in either
    language, names the same subject. A name that already names a subject is left."""
    added = []
    for name in suggestion.subject_aliases:
        name = " ".join(name.split())
        if name and normalise_name(name) and Subject.objects.named(name) is None:
            added.append(SubjectAlias.objects.create(subject=subject, alias=name))
    return added


def same_entity(a: str, b: str) -> bool:
    """Whether two names plausibly name one entity: one's words within the other's, an
    acronym of it, or its name in the other language."""
    from claims.newswords import equivalents, fold
    from claims.reading import _initials

    x, y = normalise_name(a).split(), normalise_name(b).split()
    if not x or not y:
        return False
    shorter, longer = sorted((x, y), key=len)
    if set(shorter) <= set(longer):
        return True
    for short, full in ((a, b), (b, a)):
        if short.isupper() and _initials(full) == short.upper():
            return True
    names = equivalents().get(fold(a).removeprefix("the "), ())
    return normalise_name(b) in {normalise_name(n) for n in names}


def property_labelled(label: str, *, kind: str, language: str, by: AbstractBaseUser) -> Property:
    """The property with this label (in either language), or a new one: a reviewer adds
    a property from the accept form by naming it."""
    from claims.vocabulary import add_property

    label = " ".join(label.split())
    found = Property.objects.filter(Q(label__iexact=label) | Q(label_fr__iexact=label)).first()
    if found is not None:
        return found
    kind = kind if kind in ValueKind.values else ""
    return add_property(label, by=by, value_kind=kind, language=language)


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
