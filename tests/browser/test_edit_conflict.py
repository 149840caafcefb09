"""Two people edit the same claim at once: the second save is refused, shown, merged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect

from claims import workflow
from claims.choices import Stance
from claims.models import Claim
from tests.browser.conftest import browser_tab, log_in
from tests.conftest import PASSWORD


@pytest.fixture
def second_page(browser: Browser, live_server) -> Iterator[Page]:
    with browser_tab(browser, live_server.url) as tab:
        yield tab


def test_a_concurrent_claim_edit_is_refused_and_merged(
    page: Page, second_page: Page, deepseek, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(statement="DeepSeek-R1 has 671 billion parameters.")
    log_in(page, reviewer, PASSWORD)
    log_in(second_page, editor, PASSWORD)
    for tab in (page, second_page):
        tab.goto(claim.get_absolute_url())
        tab.get_by_role("link", name="Edit the claim").click()
        expect(tab.locator("#summary form")).to_be_visible()

    # The editor saves first.
    second_page.get_by_label("Value as stated").fill("671 milliards de paramètres")
    second_page.get_by_role("button", name="Save claim").click()
    expect(second_page.locator("#summary .facts")).to_contain_text("671 milliards de paramètres")

    # The reviewer's save is refused; both versions are on screen; nothing was overwritten.
    page.get_by_label("Statement").fill("DeepSeek-R1 has 671 billion parameters in total.")
    page.get_by_role("button", name="Save claim").click()
    conflict = page.locator("#summary .conflict")
    expect(conflict).to_contain_text("Someone else saved this claim")
    expect(conflict).to_contain_text("671 milliards de paramètres")
    expect(page.get_by_label("Statement")).to_have_value(
        "DeepSeek-R1 has 671 billion parameters in total."
    )
    claim.refresh_from_db()
    assert claim.statement == "DeepSeek-R1 has 671 billion parameters."
    assert claim.value_text == "671 milliards de paramètres"

    # She merges: her statement, his wording of the value.
    page.get_by_label("Value as stated").fill("671 milliards de paramètres")
    page.get_by_role("button", name="Save claim").click()
    expect(page.locator("#claim-heading")).to_have_text(
        "DeepSeek-R1 has 671 billion parameters in total."
    )
    claim.refresh_from_db()
    assert claim.value_text == "671 milliards de paramètres"
    assert claim.statement == "DeepSeek-R1 has 671 billion parameters in total."
    # Both edits are in the history, each with its old and new words.
    timeline = page.locator("#timeline")
    expect(timeline.locator(".diff del", has_text="671 milliards")).to_have_count(1)
    expect(timeline.locator(".diff ins", has_text="in total")).to_have_count(1)


def test_a_concurrent_evidence_edit_is_refused_and_shown(
    page: Page, second_page: Page, deepseek, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(statement="DeepSeek was founded in 2021.")
    evidence = workflow.add_evidence(
        claim, by=reviewer, stance=Stance.REFUTES, url="https://example.org/a", title="Registry"
    )
    log_in(page, reviewer, PASSWORD)
    log_in(second_page, editor, PASSWORD)
    for tab in (page, second_page):
        tab.goto(claim.get_absolute_url())
        tab.locator(f"#evidence-{evidence.pk}").get_by_role("link", name="Edit").click()
    second_page.locator(f"#evidence-{evidence.pk}").get_by_label("Note").fill(
        "Registered in July 2023."
    )
    second_page.get_by_role("button", name="Save evidence").click()
    expect(second_page.locator(f"#evidence-{evidence.pk} .note")).to_contain_text("July 2023")

    item = page.locator(f"#evidence-{evidence.pk}")
    item.get_by_label("Note").fill("The registry says 2023.")
    page.get_by_role("button", name="Save evidence").click()
    conflict = page.locator("#evidence .conflict")
    expect(conflict).to_contain_text("Registered in July 2023.")
    expect(item.get_by_label("Note")).to_have_value("The registry says 2023.")
    evidence.refresh_from_db()
    assert evidence.note == "Registered in July 2023."


def test_the_change_history_names_both_editors(
    page: Page, second_page: Page, deepseek, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(statement="DeepSeek-R1 has 671 billion parameters.")
    workflow.update_claim(claim, by=editor, expected_version=claim.version, value_text="671 Md")
    log_in(page, reviewer, PASSWORD)
    page.goto(claim.get_absolute_url())
    page.get_by_role("link", name="Edit the claim").click()
    page.get_by_label("Statement").fill("R1 has 671 billion parameters.")
    page.get_by_role("button", name="Save claim").click()
    expect(page.locator("#claim-heading")).to_have_text("R1 has 671 billion parameters.")
    page.get_by_role("link", name="Every change, field by field").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change history")
    history = page.locator("ol.history")
    expect(
        history.locator("del", has_text="DeepSeek-R1 has 671 billion parameters.")
    ).to_be_visible()
    expect(
        history.locator("ins").get_by_text("R1 has 671 billion parameters.", exact=True)
    ).to_be_visible()
    expect(history.locator("ins", has_text="671 Md")).to_be_visible()
    # The reviewer's edit came through the page, the editor's through a script: both named.
    expect(history.locator(".meta", has_text="rita").first).to_be_visible()
    expect(history.locator(".meta", has_text="eddie").first).to_be_visible()
