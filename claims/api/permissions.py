"""Who may use the API: the browser's rule, reviewers and editors only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.permissions import BasePermission

from claims.roles import is_reviewer

if TYPE_CHECKING:  # rest_framework.views imports the permission settings: no cycle at run time.
    from rest_framework.request import Request
    from rest_framework.views import APIView


class IsReviewer(BasePermission):
    """Reviewers and editors; anyone else gets 401 (no credentials) or 403 (no role).

    Finer rules (only editors approve, never their own verdict) are the
    workflow's, which raises ``NotAllowed``; the API turns that into 403.
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        return is_reviewer(request.user)
