"""Static files carry the pages' security headers; Swagger UI's OAuth2 page is not served."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

PAGE_HEADERS = ["Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"]


@pytest.mark.parametrize(
    "path",
    [
        "/static/css/app.css",
        "/static/vendor/htmx/htmx.min.js",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
    ],
)
def test_a_static_file_has_the_pages_security_headers(client, reviewer, path) -> None:
    client.force_login(reviewer)
    page = client.get("/")
    static = client.get(path)
    assert static.status_code == 200
    for header in PAGE_HEADERS:
        assert static.get(header) == page.get(header), header
    assert "script-src 'self'" in static["Content-Security-Policy"]
    assert static["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("name", ["oauth2-redirect.html", "oauth2-redirect.js"])
def test_swagger_uis_oauth2_redirect_page_is_not_served(client, name) -> None:
    path = f"drf_spectacular_sidecar/swagger-ui-dist/{name}"
    assert client.get(f"/static/{path}").status_code == 404
    assert finders.find(path) is None
    assert all(found != path for finder in finders.get_finders() for found, _ in finder.list([]))


def test_the_rest_of_swagger_ui_is_still_found() -> None:
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css")


def test_the_swagger_ui_page_needs_a_login(client) -> None:
    response = client.get("/api/docs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
