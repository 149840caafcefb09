"""Which static files the app serves: every app's, less what no one should be served.

drf-spectacular-sidecar ships Swagger UI's ``oauth2-redirect.html``, an HTML page
with an inline script, for an OAuth2 login the API does not offer. Served from
/static/ it would be a page outside the login, so it is not found at all:
neither by ``collectstatic`` nor by WhiteNoise reading the finders.
"""

from __future__ import annotations

from fnmatch import fnmatch
from typing import Any

from django.contrib.staticfiles import finders

NOT_SERVED = ["drf_spectacular_sidecar/swagger-ui-dist/oauth2-redirect.*"]


def is_served(path: str) -> bool:
    return not any(fnmatch(path.replace("\\", "/"), pattern) for pattern in NOT_SERVED)


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    def find(self, path: str, find_all: bool = False) -> Any:
        if not is_served(path):
            return []  # as Django's finders say "not here", whatever find_all
        return super().find(path, find_all=find_all)

    def list(self, ignore_patterns: list[str] | None) -> Any:
        for path, storage in super().list(ignore_patterns):
            if is_served(path):
                yield path, storage
