"""Evidence is internal until a reviewer marks it public; the claim page does it in place."""

from __future__ import annotations

import json
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from claims import workflow
from claims.choices import ClaimStatus, Rating, Stance
from claims.models import Claim, EventKind, Evidence

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(deepseek) -> Claim:
    return Claim.objects.get(statement="DeepSeek was founded in May 2023.")


@pytest.fixture
def evidence(claim: Claim, reviewer: User) -> Evidence:
    return workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.REFUTES,
        url="https://www.example.org/registry",
        title="Company registry",
        excerpt="Incorporated in July 2023.",
    )


def url(evidence: Evidence) -> str:
    return reverse("evidence_visibility", args=[evidence.claim_id, evidence.pk])


def test_evidence_starts_internal(evidence: Evidence) -> None:
    assert evidence.public is False


def test_a_reviewer_marks_it_public_and_internal_again(
    evidence: Evidence, reviewer: User, claim: Claim
) -> None:
    version = Claim.objects.get(pk=claim.pk).version
    workflow.set_evidence_public(evidence, by=reviewer, public=True)
    assert Evidence.objects.get(pk=evidence.pk).public is True
    event = claim.events.latest("created_at")
    assert event.kind == EventKind.EVIDENCE_VISIBILITY
    assert event.data["public"] is True
    assert event.data["title"] == "Company registry"
    # The claim is saved too: the public page's Last-Modified moves.
    assert Claim.objects.get(pk=claim.pk).version == version + 1
    workflow.set_evidence_public(evidence, by=reviewer, public=False)
    assert Evidence.objects.get(pk=evidence.pk).public is False


def test_nothing_changes_when_it_already_is(
    evidence: Evidence, reviewer: User, claim: Claim
) -> None:
    events = claim.events.count()
    workflow.set_evidence_public(evidence, by=reviewer, public=False)
    assert claim.events.count() == events


def test_an_outsider_cannot(evidence: Evidence, outsider: User) -> None:
    with pytest.raises(workflow.NotAllowed):
        workflow.set_evidence_public(evidence, by=outsider, public=True)
    assert Evidence.objects.get(pk=evidence.pk).public is False


def test_it_is_allowed_on_a_published_claim(
    evidence: Evidence, reviewer: User, editor: User, claim: Claim
) -> None:
    verdict = workflow.propose_verdict(claim, by=reviewer, rating=Rating.FALSE, rationale="No.")
    workflow.approve_verdict(verdict, by=editor)
    workflow.set_evidence_public(evidence, by=reviewer, public=True)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.PUBLISHED
    assert Evidence.objects.get(pk=evidence.pk).public is True


# --- the view --------------------------------------------------------------------------


def test_it_rejects_get(client: Client, evidence: Evidence, reviewer: User) -> None:
    client.force_login(reviewer)
    assert client.get(url(evidence)).status_code == 405


def test_anonymous_is_sent_to_log_in(client: Client, evidence: Evidence) -> None:
    response = client.post(url(evidence), {"public": "1"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert Evidence.objects.get(pk=evidence.pk).public is False


def test_without_a_role_it_is_403(client: Client, evidence: Evidence, outsider: User) -> None:
    client.force_login(outsider)
    assert client.post(url(evidence), {"public": "1"}).status_code == 403


def test_nonsense_is_refused_and_changes_nothing(
    client: Client, evidence: Evidence, reviewer: User
) -> None:
    client.force_login(reviewer)
    response = client.post(url(evidence), {"public": "maybe"})
    assert response.status_code == 400
    assert Evidence.objects.get(pk=evidence.pk).public is False


def test_without_javascript_it_goes_back_to_the_evidence(
    client: Client, evidence: Evidence, reviewer: User
) -> None:
    client.force_login(reviewer)
    response = client.post(url(evidence), {"public": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"/claims/{evidence.claim_id}/#evidence-{evidence.pk}"
    assert Evidence.objects.get(pk=evidence.pk).public is True


def test_with_htmx_the_evidence_section_comes_back(
    client: Client, evidence: Evidence, reviewer: User
) -> None:
    client.force_login(reviewer)
    response = client.post(url(evidence), {"public": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.text
    assert html.lstrip().startswith('<section id="evidence"')
    assert "Make internal" in html
    assert 'hx-swap-oob="true"' in html  # the timeline follows
    assert "Evidence shown on the public page" in html


def test_the_claim_page_shows_the_public_link_and_the_json_ld_once_published(
    client: Client, claim: Claim, reviewer: User, editor: User
) -> None:
    client.force_login(reviewer)
    assert "claimreview-code" not in client.get(claim.get_absolute_url()).text
    verdict = workflow.propose_verdict(claim, by=reviewer, rating=Rating.FALSE, rationale="No.")
    workflow.approve_verdict(verdict, by=editor)
    html = client.get(claim.get_absolute_url()).text
    public = f"http://testserver/checks/{claim.pk}/"
    assert f'<a href="{public}" id="public-link" translate="no">' in html
    assert 'data-copy="claimreview-code"' in html
    assert reverse("claim_review", args=[claim.pk]) in html
    # The text to copy is the <script> element, escaped once inside the textarea.
    start = html.index('id="claimreview-code"')
    text = html[html.index(">", start) + 1 : html.index("</textarea>", start)]
    assert text.startswith("&lt;script type=&quot;application/ld+json&quot;&gt;")
    script = unescape(text)
    document = json.loads(
        script.removeprefix('<script type="application/ld+json">')[: -len("</script>")]
    )
    assert document["url"] == public
