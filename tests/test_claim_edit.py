"""Editing what a claim says: versioned, traced, and read in the article's language."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from claims import workflow
from claims.forms import ClaimForm
from claims.models import ClaimEvent, EventKind, Subject, SubjectAlias
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def form_data(claim, **changes) -> dict:
    form = ClaimForm(instance=claim)
    data = {
        name: form[name].value() if form[name].value() is not None else "" for name in form.fields
    }
    data.update(changes)
    return data


def test_update_claim_records_old_and_new_words(reviewer) -> None:
    claim = make_claim(statement="Exemple was founded in 2019.", value_text="2019")
    updated = workflow.update_claim(
        claim, by=reviewer, expected_version=claim.version, statement="Exemple was founded 2018."
    )
    assert updated.version == claim.version + 1
    event = ClaimEvent.objects.get(claim=claim, kind=EventKind.VALUE_CHANGED)
    assert event.actor == reviewer
    assert event.data["changes"] == {
        "statement": ["Exemple was founded in 2019.", "Exemple was founded 2018."]
    }


def test_a_stale_claim_edit_is_refused_and_changes_nothing(reviewer, editor) -> None:
    claim = make_claim(statement="Original.")
    opened_at = claim.version
    workflow.update_claim(claim, by=editor, expected_version=opened_at, statement="Editor's.")
    with pytest.raises(workflow.StaleEdit) as refused:
        workflow.update_claim(claim, by=reviewer, expected_version=opened_at, statement="Mine.")
    assert refused.value.current.statement == "Editor's."
    claim.refresh_from_db()
    assert claim.statement == "Editor's."
    assert ClaimEvent.objects.filter(claim=claim, kind=EventKind.VALUE_CHANGED).count() == 1


def test_a_subject_is_found_by_alias_or_created(reviewer) -> None:
    known = Subject.objects.create(name="DeepSeek-R1")
    SubjectAlias.objects.create(subject=known, alias="R1")
    claim = make_claim()
    workflow.update_claim(claim, by=reviewer, expected_version=claim.version, subject="r1")
    claim.refresh_from_db()
    assert claim.subject == known
    workflow.update_claim(claim, by=reviewer, expected_version=claim.version, subject="Mistral")
    claim.refresh_from_db()
    assert claim.subject.name == "Mistral"


def test_published_claims_cannot_be_edited(reviewer, editor) -> None:
    claim = make_claim()
    verdict = workflow.propose_verdict(claim, by=reviewer, rating="true", rationale="Registry.")
    workflow.approve_verdict(verdict, by=editor)
    claim.refresh_from_db()
    with pytest.raises(workflow.InvalidTransition):
        workflow.update_claim(claim, by=editor, expected_version=claim.version, statement="x")


def test_new_wording_fills_the_structured_value_in_the_articles_language() -> None:
    claim = make_claim(value_text="2019")
    form = ClaimForm(
        form_data(claim, value_text="0,14 $ pour un million de jetons", subject="Exemple"),
        instance=claim,
        language="fr",
    )
    assert form.is_valid(), form.errors
    changes = form.changes()
    assert changes["value_kind"] == "money"
    assert changes["value_number"] == Decimal("0.14")
    assert changes["value_currency"] == "USD"
    assert changes["value_per"] == Decimal("1000000")
    assert changes["value_text"] == "0,14 $ pour un million de jetons"


def test_structured_fields_typed_by_hand_win_over_the_wording() -> None:
    claim = make_claim(value_text="2019")
    form = ClaimForm(
        form_data(
            claim,
            value_text="mai 2023",
            value_kind="date",
            value_date="2023-05-17",
            value_date_precision="day",
            subject="Exemple",
        ),
        instance=claim,
    )
    assert form.is_valid(), form.errors
    assert form.changes()["value_date"] == datetime.date(2023, 5, 17)


@pytest.mark.parametrize("code", ["US", "dollars", "12$"])
def test_a_currency_must_be_an_iso_code(code) -> None:
    claim = make_claim()
    form = ClaimForm(form_data(claim, value_currency=code, subject="Exemple"), instance=claim)
    assert not form.is_valid()
    assert "value_currency" in form.errors


def test_edit_view_refuses_a_stale_version_and_shows_both(client, reviewer, editor) -> None:
    claim = make_claim(statement="Original.")
    data = form_data(claim, statement="Mine.", subject=claim.subject.name)
    workflow.update_claim(claim, by=editor, expected_version=claim.version, statement="Theirs.")
    client.force_login(reviewer)
    response = client.post(reverse("claim_edit", args=[claim.pk]), data)
    assert response.status_code == 200
    assert "Someone else saved this claim" in response.text
    assert "Theirs." in response.text and "Mine." in response.text
    claim.refresh_from_db()
    assert claim.statement == "Theirs."
