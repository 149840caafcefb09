"""Sorting and paging the claims list on a searched, filtered list, with and without htmx."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import HeldAnswers, browser_tab, log_in, screenshot
from tests.conftest import PASSWORD

HEADERS = ["Statement", "Subject", "Property", "Status", "Rating", "Updated"]


@pytest.fixture(params=[True, False], ids=["htmx", "no JavaScript"])
def tab(request, browser: Browser, live_server) -> Iterator[Page]:
    with browser_tab(browser, live_server.url, java_script_enabled=request.param) as page:
        yield page


def rows(page: Page) -> list[str]:
    return page.locator("table.claims tbody td.statement a").all_inner_texts()


def heading(page: Page, name: str):
    return page.locator("table.claims thead th", has=page.get_by_role("link", name=name))


def test_each_header_sorts_both_ways_and_the_pager_keeps_the_filters(
    tab: Page, deepseek, reviewer: User, settings
) -> None:
    settings.FACTCHECK_PAGE_SIZE = 4
    page = tab
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    page.get_by_label("Search").fill("DeepSeek")
    page.locator("#id_status").select_option(label="new")
    page.get_by_role("button", name="Filter").click()
    count = page.locator(".result-count")
    expect(count).not_to_have_text(re.compile(r"^23 claims"))
    expect(page).to_have_url(re.compile(r"q=DeepSeek.*status=new"))
    # The search also answers on its own 300 ms after the last key: let it, as a person would.
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    filtered = count.inner_text()
    # The list starts by last update, newest first, and says so.
    expect(heading(page, "Updated")).to_have_attribute("aria-sort", "descending")

    for name in HEADERS:
        link = page.locator("table.claims thead th a", has_text=name)
        link.click()
        expect(heading(page, name)).to_have_attribute("aria-sort", "ascending")
        expect(heading(page, name).locator(".sort-arrow")).to_have_text("▲")
        expect(page).to_have_url(re.compile(r"q=DeepSeek.*status=new"))
        expect(count).to_have_text(filtered)
        page.locator("table.claims thead th a", has_text=name).click()
        expect(heading(page, name)).to_have_attribute("aria-sort", "descending")
        expect(heading(page, name).locator(".sort-arrow")).to_have_text("▼")
        expect(count).to_have_text(filtered)
        # Only one column at a time says it sorts the list.
        expect(page.locator("table.claims thead th[aria-sort]")).to_have_count(1)

    # Sorted by statement, then paged forward and back: the search, filter and sort stay.
    page.locator("table.claims thead th a", has_text="Statement").click()
    expect(heading(page, "Statement")).to_have_attribute("aria-sort", "ascending")
    first_page = rows(page)
    assert len(first_page) == 4 and first_page == sorted(first_page)
    page.get_by_role("link", name="Next").click()
    expect(page.locator(".pagination")).to_contain_text("Page 2 of")
    expect(count).to_have_text(filtered)
    expect(heading(page, "Statement")).to_have_attribute("aria-sort", "ascending")
    expect(page).to_have_url(re.compile(r"q=DeepSeek.*status=new.*ordering=statement.*page=2"))
    second_page = rows(page)
    assert second_page and not set(second_page) & set(first_page)
    assert max(first_page) <= min(second_page)
    # Reloading the address shows the same list: the URL holds all of it.
    page.reload()
    expect(count).to_have_text(filtered)
    assert rows(page) == second_page
    page.get_by_role("link", name="Previous").click()
    expect(page.locator(".pagination")).to_contain_text("Page 1 of")
    assert rows(page) == first_page
    expect(count).to_have_text(filtered)

    # A filter changed after a sort keeps the sort.
    page.locator("#id_status").select_option(label="in research")
    page.get_by_role("button", name="Filter").click()
    expect(count).not_to_have_text(filtered)
    expect(page).to_have_url(re.compile(r"status=in_research"))
    expect(page).to_have_url(re.compile(r"ordering=statement"))
    expect(heading(page, "Statement")).to_have_attribute("aria-sort", "ascending")


def test_back_and_forward_show_each_list_as_it_was_under_its_own_form(
    tab: Page, deepseek, reviewer: User, settings
) -> None:
    """Back from a page of the list, and Back from a claim opened from it, show the list
    as it was, whole, under a form that says what it holds. With htmx, Back showed the
    list under the form as first loaded (no filter chosen), and Back from a claim showed
    the list's results alone, without the page around them (the browser had kept htmx's
    answer as the page at that address)."""
    settings.FACTCHECK_PAGE_SIZE = 4
    page = tab
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    count = page.locator(".result-count")
    page.get_by_label("Search").fill("DeepSeek")
    page.locator("#id_status").select_option(label="new")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"q=DeepSeek.*status=new"))
    page.wait_for_timeout(500)  # the search's own answer, 300 ms after the last key
    page.wait_for_load_state("networkidle")
    filtered = count.inner_text()
    page.locator("table.claims thead th a", has_text="Statement").click()
    expect(heading(page, "Statement")).to_have_attribute("aria-sort", "ascending")
    first_page = rows(page)
    page.get_by_role("link", name="Next").click()
    expect(page.locator(".pagination")).to_contain_text("Page 2 of")
    second_page = rows(page)
    assert second_page and not set(second_page) & set(first_page)

    def shows(claims: list[str], number: int) -> None:
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        expect(page.get_by_label("Search")).to_have_value("DeepSeek")
        expect(page.locator("#id_status")).to_have_value("new")
        expect(count).to_have_text(filtered)
        expect(heading(page, "Statement")).to_have_attribute("aria-sort", "ascending")
        expect(page.locator(".pagination")).to_contain_text(f"Page {number} of")
        expect(page.locator("table.claims tbody td.statement a")).to_have_text(claims)

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"page=2"))
    shows(first_page, 1)
    page.go_forward()
    expect(page).to_have_url(re.compile(r"ordering=statement.*page=2"))
    shows(second_page, 2)

    page.locator("table.claims tbody td.statement a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(second_page[0])
    page.go_back()
    expect(page).to_have_url(re.compile(r"q=DeepSeek.*status=new.*ordering=statement.*page=2"))
    shows(second_page, 2)
    screenshot(page, "claims-back-from-a-claim")


def test_back_to_a_list_htmx_kept_no_copy_of_loads_it_whole(
    page: Page, deepseek, reviewer: User, settings
) -> None:
    """htmx keeps copies of the last ten pages it moved from; Back past them (or after
    the browser's storage was cleared) asked the server for the page as htmx asks for a
    list's results, and showed the results alone, without the page around them."""
    settings.FACTCHECK_PAGE_SIZE = 4
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    page.locator("#id_status").select_option(label="new")
    expect(page).to_have_url(re.compile(r"status=new"))
    page.get_by_role("link", name="Next").click()
    expect(page.locator(".pagination")).to_contain_text("Page 2 of")
    page.evaluate("() => sessionStorage.removeItem('htmx-history-cache')")
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"page=2"))
    # The page shown until the answer comes has the header too: look once page 1 is shown.
    expect(page.locator(".pagination")).to_contain_text("Page 1 of")
    expect(page.locator("table.claims tbody tr")).to_have_count(4)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.locator("#id_status")).to_have_value("new")
    screenshot(page, "claims-back-without-a-copy")


def page_to_the_bound(page: Page, last: int, url: str) -> set[str]:
    """Click Next from page 1 to page ``last`` of a list counted up to a bound; each page
    shows claims no earlier page showed, and the URL keeps ``url`` (a pattern) with the
    page's number. The claims seen on all of them."""
    seen = set(rows(page))
    for number in range(2, last + 1):
        page.get_by_role("link", name="Next").click()
        expect(page.locator(".pagination")).to_contain_text(f"Page {number} of more than {last}")
        expect(page).to_have_url(re.compile(rf"{url}page={number}"))
        shown = set(rows(page))
        assert shown and not shown & seen
        seen |= shown
    expect(page.get_by_role("link", name="Next")).to_have_count(0)
    return seen


def test_a_long_list_is_counted_up_to_a_bound_and_paged_to_it(
    tab: Page, deepseek, reviewer: User, settings
) -> None:
    settings.FACTCHECK_PAGE_SIZE = 4
    settings.FACTCHECK_LIST_COUNT_BOUND = 10
    page = tab
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    count = page.locator(".result-count")
    # Counted exactly (the database keeps the count), paged only as far as the bound.
    expect(count).to_have_text("23 claims")
    expect(page.locator(".pagination")).to_contain_text("Page 1 of more than 3")
    page.wait_for_load_state("networkidle")
    screenshot(page, "claims-list-bounded-plain")
    assert len(page_to_the_bound(page, 3, "")) == 10
    page.get_by_role("link", name="Previous").click()
    expect(page.locator(".pagination")).to_contain_text("Page 2 of more than 3")
    # Another filter is counted up to the bound; one that keeps fewer claims, exactly.
    page.locator("#id_subject").fill("deepseek")
    page.get_by_role("button", name="Filter").click()
    expect(count).to_have_text("More than 10 claims")
    page.locator("#id_subject").fill("")
    page.locator("#id_status").select_option(label="published")
    page.get_by_role("button", name="Filter").click()
    expect(count).to_have_text(re.compile(r"^\d claims?$"))


def test_a_broad_search_is_counted_up_to_a_bound_and_paged_to_it(
    tab: Page, deepseek, reviewer: User, settings
) -> None:
    settings.FACTCHECK_PAGE_SIZE = 2
    settings.FACTCHECK_SEARCH_COUNT_BOUND = 5
    page = tab
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    page.get_by_label("Search").fill("DeepSeek")
    page.get_by_role("button", name="Filter").click()
    count = page.locator(".result-count")
    expect(count).to_have_text("More than 5 claims")
    expect(page.locator(".pagination")).to_contain_text("Page 1 of more than 3")
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    screenshot(page, "claims-list-bounded-count")
    # The bound's last page: five claims shown in all, and no page after it.
    assert len(page_to_the_bound(page, 3, "q=DeepSeek.*")) == 5
    expect(count).to_have_text("More than 5 claims")
    # Without the search the list is counted in full.
    page.goto("/claims/")
    expect(count).to_have_text("23 claims")


def test_a_period_of_addition_is_listed_by_date_added_with_its_column(
    tab: Page, deepseek, reviewer: User
) -> None:
    import datetime

    from django.utils import timezone

    from claims.models import Claim

    # Added one day apart, and updated in the opposite order: the two sorts differ.
    first_day = timezone.make_aware(datetime.datetime(2025, 1, 1, 12))
    claims = list(Claim.objects.order_by("pk"))
    for i, claim in enumerate(claims):
        Claim.objects.filter(pk=claim.pk).update(
            created_at=first_day + datetime.timedelta(days=i),
            updated_at=first_day + datetime.timedelta(days=400 - i),
        )
    in_period = [c.statement for c in claims[5:]]  # added from 6 January 2025 on

    page = tab
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    # No period chosen: sorted by update, and no column for the date added.
    expect(heading(page, "Updated")).to_have_attribute("aria-sort", "descending")
    expect(page.locator("table.claims thead th", has_text="Added")).to_have_count(0)

    page.locator("#id_added_after").fill("2025-01-06")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"added_after=2025-01-06"))
    expect(heading(page, "Added")).to_have_attribute("aria-sort", "descending")
    expect(page.locator(".result-count")).to_have_text(re.compile(rf"^{len(in_period)} claims"))
    assert rows(page) == list(reversed(in_period))[: len(rows(page))]
    screenshot(page, "claims-added-period")

    # The other sorts are a click away, and the period and its column stay.
    page.locator("table.claims thead th a", has_text="Updated").click()
    expect(heading(page, "Updated")).to_have_attribute("aria-sort", "ascending")
    expect(page).to_have_url(re.compile(r"added_after=2025-01-06.*ordering=updated"))
    assert rows(page) == list(reversed(in_period))[: len(rows(page))]
    page.locator("table.claims thead th a", has_text="Added").click()
    expect(heading(page, "Added")).to_have_attribute("aria-sort", "ascending")
    assert rows(page) == in_period[: len(rows(page))]
    expect(page.locator("table.claims thead th[aria-sort]")).to_have_count(1)


def test_a_header_clicked_while_the_filter_is_still_answered_sorts_the_filtered_list(
    page: Page, deepseek, reviewer: User
) -> None:
    """Choosing a status sends the filter form, and so does the Filter button after it:
    two answers, the second after the first. A header clicked once the first has
    landed is sent while the second is on its way. Its answer landed on the list the
    second had just taken off the page: the address said "sorted", the list was not.
    Now the list's answers land in a frame that stays, and the second, asked before the
    header, is stale once the header is clicked: dropped, the header's answer shown."""
    from claims.models import Claim

    in_research = list(Claim.objects.order_by("pk").values_list("pk", flat=True)[:5])
    Claim.objects.filter(pk__in=in_research).update(status="in_research")
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    count = page.locator(".result-count")
    expect(count).to_have_text("23 claims")
    held = HeldAnswers(page, "/claims/")
    held.send_the_form_twice(
        lambda: page.locator("#id_status").select_option(label="in research"),
        page.get_by_role("button", name="Filter"),
    )
    expect(count).to_have_text("5 claims")
    page.locator("table.claims thead th a", has_text="Statement").click()
    held.wait_for(3)
    # The Filter button's answer (the same list) comes back first, then the header's.
    page.locator("#results").evaluate("list => { list.dataset.landed = 'first'; }")
    held.let_through(1)
    expect(page.locator("#results[data-landed]")).to_have_count(1)  # stale: dropped
    expect(page).not_to_have_url(re.compile(r"ordering=statement"))
    held.let_through(2)
    expect(heading(page, "Statement")).to_have_attribute("aria-sort", "ascending")
    expect(page).to_have_url(re.compile(r"status=in_research.*ordering=statement"))
    expect(count).to_have_text("5 claims")
    page.wait_for_load_state("networkidle")
    shown = rows(page)
    assert len(shown) == 5 and shown == sorted(shown)
    expect(page.locator("table.claims thead th[aria-sort]")).to_have_count(1)
    screenshot(page, "claims-sorted-after-filter")
