from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from claims.highlight import paragraphs
from claims.models import Appearance, Source
from claims.views.access import reviewer_required


@require_safe
@reviewer_required
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    appearances = list(
        Appearance.objects.filter(source=source)
        .select_related("claim", "claim__subject")
        .order_by("start", "end")
    )
    claims = list({a.claim_id: a.claim for a in appearances}.values())
    return render(
        request,
        "claims/source_detail.html",
        {
            "source": source,
            "paragraphs": paragraphs(source.text, appearances),
            "claims": claims,
            "first_segment_of": {a.pk: a.start for a in appearances},
        },
    )
