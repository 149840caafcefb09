"""``manage.py backup [PATH]``: a consistent copy of the database, safe while the app runs.

SQLite is copied with SQLite's online backup API (``sqlite3.Connection.backup``):
one read transaction, so the copy is the database as it was at one instant, and
in WAL mode reviewers go on writing meanwhile. PostgreSQL is dumped with
``pg_dump --format=custom`` (one snapshot too), read back by ``manage.py restore``
through ``pg_restore``. The file is written beside its final name and renamed
once complete and checked, readable by its owner only: it holds password hashes
and sessions.

Evidence files (uploads and copies of pages) live in Django's storage, not in the
database: the backup is one tar archive holding the database file, every stored
file the database lists (read through the storage API, so a folder and an object
store are backed up alike, each checked against its SHA-256) and a manifest.

The functions here are shared with ``restore``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from claims.progress import Progress, for_command, quiet

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
# How each kind of backup file begins, and the suffix a backup made into a folder gets.
MAGIC = {SQLITE: b"SQLite format 3\x00", POSTGRESQL: b"PGDMP"}
SUFFIX = {SQLITE: ".sqlite3", POSTGRESQL: ".pgdump"}
ARCHIVE_SUFFIX = ".tar"
MANIFEST = "manifest.json"
FILES_FOLDER = "files"
ARCHIVE_FORMAT = 1


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


def backup(alias: str, path: Path, *, progress: Progress = quiet) -> Path:
    """Write a backup of the database ``alias`` and of the evidence files to ``path``
    (a file, or a folder to put one in): one tar archive."""
    engine = engine_of(alias)
    if path.is_dir():
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = path / f"factcheck-{stamp}{ARCHIVE_SUFFIX}"
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    # Created readable by its owner only, before anything is written into it.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        with tempfile.TemporaryDirectory(dir=path.parent) as work:
            database = Path(work) / f"database{SUFFIX[engine]}"
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            # One step for the database, then one per evidence file.
            with progress(total=1, desc="Backup", unit=" steps") as bar:
                bar.set_postfix_str("database")
                dump_database(alias, engine, database)
                # Listed after the dump: every file the copied database knows is there
                # (stored files are never changed, and never deleted while referenced).
                files = stored_files(alias)
                bar.total = 1 + len(files)
                bar.update(1)
                bar.set_postfix_str("evidence files")
                _archive(partial, engine, database, files, done=bar.update)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def dump_database(alias: str, engine: str, target: Path) -> None:
    if engine == SQLITE:
        _backup_sqlite(alias, target)
    else:
        pg_run("pg_dump", alias, "--format=custom", f"--file={target}")
        # Reading the table of contents back proves the dump is complete.
        pg_run("pg_restore", alias, "--list", str(target), connect=False)


def stored_files(alias: str) -> list[tuple[str, str, int]]:
    """(storage name, SHA-256, size) of every evidence file the database lists."""
    from claims.models import StoredFile

    return list(
        StoredFile.objects.using(alias).order_by("pk").values_list("file", "sha256", "size")
    )


def _archive(
    target: Path,
    engine: str,
    database: Path,
    files: list[tuple[str, str, int]],
    *,
    done: Callable[[int], object] = lambda n: None,
) -> None:
    from django.core.files.storage import default_storage

    manifest = {
        "format": ARCHIVE_FORMAT,
        "engine": engine,
        "created": timezone.now().isoformat(),
        "database": database.name,
        "files": [{"name": name, "sha256": sha, "size": size} for name, sha, size in files],
    }
    with tarfile.open(target, "w") as archive:
        _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
        archive.add(database, arcname=database.name)
        for name, sha256, _size in files:
            try:
                with default_storage.open(name, "rb") as handle:
                    data = handle.read()
            except FileNotFoundError:
                raise CommandError(
                    f"The evidence file {name} is missing from storage: the backup would "
                    "be incomplete. Restore it from an earlier backup first."
                ) from None
            if hashlib.sha256(data).hexdigest() != sha256:
                raise CommandError(f"The evidence file {name} does not match its SHA-256.")
            _add_bytes(archive, f"{FILES_FOLDER}/{name}", data)
            done(1)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


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
        "Back up the database (SQLite: online backup; PostgreSQL: pg_dump) and the evidence "
        "files to one archive, safe while the app runs. Restore it with manage.py restore."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            default=".",
            type=Path,
            help="the backup file, or a folder to write factcheck-<date>-<time>.tar "
            "into (default: the current folder)",
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help='the database to back up (default: "default")',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        written = backup(
            options["database"],
            options["path"],
            progress=for_command(self.stderr, options["verbosity"]),
        )
        size = written.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Backed up to {written} ({size:,} bytes)."))
