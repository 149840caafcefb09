"""A desk at work, for ``make loadtest``: reviewers and editors browsing, searching and deciding.

Reviewers browse the list, filter it, search, open claims, add evidence and
propose verdicts; editors read the same pages and approve verdicts that someone
else proposed (the four-eyes rule: an author may not approve their own). Each
simulated person pauses 0.5-1.5 s between clicks, and most clicks are reads.

Every write goes through the claim page's own form, as a person's browser
sends it: the page is fetched, the form and its CSRF token are read from it,
the form is posted, and the request counts as failed unless the page that comes
back says it worked ("Evidence added.", "Verdict proposed.", "Verdict
approved"). A claim whose page has no such form (closed meanwhile, or a verdict
this editor wrote) is skipped, not posted to.

Two simulated people never work on the same claim at the same moment: a desk
divides its claims, and the app rightly refuses the second of two colliding
edits ("someone else proposed a verdict while you were writing yours"), which
would be counted as an error here although it is the app doing its job.
``_taken`` holds the claims someone is working on (locust runs every simulated
person in this one process). The writes are tagged ``write``: ``--tags write``
runs only them (the test suite's short run, ``tests/test_loadtest.py``).

    FACTCHECK_BENCH_PASSWORD=... locust -f bench/locustfile.py --headless \
        -u 50 -r 50 -t 120s --host http://127.0.0.1:8001

The accounts are the ones ``generate_demo_data`` makes (demo-reviewer-01…08,
demo-editor-01…04), all with the password it was given. ``bench.loadtest``
logs each in once beforehand and hands the sessions over in
FACTCHECK_BENCH_SESSIONS (``{username: cookies}``), so that the time measured
is spent working, not hashing passwords; without it, each simulated person
logs in itself.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import random
import re
from collections.abc import Iterator

from locust import HttpUser, between, tag, task

REVIEWERS = [f"demo-reviewer-{n:02d}" for n in range(1, 9)]
EDITORS = [f"demo-editor-{n:02d}" for n in range(1, 5)]
ACCOUNTS = REVIEWERS + EDITORS
PASSWORD = os.environ.get("FACTCHECK_BENCH_PASSWORD", "")
# What reviewers type in the search box: accents or not, words of the claims.
SEARCHES = ["parametres", "fondée", "milliards", "chine", "salariés", "licence", "GPU", "siege"]
STATUSES = ["new", "in_research", "verdict_proposed", "published"]
RATINGS = ["true", "mostly_true", "mixed", "mostly_false", "false", "misleading"]
# Pages of a status filter the workers pick their next claim from: a random page, so that
# fifty people do not all start at the top of the same list (the list clamps to its last).
WORK_PAGES = 200

# The success messages the app shows after each write (English: the demo accounts' language).
EVIDENCE_ADDED = "Evidence added."
VERDICT_PROPOSED = "Verdict proposed. An editor other than you must approve it."
VERDICT_APPROVED = "Verdict approved: the claim is published."

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CLAIM_LINK = re.compile(r'href="/claims/(\d+)/"')
APPROVE = re.compile(r'formaction="(/claims/\d+/verdicts/\d+/approve/)"')
REPLACES = re.compile(r'<input type="hidden" name="replaces"(?: value="(\d*)")?')

SESSIONS: dict[str, dict[str, str]] = json.loads(os.environ.get("FACTCHECK_BENCH_SESSIONS") or "{}")
# Claims a simulated person is working on (page read, form not yet posted) or has
# just changed: the others leave them alone, as colleagues on a desk do.
_taken: set[int] = set()


def _accounts(names: list[str]) -> Iterator[str]:
    return itertools.cycle(names)


class Worker(HttpUser):
    """What reviewers and editors share: logging in and reading."""

    abstract = True
    wait_time = between(0.5, 1.5)
    accounts: Iterator[str]

    def on_start(self) -> None:
        self.claim_ids: list[int] = []
        self.username = next(self.accounts)
        if SESSIONS:
            # A session made by `bench.loadtest` through the same login form.
            self.client.cookies.update(SESSIONS[self.username])
            return
        if not PASSWORD:
            raise RuntimeError("Set FACTCHECK_BENCH_PASSWORD to the demo accounts' password.")
        page = self.client.get("/accounts/login/", name="login form")
        token = CSRF.search(page.text).group(1)
        with self.client.post(
            "/accounts/login/",
            data={"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="log in",
            catch_response=True,
        ) as response:
            # A successful login redirects to the dashboard; a refused one shows the form again.
            if "/accounts/login/" in response.url:
                response.failure("login refused")

    def _remember(self, text: str) -> None:
        ids = [int(pk) for pk in CLAIM_LINK.findall(text)]
        if ids:
            self.claim_ids = ids

    @task(4)
    def browse_list(self) -> None:
        page = random.randint(1, 50)
        response = self.client.get(f"/claims/?page={page}", name="/claims/?page=N")
        self._remember(response.text)

    @task(2)
    def filter_by_status(self) -> None:
        status = random.choice(STATUSES)
        response = self.client.get(f"/claims/?status={status}", name="/claims/?status=S")
        self._remember(response.text)

    @task(2)
    def search(self) -> None:
        query = random.choice(SEARCHES)
        response = self.client.get(f"/claims/?q={query}", name="/claims/?q=WORD")
        self._remember(response.text)

    @task(4)
    def open_claim(self) -> None:
        if not self.claim_ids:
            return self.browse_list()
        self.client.get(f"/claims/{random.choice(self.claim_ids)}/", name="/claims/ID/")

    def take_claim(self, status: str, want: str) -> tuple[int, str] | None:
        """A claim in ``status`` that no one else is working on, with its page, if it has ``want``.

        ``want`` is the form the page must show (the evidence form, the verdict
        form, the approve button); without it the claim is let go and ``None``
        returned: the work goes to another claim next time.
        """
        page = random.randint(1, WORK_PAGES)
        listing = self.client.get(
            f"/claims/?status={status}&page={page}", name=f"/claims/?status={status}&page=N"
        )
        free = [int(pk) for pk in CLAIM_LINK.findall(listing.text) if int(pk) not in _taken]
        if not free:
            return None
        pk = random.choice(free)
        _taken.add(pk)
        claim_page = self.client.get(f"/claims/{pk}/", name="/claims/ID/")
        if claim_page.status_code != 200 or want not in claim_page.text:
            _taken.discard(pk)
            return None
        return pk, claim_page.text


class Reviewer(Worker):
    """Researches claims: reads mostly, adds evidence, proposes verdicts."""

    weight = 5
    accounts = _accounts(REVIEWERS)

    @task(1)
    @tag("write")
    def add_evidence(self) -> None:
        taken = self.take_claim("in_research", 'id="add-evidence-form"')
        if taken is None:
            return
        pk, text = taken
        form = {
            "csrfmiddlewaretoken": CSRF.search(text).group(1),
            "new-stance": random.choice(["supports", "refutes", "mixed", "context"]),
            "new-url": f"https://registre.example.fr/load-test/{random.randint(1, 10**9)}",
            "new-title": "Registre du commerce",
            "new-excerpt": "Le document officiel donne la même valeur.",
            "new-note": "Added by the load test.",
        }
        try:
            with self.client.post(
                f"/claims/{pk}/evidence/", data=form, name="add evidence", catch_response=True
            ) as response:
                if response.status_code != 200 or EVIDENCE_ADDED not in response.text:
                    response.failure(f"evidence not added (status {response.status_code})")
        finally:
            _taken.discard(pk)

    @task(1)
    @tag("write")
    def propose_verdict(self) -> None:
        # A claim in research with no verdict waiting: the form is open, "Propose a verdict".
        taken = self.take_claim("in_research", 'id="propose-form"')
        if taken is None:
            return
        pk, text = taken
        if "pending-verdict" in text:
            # Someone's verdict waits for review: proposing would replace it, not propose.
            _taken.discard(pk)
            return
        replaces = REPLACES.search(text)
        form = {
            "csrfmiddlewaretoken": CSRF.search(text).group(1),
            "replaces": (replaces.group(1) or "") if replaces else "",
            "rating": random.choice(RATINGS),
            "rationale": "Le registre du commerce donne une autre valeur que la déclaration.",
        }
        try:
            with self.client.post(
                f"/claims/{pk}/verdicts/", data=form, name="propose verdict", catch_response=True
            ) as response:
                if response.status_code != 200 or VERDICT_PROPOSED not in response.text:
                    response.failure(f"verdict not proposed (status {response.status_code})")
        finally:
            _taken.discard(pk)


class Editor(Worker):
    """Reads as reviewers do, and approves verdicts that a colleague proposed."""

    weight = 1
    accounts = _accounts(EDITORS)

    @task(2)
    @tag("write")
    def approve_verdict(self) -> None:
        # The approve button is shown only to an editor who did not write the verdict.
        taken = self.take_claim("verdict_proposed", 'id="review-form"')
        if taken is None:
            return
        pk, text = taken
        action = APPROVE.search(text)
        if action is None:
            _taken.discard(pk)
            return
        form = {"csrfmiddlewaretoken": CSRF.search(text).group(1), "comment": "Sources checked."}
        try:
            with self.client.post(
                html.unescape(action.group(1)),
                data=form,
                name="approve verdict",
                catch_response=True,
            ) as response:
                if response.status_code != 200 or VERDICT_APPROVED not in response.text:
                    response.failure(f"verdict not approved (status {response.status_code})")
        finally:
            _taken.discard(pk)
