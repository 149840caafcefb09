"""The JSON API: who gets in, what it shows, and that writes obey the workflow's rules."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import workflow
from claims.choices import Agreement, ClaimStatus, Stance
from claims.models import (
    Claim,
    ClaimEvent,
    Dispute,
    EventKind,
    Evidence,
    Property,
    Verdict,
    VerdictStatus,
)
from tests.factories import make_claim, make_source, make_subject

pytestmark = pytest.mark.django_db


def api(user: User | None = None) -> APIClient:
    """A script's client: a token in the Authorization header."""
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def founded(deepseek) -> Claim:
    """ "DeepSeek was founded in May 2023": article A's side of the founding-date conflict."""
    return Claim.objects.get(statement="DeepSeek was founded in May 2023.")


def add_evidence(claim: Claim, by: User, **fields) -> Evidence:
    fields = {"stance": Stance.SUPPORTS, "url": "https://example.org/registry"} | fields
    return workflow.add_evidence(claim, by=by, **fields)


# --- who gets in ----------------------------------------------------------------

LISTS = ["api:claim-list", "api:verdict-list", "api:source-list"]
ENDPOINTS = [*LISTS, "api:schema"]


@pytest.mark.parametrize("name", LISTS)
def test_anonymous_gets_401_json_not_a_login_redirect(name) -> None:
    response = api().get(reverse(name))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"detail": "Authentication credentials were not provided."}


def test_anonymous_gets_no_schema() -> None:
    response = api().get(reverse("api:schema"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_wrong_token_is_refused() -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get(reverse("api:claim-list")).status_code == 401


@pytest.mark.parametrize("name", ENDPOINTS)
def test_an_account_without_a_role_gets_403(outsider, name) -> None:
    assert api(outsider).get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", ENDPOINTS)
def test_reviewers_and_editors_get_in(reviewer, editor, name) -> None:
    assert api(reviewer).get(reverse(name)).status_code == 200
    assert api(editor).get(reverse(name)).status_code == 200


def test_an_outsider_cannot_write_either(founded, outsider) -> None:
    response = api(outsider).post(
        reverse("api:claim-add-evidence", args=[founded.pk]),
        {"stance": "supports", "url": "https://example.org/"},
        format="json",
    )
    assert response.status_code == 403
    assert not founded.evidence.exists()


def test_session_auth_works_and_enforces_csrf(founded, reviewer) -> None:
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(reviewer)
    assert client.get(reverse("api:claim-list")).status_code == 200
    url = reverse("api:claim-add-evidence", args=[founded.pk])
    body = {"stance": "supports", "url": "https://example.org/"}

    refused = client.post(url, body, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]

    client.get(reverse("login"))  # sets the CSRF cookie, as any page would
    token = client.cookies["csrftoken"].value
    accepted = client.post(url, body, format="json", headers={"X-CSRFToken": token})
    assert accepted.status_code == 201


def test_token_requests_need_no_csrf_token(founded, reviewer) -> None:
    client = api(reviewer)
    client.handler.enforce_csrf_checks = True
    response = client.post(
        reverse("api:claim-add-evidence", args=[founded.pk]),
        {"stance": "supports", "url": "https://example.org/"},
        format="json",
    )
    assert response.status_code == 201


def test_drf_create_token_makes_a_token_for_a_user(reviewer) -> None:
    call_command("drf_create_token", "rita", verbosity=0)
    key = Token.objects.get(user=reviewer).key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get(reverse("api:claim-list")).status_code == 200


# --- reading --------------------------------------------------------------------


def test_claims_list_shows_names_value_status_rating_and_dispute(founded, reviewer) -> None:
    # The demo case's founding dates conflict: detection has made the dispute already.
    assert Dispute.objects.get(
        subject=founded.subject, property=founded.property, agreement=Agreement.CONFLICT
    )
    response = api(reviewer).get(reverse("api:claim-list"), {"q": "founded in May 2023"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    [row] = data["results"]
    assert row["id"] == founded.pk
    assert row["subject"] == "DeepSeek"
    assert row["property"] == "founding date"
    assert row["property_code"] == "founding-date"
    assert row["value"]["kind"] == "date"
    assert row["value"]["date"] == "2023-05-01"
    assert row["value"]["date_precision"] == "month"
    assert row["status"] == "new"
    assert row["rating"] == ""
    assert row["rating_value"] is None
    assert row["disputed"] is True
    assert row["web_url"] == founded.get_absolute_url()


def test_claims_list_takes_the_claims_pages_filters(deepseek, reviewer) -> None:
    client = api(reviewer)
    url = reverse("api:claim-list")
    prices = client.get(url, {"q": "per million tokens", "ordering": "statement"}).json()
    statements = [row["statement"] for row in prices["results"]]
    assert statements == sorted(statements)
    assert any("$0.14" in s for s in statements)
    assert any("$0.55" in s for s in statements)

    money = client.get(url, {"value_kind": "money"}).json()["results"]
    assert money and all(row["value"]["kind"] == "money" for row in money)
    assert client.get(url, {"status": "published"}).json()["count"] == 0
    assert client.get(url, {"subject": "deepseek r1"}).json()["count"] >= 1


def test_an_invalid_filter_is_a_400_naming_it(reviewer) -> None:
    response = api(reviewer).get(reverse("api:claim-list"), {"status": "nonsense"})
    assert response.status_code == 400
    assert "status" in response.json()


@pytest.mark.parametrize("language", ["f\x00r", "\x00"])
def test_a_language_holding_nul_is_a_400_naming_it(reviewer, language) -> None:
    """Found by schemathesis: any language may be asked for, but not text with NUL,
    which the schema refuses (an unknown language finds nothing, a 200)."""
    client = api(reviewer)
    response = client.get(reverse("api:claim-list"), {"language": language})
    assert response.status_code == 400
    assert "language" in response.json()
    assert client.get(reverse("api:claim-list"), {"language": "xx"}).status_code == 200


def test_claims_list_is_paginated(reviewer) -> None:
    source = make_source()
    for _ in range(3):
        make_claim(source=source)
    client = api(reviewer)
    first = client.get(reverse("api:claim-list"), {"page_size": 2}).json()
    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1
    ids = {row["id"] for row in first["results"] + second["results"]}
    assert len(ids) == 3


def test_claim_detail_has_appearances_evidence_and_verdicts(founded, reviewer) -> None:
    evidence = add_evidence(founded, reviewer, excerpt="Registered in July 2023.")
    workflow.propose_verdict(founded, by=reviewer, rating="false", rationale="Registry says July.")
    data = api(reviewer).get(reverse("api:claim-detail", args=[founded.pk])).json()
    assert data["statement"] == "DeepSeek was founded in May 2023."
    assert data["status"] == "verdict_proposed"
    assert data["rating"] == "false"
    assert data["rating_value"] == 1
    [appearance] = data["appearances"]
    assert appearance["exact"] in founded.appearances.get().source.text
    assert appearance["source_title"]
    [item] = data["evidence"]
    assert item == {
        **item,
        "id": evidence.pk,
        "excerpt": "Registered in July 2023.",
        "added_by": "rita",
        "version": 1,
    }
    [verdict] = data["verdicts"]
    assert verdict["status"] == "proposed"
    assert verdict["author"] == "rita"


def test_unknown_or_malformed_ids_are_404(reviewer) -> None:
    client = api(reviewer)
    assert client.get("/api/claims/999999/").status_code == 404
    assert client.get("/api/claims/abc/").status_code == 404
    assert client.get("/api/claims/99999999999999999999999999/").status_code == 404


def test_sources_list_leaves_the_text_out_and_detail_has_it(deepseek, reviewer) -> None:
    client = api(reviewer)
    rows = client.get(reverse("api:source-list")).json()["results"]
    assert len(rows) == 2
    assert "text" not in rows[0]
    detail = client.get(reverse("api:source-detail", args=[rows[0]["id"]])).json()
    assert "DeepSeek" in detail["text"]
    assert client.get(reverse("api:source-list"), {"language": "en"}).json()["count"] == 0


def test_verdicts_list_filters_by_claim_and_status(founded, reviewer) -> None:
    other = Claim.objects.exclude(pk=founded.pk).first()
    workflow.propose_verdict(founded, by=reviewer, rating="false", rationale="No.")
    workflow.propose_verdict(founded, by=reviewer, rating="mixed", rationale="Unclear.")
    workflow.propose_verdict(other, by=reviewer, rating="true", rationale="Yes.")
    client = api(reviewer)
    mine = client.get(reverse("api:verdict-list"), {"claim": founded.pk}).json()
    assert [row["rating"] for row in mine["results"]] == ["mixed", "false"]
    waiting = client.get(reverse("api:verdict-list"), {"status": "proposed"}).json()
    assert {row["claim"] for row in waiting["results"]} == {founded.pk, other.pk}


# --- query counts: flat in the number of rows -----------------------------------


@pytest.mark.parametrize("rows", [10, 100])
def test_claims_list_query_count_stays_flat(
    reviewer, editor, django_assert_num_queries, rows
) -> None:
    # Saved in bulk: one by one, every save recomputes its group's dispute.
    subjects = [make_subject() for _ in range(3)]
    founding = Property.objects.get(code="founding-date")
    Claim.objects.bulk_create(
        Claim(statement=f"Claim {n}", subject=subjects[n % 3], property=founding, assignee=editor)
        for n in range(rows)
    )
    client = api(reviewer)
    # the token with its user, the account's lockout (django-axes' failed
    # logins), the user's groups (roles), the paginator's
    # count, and one page of claims with subject, property, assignee and the
    # disputed flag
    with django_assert_num_queries(5):
        response = client.get(reverse("api:claim-list"), {"page_size": 200})
    assert len(response.json()["results"]) == rows


@pytest.mark.parametrize("rows", [10, 100])
def test_verdicts_list_query_count_stays_flat(
    reviewer, editor, django_assert_num_queries, rows
) -> None:
    claim = make_claim()
    Verdict.objects.bulk_create(
        Verdict(claim=claim, rating="false", rationale=f"#{n}", author=reviewer)
        for n in range(rows)
    )
    client = api(editor)
    # the token with its user, its lockout, the user's groups, the count, one page of
    # verdicts with author and reviewer
    with django_assert_num_queries(5):
        response = client.get(reverse("api:verdict-list"), {"page_size": 200})
    assert len(response.json()["results"]) == rows


@pytest.mark.parametrize("rows", [10, 100])
def test_sources_list_query_count_stays_flat(reviewer, django_assert_num_queries, rows) -> None:
    for _ in range(rows):
        make_source()
    client = api(reviewer)
    # the token with its user, its lockout, the user's groups, the count, one page of sources
    with django_assert_num_queries(5):
        response = client.get(reverse("api:source-list"), {"page_size": 200})
    assert len(response.json()["results"]) == rows


@pytest.mark.parametrize("rows", [1, 20])
def test_claim_detail_query_count_stays_flat(reviewer, django_assert_num_queries, rows) -> None:
    claim = make_claim()
    for n in range(rows):
        add_evidence(claim, reviewer, url=f"https://example.org/{n}")
    client = api(reviewer)
    # the token with its user, its lockout, the user's groups, the claim with subject,
    # property, assignee, author and disputed flag, then its appearances (with
    # source titles), evidence (with who added it and the file it cites), the copies
    # kept of its pages (with their files), and verdicts
    with django_assert_num_queries(8):
        response = client.get(reverse("api:claim-detail", args=[claim.pk]))
    assert len(response.json()["evidence"]) == rows


# --- evidence -------------------------------------------------------------------


def test_reviewer_adds_evidence_and_the_claim_goes_into_research(founded, reviewer) -> None:
    response = api(reviewer).post(
        reverse("api:claim-add-evidence", args=[founded.pk]),
        {
            "stance": "refutes",
            "url": "https://example.org/registry",
            "title": "Company registry",
            "excerpt": "Registered on 17 July 2023.",
        },
        format="json",
    )
    assert response.status_code == 201
    evidence = Evidence.objects.get(pk=response.json()["id"])
    assert evidence.added_by == reviewer
    assert evidence.stance == Stance.REFUTES
    founded.refresh_from_db()
    assert founded.status == ClaimStatus.IN_RESEARCH
    assert founded.events.filter(kind=EventKind.EVIDENCE_ADDED).exists()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/file",
    ],
)
def test_evidence_urls_must_be_http_like_the_browser_form(founded, reviewer, url) -> None:
    response = api(reviewer).post(
        reverse("api:claim-add-evidence", args=[founded.pk]),
        {"stance": "supports", "url": url},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"url": ["Only http:// and https:// links are allowed."]}
    assert not founded.evidence.exists()


def test_evidence_needs_a_url_or_a_source(founded, reviewer) -> None:
    client = api(reviewer)
    url = reverse("api:claim-add-evidence", args=[founded.pk])
    missing = client.post(url, {"stance": "supports"}, format="json")
    assert missing.status_code == 400
    assert missing.json() == {"url": ["Give the URL of the evidence."]}
    source = founded.appearances.get().source
    cited = client.post(url, {"stance": "context", "source": source.pk}, format="json")
    assert cited.status_code == 201
    assert cited.json()["source"] == source.pk


def test_evidence_on_a_published_claim_is_a_409(founded, reviewer, editor) -> None:
    verdict = workflow.propose_verdict(founded, by=reviewer, rating="false", rationale="No.")
    workflow.approve_verdict(verdict, by=editor)
    response = api(reviewer).post(
        reverse("api:claim-add-evidence", args=[founded.pk]),
        {"stance": "supports", "url": "https://example.org/"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json() == {
        "detail": "This claim is published and locked. An editor must reopen it first.",
        "code": "invalid_transition",
    }


def test_patch_evidence_with_the_current_version(founded, reviewer) -> None:
    evidence = add_evidence(founded, reviewer)
    response = api(reviewer).patch(
        reverse("api:evidence-detail", args=[evidence.pk]),
        {"note": "Checked against the registry.", "version": evidence.version},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["note"] == "Checked against the registry."
    assert response.json()["version"] == evidence.version + 1
    evidence.refresh_from_db()
    assert evidence.note == "Checked against the registry."
    assert evidence.url == "https://example.org/registry"  # untouched: not sent


def test_patch_with_a_stale_version_is_a_409_with_the_current_evidence(founded, reviewer) -> None:
    evidence = add_evidence(founded, reviewer)
    read_version = evidence.version
    workflow.update_evidence(evidence, by=reviewer, note="Someone else's note.")
    response = api(reviewer).patch(
        reverse("api:evidence-detail", args=[evidence.pk]),
        {"note": "Mine.", "version": read_version},
        format="json",
    )
    assert response.status_code == 409
    data = response.json()
    assert data["code"] == "stale_edit"
    assert data["detail"] == "Someone else changed this evidence while you were editing it."
    assert data["current"]["note"] == "Someone else's note."
    assert data["current"]["version"] == read_version + 1
    evidence.refresh_from_db()
    assert evidence.note == "Someone else's note."


def test_patch_needs_the_version(founded, reviewer) -> None:
    evidence = add_evidence(founded, reviewer)
    response = api(reviewer).patch(
        reverse("api:evidence-detail", args=[evidence.pk]), {"note": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "version" in response.json()


def test_patch_refuses_a_javascript_url_and_emptying_the_only_link(founded, reviewer) -> None:
    evidence = add_evidence(founded, reviewer)
    client = api(reviewer)
    url = reverse("api:evidence-detail", args=[evidence.pk])
    bad = client.patch(url, {"url": "javascript:alert(1)", "version": 1}, format="json")
    assert bad.status_code == 400
    empty = client.patch(url, {"url": "", "version": 1}, format="json")
    assert empty.status_code == 400
    evidence.refresh_from_db()
    assert evidence.url == "https://example.org/registry"


def test_put_is_not_offered(founded, reviewer) -> None:
    evidence = add_evidence(founded, reviewer)
    response = api(reviewer).put(
        reverse("api:evidence-detail", args=[evidence.pk]), {}, format="json"
    )
    assert response.status_code == 405


def test_delete_evidence_keeps_it_in_the_timeline(founded, reviewer) -> None:
    evidence = add_evidence(founded, reviewer)
    response = api(reviewer).delete(reverse("api:evidence-detail", args=[evidence.pk]))
    assert response.status_code == 204
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    event = ClaimEvent.objects.get(claim=founded, kind=EventKind.EVIDENCE_REMOVED)
    assert event.data["evidence"] == evidence.pk


def test_delete_evidence_of_a_published_claim_is_a_409(founded, reviewer, editor) -> None:
    evidence = add_evidence(founded, reviewer)
    verdict = workflow.propose_verdict(founded, by=reviewer, rating="false", rationale="No.")
    workflow.approve_verdict(verdict, by=editor)
    response = api(reviewer).delete(reverse("api:evidence-detail", args=[evidence.pk]))
    assert response.status_code == 409
    assert Evidence.objects.filter(pk=evidence.pk).exists()


# --- verdicts -------------------------------------------------------------------


def test_reviewer_proposes_a_verdict(founded, reviewer) -> None:
    response = api(reviewer).post(
        reverse("api:claim-propose-verdict", args=[founded.pk]),
        {"rating": "false", "rationale": "The registry shows July 2023."},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["status"] == "proposed"
    assert response.json()["author"] == "rita"
    founded.refresh_from_db()
    assert founded.status == ClaimStatus.VERDICT_PROPOSED
    assert founded.rating == "false"


@pytest.mark.parametrize(
    "body", [{"rating": "false", "rationale": "   "}, {"rating": "wrong", "rationale": "Why."}]
)
def test_a_verdict_needs_a_rating_and_a_rationale(founded, reviewer, body) -> None:
    response = api(reviewer).post(
        reverse("api:claim-propose-verdict", args=[founded.pk]), body, format="json"
    )
    assert response.status_code == 400
    assert not founded.verdicts.exists()


def test_four_eyes_the_author_cannot_approve_their_own_verdict(founded, editor) -> None:
    verdict = workflow.propose_verdict(founded, by=editor, rating="false", rationale="No.")
    response = api(editor).post(reverse("api:verdict-approve", args=[verdict.pk]), format="json")
    assert response.status_code == 403
    assert "four-eyes" in response.json()["detail"]
    verdict.refresh_from_db()
    assert verdict.status == VerdictStatus.PROPOSED


def test_a_reviewer_cannot_approve(founded, reviewer, editor) -> None:
    verdict = workflow.propose_verdict(founded, by=editor, rating="false", rationale="No.")
    response = api(reviewer).post(reverse("api:verdict-approve", args=[verdict.pk]), format="json")
    assert response.status_code == 403
    assert response.json()["detail"] == "Only editors can do this."


def test_another_editor_approves_and_the_claim_is_published(founded, editor, second_editor) -> None:
    verdict = workflow.propose_verdict(founded, by=editor, rating="false", rationale="No.")
    client = api(second_editor)
    url = reverse("api:verdict-approve", args=[verdict.pk])
    response = client.post(url, {"comment": "Well sourced."}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert response.json()["reviewed_by"] == "edna"
    founded.refresh_from_db()
    assert founded.status == ClaimStatus.PUBLISHED

    again = client.post(url, format="json")
    assert again.status_code == 409
    assert again.json()["code"] == "invalid_transition"


def test_send_back_needs_a_comment_and_returns_the_claim_to_research(
    founded, reviewer, editor
) -> None:
    verdict = workflow.propose_verdict(founded, by=reviewer, rating="false", rationale="No.")
    client = api(editor)
    url = reverse("api:verdict-send-back", args=[verdict.pk])
    assert client.post(url, {"comment": ""}, format="json").status_code == 400
    response = client.post(url, {"comment": "Cite the registry."}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "sent_back"
    founded.refresh_from_db()
    assert founded.status == ClaimStatus.IN_RESEARCH


# --- the schema and its docs page -----------------------------------------------


def test_the_schema_lists_every_endpoint(reviewer) -> None:
    response = api(reviewer).get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert set(paths) >= {
        "/api/claims/",
        "/api/claims/{id}/",
        "/api/claims/{id}/evidence/",
        "/api/claims/{id}/verdicts/",
        "/api/evidence/{id}/",
        "/api/verdicts/",
        "/api/verdicts/{id}/",
        "/api/verdicts/{id}/approve/",
        "/api/verdicts/{id}/send-back/",
        "/api/sources/",
        "/api/sources/{id}/",
    }
    assert set(paths["/api/evidence/{id}/"]) == {"get", "patch", "delete"}
    filters = {p["name"] for p in paths["/api/claims/"]["get"]["parameters"]}
    assert {"q", "status", "rating", "disputed", "ordering", "page"} <= filters


def test_docs_page_sends_anonymous_visitors_to_log_in(client) -> None:
    response = client.get(reverse("api:docs"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_docs_page_serves_swagger_ui_from_our_own_static_files(client, reviewer) -> None:
    client.force_login(reviewer)
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.text
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    # No inline script (the CSP would block it) and nothing from another host.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "http://" not in html
    assert "https://" not in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert any("swagger-ui-bundle.js" in src for src in scripts)
    start_script = client.get(scripts[-1].replace("&amp;", "&"))
    assert start_script.status_code == 200
    assert start_script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in start_script.content.decode()


def test_docs_page_refuses_an_account_without_a_role(client, outsider) -> None:
    client.force_login(outsider)
    assert client.get(reverse("api:docs")).status_code == 403
