"""``manage.py restore FILE``: put back a backup made by ``manage.py backup``.

Every table is replaced by its content in the backup: what was written since is
gone. Stop the app servers first (a reviewer's save in the middle of a restore
is lost, and PostgreSQL's restore waits for their transactions), restore, then
start them again. SQLite backups are copied in with the online backup API, in
one write transaction; PostgreSQL dumps go through ``pg_restore --clean
--single-transaction``, so a failed restore leaves the database as it was.

A backup archive also holds the evidence files: each is checked against its
SHA-256 and written back through the storage API before the database is
replaced (a file already there is left as it is: names are their content's hash).
A bare database file, as backups made before evidence files existed, restores too.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from claims.management.commands.backup import (
    FILES_FOLDER,
    MAGIC,
    MANIFEST,
    POSTGRESQL,
    SQLITE,
    engine_of,
    pg_run,
    sqlite_check,
    sqlite_connect,
    sqlite_path,
)
from claims.progress import Progress, for_command, quiet

NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}


def kind_of(path: Path) -> str:
    """Which database made this backup, from the file's first bytes or its manifest."""
    try:
        with path.open("rb") as backup_file:
            start = backup_file.read(16)
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
    for engine, magic in MAGIC.items():
        if start.startswith(magic):
            return engine
    manifest = _manifest(path)
    if manifest is not None and manifest.get("engine") in MAGIC:
        return manifest["engine"]
    raise CommandError(f"{path} is not a backup made by manage.py backup.")


def _manifest(path: Path) -> dict | None:
    if not tarfile.is_tarfile(path):
        return None
    try:
        with tarfile.open(path) as archive:
            member = archive.extractfile(MANIFEST)
            return json.loads(member.read()) if member else None
    except (KeyError, tarfile.TarError, ValueError):
        return None


def restore(alias: str, path: Path, *, progress: Progress = quiet) -> None:
    """Replace the content of the database ``alias`` (and put back the evidence files)
    with the backup in ``path``."""
    engine, kind = engine_of(alias), kind_of(path)
    if kind != engine:
        raise CommandError(
            f"{path} is a {NAMES[kind]} backup; this database is {NAMES[engine]}. "
            "Use dumpdata and loaddata to move data between the two."
        )
    manifest = _manifest(path)
    if manifest is None:
        _restore_database(alias, engine, path)
        return
    files = len(manifest.get("files", []))
    # One step per evidence file (each read and checked), one for the database.
    with (
        tarfile.open(path) as archive,
        tempfile.TemporaryDirectory(dir=path.parent) as work,
        progress(total=files + 1, desc="Restore", unit=" steps") as bar,
    ):
        bar.set_postfix_str("evidence files")
        restore_files(archive, manifest, done=bar.update)
        bar.set_postfix_str("database")
        database = Path(work) / Path(manifest["database"]).name
        member = archive.extractfile(manifest["database"])
        if member is None:
            raise CommandError(f"{path} holds no database.")
        with database.open("wb") as out:
            while chunk := member.read(1024 * 1024):
                out.write(chunk)
        _restore_database(alias, engine, database)
        bar.update(1)


def restore_files(
    archive: tarfile.TarFile, manifest: dict, *, done: Callable[[int], object] = lambda n: None
) -> int:
    """Write back every evidence file of the archive that storage lacks; all are checked
    against their SHA-256 first, so that a damaged archive changes nothing."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    wanted = []
    for entry in manifest.get("files", []):
        member = archive.extractfile(f"{FILES_FOLDER}/{entry['name']}")
        data = member.read() if member else b""
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise CommandError(
                f"The evidence file {entry['name']} in the backup is damaged; nothing was restored."
            )
        wanted.append((entry["name"], data))
        done(1)
    written = 0
    for name, data in wanted:
        if default_storage.exists(name):
            continue
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:
            raise CommandError(f"Storage put {name} under another name ({saved}).")
        written += 1
    return written


def _restore_database(alias: str, engine: str, path: Path) -> None:
    # This process's own connection must not hold the old tables.
    connections[alias].close()
    if engine == SQLITE:
        _restore_sqlite(alias, path)
    else:
        pg_run(
            "pg_restore",
            alias,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            str(path),
        )


def _restore_sqlite(alias: str, path: Path) -> None:
    source = sqlite3.connect(path)
    target = sqlite_connect(sqlite_path(alias), alias)
    try:
        sqlite_check(source, str(path))
        (mode,) = target.execute("PRAGMA journal_mode").fetchone()
        # Page by page into the live file, under one write lock.
        source.backup(target)
        target.execute(f"PRAGMA journal_mode={mode}")
        sqlite_check(target, "The restored database")
    except sqlite3.Error as error:
        raise CommandError(f"SQLite could not restore {path}: {error}") from error
    finally:
        target.close()
        source.close()


class Command(BaseCommand):
    help = (
        "Replace the database's content with a backup made by manage.py backup. "
        "Stop the app servers first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the backup file")
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help='the database to restore into (default: "default")',
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        alias, path = options["database"], options["path"]
        kind_of(path)  # refuse a file that is not a backup before asking anything
        name = connections[alias].settings_dict["NAME"]
        if options["interactive"]:
            answer = input(
                f"Every row in the database {name!r} will be replaced by the content of {path}; "
                "what was saved since that backup will be lost.\n"
                "Are the app servers stopped, and do you want to restore? Type 'yes': "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        restore(alias, path, progress=for_command(self.stderr, options["verbosity"]))
        self.stdout.write(self.style.SUCCESS(f"Restored {path} into {name!r}."))
