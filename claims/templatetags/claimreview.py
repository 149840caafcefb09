"""A schema.org ClaimReview as a JSON-LD <script> element: the public page embeds it, the
claim page embeds it too and offers it to copy into a newsroom's own CMS."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

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
