"""Security events, logged as structured records (one JSON object per line).

Who logged in, who failed to, and who was refused a page: the trail an editor
or an administrator needs after a suspected intrusion. Passwords never appear.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

logger = logging.getLogger("factcheck.security")


def client_address(request: HttpRequest | None) -> str:
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def log_event(event: str, request: HttpRequest | None, **fields: Any) -> None:
    logger.info(event, extra={"event": event, "address": client_address(request), **fields})


@receiver(user_logged_in)
def logged_in(sender, request: HttpRequest, user, **kwargs) -> None:
    log_event("login", request, username=user.get_username())


@receiver(user_logged_out)
def logged_out(sender, request: HttpRequest, user, **kwargs) -> None:
    log_event("logout", request, username=user.get_username() if user else "")


@receiver(user_login_failed)
def login_failed(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    # Only the username: credentials also hold the password, which must never be logged.
    logger.warning(
        "login_failed",
        extra={
            "event": "login_failed",
            "address": client_address(request),
            "username": credentials.get("username", ""),
        },
    )


def log_permission_denied(request: HttpRequest, reason: str) -> None:
    user = getattr(request, "user", None)
    logger.warning(
        "permission_denied",
        extra={
            "event": "permission_denied",
            "address": client_address(request),
            "username": user.get_username() if user is not None else "",
            "method": request.method,
            "path": request.path,
            "reason": reason,
        },
    )


def is_locked_out(user: Any) -> bool:
    """Whether someone guessed this account's password too often, from any address, lately.

    django-axes locks a username and address pair at the login form; an API token
    is a password that never expires, so while any such lockout of the account
    lasts, its tokens are refused too (someone may be guessing; the owner logs in
    again once the cool-off is over).
    """
    from axes.models import AccessAttempt  # axes' models load after the apps are ready

    return AccessAttempt.objects.filter(
        username=user.get_username(),
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME,
    ).exists()


def log_token_refused(request: HttpRequest, user: Any) -> None:
    logger.warning(
        "token_refused_locked_out",
        extra={
            "event": "token_refused_locked_out",
            "address": client_address(request),
            "username": user.get_username(),
            "path": request.path,
        },
    )
