"""Who gets in: login is enforced by middleware; roles and objects are checked here."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from claims.models import Claim
from claims.roles import is_editor, is_reviewer

View = Callable[..., HttpResponse]


def reviewer_required(view: View) -> View:
    """Reviewers and editors only: a logged-in account without a role sees nothing."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_reviewer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def editor_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def get_claim_for_user(request: HttpRequest, pk: int) -> Claim:
    """The claim, if the user may see it: 404 when it does not exist, 403 without a role."""
    if not is_reviewer(request.user):
        raise PermissionDenied
    return get_object_or_404(Claim.objects.for_detail(), pk=pk)
