"""``make bench`` end to end on a small database: every page answers, the numbers are there.

No timing is asserted (speed is the benchmark's business, not the suite's); what
is checked is that the benchmark still runs against the app as it is now, and that
what it reports holds together: query counts constant in the page size, an export
that holds every claim, a table with a line for each target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import run

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = 150


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("bench")
    output = folder / "results.json"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
    }
    command = [sys.executable, "-m", "bench.measure", f"--claims={CLAIMS}", "--runs=1"]
    subprocess.run([*command, f"--output={output}"], cwd=ROOT, env=env, check=True)
    return json.loads(output.read_text())


def test_it_builds_the_database_it_measures(results: dict) -> None:
    assert results["database"] == "sqlite"
    assert results["build"]["claims"] == CLAIMS
    assert results["build"]["generate_seconds"] > 0


def test_every_page_answers_with_queries_constant_in_its_size(results: dict) -> None:
    pages = {page["page"]: page for page in results["pages"]}
    for name in [
        "claims list, first page",
        "claim page",
        "dispute list",
        "article page",
        "public index",
        "public check page",
        "dispute page, plot",
        "subject page, history plot",
        "dashboard, desk charts",
    ]:
        assert pages[name]["median_ms"] > 0
        assert pages[name]["constant_queries"], pages[name]["queries_by_size"]
    assert pages["admin changelist"]["reference"]


def test_the_export_holds_every_claim_and_its_memory_is_measured(results: dict) -> None:
    export = results["export"]
    assert export["available"]
    # Fewer claims than the smallest measured size: the whole table only.
    assert [size["label"] for size in export["sizes"]] == ["all"]
    assert export["all"]["rows"] == CLAIMS
    assert export["all"]["bytes"] > CLAIMS * 100
    assert export["all"]["peak_mib"] > 0


def test_the_table_checks_every_target(results: dict) -> None:
    table = run.table(results)
    assert "claims list, first page" in table
    assert "CSV export within 2x of" in table or "export floor: n/a" in table
    assert "[PASS] CSV export memory flat in the number of rows" in table
    checks = {name for name, _ok, _detail in run.check(results)}
    assert "claims list, search “parametres”: queries constant in page size" in checks
    assert "claims list, search “p”: queries constant in page size" in checks
    # And a word in about half the claims, whatever the generator wrote.
    searched = [p["page"] for p in results["pages"] if p["page"].startswith("claims list, search")]
    assert len(searched) == 3


def test_at_a_million_claims_a_page_must_take_half_the_admins_time(results: dict) -> None:
    def first_page_ok(claims: int, ms: float) -> bool:
        scaled = json.loads(json.dumps(results))
        scaled["build"]["claims"] = claims
        page = next(p for p in scaled["pages"] if p["page"] == "claims list, first page")
        admin = next(p for p in scaled["pages"] if p["page"] == "admin changelist")
        page["median_ms"], admin["median_ms"] = ms, 40.0
        return next(
            ok for name, ok, _d in run.check(scaled) if name.startswith("claims list, first page:")
        )

    assert first_page_ok(100_000, 30.0)
    assert first_page_ok(1_000_000, 20.0)
    assert not first_page_ok(1_000_000, 30.0)


def test_databases_are_built_first_and_measured_after(tmp_path: Path) -> None:
    """What ``bench.run`` does so that two databases build at once: a build alone, then
    a measurement of it that keeps how long the generator took."""
    output = tmp_path / "results.json"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
    }
    command = [sys.executable, "-m", "bench.measure", "--claims=60", "--runs=1"]
    subprocess.run([*command, "--build-only", f"--output={output}"], cwd=ROOT, env=env, check=True)
    built = json.loads(output.read_text())
    assert "pages" not in built and built["build"]["claims"] == 60
    subprocess.run([*command, "--no-build", f"--output={output}"], cwd=ROOT, env=env, check=True)
    measured = json.loads(output.read_text())
    assert measured["build"] == built["build"]
    assert measured["pages"] and measured["export"]["all"]["rows"] == 60
