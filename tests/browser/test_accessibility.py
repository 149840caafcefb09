"""axe-core checks the main screens as a visitor, a reviewer and an editor see them.

axe-core comes from npm (package.json; `make test` runs `npm ci`). Only violations
axe rates serious or critical fail a test; the message lists each one with the
elements it found, so that a failure says what to fix and where.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from claims import workflow
from claims.choices import Rating, Stance
from claims.models import Claim
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

FAILING_IMPACTS = {"serious", "critical"}
LAPTOP = {"width": 1280, "height": 800}
# A 1280-pixel-wide window at 200 % zoom lays the page out in 640 CSS pixels.
ZOOMED_200 = {"width": 640, "height": 400}

FOUNDED_MAY_2023 = "DeepSeek was founded in May 2023."
PARAMETERS = "DeepSeek-R1 has 671 billion parameters."

# The elements sticking out past the window's right edge, for the reflow test's message.
TOO_WIDE_JS = """() => [...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 10)
  .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + (e.className ? "." + e.className.replaceAll(" ", ".") : ""))"""


def assert_no_serious_violations(page: Page, axe_source: str) -> None:
    # Not page.add_script_tag(path=...): Playwright puts the file's text into an
    # inline <script>, which our CSP (script-src 'self', no nonce) blocks: the call
    # raises and the console logs the violation. Not a context with
    # bypass_csp=True either: the page under test should be the one people get,
    # CSP included. page.evaluate() runs the script through the DevTools protocol,
    # which the page's CSP does not govern; axe itself needs no eval.
    page.evaluate(axe_source)
    violations: list[dict[str, Any]] = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    if serious:
        pytest.fail(f"axe, on {page.url}:\n" + "\n".join(map(describe, serious)))


def describe(violation: dict[str, Any]) -> str:
    """One violation: its rule, what it asks for, and each element that breaks it."""
    lines = [
        f"- {violation['id']} ({violation['impact']}): {violation['help']}",
        f"  {violation['helpUrl']}",
    ]
    for node in violation["nodes"][:10]:
        target = " ".join(map(str, node["target"]))
        why = " ".join(line.strip() for line in node["failureSummary"].splitlines())
        lines.append(f"    {target}: {why}")
    if len(violation["nodes"]) > 10:
        lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.fixture
def worked_case(deepseek, reviewer: User, editor: User, second_editor: User) -> Claim:
    """The demo case part-way through review, so that badges of every kind, the
    timeline, the verdict history and the editor's review form are on screen."""
    founded = Claim.objects.get(statement=FOUNDED_MAY_2023)
    workflow.add_evidence(
        founded,
        by=reviewer,
        stance=Stance.REFUTES,
        url="https://example.org/company-registry/deepseek",
        title="Company registry: DeepSeek, incorporated July 2023",
        excerpt="Incorporated 17 July 2023.",
        note="The registry gives July, not May.",
    )
    workflow.add_evidence(
        founded,
        by=reviewer,
        stance=Stance.CONTEXT,
        url="https://example.org/high-flyer",
        title="High-Flyer, the hedge fund DeepSeek grew out of",
        excerpt="",
        note="",
    )
    workflow.add_comment(founded, by=reviewer, body="The two articles disagree on the year.")
    first = workflow.propose_verdict(
        founded, by=reviewer, rating=Rating.MISLEADING, rationale="May 2023 is close."
    )
    workflow.send_back_verdict(first, by=second_editor, comment="Cite the registry.")
    workflow.propose_verdict(
        founded, by=reviewer, rating=Rating.MOSTLY_FALSE, rationale="Incorporated in July 2023."
    )
    workflow.assign(founded, by=reviewer, assignee=editor)

    parameters = Claim.objects.get(statement=PARAMETERS)
    verdict = workflow.propose_verdict(
        parameters, by=reviewer, rating=Rating.TRUE, rationale="The model card says 671B."
    )
    workflow.approve_verdict(verdict, by=editor)
    return founded


def check(page: Page, axe_source: str, path: str) -> None:
    page.set_viewport_size(LAPTOP)
    page.goto(path)
    expect(page.locator("main h1")).to_be_visible()
    assert_no_serious_violations(page, axe_source)


def test_login_page(page: Page, axe_source: str) -> None:
    check(page, axe_source, "/accounts/login/")


def test_login_page_with_an_error(page: Page, axe_source: str, reviewer: User) -> None:
    page.set_viewport_size(LAPTOP)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(reviewer.get_username())
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_serious_violations(page, axe_source)


def test_dashboard(page: Page, axe_source: str, worked_case: Claim, editor: User) -> None:
    log_in(page, editor, PASSWORD)
    check(page, axe_source, "/")
    expect(page.locator(".dashboard .badge").first).to_be_visible()
    expect(page.locator(".desk-weeks .chart")).to_have_count(3)


def test_subject_page_with_its_history(
    page: Page, axe_source: str, worked_case: Claim, reviewer: User
) -> None:
    from tests.browser.test_plots import date_the_articles

    date_the_articles()
    log_in(page, reviewer, PASSWORD)
    check(page, axe_source, f"/subjects/{worked_case.subject_id}/")
    expect(page.locator("#history .mark").first).to_be_visible()


def test_claim_list(page: Page, axe_source: str, worked_case: Claim, reviewer: User) -> None:
    log_in(page, reviewer, PASSWORD)
    check(page, axe_source, "/claims/")
    expect(page.locator("table.claims .badge.rating-true")).to_be_visible()


def test_claim_page_as_the_reviewing_editor(
    page: Page, axe_source: str, worked_case: Claim, editor: User
) -> None:
    log_in(page, editor, PASSWORD)
    check(page, axe_source, worked_case.get_absolute_url())
    expect(page.locator("#review-form")).to_be_visible()
    # Then with the folded-away forms open.
    for summary in page.locator("details > summary").all():
        summary.click()
    assert_no_serious_violations(page, axe_source)


def test_claim_page_with_a_refused_form(
    page: Page, axe_source: str, worked_case: Claim, reviewer: User
) -> None:
    log_in(page, reviewer, PASSWORD)
    page.set_viewport_size(LAPTOP)
    page.goto(worked_case.get_absolute_url())
    page.get_by_text("Add evidence", exact=True).first.click()
    form = page.locator("#add-evidence-form")
    # A stance but neither URL nor source: the server refuses it, in place.
    form.get_by_label("Stance").select_option(label="supports")
    form.get_by_role("button", name="Add evidence").click()
    expect(page.locator("#add-evidence-form .error").first).to_be_visible()
    assert_no_serious_violations(page, axe_source)


def test_article_page(page: Page, axe_source: str, worked_case: Claim, reviewer: User) -> None:
    source = worked_case.appearances.get().source
    log_in(page, reviewer, PASSWORD)
    check(page, axe_source, source.get_absolute_url())
    expect(page.locator(".source-text mark").first).to_be_visible()


@pytest.mark.parametrize("screen", ["dashboard", "claim list", "claim", "article"])
def test_at_200_percent_zoom_nothing_scrolls_sideways(
    page: Page, axe_source: str, worked_case: Claim, editor: User, screen: str
) -> None:
    """WCAG 1.4.10 (reflow): at 200 % zoom the page fits the window's width.
    Only the claims table may scroll sideways, inside its own box."""
    path = {
        "dashboard": "/",
        "claim list": "/claims/",
        "claim": worked_case.get_absolute_url(),
        "article": worked_case.appearances.get().source.get_absolute_url(),
    }[screen]
    log_in(page, editor, PASSWORD)
    page.set_viewport_size(ZOOMED_200)
    page.goto(path)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, (
        f"the {screen} is {overflow}px wider than a 200 % zoomed window; "
        f"too wide: {page.evaluate(TOO_WIDE_JS)}"
    )
    assert_no_serious_violations(page, axe_source)


def test_notifications_page(page: Page, axe_source: str, worked_case: Claim, reviewer: User):
    log_in(page, reviewer, PASSWORD)
    check(page, axe_source, "/notifications/")
    expect(page.locator(".notification.unread").first).to_be_visible()


def test_dispute_page_with_a_proposed_resolution(
    page: Page, axe_source: str, worked_case: Claim, reviewer: User, editor: User
) -> None:
    from claims import disputes
    from claims.models import Dispute

    disputes.refresh_all()
    dispute = Dispute.objects.get(subject__name="DeepSeek", property__code="founding-date")
    disputes.propose_resolution(dispute, by=reviewer, claim=worked_case, note="Registry.")
    log_in(page, editor, PASSWORD)
    check(page, axe_source, dispute.get_absolute_url())
    expect(page.locator("#review-resolution-form")).to_be_visible()


def test_claim_page_citing_a_file(
    page: Page, axe_source: str, worked_case: Claim, reviewer: User
) -> None:
    from claims import files
    from tests.documents import make_image

    source = files.attach_document(name="capture.png", data=make_image(), by=reviewer)
    workflow.add_evidence(
        worked_case, by=reviewer, stance=Stance.SUPPORTS, source=source, excerpt="A registry."
    )
    log_in(page, reviewer, PASSWORD)
    check(page, axe_source, f"/claims/{worked_case.pk}/evidence/new/?source={source.pk}")
    expect(page.locator(".evidence-image").first).to_be_visible()


def test_a_copy_of_a_page(
    page: Page, axe_source: str, worked_case: Claim, reviewer: User, web
) -> None:
    from claims import snapshots
    from tests.test_fetch import ARTICLE
    from tests.webserver import Page as WebPage

    web.pages["/tarifs"] = WebPage(ARTICLE.encode())
    evidence = workflow.add_evidence(
        worked_case, by=reviewer, stance=Stance.CONTEXT, url=web.url("/tarifs"), title="Tarifs"
    )
    snapshots.keep_copy(evidence, by=reviewer)
    web.pages["/tarifs"] = WebPage(ARTICLE.replace("0,14", "0,55").encode())
    copy = snapshots.keep_copy(evidence, by=reviewer)
    log_in(page, reviewer, PASSWORD)
    check(page, axe_source, f"/claims/{worked_case.pk}/evidence/{evidence.pk}/copies/{copy.pk}/")
    expect(page.locator("#changes ins")).to_be_visible()
