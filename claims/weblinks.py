"""The one rule for a web address typed into the workbench: the evidence form, the
article import form and the API all call ``clean_web_url``.

Only absolute http(s) addresses: a ``javascript:`` or ``data:`` link in evidence
would run in a reader's browser, and an address without its scheme is refused
rather than completed. The form used to turn ``//evil.example/x`` (a link
relative to the protocol) into ``https://evil.example/x`` while the API refused
it; a guess about what someone meant is no place for a security rule.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

MAX_URL = 2000
SCHEMES = ("http", "https")
_valid = URLValidator(schemes=list(SCHEMES))


def clean_web_url(value: str) -> str:
    """The address, without surrounding spaces, or ``ValidationError`` saying what is wrong.

    Empty stays empty: whether a URL is needed is the caller's rule.
    """
    url = (value or "").strip()
    if not url:
        return ""
    if len(url) > MAX_URL:
        raise ValidationError(
            _("The address is too long (at most %(max)s characters)."),
            code="max_length",
            params={"max": MAX_URL},
        )
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    if scheme and scheme not in SCHEMES:
        raise ValidationError(_("Only http:// and https:// links are allowed."), code="scheme")
    if not scheme:
        raise ValidationError(
            _("Give the whole address, starting with https:// or http://."), code="no_scheme"
        )
    _valid(url)
    return url
