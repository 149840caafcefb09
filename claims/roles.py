"""Who may do what. Roles are Django groups, created by a data migration."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

REVIEWER = "Reviewer"
EDITOR = "Editor"


def _groups(user: AbstractBaseUser | AnonymousUser) -> set[str]:
    if not user.is_authenticated:
        return set()
    # Cached on the user object: a page asks several times per request.
    cached = getattr(user, "_factcheck_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._factcheck_groups = cached
    return cached


def is_editor(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.is_authenticated and (user.is_superuser or EDITOR in _groups(user))


def is_reviewer(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Reviewers research claims; editors can do everything a reviewer can."""
    return user.is_authenticated and (user.is_superuser or bool(_groups(user) & {REVIEWER, EDITOR}))
