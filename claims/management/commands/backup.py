"""``manage.py backup [PATH]``: a consistent copy of the database, safe while the app runs.

SQLite is copied with SQLite's online backup API (``sqlite3.Connection.backup``):
one read transaction, so the copy is the database as it was at one instant, and
in WAL mode reviewers go on writing meanwhile. PostgreSQL is dumped with
``pg_dump --format=custom`` (one snapshot too), read back by ``manage.py restore``
through ``pg_restore``. The file is written beside its final name and renamed
once complete and checked, readable by its owner only: it holds password hashes
and sessions.

The functions here are shared with ``restore``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
# How each kind of backup file begins, and the suffix a backup made into a folder gets.
MAGIC = {SQLITE: b"SQLite format 3\x00", POSTGRESQL: b"PGDMP"}
SUFFIX = {SQLITE: ".sqlite3", POSTGRESQL: ".pgdump"}


def engine_of(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in MAGIC:
        raise CommandError(f"Backups are made for SQLite and PostgreSQL, not {vendor}.")
    return vendor


def sqlite_path(alias: str) -> Path:
    name = str(connections[alias].settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise CommandError(f"The database {name!r} is not a file that can be backed up.")
    return Path(name)


def sqlite_connect(path: Path, alias: str) -> sqlite3.Connection:
    """A plain connection that waits its turn as long as the app's connections do."""
    timeout = connections[alias].settings_dict.get("OPTIONS", {}).get("timeout", 20)
    return sqlite3.connect(path, timeout=timeout)


def sqlite_check(connection: sqlite3.Connection, what: str) -> None:
    result = connection.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise CommandError(f"{what} is damaged: {result}")


def pg_run(program: str, alias: str, *arguments: str, connect: bool = True) -> str:
    """Run pg_dump or pg_restore against the database, with the app's connection settings.

    The password and TLS options travel in the environment (``PGPASSWORD``,
    ``PGSSLMODE``…), as ``manage.py dbshell`` passes them, never on the command line.
    """
    executable = shutil.which(program)
    if executable is None:
        raise CommandError(
            f"{program} is not installed. Install the PostgreSQL client of the server's "
            "major version or newer (Debian: apt-get install postgresql-client)."
        )
    connection = connections[alias]
    settings_dict = connection.settings_dict
    _args, env = connection.client.settings_to_cmd_args_env(settings_dict, [])
    target = []
    for key, option in (("HOST", "--host"), ("PORT", "--port"), ("USER", "--username")):
        if settings_dict.get(key):
            target.append(f"{option}={settings_dict[key]}")
    target.append(f"--dbname={settings_dict['NAME']}")
    result = subprocess.run(
        [executable, *(["--no-password", *target] if connect else []), *arguments],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise CommandError(f"{program} failed:\n{result.stderr.strip()}")
    return result.stdout


def backup(alias: str, path: Path) -> Path:
    """Write a backup of the database ``alias`` to ``path`` (a file, or a folder to put one in)."""
    engine = engine_of(alias)
    if path.is_dir():
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = path / f"factcheck-{stamp}{SUFFIX[engine]}"
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    # Created readable by its owner only, before anything is written into it.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        if engine == SQLITE:
            _backup_sqlite(alias, partial)
        else:
            pg_run("pg_dump", alias, "--format=custom", f"--file={partial}")
            # Reading the table of contents back proves the dump is complete.
            pg_run("pg_restore", alias, "--list", str(partial), connect=False)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _backup_sqlite(alias: str, partial: Path) -> None:
    source = sqlite_connect(sqlite_path(alias), alias)
    target = sqlite3.connect(partial)
    try:
        # All pages in one step: one read transaction, one instant of the database.
        source.backup(target)
        sqlite_check(target, "The copy")
        # One self-contained file, whatever the live database's journal mode.
        target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise CommandError(f"SQLite could not back up the database: {error}") from error
    finally:
        target.close()
        source.close()


class Command(BaseCommand):
    help = (
        "Back up the database to a file (SQLite: online backup; PostgreSQL: pg_dump), "
        "safe while the app runs. Restore it with manage.py restore."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            default=".",
            type=Path,
            help="the backup file, or a folder to write factcheck-<date>-<time>.<suffix> "
            "into (default: the current folder)",
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help='the database to back up (default: "default")',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        written = backup(options["database"], options["path"])
        size = written.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Backed up to {written} ({size:,} bytes)."))
