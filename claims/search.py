"""Accent- and case-blind search over claims.

Each claim keeps ``search_text``: its statement, value, quotes, subject names
and evidence, folded the way queries are folded. Both databases then match
"parametres" to "paramètres" with a plain substring test.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet

from claims.models import Appearance, Claim, Evidence, SubjectAlias, normalise_name

BATCH = 500


def fold(text: str) -> str:
    return normalise_name(text)


def document(claim: Claim) -> str:
    """The folded text a claim is found by; expects the prefetches of ``refresh``."""
    parts = [claim.statement, claim.value_text, claim.subject.name]
    parts += [alias.alias for alias in claim.subject.aliases.all()]
    parts += [appearance.exact for appearance in claim.appearances.all()]
    for evidence in claim.evidence.all():
        parts += [evidence.title, evidence.excerpt, evidence.note]
    return fold(" \n ".join(p for p in parts if p))


def refresh(claim_ids: Iterable[int]) -> None:
    """Rebuild the search text of these claims, a batch of queries per 500 claims."""
    ids = sorted(set(claim_ids))
    for offset in range(0, len(ids), BATCH):
        claims = list(
            Claim.objects.filter(pk__in=ids[offset : offset + BATCH])
            .select_related("subject")
            .prefetch_related(
                Prefetch("subject__aliases", queryset=SubjectAlias.objects.order_by("pk")),
                Prefetch("appearances", queryset=Appearance.objects.only("claim_id", "exact")),
                Prefetch(
                    "evidence",
                    queryset=Evidence.objects.only("claim_id", "title", "excerpt", "note"),
                ),
            )
        )
        for claim in claims:
            claim.search_text = document(claim)
        Claim.objects.bulk_update(claims, ["search_text"])


def refresh_all() -> None:
    refresh(Claim.objects.values_list("pk", flat=True))


def search(queryset: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """Claims whose text holds every word of the query, whatever its accents and case."""
    condition = Q()
    for term in fold(query).split():
        condition &= Q(search_text__contains=term)
    return queryset.filter(condition)
