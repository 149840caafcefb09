"""A reviewer teaches the workbench another spelling and a new property."""

from __future__ import annotations

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


def test_reviewer_adds_an_alias_and_a_property(page: Page, deepseek, reviewer: User) -> None:
    log_in(page, reviewer, PASSWORD)
    page.get_by_role("link", name="Subjects").click()
    page.get_by_role("link", name="OpenAI o1").click()
    page.get_by_label("Another name").fill("DeepSeek-R1")
    page.get_by_role("button", name="Add alias").click()
    expect(page.get_by_role("alert")).to_contain_text("already names another subject")

    page.get_by_label("Another name").fill("o1 d’OpenAI")
    page.get_by_role("button", name="Add alias").click()
    expect(page.locator(".aliases")).to_contain_text("o1 d’OpenAI")

    # The list's subject filter now finds the claim by the new spelling.
    page.goto("/claims/?subject=o1+d%E2%80%99openai")
    expect(page.locator("table.claims tbody tr")).to_have_count(1)
    expect(page.locator("table.claims tbody")).to_contain_text("$7.50")

    page.get_by_role("link", name="Properties").click()
    page.get_by_label("English label").fill("Energy use")
    page.get_by_label("French label").fill("Énergie consommée")
    page.get_by_label("Expected value kind").select_option(label="quantity")
    page.get_by_role("button", name="Add property").click()
    expect(page.get_by_role("status")).to_contain_text("Property added.")
    expect(page.locator("table.claims")).to_contain_text("energy-use")
