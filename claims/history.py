"""A claim's full change history, field by field, from django-simple-history's records.

The timeline tells the story in the workflow's words; this is the audit
trail underneath it: every create, change and delete of the claim and of its
quotes, evidence, verdicts and comments, whatever path made it (pages, API,
admin), with who, when, and the old and new value of each field.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from claims.models import Appearance, Claim, Comment, Evidence, Verdict

# Bookkeeping that changes on every save and says nothing to a reader.
IGNORED_FIELDS = {"id", "version", "updated_at", "created_at", "search_text"}

# What names each object in the list, read off the record without touching its relations.
OBJECT_LABELS = {
    Claim: lambda r: r.statement,
    Appearance: lambda r: r.exact,
    Evidence: lambda r: r.title or r.url,
    Verdict: lambda r: str(dict(Verdict._meta.get_field("rating").flatchoices).get(r.rating, "")),
    Comment: lambda r: r.body,
}

KIND_LABELS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


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
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))


def _shown(record: models.Model, concrete: models.Field) -> str:
    value = getattr(record, concrete.attname)
    if value is None or value == "":
        return ""
    if concrete.choices:
        return str(dict(concrete.flatchoices).get(value, value))
    if hasattr(value, "normalize"):
        return format(value.normalize(), "f")
    return str(value)


def _tracked_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f for f in model._meta.concrete_fields if f.name not in IGNORED_FIELDS and f.name != "claim"
    ]


def _changes_of(
    model: type[models.Model], records: Iterable[models.Model], label: str
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
                new = _shown(record, concrete)
                old = _shown(previous, concrete) if previous is not None else ""
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
                        fields=fields,
                    )
                )
            previous = record
    return changes


def claim_history(claim: Claim) -> list[Change]:
    """Every recorded change to the claim and its parts, newest first.

    One query per kind of record, whatever the length of the history.
    """
    sources = [
        (Claim, claim.history.all(), _("claim")),
        (Appearance, Appearance.history.filter(claim_id=claim.pk), _("quote")),
        (Evidence, Evidence.history.filter(claim_id=claim.pk), _("evidence")),
        (Verdict, Verdict.history.filter(claim_id=claim.pk), _("verdict")),
        (Comment, Comment.history.filter(claim_id=claim.pk), _("comment")),
    ]
    changes: list[Change] = []
    for model, records, label in sources:
        changes += _changes_of(model, records.select_related("history_user"), str(label))
    changes.sort(key=lambda c: c.when, reverse=True)
    return changes
