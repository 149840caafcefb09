"""A reviewer imports an article, and takes its claims from the suggestions, in the browser."""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Page, expect

from claims.models import Claim, Source, SuggestionDismissal
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import LAPTOP, assert_no_serious_violations, axe_source
from tests.conftest import PASSWORD

SCREENSHOTS = Path(os.environ.get("FACTCHECK_SCREENSHOTS", "/tmp/factcheck-screenshots"))

__all__ = ["axe_source"]  # the fixture, shared with the accessibility tests

ARTICLE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Valmont lève 12 millions d’euros</title></head>
<body><nav><a href="/">Accueil</a></nav><article>
<p>Fondée en 2019 à Lyon, la société Valmont a levé 12&nbsp;millions d’euros, selon son
président.</p>
<p>Elle emploie 1&nbsp;200 personnes et son chiffre d’affaires a progressé de 35&nbsp;% en
2024.</p>
<p>M. Dupont a déclaré que l’entreprise surpasse ses concurrents.</p>
</article><footer>Mentions légales</footer></body></html>
"""


def item(page: Page, exact: str):
    """The side panel's entry for the suggestion whose figure reads ``exact``."""
    return page.locator(".suggestion-item").filter(
        has=page.locator("blockquote mark.suggested", has_text=exact)
    )


def test_import_accept_and_dismiss_suggestions(page: Page, reviewer: User, tmp_path: Path) -> None:
    path = tmp_path / "valmont.html"
    path.write_text(ARTICLE, encoding="utf-8")

    log_in(page, reviewer, PASSWORD)
    page.get_by_role("link", name="Articles", exact=True).click()
    page.get_by_role("link", name="Import an article").click()
    form = page.locator("#article-import-form")
    form.get_by_label("File").set_input_files(str(path))
    form.get_by_label("Language").select_option(label="French")
    form.get_by_role("button", name="Import").click()

    # The article opens with its figures suggested, apart from claim quotes.
    expect(page.get_by_role("heading", level=1)).to_have_text("Valmont lève 12 millions d’euros")
    expect(page.locator(".messages")).to_contain_text("Article imported")
    text = page.locator(".source-text")
    expect(text.locator("mark.suggested").first).to_be_visible()
    expect(text).not_to_contain_text("Mentions légales")
    for figure in ["12\u00a0millions d’euros", "1\u00a0200 personnes", "35\u00a0%", "2019"]:
        expect(text.locator("mark.suggested", has_text=figure)).to_have_count(1)
    source = Source.objects.get()

    # The suggestion names what the claim would say, in the interface's language.
    amount = item(page, "12\u00a0millions d’euros")
    expect(amount.locator(".suggestion-statement")).to_have_text("Valmont raised €12 million.")
    # Edit and accept: the form opens in place, pre-filled with the short statement.
    amount.get_by_role("link", name=re.compile("Edit and accept")).click()
    expect(amount.get_by_label("Subject")).to_have_value("Valmont")
    expect(amount.get_by_label("Property", exact=True)).to_have_value(re.compile(r"\d+"))
    expect(amount.get_by_label("Statement")).to_have_value("Valmont raised €12 million.")
    amount.get_by_role("button", name="Save the claim").click()
    expect(page.locator("#source-workspace [role=status]")).to_contain_text(
        "created: “Valmont raised €12 million.”"
    )
    funding = Claim.objects.get(statement="Valmont raised €12 million.")
    # The sentence is the quote; its other figures stay on offer.
    expect(text.locator("a.quote mark", has_text="12\u00a0millions d’euros")).to_be_visible()
    expect(text.locator("mark.suggested", has_text="2019")).to_have_count(1)
    expect(text.locator("mark.suggested", has_text="12\u00a0millions")).to_have_count(0)

    # Accept the head count with its value corrected: the wording is read again.
    staff = item(page, "1\u00a0200 personnes")
    staff.get_by_role("link", name=re.compile("Edit and accept")).click()
    staff.get_by_label("Statement").fill("Valmont employs 1,300 people.")
    staff.get_by_label("Value as stated").fill("1\u00a0300 personnes")
    staff.get_by_label("only the figure").check()
    staff.get_by_role("button", name="Save the claim").click()
    expect(page.locator("#source-workspace [role=status]")).to_contain_text(
        "created: “Valmont employs 1,300 people.”"
    )
    employees = Claim.objects.get(statement="Valmont employs 1,300 people.")
    assert employees.value_number == 1300
    assert employees.appearances.get().exact == "1\u00a0200 personnes"

    # Dismiss the date: it goes, and stays gone after a reload.
    item(page, "35\u00a0%").get_by_role("button", name=re.compile("Dismiss")).click()
    expect(page.locator("#source-workspace [role=status]")).to_contain_text("dismissed")
    expect(text.locator("mark.suggested", has_text="35\u00a0%")).to_have_count(0)
    page.reload()
    expect(page.locator(".source-text mark.suggested", has_text="35\u00a0%")).to_have_count(0)
    expect(item(page, "35\u00a0%")).to_have_count(0)
    assert SuggestionDismissal.objects.filter(source=source).count() == 1

    # The new claims are in the claims list, with their quotes on their pages.
    page.get_by_role("link", name="Claims", exact=True).click()
    expect(page.get_by_role("link", name=funding.statement)).to_be_visible()
    page.get_by_role("link", name=employees.statement).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(employees.statement)
    quote = page.locator(".appearance blockquote")
    expect(quote.locator("mark")).to_have_text("1\u00a0200 personnes")
    expect(quote).to_contain_text("Elle emploie 1\u00a0200 personnes et son chiffre d’affaires")
    page.get_by_role("link", name=source.title).click()
    expect(page.locator(f"#appearance-{employees.appearances.get().pk} mark")).to_be_visible()


def test_the_article_screens_pass_axe(page: Page, reviewer: User, axe_source: str) -> None:
    source = Source.objects.create(
        title="Valmont lève des fonds",
        language="fr",
        text="Fondée en 2019, la société Valmont a levé 12\u00a0millions d’euros.\n\n"
        "Elle emploie 1\u00a0200 personnes, selon son président.",
    )
    log_in(page, reviewer, PASSWORD)
    for path in [reverse("source_list"), reverse("article_import"), source.get_absolute_url()]:
        page.set_viewport_size(LAPTOP)
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        assert_no_serious_violations(page, axe_source)
    # With a suggestion open as a form, in place.
    page.locator(".suggestion-item").first.get_by_role(
        "link", name=re.compile("Edit and accept")
    ).click()
    expect(page.locator(".accept-form")).to_be_visible()
    assert_no_serious_violations(page, axe_source)


def test_a_long_article_pages_through_its_suggestions(page: Page, reviewer: User) -> None:
    from tests.factories import make_source
    from tests.test_suggestions import news_article

    source = make_source(text=news_article(600, "fr"), language="fr")
    log_in(page, reviewer, PASSWORD)
    page.goto(source.get_absolute_url())
    panel = page.locator(".suggestions")
    expect(panel.locator(".suggestion-item")).to_have_count(25)
    first_page = panel.locator(".suggestion-item").first.inner_text()
    pager = panel.get_by_role("navigation", name="Pages of suggested claims")
    expect(pager).to_contain_text("1–25 of")
    pager.get_by_role("link", name="Next →").click()
    expect(page).to_have_url(re.compile(r"\?suggestions=2$"))
    expect(pager).to_contain_text("26–50 of")
    assert panel.locator(".suggestion-item").first.inner_text() != first_page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "suggestions-page-2.png"), full_page=False)
    # Accepting on the second page stays on the second page.
    before = panel.locator(".suggestion-item").count()
    panel.get_by_role("button", name="Accept").first.click()
    expect(page.locator("#source-workspace [role=status]")).to_contain_text("#")
    expect(pager).to_contain_text("26–")
    assert Claim.objects.filter(appearances__source=source).count() == 1
    assert panel.locator(".suggestion-item").count() == before
    pager.get_by_role("link", name="← Previous").click()
    expect(page).to_have_url(re.compile(r"\?suggestions=1$"))
    expect(pager).to_contain_text("1–25 of")
    # Reloading the URL shows the same page: the pager works without htmx too.
    page.goto(source.get_absolute_url() + "?suggestions=2")
    expect(pager).to_contain_text("26–50 of")
