"""The notifications list: what happened to my work, newest first."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from claims import notifications
from claims.models import Notification
from claims.views.access import reviewer_required


@require_safe
@reviewer_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The account's own notifications, newest first."""
    rows = Notification.objects.filter(recipient=request.user).for_list()
    page = Paginator(rows, settings.FACTCHECK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "claims/notification_list.html", {"page": page})


@require_POST
@reviewer_required
def notification_read(request: HttpRequest) -> HttpResponse:
    """One notification (``notification``: its id) read, then where it points;
    without one, every notification read, back to the list."""
    mine = Notification.objects.filter(recipient=request.user)
    raw = request.POST.get("notification", "")
    if not raw:
        notifications.mark_all_read(request.user)
        return redirect("notification_list")
    notification = mine.filter(pk=int(raw)).first() if raw.isdigit() else None
    if notification is None:
        raise Http404("No such notification of yours.")
    notifications.mark_read(notification)
    return redirect(notification.target_url())
