"""Importing an article: its language told from its text, and a paste too long for it
refused with the form's own message, the paste kept."""

from __future__ import annotations

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from claims.models import Source
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

FRENCH_ARTICLE = (
    "Valmont lève 12 millions d’euros\n\n"
    "Fondée en 2019 à Lyon, la société Valmont a levé 12 millions d’euros, selon son "
    "président. Elle emploie 1 200 personnes et son chiffre d’affaires a progressé de 35 % "
    "en 2024.\n"
)


def open_import(page: Page, reviewer: User) -> None:
    log_in(page, reviewer, PASSWORD)
    page.get_by_role("link", name="Articles", exact=True).click()
    page.get_by_role("link", name="Import an article").click()


def test_a_pasted_article_gets_the_language_of_its_text(page: Page, reviewer: User) -> None:
    open_import(page, reviewer)
    form = page.locator("#article-import-form")
    expect(form.get_by_label("Language")).to_have_value("")  # "Detect from the text"
    form.get_by_label("Or paste the text").fill(FRENCH_ARTICLE)
    form.get_by_label("Publication date").fill("28 janv. 2025")
    form.get_by_role("button", name="Import").click()

    expect(page.locator(".messages")).to_contain_text("Language: French, told from its text.")
    expect(page.locator("article.source")).to_have_attribute("lang", "fr")
    expect(page.locator("article.source .muted").first).to_contain_text("28 Jan 2025")
    source = Source.objects.get()
    assert (source.language, source.published_precision) == ("fr", "day")


def test_a_paste_too_long_says_so_once_and_keeps_the_text(page: Page, reviewer: User) -> None:
    open_import(page, reviewer)
    form = page.locator("#article-import-form")
    paste = ("Une phrase de l’article, avec un chiffre : 12 millions d’euros. " * 42_000)[
        :2_700_000
    ]
    form.get_by_label("Or paste the text").fill(paste)
    form.get_by_role("button", name="Import").click()

    errors = page.locator("#article-import-form .error")
    expect(errors).to_have_count(1)
    expect(errors).to_contain_text("The article is too long: at most 200,000 characters")
    expect(page.get_by_text("Bad Request")).to_have_count(0)
    # Nothing is lost: the paste is still there to be cut down.
    assert len(form.get_by_label("Or paste the text").input_value()) > 2_000_000
    assert not Source.objects.exists()
