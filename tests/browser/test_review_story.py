"""The review story, end to end, as a reviewer and an editor live it in the browser."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from claims.models import Claim, Evidence, Verdict
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

FOUNDED_MAY_2023 = "DeepSeek was founded in May 2023."


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def post_with_csrf(page: Page, url: str, form: dict[str, str]) -> int:
    """POST from inside the logged-in browser, as a hand-made request would."""
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        url, form=form, headers={"X-CSRFToken": token, "Referer": page.url}, max_redirects=0
    )
    return response.status


def test_reviewer_researches_and_an_editor_publishes(
    page: Page, deepseek, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(statement=FOUNDED_MAY_2023)

    # The reviewer narrows the list to disputed claims, then searches without accents.
    log_in(page, reviewer, PASSWORD)
    page.get_by_role("link", name="Claims", exact=True).click()
    rows = page.locator("table.claims tbody tr")
    expect(rows).to_have_count(23)
    # The rows are there while the page is still parsing; the filters listen only once
    # htmx (a deferred script) has run (under load the choice went unheard).
    page.wait_for_load_state()
    page.get_by_label("Disputed").select_option(label="yes")
    expect(page).to_have_url(re.compile(r"disputed=true"))
    expect(rows).to_have_count(4)
    expect(rows.locator(".badge.disputed")).to_have_count(4)

    page.get_by_label("Search").fill("fondee")
    expect(page).to_have_url(re.compile(r"q=fondee"))
    expect(rows).to_have_count(2)
    # The URL is the view: reloading it shows the same rows, without htmx.
    page.reload()
    expect(rows).to_have_count(2)
    expect(page.get_by_label("Search")).to_have_value("fondee")

    page.get_by_role("link", name=FOUNDED_MAY_2023).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(FOUNDED_MAY_2023)
    expect(page.locator(".appearance mark")).to_contain_text("mai 2023")

    # Evidence: a bad link is refused in place and nothing is saved.
    page.get_by_text("Add evidence", exact=True).first.click()
    form = page.locator("#add-evidence-form")
    form.get_by_label("Stance").select_option(label="refutes")
    form.get_by_label("URL").fill("javascript:alert(1)")
    form.get_by_label("Title").fill("Company registry extract")
    form.get_by_role("button", name="Add evidence").click()
    expect(page.locator("#add-evidence-form .error")).to_contain_text("http")
    assert not Evidence.objects.filter(claim=claim).exists()

    form = page.locator("#add-evidence-form")
    form.get_by_label("URL").fill("https://registry.example.cn/deepseek")
    form.get_by_label("Excerpt").fill("Registered on 17 July 2023.")
    form.get_by_role("button", name="Add evidence").click()
    evidence = page.locator("#evidence")
    expect(evidence.locator(".evidence-item")).to_have_count(1)
    expect(evidence.locator(".evidence-item")).to_contain_text("Company registry extract")
    expect(evidence.locator(".tally")).to_contain_text("1 refutes")
    # The timeline follows without a reload.
    expect(page.locator("#timeline")).to_contain_text("Evidence added (refutes)")

    # The reviewer proposes a verdict, and cannot approve it herself.
    propose = page.locator("#propose-form")
    propose.get_by_label("Rating").select_option(label="mostly false")
    propose.get_by_label("Rationale").fill("The registry dates the company to July 2023.")
    propose.get_by_role("button", name="Propose verdict").click()
    expect(page.locator("#claim-status")).to_have_text("verdict proposed")
    expect(page.get_by_role("button", name="Approve and publish")).to_have_count(0)
    pending = Verdict.objects.get(claim=claim)
    approve_url = f"/claims/{claim.pk}/verdicts/{pending.pk}/approve/"
    assert post_with_csrf(page, approve_url, {"comment": "self-approval"}) == 403
    pending.refresh_from_db()
    assert pending.status == "proposed"
    log_out(page)

    # An editor approves; the claim is published, locked, with its whole history.
    log_in(page, editor, PASSWORD)
    awaiting = page.get_by_role("region", name="Verdicts awaiting my approval")
    expect(awaiting).to_contain_text("mostly false")
    awaiting.get_by_role("link", name=FOUNDED_MAY_2023).click()
    expect(page.locator(".pending-verdict")).to_contain_text("The registry dates the company")
    page.locator("#review-form").get_by_label("Comment").fill("Checked against the registry.")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator("#claim-status")).to_have_text("published")
    expect(page.get_by_text("Published: the verdict is locked.")).to_be_visible()
    expect(page.locator("#propose-form")).to_have_count(0)
    history = page.locator(".verdict-history")
    expect(history).to_contain_text("mostly false")
    expect(history).to_contain_text("reviewed by eddie")
    timeline = page.locator("#timeline")
    for line in (
        "Evidence added (refutes)",
        "Verdict proposed: mostly false",
        "Verdict approved and published: mostly false",
    ):
        expect(timeline).to_contain_text(line)

    # The published rating shows in the list too.
    page.goto("/claims/?status=published")
    expect(page.locator("table.claims tbody tr")).to_have_count(1)
    expect(page.locator("table.claims tbody tr .rating-mostly_false")).to_be_visible()


def test_bulk_assign_from_the_list(page: Page, deepseek, reviewer: User, editor: User) -> None:
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/?q=deepseek-r1&ordering=statement")
    rows = page.locator("table.claims tbody tr")
    expect(rows.first).to_be_visible()
    picked = [rows.nth(0), rows.nth(1)]
    for row in picked:
        row.get_by_role("checkbox").check()
    page.get_by_label("Action", exact=True).select_option(label="Assign to")
    page.locator("#bulk-assignee").select_option(label="eddie")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("status")).to_contain_text("2 claims updated.")
    # Back on the same filtered, sorted view.
    expect(page).to_have_url(re.compile(r"q=deepseek-r1&ordering=statement"))
    assert Claim.objects.filter(assignee=editor).count() == 2


def test_bulk_action_without_a_selection_changes_nothing(
    page: Page, deepseek, reviewer: User
) -> None:
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("status")).to_contain_text("Select at least one claim.")
    assert not Claim.objects.exclude(assignee=None).exists()


def test_the_filter_form_works_without_javascript(browser, live_server, deepseek, reviewer):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, reviewer, PASSWORD)
        page.goto("/claims/")
        page.get_by_label("Search").fill("parametres")
        page.get_by_role("button", name="Filter").click()
        expect(page).to_have_url(re.compile(r"q=parametres"))
        rows = page.locator("table.claims tbody tr")
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("671 billion parameters")
    finally:
        context.close()
