"""Publishing in the browser: an editor publishes, opens the public page from the claim
page's link, copies the JSON-LD; a reader filters, searches and pages through the index."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect

from claims import workflow
from claims.choices import Rating, Stance
from claims.models import Claim
from claims.views.public import INDEX_PAGE_SIZE
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_accessibility import LAPTOP, assert_no_serious_violations
from tests.claimreview_schema import assert_valid_claimreview
from tests.conftest import PASSWORD
from tests.factories import make_claim, make_source

FOUNDED_MAY_2023 = "DeepSeek was founded in May 2023."
SCRIPT = re.compile(r'^<script type="application/ld\+json">(.*)</script>$', re.DOTALL)


@pytest.fixture
def proposed(deepseek, reviewer: User) -> Claim:
    """ "Founded in May 2023" with two pieces of evidence and a verdict waiting for an editor."""
    claim = Claim.objects.get(statement=FOUNDED_MAY_2023)
    workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.REFUTES,
        url="https://example.org/company-registry/deepseek",
        title="Company registry: DeepSeek",
        excerpt="Incorporated 17 July 2023.",
        note="Found through a contact.",
    )
    workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.CONTEXT,
        url="https://intranet.example.org/memo",
        title="Internal memo on the founders",
        excerpt="",
    )
    workflow.propose_verdict(
        claim,
        by=reviewer,
        rating=Rating.MOSTLY_FALSE,
        rationale="DeepSeek was incorporated in July 2023, not in May.",
    )
    return claim


def test_an_editor_publishes_opens_the_public_page_and_copies_the_json_ld(
    page: Page, proposed: Claim, editor: User, axe_source: str
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size(LAPTOP)
    log_in(page, editor, PASSWORD)
    page.goto(proposed.get_absolute_url())

    # The registry goes public, in place; the memo stays internal.
    registry = page.locator(".evidence-item", has_text="Company registry: DeepSeek")
    expect(registry.locator(".badge.visibility-internal")).to_have_text("Internal")
    registry.get_by_role("button", name="Show on the public page").click()
    registry = page.locator(".evidence-item", has_text="Company registry: DeepSeek")
    expect(registry.locator(".badge.visibility-public")).to_have_text("Public")
    expect(registry.get_by_role("button", name="Make internal")).to_be_visible()
    expect(page.locator("#timeline")).to_contain_text("Evidence shown on the public page")

    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator("#claim-status")).to_have_text("published")
    link = page.locator("#public-link")
    expect(link).to_have_text(re.compile(rf"/checks/{proposed.pk}/$"))
    assert_no_serious_violations(page, axe_source)
    screenshot(page, "publishing-claim-page")

    # "Copy the JSON-LD": the <script> element, ready for a CMS.
    page.get_by_role("button", name="Copy the JSON-LD").click()
    expect(page.locator(".copy-status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    document = json.loads(SCRIPT.match(copied).group(1))
    assert_valid_claimreview(document)
    assert document["url"] == link.inner_text()
    assert document["reviewRating"]["alternateName"] == "mostly false"

    link.click()
    expect(page).to_have_url(document["url"])
    expect(page.get_by_role("heading", level=1)).to_have_text(FOUNDED_MAY_2023)
    expect(page.locator(".verdict-line")).to_contain_text("Mostly false")
    expect(page.locator("main")).to_contain_text("incorporated in July 2023, not in May")
    expect(page.locator("main")).to_contain_text("Company registry: DeepSeek")
    expect(page.locator("main")).not_to_contain_text("Internal memo")
    expect(page.locator("main")).not_to_contain_text("Found through a contact")
    # The page carries the same document the editor copied.
    embedded = page.locator('script[type="application/ld+json"]')
    expect(embedded).to_have_count(1)
    assert json.loads(embedded.text_content()) == document
    assert_no_serious_violations(page, axe_source)
    screenshot(page, "publishing-public-page")

    # Its breadcrumb leads to the index, which lists it.
    page.get_by_role("link", name="All fact-checks").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fact-checks")
    expect(page.locator(".check-item")).to_have_count(1)


@pytest.fixture
def many_checks(deepseek, reviewer: User, editor: User) -> list[Claim]:
    """Twenty-five published checks: every fifth "true", the first quoted in English."""
    english = make_source(title="An English article", language="en")
    claims = []
    for i in range(INDEX_PAGE_SIZE + 5):
        claim = make_claim(
            statement=f"Exemple was founded in 2019, check {i:02d}.",
            source=english if i == 0 else None,
        )
        verdict = workflow.propose_verdict(
            claim,
            by=reviewer,
            rating=Rating.TRUE if i % 5 == 0 else Rating.FALSE,
            rationale=f"Rationale {i:02d}.",
        )
        workflow.approve_verdict(verdict, by=editor)
        claims.append(claim)
    return claims


def test_a_reader_filters_searches_and_pages_through_the_index(
    page: Page, many_checks: list[Claim], axe_source: str
) -> None:
    page.set_viewport_size(LAPTOP)
    page.goto("/checks/")
    items = page.locator(".check-item")
    expect(items).to_have_count(INDEX_PAGE_SIZE)
    expect(page.get_by_role("status")).to_have_text("25 fact-checks")
    assert_no_serious_violations(page, axe_source)
    screenshot(page, "publishing-index")

    # The pager.
    page.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(items).to_have_count(5)
    page.get_by_role("link", name="Previous").click()
    expect(items).to_have_count(INDEX_PAGE_SIZE)

    # A rating.
    page.get_by_label("Rating").select_option(label="true")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"rating=true"))
    expect(items).to_have_count(5)
    expect(page.locator(".check-item .badge")).to_have_text(["True"] * 5)

    # A language, with the rating still on.
    page.get_by_label("Language of the article").select_option(label="English")
    page.get_by_role("button", name="Filter").click()
    expect(items).to_have_count(1)
    expect(items).to_contain_text("check 00")

    # Everything again, then a search.
    page.get_by_role("link", name="Show all").click()
    expect(items).to_have_count(INDEX_PAGE_SIZE)
    page.get_by_label("Search").fill("check 07")
    page.get_by_role("button", name="Filter").click()
    expect(items).to_have_count(1)
    page.get_by_role("link", name="Exemple was founded in 2019, check 07.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Exemple was founded in 2019, check 07."
    )
    expect(page.locator("main")).to_contain_text("Rationale 07.")


def test_a_reader_finds_a_check_by_its_words_without_their_accents(
    page: Page, deepseek, reviewer: User, editor: User, settings, axe_source: str
) -> None:
    settings.FACTCHECK_SEARCH_COUNT_BOUND = INDEX_PAGE_SIZE + 1
    statements = [f"Le budget de la ville {i:02d} a doublé en 2024." for i in range(24)]
    statements.append("Le modèle de DeepSeek compte 671 milliards de paramètres.")
    for statement in statements:
        claim = make_claim(statement=statement)
        verdict = workflow.propose_verdict(
            claim, by=reviewer, rating=Rating.FALSE, rationale="Selon le registre."
        )
        workflow.approve_verdict(verdict, by=editor)
    page.set_viewport_size(LAPTOP)
    page.goto("/checks/")
    items = page.locator(".check-item")
    status = page.get_by_role("status")

    # Typed without accents, as on a phone: the accented word is found.
    page.get_by_label("Search").fill("parametres deepseek")
    page.get_by_role("button", name="Filter").click()
    expect(status).to_have_text("1 fact-check")
    expect(items).to_have_count(1)
    assert_no_serious_violations(page, axe_source)
    screenshot(page, "publishing-index-search")
    page.get_by_role("link", name=statements[-1]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(statements[-1])
    page.go_back()

    # One letter: every word starting with it, counted up to the bound, paged.
    page.get_by_label("Search").fill("b")
    page.get_by_role("button", name="Filter").click()
    expect(status).to_have_text(f"More than {INDEX_PAGE_SIZE + 1} fact-checks")
    expect(page.locator(".pagination")).to_contain_text("Page 1 of more than 2")
    expect(items).to_have_count(INDEX_PAGE_SIZE)
    page.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"q=b&.*page=2"))
    # Paged as far as counted: the bound's last check.
    expect(items).to_have_count(1)
    page.get_by_role("link", name="Previous").click()
    expect(items).to_have_count(INDEX_PAGE_SIZE)
    # The middle of a word is not a word: nothing, said so.
    page.get_by_label("Search").fill("arametres")
    page.get_by_role("button", name="Filter").click()
    expect(items).to_have_count(0)
    expect(page.locator(".check-list")).to_have_text("No fact-check matches.")
    expect(status).to_have_text("0 fact-checks")


def test_the_public_side_works_without_javascript(
    browser: Browser, live_server, many_checks: list[Claim]
) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/checks/")
    page.get_by_label("Rating").select_option(label="true")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".check-item")).to_have_count(5)
    page.locator(".check-item a").first.click()
    expect(page.locator(".verdict-line")).to_contain_text("True")
    context.close()


def test_the_claim_page_offers_the_json_ld_to_select_without_javascript(
    browser: Browser, live_server, proposed: Claim, editor: User
) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page, editor, PASSWORD)
    page.goto(proposed.get_absolute_url())
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator("#claimreview-code")).to_be_visible()
    expect(page.locator("#claimreview-code")).to_have_value(re.compile(r"^<script type="))
    # Without JavaScript the copy button would do nothing: it is not shown.
    expect(page.get_by_role("button", name="Copy the JSON-LD")).to_be_hidden()
    context.close()


def test_a_withdrawn_check_says_so_and_passes_axe(
    browser: Browser, live_server, proposed: Claim, editor: User, axe_source: str
) -> None:
    verdict = proposed.verdicts.get(status="proposed")
    workflow.approve_verdict(verdict, by=editor)
    workflow.reopen(proposed, by=editor, reason="A reader sent a correction.")
    # Not browser_tab: Chromium logs the 410 itself as a console error, as it should.
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_viewport_size(LAPTOP)
    response = page.goto(f"/checks/{proposed.pk}/")
    assert response.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("Fact-check withdrawn")
    expect(page.get_by_role("link", name="All fact-checks").first).to_be_visible()
    assert_no_serious_violations(page, axe_source)
    context.close()
