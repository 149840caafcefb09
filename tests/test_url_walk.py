"""Every URL pattern of the project, walked as a visitor, a reviewer and an editor.

test_permissions checks each workbench page in detail; this walk makes sure
no pattern anywhere (admin, accounts, API, exports) lets an anonymous
visitor see something private, and that none answers a logged-in user with
a server error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

# Reachable without logging in, on purpose: the login and password-reset pages,
# the health check, the language switch, the ClaimReview documents and the public
# pages and feeds of published checks (published verdicts only: test_public_pages
# walks them and checks that nothing internal shows).
PUBLIC = {
    "health",
    "set_language",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "claim_review",
    "claim_review_feed",
    "public_check",
    "public_check_list",
    "public_check_feed",
    "admin:login",
    "admin:logout",
}

SAMPLE = {"pk": "1", "evidence_pk": "1", "verdict_pk": "1", "event_pk": "1", "start": "0"}


def walk(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def sample_url(name: str, pattern: URLPattern) -> str | None:
    regex = pattern.pattern.regex
    if "format" in regex.groupindex:
        return None  # the ".json" twin of a route already walked
    kwargs = {}
    for group in regex.groupindex:
        kwargs[group] = SAMPLE.get(group, "1" if group != "end" else "5")
    if name == "password_reset_confirm":
        kwargs = {"uidb64": "MQ", "token": "set-password"}
    if name.startswith("admin:") and {"app_label", "model_name"} & set(kwargs):
        kwargs = {k: v for k, v in kwargs.items() if k not in {"app_label", "model_name"}}
        kwargs.update(app_label="claims", model_name="claim")
    if name in {"admin:view_on_site"}:
        kwargs = {"content_type_id": "1", "object_id": "1"}
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:  # a pattern our sample arguments cannot fill
        return None


ROUTES = sorted(
    {
        name: url for name, pattern in walk(get_resolver()) if (url := sample_url(name, pattern))
    }.items()
)


def test_the_walk_covers_the_whole_project() -> None:
    names = {name for name, _url in ROUTES}
    assert {"home", "claim_list", "api:claim-list", "admin:index", "login", "health"} <= names
    assert len(ROUTES) > 60


@pytest.mark.parametrize(("name", "url"), ROUTES, ids=[name for name, _ in ROUTES])
def test_anonymous_visitors_see_nothing_private(client, deepseek, name, url) -> None:
    response = client.get(url)
    assert response.status_code < 500, f"{name}: {response.status_code}"
    if name in PUBLIC:
        return
    if response.status_code == 302:
        assert re.match(r"^/(accounts|admin)/login/", response["Location"]), response["Location"]
    else:
        assert response.status_code in {401, 403, 404}, f"{name} answered {response.status_code}"


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_logged_in_people_never_meet_a_server_error(client, deepseek, request, role) -> None:
    client.force_login(request.getfixturevalue(role))
    failures = []
    for name, url in ROUTES:
        if name in {"logout", "admin:logout"}:
            continue
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"{name} {url} -> {response.status_code}")
        if name.startswith("admin:") and name != "admin:login":
            # Reviewers and editors are not staff: the admin sends them to its login.
            assert response.status_code in {302, 404}, f"{name}: {response.status_code}"
    assert not failures
