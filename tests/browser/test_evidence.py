"""Gathering evidence as a reviewer does: several pieces in a row from articles of the
workbench, excerpts selected or typed, a removal undone where it happened."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Page, expect

from claims.models import Claim, Evidence, Source
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD


@pytest.fixture
def claim(deepseek) -> Claim:
    return Claim.objects.get(statement="DeepSeek was founded in 2021.")


def select_in_text(page: Page, passage: str) -> None:
    """Select ``passage`` in the article's text as a mouse drag would, then let go."""
    page.locator(".pick-text").evaluate(
        """(box, passage) => {
            const text = box.firstChild;
            const start = text.data.indexOf(passage);
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + passage.length);
            const selection = document.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        passage,
    )
    page.locator(".pick-text").dispatch_event("mouseup")


def test_several_articles_cited_in_a_row_then_a_removal_undone(
    page: Page, claim: Claim, reviewer: User
) -> None:
    first_article = Source.objects.get(pk=1)
    second_article = Source.objects.get(pk=2)
    log_in(page, reviewer, PASSWORD)
    page.goto(claim.get_absolute_url())
    panel = page.locator("#add-evidence")
    panel.get_by_text("Add evidence", exact=True).first.click()

    panel.get_by_label("Cite an article already in the workbench").fill("start-up chinoise")
    panel.get_by_role("link", name=first_article.title).click()
    expect(panel).to_contain_text("Citing an article of the workbench:")
    select_in_text(page, "Fondée par Liang Wenfeng en mai 2023")
    expect(panel.get_by_label("Excerpt")).to_have_value("Fondée par Liang Wenfeng en mai 2023")
    panel.get_by_label("Stance").select_option("refutes")
    screenshot(page, "evidence-cite-article")
    panel.get_by_role("button", name="Add evidence").click()

    # The panel stays open, on the same article, ready for the next piece.
    expect(page.locator("#add-evidence .message")).to_contain_text("Evidence added.")
    expect(page.locator("#add-evidence")).to_have_attribute("open", "")
    expect(page.locator("#evidence .evidence-item")).to_have_count(1)
    expect(page.locator("#evidence .excerpt mark")).to_have_text(
        "Fondée par Liang Wenfeng en mai 2023"
    )
    # Typed with a straight apostrophe: stored as the article words it.
    page.locator("#add-evidence").get_by_label("Excerpt").fill("s'illustre par son modèle R1")
    page.locator("#add-evidence").get_by_label("Stance").select_option("context")
    page.locator("#add-evidence").get_by_role("button", name="Add evidence").click()
    expect(page.locator("#evidence .evidence-item")).to_have_count(2)
    expect(page.locator("#evidence")).to_contain_text("s’illustre par son modèle R1")

    # Another article, whose text has an emoji before the passage: offsets count characters.
    page.locator("#add-evidence").get_by_role("link", name="Cite something else").click()
    expect(page.locator("#add-evidence")).not_to_contain_text("Citing an article")
    # Enter, as a hurried user does: the search must not depend on the typing pause
    # reaching a panel htmx has only just swapped in.
    search = page.locator("#add-evidence").get_by_label("Cite an article already in the workbench")
    search.fill("viral")
    search.press("Enter")
    page.locator("#add-evidence").get_by_role("link", name="DeepSeek est devenu viral").click()
    passage = "l’intelligence artificielle (IA) a connu des avancées spectaculaires"
    select_in_text(page, passage)
    start = second_article.text.index(passage)
    expect(page.locator("#id_new-excerpt_start")).to_have_value(str(start))
    page.locator("#add-evidence").get_by_label("Stance").select_option("context")
    page.locator("#add-evidence").get_by_role("button", name="Add evidence").click()
    expect(page.locator("#evidence .evidence-item")).to_have_count(3)
    cited = Evidence.objects.get(source=second_article)
    assert (cited.excerpt_start, cited.excerpt_end) == (start, start + len(passage))
    screenshot(page, "evidence-added-in-a-row")

    # Found by someone three days ago: an undo must not make it today's.
    first = Evidence.objects.get(source=first_article, stance="refutes")
    found_at = timezone.now() - datetime.timedelta(days=3)
    Evidence.objects.filter(pk=first.pk).update(created_at=found_at)
    page.reload()
    item = page.locator(f"#evidence-{first.pk}")
    item.get_by_role("button", name="Remove").click()
    expect(item.get_by_role("button", name="Undo")).to_be_visible()
    expect(item).to_contain_text("Evidence removed (refutes)")
    assert page.locator("#evidence .evidence-item").first.get_attribute("id") == (
        f"evidence-{first.pk}"
    )
    screenshot(page, "evidence-removed-undo")
    item.get_by_role("button", name="Undo").click()
    expect(item.locator(".excerpt mark")).to_have_text("Fondée par Liang Wenfeng en mai 2023")
    expect(item).to_contain_text(f"Added by {reviewer.username}")
    restored = Evidence.objects.get(pk=first.pk)
    assert restored.created_at == found_at
    assert restored.added_by == reviewer


def test_evidence_added_removed_and_restored_without_javascript(
    browser, live_server, claim: Claim, reviewer: User
) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, reviewer, PASSWORD)
        page.goto(claim.get_absolute_url())
        page.get_by_text("Add evidence", exact=True).first.click()
        page.get_by_label("Cite an article already in the workbench").fill("viral")
        page.get_by_role("button", name="Find").click()
        page.locator("#add-evidence").get_by_role("link", name="DeepSeek est devenu viral").click()
        page.get_by_label("Excerpt").fill("tout indique qu’ils auraient utilisé le code")
        page.get_by_label("Stance").select_option("context")
        page.get_by_role("button", name="Add evidence").click()
        expect(page.get_by_role("status").first).to_contain_text("Evidence added.")
        expect(page.locator("#add-evidence")).to_have_attribute("open", "")
        evidence = Evidence.objects.get()
        page.locator(f"#evidence-{evidence.pk}").get_by_role("button", name="Remove").click()
        page.locator(f"#evidence-{evidence.pk}").get_by_role("button", name="Undo").click()
        expect(page.get_by_role("status").first).to_contain_text("Evidence restored.")
        expect(page.locator(f"#evidence-{evidence.pk} .excerpt mark")).to_contain_text(
            "auraient utilisé le code"
        )
    finally:
        context.close()
