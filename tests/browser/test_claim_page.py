"""The claim page's other flows: evidence edited in place, discussion, assignment,
status changes, sending a verdict back and reopening a published claim."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from claims import workflow
from claims.choices import ClaimStatus, Stance
from claims.models import Claim, Evidence
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


@pytest.fixture
def claim(deepseek) -> Claim:
    return Claim.objects.get(statement="DeepSeek-R1 has 671 billion parameters.")


def test_evidence_is_edited_removed_and_restored_in_place(
    page: Page, claim: Claim, reviewer: User
) -> None:
    evidence = workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.SUPPORTS,
        url="https://huggingface.co/deepseek-ai/DeepSeek-R1",
        title="Model card",
        excerpt="671B total parameters",
        note="",
    )
    log_in(page, reviewer, PASSWORD)
    page.goto(claim.get_absolute_url())
    item = page.locator(f"#evidence-{evidence.pk}")

    item.get_by_role("link", name="Edit").click()
    form = item.locator("form")
    # A field emptied by mistake: the error shows in place, the saved evidence is intact.
    form.get_by_label("URL").fill("")
    form.get_by_role("button", name="Save evidence").click()
    expect(item.locator(".error")).to_contain_text("Give the URL of the evidence.")
    evidence.refresh_from_db()
    assert evidence.url == "https://huggingface.co/deepseek-ai/DeepSeek-R1"

    form = item.locator("form")
    form.get_by_label("URL").fill("https://huggingface.co/deepseek-ai/DeepSeek-R1/blob/main")
    form.get_by_label("Stance").select_option(label="context")
    form.get_by_role("button", name="Save evidence").click()
    expect(item.locator(".badge.stance-context")).to_be_visible()
    expect(page.locator("#timeline .diff")).to_contain_text("supports")
    evidence.refresh_from_db()
    assert evidence.stance == Stance.CONTEXT

    item.get_by_role("button", name="Remove").click()
    # No confirmation dialog: an undo stands where the evidence was.
    expect(item.get_by_role("button", name="Undo")).to_be_visible()
    expect(page.locator("#evidence .evidence-item:not(.evidence-removed)")).to_have_count(0)
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    # Removing loses no word: the timeline keeps it and brings it back too.
    page.locator("#timeline").get_by_role("button", name="Restore").click()
    expect(page.locator("#evidence .evidence-item")).to_have_count(1)
    expect(page.locator("#evidence")).to_contain_text("Model card")
    expect(page.locator("#timeline")).to_contain_text("Evidence restored")


def test_comment_assign_and_not_checkable(
    page: Page, claim: Claim, reviewer: User, editor: User
) -> None:
    log_in(page, reviewer, PASSWORD)
    page.goto(claim.get_absolute_url())

    page.locator("#comments").get_by_label("Comment").fill("Ask the press office.")
    page.locator("#comments").get_by_role("button", name="Comment").click()
    expect(page.locator("#comments .comments")).to_contain_text("Ask the press office.")
    expect(page.locator("#timeline")).to_contain_text("Commented")

    page.locator("#actions").get_by_label("Assignee").select_option(label="eddie")
    page.locator("#actions").get_by_role("button", name="Assign").click()
    expect(page.get_by_role("status")).to_contain_text("Assignment saved.")
    expect(page.locator("#timeline")).to_contain_text("Assigned to eddie")

    # "Not checkable" without a reason is refused with a message; nothing changes.
    page.locator("#actions").get_by_label("Move to").select_option(label="Not checkable")
    page.locator("#actions").get_by_role("button", name="Change status").click()
    expect(page.get_by_role("status")).to_contain_text("Say why the claim is not checkable.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW

    page.locator("#actions").get_by_label("Move to").select_option(label="Not checkable")
    page.locator("#actions").get_by_label("Reason").fill("An estimate nobody can verify.")
    page.locator("#actions").get_by_role("button", name="Change status").click()
    expect(page.locator("#claim-status")).to_have_text("not checkable")
    expect(page.locator(".claim-header")).to_contain_text("An estimate nobody can verify.")


def test_an_editor_sends_back_then_reopens_a_published_claim(
    page: Page, claim: Claim, reviewer: User, editor: User, second_editor: User
) -> None:
    verdict = workflow.propose_verdict(
        claim, by=reviewer, rating="true", rationale="The model card says 671B."
    )
    log_in(page, editor, PASSWORD)
    page.goto(claim.get_absolute_url())
    page.locator("#review-form").get_by_label("Comment").fill("Cite the model card.")
    page.get_by_role("button", name="Send back").click()
    expect(page.locator("#claim-status")).to_have_text("in research")
    expect(page.locator(".verdict-history")).to_contain_text("Cite the model card.")
    verdict.refresh_from_db()
    assert verdict.status == "sent_back"

    # Proposed again and approved by another editor, then reopened with a reason.
    workflow.propose_verdict(claim, by=reviewer, rating="true", rationale="Model card, p. 1.")
    workflow.approve_verdict(claim.verdicts.get(status="proposed"), by=second_editor)
    page.reload()
    expect(page.locator("#claim-status")).to_have_text("published")
    page.get_by_text("Reopen this claim").click()
    page.get_by_role("button", name="Reopen").click()
    expect(page.locator("#claim-status")).to_have_text("published")
    page.get_by_label("Reason").fill("DeepSeek corrected the count.")
    page.get_by_role("button", name="Reopen").click()
    expect(page.locator("#claim-status")).to_have_text("in research")
    expect(page.locator("#timeline")).to_contain_text("DeepSeek corrected the count.")
    # Every verdict the claim ever had is still there.
    expect(page.locator(".verdict-history li")).to_have_count(2)


def test_from_a_quote_to_its_article_and_back_to_another_claim(
    page: Page, claim: Claim, reviewer: User
) -> None:
    log_in(page, reviewer, PASSWORD)
    page.goto(claim.get_absolute_url())
    appearance = claim.appearances.get()
    page.locator(".appearance figcaption a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(appearance.source.title)
    # The quote this claim came from is highlighted where the link landed.
    expect(page.locator(f"#appearance-{appearance.pk} mark")).to_contain_text("671 milliards")
    quotes = page.locator(".source-text a.quote")
    assert quotes.count() >= appearance.source.appearances.count()

    page.locator(".source-text a.quote", has_text="2 000 GPU").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "DeepSeek used only 2,000 GPUs to develop its models, against hundreds of thousands "
        "for OpenAI."
    )
