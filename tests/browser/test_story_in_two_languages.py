"""A story told in English and in French, taken into the workbench as suggested.

A reviewer imports both articles, accepts every suggestion with one click, without
changing anything, and opens the disagreements page: the articles' conflict and their
corroborations are there, and nothing else is called a conflict. On the way, the
French article's suggestions say how each figure compares with the English claims.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from claims.choices import Agreement
from claims.models import Claim, Dispute
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

ENGLISH = (
    "Kestrel Labs lands €105m as its Falcon-S model takes on the giants\n"
    "\n"
    "Kestrel Labs, the Lisbon start-up founded in March 2019, said on Tuesday it had "
    "raised €105 million from a group of European investors, one of the largest rounds "
    "for an artificial intelligence company in Portugal this year.\n"
    "\n"
    "The money will pay for the training of Falcon-S, the 3.5 billion parameter model "
    "the company released in September. Its engineers trained it on 1.2 trillion tokens "
    "using 4,096 GPUs rented from a data centre in Sines, according to the company's "
    "technical report.\n"
    "\n"
    '"The team now employs 140 people," chief executive Ana Costa said, adding that '
    "Kestrel Labs would open an office in Paris next year.\n"
)

FRENCH = (
    "Kestrel Labs lève 105 millions d'euros pour son modèle Falcon-S\n"
    "\n"
    "La start-up lisboète Kestrel Labs, fondée en 2021, a annoncé mardi une levée de 105 "
    "millions d'euros auprès d'investisseurs européens.\n"
    "\n"
    "Son modèle Falcon-S, qui compte 3,5 milliards de paramètres, a été entraîné sur 4 "
    "000 GPU loués à un centre de données de Sines, selon le rapport technique de "
    "l'entreprise.\n"
    "\n"
    "L'entreprise emploie aujourd'hui 140 personnes, a précisé sa directrice générale, "
    "Ana Costa.\n"
)

SCREENSHOTS = Path(os.environ.get("FACTCHECK_SCREENSHOTS", "/tmp/factcheck-screenshots"))


def import_article(page: Page, text: str, language: str) -> None:
    page.goto("/sources/import/")
    form = page.locator("#article-import-form")
    form.get_by_label("Or paste the text").fill(text)
    form.get_by_label("Language").select_option(label=language)
    form.get_by_label("Publication date").fill("2025-03-12")
    form.get_by_role("button", name="Import").click()
    expect(page.locator(".messages")).to_contain_text("Article imported")


def accept_every_suggestion(page: Page) -> int:
    """Click "Accept" on the first suggestion until none is left; how many were accepted."""
    panel = page.locator(".suggestions")
    accepted = 0
    while panel.get_by_role("button", name="Accept").count():
        before = panel.locator(".suggestion-item").count()
        panel.get_by_role("button", name="Accept").first.click()
        expect(page.locator("#source-workspace [role=status]")).to_contain_text("#")
        expect(panel.locator(".suggestion-item")).to_have_count(before - 1)
        accepted += 1
    return accepted


def test_a_story_in_two_languages_accepted_as_suggested(page: Page, reviewer: User) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    log_in(page, reviewer, PASSWORD)

    import_article(page, ENGLISH, "English")
    expect(page.locator(".suggestion-statement").first).to_be_visible()
    assert accept_every_suggestion(page) >= 7

    import_article(page, FRENCH, "French")
    # Before anything is accepted, each figure says how it compares with what is held.
    panel = page.locator(".suggestions")
    expect(panel.locator(".alignment-conflicts").first).to_contain_text("conflicts with #")
    expect(panel.locator(".alignment-agrees").first).to_contain_text("agrees with #")
    page.screenshot(path=str(SCREENSHOTS / "story-french-suggestions.png"), full_page=True)
    accept_every_suggestion(page)

    # The disagreements page: the founding date conflicts, and only it.
    page.get_by_role("link", name="Disagreements").click()
    rows = page.locator("table.disputes tbody tr")
    expect(page.get_by_role("link", name="Kestrel Labs · founding date")).to_be_visible()
    expect(rows).to_have_count(1)
    page.screenshot(path=str(SCREENSHOTS / "story-conflicts.png"), full_page=True)
    # The figures both articles state alike corroborate each other.
    page.get_by_label("Show").select_option(label="Corroborations")
    for name in (
        "Kestrel Labs · funding raised",
        "Falcon-S · number of parameters",
        "Falcon-S · number of GPUs",
        "Kestrel Labs · number of employees",
    ):
        expect(page.get_by_role("link", name=name)).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "story-corroborations.png"), full_page=True)

    # What the page shows is what the workbench holds.
    conflicts = Dispute.objects.filter(agreement=Agreement.CONFLICT)
    assert [(d.subject.name, d.property.code) for d in conflicts] == [
        ("Kestrel Labs", "founding-date")
    ]
    founded = Claim.objects.filter(subject__name="Kestrel Labs", property__code="founding-date")
    assert sorted(c.value_text for c in founded) == ["2021", "March 2019"]


def test_a_figure_held_many_times_shows_the_latest_and_links_to_the_rest(
    page: Page, reviewer: User
) -> None:
    import datetime

    from claims.choices import ValueKind
    from claims.models import Property, Subject

    kestrel = Subject.objects.create(name="Kestrel Labs")
    founding = Property.objects.get(code="founding-date")
    for i, year in enumerate([2019, 2019, 2021, 2019, 2020, 2019, 2019, 2021]):
        Claim.objects.create(
            statement=f"Kestrel Labs was founded in {year} (source {i}).",
            subject=kestrel,
            property=founding,
            value_kind=ValueKind.DATE,
            value_text=str(year),
            value_date=datetime.date(year, 1, 1),
            value_date_precision="year",
        )
    log_in(page, reviewer, PASSWORD)
    import_article(page, FRENCH, "French")
    item = page.locator(".suggestion-item").filter(has_text="2021").first
    # The five latest claims held, conflicts first, and the three others counted.
    expect(item.locator(".alignment:not(.alignment-more)")).to_have_count(5)
    expect(item.locator(".alignment").first).to_contain_text("conflicts with #")
    more = item.get_by_role("link", name="and 3 more claims held about Kestrel Labs")
    expect(more).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    item.screenshot(path=str(SCREENSHOTS / "suggestion-held-many-times.png"), caret="initial")
    more.click()
    expect(page).to_have_url(re.compile(rf"/subjects/{kestrel.pk}/#subject-claims$"))
    # Every claim held about the subject is listed there.
    expect(page.locator("#subject-claims tbody tr")).to_have_count(8)
