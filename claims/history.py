"""A claim's full change history, field by field, from django-simple-history's records.

The timeline tells the story in the workflow's words; this is the audit
trail underneath it: every create, change and delete of the claim and of its
quotes, evidence, verdicts and comments, whatever path made it (pages, API,
admin), with who, when, and the old and new value of each field, as a reader
reads them: a subject by its name, a person by theirs, a moment in local time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from claims.dates import format_date, format_datetime
from claims.models import Appearance, Claim, Comment, Evidence, Property, Source, Subject, Verdict

# Bookkeeping that changes on every save and says nothing to a reader.
IGNORED_FIELDS = {
    "id",
    "version",
    "updated_at",
    "created_at",
    "search_text",
    "public_text",
    "verdict_approved_at",
}

# What names each object in the list, read off the record without touching its relations.
OBJECT_LABELS = {
    Claim: lambda r: r.statement,
    Appearance: lambda r: r.exact,
    Evidence: lambda r: r.title or r.url,
    Verdict: lambda r: str(dict(Verdict._meta.get_field("rating").flatchoices).get(r.rating, "")),
    Comment: lambda r: r.body,
}

KIND_LABELS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}

# What happened, as one phrase per kind of record: French agrees the participle
# with the noun ("Affirmation modifiée", "Verdict modifié"), so no phrase is built.
HEADINGS = {
    (Claim, "+"): _("Claim created"),
    (Claim, "~"): _("Claim changed"),
    (Claim, "-"): _("Claim deleted"),
    (Appearance, "+"): _("Quote added"),
    (Appearance, "~"): _("Quote changed"),
    (Appearance, "-"): _("Quote removed"),
    (Evidence, "+"): _("Evidence added"),
    (Evidence, "~"): _("Evidence changed"),
    (Evidence, "-"): _("Evidence deleted"),
    (Verdict, "+"): _("Verdict proposed"),
    (Verdict, "~"): _("Verdict changed"),
    (Verdict, "-"): _("Verdict deleted"),
    (Comment, "+"): _("Comment added"),
    (Comment, "~"): _("Comment changed"),
    (Comment, "-"): _("Comment deleted"),
}


def person(user) -> str:
    """A person as every page names them: by their username."""
    return "" if user is None else user.get_username()


# How a record another one points to is named, by its model.
NAMES = {
    Subject: lambda subject: subject.name,
    Property: lambda prop: prop.label_in(),
    Source: lambda source: source.title,
}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Change:
    when: datetime
    who: Any
    what: str
    object_label: str
    kind: str
    heading: str = ""
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def who_name(self) -> str:
        return person(self.who)


class Names:
    """The names of the records the history's foreign keys point to, looked up in bulk."""

    def __init__(self) -> None:
        self._wanted: dict[type[models.Model], set[int]] = defaultdict(set)
        self._names: dict[type[models.Model], dict[int, str]] = {}

    def want(self, model: type[models.Model], pk: int | None) -> None:
        if pk is not None:
            self._wanted[model].add(pk)

    def load(self) -> None:
        """One query per kind of record pointed to."""
        for model, pks in self._wanted.items():
            name = NAMES.get(model, person if model is get_user_model() else str)
            self._names[model] = {
                obj.pk: name(obj) for obj in model._default_manager.filter(pk__in=pks)
            }

    def of(self, model: type[models.Model], pk: int) -> str:
        name = self._names.get(model, {}).get(pk)
        if name is None:
            return str(_("#%(id)s (deleted)") % {"id": pk})
        return name


def _shown(record: models.Model, concrete: models.Field, names: Names) -> str:
    value = getattr(record, concrete.attname)
    if value is None or value == "":
        return ""
    if concrete.is_relation:
        return names.of(concrete.related_model, value)
    if concrete.choices:
        return str(dict(concrete.flatchoices).get(value, value))
    if isinstance(concrete, models.DateTimeField):
        return format_datetime(value)
    if isinstance(concrete, models.DateField):
        return format_date(value)
    if isinstance(concrete, models.BooleanField):
        return str(_("yes") if value else _("no"))
    if hasattr(value, "normalize"):
        return format(value.normalize(), "f")
    return str(value)


def _tracked_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f for f in model._meta.concrete_fields if f.name not in IGNORED_FIELDS and f.name != "claim"
    ]


def _changes_of(
    model: type[models.Model], records: Iterable[models.Model], label: str, names: Names
) -> list[Change]:
    """Diff each historical record against the one before it for the same object."""
    by_object: dict[int, list[models.Model]] = defaultdict(list)
    for record in records:
        by_object[record.id].append(record)
    tracked = _tracked_fields(model)
    changes: list[Change] = []
    for versions in by_object.values():
        versions.sort(key=lambda r: (r.history_date, r.history_id))
        previous = None
        for record in versions:
            fields = []
            for concrete in tracked:
                new = _shown(record, concrete, names)
                old = _shown(previous, concrete, names) if previous is not None else ""
                if record.history_type == "~" and old == new:
                    continue
                if record.history_type == "-" or (record.history_type == "+" and not new):
                    continue
                fields.append(FieldChange(str(concrete.verbose_name), old, new))
            if record.history_type != "~" or fields:
                changes.append(
                    Change(
                        when=record.history_date,
                        who=record.history_user,
                        what=label,
                        object_label=OBJECT_LABELS[model](record)[:120],
                        kind=record.history_type,
                        heading=str(HEADINGS[model, record.history_type]),
                        fields=fields,
                    )
                )
            previous = record
    return changes


def claim_history(claim: Claim) -> list[Change]:
    """Every recorded change to the claim and its parts, newest first.

    One query per kind of record, and one per kind of record they point to (subjects,
    properties, people, sources), whatever the length of the history.
    """
    sources = [
        (Claim, claim.history.all(), _("claim")),
        (Appearance, Appearance.history.filter(claim_id=claim.pk), _("quote")),
        (Evidence, Evidence.history.filter(claim_id=claim.pk), _("evidence")),
        (Verdict, Verdict.history.filter(claim_id=claim.pk), _("verdict")),
        (Comment, Comment.history.filter(claim_id=claim.pk), _("comment")),
    ]
    loaded = [
        (model, list(records.select_related("history_user")), label)
        for model, records, label in sources
    ]
    names = Names()
    for model, records, _label in loaded:
        related = [f for f in _tracked_fields(model) if f.is_relation]
        for record in records:
            for concrete in related:
                names.want(concrete.related_model, getattr(record, concrete.attname))
    names.load()
    changes: list[Change] = []
    for model, records, label in loaded:
        changes += _changes_of(model, records, str(label), names)
    changes.sort(key=lambda c: c.when, reverse=True)
    return changes
