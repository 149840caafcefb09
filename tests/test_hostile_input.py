"""Hostile text is stored as typed and shown as text, never run, on every page that shows it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import workflow
from claims.choices import Stance
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile(reviewer):
    claim = make_claim(statement=f"Claim {SCRIPT}")
    workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.SUPPORTS,
        url="https://example.org/a",
        title=f"Title {SCRIPT}",
        excerpt=f"Excerpt {SCRIPT}",
        note=f"Note {SCRIPT}",
    )
    workflow.add_comment(claim, by=reviewer, body=f"Comment {SCRIPT}")
    claim.refresh_from_db()
    workflow.update_claim(
        claim, by=reviewer, expected_version=claim.version, value_text=f"Value {SCRIPT}"
    )
    return claim


@pytest.mark.parametrize("page", ["claim_detail", "claim_history", "claim_list", "source"])
def test_script_tags_are_shown_escaped(client, reviewer, hostile, page) -> None:
    client.force_login(reviewer)
    if page == "source":
        url = hostile.appearances.get().source.get_absolute_url()
    elif page == "claim_list":
        url = reverse("claim_list")
    else:
        url = reverse(page, args=[hostile.pk])
    text = client.get(url).text
    assert "<script>alert" not in text
    assert "<img src=x" not in text
    if page != "source":
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "JaVaScRiPt:x"])
def test_dangerous_links_are_refused_for_evidence(client, reviewer, url) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    response = client.post(
        reverse("evidence_add", args=[claim.pk]),
        {"new-stance": "supports", "new-url": url, "new-title": "x"},
    )
    assert "Only http:// and https:// links are allowed." in response.text
    assert not claim.evidence.exists()


def test_an_oversized_statement_gets_a_clear_error(client, reviewer) -> None:
    claim = make_claim(statement="Short.")
    client.force_login(reviewer)
    response = client.post(
        reverse("claim_edit", args=[claim.pk]),
        {
            "statement": "x" * 20_001,
            "subject": claim.subject.name,
            "property": claim.property_id,
            "value_kind": claim.value_kind,
            "value_qualifier": claim.value_qualifier,
            "version": claim.version,
        },
    )
    assert "Ensure this value has at most 20000 characters" in response.text
    claim.refresh_from_db()
    assert claim.statement == "Short."
