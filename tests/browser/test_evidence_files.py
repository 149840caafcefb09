"""Evidence that survives, in the browser: a PDF attached and a sentence of it quoted; a
copy of a page kept, the page changed, fetched again, and the difference shown."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from claims.models import Claim, Evidence, Snapshot, Source, SourceKind
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD
from tests.documents import make_image, make_pdf
from tests.test_fetch import ARTICLE
from tests.webserver import Page as WebPage

REGISTRY = (
    "Extrait du registre du commerce de Hangzhou.",
    "La société DeepSeek a été immatriculée le 17 juillet 2023 par Liang Wenfeng.",
    "Capital social : 10 millions de yuans.",
)


@pytest.fixture
def claim(deepseek) -> Claim:
    return Claim.objects.get(statement="DeepSeek was founded in 2021.")


def select_in_text(page: Page, passage: str) -> None:
    page.locator(".pick-text").evaluate(
        """(box, passage) => {
            const text = box.firstChild;
            const start = text.data.indexOf(passage);
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + passage.length);
            document.getSelection().removeAllRanges();
            document.getSelection().addRange(range);
        }""",
        passage,
    )
    page.locator(".pick-text").dispatch_event("mouseup")


def test_attach_a_pdf_and_quote_a_sentence_of_it(
    page: Page, claim: Claim, reviewer: User, tmp_path
) -> None:
    report = tmp_path / "registre-hangzhou.pdf"
    report.write_bytes(make_pdf(*REGISTRY, title="Registre du commerce"))
    wrong = tmp_path / "capture.pdf"
    wrong.write_bytes(make_image())
    log_in(page, reviewer, PASSWORD)
    page.goto(claim.get_absolute_url())
    panel = page.locator("#add-evidence")
    panel.get_by_text("Add evidence", exact=True).first.click()

    # An image named .pdf is refused with the reason, and nothing is kept.
    panel.get_by_label("File").set_input_files(str(wrong))
    panel.get_by_role("button", name="Attach").click()
    expect(page.locator("#add-evidence")).to_contain_text(
        "“capture.pdf” is named as a PDF file but holds a PNG image."
    )
    assert not Source.objects.filter(kind=SourceKind.DOCUMENT).exists()

    page.locator("#add-evidence").get_by_label("File").set_input_files(str(report))
    page.locator("#add-evidence").get_by_role("button", name="Attach").click()
    panel = page.locator("#add-evidence")
    expect(panel).to_contain_text("“Registre du commerce” is attached")
    expect(panel.locator(".pick-text")).to_contain_text("immatriculée le 17 juillet 2023")
    sentence = "La société DeepSeek a été immatriculée le 17 juillet 2023 par Liang Wenfeng."
    select_in_text(page, sentence)
    expect(panel.get_by_label("Excerpt")).to_have_value(sentence)
    panel.get_by_label("Stance").select_option("refutes")
    screenshot(page, "evidence-pdf-quote")
    panel.get_by_role("button", name="Add evidence").click()

    item = page.locator("#evidence .evidence-item").first
    expect(item.locator(".excerpt mark")).to_have_text(sentence)
    expect(item.get_by_role("link", name="Open the file")).to_be_visible()
    evidence = Evidence.objects.get()
    assert evidence.source.text[evidence.excerpt_start : evidence.excerpt_end] == sentence
    # The file itself opens, served as the PDF it is.
    response = page.request.get(f"/files/{evidence.source.file.sha256}/")
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["x-content-type-options"] == "nosniff"
    screenshot(page, "evidence-pdf-added")


def test_keep_a_copy_change_the_page_fetch_again_and_see_the_difference(
    page: Page, claim: Claim, reviewer: User, web
) -> None:
    web.pages["/tarifs"] = WebPage(ARTICLE.encode())
    log_in(page, reviewer, PASSWORD)
    page.goto(claim.get_absolute_url())
    panel = page.locator("#add-evidence")
    panel.get_by_text("Add evidence", exact=True).first.click()
    form = page.locator("#add-evidence-form")
    form.get_by_label("Stance").select_option("context")
    form.get_by_label("URL").fill(web.url("/tarifs"))
    form.get_by_label("Title").fill("Tarifs de l’API")
    form.get_by_label("Keep a copy of the page").check()
    form.get_by_role("button", name="Add evidence").click()

    item = page.locator("#evidence .evidence-item").first
    expect(item.locator(".copy-kept")).to_contain_text("Copy kept on")
    expect(item.locator(".copy-kept")).to_contain_text("(HTTP 200)")
    screenshot(page, "evidence-copy-kept")

    # The page changes; fetching again keeps a second copy and shows what changed.
    web.pages["/tarifs"] = WebPage(ARTICLE.replace("0,14 dollar", "0,55 dollar").encode())
    item.get_by_role("button", name="Fetch again").click()
    expect(page.locator("#evidence .message")).to_contain_text("Copy kept (HTTP 200")
    expect(page.locator("#timeline")).to_contain_text("The text changed since the previous copy.")
    page.locator("#evidence .evidence-item").first.get_by_role(
        "link", name="View the copies (2)"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Copy of the page")
    changes = page.locator("#changes")
    expect(changes).to_contain_text("1 paragraph changed.")
    expect(changes.locator("del")).to_have_text("0,14")
    expect(changes.locator("ins")).to_have_text("0,55")
    screenshot(page, "evidence-copy-diff")
    assert Snapshot.objects.count() == 2

    # A page that is gone: the reason is shown where it was asked, nothing is kept.
    del web.pages["/tarifs"]
    page.get_by_role("link", name=claim.statement[:40], exact=False).first.click()
    page.locator("#evidence .evidence-item").first.get_by_role("button", name="Fetch again").click()
    expect(page.locator("#evidence .error")).to_contain_text("HTTP 404 Not Found")
    assert Snapshot.objects.count() == 2
