"""One rule for a web address: the evidence form and the API accept and refuse the same."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims.forms import AddEvidenceForm
from claims.weblinks import clean_web_url
from tests.factories import make_claim
from tests.test_api import api

pytestmark = pytest.mark.django_db

ACCEPTED = [
    ("https://example.org/registre", "https://example.org/registre"),
    ("  http://example.org/a?b=c#d  ", "http://example.org/a?b=c#d"),
    ("HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/"),
    ("https://例え.jp/記事", "https://例え.jp/記事"),
]
REFUSED = [
    "//evil.example/x",
    "evil.example/x",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/file",
    "file:///etc/passwd",
    "https:///no-host",
    "http:evil.example",
    "https://exa mple.org/",
    "https://" + "a" * 2000 + ".org/",
]


@pytest.mark.parametrize(("typed", "stored"), ACCEPTED)
def test_the_rule_keeps_a_whole_http_address(typed, stored) -> None:
    assert clean_web_url(typed) == stored


@pytest.mark.parametrize("typed", REFUSED)
def test_the_rule_refuses_anything_else(typed) -> None:
    with pytest.raises(ValidationError):
        clean_web_url(typed)


def _form_answer(typed: str) -> str | None:
    form = AddEvidenceForm(data={"stance": "supports", "url": typed, "title": "x"})
    return form.cleaned_data["url"] if form.is_valid() else None


def _api_answer(reviewer, typed: str) -> str | None:
    claim = make_claim()
    response = api(reviewer).post(
        reverse("api:claim-add-evidence", args=[claim.pk]),
        {"stance": "supports", "url": typed},
        format="json",
    )
    if response.status_code == 201:
        return response.json()["url"]
    assert response.status_code == 400 and "url" in response.json()
    assert not claim.evidence.exists()
    return None


@pytest.mark.parametrize("typed", [typed for typed, _ in ACCEPTED] + REFUSED)
def test_the_form_and_the_api_give_the_same_answer(reviewer, typed) -> None:
    assert _form_answer(typed) == _api_answer(reviewer, typed)


def test_the_evidence_form_no_longer_completes_a_protocol_relative_link(client, reviewer):
    claim = make_claim()
    client.force_login(reviewer)
    response = client.post(
        reverse("evidence_add", args=[claim.pk]),
        {"new-stance": "supports", "new-url": "//evil.example/x", "new-title": "x"},
    )
    assert "Give the whole address, starting with https:// or http://." in response.text
    assert not claim.evidence.exists()
