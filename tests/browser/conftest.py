"""Playwright, driving Debian's Chromium against a live test server.

Playwright's own browser download cannot work on these machines, so the tests
launch /usr/bin/chromium (installed by `make test`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Locator, Page, Route, sync_playwright

from tests.conftest import restore_migration_data

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium reaches for Google's services at start-up, and this
# machine's closed network refuses each attempt.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is not at {CHROMIUM}: run `make test`, which installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, for every module that checks its pages (see test_accessibility)."""
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is not at {AXE_JS}: run `make test`, which runs `npm ci`.")
    return AXE_JS.read_text()


@pytest.fixture(autouse=True)
def live_db(transactional_db) -> None:
    """Browser tests share committed data with the live server (autouse, so that
    it comes before the fixtures that create users or load the demo case)."""
    restore_migration_data()


@contextmanager
def browser_tab(
    browser: Browser, base_url: str, locale: str = "en-GB", **options
) -> Iterator[Page]:
    """A fresh browser tab; the test fails if the page logs any error (CSP violations too).

    ``options`` go to the browser context: a viewport, or no JavaScript at all."""
    context = browser.new_context(base_url=base_url, locale=locale, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, f"the browser reported errors: {errors}"


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    with browser_tab(browser, live_server.url) as tab:
        yield tab


def log_in(page: Page, user: User, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(password)
    # Until the next page's load event: its live filters listen once htmx (deferred) runs,
    # and a test that acts at once would act on a page that does not answer yet.
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()


# Set FACTCHECK_SCREENSHOTS to a folder to keep a picture of the pages the tests pass
# through (to look at them, not to compare them).
SCREENSHOTS = os.environ.get("FACTCHECK_SCREENSHOTS", "")


def screenshot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        os.makedirs(SCREENSHOTS, exist_ok=True)
        # caret="initial": hiding the caret would inject a style our CSP refuses.
        page.screenshot(
            path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True, caret="initial"
        )


class HeldAnswers:
    """The htmx answers of the list at ``path``, held until the test lets each through.

    A held answer is one still on its way over a slow network while the person goes on
    clicking; the test chooses the order in which they land. ``let_through`` returns once
    htmx has dealt with the answer (swapped it or dropped it), counted by its
    ``htmx:beforeSwap``: it is sent on the part the answer is for, which stays on the page.
    """

    def __init__(self, page: Page, path: str) -> None:
        self.page = page
        self.routes: list[Route] = []
        page.evaluate(
            "() => { window.heldAnswersLanded = 0;"
            " document.addEventListener('htmx:beforeSwap',"
            " () => { window.heldAnswersLanded += 1; }); }"
        )
        page.route(re.compile(re.escape(path) + r"\?"), self._route)

    def _route(self, route: Route) -> None:
        if route.request.headers.get("hx-request"):
            self.routes.append(route)
        else:
            route.continue_()

    def wait_for(self, count: int) -> None:
        """Until ``count`` requests are held (the browser sends them on its own time)."""
        for _ in range(100):
            if len(self.routes) >= count:
                return
            self.page.wait_for_timeout(50)
        raise AssertionError(f"{count} requests expected, {len(self.routes)} sent")

    def send_the_form_twice(self, choose: Callable[[], object], button: Locator) -> None:
        """A choice sends the list's form (its ``change``) and ``button`` sends it again,
        queued by htmx behind the first: the first answer lands (answer 0), the second
        is held (answer 1), as when the person clicks on before it comes back."""
        choose()
        button.click()
        self.wait_for(1)  # the button's request waits for the first answer
        self.let_through(0)
        self.wait_for(2)

    def let_through(self, index: int) -> None:
        landed = self._landed()
        self.routes[index].continue_()
        for _ in range(100):
            if self._landed() > landed:
                return
            self.page.wait_for_timeout(50)
        raise AssertionError(f"answer {index} let through, never dealt with")

    def _landed(self) -> int:
        return self.page.evaluate("() => window.heldAnswersLanded")
