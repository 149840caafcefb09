"""Pages outside the workflow: the health check and the error pages."""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from claims.security import log_permission_denied

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """For the load balancer: 200 when this process can reach its database, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: the database does not answer")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A request Django refused before any view saw it. One too large to read gets the
    page it came from with that page's message, or a plain one: never a bare 400."""
    if isinstance(exception, RequestDataTooBig):
        match = request.resolver_match
        if match is not None and match.url_name == "article_import":
            from claims.views.sources import article_import_too_big

            return article_import_too_big(request)
        return render(request, "400.html", {"too_big": True}, status=413)
    return render(request, "400.html", {"too_big": False}, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    log_permission_denied(request, str(exception or ""))
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)
