"""A reviewer settles the DeepSeek founding-date disagreement in the browser."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from claims import disputes
from claims.models import Claim, Dispute, Evidence
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

FOUNDED_MAY_2023 = "DeepSeek was founded in May 2023."
FOUNDED_2021 = "DeepSeek was founded in 2021."
NOTE = "The company registry dates DeepSeek to July 2023: 2023 holds, 2021 does not."


def test_reviewer_resolves_the_founding_date_dispute(page: Page, deepseek, reviewer: User) -> None:
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
    form.get_by_role("button", name="Resolve").click()
    expect(page.locator("#resolve-form")).to_contain_text(
        "Give the value the evidence establishes."
    )
    assert Dispute.objects.open_conflicts().count() == 2

    # Marking "mai 2023" as the supported value resolves it.
    form = page.locator("#resolve-form")
    form.get_by_label("mai 2023").check()
    form.get_by_label("Why (note)").fill(NOTE)
    form.get_by_role("button", name="Resolve").click()
    expect(page.get_by_role("status")).to_contain_text("Dispute resolved")
    expect(page.locator("#resolution")).to_contain_text(NOTE)
    expect(table.locator(".rank-preferred")).to_have_count(1)
    expect(table.locator(".rank-superseded")).to_have_count(1)

    # Each claim's timeline records the resolution.
    page.get_by_role("link", name=FOUNDED_2021).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(FOUNDED_2021)
    timeline = page.locator("#timeline")
    expect(timeline).to_contain_text("Dispute resolved")
    expect(timeline).to_contain_text(NOTE)

    # One open disagreement is left.
    page.goto("/disputes/")
    expect(rows).to_have_count(1)
    expect(page.get_by_role("link", name="DeepSeek-R1 · price")).to_be_visible()
