"""Middleware of the project as a whole."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers


def vary_on_htmx(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Say that an answer depends on whether htmx asked for it.

    A list answers htmx with its results alone, at the address it pushes into the
    history. Without this header the browser keeps that part as the page at that address,
    and Back from another page shows the part bare, without the page around it.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        patch_vary_headers(response, ("HX-Request",))
        return response

    return middleware
