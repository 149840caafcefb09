"""How a suggested figure compares with what the workbench already holds, before it is accepted.

A reviewer deciding on "3,5 milliards de paramètres" wants to know at once that
claim #12 already says "3.5 billion parameters" for the same model in another
article (it agrees), that #10 says 2021 where this article says May 2023 (it
conflicts), or that #7 gives the price in euros (not comparable). Suggestions
are compared with the claims about the same subject and property the way
disagreements are detected (claims.disputes): on structured values, within the
default tolerance, never across currencies or units.

A few queries for a whole page of suggestions, whatever their number: the
subjects they name, how many claims are held about each subject and property, then
the latest few of those claims and their articles. A subject and property a large
archive holds hundreds of claims about is compared with its latest claims only, and
the rest are counted: listing them all made a long article's page 1.6 MB and two
seconds at a million claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from claims import disputes
from claims.choices import DEFAULT_TOLERANCE, ValueKind
from claims.models import Appearance, Claim, Property, Source, Subject, SubjectAlias, normalise_name
from claims.suggestions import Suggestion
from claims.values import format_value

AGREES = "agrees"
CONFLICTS = "conflicts"
NOT_COMPARABLE = "not_comparable"
# Conflicts first: what the reviewer most needs to see before accepting.
RELATION_ORDER = {CONFLICTS: 0, AGREES: 1, NOT_COMPARABLE: 2}
# The latest claims held that a suggestion is compared with; the others are counted.
SHOWN_HELD = 5


@dataclass(frozen=True)
class Alignment:
    """One claim the workbench holds for the suggestion's subject and property, and how
    the suggested value compares with it."""

    relation: str
    claim: Claim
    value: str
    where: str
    reason: str = ""

    @property
    def message(self) -> str:
        facts = {"id": self.claim.pk, "value": self.value, "where": self.where}
        if self.relation == AGREES:
            return _("agrees with #%(id)s (%(value)s, %(where)s)") % facts
        if self.relation == CONFLICTS:
            return _("conflicts with #%(id)s (%(value)s, %(where)s)") % facts
        return _("not comparable with #%(id)s (%(reason)s)") % {**facts, "reason": self.reason}


class Compared(list):
    """How a suggestion compares with the latest claims held about its subject and
    property (a list of ``Alignment``, conflicts first), with how many ``more`` claims
    are held about them and the ``subject`` whose page shows them all."""

    def __init__(self, alignments: list[Alignment], *, more: int, subject: Subject) -> None:
        super().__init__(alignments)
        self.more = more
        self.subject = subject


@dataclass
class _Proposed:
    """A suggestion's value in the shape claims.disputes compares."""

    pk: Any
    value_kind: str
    value_text: str
    value_number: Any
    value_unit: str
    value_per: Any
    value_currency: str
    value_date: Any
    value_date_precision: str
    value_qualifier: str = "exact"
    value_rank: str = "normal"


def subjects_named(names: Iterable[str]) -> dict[str, Subject]:
    """The known subjects these names (or aliases) name, by folded name: two queries; and
    two more when a name not known as such is made of common nouns, for the subject a
    name of the same meaning names in either language (Subject.objects.by_meanings)."""
    names = {name for name in names if name}
    keys = {normalise_name(name) for name in names}
    if not keys:
        return {}
    found = {s.normalised_name: s for s in Subject.objects.filter(normalised_name__in=keys)}
    for alias in SubjectAlias.objects.filter(normalised_alias__in=keys).select_related("subject"):
        found.setdefault(alias.normalised_alias, alias.subject)
    unknown = [name for name in names if normalise_name(name) not in found]
    for name, subject in Subject.objects.by_meanings(unknown).items():
        found.setdefault(normalise_name(name), subject)
    return found


def align(
    suggestions: list[Suggestion],
    *,
    source: Source,
    properties: Mapping[str, Property],
    language: str,
) -> dict[str, Compared]:
    """For each suggestion (by key), how its value compares with the latest claims held
    for the same subject and property; suggestions with nothing to compare are left out."""
    subjects = subjects_named(s.subject for s in suggestions)
    wanted: dict[str, tuple[int, int]] = {}
    subject_of: dict[str, Subject] = {}
    for suggestion in suggestions:
        subject = subjects.get(normalise_name(suggestion.subject))
        prop = properties.get(suggestion.property_code)
        if subject is None or prop is None or not prop.compared or suggestion.value is None:
            continue
        wanted[suggestion.key] = (subject.pk, prop.pk)
        subject_of[suggestion.key] = subject
    if not wanted:
        return {}
    groups = Q()
    for subject_id, property_id in set(wanted.values()):
        groups |= Q(subject_id=subject_id, property_id=property_id)
    held = Claim.objects.filter(groups).order_by()
    totals = {
        (subject_id, property_id): n
        for subject_id, property_id, n in held.values_list("subject_id", "property_id").annotate(
            n=Count("pk")
        )
    }
    # One more than shown: the suggestion's own claim, once accepted, is not compared.
    latest = held.annotate(
        recency=Window(
            RowNumber(), partition_by=[F("subject_id"), F("property_id")], order_by=F("pk").desc()
        )
    ).filter(recency__lte=SHOWN_HELD + 1)
    claims: dict[tuple[int, int], list[Claim]] = {}
    rows = (
        latest.defer("search_text")
        .prefetch_related(
            Prefetch(
                "appearances",
                queryset=Appearance.objects.select_related("source").only(
                    "claim_id", "source_id", "source__title", "start", "end"
                ),
            )
        )
        .order_by("-pk")
    )
    for claim in rows:
        claims.setdefault((claim.subject_id, claim.property_id), []).append(claim)
    result: dict[str, Compared] = {}
    by_key = {s.key: s for s in suggestions}
    for key, group in wanted.items():
        suggestion = by_key[key]
        fetched = claims.get(group, [])
        others = [c for c in fetched if not _is_this_quote(c, source, suggestion)]
        shown = others[:SHOWN_HELD]
        if not shown:
            continue
        found = sorted(
            (_relation(suggestion, claim, source=source, language=language) for claim in shown),
            key=lambda alignment: RELATION_ORDER[alignment.relation],
        )
        more = totals.get(group, 0) - len(fetched) + len(others) - len(shown)
        result[key] = Compared(found, more=more, subject=subject_of[key])
    return result


def _is_this_quote(claim: Claim, source: Source, suggestion: Suggestion) -> bool:
    return any(
        a.source_id == source.pk and a.start <= suggestion.start and suggestion.end <= a.end
        for a in claim.appearances.all()
    )


def _relation(suggestion: Suggestion, claim: Claim, *, source: Source, language: str) -> Alignment:
    fields = suggestion.claim_fields()
    proposed = _Proposed(pk="suggestion", value_rank="normal", **fields)
    mine, theirs = disputes.value_of(proposed), disputes.value_of(claim)
    value = (
        format_value(claim, language) if claim.value_kind != ValueKind.TEXT else claim.value_text
    )
    where = _where(claim, source)
    if mine is None or theirs is None or mine.family != theirs.family:
        return Alignment(NOT_COMPARABLE, claim, value, where, _why_not(mine, theirs))
    comparison = disputes.compare([proposed, claim], tolerance=DEFAULT_TOLERANCE)
    relation = AGREES if len(comparison.clusters) == 1 else CONFLICTS
    return Alignment(relation, claim, value, where)


def _where(claim: Claim, source: Source) -> str:
    sources = {a.source_id: a.source.title for a in claim.appearances.all()}
    if not sources:
        return _("no article")
    if source.pk in sources:
        return _("this article")
    if len(sources) == 1:
        return _("other article")
    return _("%(count)d other articles") % {"count": len(sources)}


def _why_not(mine: disputes.Value | None, theirs: disputes.Value | None) -> str:
    if mine is None or theirs is None:
        return _("a value without its structured form")
    if mine.family[0] != theirs.family[0]:
        return _("a %(this)s and a %(that)s") % {
            "this": ValueKind(mine.family[0]).label,
            "that": ValueKind(theirs.family[0]).label,
        }
    if mine.family[0] == ValueKind.MONEY and mine.family[1] != theirs.family[1]:
        return _("%(this)s vs %(that)s") % {"this": mine.family[1], "that": theirs.family[1]}
    return _("counted in different units")
