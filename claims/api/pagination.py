from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

MAX_PAGE_SIZE = 200


def whole_number(raw: str, *, name: str) -> int:
    """A page or page size as the schema states it: a whole number from 1, or a 400."""
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise ValidationError({name: [_("Give a whole number from 1.")]}, code="invalid")
    return int(text)


class Pagination(PageNumberPagination):
    """``?page=2``, and ``?page_size=`` up to a bound, so a script cannot ask for everything.

    DRF quietly falls back to the default size on a page size it cannot read
    (``-1.77e-98`` answered 200): here what the schema refuses is a 400, and a
    page past the last one is a 404, as the schema says.
    """

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return min(whole_number(raw, name=self.page_size_query_param), self.max_page_size)

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> Any:
        raw = request.query_params.get(self.page_query_param)
        if raw is not None:
            whole_number(raw, name=self.page_query_param)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = (
                    f"Results per page, from 1; more than {MAX_PAGE_SIZE} gives {MAX_PAGE_SIZE}."
                )
        return parameters
