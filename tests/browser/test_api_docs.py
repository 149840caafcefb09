"""The API's docs page runs under the same strict CSP as every other page."""

from __future__ import annotations

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


def test_api_docs_load_without_a_csp_violation(page: Page, reviewer: User) -> None:
    log_in(page, reviewer, PASSWORD)
    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .title")).to_contain_text("Factcheck API")
    expect(page.locator(".opblock-summary-path", has_text="/api/claims/").first).to_be_visible()
    # The page fixture fails the test on any console error, CSP reports included.
