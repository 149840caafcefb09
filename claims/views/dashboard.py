from __future__ import annotations

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from claims import desk, tally
from claims.choices import ClaimStatus, Rating
from claims.models import (
    Claim,
    Dispute,
    DisputeResolution,
    ResolutionStatus,
    Verdict,
    VerdictStatus,
)
from claims.roles import is_editor
from claims.views.access import reviewer_required

DASHBOARD_ROWS = 10


@require_safe
@reviewer_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    # Claims by status and by rating, as the database's triggers keep them counted.
    by_status: Counter[str] = Counter()
    by_rating: Counter[str] = Counter()
    for (status, rating), n in tally.claims_by_status_and_rating().items():
        by_status[status] += n
        if rating:
            by_rating[rating] += n
    awaiting = Verdict.objects.none()
    resolutions = DisputeResolution.objects.none()
    if is_editor(user):
        resolutions = (
            DisputeResolution.objects.filter(status=ResolutionStatus.PROPOSED)
            .exclude(proposed_by=user)
            .select_related("dispute__subject", "dispute__property", "proposed_by")
            .order_by("proposed_at")
        )
        awaiting = (
            Verdict.objects.filter(status=VerdictStatus.PROPOSED)
            .exclude(author=user)
            .select_related("claim", "author")
            .order_by("created_at")
        )
    # Where each of my proposals stands: waiting, approved, sent back or replaced.
    my_verdicts = (
        Verdict.objects.filter(author=user)
        .select_related("claim", "reviewed_by")
        .defer("claim__search_text")
        .order_by("-created_at", "-pk")[:DASHBOARD_ROWS]
    )
    weeks = desk.desk_weeks(current=dict(by_status))
    context = {
        "desk": weeks,
        "charts": desk.desk_charts(weeks),
        "my_verdicts": my_verdicts,
        # Only what the rows show: with the list's "disputed" mark, PostgreSQL read every
        # open dispute to mark ten claims (8 ms at a million claims).
        "my_claims": Claim.objects.filter(assignee=user)
        .exclude(status=ClaimStatus.PUBLISHED)
        .only("pk", "statement", "status")
        .order_by(*Claim._meta.ordering)[:DASHBOARD_ROWS],
        "awaiting": awaiting[:DASHBOARD_ROWS],
        "resolutions": resolutions[:DASHBOARD_ROWS],
        "disputes": Dispute.objects.open_conflicts().select_related("subject", "property")[
            :DASHBOARD_ROWS
        ],
        "by_status": [(s, by_status.get(s.value, 0)) for s in ClaimStatus],
        "by_rating": [(r, by_rating.get(r.value, 0)) for r in Rating],
        "is_editor": is_editor(user),
    }
    return render(request, "claims/home.html", context)
