"""What every page's header needs to know."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from claims import notifications


def header(request: HttpRequest) -> dict:
    """The unread count, counted only when a page shows the header (never for htmx partials)."""
    user = getattr(request, "user", None)
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: notifications.unread_count(user) if user is not None else 0
        ),
        "email_enabled": notifications.email_enabled(),
    }
