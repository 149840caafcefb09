"""Claims out and in, as a reviewer does it: export the filtered list, import a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import re

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from claims import workflow
from claims.exports import BOM, header_row
from claims.filters import ClaimFilter
from claims.models import Claim, Subject
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

IMPORT_HEADER = "Statement,Subject,Property,Value kind,Stated value,Normalised value\n"


def watch_htmx(page: Page) -> None:
    """Count the page's htmx requests in flight and note when the last one ended."""
    page.evaluate(
        """() => {
            window.htmxInFlight = 0;
            window.htmxQuietSince = performance.now();
            document.body.addEventListener("htmx:beforeRequest", () => { window.htmxInFlight++; });
            document.body.addEventListener("htmx:afterRequest", () => {
                window.htmxInFlight--;
                window.htmxQuietSince = performance.now();
            });
        }"""
    )


def wait_for_htmx_quiet(page: Page, ms: int = 500) -> None:
    """Wait until no htmx request has run for ``ms``.

    Leaving the search box fires one more "change" request a moment after the
    last filter; the live server shares one SQLite connection between its
    threads, so the export must not run at the same time as it.
    """
    page.wait_for_function(
        f"() => window.htmxInFlight === 0 && performance.now() - window.htmxQuietSince > {ms}"
    )


def csv_file(text: str) -> dict:
    return {"name": "claims.csv", "mimeType": "text/csv", "buffer": text.encode("utf-8")}


def test_the_export_holds_exactly_the_filtered_rows(page: Page, deepseek, reviewer: User) -> None:
    # One DeepSeek-R1 claim is in research, so the status filter leaves it out.
    in_research = Claim.objects.get(statement__startswith="Using DeepSeek-R1")
    workflow.start_research(in_research, by=reviewer)
    expected = ClaimFilter({"q": "deepseek-r1", "status": "new"}, queryset=Claim.objects.all())
    expected_count = expected.qs.count()
    assert 0 < expected_count < Claim.objects.count()

    log_in(page, reviewer, PASSWORD)
    page.get_by_role("link", name="Claims", exact=True).click()
    rows = page.locator("table.claims tbody tr")
    expect(rows).to_have_count(Claim.objects.count())
    # The rows are there while the page is still parsing; the live search listens only
    # once htmx (a deferred script) has run.
    page.wait_for_load_state()
    watch_htmx(page)
    page.get_by_label("Search").fill("deepseek-r1")
    expect(page).to_have_url(re.compile(r"q=deepseek-r1"))
    page.locator("#id_status").select_option("new")
    expect(page).to_have_url(re.compile(r"status=new"))
    expect(rows).to_have_count(expected_count)
    wait_for_htmx_quiet(page)
    shown = [
        int(v)
        for v in page.locator("table.claims tbody input[name=claims]").evaluate_all(
            "boxes => boxes.map(box => box.value)"
        )
    ]

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export CSV").click()
    download = download_info.value
    assert re.fullmatch(r"claims-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    text = download.path().read_text(encoding="utf-8")
    assert text.startswith(BOM)
    reader = csv.DictReader(io.StringIO(text[len(BOM) :], newline=""))
    assert reader.fieldnames == header_row()
    exported = [int(row["Claim ID"]) for row in reader]

    assert exported == shown
    assert in_research.pk not in exported
    assert set(exported) == set(expected.qs.values_list("pk", flat=True))


def test_a_reviewer_imports_a_spreadsheet(page: Page, deepseek, reviewer: User) -> None:
    before = Claim.objects.count()
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/")
    page.get_by_role("link", name="Import CSV").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import claims")

    page.get_by_label("CSV file").set_input_files(
        csv_file(
            IMPORT_HEADER
            + "DeepSeek-V3 was trained for $5.6 million.,DeepSeek-V3,training-cost,money,"
            '"5,6 millions de dollars",5600000\n'
            "\"'=Le « coût » réel, selon l'article\",R1,benchmark-standing,,,\n"
        )
    )
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("#import-preview")
    expect(preview).to_contain_text("2 claims are ready to import.")
    expect(preview.locator("tbody tr")).to_have_count(2)
    expect(preview.locator("tbody tr").first).to_contain_text("new subject")
    assert Claim.objects.count() == before

    page.get_by_role("button", name="Import 2 claims").click()
    expect(page).to_have_url(re.compile(r"/claims/$"))
    expect(page.locator(".messages")).to_contain_text("2 claims imported")
    assert Claim.objects.count() == before + 2
    costly = Claim.objects.get(statement__startswith="DeepSeek-V3")
    assert (costly.subject.name, str(costly.value_number)) == ("DeepSeek-V3", "5600000.0000000000")
    # The alias "R1" is the existing DeepSeek-R1, and the apostrophe is taken off again.
    quoted = Claim.objects.get(statement="=Le « coût » réel, selon l'article")
    assert quoted.subject.name == "DeepSeek-R1"


def test_a_bad_spreadsheet_shows_its_errors_and_nothing_is_written(
    page: Page, deepseek, reviewer: User
) -> None:
    claims, subjects = Claim.objects.count(), Subject.objects.count()
    log_in(page, reviewer, PASSWORD)
    page.goto("/claims/import/")
    page.get_by_label("CSV file").set_input_files(
        csv_file(
            IMPORT_HEADER
            + "A fine claim.,Brand new subject,founding-date,date,2019,2019\n"
            + "Shoes.,DeepSeek,shoe-size,,,\n"
            + ",DeepSeek,founding-date,,,\n"
            + "Founded when?,DeepSeek,founding-date,date,bientôt,soon\n"
        )
    )
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("#import-preview")
    expect(preview.get_by_role("alert")).to_contain_text("Nothing was imported: 3 rows have errors")
    errors = preview.locator("tbody tr.row-error")
    expect(errors).to_have_count(3)
    expect(errors.nth(0)).to_contain_text("Unknown property “shoe-size”")
    expect(errors.nth(1)).to_contain_text("The statement is empty.")
    expect(errors.nth(2)).to_contain_text("“soon” is not a date")
    expect(page.get_by_role("button", name=re.compile("^Import"))).to_have_count(0)
    assert (Claim.objects.count(), Subject.objects.count()) == (claims, subjects)

    # A file that is not text at all is refused as a whole.
    page.get_by_label("CSV file").set_input_files(
        {"name": "photo.csv", "mimeType": "text/csv", "buffer": b"\x89PNG\r\n\x1a\n\x00\x00"}
    )
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#import-upload-form .error")).to_contain_text("not a CSV file")
    assert Claim.objects.count() == claims


def test_a_published_claim_page_carries_its_claimreview(
    page: Page, deepseek, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(statement="DeepSeek was founded in 2021.")
    verdict = workflow.propose_verdict(
        claim, by=reviewer, rating="false", rationale="Founded in July 2023 </script>."
    )
    workflow.approve_verdict(verdict, by=editor)

    log_in(page, reviewer, PASSWORD)
    page.goto(claim.get_absolute_url())
    script = page.locator('script[type="application/ld+json"]')
    expect(script).to_have_count(1)
    document = json.loads(script.text_content())
    assert document["@type"] == "ClaimReview"
    assert document["claimReviewed"] == claim.statement
    assert document["reviewRating"]["ratingValue"] == 1
    assert document["reviewRating"]["alternateName"] == "false"
    assert document["reviewBody"] == "Founded in July 2023 </script>."
    # The page fixture fails the test if the browser logged any error, CSP reports included:
    # a JSON-LD script is data, which the CSP's script-src does not govern.
