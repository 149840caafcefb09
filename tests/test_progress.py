"""Progress bars of the long commands: drawn on a terminal, quiet in CI and with -v 0.

(backup and restore: tests/test_backup.py.)"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from claims import progress
from claims.models import Source

pytestmark = pytest.mark.django_db


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def test_bars_are_drawn_on_a_terminal_only() -> None:
    assert progress.on_terminal(Terminal())
    assert not progress.on_terminal(Terminal(), verbosity=0)
    assert not progress.on_terminal(StringIO())
    assert not progress.on_terminal(object())
    assert progress.for_command(StringIO()) is progress.quiet
    assert progress.for_command(Terminal(), 0) is progress.quiet
    assert progress.for_command(Terminal()) is not progress.quiet


def test_generate_demo_data_shows_its_claims_on_a_terminal() -> None:
    terminal = Terminal()
    call_command("generate_demo_data", "--claims", "30", stdout=StringIO(), stderr=terminal)
    assert "Claims: 100%" in terminal.getvalue()
    assert "30.0/30.0" in terminal.getvalue()  # (unit_scale: a million shows as 1.00M)
    quiet = StringIO()
    call_command(
        "generate_demo_data", "--claims", "30", "--seed", "2", stdout=StringIO(), stderr=quiet
    )
    assert quiet.getvalue() == ""


def test_import_article_over_a_folder(tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Valmont a levé 12 millions d’euros.\n")
    (folder / "b.md").write_text("# Orbis\n\nOrbis emploie 300 personnes.\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # not an article: left alone
    out, terminal = StringIO(), Terminal()
    call_command("import_article", str(folder), "--lang", "fr", stdout=out, stderr=terminal)
    assert out.getvalue().count("Imported #") == 2
    assert "Articles: 100%" in terminal.getvalue() and "2/2" in terminal.getvalue()
    assert sorted(Source.objects.values_list("title", flat=True)) == [
        "Orbis",
        "Valmont a levé 12 millions d’euros.",
    ]


def test_import_article_over_many_files_imports_the_good_ones_and_names_the_bad(
    tmp_path,
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Valmont a levé 12 millions d’euros.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    errors = StringIO()
    with pytest.raises(CommandError, match="1 of 2 files were not imported"):
        call_command(
            "import_article", str(good), str(empty), "--lang", "fr",
            stdout=StringIO(), stderr=errors,
        )  # fmt: skip
    assert f"{empty}: The file is empty." in errors.getvalue()
    assert Source.objects.count() == 1
    # One title for many articles would be wrong for all but one: refused, nothing imported.
    with pytest.raises(CommandError, match="--title and --url describe one article"):
        call_command("import_article", str(good), str(empty), "--lang", "fr", "--title", "T")
    assert Source.objects.count() == 1


def test_export_verdicts_shows_its_claims_and_writes_the_same_file(deepseek, tmp_path) -> None:
    on_terminal, in_ci = tmp_path / "a.csv", tmp_path / "b.csv"
    terminal = Terminal()
    call_command(
        "export_verdicts",
        "-o",
        str(on_terminal),
        "--base-url",
        "https://f.example",
        stderr=terminal,
    )
    assert "Claims: 100%" in terminal.getvalue()
    quiet = StringIO()
    call_command(
        "export_verdicts", "-o", str(in_ci), "--base-url", "https://f.example", stderr=quiet
    )
    assert quiet.getvalue() == ""
    assert on_terminal.read_bytes() == in_ci.read_bytes()
