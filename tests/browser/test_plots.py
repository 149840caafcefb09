"""The pictures in the browser: the DeepSeek disputes drawn, a subject's history, the desk."""

from __future__ import annotations

import datetime
import os
import re

from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, expect

from claims import disputes, workflow
from claims.choices import Rating
from claims.models import Claim, Dispute, Source
from tests.browser.conftest import browser_tab, log_in
from tests.conftest import PASSWORD

PARAMETERS = "DeepSeek-R1 has 671 billion parameters."

# Set FACTCHECK_SCREENSHOTS to keep a picture of each plot (to look at, not to compare).
PICTURES = os.environ.get("FACTCHECK_SCREENSHOTS", "")


def picture(page: Page, selector: str, name: str) -> None:
    if PICTURES:
        os.makedirs(PICTURES, exist_ok=True)
        page.locator(selector).first.screenshot(
            path=os.path.join(PICTURES, f"{name}.png"), caret="initial"
        )


def date_the_articles() -> None:
    """The fixture's articles carry no publication date; give them the ones they had."""
    Source.objects.filter(title__startswith="La start-up").update(
        published_on=datetime.date(2025, 1, 27), published_precision="day"
    )
    Source.objects.filter(title__startswith="DeepSeek est devenu").update(
        published_on=datetime.date(2025, 1, 1), published_precision="month"
    )


def test_the_founding_date_and_the_api_price_drawn(
    page: Page, live_server, deepseek, reviewer: User
) -> None:
    disputes.refresh_all()
    date_the_articles()
    log_in(page, reviewer, PASSWORD)
    page.get_by_role("link", name="Disagreements").first.click()
    page.get_by_role("link", name="DeepSeek · founding date").click()

    # One axis of dates; one mark per claim, each in a group of its own (they disagree).
    plot = page.locator("#plot .plot")
    expect(plot).to_have_count(1)
    expect(plot.locator("figcaption")).to_have_text("Date")
    marks = plot.locator(".mark")
    expect(marks).to_have_count(2)
    may, year = marks.nth(0), marks.nth(1)
    expect(may).to_have_attribute("data-group", "A")
    expect(year).to_have_attribute("data-group", "B")
    # A year is a band, a month a shorter band, both labelled with source and date.
    assert "mark-band" in may.get_attribute("class")
    assert "mark-band" in year.get_attribute("class")
    may_width = float(may.locator(".mark-shape").get_attribute("width"))
    year_width = float(year.locator(".mark-shape").get_attribute("width"))
    assert 11 < year_width / may_width < 13.5
    expect(may.locator(".mark-value")).to_have_text("mai 2023")
    expect(year.locator(".mark-value")).to_have_text("2021")
    expect(may.locator(".mark-date")).to_have_text("27 Jan 2025")
    expect(year.locator(".mark-date")).to_have_text("January 2025")
    expect(may.locator("title")).to_contain_text("mai 2023 — ")
    expect(plot.locator(".tick text")).to_have_text(["2021", "2022", "2023"])
    # Focusing a mark (as the keyboard does) shows its quote under the picture.
    quote = plot.locator(".plot-quote")
    may.focus()
    expect(quote).to_contain_text("mai 2023")
    year.hover()
    expect(quote).to_contain_text("Fondée en 2021")
    picture(page, "#plot", "plot-founding-date")

    # The price: two dots on one axis of dollars per million tokens.
    page.get_by_role("link", name="Disagreements").first.click()
    page.get_by_role("link", name="DeepSeek-R1 · price").click()
    plot = page.locator("#plot .plot")
    expect(plot).to_have_count(1)
    expect(plot.locator("figcaption")).to_have_text("USD per 1,000,000 token")
    marks = plot.locator(".mark")
    expect(marks).to_have_count(2)
    expect(marks.locator(".mark-value")).to_have_text(["0,14 $", "0,55 $"])
    expect(marks.locator("circle.mark-shape")).to_have_count(2)
    cheap, dear = (float(m.get_attribute("cx")) for m in marks.locator("circle").all())
    assert cheap < dear
    expect(plot.locator("svg")).to_have_attribute("data-scale", "linear")
    picture(page, "#plot", "plot-api-price")
    # On paper: the same picture, in print colours, without the hover line.
    page.emulate_media(media="print")
    expect(plot.locator(".plot-quote")).to_be_hidden()
    picture(page, "#plot", "plot-api-price-print")


def test_the_desk_s_weeks_on_the_dashboard(
    page: Page, live_server, deepseek, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(statement=PARAMETERS)
    verdict = workflow.propose_verdict(
        claim, by=reviewer, rating=Rating.TRUE, rationale="The model card says 671B."
    )
    workflow.approve_verdict(verdict, by=editor)
    log_in(page, editor, PASSWORD)
    page.get_by_role("link", name="Dashboard").click()
    charts = page.locator(".desk-weeks .chart")
    expect(charts).to_have_count(3)
    expect(charts.locator("figcaption")).to_have_text(
        [
            "Claims by status, at the end of each week",
            "Verdicts published per week",
            "Days from a claim to its published verdict",
        ]
    )
    # This week's stack holds every claim of the demo case; one verdict is published.
    total = Claim.objects.count()
    statuses = charts.nth(0).locator("table tbody tr").last.locator("td")
    assert sum(int(n) for n in statuses.all_inner_texts()) == total
    expect(charts.nth(1).locator("rect.bar")).to_have_count(1)
    expect(charts.nth(1).locator("table tbody tr").last.locator("td")).to_have_text("1")
    expect(charts.nth(2).locator("circle.point")).to_have_count(2)
    expect(page.locator(".desk-numbers")).to_contain_text("1 verdict published")
    picture(page, ".desk-weeks", "desk-weeks")


def test_a_subject_s_values_over_time(page: Page, live_server, deepseek, reviewer: User) -> None:
    date_the_articles()
    log_in(page, reviewer, PASSWORD)
    page.get_by_role("link", name="Subjects").first.click()
    page.get_by_role("link", name="DeepSeek", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("DeepSeek")
    founded = page.locator("#history .history").filter(has_text="founding date")
    marks = founded.locator(".mark")
    expect(marks).to_have_count(2)
    # In the order the sources were published: the blog post of January, then the article.
    expect(marks.locator("title")).to_have_text(
        [
            re.compile(r"^2021 — DeepSeek est devenu.*, January 2025$"),
            re.compile(r"^mai 2023 — La start-up.*, 27 Jan 2025$"),
        ]
    )
    marks.nth(0).focus()
    expect(founded.locator(".plot-quote")).to_contain_text("Fondée en 2021")
    # The numbers for screen readers.
    expect(founded.locator("table tbody tr")).to_have_count(2)
    picture(page, "#history", "subject-history")


def test_the_pictures_in_french(browser: Browser, live_server, deepseek, reviewer: User) -> None:
    disputes.refresh_all()
    date_the_articles()
    with browser_tab(browser, live_server.url, locale="fr-FR") as page:
        french_dispute_page(page, reviewer)


def french_dispute_page(page: Page, reviewer: User) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Nom d’utilisateur").fill(reviewer.get_username())
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.get_by_role("link", name="Désaccords", exact=True).click()
    # (The property's French label depends on which test restored the vocabulary last.)
    page.locator("table.disputes tr", has_text="mai 2023").get_by_role("link").click()
    plot = page.locator("#plot .plot")
    expect(plot.locator("figcaption")).to_have_text("Date")
    expect(plot.locator(".mark-date")).to_have_text(["27 jan. 2025", "janvier 2025"])
    expect(plot.locator(".plot-quote")).to_have_text(
        "Survolez une marque, ou atteignez-la au clavier, pour en lire la citation."
    )
    picture(page, "#plot", "plot-founding-date-fr")


def test_a_resolved_price_dispute_with_agreeing_claims(
    page: Page, live_server, deepseek, reviewer: User, editor: User, second_editor: User
) -> None:
    from decimal import Decimal

    from claims.models import Subject
    from tests.factories import make_claim, make_source

    disputes.refresh_all()
    date_the_articles()
    # A third source agrees with $0.55 (within the 5 % tolerance): they share a band.
    make_claim(
        subject=Subject.objects.get(name="DeepSeek-R1"),
        property_code="price-per-unit",
        source=make_source(title="DeepSeek API pricing page", publisher="DeepSeek"),
        statement="DeepSeek-R1 costs $0.56 per million input tokens.",
        value_kind="money",
        value_text="$0.56",
        value_number=Decimal("0.56"),
        value_unit="token",
        value_per=Decimal(1_000_000),
        value_currency="USD",
    )
    dispute = Dispute.objects.get(subject__name="DeepSeek-R1", property__code="price-per-unit")
    uncached = Claim.objects.get(subject__name="DeepSeek-R1", value_text="0,55 $")
    resolution = disputes.propose_resolution(
        dispute, by=reviewer, claim=uncached, note="The pricing page: $0.55 uncached input."
    )
    disputes.confirm_resolution(resolution, by=second_editor)

    log_in(page, editor, PASSWORD)
    page.get_by_role("link", name="Disagreements").first.click()
    page.get_by_label("Show").select_option(label="Resolved")
    page.get_by_role("link", name=re.compile(r"^DeepSeek-R1 · ")).click()
    plot = page.locator("#plot .plot")
    marks = plot.locator(".mark")
    expect(marks).to_have_count(3)
    expect(marks.locator(".mark-value")).to_have_text(["0,14 $", "0,55 $", "$0.56"])
    expect(marks.nth(0)).to_have_class(re.compile(r"\brank-superseded\b"))
    expect(marks.nth(1)).to_have_class(re.compile(r"\brank-preferred\b"))
    expect(marks.nth(2)).to_have_class(re.compile(r"\brank-preferred\b"))
    expect(plot.locator(".preferred-ring")).to_have_count(2)
    # $0.55 and $0.56 agree: one group, drawn as one band behind both marks.
    assert [m.get_attribute("data-group") for m in marks.all()] == ["A", "B", "B"]
    band = plot.locator("rect.group-band")
    expect(band).to_have_count(1)
    expect(band).to_have_attribute("data-group", "B")
    x, width = float(band.get_attribute("x")), float(band.get_attribute("width"))
    for mark in marks.all()[1:]:
        assert x < float(mark.locator("circle.mark-shape").get_attribute("cx")) < x + width
    picture(page, "#plot", "plot-api-price-resolved")


def test_a_dispute_of_more_claims_than_the_table_compares_is_drawn_whole(
    page: Page, live_server, reviewer: User
) -> None:
    from claims.views.disputes import COMPARED
    from tests.factories import make_claim, make_source, make_subject

    subject = make_subject("Valmont")
    count = COMPARED + 3
    for year in range(2000, 2000 + count):
        make_claim(
            subject=subject,
            property_code="founding-date",
            source=make_source(title=f"Annuaire {year}", publisher=f"Annuaire {year}"),
            statement=f"Valmont was founded in {year}.",
            value_kind="date",
            value_text=str(year),
            value_date=datetime.date(year, 1, 1),
            value_date_precision="year",
        )
    dispute = Dispute.objects.get(subject=subject)
    log_in(page, reviewer, PASSWORD)
    page.goto(live_server.url + dispute.get_absolute_url())
    # A few hundred claims at most are drawn one by one: all eleven here.
    marks = page.locator("#plot .mark")
    expect(marks).to_have_count(count)
    expect(page.locator("#plot [data-count]")).to_have_count(0)
    # The table compares the latest of each value (each year is one), the rest are a
    # link away; every value group is offered.
    table = page.locator("#values table.comparison")
    expect(table.locator("thead th")).to_have_count(COMPARED)
    expect(table.locator("caption")).to_contain_text(f"{COMPARED} of {count}.")
    expect(page.locator("#values").get_by_role("link", name="and 3 more claims")).to_be_visible()
    expect(page.locator('input[name="supported"]')).to_have_count(count + 1)
    picture(page, "#values", "dispute-table-latest")
