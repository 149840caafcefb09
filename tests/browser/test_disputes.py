"""Settling a disagreement in the browser: one person proposes, another editor confirms."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect

from claims import disputes
from claims.models import Claim, Dispute, DisputeResolution, Evidence
from tests.browser.conftest import HeldAnswers, browser_tab, log_in, screenshot
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


def test_a_dispute_of_hundreds_of_claims_resolved_by_value_group(
    page: Page, browser: Browser, live_server, reviewer: User, editor: User
) -> None:
    from claims.choices import ValueRank
    from claims.views.disputes import COMPARED
    from tests.factories import make_crowded_dispute

    # 300 claims (past plots.MAX_MARKS): 180 say 2019 (group A), 120 say 2021 (B).
    dispute = make_crowded_dispute(300)
    claims = Claim.objects.filter(subject=dispute.subject)
    log_in(page, reviewer, PASSWORD)
    page.goto(dispute.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Valmont · founding date")

    # The plot draws a mark per value, sized by its claims, with the numbers in a table.
    plot = page.locator("#plot")
    expect(plot).to_contain_text("300 claims, too many to draw one by one")
    marks = plot.locator(".mark")
    expect(marks).to_have_count(2)
    assert [m.get_attribute("data-count") for m in marks.all()] == ["180", "120"]
    expect(marks.locator(".mark-label")).to_have_text(["180 claims", "120 claims"])
    expect(marks.nth(0).locator("title")).to_have_text("2019 — 180 claims — group A")
    expect(plot.locator("table tbody tr")).to_have_count(2)
    marks.nth(1).focus()
    expect(plot.locator(".plot-quote")).to_contain_text("2021 — 120 claims")
    screenshot(page, "dispute-crowded")

    # The table compares the latest claims of each value; the others are in the list.
    table = page.locator("#values table.comparison")
    expect(table.locator("thead th")).to_have_count(COMPARED)
    more = page.get_by_role("link", name=f"and {300 - COMPARED} more claims")
    more.click()
    expect(page).to_have_url(re.compile(rf"/claims/\?dispute={dispute.pk}$"))
    expect(page.locator(".result-count")).to_have_text("300 claims")
    expect(page.locator(".chosen-article")).to_contain_text(
        "In the disagreement “Valmont · founding date”"
    )
    screenshot(page, "dispute-crowded-claims-list")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Valmont · founding date")

    # A value group is chosen, not a claim: two radios and "None of them".
    form = page.locator("#resolve-form")
    expect(form.locator('input[name="supported"]')).to_have_count(3)
    expect(form.locator('input[name="evidence"]')).to_have_count(COMPARED)
    form.get_by_role("radio", name=re.compile(r"^B 2021 — 120 claims")).check()
    form.get_by_role("checkbox", name=re.compile(r"2021: Registry extract")).first.check()
    form.get_by_role("button", name="Propose this resolution").click()
    expect(page.get_by_role("status")).to_contain_text("Resolution proposed.")
    expect(page.locator("#pending-resolution")).to_contain_text("Registry extract")
    assert set(claims.values_list("value_rank", flat=True)) == {ValueRank.NORMAL}

    # A second person, an editor, confirms: the 120 claims of 2021 become preferred.
    with browser_tab(browser, live_server.url) as eddie:
        log_in(eddie, editor, PASSWORD)
        eddie.goto(dispute.get_absolute_url())
        eddie.get_by_role("button", name="Confirm and resolve").click()
        expect(eddie.get_by_role("status")).to_contain_text("Dispute resolved")
        ranked = eddie.locator("#plot .mark")
        expect(ranked.nth(0)).to_have_class(re.compile(r"\brank-superseded\b"))
        expect(ranked.nth(1)).to_have_class(re.compile(r"\brank-preferred\b"))
        screenshot(eddie, "dispute-crowded-resolved")
    ranks = {
        year: set(claims.filter(value_text=year).values_list("value_rank", flat=True))
        for year in ("2019", "2021")
    }
    assert ranks == {"2019": {ValueRank.SUPERSEDED}, "2021": {ValueRank.PREFERRED}}


@pytest.fixture(params=[True, False], ids=["htmx", "no JavaScript"])
def tab(request, browser: Browser, live_server) -> Iterator[Page]:
    with browser_tab(browser, live_server.url, java_script_enabled=request.param) as page:
        yield page


def test_the_disagreements_list_pages_forward_and_back_keeping_what_it_shows(
    tab: Page, deepseek, reviewer: User, settings
) -> None:
    settings.FACTCHECK_PAGE_SIZE = 1
    disputes.refresh_all()
    everything = disputes.to_show(disputes.SHOW_ALL).count()
    assert everything >= 3
    page = tab
    log_in(page, reviewer, PASSWORD)
    page.goto("/disputes/")
    pager = page.locator(".pagination")
    expect(pager).to_contain_text("Page 1 of 2")  # the two open conflicts, one a page
    first = page.locator("table.disputes tbody th a").inner_text()
    page.get_by_role("link", name="Next").click()
    expect(pager).to_contain_text("Page 2 of 2")
    expect(page).to_have_url(re.compile(r"page=2"))
    second = page.locator("table.disputes tbody th a").inner_text()
    assert {first, second} == {"DeepSeek · founding date", "DeepSeek-R1 · price"}
    expect(page.get_by_role("link", name="Next")).to_have_count(0)
    page.get_by_role("link", name="Previous").click()
    expect(pager).to_contain_text("Page 1 of 2")
    expect(page.locator("table.disputes tbody th a")).to_have_text(first)

    # Another choice starts at its first page; the pager keeps the choice.
    page.get_by_label("Show").select_option(label="All")
    page.get_by_role("button", name="Show").click()  # htmx has sent it already; a form needs it
    expect(page).to_have_url(re.compile(r"show=all"))
    expect(pager).to_contain_text(f"Page 1 of {everything}")
    page.get_by_role("link", name="Next").click()
    expect(pager).to_contain_text(f"Page 2 of {everything}")
    expect(page).to_have_url(re.compile(r"show=all.*page=2"))
    expect(page.get_by_label("Show")).to_have_value("all")
    screenshot(page, "disputes-all-page-2")


def test_an_answer_asked_before_the_last_click_does_not_undo_it(
    page: Page, deepseek, reviewer: User, settings
) -> None:
    """Choosing what to show sends the form, and so does the Show button after it; Next,
    clicked once the first answer has landed, is sent while the button's is on its way.
    When Next's answer comes back first, the button's, older, must not put page 1 back
    over page 2 (it did, in a CI run)."""
    settings.FACTCHECK_PAGE_SIZE = 1
    disputes.refresh_all()
    everything = disputes.to_show(disputes.SHOW_ALL).count()
    log_in(page, reviewer, PASSWORD)
    page.goto("/disputes/")
    pager = page.locator(".pagination")
    expect(pager).to_contain_text("Page 1 of 2")
    held = HeldAnswers(page, "/disputes/")
    held.send_the_form_twice(
        lambda: page.get_by_label("Show").select_option(label="All"),
        page.get_by_role("button", name="Show"),
    )
    expect(pager).to_contain_text(f"Page 1 of {everything}")
    page.get_by_role("link", name="Next").click()
    held.wait_for(3)
    held.let_through(2)
    expect(pager).to_contain_text(f"Page 2 of {everything}")
    second = page.locator("table.disputes tbody th a").inner_text()
    held.let_through(1)  # the button's answer: page 1, asked before Next
    expect(pager).to_contain_text(f"Page 2 of {everything}")
    expect(page.locator("table.disputes tbody th a")).to_have_text(second)
    expect(page).to_have_url(re.compile(r"show=all.*page=2"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"show=all$"))
    expect(pager).to_contain_text(f"Page 1 of {everything}")
    expect(page.get_by_label("Show")).to_have_value("all")  # not the choice first loaded
    screenshot(page, "disputes-back-to-all")
