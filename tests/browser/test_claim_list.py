"""The claims list as a person uses it: an ID column, the filters folded away on a phone
with statement, status and rating in view, "/" to search, one Tab stop per date."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import browser_tab, log_in
from tests.browser.test_accessibility import assert_no_serious_violations, axe_source
from tests.conftest import PASSWORD

__all__ = ["axe_source"]  # the fixture, shared with the accessibility tests

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser, live_server) -> Iterator[Page]:
    with browser_tab(browser, live_server.url, viewport=PHONE, has_touch=True) as tab:
        yield tab


def in_view(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_on_a_phone_the_list_comes_first_and_fits(
    phone: Page, axe_source: str, deepseek, reviewer: User
) -> None:
    page = phone
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    # Nothing scrolls sideways, and the first claim is on the first screen.
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    first = page.locator("table.claims tbody tr").first
    for cell in ("td.statement", "td:has(.badge[class*=status-])", "td:nth-last-child(3)"):
        assert in_view(page, f"table.claims tbody tr >> nth=0 >> {cell}"), cell
    box = first.bounding_box()
    assert box is not None and box["y"] + 40 < PHONE["height"]
    expect(first.locator(".badge.status-new, .badge.status-published").first).to_be_visible()
    # The filters besides the search are folded away; the search is there.
    expect(page.get_by_label("Search")).to_be_visible()
    expect(page.locator("#id_status")).to_be_hidden()
    assert_no_serious_violations(page, axe_source)

    # Unfolded, they work as on a wider screen.
    page.get_by_text("Filters", exact=True).click()
    expect(page.locator("#id_status")).to_be_visible()
    assert_no_serious_violations(page, axe_source)
    page.locator("#id_status").select_option(label="published")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^0 claims"))
    expect(page.locator("summary")).to_have_text("Filters (1 in use)")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_slash_searches_ids_show_and_each_date_is_one_stop(
    page: Page, deepseek, reviewer: User
) -> None:
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    # Every claim shows its number, and the list sorts by it.
    expect(page.locator("table.claims thead th", has_text="ID")).to_be_visible()
    page.locator("table.claims thead th a", has_text="ID").click()
    expect(page.locator("table.claims thead th.col-id")).to_have_attribute("aria-sort", "ascending")
    expect(page.locator("table.claims tbody td.col-id").first).to_have_text("1")

    # "/" from anywhere on the page puts the cursor in the search box, text selected.
    page.locator("table.claims tbody td.statement").first.click(position={"x": 1, "y": 1})
    page.get_by_label("Search").fill("DeepSeek")
    page.locator("h1").click()
    page.keyboard.press("/")
    expect(page.get_by_label("Search")).to_be_focused()
    page.keyboard.type("parametres")
    expect(page.get_by_label("Search")).to_have_value("parametres")  # replaced, not appended
    # Typed inside another box, "/" is just a character.
    page.locator("#id_subject").fill("")
    page.locator("#id_subject").press("/")
    expect(page.locator("#id_subject")).to_have_value("/")
    expect(page.locator("#id_subject")).to_be_focused()

    # The date range: one Tab stop per date, and a date typed day first.
    page.locator("#id_subject").fill("")
    page.locator("#id_added_after").focus()
    page.keyboard.press("Tab")
    expect(page.locator("#id_added_before")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Filter")).to_be_focused()


def tab_until(page: Page, locator, limit: int = 80) -> int:
    presses = 0
    while not locator.evaluate("e => e === document.activeElement"):
        page.keyboard.press("Tab")
        presses += 1
        assert presses < limit, "never reached"
    return presses


def test_a_skip_link_passes_the_filters(page: Page, deepseek, reviewer: User) -> None:
    """44 Tab presses took a keyboard user to the first claim; the skip link, offered
    as soon as the page's own content starts, passes the header and the filters."""
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    skip = page.get_by_role("link", name="Skip to the claims")
    to_skip = tab_until(page, skip)
    expect(skip).to_be_visible()  # shown when it has the focus
    page.keyboard.press("Enter")
    after = tab_until(page, page.locator("table.claims tbody td.statement a").first)
    assert to_skip + after <= 25, (to_skip, after)


@pytest.mark.parametrize("locale", ["en-GB", "fr-FR"])
def test_on_a_laptop_the_list_fits_in_either_language(
    browser: Browser, live_server, deepseek, reviewer: User, locale: str
) -> None:
    """French headings are longer ("MISE À JOUR"): they wrap, their arrow kept with them."""
    from tests.test_i18n import compile_french_catalogue

    compile_french_catalogue()
    laptop = {"width": 1280, "height": 800}
    with browser_tab(browser, live_server.url, locale=locale, viewport=laptop) as page:
        page.goto("/accounts/login/")
        page.locator("#id_username").fill(reviewer.get_username())
        page.locator("#id_password").fill(PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.goto("/claims/?ordering=-updated")
        expect(page.locator("table.claims th[aria-sort]")).to_be_visible()
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
