"""``manage.py backup`` and ``manage.py restore``: a round trip brings every row back.

They run against the suite's own database: SQLite's online backup API when the
suite runs on SQLite, pg_dump and pg_restore when it runs on PostgreSQL. The
round trips are transactional tests (the backup reads committed rows from its
own connection); serialized rollback puts the data migrations' rows back after.
"""

from __future__ import annotations

import builtins
import io
import json
import shutil
import sqlite3
import stat
import tarfile
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from claims import files, workflow
from claims.models import Claim, Evidence, StoredFile
from tests.documents import make_image, make_pdf

REPORT = "Le registre indique une immatriculation le 17 juillet 2023."


def stored_bytes(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def database_of(archive_path: Path, into: Path) -> Path:
    """The database file inside a backup archive."""
    with tarfile.open(archive_path) as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
        target = into / manifest["database"]
        target.write_bytes(archive.extractfile(manifest["database"]).read())
    return target


round_trip = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _client_tools() -> None:
    if connection.vendor == "postgresql" and not (
        shutil.which("pg_dump") and shutil.which("pg_restore")
    ):
        pytest.skip(
            "pg_dump and pg_restore are not installed "
            "(Debian: apt-get install postgresql-client); the PostgreSQL backup is untested"
        )


def snapshot() -> dict[str, list[dict]]:
    """Every row of every table the project's models have, in primary key order."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
    }


def backup(path: Path) -> str:
    out = StringIO()
    call_command("backup", str(path), stdout=out)
    return out.getvalue()


def restore(path: Path) -> None:
    call_command("restore", str(path), interactive=False, stdout=StringIO())


@round_trip
def test_restore_brings_back_exactly_what_was_backed_up(
    migration_data, tmp_path, deepseek, reviewer, editor, evidence_storage
) -> None:
    first, second, third = Claim.objects.order_by("pk")[:3]
    # Evidence files too: a PDF quoted, and an image.
    report = files.attach_document(name="rapport.pdf", data=make_pdf(REPORT), by=reviewer)
    workflow.add_evidence(
        third, by=reviewer, stance="supports", source=report, excerpt="17 juillet 2023"
    )
    screenshot = files.attach_document(name="capture.png", data=make_image(), by=reviewer)
    stored = {f.file.name: stored_bytes(f.file.name) for f in StoredFile.objects.all()}
    evidence = workflow.add_evidence(
        first, by=reviewer, stance="refutes", url="https://example.org/a", title="Rapport « A »"
    )
    verdict = workflow.propose_verdict(first, by=reviewer, rating="false", rationale="Faux.")
    workflow.approve_verdict(verdict, by=editor)
    workflow.add_comment(second, by=reviewer, body="Vérifié deux fois.")
    before = snapshot()
    path = tmp_path / "factcheck.backup"

    assert "Backed up to" in backup(path)

    # What happens after the backup: edits, a deletion, a new account.
    workflow.reopen(first, by=editor, reason="A correction came in.")
    workflow.remove_evidence(evidence, by=reviewer)
    workflow.update_claim(second, by=reviewer, expected_version=None, statement="Changed.")
    Evidence.objects.filter(claim=third).delete()
    third.delete()
    User.objects.create_user("late-arrival")
    # The storage lost a file (a disk replaced, a bucket emptied by mistake).
    default_storage.delete(screenshot.file.file.name)
    assert snapshot() != before

    restore(path)

    assert snapshot() == before
    assert {name: stored_bytes(name) for name in stored} == stored
    # New rows still get fresh ids: the counters came back with the tables.
    added = workflow.add_evidence(second, by=reviewer, stance="context", url="https://e.org/b")
    assert added.pk > max(row["id"] for row in before["claims.Evidence"])


@round_trip
@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's online backup, taken while the app writes"
)
def test_a_sqlite_backup_taken_while_reviewers_write_is_consistent(
    migration_data, tmp_path, deepseek, reviewer
) -> None:
    claim = Claim.objects.order_by("pk").first()
    stop = threading.Event()
    written = []

    def write() -> None:
        try:
            while not stop.is_set():
                written.append(
                    workflow.add_evidence(
                        claim, by=reviewer, stance="supports", url="https://example.org/e"
                    )
                )
        finally:
            connection.close()

    def wait_for(count: int) -> None:
        deadline = time.monotonic() + 20
        while len(written) < count and writer.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        wait_for(5)
        backup(tmp_path / "during.tar")
        wait_for(len(written) + 5)  # and the writes go on
    finally:
        stop.set()
        writer.join()

    with sqlite3.connect(database_of(tmp_path / "during.tar", tmp_path)) as copy:
        (evidence,) = copy.execute("SELECT count(*) FROM claims_evidence").fetchone()
        (events,) = copy.execute(
            "SELECT count(*) FROM claims_claimevent WHERE kind = 'evidence_added'"
        ).fetchone()
        (version,) = copy.execute(
            "SELECT version FROM claims_claim WHERE id = ?", [claim.pk]
        ).fetchone()
    # One instant of the database: each write is in it whole, or not at all.
    assert 0 < evidence < len(written)
    assert events == evidence
    assert version == claim.version + evidence


@pytest.mark.django_db
def test_a_backup_into_a_folder_gets_a_dated_name_only_its_owner_can_read(tmp_path) -> None:
    assert "Backed up to" in backup(tmp_path)
    (written,) = tmp_path.iterdir()
    assert written.name.startswith("factcheck-")
    assert written.suffix == ".tar"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    with tarfile.open(written) as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
    assert manifest["engine"] == connection.vendor
    assert manifest["database"] == (
        "database.sqlite3" if connection.vendor == "sqlite" else "database.pgdump"
    )


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path) -> None:
    # No database access is allowed in this test: the refusal comes before any.
    path = tmp_path / "notes.txt"
    path.write_text("not a backup")
    with pytest.raises(CommandError, match=r"not a backup made by manage\.py backup"):
        restore(path)


def test_restore_refuses_a_backup_of_the_other_database(tmp_path) -> None:
    path = tmp_path / "other.backup"
    other = b"PGDMP" if connection.vendor == "sqlite" else b"SQLite format 3\x00"
    path.write_bytes(other + b"\x00" * 100)
    with pytest.raises(CommandError, match="Use dumpdata and loaddata"):
        restore(path)


def test_restore_asks_before_replacing_anything(tmp_path, monkeypatch) -> None:
    path = tmp_path / "factcheck.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    questions = []
    monkeypatch.setattr(builtins, "input", lambda question: questions.append(question) or "no")
    with pytest.raises(CommandError, match="Restore cancelled"):
        call_command("restore", str(path), stdout=StringIO())
    assert "will be replaced" in questions[0]


@round_trip
def test_a_damaged_file_in_the_archive_changes_nothing(
    migration_data, tmp_path, reviewer, evidence_storage
) -> None:
    document = files.attach_document(name="notes.txt", data=b"Le registre dit 2023.", by=reviewer)
    path = tmp_path / "factcheck.tar"
    backup(path)
    # Flip the file's bytes inside the archive: its SHA-256 no longer matches.
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(path) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("files/"):
                data = data.upper()
            target.addfile(member, io.BytesIO(data))
    default_storage.delete(document.file.file.name)
    User.objects.create_user("after-the-backup")
    with pytest.raises(CommandError, match="damaged; nothing was restored"):
        restore(damaged)
    assert User.objects.filter(username="after-the-backup").exists()
    assert not default_storage.exists(document.file.file.name)


def test_an_old_backup_without_files_still_restores(tmp_path) -> None:
    from claims.management.commands.restore import kind_of

    bare = tmp_path / "factcheck-old.sqlite3"
    bare.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert kind_of(bare) == "sqlite"


class Terminal(StringIO):
    """Standard error as a terminal: the commands draw their progress bars there."""

    def isatty(self) -> bool:
        return True


@round_trip
def test_backup_and_restore_show_progress_on_a_terminal_only(
    migration_data, tmp_path, deepseek, reviewer, evidence_storage
) -> None:
    files.attach_document(name="capture.png", data=make_image(), by=reviewer)
    path = tmp_path / "factcheck.backup"
    terminal = Terminal()
    call_command("backup", str(path), stdout=StringIO(), stderr=terminal)
    # The database, then the one evidence file: two steps.
    assert "Backup: 100%" in terminal.getvalue() and "2/2" in terminal.getvalue()
    terminal = Terminal()
    call_command("restore", str(path), interactive=False, stdout=StringIO(), stderr=terminal)
    assert "Restore: 100%" in terminal.getvalue() and "2/2" in terminal.getvalue()
    # Quiet with -v 0, and wherever standard error is not a terminal (CI, cron, a pipe).
    for stderr, verbosity in ((Terminal(), 0), (StringIO(), 1)):
        call_command("backup", str(path), stdout=StringIO(), stderr=stderr, verbosity=verbosity)
        call_command(
            "restore", str(path), interactive=False, stdout=StringIO(), stderr=stderr,
            verbosity=verbosity,
        )  # fmt: skip
        assert stderr.getvalue() == ""
