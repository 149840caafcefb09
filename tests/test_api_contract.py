"""The API answers as its OpenAPI schema says (issue 17): the cases schemathesis found.

tests/test_api_schemathesis.py generates requests at random; these are the
ones it found, kept as plain examples so a regression names itself.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import Claim
from tests.test_api import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(reviewer) -> dict:
    return api(reviewer).get("/api/schema/", HTTP_ACCEPT="application/json").json()


def test_every_operation_lists_the_errors_it_can_answer(schema) -> None:
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            assert {"401", "403"} <= statuses, (method, path)
            if "{" in path:
                assert "404" in statuses, (method, path)
            if "requestBody" in operation or any(
                p["in"] == "query" for p in operation.get("parameters", [])
            ):
                assert "400" in statuses, (method, path)


def test_the_schema_allows_what_the_api_answers(schema) -> None:
    components = schema["components"]["schemas"]
    assert components["Claim"]["properties"]["assignee"]["nullable"] is True
    assert components["Verdict"]["properties"]["reviewed_by"]["nullable"] is True
    rating = components["Claim"]["properties"]["rating"]
    assert {"$ref": "#/components/schemas/BlankEnum"} in rating["oneOf"]
    assert "format" not in components["Source"]["properties"]["url"]
    assert components["EvidenceUpdateRequest"]["required"] == ["version"]


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("api:claim-list", {"assignee": "0"}),
        ("api:claim-list", {"source": "-5"}),
        ("api:claim-list", {"language": "xx"}),
        ("api:verdict-list", {"claim": "0"}),
    ],
)
def test_an_id_or_language_that_names_nothing_finds_nothing(deepseek, reviewer, url, params):
    response = api(reviewer).get(reverse(url), params)
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 0


def test_an_existing_id_still_filters(deepseek, reviewer, editor) -> None:
    claim = Claim.objects.order_by("pk").first()
    workflow.propose_verdict(claim, by=reviewer, rating="false", rationale="Registry.")
    rows = api(reviewer).get(reverse("api:verdict-list"), {"claim": claim.pk}).json()
    assert [row["claim"] for row in rows["results"]] == [claim.pk]


@pytest.mark.parametrize(
    ("url", "params", "field"),
    [
        ("api:claim-list", {"disputed": "null"}, "disputed"),
        ("api:claim-list", {"disputed": ""}, "disputed"),
        ("api:claim-list", {"added_after": ""}, "added_after"),
        ("api:claim-list", {"added_after": "3 mai 2023"}, "added_after"),
        ("api:claim-list", {"added_before": "2023-02-30"}, "added_before"),
        ("api:claim-list", {"assignee": "abc"}, "assignee"),
        ("api:claim-list", {"assignee": str(2**70)}, "assignee"),
        ("api:claim-list", {"ordering": "added,"}, "ordering"),
        ("api:claim-list", {"ordering": ""}, "ordering"),
        ("api:claim-list", {"page_size": "-1.77e-98"}, "page_size"),
        ("api:claim-list", {"page_size": "0"}, "page_size"),
        ("api:source-list", {"page": "-1"}, "page"),
        ("api:verdict-list", {"claim": ""}, "claim"),
    ],
)
def test_what_the_schema_refuses_is_a_400_naming_it(deepseek, reviewer, url, params, field):
    response = api(reviewer).get(reverse(url), params)
    assert response.status_code == 400
    assert field in response.json()


def test_a_page_size_over_the_bound_gives_the_bound(deepseek, reviewer) -> None:
    response = api(reviewer).get(reverse("api:claim-list"), {"page_size": "100000"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == min(200, Claim.objects.count())


@pytest.mark.parametrize(
    ("params", "everything"),
    [
        ({"added_after": "0001-01-01"}, True),  # a 500 found by schemathesis
        ({"added_before": "0001-01-01"}, False),
        ({"added_after": "9999-12-31"}, False),
        ({"added_before": "9999-12-31"}, True),
    ],
)
def test_dates_at_the_edge_of_the_calendar_are_answered(deepseek, reviewer, params, everything):
    response = api(reviewer).get(reverse("api:claim-list"), params)
    assert response.status_code == 200
    assert response.json()["count"] == (Claim.objects.count() if everything else 0)


def test_an_iso_date_filters(deepseek, reviewer) -> None:
    client = api(reviewer)
    assert client.get(reverse("api:claim-list"), {"added_after": "2100-01-01"}).json()["count"] == 0
    everything = client.get(reverse("api:claim-list"), {"added_after": "2000-01-01"}).json()
    assert everything["count"] == Claim.objects.count()


def test_the_browser_list_still_takes_empty_filters_and_dates_as_people_write_them(
    client, deepseek, reviewer
) -> None:
    client.force_login(reviewer)
    response = client.get(
        reverse("claim_list"),
        {"disputed": "", "added_after": "3 mai 2023", "rating": "", "assignee": ""},
    )
    assert response.status_code == 200
    assert not response.context["filter"].errors


@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_an_address_under_api_that_is_no_operation_is_a_json_404(reviewer, method) -> None:
    response = getattr(api(reviewer), method)("/api/claims/abc\n/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_anonymous_gets_401_not_404_for_an_unknown_api_address() -> None:
    assert api().get("/api/nothing-here/").status_code == 401
