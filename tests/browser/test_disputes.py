"""Settling a disagreement in the browser: one person proposes, another editor confirms."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect

from claims import disputes
from claims.models import Claim, Dispute, DisputeResolution, Evidence
from tests.browser.conftest import browser_tab, log_in, screenshot
from tests.conftest import PASSWORD

FOUNDED_MAY_2023 = "DeepSeek was founded in May 2023."
FOUNDED_2021 = "DeepSeek was founded in 2021."
NOTE = "The company registry dates DeepSeek to July 2023: 2023 holds, 2021 does not."


def test_a_reviewer_proposes_and_an_editor_confirms_the_founding_date(
    page: Page, browser: Browser, live_server, deepseek, reviewer: User, editor: User
) -> None:
    # Loading a fixture sends no signal: detect the disputes as setup_demo does.
    disputes.refresh_all()
    y2021 = Claim.objects.get(statement=FOUNDED_2021)
    Evidence.objects.create(
        claim=y2021,
        url="https://registry.example.cn/deepseek",
        title="Company registry extract",
        excerpt="Registered on 17 July 2023.",
        stance="refutes",
        added_by=reviewer,
    )

    # The disagreements page lists the two conflicts, and corroborations on demand.
    log_in(page, reviewer, PASSWORD)
    page.goto("/disputes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Disagreements")
    rows = page.locator("table.disputes tbody tr")
    expect(rows).to_have_count(2)
    expect(page.get_by_role("link", name="DeepSeek · founding date")).to_be_visible()
    expect(page.get_by_role("link", name="DeepSeek-R1 · price")).to_be_visible()
    page.get_by_label("Show").select_option(label="Corroborations")
    expect(page).to_have_url(re.compile(r"show=corroboration"))
    expect(page.get_by_role("link", name="DeepSeek · data location")).to_be_visible()
    page.get_by_label("Show").select_option(label="Open conflicts")
    expect(rows).to_have_count(2)

    # The founding-date dispute: both values side by side, each with its quote.
    page.get_by_role("link", name="DeepSeek · founding date").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("DeepSeek · founding date")
    table = page.locator("table.comparison")
    expect(table.get_by_role("columnheader", name="mai 2023")).to_be_visible()
    expect(table.get_by_role("columnheader", name="2021")).to_be_visible()
    expect(table.locator("mark")).to_have_text(
        ["Fondée par Liang Wenfeng en mai 2023, DeepSeek", "Fondée en 2021, DeepSeek"]
    )
    expect(table).to_contain_text("Company registry extract")

    # "None of them" without the value is refused in place, and nothing changes.
    form = page.locator("#resolve-form")
    form.get_by_label("None of them").check()
    form.get_by_label("Why (note)").fill(NOTE)
    form.get_by_role("button", name="Propose this resolution").click()
    expect(page.locator("#resolve-form")).to_contain_text(
        "Give the value the evidence establishes."
    )
    # Neither evidence nor a note: refused too.
    form = page.locator("#resolve-form")
    form.get_by_label("mai 2023").check()
    form.get_by_label("Why (note)").fill("")
    form.get_by_role("button", name="Propose this resolution").click()
    expect(page.locator("#resolve-form")).to_contain_text(
        "Cite the evidence that shows this value, or say why in a note."
    )
    assert not DisputeResolution.objects.exists()

    # "mai 2023", shown by the registry extract: proposed, not yet resolved.
    form = page.locator("#resolve-form")
    form.get_by_label("mai 2023").check()
    form.get_by_label("Company registry extract").check()
    form.get_by_label("Why (note)").fill(NOTE)
    form.get_by_role("button", name="Propose this resolution").click()
    expect(page.get_by_role("status")).to_contain_text("Resolution proposed.")
    pending = page.locator("#pending-resolution")
    expect(pending).to_contain_text("Company registry extract")
    expect(pending).to_contain_text("You proposed this resolution: another editor must confirm it.")
    expect(table.locator(".rank-preferred")).to_have_count(0)
    screenshot(page, "dispute-proposed")
    assert Dispute.objects.open_conflicts().count() == 2

    # An editor who did not propose it confirms it from the dashboard.
    with browser_tab(browser, live_server.url) as eddie:
        log_in(eddie, editor, PASSWORD)
        eddie.get_by_role("link", name="DeepSeek · founding date").first.click()
        eddie.locator("#pending-resolution").get_by_label("Comment").fill("Registry checked.")
        eddie.get_by_role("button", name="Confirm and resolve").click()
        expect(eddie.get_by_role("status")).to_contain_text("Dispute resolved")
        resolution = eddie.locator("#resolution")
        expect(resolution).to_contain_text(NOTE)
        expect(resolution).to_contain_text("Proposed by")
        expect(resolution).to_contain_text("rita")
        expect(resolution).to_contain_text("Confirmed by")
        expect(resolution).to_contain_text("eddie")
        expect(eddie.locator("table.comparison .rank-preferred")).to_have_count(1)
        expect(eddie.locator("table.comparison .rank-superseded")).to_have_count(1)
        screenshot(eddie, "dispute-confirmed")

    # Each claim's timeline records the resolution; rita is told.
    page.goto("/disputes/")
    page.get_by_label("Show").select_option(label="Resolved")
    page.get_by_role("link", name="DeepSeek · founding date").click()
    page.get_by_role("link", name=FOUNDED_2021).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(FOUNDED_2021)
    timeline = page.locator("#timeline")
    expect(timeline).to_contain_text("Dispute resolved")
    expect(timeline).to_contain_text(NOTE)
    expect(page.locator(".notifications-link .count")).to_have_text(re.compile("^1"))

    # One open disagreement is left.
    page.goto("/disputes/")
    expect(rows).to_have_count(1)
    expect(page.get_by_role("link", name="DeepSeek-R1 · price")).to_be_visible()


def test_an_editors_resolution_needs_the_other_editor(
    browser: Browser, live_server, deepseek, editor: User, second_editor: User
) -> None:
    disputes.refresh_all()
    price = Dispute.objects.get(subject__name="DeepSeek-R1", property__code="price-per-unit")
    with browser_tab(browser, live_server.url) as eddie:
        log_in(eddie, editor, PASSWORD)
        eddie.goto(price.get_absolute_url())
        form = eddie.locator("#resolve-form")
        form.get_by_label("None of them").check()
        form.get_by_label("Established value").fill("$0.55 per million output tokens")
        form.get_by_label("Why (note)").fill("DeepSeek's price page lists both prices.")
        form.get_by_role("button", name="Propose this resolution").click()
        expect(eddie.locator("#pending-resolution")).to_contain_text(
            "You proposed this resolution: another editor must confirm it."
        )
        expect(eddie.get_by_role("button", name="Confirm and resolve")).to_have_count(0)
    with browser_tab(browser, live_server.url) as edna:
        log_in(edna, second_editor, PASSWORD)
        expect(edna.locator("#resolutions-heading + ul")).to_contain_text("DeepSeek-R1 · price")
        edna.locator("#resolutions-heading + ul").get_by_role("link").click()
        edna.get_by_role("button", name="Send back").click()
        expect(edna.locator("#pending-resolution")).to_contain_text(
            "Say what is missing when you send a resolution back."
        )
        edna.locator("#pending-resolution").get_by_label("Comment").fill("Which of the two?")
        edna.get_by_role("button", name="Send back").click()
        expect(edna.get_by_role("status")).to_contain_text("Resolution sent back")
        expect(edna.locator(".sent-back")).to_contain_text("Which of the two?")
    price.refresh_from_db()
    assert price.status == "open"
