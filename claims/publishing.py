"""What a reader outside the newsroom sees: published checks, their public evidence.

Every read path of the public pages and feeds starts here, so that "published"
and "public" mean one thing everywhere: a claim whose status is published and
that has an approved verdict, and only the evidence a reviewer marked public.
Comments, notes, internal evidence and the names of the people who did the work
never leave through these functions (the approving editor's name only when
``FACTCHECK_ORGANISATION["show_approver"]`` says so).
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from claims import exports
from claims.choices import ClaimStatus
from claims.models import Appearance, Claim, Evidence, Source, Verdict, VerdictStatus


class CheckWithdrawn(Exception):
    """The check was published once and has been reopened: its page is gone, not missing."""


def public_checks() -> QuerySet[Claim]:
    """Published checks, the latest verdict first, with what a page or a feed shows.

    ``exports.published_claims`` brings the quotes with their articles and the approved
    verdicts, one query each.
    """
    # A published claim has an approved verdict, and the workflow stamps when: the
    # stamp stands for the verdict, counted and sorted from one index.
    return (
        exports.published_claims()
        .filter(verdict_approved_at__isnull=False)
        .order_by("-verdict_approved_at", "-pk")
    )


def find_check(pk: int) -> Claim | None:
    """The published check, None if there never was one; raises ``CheckWithdrawn``."""
    claim = public_checks().filter(pk=pk).first()
    if claim is not None:
        return claim
    # Not published now, yet a verdict was approved once: it was reopened.
    if Verdict.objects.filter(claim_id=pk, status=VerdictStatus.APPROVED).exists():
        raise CheckWithdrawn
    return None


def public_evidence(claim: Claim) -> QuerySet[Evidence]:
    """The evidence a reviewer marked public; its note and who added it stay inside."""
    return claim.evidence.filter(public=True).select_related("source")


def last_modified(pk: int) -> datetime | None:
    """When anything a published check's page shows last changed (None: not published).

    Every change the workflow makes to a claim or its evidence (a verdict, a
    reopening, evidence marked public) saves the claim, so its ``updated_at`` says it.
    """
    published = Claim.objects.filter(pk=pk, status=ClaimStatus.PUBLISHED)
    return published.values_list("updated_at", flat=True).first()


def published_languages() -> list[str]:
    """The languages of the articles published checks quote, for the index's filter."""
    # A newsroom's articles are in a handful of languages: asking each whether a
    # published check quotes it stops at the first one, where asking each article
    # grows with the archive (90 ms at 100,000 claims).
    return sorted(
        code
        for code in Source.languages()
        if code
        and Appearance.objects.filter(
            source__language=code, claim__status=ClaimStatus.PUBLISHED
        ).exists()
    )


def language_choices() -> list[tuple[str, str]]:
    """Those languages by name (in the active language) where Django knows them."""
    choices = []
    for code in published_languages():
        try:
            name = translation.get_language_info(code)["name_translated"]
        except KeyError:
            name = code
        choices.append((code, name))
    return choices


def public_url(claim: Claim, request: HttpRequest | None = None) -> str:
    """The check's stable public address, absolute: its ClaimReview's ``url``.

    ``FACTCHECK_BASE_URL`` when set (the newsroom's own domain behind any proxy),
    else the address the request came to.
    """
    path = reverse("public_check", args=[claim.pk])
    if settings.FACTCHECK_BASE_URL:
        return settings.FACTCHECK_BASE_URL + path
    if request is not None:
        return request.build_absolute_uri(path)
    return path
