from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from claims.demo import load_demo_case
from claims.roles import EDITOR, REVIEWER

PASSWORD = "correct-horse-battery-9"


def _user(username: str, *roles: str) -> User:
    user = User.objects.create_user(username, password=PASSWORD, first_name=username.title())
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def deepseek(db) -> None:
    """The DeepSeek demo case, loaded as `make run` loads it."""
    assert load_demo_case()


@pytest.fixture
def reviewer(db) -> User:
    return _user("rita", REVIEWER)


@pytest.fixture
def editor(db) -> User:
    return _user("eddie", EDITOR)


@pytest.fixture
def second_editor(db) -> User:
    return _user("edna", EDITOR)


@pytest.fixture
def outsider(db) -> User:
    """Logged in, but neither reviewer nor editor."""
    return _user("olga")
