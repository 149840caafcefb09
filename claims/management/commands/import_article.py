"""Import an article from a .txt, .md or .html file, as the "Import an article" page does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims import articles
from claims.values import SUPPORTED_LANGUAGES


class Command(BaseCommand):
    help = "Import an article (.txt, .md or .html) and print its id and address."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the article file: .txt, .md or .html, UTF-8")
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
        path = Path(options["path"])
        try:
            articles.file_format(path.name)
            if path.stat().st_size > articles.MAX_FILE_BYTES:
                raise articles.ArticleRefused(articles.too_big_message())
            read = articles.read_article_file(path.name, path.read_bytes())
            language, _how = articles.article_language(
                read.text, chosen=options["lang"] or "", fallback=settings.LANGUAGE_CODE
            )
            source = articles.import_read_article(
                read,
                language=language,
                title=options["title"],
                url=options["url"],
                publisher=options["publisher"],
                author=options["author"],
                published=articles.parse_published(options["published"]),
            )
        except articles.DuplicateArticle as known:
            raise CommandError(
                f"{known.message} Not imported again: {known.existing.get_absolute_url()}"
            ) from None
        except articles.ArticleRefused as refused:
            raise CommandError(f"{path}: {refused.message}") from None
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}") from None
        self.stdout.write(
            f"Imported #{source.pk} “{source.title}” ({len(source.text):,} characters, "
            f"in {source.language}): "
            f"{source.get_absolute_url()}"
        )
