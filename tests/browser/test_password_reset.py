"""Forgotten password: offered only when email can carry the link, and then it works."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.conftest import log_in, screenshot

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def test_no_reset_link_without_email(page: Page) -> None:
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    expect(page.get_by_role("link", name="Forgotten your password?")).to_have_count(0)


def test_a_reviewer_resets_a_forgotten_password_by_email(
    page: Page, settings, reviewer: User
) -> None:
    settings.MAILERS = LOCMEM
    reviewer.email = "rita@example.org"
    reviewer.save()
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgotten your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    page.get_by_label("Email").fill("rita@example.org")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    [message] = mail.outbox
    link = re.search(r"https?://\S+/accounts/reset/\S+", message.body).group()
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    screenshot(page, "password-reset-new-password")
    # The label reads "New password *" (the star says it is required).
    page.get_by_label(re.compile(r"^New password\W*$")).fill("a-new-and-long-passphrase-42")
    page.get_by_label("New password confirmation").fill("a-new-and-long-passphrase-42")
    page.get_by_role("button", name="Save the new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Password changed")

    log_in(page, reviewer, "a-new-and-long-passphrase-42")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
