"""``make loadtest``: reviewers browsing and adding evidence against gunicorn, for a minute.

    python -m bench.loadtest --claims 100000 [--users 20] [--seconds 60] [--workers 4]

Builds a SQLite database of ``--claims`` generated claims in a temporary
folder, serves it with gunicorn (``--workers`` sync workers, production
settings with DEBUG off: ``bench.settings``) on 127.0.0.1, runs locust headless
(``bench/locustfile.py``: ``--users`` reviewers) for ``--seconds``, stops
gunicorn, and prints requests per second, the 95th percentile and the error
count, per request and in all. Results go to ``bench-results-loadtest.json``.

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

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ACCOUNTS = [f"demo-reviewer-{n:02d}" for n in range(1, 9)] + [
    f"demo-editor-{n:02d}" for n in range(1, 5)
]


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


def log_in_once(host: str, usernames: list[str], password: str) -> tuple[list[dict], float]:
    """Each account logs in once through the login form, as a person does in the morning.

    The simulated reviewers then share these sessions: logging in costs a
    deliberately slow password hash (~1 s of CPU here), and 20 of them at once
    would fill the first minute with nothing but logins.
    """
    import requests

    sessions = []
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
        sessions.append(browser.cookies.get_dict())
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
            "max_ms": round(float(row["Max Response Time"] or 0)),
        }
        for row in rows
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="FILE",
        help="build the SQLite database in FILE and keep it, with its accounts' password beside "
        "it in FILE.password; a later run with the same FILE reuses it instead of building",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="factcheck-loadtest-") as folder:
        database = args.keep.resolve() if args.keep else Path(folder, "loadtest.sqlite3")
        password_file = database.with_suffix(".password")
        reuse = args.keep is not None and database.exists() and password_file.exists()
        password = password_file.read_text() if reuse else secrets.token_urlsafe(16)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": f"sqlite:///{database}",
            "FACTCHECK_BENCH_PASSWORD": password,
        }
        manage = [sys.executable, "manage.py"]
        if reuse:
            print(f"--- reusing {database}")
        else:
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
            if args.keep:
                password_file.write_text(password)
                password_file.chmod(0o600)
        port = free_port()
        host = f"http://127.0.0.1:{port}"
        server_log = open(Path(folder, "server.log"), "w")  # noqa: SIM115 (closed below)
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "factcheck.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={args.workers}",
                "--worker-class=sync",
                "--timeout=60",
                "--log-level=warning",
                f"--error-logfile={folder}/gunicorn.log",
            ],
            cwd=ROOT,
            env=env,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(f"{host}/healthz")
            sessions, login_seconds = log_in_once(host, ACCOUNTS, password)
            env["FACTCHECK_BENCH_SESSIONS"] = json.dumps(sessions)
            print(f"--- {len(sessions)} accounts logged in: {login_seconds:.2f} s per login")
            print(
                f"--- locust: {args.users} reviewers for {args.seconds} s against gunicorn "
                f"({args.workers} workers) on {args.claims:,} claims (SQLite)",
                flush=True,
            )
            prefix = Path(folder) / "locust"
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
                ],
                cwd=ROOT,
                env=env,
                check=False,  # it exits 1 when a request failed; the table says which
            )
            stats = read_stats(prefix)
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            server_log.close()
            errors = Path(folder, "gunicorn.log").read_text()
            app_log = Path(folder, "server.log").read_text()
        problems = [line for line in app_log.splitlines() if '"level": "INFO"' not in line]
        if errors.strip() or problems:
            print("--- the server said:\n" + (errors + "\n".join(problems))[-3000:])

    total = next(row for row in stats if row["name"] == "Aggregated")
    results = {
        "claims": args.claims,
        "seconds_per_login": round(login_seconds, 2),
        "users": args.users,
        "seconds": args.seconds,
        "workers": args.workers,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "requests": stats,
    }
    (ROOT / "bench-results-loadtest.json").write_text(json.dumps(results, indent=2) + "\n")
    print()
    print(
        f"{'request':<24} {'count':>7} {'errors':>7} {'req/s':>7} {'median ms':>10} {'p95 ms':>8}"
    )
    for row in stats:
        print(
            f"{row['name']:<24} {row['requests']:>7} {row['failures']:>7} "
            f"{row['requests_per_s']:>7} {row['median_ms']:>10} {row['p95_ms']:>8}"
        )
    ok = total["failures"] == 0
    print(f"one login through the form: {login_seconds:.2f} s (password hashing)")
    print(
        f"\n[{'PASS' if ok else 'FAIL'}] zero errors: {total['failures']} of {total['requests']} "
        f"requests failed; {total['requests_per_s']} requests/s, p95 {total['p95_ms']} ms"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
