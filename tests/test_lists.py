"""Sort headers and pagers: every link keeps the list's search and filters, sorts both
ways with its direction shown, and no link anywhere starts with "??"."""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.urls import reverse

from claims.views import sources, vocabulary
from tests.crawl import crawl, links_in
from tests.test_i18n import ENGLISH, FRENCH

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pages(settings, monkeypatch) -> None:
    """A page or two per list, so that every pager shows on the demo case."""
    settings.FACTCHECK_PAGE_SIZE = 1
    monkeypatch.setattr(sources, "SOURCES_PER_PAGE", 1)
    monkeypatch.setattr(vocabulary, "SUBJECTS_PER_PAGE", 2)


def query(link: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link).query)


def header_links(html: str, base: str = "/claims/") -> dict[str, str]:
    """The sort link of each column heading, by the ordering it asks for."""
    return {
        query(link.value)["ordering"][0].lstrip("-"): urljoin(base, link.value)
        for link in links_in(html)
        if link.attribute == "href" and "ordering=" in link.value
    }


@pytest.mark.parametrize("role", ["reviewer", "editor"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_page_or_partial_links_with_a_double_question_mark(
    client, reviewed_case, small_pages, request, role, language
) -> None:
    client.force_login(request.getfixturevalue(role))
    headers = FRENCH if language == "fr" else ENGLISH
    # Besides the dashboard: a searched and sorted list, and the disagreements of
    # every kind, which the list's form (not a link) shows.
    starts = ["/", "/claims/?q=deepseek&ordering=statement", "/disputes/?show=all"]
    visits = list(crawl(client, *starts, **headers))
    broken = [
        f"{visit.url}{' (htmx)' if visit.htmx else ''}: {link.attribute}={link.value!r}"
        for visit in visits
        for link in visit.links
        if link.value.startswith("??") or "??" in link.value.split("#")[0]
    ]
    assert not broken, "\n".join(broken)
    failed = [f"{v.url} -> {v.status}" for v in visits if v.status != 200]
    assert not failed, failed
    # The crawl went through the sort headers and the pagers of every list, both ways.
    urls = [v.url for v in visits]
    for path in ("/claims/", "/sources/", "/disputes/", "/subjects/"):
        assert any(u.startswith(path + "?") and "page=2" in u for u in urls), path
    assert any("ordering=-statement" in u for u in urls)
    assert any(v.htmx and v.url.startswith("/claims/?") for v in visits)
    assert any(u.endswith("/history/") for u in urls)


def test_a_sort_header_keeps_the_search_and_filters_and_turns_the_order(
    client, reviewer, deepseek
) -> None:
    client.force_login(reviewer)
    url = reverse("claim_list") + "?q=deepseek&status=new&page=2"
    links = header_links(client.get(url).text)
    assert set(links) >= {"statement", "subject", "property", "status", "rating", "updated"}
    statement = query(links["statement"])
    assert statement == {"q": ["deepseek"], "status": ["new"], "ordering": ["statement"]}
    # The default order is by last update, newest first: its heading offers the other way.
    assert query(links["updated"])["ordering"] == ["updated"]

    sorted_page = client.get(links["statement"]).text
    assert 'aria-sort="ascending"' in sorted_page
    assert query(header_links(sorted_page)["statement"])["ordering"] == ["-statement"]
    reversed_page = client.get(header_links(sorted_page)["statement"]).text
    assert 'aria-sort="descending"' in reversed_page
    assert query(header_links(reversed_page)["statement"])["ordering"] == ["statement"]
    assert reversed_page.count("aria-sort=") == 1


def test_the_sort_sorts_both_ways(client, reviewer, deepseek) -> None:
    client.force_login(reviewer)

    def statements(ordering: str) -> list[str]:
        response = client.get(reverse("claim_list"), {"ordering": ordering})
        return [claim.statement for claim in response.context["page"]]

    ascending = statements("statement")
    assert ascending == sorted(ascending) and len(ascending) > 5
    assert statements("-statement") == ascending[::-1]


def test_the_pager_keeps_the_search_filters_and_sort(client, reviewer, deepseek, settings) -> None:
    settings.FACTCHECK_PAGE_SIZE = 2
    client.force_login(reviewer)
    url = reverse("claim_list") + "?q=deepseek&status=new&ordering=-statement"
    first = client.get(url)
    assert first.context["page"].paginator.num_pages > 1
    following = next(
        urljoin(url, link.value)
        for link in links_in(first.text)
        if link.attribute == "href" and "page=2" in link.value
    )
    assert query(following) == {
        "q": ["deepseek"],
        "status": ["new"],
        "ordering": ["-statement"],
        "page": ["2"],
    }
    second = client.get(following, HTTP_HX_REQUEST="true")
    assert second.context["page"].number == 2
    back = next(
        link.value
        for link in links_in(second.text)
        if link.attribute == "href" and "page=1" in link.value
    )
    assert query(back)["q"] == ["deepseek"] and query(back)["ordering"] == ["-statement"]


def test_the_sort_travels_with_the_filter_form(client, reviewer, deepseek) -> None:
    """After a sort made by htmx, a filter change sends that sort: its input is in the
    swapped results, owned by the filter form."""
    client.force_login(reviewer)
    partial = client.get(reverse("claim_list"), {"ordering": "-subject"}, HTTP_HX_REQUEST="true")
    assert (
        '<input type="hidden" name="ordering" value="-subject" form="claim-filters">'
        in partial.text
    )
    full = client.get(reverse("claim_list")).text
    assert full.count('name="ordering"') == 1


def test_the_dispute_pager_keeps_what_is_shown(client, reviewer, deepseek, settings) -> None:
    settings.FACTCHECK_PAGE_SIZE = 1
    client.force_login(reviewer)
    page = client.get(reverse("dispute_list"), {"show": "all"}).text
    following = next(
        link.value for link in links_in(page) if link.attribute == "href" and "page=2" in link.value
    )
    assert query(following) == {"show": ["all"], "page": ["2"]}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_rows_date_element_is_what_the_date_filters_write(language, settings) -> None:
    import datetime

    from django.template import Context, Template
    from django.utils import timezone, translation

    settings.TIME_ZONE = "Europe/Paris"
    moment = timezone.make_aware(datetime.datetime(2026, 3, 29, 0, 30), datetime.UTC)
    context = Context({"moment": moment})
    with translation.override(language), timezone.override("Europe/Paris"):
        by_filters = Template(
            """<time datetime="{{ moment|date:'c' }}">"""
            """{{ moment|date:"SHORT_DATE_FORMAT" }}</time>"""
        ).render(context)
        by_element = Template("{% load lists %}{{ moment|short_date_element }}").render(context)
    assert by_element == by_filters
    assert "2026-03-29T01:30:00+01:00" in by_element


@pytest.mark.parametrize("name", ["claim_list", "dispute_list"])
def test_a_list_says_its_answer_depends_on_whether_htmx_asked(
    client, reviewer, deepseek, name
) -> None:
    """htmx is answered with the results alone, at the address it then pushes: a browser
    not told so shows them bare, as the page, when the person comes Back to it."""
    client.force_login(reviewer)
    whole = client.get(reverse(name))
    part = client.get(reverse(name), headers={"HX-Request": "true"})
    assert b"<html" in whole.content and b"<html" not in part.content
    for response in (whole, part):
        assert "HX-Request" in response["Vary"]
