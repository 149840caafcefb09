"""The foundation pages: login everywhere, the claims list, a claim, an article."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import make_claim, make_source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["home", "claim_list"])
def test_anonymous_visitors_are_sent_to_log_in(client, name) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def unmask_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', html)


def test_claim_and_article_pages_need_login(client) -> None:
    claim = make_claim()
    source = claim.appearances.get().source
    for url in (claim.get_absolute_url(), source.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_login_page_is_open_and_sets_a_strict_csp(client) -> None:
    response = client.get(reverse("login"))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_list_shows_claims(client, reviewer) -> None:
    make_claim(statement="Exemple was founded in 2019.")
    client.force_login(reviewer)
    response = client.get(reverse("claim_list"))
    assert response.status_code == 200
    assert "Exemple was founded in 2019." in response.text


def test_list_search_matches_quotes(client, reviewer) -> None:
    make_claim(statement="Founding year", quote="fondée en 2019")
    make_claim(statement="Headcount", quote="1 200 personnes", property_code="employee-count")
    client.force_login(reviewer)
    response = client.get(reverse("claim_list"), {"q": "personnes"})
    assert "Headcount" in response.text
    assert "Founding year" not in response.text


def test_htmx_request_renders_only_the_results_partial(client, reviewer) -> None:
    make_claim(statement="Exemple was founded in 2019.")
    client.force_login(reviewer)
    full = client.get(reverse("claim_list"))
    partial = client.get(reverse("claim_list"), headers={"HX-Request": "true"})
    assert "<html" not in partial.text
    assert partial.text.strip().startswith('<section id="results"')
    # The fragment is the very markup the full page holds (CSRF tokens are masked
    # afresh on every response, so they are blanked before comparing); the count of
    # filters in use rides along out of band, for the folded filters' summary.
    results, count = partial.text.strip().split('\n<span id="filter-count" hx-swap-oob="true">')
    assert unmask_csrf(results) in unmask_csrf(full.text)
    assert f'<span id="filter-count">{count}' in full.text


@pytest.mark.parametrize("rows", [10, 60])
def test_list_query_count_stays_flat(client, reviewer, django_assert_num_queries, rows) -> None:
    source = make_source()
    for _ in range(rows):
        make_claim(source=source)
    client.force_login(reviewer)
    # session, user, the user's groups (roles), the paginator's count, the
    # filter form's article, assignee and language choices (the bulk form offers
    # the same assignees, read once), and one page of claims with subject, property
    # and assignee joined, the header's unread notifications.
    with django_assert_num_queries(9):
        response = client.get(reverse("claim_list"))
    assert response.status_code == 200


def test_claim_page_shows_the_quote_in_its_paragraph(client, reviewer) -> None:
    claim = make_claim(quote="fondée en 2019")
    client.force_login(reviewer)
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    assert "La société Exemple a été <mark>fondée en 2019</mark> à Lyon." in response.text


def test_article_page_highlights_and_links_each_quote(client, reviewer) -> None:
    claim = make_claim(quote="1 200 personnes", property_code="employee-count")
    source = claim.appearances.get().source
    client.force_login(reviewer)
    response = client.get(source.get_absolute_url())
    assert response.status_code == 200
    assert f'href="{claim.get_absolute_url()}"' in response.text
    assert "<mark>1 200 personnes</mark>" in response.text


def test_unknown_claim_is_404(client, reviewer) -> None:
    client.force_login(reviewer)
    assert client.get(reverse("claim_detail", args=[999_999])).status_code == 404
