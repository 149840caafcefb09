"""Token authentication that honours the login form's lockout."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from claims.security import is_locked_out, log_token_refused


class LockoutAwareTokenAuthentication(TokenAuthentication):
    """DRF's tokens, refused (401, logged) while the account is locked out by django-axes."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        result = super().authenticate(request)
        if result is not None and is_locked_out(result[0]):
            log_token_refused(request._request, result[0])
            raise AuthenticationFailed(
                _("This account is locked out after too many failed logins. Try again later.")
            )
        return result
