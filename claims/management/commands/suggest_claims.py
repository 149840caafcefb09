"""Print the claims suggested in an article, as its page lists them."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.models import Source
from claims.suggestions import suggestions_for


class Command(BaseCommand):
    help = (
        "List the claims suggested in an article, best first, leaving out what is "
        "already claimed or was dismissed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source_id", type=int, help="the article's id (its page's number)")
        parser.add_argument("--json", action="store_true", help="print a JSON array")
        parser.add_argument("--limit", type=int, default=0, help="only the best N suggestions")

    def handle(self, *args: Any, **options: Any) -> None:
        source = Source.objects.filter(pk=options["source_id"]).first()
        if source is None:
            raise CommandError(f"There is no article #{options['source_id']}.")
        found = suggestions_for(source)
        if options["limit"] > 0:
            found = found[: options["limit"]]
        if options["json"]:
            rows = [suggestion.as_json() for suggestion in found]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for suggestion in found:
            self.stdout.write(
                f"{suggestion.score:.2f}  {suggestion.kind:<11} {suggestion.start:>6}–"
                f"{suggestion.end:<6} {suggestion.exact}"
            )
            details = [suggestion.subject, suggestion.property_code]
            self.stdout.write("      " + " · ".join(d for d in details if d))
