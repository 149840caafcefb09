"""Nobody replaces a colleague's proposed verdict without having seen it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import workflow
from claims.models import Verdict, VerdictStatus
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def test_proposing_over_an_unseen_verdict_is_refused(reviewer, editor) -> None:
    claim = make_claim()
    theirs = workflow.propose_verdict(claim, by=editor, rating="false", rationale="Theirs.")
    with pytest.raises(workflow.StaleEdit) as refused:
        workflow.propose_verdict(
            claim, by=reviewer, rating="true", rationale="Mine.", replaces=None
        )
    assert refused.value.current == theirs
    theirs.refresh_from_db()
    assert theirs.status == VerdictStatus.PROPOSED
    assert claim.verdicts.count() == 1


def test_proposing_over_the_verdict_one_saw_withdraws_it(reviewer, editor) -> None:
    claim = make_claim()
    theirs = workflow.propose_verdict(claim, by=editor, rating="false", rationale="Theirs.")
    mine = workflow.propose_verdict(
        claim, by=reviewer, rating="true", rationale="Mine.", replaces=theirs.pk
    )
    theirs.refresh_from_db()
    assert theirs.status == VerdictStatus.WITHDRAWN
    assert mine.status == VerdictStatus.PROPOSED


def test_the_page_keeps_the_reviewers_words_and_shows_theirs(client, reviewer, editor) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    page = client.get(claim.get_absolute_url())
    assert page.context["verdict_form"]["replaces"].value() is None
    workflow.propose_verdict(claim, by=editor, rating="false", rationale="Theirs, first.")
    response = client.post(
        reverse("verdict_propose", args=[claim.pk]),
        {"rating": "true", "rationale": "Mine, second.", "replaces": ""},
    )
    assert response.status_code == 200
    assert "Someone else proposed a verdict" in response.text
    assert "Theirs, first." in response.text and "Mine, second." in response.text
    assert Verdict.objects.filter(claim=claim).count() == 1


def test_the_api_answers_409_with_the_waiting_verdict(reviewer, editor) -> None:
    claim = make_claim()
    theirs = workflow.propose_verdict(claim, by=editor, rating="false", rationale="Theirs.")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reviewer).key}")
    response = api.post(
        f"/api/claims/{claim.pk}/verdicts/",
        {"rating": "true", "rationale": "Mine.", "replaces": None},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "stale_edit"
    assert response.json()["current"]["id"] == theirs.pk
