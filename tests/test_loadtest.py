"""``make loadtest``'s writes, run for a few seconds against gunicorn: they really change the data.

A tiny database, one gunicorn worker and four simulated people (reviewers and an
editor: locust starts one of each kind at least) running only the load test's
writes (``--tags write``) for fifteen seconds. No timing is asserted (that is
the load test's business); what is checked is that each write went through the
app's real forms and left what it says in the database: evidence added,
verdicts proposed by reviewers, verdicts approved by an editor who did not
write them, and no request failed.

Fifteen seconds, not five: the one editor makes about three approvals in five
seconds, chosen at random among the tasks, and a CI run once counted none
(nor a proposal) and failed. In fifteen it makes ten to twelve (three runs:
10, 12, 11), and reviewers propose 17-26 verdicts; none is a rare event.

The server runs the test settings (a fast password hasher: the accounts log in
at once) on a SQLite file of its own, whichever database the suite runs on.
"""

from __future__ import annotations

import argparse
import sqlite3

import pytest

from bench import loadtest

CLAIMS = 150
SECONDS = 15
RATIONALE = "Le registre du commerce donne une autre valeur que la déclaration."


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, sqlite3.Connection]:
    folder = tmp_path_factory.mktemp("loadtest")
    url = f"sqlite:///{folder / 'loadtest.sqlite3'}"
    args = argparse.Namespace(claims=CLAIMS, seed=1, users=4, seconds=SECONDS, workers=1, threads=1)
    loadtest.build(url, args, "load-test-password", settings="tests.settings")
    results = loadtest.serve_and_load(
        "sqlite", url, "load-test-password", folder, args, settings="tests.settings", tags=["write"]
    )
    database = sqlite3.connect(folder / "loadtest.sqlite3")
    yield results, database
    database.close()


def succeeded(results: dict, name: str) -> int:
    """How many of these requests locust counted as done.

    The database may hold one more per simulated person: a request still on
    its way when the run time ended is done by the server, not counted by locust.
    """
    row = next(row for row in results["requests"] if row["name"] == name)
    return row["requests"] - row["failures"]


def rows(database: sqlite3.Connection, sql: str, *params: object) -> list[tuple]:
    return database.execute(sql, params).fetchall()


def test_no_request_failed(run: tuple[dict, sqlite3.Connection]) -> None:
    results, _database = run
    total = next(row for row in results["requests"] if row["name"] == "Aggregated")
    assert total["requests"] > 0
    assert total["failures"] == 0, results["failures"]
    assert results["failures"] == []
    assert results["machine_after"]["cpu_calibration_us"] > 0


def test_reviewers_proposed_verdicts_on_claims_in_research(
    run: tuple[dict, sqlite3.Connection],
) -> None:
    results, database = run
    proposed = rows(
        database,
        "SELECT u.username, c.status FROM claims_verdict v JOIN auth_user u ON u.id = v.author_id"
        " JOIN claims_claim c ON c.id = v.claim_id WHERE v.rationale = ?",
        RATIONALE,
    )
    assert 0 < succeeded(results, "propose verdict") <= len(proposed)
    assert all(username.startswith("demo-reviewer-") for username, _status in proposed)
    # Each is waiting for an editor, unless the editor got to it within the run.
    assert {status for _username, status in proposed} <= {"verdict_proposed", "published"}


def test_an_editor_approved_verdicts_someone_else_wrote(
    run: tuple[dict, sqlite3.Connection],
) -> None:
    results, database = run
    approved = rows(
        database,
        "SELECT v.author_id, v.reviewed_by_id, u.username, v.status, c.status"
        " FROM claims_verdict v JOIN auth_user u ON u.id = v.reviewed_by_id"
        " JOIN claims_claim c ON c.id = v.claim_id WHERE v.review_comment = 'Sources checked.'",
    )
    assert 0 < succeeded(results, "approve verdict") <= len(approved)
    for author, reviewer, username, verdict_status, claim_status in approved:
        assert username.startswith("demo-editor-")
        assert author != reviewer  # the four-eyes rule
        assert (verdict_status, claim_status) == ("approved", "published")


def test_reviewers_added_evidence(run: tuple[dict, sqlite3.Connection]) -> None:
    results, database = run
    added = rows(
        database, "SELECT COUNT(*) FROM claims_evidence WHERE note = ?", "Added by the load test."
    )
    assert 0 < succeeded(results, "add evidence") <= added[0][0]


def test_the_table_reports_the_run(run: tuple[dict, sqlite3.Connection]) -> None:
    results, _database = run
    table = loadtest.table(results)
    assert f"=== SQLite: 4 users for {SECONDS} s" in table
    assert "[PASS] zero errors" in table
    assert "CPU calibration" in table and "load average" in table
    assert "propose verdict" in table and "approve verdict" in table
