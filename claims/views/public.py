"""The public side: a page for every published check, their index and their Atom feed.

No login, the same bytes for every reader (the organisation's language, no
header, no cookie, no CSRF token: templates are rendered without the request),
so that browsers and shared caches keep them: ``Cache-Control``, an ``ETag`` of
the content and, on a check's page, the claim's ``Last-Modified``; a conditional
GET is answered 304. Nothing here needs JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from claims import exports, publishing
from claims.filters import PublicCheckFilter
from claims.models import (
    BoundedPaginator,
    Claim,
    KnownCountPaginator,
    search_counted_newest_first,
)
from claims.templatetags.claimreview import json_ld_script

ATOM = "application/atom+xml"
JSON_LD = "application/ld+json"
# A public index page is short: readers scroll, aggregators use the feeds.
INDEX_PAGE_SIZE = 20
FEED_ITEMS = 50


def in_organisation_language(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run the view in the organisation's language: one published text for every reader."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = exports.organisation_language()
        with translation.override(language):
            response = view(request, *args, **kwargs)
        response.headers.setdefault("Content-Language", language)
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def cacheable(
    request: HttpRequest, response: HttpResponse, last_modified: datetime | None = None
) -> HttpResponse:
    """Cache headers, an ETag of the content, and 304 when the reader's copy is current."""
    _cache_headers(response, last_modified)
    set_response_etag(response)
    timestamp = int(last_modified.timestamp()) if last_modified is not None else None
    return get_conditional_response(
        request, etag=response.headers["ETag"], last_modified=timestamp, response=response
    )


def _cache_headers(response: HttpResponse, last_modified: datetime | None) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=settings.FACTCHECK_PUBLIC_MAX_AGE)
    if last_modified is not None:
        response.headers["Last-Modified"] = http_date(int(last_modified.timestamp()))
    return response


def _alternates() -> dict[str, str]:
    return {
        "index": reverse("public_check_list"),
        "atom": reverse("public_check_feed"),
        "json": reverse("claim_review_feed"),
    }


def alternate_links_header(request: HttpRequest) -> str:
    """The index and the Atom feed, as an HTTP Link header (a JSON array has no <link>)."""
    links = _alternates()
    return ", ".join(
        [
            f'<{request.build_absolute_uri(links["index"])}>; rel="alternate"; type="text/html"',
            f'<{request.build_absolute_uri(links["atom"])}>; rel="alternate"; type="{ATOM}"',
        ]
    )


@login_not_required
@require_safe
@in_organisation_language
def check_list(request: HttpRequest) -> HttpResponse:
    """Published checks, latest verdict first: filtered by rating and language, searchable."""
    check_filter = PublicCheckFilter(request.GET, queryset=publishing.public_checks())
    # A filter that makes no sense is said so above an empty list, not half applied.
    checks = check_filter.qs if check_filter.is_valid() else Claim.objects.none()
    if check_filter.searched():
        # Counted up to a bound, as the workbench's search is: "more than 1,000" says as
        # much as 200,000 and costs what counting 1,000 does.
        paginator = BoundedPaginator(
            checks,
            INDEX_PAGE_SIZE,
            bound=settings.FACTCHECK_SEARCH_COUNT_BOUND,
            counted=check_filter.counted(),
            newest_first=search_counted_newest_first(checks.db),
        )
    else:
        paginator = KnownCountPaginator(checks, INDEX_PAGE_SIZE, known=check_filter.tallied())
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "filter": check_filter,
        "page": page,
        "checks": [_row(claim) for claim in page.object_list],
        "params": params.urlencode(),
        "filtered": any(request.GET.get(name) for name in ("q", "rating", "language")),
        "organisation": settings.FACTCHECK_ORGANISATION,
        "alternates": _alternates(),
    }
    response = HttpResponse(render_to_string("public/check_list.html", context))
    return cacheable(request, response)


def _row(claim: Claim) -> dict[str, Any]:
    published_at, modified_at = exports.publication_dates(claim)
    appearances = exports.ordered_appearances(claim)
    return {
        "claim": claim,
        "verdict": claim.approved_verdicts[0],
        "published_at": published_at,
        "modified_at": modified_at,
        "first": appearances[0] if appearances else None,
    }


@login_not_required
@require_safe
@in_organisation_language
def check_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One published check with its ClaimReview; 410 once reopened, 404 if never published."""
    last_modified = publishing.last_modified(pk)
    if last_modified is not None:
        # A reader's copy still current costs one query and no rendering. Reopening
        # saves the claim, so a withdrawn check never passes here.
        current = get_conditional_response(request, last_modified=int(last_modified.timestamp()))
        if current is not None:
            return _cache_headers(current, last_modified)
    try:
        claim = publishing.find_check(pk)
    except publishing.CheckWithdrawn:
        body = render_to_string(
            "public/check_gone.html",
            {"organisation": settings.FACTCHECK_ORGANISATION, "alternates": _alternates()},
        )
        return HttpResponse(body, status=410, headers={"Cache-Control": "no-cache"})
    if claim is None:
        raise Http404
    url = publishing.public_url(claim, request)
    document = exports.claim_review(claim, claim_url=url)
    context = {
        **_row(claim),
        "url": url,
        "appearances": exports.ordered_appearances(claim),
        "evidence": publishing.public_evidence(claim),
        "json_ld": json_ld_script(document),
        "organisation": settings.FACTCHECK_ORGANISATION,
        "alternates": _alternates(),
    }
    response = HttpResponse(render_to_string("public/check_detail.html", context))
    return cacheable(request, response, last_modified)


class CheckFeed(Feed):
    """The latest published checks as Atom, filtered as the index is."""

    feed_type = Atom1Feed
    description_template = "public/feed_item.html"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpRequest:
        # The request is the feed's "object": its filters and its host.
        return request

    def title(self, request: HttpRequest) -> str:
        return _("Fact-checks by %(organisation)s") % {
            "organisation": settings.FACTCHECK_ORGANISATION["name"]
        }

    def subtitle(self, request: HttpRequest) -> str:
        return _("The latest published verdicts.")

    def link(self, request: HttpRequest) -> str:
        return reverse("public_check_list")

    def feed_url(self, request: HttpRequest) -> str:
        return reverse("public_check_feed")

    def author_name(self, request: HttpRequest) -> str:
        return settings.FACTCHECK_ORGANISATION["name"]

    def author_link(self, request: HttpRequest) -> str:
        return settings.FACTCHECK_ORGANISATION["url"] or request.build_absolute_uri("/")

    def feed_extra_kwargs(self, request: HttpRequest) -> dict[str, Any]:
        return {"json_feed": request.build_absolute_uri(reverse("claim_review_feed"))}

    def items(self, request: HttpRequest) -> list[Claim]:
        checks = PublicCheckFilter(request.GET, queryset=publishing.public_checks()).qs
        return list(checks[:FEED_ITEMS])

    def item_title(self, claim: Claim) -> str:
        rating = exports.review_rating(claim.approved_verdicts[0].rating)["alternateName"]
        return f"{claim.claim_reviewed()} — {rating}"

    def item_link(self, claim: Claim) -> str:
        return reverse("public_check", args=[claim.pk])

    def item_pubdate(self, claim: Claim) -> datetime:
        return exports.publication_dates(claim)[0]

    def item_updateddate(self, claim: Claim) -> datetime:
        return exports.publication_dates(claim)[1]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        claim = kwargs["item"]
        return {"claim": claim, "verdict": claim.approved_verdicts[0]}


class CheckAtomFeed(Atom1Feed):
    """Atom with a <link rel="alternate"> to the JSON feed of ClaimReviews."""

    def add_root_elements(self, handler: Any) -> None:
        super().add_root_elements(handler)
        # ``json_feed`` comes from CheckFeed.feed_extra_kwargs, kept in ``self.feed``.
        handler.addQuickElement(
            "link", "", {"rel": "alternate", "type": JSON_LD, "href": self.feed["json_feed"]}
        )


CheckFeed.feed_type = CheckAtomFeed
_feed = CheckFeed()


@login_not_required
@require_safe
@in_organisation_language
def check_feed(request: HttpRequest) -> HttpResponse:
    """The Atom feed of published checks (the index's filters apply)."""
    return cacheable(request, _feed(request))
