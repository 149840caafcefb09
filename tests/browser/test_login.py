from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


def test_reviewer_logs_in_and_sees_the_claims_list(page: Page, deepseek, reviewer) -> None:
    page.goto("/claims/")
    # Every page needs a login: the list sends us to the login form first.
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/claims/"))

    page.get_by_label("Username").fill("rita")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/claims/$"))
    expect(page.get_by_role("heading", name="Claims")).to_be_visible()
    rows = page.locator("table.claims tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 21
    expect(page.get_by_role("link", name=re.compile("founded in May 2023"))).to_be_visible()


def test_a_wrong_password_is_refused(page: Page, reviewer) -> None:
    log_in(page, reviewer, "not-her-password")
    expect(page.get_by_role("alert")).to_contain_text("didn't match")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
