"""Who the history records as the author of a change.

Workflow actions name their actor explicitly (``by=``); scripts, the API and
tests call them outside any request, so the request alone cannot say who
acted. The actor of the action under way wins; otherwise the logged-in user
of the request (django-simple-history's middleware keeps it), else nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from functools import wraps
from typing import Any

_actor: ContextVar[Any] = ContextVar("history_actor", default=None)


def records_actor[F: Callable[..., Any]](action: F) -> F:
    """Make the ``by`` of a workflow action the author of the history it writes."""

    @wraps(action)
    def acting(*args: Any, **kwargs: Any) -> Any:
        token = _actor.set(kwargs.get("by"))
        try:
            return action(*args, **kwargs)
        finally:
            _actor.reset(token)

    return acting  # type: ignore[return-value]


def history_user(instance: Any = None, request: Any = None, **kwargs: Any) -> Any:
    actor = _actor.get()
    if actor is not None:
        return actor
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
