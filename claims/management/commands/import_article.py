"""Import articles from .txt, .md or .html files (or folders of them), as the "Import an
article" page does, with a progress bar on a terminal when there are many."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims import articles
from claims.models import Source
from claims.progress import for_command
from claims.values import SUPPORTED_LANGUAGES


class Command(BaseCommand):
    help = (
        "Import articles (.txt, .md or .html files, or folders of them) and print the id and "
        "address of each."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths",
            nargs="+",
            metavar="path",
            help="an article file (.txt, .md or .html, UTF-8), or a folder of them",
        )
        parser.add_argument(
            "--lang",
            choices=SUPPORTED_LANGUAGES,
            help="the article's language; default: told from its text, else "
            f"{settings.LANGUAGE_CODE} (LANGUAGE_CODE)",
        )
        parser.add_argument("--title", default="", help="default: the page's title or first line")
        parser.add_argument("--url", default="", help="where the article was published")
        parser.add_argument("--publisher", default="", help="who published it")
        parser.add_argument("--author", default="", help="who wrote it")
        parser.add_argument(
            "--published",
            default="",
            metavar="DATE",
            help="publication date: 28/01/2025, 28 Jan 2025, 2025-01-28, January 2025 or 2025",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths = files_to_import([Path(p) for p in options["paths"]])
        if len(paths) > 1 and (options["title"] or options["url"]):
            raise CommandError(
                "--title and --url describe one article: give them with one file only."
            )
        try:
            published = articles.parse_published(options["published"])
        except articles.ArticleRefused as refused:
            raise CommandError(refused.message) from None
        fields = {name: options[name] for name in ("title", "url", "publisher", "author")}
        out = getattr(self.stdout, "_out", self.stdout)
        progress = for_command(self.stderr, options["verbosity"])
        failed = []
        with progress(total=len(paths), desc="Articles", unit=" files") as bar:
            for path in paths:
                try:
                    source = import_file(path, options["lang"], published=published, **fields)
                except CommandError as error:
                    if len(paths) == 1:
                        raise
                    failed.append(path)
                    bar.write(f"{error}", file=getattr(self.stderr, "_out", self.stderr))
                else:
                    bar.write(
                        f"Imported #{source.pk} “{source.title}” ({len(source.text):,} "
                        f"characters, in {source.language}): {source.get_absolute_url()}",
                        file=out,
                    )
                bar.update(1)
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(paths)} files were not imported (see above); "
                "the others were."
            )


def files_to_import(paths: list[Path]) -> list[Path]:
    """The files named, and the articles in the folders named (not their subfolders)."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in articles.FORMATS
            )
        else:
            found.append(path)
    if not found:
        raise CommandError("No .txt, .md or .html file to import there.")
    return found


def import_file(path: Path, language: str | None, **fields: Any) -> Source:
    """One article; its language is ``language``, else told from its text."""
    try:
        articles.file_format(path.name)
        if path.stat().st_size > articles.MAX_FILE_BYTES:
            raise articles.ArticleRefused(articles.too_big_message())
        read = articles.read_article_file(path.name, path.read_bytes())
        language, _how = articles.article_language(
            read.text, chosen=language or "", fallback=settings.LANGUAGE_CODE
        )
        return articles.import_read_article(read, language=language, **fields)
    except articles.DuplicateArticle as known:
        raise CommandError(
            f"{path}: {known.message} Not imported again: {known.existing.get_absolute_url()}"
        ) from None
    except articles.ArticleRefused as refused:
        raise CommandError(f"{path}: {refused.message}") from None
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror or error}") from None
