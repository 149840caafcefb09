"""``make loadtest``: a desk of reviewers and editors at work against gunicorn, on each database.

    python -m bench.loadtest --claims 100000 [--users 50] [--seconds 120] [--workers 2]
        [--threads 4] [--database sqlite|postgresql|both] [--postgres-url URL]

For each database asked for (``both``: SQLite, then PostgreSQL when it
answers at ``--postgres-url``), builds a fresh database of ``--claims``
generated claims (a temporary SQLite file; on PostgreSQL a database created
and dropped afterwards, as ``bench.run`` does), serves it with gunicorn
(``--workers`` processes of ``--threads`` threads each, production settings
with DEBUG off: ``bench.settings``) on 127.0.0.1, runs locust headless
(``bench/locustfile.py``: ``--users`` reviewers and editors browsing,
searching, adding evidence, proposing and approving verdicts) for
``--seconds``, stops gunicorn, and prints requests per second, the median,
95th and 99th percentiles and the errors with their messages, per request and
in all, next to the machine's CPU calibration and load average. Results go to
``bench-results-loadtest-<database>.json``.

Everything stays on this machine: the server listens on the loopback address
only and locust stops by itself after the run time. Locust and gunicorn share
the machine's CPUs, so the throughput is a floor, not the server's ceiling.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.measure import machine
from bench.run import _postgres, postgres_reachable

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ACCOUNTS = [f"demo-reviewer-{n:02d}" for n in range(1, 9)] + [
    f"demo-editor-{n:02d}" for n in range(1, 5)
]
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/factcheck_loadtest"
# Production's settings with DEBUG off: see bench/settings.py.
SETTINGS = "bench.settings"
P95_TARGET_MS = 300
LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"gunicorn did not answer at {url} within {seconds:.0f} s")
        time.sleep(0.5)


def log_in_once(
    host: str, usernames: list[str], password: str
) -> tuple[dict[str, dict[str, str]], float]:
    """Each account logs in once through the login form, as a person does in the morning.

    The simulated people then share these sessions: logging in costs a
    deliberately slow password hash (~1 s of CPU here), and fifty of them at
    once would fill the first minute with nothing but logins.
    """
    import requests

    sessions = {}
    started = time.perf_counter()
    for username in usernames:
        browser = requests.Session()
        form = browser.get(f"{host}/accounts/login/", timeout=60)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        answer = browser.post(
            f"{host}/accounts/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": token},
            timeout=60,
        )
        if "/accounts/login/" in answer.url:
            raise SystemExit(f"{username} could not log in")
        sessions[username] = browser.cookies.get_dict()
    return sessions, (time.perf_counter() - started) / len(usernames)


def read_stats(prefix: Path) -> list[dict[str, Any]]:
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = list(csv.DictReader(stats))
    return [
        {
            "name": row["Name"],
            "method": row["Type"],
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "requests_per_s": round(float(row["Requests/s"]), 1),
            "median_ms": float(row["50%"] or 0),
            "p95_ms": float(row["95%"] or 0),
            "p99_ms": float(row["99%"] or 0),
            "max_ms": round(float(row["Max Response Time"] or 0)),
        }
        for row in rows
    ]


def read_failures(prefix: Path) -> list[dict[str, Any]]:
    """Each distinct error locust saw: which request, what went wrong, how often."""
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with open(path, newline="") as failures:
        return [
            {
                "method": row["Method"],
                "name": row["Name"],
                "error": row["Error"],
                "count": int(row["Occurrences"]),
            }
            for row in csv.DictReader(failures)
        ]


def build(
    database_url: str, args: argparse.Namespace, password: str, *, settings: str = SETTINGS
) -> None:
    """Migrate the empty database at ``database_url`` and fill it with ``generate_demo_data``."""
    manage = [sys.executable, "manage.py"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings, "DATABASE_URL": database_url}
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [
            *manage,
            "generate_demo_data",
            f"--claims={args.claims}",
            f"--seed={args.seed}",
            f"--password={password}",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def serve_and_load(
    database: str,
    database_url: str,
    password: str,
    folder: Path,
    args: argparse.Namespace,
    *,
    settings: str = SETTINGS,
    tags: list[str] | None = None,
) -> dict[str, Any]:
    """gunicorn on ``database_url``, locust against it; the results of the run.

    ``settings`` and ``tags`` (only the locust tasks tagged so) are for the test
    suite's short run (``tests/test_loadtest.py``); the load test uses neither.
    """
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": database_url,
        "FACTCHECK_BENCH_PASSWORD": password,
        # The app's file cache beside this run's database, not in the working copy's.
        "FACTCHECK_CACHE_DIR": str(folder / "cache"),
    }
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    server_log = open(folder / "server.log", "w")  # noqa: SIM115 (closed below)
    locust_log = open(folder / "locust.log", "w+")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "factcheck.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            f"--threads={args.threads}",
            "--worker-class=" + ("gthread" if args.threads > 1 else "sync"),
            # As production's ops/gunicorn.conf.py: a connection per request. Kept
            # alive, each simulated person's connection stays with the process that
            # took it, and 50 connections split unevenly over 2 processes left one
            # process's core saturated while the other idled.
            "--keep-alive=0",
            "--timeout=60",
            "--log-level=warning",
            f"--error-logfile={folder}/gunicorn.log",
        ],
        cwd=ROOT,
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
        # A session of its own, as a server started by the system is: Linux shares the CPUs
        # between sessions (autogroup), and locust's would otherwise be taken from its share.
        start_new_session=True,
    )
    try:
        wait_until_up(f"{host}/healthz")
        sessions, login_seconds = log_in_once(host, ACCOUNTS, password)
        env["FACTCHECK_BENCH_SESSIONS"] = json.dumps(sessions)
        print(f"--- {len(sessions)} accounts logged in: {login_seconds:.2f} s per login")
        before = machine()
        print(
            f"--- locust: {args.users} reviewers and editors for {args.seconds} s against gunicorn "
            f"({args.workers} workers × {args.threads} threads) on {args.claims:,} claims "
            f"({LABELS[database]})",
            flush=True,
        )
        prefix = folder / "locust"
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                f"--users={args.users}",
                f"--spawn-rate={args.users}",
                f"--run-time={args.seconds}s",
                f"--host={host}",
                f"--csv={prefix}",
                "--only-summary",
                "--stop-timeout=10",
                "--loglevel=WARNING",
                *(["--tags", *tags] if tags else []),
            ],
            cwd=ROOT,
            env=env,
            check=False,  # it exits 1 when a request failed; the table says which
            # Its own summary goes to a file: ours, with the errors, is printed below.
            stdout=subprocess.DEVNULL,
            stderr=locust_log,
        )
        # The load average now includes the run's own minutes: what the figures were measured in.
        after = machine()
        if not Path(f"{prefix}_stats.csv").exists():
            locust_log.seek(0)
            raise SystemExit("locust wrote no statistics:\n" + locust_log.read()[-3000:])
        stats = read_stats(prefix)
        failures = read_failures(prefix)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server_log.close()
        locust_log.close()
    errors = (folder / "gunicorn.log").read_text()
    app_log = (folder / "server.log").read_text()
    problems = [line for line in app_log.splitlines() if '"level": "INFO"' not in line]
    server_said = (errors + "\n".join(problems)).strip()
    return {
        "database": database,
        "claims": args.claims,
        "seconds_per_login": round(login_seconds, 2),
        "users": args.users,
        "seconds": args.seconds,
        "workers": args.workers,
        "threads": args.threads,
        "machine_before": before,
        "machine_after": after,
        "requests": stats,
        "failures": failures,
        "server_log": server_said[-3000:],
    }


def run_sqlite(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="factcheck-loadtest-") as name:
        folder = Path(name)
        database = args.keep.resolve() if args.keep else folder / "loadtest.sqlite3"
        password_file = database.with_suffix(".password")
        reuse = args.keep is not None and database.exists() and password_file.exists()
        password = password_file.read_text() if reuse else secrets.token_urlsafe(16)
        url = f"sqlite:///{database}"
        if reuse:
            print(f"--- reusing {database}")
        else:
            print(f"--- building {args.claims:,} claims on SQLite", flush=True)
            build(url, args, password)
            if args.keep:
                password_file.write_text(password)
                password_file.chmod(0o600)
        return serve_and_load("sqlite", url, password, folder, args)


def run_postgresql(args: argparse.Namespace) -> dict[str, Any] | None:
    url = args.postgres_url
    if not postgres_reachable(url):
        print(f"--- PostgreSQL does not answer at {url}: load-tested on SQLite only.")
        return None
    name = url.rsplit("/", 1)[1]
    _postgres(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _postgres(url, f'CREATE DATABASE "{name}"')
    try:
        with tempfile.TemporaryDirectory(prefix="factcheck-loadtest-") as folder:
            password = secrets.token_urlsafe(16)
            print(f"--- building {args.claims:,} claims on PostgreSQL ({name})", flush=True)
            build(url, args, password)
            return serve_and_load("postgresql", url, password, Path(folder), args)
    finally:
        _postgres(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def passed(results: dict[str, Any]) -> tuple[bool, bool]:
    """(zero errors, p95 under the target) for a run's results."""
    total = next(row for row in results["requests"] if row["name"] == "Aggregated")
    return total["failures"] == 0 and total["requests"] > 0, total["p95_ms"] < P95_TARGET_MS


def table(results: dict[str, Any]) -> str:
    """The run's figures as printed: per request, in all, the errors and the machine."""
    label = LABELS[results["database"]]
    before, after = results["machine_before"], results["machine_after"]
    lines = [
        f"=== {label}: {results['users']} users for {results['seconds']} s, "
        f"{results['claims']:,} claims, gunicorn {results['workers']} workers × "
        f"{results['threads']} threads; locust and gunicorn share the {after['cpus']} CPUs",
        f"CPU calibration {before['cpu_calibration_us']} µs before, "
        f"{after['cpu_calibration_us']} µs after (≈10 on an idle core); load average "
        f"{' '.join(map(str, before['load_average']))} before, "
        f"{' '.join(map(str, after['load_average']))} after",
        f"{'request':<34} {'count':>6} {'errors':>6} {'req/s':>6} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'p99 ms':>7}",
    ]
    for row in results["requests"]:
        lines.append(
            f"{row['name']:<34} {row['requests']:>6} {row['failures']:>6} "
            f"{row['requests_per_s']:>6} {row['median_ms']:>7.0f} {row['p95_ms']:>7.0f} "
            f"{row['p99_ms']:>7.0f}"
        )
    for failure in results["failures"]:
        lines.append(
            f"error ×{failure['count']}: {failure['method']} {failure['name']}: {failure['error']}"
        )
    if results["server_log"]:
        lines.append("the server said:\n" + results["server_log"])
    total = next(row for row in results["requests"] if row["name"] == "Aggregated")
    no_errors, fast = passed(results)
    lines += [
        f"one login through the form: {results['seconds_per_login']:.2f} s (password hashing)",
        f"[{'PASS' if no_errors else 'FAIL'}] zero errors: {total['failures']} of "
        f"{total['requests']} requests failed; {total['requests_per_s']} requests/s",
        f"[{'PASS' if fast else 'FAIL'}] p95 under {P95_TARGET_MS} ms: p50 "
        f"{total['median_ms']:.0f}, p95 {total['p95_ms']:.0f}, p99 {total['p99_ms']:.0f} ms",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    # gthread: 2 processes of 4 threads measured 18-21 requests/s against 12-14 for 4 sync
    # workers on this 2-core machine (same 50 users, runs alternated): the threads keep the
    # connections alive and one waiting on the database does not hold a whole process.
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument(
        "--postgres-url", default=os.environ.get("LOADTEST_POSTGRES_URL", POSTGRES_URL)
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="FILE",
        help="build the SQLite database in FILE and keep it, with its accounts' password beside "
        "it in FILE.password; a later run with the same FILE reuses it instead of building",
    )
    parser.add_argument(
        "--show", type=Path, metavar="JSON", help="print a results file's table again, and stop"
    )
    args = parser.parse_args(argv)
    if args.show:
        print(table(json.loads(args.show.read_text())))
        return 0

    runs = {"sqlite": [run_sqlite], "postgresql": [run_postgresql]}.get(
        args.database, [run_sqlite, run_postgresql]
    )
    ok = True
    for run in runs:
        results = run(args)
        if results is None:
            # Skipped: an error only when PostgreSQL was the one database asked for.
            ok = ok and args.database == "both"
            continue
        output = ROOT / f"bench-results-loadtest-{results['database']}.json"
        output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print()
        print(table(results))
        print(f"(written to {output.name})\n", flush=True)
        ok = ok and all(passed(results))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
