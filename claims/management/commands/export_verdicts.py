"""Export claims and their verdicts as CSV, the same file as the list's "Export CSV" link."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from claims import exports
from claims.choices import ClaimStatus
from claims.filters import ClaimFilter
from claims.models import Claim
from claims.progress import for_command, quiet


class Command(BaseCommand):
    help = "Write every claim (or those with one status) and its verdict as CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--status", choices=ClaimStatus.values, help="only claims with this status"
        )
        parser.add_argument(
            "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
        )
        parser.add_argument(
            "--no-bom",
            action="store_true",
            help="leave out the UTF-8 byte order mark (Excel needs it to read accents)",
        )
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "FACTCHECK_BASE_URL", ""),
            help="where the workbench is served, for the claim URLs "
            "(default: the FACTCHECK_BASE_URL setting)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data = {"status": options["status"]} if options["status"] else {}
        claim_filter = ClaimFilter(data, queryset=Claim.objects.all())
        if not claim_filter.is_valid():
            raise CommandError(claim_filter.errors.as_text())
        base_url = options["base_url"]
        if not base_url:
            self.stderr.write(
                "No --base-url and no FACTCHECK_BASE_URL setting: claim URLs are paths only."
            )
        lines = exports.csv_lines(claim_filter.qs, base_url=base_url, bom=not options["no_bom"])
        progress = for_command(self.stderr, options["verbosity"])
        # Counting costs a query: only when there is a bar to draw.
        total = claim_filter.qs.count() if progress is not quiet else None
        with progress(total=total, desc="Claims", unit=" claims", unit_scale=True) as bar:
            blocks = _counted(lines, bar, total or 0)
            if options["output"]:
                try:
                    with open(options["output"], "w", encoding="utf-8", newline="") as output:
                        output.writelines(blocks)
                except OSError as error:
                    raise CommandError(f"Cannot write {options['output']}: {error}") from error
            else:
                for line in blocks:
                    self.stdout.write(line, ending="")


def _counted(blocks: Iterator[str], bar: tqdm, total: int) -> Iterator[str]:
    """The CSV's blocks, moving the bar on by a chunk of claims after each (the first
    block is the header)."""
    yield next(blocks, "")
    for block in blocks:
        yield block
        bar.update(min(exports.CHUNK_SIZE, max(total - bar.n, 0)))
