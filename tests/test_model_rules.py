"""Object rules held by the models, so the admin, the API and scripts meet the pages' rules."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import translation

from claims import workflow
from claims.choices import ClaimStatus
from claims.models import Claim, ClaimEvent, Dispute, Evidence, Verdict, VerdictStatus
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(reviewer, editor) -> Claim:
    claim = make_claim(statement="Published statement.")
    verdict = workflow.propose_verdict(claim, by=reviewer, rating="true", rationale="Checked.")
    workflow.approve_verdict(verdict, by=editor)
    claim.refresh_from_db()
    return claim


def test_a_published_claim_cannot_be_rewritten_by_a_plain_save(published) -> None:
    published.statement = "Quietly changed."
    with pytest.raises(ValidationError, match="published and locked"):
        published.save()
    assert Claim.objects.get(pk=published.pk).statement == "Published statement."


def test_bookkeeping_on_a_published_claim_still_saves(published, editor) -> None:
    published.assignee = editor
    published.save(update_fields=["assignee"])
    workflow.reopen(published, by=editor, reason="New figures.")
    published.refresh_from_db()
    published.statement = "Corrected after reopening."
    published.save()
    assert Claim.objects.get(pk=published.pk).statement == "Corrected after reopening."


def test_a_verdict_is_never_rewritten(reviewer) -> None:
    verdict = workflow.propose_verdict(make_claim(), by=reviewer, rating="true", rationale="A.")
    verdict.rationale = "B."
    with pytest.raises(ValidationError, match="never rewritten"):
        verdict.save()
    assert Verdict.objects.get(pk=verdict.pk).rationale == "A."


def test_a_decided_verdict_is_final(published) -> None:
    verdict = published.verdicts.get()
    verdict.status = VerdictStatus.WITHDRAWN
    with pytest.raises(ValidationError, match="decided"):
        verdict.save()


def test_nobody_approves_their_own_verdict_even_in_the_database(editor) -> None:
    verdict = workflow.propose_verdict(make_claim(), by=editor, rating="true", rationale="Mine.")
    verdict.status = VerdictStatus.APPROVED
    verdict.reviewed_by = editor
    verdict.reviewed_at = verdict.created_at
    with pytest.raises(IntegrityError), transaction.atomic():
        verdict.save()


def test_the_admin_shows_the_lock_instead_of_saving(client, published, django_user_model) -> None:
    admin = django_user_model.objects.create_superuser("ada", password="x-long-password-1")
    client.force_login(admin)
    url = reverse("admin:claims_claim_change", args=[published.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: ("" if value is None else value)
        for name, value in ((n, form[n].value()) for n in form.fields)
    }
    data["statement"] = "Changed in the admin."
    response = client.post(url, data)
    assert response.status_code == 200
    assert "published and locked" in response.text
    assert Claim.objects.get(pk=published.pk).statement == "Published statement."


# --- choice labels ---------------------------------------------------------------------

DISPLAYED_CHOICES = [
    (Claim, "status"),
    (Claim, "rating"),
    (Claim, "value_kind"),
    (Claim, "value_date_precision"),
    (Claim, "value_rank"),
    (Evidence, "stance"),
    (Verdict, "rating"),
    (Verdict, "status"),
    (ClaimEvent, "kind"),
    (Dispute, "agreement"),
    (Dispute, "status"),
]


@pytest.mark.parametrize(("model", "name"), DISPLAYED_CHOICES)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_choice_labels_are_django_s_own_in_each_language(model, name, language) -> None:
    field = model._meta.get_field(name)
    with translation.override(language):
        for value, _label in field.flatchoices:
            row = model(**{name: value})
            shown = getattr(row, f"get_{name}_display")()
            assert shown == str(models.Model._get_FIELD_display(row, field))
        assert getattr(model(**{name: "unknown"}), f"get_{name}_display")() == "unknown"


def test_choice_labels_follow_the_active_language() -> None:
    claim = Claim(status=ClaimStatus.IN_RESEARCH)
    with translation.override("fr"):
        french = claim.get_status_display()
    with translation.override("en"):
        english = claim.get_status_display()
    assert english == "in research"
    assert french != english
