"""The interface in French: chosen in the header, or asked for by the browser."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page, expect

from claims import dates
from claims.choices import ClaimStatus
from claims.models import Claim
from tests.browser.conftest import browser_tab, log_in
from tests.conftest import PASSWORD
from tests.test_i18n import compile_french_catalogue

# The month by its French name, the 24-hour clock: "4 déc. 2026", "4 déc. 2026, 04:08".
FRENCH_DATE = re.compile(r"^\d{1,2} [a-zéû]+\.? \d{4}$")
FRENCH_DATETIME = re.compile(r"^\d{1,2} [a-zéû]+\.? \d{4}, \d{2}:\d{2}$")


def log_in_in_french(page: Page, user: User) -> None:
    """On the login page: its form in French."""
    page.get_by_label("Nom d’utilisateur").fill(user.get_username())
    page.get_by_label("Mot de passe").fill(PASSWORD)
    with page.expect_navigation():  # until htmx listens (see conftest.log_in)
        page.get_by_role("button", name="Connexion").click()


@pytest.fixture(autouse=True)
def compiled_catalogue() -> None:
    compile_french_catalogue()


def in_research(statement: str) -> Claim:
    claim = Claim.objects.get(statement=statement)
    Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.IN_RESEARCH)
    claim.refresh_from_db()
    return claim


def test_a_reviewer_switches_to_french_and_it_sticks(page: Page, deepseek, reviewer: User) -> None:
    claim = in_research("DeepSeek was founded in May 2023.")
    log_in(page, reviewer, PASSWORD)
    page.get_by_role("link", name="Claims", exact=True).click()
    expect(page.get_by_role("heading", name="Claims", level=1)).to_be_visible()

    # The switch in the header, as a person uses it.
    page.get_by_label("Interface language").select_option(label="Français")
    page.get_by_role("button", name="Switch language").click()

    # Back on the same list, now in French.
    expect(page).to_have_url(re.compile(r"/claims/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", name="Affirmations", level=1)).to_be_visible()
    expect(page.get_by_text("23 affirmations")).to_be_visible()
    row = page.locator("table.claims tbody tr", has_text=claim.statement)
    expect(row.locator(".badge.status-in_research")).to_have_text("en cours de vérification")
    expect(page.locator(".badge.status-new").first).to_have_text("nouvelle")
    with translation.override("fr"):
        updated = dates.format_date(timezone.localtime(claim.updated_at).date())
    expect(row.locator("time")).to_have_text(updated)
    # The article's words are never translated: the statement reads as it was written.
    expect(row.get_by_role("link", name=claim.statement)).to_be_visible()

    # The next page is French too: the claim, its timeline dated the French way.
    row.get_by_role("link", name=claim.statement).click()
    expect(page.get_by_role("heading", name="Où elle apparaît")).to_be_visible()
    expect(page.get_by_label("Langue de l’interface")).to_have_value("fr")
    page.get_by_label("Commentaire").fill("Registre du commerce consulté.")
    page.get_by_role("button", name="Commenter").click()
    expect(page.locator("#comments")).to_contain_text("Registre du commerce consulté.")
    expect(page.locator("#timeline time").first).to_have_text(FRENCH_DATETIME)

    # Logging out and in again keeps the choice: it lives in a lasting cookie.
    page.get_by_role("button", name="Déconnexion").click()
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible()
    log_in_in_french(page, reviewer)
    expect(page.get_by_role("heading", name="Tableau de bord", level=1)).to_be_visible()
    cookie = next(c for c in page.context.cookies() if c["name"] == "django_language")
    assert cookie["value"] == "fr"
    assert cookie["expires"] > time.time() + 300 * 24 * 3600  # survives closing the browser

    # And back to English the same way.
    page.get_by_label("Langue de l’interface").select_option(label="English")
    page.get_by_role("button", name="Changer de langue").click()
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()


@pytest.fixture
def french_page(browser: Browser, live_server) -> Iterator[Page]:
    """A browser set to French: it asks for French in every request's Accept-Language."""
    with browser_tab(browser, live_server.url, locale="fr-FR") as tab:
        yield tab


def test_a_french_browser_sees_french_without_switching(
    french_page: Page, deepseek, reviewer: User
) -> None:
    page = french_page
    page.goto("/claims/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible()
    expect(page.get_by_label("Langue de l’interface")).to_have_value("fr")

    log_in_in_french(page, reviewer)

    expect(page).to_have_url(re.compile(r"/claims/$"))
    expect(page.get_by_role("heading", name="Affirmations", level=1)).to_be_visible()
    expect(page.locator(".badge.status-new").first).to_have_text("nouvelle")
    expect(page.locator("table.claims tbody time").first).to_have_text(FRENCH_DATE)
    # Nobody chose anything: the browser's language is enough, no cookie is set.
    assert "django_language" not in {c["name"] for c in page.context.cookies()}


def test_a_french_reviewer_meets_no_english(french_page: Page, deepseek, reviewer: User) -> None:
    page = french_page
    page.goto("/claims/")
    log_in_in_french(page, reviewer)
    row = page.locator("table.claims tbody tr", has_text="DeepSeek was founded in May 2023.")
    expect(row.locator("td").nth(4)).to_have_text("date de création")
    expect(page.get_by_label("Langue", exact=True).locator("option:checked")).to_have_text(
        "indifférent"
    )
    page.get_by_label("Langue", exact=True).select_option(label="Français")
    expect(page).to_have_url(re.compile(r"language=fr"))
    expect(page.get_by_label("En désaccord")).to_contain_text("oui")

    # A new property is labelled in both languages, and read in French here.
    page.get_by_role("link", name="Propriétés").click()
    page.get_by_label("Libellé anglais").fill("Ridership")
    page.get_by_label("Libellé français").fill("Fréquentation")
    page.get_by_role("button", name="Ajouter la propriété").click()
    expect(page.locator("table.claims")).to_contain_text("Fréquentation")
    expect(page.locator("table.claims")).not_to_contain_text("Ridership")
