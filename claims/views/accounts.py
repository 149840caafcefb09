"""Password reset, offered only where email can carry the link."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse

from claims.notifications import email_enabled

_reset = auth_views.PasswordResetView.as_view()


@login_not_required
def password_reset(request: HttpRequest) -> HttpResponse:
    """Django's own reset form, or a 404 while no email can be sent: a form that
    promises an email nobody will receive is worse than none."""
    if not email_enabled():
        raise Http404("Password reset needs email, which is not set up.")
    return _reset(request)
