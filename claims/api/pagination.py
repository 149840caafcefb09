from __future__ import annotations

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """``?page=2``, and ``?page_size=`` up to a bound, so a script cannot ask for everything."""

    page_size_query_param = "page_size"
    max_page_size = 200
