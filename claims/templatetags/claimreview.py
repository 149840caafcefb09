"""The claim page's schema.org ClaimReview, embedded as JSON-LD once it is published."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from claims import exports
from claims.choices import ClaimStatus
from claims.models import Claim

register = template.Library()

# As django.utils.html.json_script does: inside <script>, "</script>" or "<!--"
# in a statement must not end the element, so <, > and & are written as \u escapes
# (still the same JSON for any reader).
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(document: dict) -> SafeString:
    data = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(_SCRIPT_ESCAPES)),  # escaped just above
    )


@register.simple_tag(takes_context=True)
def claimreview_json_ld(context: template.Context, claim: Claim) -> str:
    """A <script type="application/ld+json"> element, or nothing while unpublished.

    A JSON-LD script is data, never run, so the CSP's script-src does not apply.
    """
    if claim.status != ClaimStatus.PUBLISHED:
        return ""
    published = exports.published_claims().filter(pk=claim.pk).first()
    if published is None or not published.approved_verdicts:
        return ""
    request: HttpRequest = context["request"]
    url = request.build_absolute_uri(published.get_absolute_url())
    return json_ld_script(exports.claim_review(published, claim_url=url))
