"""A quote with direction controls, as a reviewer reads it: marks in the article and
on the claim, the claim's quote flagged; the article link from the claim works."""

from __future__ import annotations

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD
from tests.factories import make_claim, make_source
from tests.test_bidi import TRICK


def test_a_reversed_figure_is_shown_for_what_it_is(page: Page, deepseek, reviewer: User) -> None:
    source = make_source(title="Prix trompeur", text=f"{TRICK}\nSuite de l'article.\n")
    claim = make_claim(source=source, quote="\u202e55,0\u202c $")
    log_in(page, reviewer, PASSWORD)
    page.goto(claim.get_absolute_url())
    quote = page.locator("figure.appearance blockquote")
    expect(quote).to_contain_text("[RLO]55,0[PDF] $")
    expect(page.get_by_role("note")).to_contain_text("change the direction of text")
    expect(quote.locator(".bidi-control").first).to_have_attribute(
        "title", "Direction control character U+202E"
    )
    screenshot(page, "bidi-claim")

    page.locator("figure.appearance figcaption").get_by_role("link", name="Prix trompeur").click()
    expect(page.get_by_role("heading", name="Prix trompeur")).to_be_visible()
    expect(page.locator(".bidi-control").first).to_have_text("[RLO]")
    assert "\u202e" not in page.content()
    screenshot(page, "bidi-article")
