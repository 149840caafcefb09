"""Reviewers at work at the same time, against gunicorn with several workers: nothing lost.

The app runs as in production: ``factcheck.settings`` with DEBUG off, a secret
key, allowed hosts, collected static files and the database options it ships
with, served by gunicorn with ``ops/gunicorn.conf.py`` (3 processes of 2
threads). The database is real: a SQLite file in a temporary folder when the
suite runs on SQLite, a database of its own on the suite's PostgreSQL server
when it runs there (created, then dropped).

Eight reviewers log in through the login form, then at once add evidence and
propose verdicts over HTTP: each on claims of their own, and all of them on two
shared claims, so that the row locks of ``claims.workflow`` are contended.
Afterwards the database itself is read: every piece of evidence and every
verdict a 302 acknowledged is there, and nothing else; each claim's version
went up once per write (no lost update); the timeline has one event per write;
a claim has at most one proposed verdict, the latest; no response was a 5xx
and gunicorn's log has no traceback and no "database is locked".

Select it with ``pytest -m concurrency``; ``-s`` prints the numbers (requests,
time, statuses, verdicts refused because a colleague's came first).
"""

from __future__ import annotations

import html
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

pytestmark = pytest.mark.concurrency

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 3
THREADS = 2
REVIEWERS = 8
ROUNDS = 10
PASSWORD = "a-long-concurrency-passphrase-42"
STANCES = ["supports", "refutes", "mixed", "context"]
RATINGS = ["true", "mostly_true", "mixed", "mostly_false", "false", "misleading"]
STALE_VERDICT = "Someone else proposed a verdict while you were writing yours"
SERVER_ERRORS = ["Traceback", "database is locked", "WORKER TIMEOUT", "Internal Server Error"]

# The production settings with two test-only changes: static files collected into
# the test's folder (settings fix STATIC_ROOT in the project), and no gzip/brotli
# copies, which would take collectstatic 45 s and change nothing the test sees.
SETTINGS_SHIM = """\
import os
from factcheck.settings import *  # noqa: F403

STATIC_ROOT = os.environ["CONCURRENCY_STATIC_ROOT"]
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    "css", "js", "mjs", "map", "html", "htm", "json", "svg", "txt", "md", "xml",
    "ico", "png", "gif", "jpg", "jpeg", "webp", "woff", "woff2", "ttf", "eot", "otf",
    "scss", "less", "py", "po", "mo", "LICENSE",
]
"""

# The management step: the DeepSeek case and the reviewers, with one password hash
# for all of them (production's hasher takes most of a second per account).
SETUP = """\
import json, os
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from claims.demo import load_demo_case
from claims.models import Claim
from claims.roles import REVIEWER

assert load_demo_case()
hashed = make_password(os.environ["CONCURRENCY_PASSWORD"])
reviewers = Group.objects.get(name=REVIEWER)
for n in range(int(os.environ["CONCURRENCY_REVIEWERS"])):
    User.objects.create(username=f"reviewer-{n}", password=hashed).groups.add(reviewers)
print(json.dumps(dict(Claim.objects.values_list("pk", "version"))))
"""


@dataclass(frozen=True)
class Database:
    url: str
    engine: str
    query: Callable[[str], list[tuple]]


@dataclass(frozen=True)
class Answer:
    reviewer: int
    action: str  # "login", "page", "evidence" or "verdict"
    claim: int | None
    marker: str
    status: int
    body: str


# --- the database ------------------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A fresh database of the suite's engine, outside the test database."""
    default = settings.DATABASES["default"]
    if default["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path / "factcheck.sqlite3"

        def query(sql: str) -> list[tuple]:
            with sqlite3.connect(path) as connection:
                return connection.execute(sql).fetchall()

        yield Database(f"sqlite:///{path}", "SQLite", query)
    elif default["ENGINE"] == "django.db.backends.postgresql":
        yield from _postgres_database(default)
    else:
        pytest.skip(f"no concurrency test for {default['ENGINE']}")


def _postgres_database(default: dict[str, Any]) -> Iterator[Database]:
    import psycopg

    name = f"factcheck_concurrency_{os.getpid()}"
    params = {
        "host": default["HOST"] or None,
        "port": default["PORT"] or None,
        "user": default["USER"] or None,
        "password": default["PASSWORD"] or None,
    }
    try:
        admin = psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **params)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable: {error}")
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            credentials = urllib.parse.quote(params["user"] or "", safe="")
            if params["password"]:
                credentials += ":" + urllib.parse.quote(params["password"], safe="")
            location = f"{params['host'] or 'localhost'}:{params['port'] or 5432}"

            def query(sql: str) -> list[tuple]:
                with psycopg.connect(dbname=name, **params) as connection:
                    return connection.execute(sql).fetchall()

            yield Database(f"postgres://{credentials}@{location}/{name}", "PostgreSQL", query)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the server --------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _production_env(folder: Path, database_url: str) -> dict[str, str]:
    (folder / "concurrency_settings.py").write_text(SETTINGS_SHIM)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "WEB_CONCURRENCY", "GUNICORN_"))
    }
    env.update(
        PYTHONPATH=str(folder),
        DJANGO_SETTINGS_MODULE="concurrency_settings",
        CONCURRENCY_STATIC_ROOT=str(folder / "static"),
        DATABASE_URL=database_url,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="concurrency-test-" + "k" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_HSTS_SECONDS="0",
        DJANGO_LOG_LEVEL="WARNING",
        WEB_CONCURRENCY=str(WORKERS),
        GUNICORN_THREADS=str(THREADS),
        CONCURRENCY_PASSWORD=PASSWORD,
        CONCURRENCY_REVIEWERS=str(REVIEWERS),
    )
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stderr}"
    return result.stdout


@contextmanager
def _gunicorn(env: dict[str, str], folder: Path) -> Iterator[tuple[str, Path, Path]]:
    port = _free_port()
    out, err = folder / "gunicorn.out", folder / "gunicorn.err"
    with out.open("w") as stdout, err.open("w") as stderr:
        server = subprocess.Popen(
            [str(GUNICORN), "-c", "ops/gunicorn.conf.py", f"--bind=127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(base, server, err)
        yield base, out, err
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_for_health(base: str, server: subprocess.Popen, err: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited ({server.returncode}):\n{err.read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"/healthz did not answer 200 within 30 s:\n{err.read_text()}")


# --- the reviewers -------------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A 302 is the answer to check (a saved form), not a page to fetch."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Reviewer:
    """One person's browser: a cookie jar and the answers it got."""

    def __init__(self, n: int, base: str, answers: list[Answer]) -> None:
        self.n = n
        self.base = base
        self.answers = answers
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirects()
        )

    def request(
        self,
        action: str,
        path: str,
        data: dict[str, str] | None = None,
        *,
        claim: int | None = None,
        marker: str = "",
    ) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        answer = Answer(self.n, action, claim, marker, status, text)
        self.answers.append(answer)  # list.append is atomic: safe from several threads
        return answer

    def post(self, action: str, path: str, page: Answer, fields: dict[str, str], **kw) -> Answer:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        assert token, f"no CSRF token on the page before {action} (status {page.status})"
        return self.request(action, path, {"csrfmiddlewaretoken": token[1], **fields}, **kw)

    def log_in(self) -> None:
        form = self.request("login", "/accounts/login/")
        done = self.post(
            "login",
            "/accounts/login/",
            form,
            {"username": f"reviewer-{self.n}", "password": PASSWORD, "next": "/"},
        )
        assert done.status == 302, f"reviewer-{self.n} could not log in ({done.status})"

    def open_claim(self, claim: int) -> Answer:
        return self.request("page", f"/claims/{claim}/", claim=claim)

    def add_evidence(self, page: Answer, claim: int, marker: str, stance: str) -> None:
        fields = {
            "new-stance": stance,
            "new-url": f"https://example.org/evidence/{marker}",
            "new-title": f"Evidence {marker}",
            "new-excerpt": "A passage that matters.",
            "new-note": marker,
        }
        self.post(
            "evidence", f"/claims/{claim}/evidence/", page, fields, claim=claim, marker=marker
        )

    def propose_verdict(self, page: Answer, claim: int, marker: str, rating: str) -> None:
        # The verdict waiting when the page was read: proposing over one that came
        # later is refused (StaleEdit), as it is for a person.
        replaces = re.search(r'name="replaces"(?: value="(\d+)")?', page.body)
        assert replaces, f"no verdict form on claim {claim} (status {page.status})"
        fields = {"rating": rating, "rationale": marker, "replaces": replaces[1] or ""}
        self.post("verdict", f"/claims/{claim}/verdicts/", page, fields, claim=claim, marker=marker)


def _work(reviewer: Reviewer, own: list[int], shared: tuple[int, int], start) -> None:
    """Log in, wait for the others, then research: each round reads a claim and writes."""
    shared_evidence, shared_verdict = shared
    reviewer.log_in()
    start.wait()
    n = reviewer.n
    for r in range(ROUNDS):
        claim = own[r % len(own)]
        page = reviewer.open_claim(claim)
        target = shared_evidence if r % 2 else claim
        reviewer.add_evidence(page, target, f"evidence-r{n}-{r}", STANCES[(n + r) % 4])
        rating = RATINGS[(n + r) % len(RATINGS)]
        if r % 3 == 0:
            reviewer.propose_verdict(page, claim, f"verdict-r{n}-{r}", rating)
        elif r % 3 == 1:
            contested = reviewer.open_claim(shared_verdict)
            reviewer.propose_verdict(contested, shared_verdict, f"verdict-r{n}-{r}", rating)


# --- the test ------------------------------------------------------------------------


def test_concurrent_reviewers_lose_no_write(database: Database, tmp_path: Path) -> None:
    started = time.perf_counter()
    env = _production_env(tmp_path, database.url)
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "collectstatic", "--noinput", "-v", "0")
    printed = _manage(env, "shell", "-v", "0", "-c", SETUP).splitlines()[-1]
    before = {int(pk): version for pk, version in json.loads(printed).items()}
    claims = sorted(before)
    shared = (claims[0], claims[1])
    own = {n: [claims[2 + n], claims[2 + REVIEWERS + n]] for n in range(REVIEWERS)}

    answers: list[Answer] = []
    errors: list[BaseException] = []
    with _gunicorn(env, tmp_path) as (base, access_log, error_log):
        ready = time.perf_counter()
        start = threading.Barrier(REVIEWERS)

        def run(n: int) -> None:
            try:
                _work(Reviewer(n, base, answers), own[n], shared, start)
            except BaseException as error:  # reported below, with the others' results
                errors.append(error)
                start.abort()

        threads = [threading.Thread(target=run, args=(n,)) for n in range(REVIEWERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        busy = time.perf_counter() - ready
    log = error_log.read_text()
    assert not errors, f"{errors}\ngunicorn's log:\n{log[-5000:]}"

    statuses = Counter(a.status for a in answers)
    posts = Counter((a.action, a.status) for a in answers if a.action in {"evidence", "verdict"})
    summary = (
        f"{database.engine}: {len(answers)} requests from {REVIEWERS} reviewers in {busy:.1f} s "
        f"({len(answers) / busy:.0f}/s) against gunicorn {WORKERS} workers × {THREADS} threads; "
        f"statuses {dict(sorted(statuses.items()))}; evidence saved {posts['evidence', 302]}, "
        f"verdicts saved {posts['verdict', 302]}, refused as stale {posts['verdict', 200]}; "
        f"whole test {time.perf_counter() - started:.0f} s"
    )
    print(summary)

    # No server error, and nothing in gunicorn's log that says one was hidden.
    assert not [a for a in answers if a.status >= 500], summary
    assert not [word for word in SERVER_ERRORS if word in log], log[-5000:]
    requests = [line for line in access_log.read_text().splitlines() if "/healthz" not in line]
    assert len(requests) == len(answers), "gunicorn logged a different number of requests"

    _check_answers(answers)
    _check_database(database, answers, before)


def _check_answers(answers: list[Answer]) -> None:
    for answer in answers:
        if answer.action == "page":
            assert answer.status == 200, answer
        elif answer.action == "evidence":
            # Open claims take evidence whatever else happens to them.
            assert answer.status == 302, (answer.marker, answer.status, _errors(answer.body))
        elif answer.action == "verdict":
            # Saved (302), or refused because a colleague's verdict came first (200).
            stale = answer.status == 200 and STALE_VERDICT in html.unescape(answer.body)
            assert answer.status == 302 or stale, (answer.marker, _errors(answer.body))


def _errors(body: str) -> list[str]:
    """The form errors a refused POST shows, for the failure message."""
    return [html.unescape(e) for e in re.findall(r'class="error"[^>]*>([^<]+)<', body)]


def _check_database(database: Database, answers: list[Answer], before: dict[int, int]) -> None:
    saved = [a for a in answers if a.status == 302 and a.action in {"evidence", "verdict"}]
    saved_evidence = Counter((a.claim, a.marker) for a in saved if a.action == "evidence")
    saved_verdicts = Counter((a.claim, a.marker) for a in saved if a.action == "verdict")

    evidence = database.query("SELECT id, claim_id, note FROM claims_evidence")
    assert Counter((claim, note) for _, claim, note in evidence) == saved_evidence

    verdicts = database.query("SELECT id, claim_id, rationale, rating, status FROM claims_verdict")
    assert Counter((claim, rationale) for _, claim, rationale, _, _ in verdicts) == saved_verdicts

    # One event per write, pointing at the row it wrote; one "new → in research" at most.
    events = database.query("SELECT claim_id, kind, data FROM claims_claimevent")
    by_kind: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for claim, kind, data in events:
        by_kind[kind].append((claim, json.loads(data) if isinstance(data, str) else data))
    assert set(by_kind) <= {"evidence_added", "verdict_proposed", "status_changed"}
    assert sorted((c, d["evidence"]) for c, d in by_kind["evidence_added"]) == sorted(
        (claim, pk) for pk, claim, _ in evidence
    )
    assert sorted((c, d["verdict"]) for c, d in by_kind["verdict_proposed"]) == sorted(
        (claim, pk) for pk, claim, *_ in verdicts
    )
    moved = Counter(c for c, _ in by_kind["status_changed"])
    assert max(moved.values(), default=0) <= 1, moved

    # Each write raised its claim's version by one: no update was lost.
    writes = Counter(a.claim for a in saved)
    claims = database.query("SELECT id, status, rating, version FROM claims_claim")
    for pk, status, rating, version in claims:
        assert version - before[pk] == writes[pk], (pk, version, before[pk], writes[pk])
        mine = sorted((v for v in verdicts if v[1] == pk), key=lambda v: v[0])
        if mine:
            # The latest verdict waits for review; every earlier one was withdrawn.
            *older, latest = mine
            assert latest[4] == "proposed", mine
            assert all(v[4] == "withdrawn" for v in older), mine
            assert (status, rating) == ("verdict_proposed", latest[3])
        elif writes[pk]:
            assert status == "in_research"
        else:
            assert status == "new"
