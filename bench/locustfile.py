"""Reviewers at work, for ``make loadtest``: browse the list, search, open claims, add evidence.

Each simulated reviewer logs in through the login form, then keeps browsing
with a short pause between clicks. Adding evidence goes through the claim
page's own form: the CSRF token is read from the page, the form is posted,
and the request counts as failed unless the claim page comes back saying the
evidence was added.

    FACTCHECK_BENCH_PASSWORD=... locust -f bench/locustfile.py --headless \
        -u 20 -r 5 -t 60s --host http://127.0.0.1:8001

The accounts are the ones ``generate_demo_data`` makes (demo-reviewer-01…08,
demo-editor-01…04), all with the password it was given. ``bench.loadtest``
logs each in once beforehand and hands the sessions over in
FACTCHECK_BENCH_SESSIONS, so that the minute measured is spent browsing, not
hashing passwords; without it, each simulated reviewer logs in itself.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

ACCOUNTS = [f"demo-reviewer-{n:02d}" for n in range(1, 9)] + [
    f"demo-editor-{n:02d}" for n in range(1, 5)
]
PASSWORD = os.environ.get("FACTCHECK_BENCH_PASSWORD", "")
# What reviewers type in the search box: accents or not, words of the claims.
SEARCHES = ["parametres", "fondée", "milliards", "chine", "salariés", "licence", "GPU", "siege"]
STATUSES = ["new", "in_research", "verdict_proposed", "published"]

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CLAIM_LINK = re.compile(r'href="/claims/(\d+)/"')
_accounts = itertools.cycle(ACCOUNTS)
SESSIONS = json.loads(os.environ.get("FACTCHECK_BENCH_SESSIONS") or "[]")
_sessions = itertools.cycle(SESSIONS)


class Reviewer(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.claim_ids: list[int] = []
        self.open_claim_ids: list[int] = []
        if SESSIONS:
            # Sessions made by `bench.loadtest` through the same login form.
            self.client.cookies.update(next(_sessions))
            return
        if not PASSWORD:
            raise RuntimeError("Set FACTCHECK_BENCH_PASSWORD to the demo accounts' password.")
        page = self.client.get("/accounts/login/", name="login form")
        token = CSRF.search(page.text).group(1)
        with self.client.post(
            "/accounts/login/",
            data={"username": next(_accounts), "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="log in",
            catch_response=True,
        ) as response:
            # A successful login redirects to the dashboard; a refused one shows the form again.
            if "/accounts/login/" in response.url:
                response.failure("login refused")

    def _remember(self, html: str, *, open_claims: bool = False) -> None:
        ids = [int(pk) for pk in CLAIM_LINK.findall(html)]
        if ids:
            if open_claims:
                self.open_claim_ids = ids
            else:
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
        self._remember(response.text, open_claims=status == "in_research")

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

    @task(1)
    def add_evidence(self) -> None:
        if not self.open_claim_ids:
            response = self.client.get("/claims/?status=in_research", name="/claims/?status=S")
            self._remember(response.text, open_claims=True)
            if not self.open_claim_ids:
                return
        pk = random.choice(self.open_claim_ids)
        page = self.client.get(f"/claims/{pk}/", name="/claims/ID/")
        match = CSRF.search(page.text)
        if match is None:
            return
        form = {
            "csrfmiddlewaretoken": match.group(1),
            "new-stance": random.choice(["supports", "refutes", "mixed", "context"]),
            "new-url": f"https://registre.example.fr/load-test/{random.randint(1, 10**9)}",
            "new-title": "Registre du commerce",
            "new-excerpt": "Le document officiel donne la même valeur.",
            "new-note": "Added by the load test.",
        }
        with self.client.post(
            f"/claims/{pk}/evidence/", data=form, name="add evidence", catch_response=True
        ) as response:
            if response.status_code != 200 or "Evidence added" not in response.text:
                response.failure(f"evidence not added (status {response.status_code})")
