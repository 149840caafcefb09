"""Workflow refusals as HTTP answers, with the message the browser would show.

``NotAllowed`` (wrong person) is 403; ``InvalidTransition`` (wrong moment: a
published claim is locked, the verdict was already reviewed) and ``StaleEdit``
(someone saved first) are 409 Conflict. A stale edit's answer carries the
record as it now stands, so a script can merge and retry with its version.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from claims import workflow
from claims.api.serializers import EvidenceSerializer, VerdictSerializer
from claims.models import Evidence, Verdict


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with the record’s current state.")
    default_code = "conflict"


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, workflow.NotAllowed):
        return drf_exception_handler(PermissionDenied(exc.message), context)
    if isinstance(exc, workflow.StaleEdit):
        response = _conflict(exc, "stale_edit", context)
        response.data["current"] = _serialise_current(exc.current)
        return response
    if isinstance(exc, workflow.InvalidTransition):
        return _conflict(exc, "invalid_transition", context)
    return drf_exception_handler(exc, context)


def _serialise_current(current: Any) -> Any:
    """The record as it now stands, so a script can merge: evidence, a verdict or a claim."""
    if isinstance(current, Evidence):
        return EvidenceSerializer(current).data
    if isinstance(current, Verdict):
        return VerdictSerializer(current).data
    return None


def _conflict(exc: workflow.WorkflowError, code: str, context: dict[str, Any]) -> Response:
    response = drf_exception_handler(Conflict(exc.message, code=code), context)
    # The code tells a script whether to re-read and retry (stale_edit) or give up.
    response.data["code"] = code
    return response
