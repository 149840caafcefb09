"""SQLite as the server uses it: connections in several processes, while others write.

Each gunicorn thread opens a connection with the options of ``settings.SQLITE_OPTIONS``
and keeps it for ``DJANGO_CONN_MAX_AGE`` seconds, then opens another; several workers do
so at once while reviewers commit. The harshest case is a connection per operation, and
two processes of four threads do exactly that here for
four seconds (one thread in four writing, the others reading) on a file of some
megabytes, with the app's own options, and no operation may fail. With
memory-mapped reads (``PRAGMA mmap_size``) SQLite 3.40 failed thousands of them in that time with
"disk I/O error" (SQLITE_IOERR_SHORT_READ) and "database disk image is
malformed", and the load test failed requests so.

It runs on a SQLite file of its own, whichever database the suite runs on.
"""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

from django.conf import settings

SECONDS = 4


def _work(path: str, options: dict, stop: float, write: bool, errors: list[str]) -> None:
    while time.time() < stop:
        try:
            # A request: connect with the app's options, read or write, close.
            connection = sqlite3.connect(path, timeout=options["timeout"], isolation_level=None)
            connection.executescript(options["init_command"])
            if write:
                connection.execute(f"BEGIN {options['transaction_mode']}")
                connection.execute("INSERT INTO item (text) VALUES (?)", ("x" * 2000,))
                connection.execute("COMMIT")
            else:
                connection.execute("SELECT COUNT(*), MAX(id) FROM item").fetchall()
            connection.close()
        except sqlite3.Error as error:
            errors.append(f"{getattr(error, 'sqlite_errorname', '')}: {error}")
        time.sleep(random.random() / 100)


def _server_process(path: str, options: dict, stop: float, results: multiprocessing.Queue) -> None:
    """One server process: four threads, one writing, three reading."""
    errors: list[str] = []
    threads = [
        threading.Thread(target=_work, args=(path, options, stop, n == 0, errors)) for n in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(errors)


def test_connections_per_request_in_several_processes_never_fail(tmp_path: Path) -> None:
    path = str(tmp_path / "server.sqlite3")
    # Closed before the "server" starts: the failures came when the last connection
    # closed (SQLite then checkpoints and removes the WAL) while another process opened one.
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, text TEXT)")
        # A few megabytes to begin with: the torn reads came once the file had grown so.
        connection.executemany("INSERT INTO item (text) VALUES (?)", [("y" * 2000,)] * 3000)
    options = dict(settings.SQLITE_OPTIONS)
    # Spawned, not forked: a forked child would inherit this process's SQLite state.
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    stop = time.time() + SECONDS + 2  # the children take a moment to start
    processes = [
        context.Process(target=_server_process, args=(path, options, stop, results))
        for _n in range(2)
    ]
    for process in processes:
        process.start()
    errors = [error for _process in processes for error in results.get(timeout=60)]
    for process in processes:
        process.join()
    assert errors == []
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT COUNT(*) FROM item").fetchone()[0] > 0
