"""Being told, as people are in the browser: an editor approves or sends back a verdict
and assigns a claim; the reviewer sees the count in the header, reads the list, and
follows a notification to the claim."""

from __future__ import annotations

from django.contrib.auth.models import User
from playwright.sync_api import Browser, expect

from claims import workflow
from claims.models import Claim
from tests.browser.conftest import browser_tab, log_in, screenshot
from tests.conftest import PASSWORD


def test_a_reviewer_is_told_what_became_of_their_work(
    browser: Browser, live_server, deepseek, reviewer: User, editor: User
) -> None:
    founded = Claim.objects.get(statement="DeepSeek was founded in May 2023.")
    parameters = Claim.objects.get(statement="DeepSeek-R1 has 671 billion parameters.")
    laptops = Claim.objects.get(statement="DeepSeek-R1 can run on standard laptops.")
    with (
        browser_tab(browser, live_server.url) as rita,
        browser_tab(browser, live_server.url) as eddie,
    ):
        log_in(rita, reviewer, PASSWORD)
        for claim, rating in ((founded, "true"), (parameters, "true")):
            rita.goto(claim.get_absolute_url())
            rita.locator("#propose-form").get_by_label("Rating").select_option(rating)
            rita.locator("#propose-form").get_by_label("Rationale").fill("The registry says so.")
            rita.get_by_role("button", name="Propose verdict").click()
            expect(rita.locator("#claim-status")).to_have_text("verdict proposed")
        expect(rita.locator(".notifications-link .count")).to_have_count(0)

        log_in(eddie, editor, PASSWORD)
        eddie.goto(founded.get_absolute_url())
        eddie.locator("#review-form").get_by_label("Comment").fill("Well sourced.")
        eddie.get_by_role("button", name="Approve and publish").click()
        expect(eddie.locator("#claim-status")).to_have_text("published")
        eddie.goto(parameters.get_absolute_url())
        eddie.locator("#review-form").get_by_label("Comment").fill("Cite the model card.")
        eddie.get_by_role("button", name="Send back").click()
        eddie.goto(laptops.get_absolute_url())
        eddie.locator("#actions").get_by_label("Assignee").select_option(label="rita")
        eddie.locator("#actions").get_by_role("button", name="Assign").click()
        expect(eddie.get_by_role("status")).to_contain_text("Assignment saved.")

        # The reviewer's dashboard: the count in the header, where each verdict stands.
        rita.goto("/")
        expect(rita.locator(".notifications-link .count")).to_contain_text("3")
        verdicts = rita.locator(".my-verdicts li")
        expect(verdicts).to_have_count(2)
        expect(verdicts.filter(has_text=founded.statement)).to_contain_text("approved")
        expect(verdicts.filter(has_text=parameters.statement)).to_contain_text("sent back")
        expect(verdicts.filter(has_text=parameters.statement)).to_contain_text(
            "Cite the model card."
        )
        screenshot(rita, "dashboard-my-verdicts")

        rita.get_by_role("link", name="Notifications").click()
        items = rita.locator(".notification.unread")
        expect(items).to_have_count(3)
        expect(items.nth(0)).to_contain_text("eddie assigned “DeepSeek-R1 can run on")
        expect(items.nth(1)).to_contain_text("eddie sent your verdict on “DeepSeek-R1 has 671")
        expect(items.nth(1)).to_contain_text("Cite the model card.")
        expect(items.nth(2)).to_contain_text("eddie approved your verdict “true”")
        screenshot(rita, "notifications")

        items.nth(1).get_by_role("button").click()
        expect(rita.get_by_role("heading", level=1)).to_have_text(parameters.statement)
        expect(rita.locator(".notifications-link .count")).to_contain_text("2")

        rita.get_by_role("link", name="Notifications").click()
        rita.get_by_role("button", name="Mark all as read").click()
        expect(rita.locator(".notification.unread")).to_have_count(0)
        expect(rita.locator(".notifications-link .count")).to_have_count(0)

    # The editor was told nothing about what they did themselves.
    assert not editor.notifications.exists()
    assert workflow.pending_verdict(parameters) is None
