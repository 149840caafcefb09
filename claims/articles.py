"""Articles into the workbench: files read, text normalised once, duplicates caught.

Appearances point into ``Source.text`` by character offsets, so the text an
article is stored with must never be rewritten afterwards. Everything that
tidies it happens here, once, at import (:func:`normalise_text`):

* Unicode NFC, so that "é" is one character whatever the source page did;
* line breaks of every kind become ``\\n``; paragraphs are separated by exactly
  one blank line; a line broken in the middle of a sentence (hard-wrapped text:
  the line does not end a sentence and the next one starts in lower case) is
  joined back with a space;
* runs of spaces and tabs inside a line become one space, and the ends of lines
  are trimmed. **No-break spaces are kept** (U+00A0, U+202F, U+2007): French
  writes "2 000 GPU" and "96 %" with them, the value parser reads them, and a
  reader copying a quote expects them. A run that mixes them with ordinary
  spaces becomes the first no-break space it holds;
* invisible characters that break word search are dropped: control
  characters, zero-width spaces, byte order marks and soft hyphens.

HTML is reduced to its main text by trafilatura (the main-text extractor that
comes out on top of the published boilerplate-removal benchmarks, maintained,
with readability and jusText built in as its fallbacks), Markdown to its text
by markdown-it-py (a CommonMark parser: the markup is read, not stripped by
regex). A file is refused, with a message that says why and nothing written,
when it is empty, too large, binary (PDF, Word, images) or not in UTF-8 (HTML
may declare another encoding).

A re-import is recognised by the SHA-256 of the normalised text, which
``Source.save`` stores as ``text_sha256``.
"""

from __future__ import annotations

import copy
import datetime
import functools
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from claims import languages
from claims.audit import records_actor
from claims.choices import DatePrecision
from claims.dates import parse_date
from claims.models import Source
from claims.values import SUPPORTED_LANGUAGES
from claims.workflow import require_reviewer

logger = logging.getLogger(__name__)

# An HTML page with its markup, scripts and styles is much bigger than its text.
MAX_FILE_BYTES = 5 * 1024 * 1024
# About 30,000 words: a long report. The article page suggests claims on every
# view, and that takes time in proportion to the text.
MAX_TEXT_CHARS = 200_000
MAX_TITLE = 500
MAX_URL = 2000

TEXT_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_EXTENSIONS = {".html": "html", ".htm": "html", ".xhtml": "html"}
FORMATS = TEXT_EXTENSIONS | HTML_EXTENSIONS

NO_BREAK_SPACES = "\u00a0\u202f\u2007"

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# Whitespace other than a line break; in Python's Unicode regexes that
# includes the no-break spaces, which _collapse_spaces puts back.
_SPACE_RUN = re.compile(r"[^\S\n]+")
# Invisible characters that only get in the way of search and offsets. Zero-width
# joiners stay: emoji and some scripts need them.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\u2060\ufeff\u00ad]")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)\]]$")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")

# Files that are not text, by their first bytes, so the message can say what they are.
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "Word, OpenDocument or ZIP"),
    (b"\xd0\xcf\x11\xe0", "Word"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class ArticleRefused(Exception):
    """The article cannot be imported. The message says why, for the person who tried."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class DuplicateArticle(ArticleRefused):
    """The same text is already in the workbench, as ``existing``."""

    def __init__(self, existing: Source) -> None:
        super().__init__(
            _("This article is already in the workbench: “%(title)s” (#%(id)s).")
            % {"title": existing.title, "id": existing.pk}
        )
        self.existing = existing


@dataclass(frozen=True)
class ReadArticle:
    """A file's text, normalised, with what its markup said about it (for empty fields)."""

    text: str
    title: str = ""
    publisher: str = ""
    author: str = ""
    url: str = ""
    published_on: datetime.date | None = None


# --- normalisation ------------------------------------------------------------------


def _collapse_spaces(match: re.Match[str]) -> str:
    run = match.group()
    return next((c for c in run if c in NO_BREAK_SPACES), " ")


def _paragraphs(text: str) -> list[str]:
    """The text's paragraphs, tidied, without the blank lines between them."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text)).replace("\t", " ")
    paragraphs: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = _SPACE_RUN.sub(_collapse_spaces, raw).strip()
        if not line:
            joinable = False
            continue
        if joinable and line[0].islower():
            # Hard-wrapped text: the sentence goes on on the next line.
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        joinable = _SENTENCE_END.search(paragraphs[-1]) is None
    return paragraphs


def normalise_text(text: str) -> str:
    """The text as the workbench stores it; applying it twice changes nothing."""
    return "\n\n".join(_paragraphs(text))


def text_hashes(text: str) -> set[str]:
    """The SHA-256 an already stored copy of this normalised text may have.

    Texts stored before imports normalised them (the demo case) separate
    paragraphs with a single line break; both spellings count as the same text.
    """
    variants = {text, text.replace("\n\n", "\n")}
    return {hashlib.sha256(v.encode()).hexdigest() for v in variants}


def find_duplicate(text: str) -> Source | None:
    """The source that already holds this (normalised) text, if any."""
    return (
        Source.objects.filter(text_sha256__in=text_hashes(text))
        .only("pk", "title")
        .order_by("pk")
        .first()
    )


# --- files ------------------------------------------------------------------------------


def too_big_message() -> str:
    return _("The file is too big: an article file may be at most %(size)s MB.") % {
        "size": MAX_FILE_BYTES // (1024 * 1024)
    }


def file_format(name: str) -> str:
    """ "text", "markdown" or "html", from the file's extension; refused otherwise."""
    suffix = PurePath(name or "").suffix.lower()
    if suffix not in FORMATS:
        raise ArticleRefused(
            _("Upload a .txt, .md or .html file (this one is “%(suffix)s”).")
            % {"suffix": suffix or _("without extension")}
        )
    return FORMATS[suffix]


def _check_bytes(data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise ArticleRefused(too_big_message())
    if not data.strip():
        raise ArticleRefused(_("The file is empty."))
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ArticleRefused(
                _("This is a %(kind)s file, not text. Save the article as .txt, .md or .html.")
                % {"kind": kind}
            )
    if b"\x00" in data:
        raise ArticleRefused(_("This is not a text file (it holds binary data)."))


def _not_utf8() -> ArticleRefused:
    return ArticleRefused(
        _("The file is not UTF-8 encoded text. Save it as UTF-8 and upload it again.")
    )


def _decode(data: bytes, *, html: bool) -> str:
    """UTF-8, or for HTML the encoding the page declares; anything else is refused."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        declared = _DECLARED_CHARSET.search(data[:4096]) if html else None
        if declared is None:
            raise _not_utf8() from None
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise _not_utf8() from None
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if controls > max(10, len(text) // 100):
        raise ArticleRefused(_("This is not a text file (it holds binary data)."))
    return text


def read_article_file(name: str, data: bytes) -> ReadArticle:
    """A .txt, .md or .html file as normalised article text, or ``ArticleRefused``."""
    kind = file_format(name)
    _check_bytes(data)
    raw = _decode(data, html=kind == "html")
    if kind == "html":
        article = html_to_article(raw)
    elif kind == "markdown":
        article = ReadArticle(text=markdown_to_text(raw))
    else:
        article = ReadArticle(text=raw)
    text = normalise_text(article.text)
    if not text:
        raise ArticleRefused(
            _("The page holds no article text that could be read.")
            if kind == "html"
            else _("The file holds no text.")
        )
    return ReadArticle(
        text=text,
        title=article.title,
        publisher=article.publisher,
        author=article.author,
        url=article.url,
        published_on=article.published_on,
    )


# --- HTML and Markdown --------------------------------------------------------------------

# trafilatura folds every kind of space into an ordinary one; these stand in for
# the no-break spaces while it works. Printable (so that it keeps them) and
# from a block no news text uses.
_STAND_INS = dict(zip(NO_BREAK_SPACES, "\u2e3a\u2e3b\u2e3c", strict=True))


def _protect_spaces(tree) -> bool:
    """Swap no-break spaces for their stand-ins in place; False if the page uses those."""
    chunks = [t for el in tree.iter() for t in (el.text, el.tail) if t]
    if any(c in chunk for chunk in chunks for c in _STAND_INS.values()):
        return False
    table = str.maketrans(_STAND_INS)
    for el in tree.iter():
        if isinstance(el.tag, str):  # not comments or processing instructions
            if el.text:
                el.text = el.text.translate(table)
            if el.tail:
                el.tail = el.tail.translate(table)
    return True


def html_to_article(html: str) -> ReadArticle:
    """The main text of an HTML page (no menus, footers or comments) and its metadata."""
    import lxml.etree
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        raise ArticleRefused(_("The page holds no article text that could be read.")) from None
    metadata = trafilatura.extract_metadata(copy.deepcopy(tree), extensive=False)
    protected = _protect_spaces(tree)
    options = {"include_comments": False, "include_tables": True, "favor_recall": True}
    text = trafilatura.extract(copy.deepcopy(tree), **options) or ""
    if not text.strip():
        # Too little text for the extractor's heuristics: take what the page says.
        text = trafilatura.baseline(tree)[1] or ""
    if protected:
        text = text.translate({ord(v): k for k, v in _STAND_INS.items()})
    published = None
    if metadata is not None and metadata.date:
        try:
            published = datetime.date.fromisoformat(metadata.date[:10])
        except ValueError:
            published = None
    return ReadArticle(
        text=text,
        title=(metadata.title or "") if metadata else "",
        publisher=(metadata.sitename or "") if metadata else "",
        author=(metadata.author or "") if metadata else "",
        url=_web_url((metadata.url or "") if metadata else ""),
        published_on=published,
    )


def _web_url(url: str) -> str:
    """The page's own address if it is an http(s) URL the model can hold, else nothing."""
    url = url.strip()
    if len(url) > MAX_URL or urlsplit(url).scheme.lower() not in {"http", "https"}:
        return ""
    return url


def markdown_to_text(markdown: str) -> str:
    """The text of a Markdown document: one paragraph per block, markup and images gone.

    Headings, paragraphs, list items and table rows each become a paragraph;
    links keep their text, code keeps its content, and inline HTML is dropped.
    """
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown)
    blocks: list[str] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(" | ".join(row))
            row = None
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            if row is not None:
                row.append(text)
            else:
                blocks.append(text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content)
    return "\n\n".join(blocks)


def _inline_text(children: list) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


# --- dates ----------------------------------------------------------------------------------


def parse_published(raw: str) -> tuple[datetime.date | None, str]:
    """A publication date as people write it, with its precision; "" gives (None, "").

    "2025", "janvier 2025", "01/2025", "28/01/2025", "28 Jan 2025", "2025-01-28"…
    (see claims.dates: day first, or ISO, or the month's name in French or English).
    """
    raw = (raw or "").strip()
    if not raw:
        return None, ""
    parsed = parse_date(raw)
    if parsed is None:
        raise ArticleRefused(
            _("Write the publication date as 28/01/2025, 28 Jan 2025, January 2025 or 2025.")
        )
    return parsed


# --- the import -----------------------------------------------------------------------------


def too_long_message(count: int | None = None) -> str:
    limit = number_format(MAX_TEXT_CHARS, force_grouping=True)
    if count is None:
        return _("The article is too long: at most %(limit)s characters.") % {"limit": limit}
    return _("The article is too long: at most %(limit)s characters (this one has %(count)s).") % {
        "limit": limit,
        "count": number_format(count, force_grouping=True),
    }


def check_length(text: str) -> None:
    """Refuse a normalised text longer than an article may be."""
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleRefused(too_long_message(len(text)))


def detect_language(text: str) -> str | None:
    """The article's language, told from its text, if the workbench reads it; else None."""
    return languages.detect_language(text, SUPPORTED_LANGUAGES)


# How an article's language was settled, for the message that says so.
CHOSEN, TOLD, FALLBACK = "chosen", "told", "fallback"


def article_language(text: str, *, chosen: str = "", fallback: str) -> tuple[str, str]:
    """The language to store an article in, and how it was settled: the one the person
    chose, else the one its text is in, else ``fallback`` (the interface's)."""
    if chosen:
        return chosen, CHOSEN
    told = detect_language(text)
    return (told, TOLD) if told else (fallback, FALLBACK)


def _default_title(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= 200 else first[:199].rstrip() + "…"


@records_actor
@transaction.atomic
def import_article(
    *,
    text: str,
    language: str,
    title: str = "",
    url: str = "",
    publisher: str = "",
    author: str = "",
    published_on: datetime.date | None = None,
    published_precision: str = "",
    by: AbstractBaseUser | None = None,
) -> Source:
    """Store an article, its text normalised; refuse an empty, oversized or known text.

    ``by`` is the person importing (None for the command line). Raises
    ``DuplicateArticle`` when the workbench already has the same text.
    """
    if by is not None:
        require_reviewer(by)
    text = normalise_text(text)
    if not text:
        raise ArticleRefused(_("The article has no text."))
    check_length(text)
    if language not in SUPPORTED_LANGUAGES:
        raise ArticleRefused(
            _("Articles can be imported in %(languages)s.")
            % {"languages": ", ".join(SUPPORTED_LANGUAGES)}
        )
    url = url.strip()
    if url and _web_url(url) != url:
        raise ArticleRefused(_("The article's URL must be an http:// or https:// address."))
    if (published_on is None) != (not published_precision):
        raise ArticleRefused(_("A publication date needs its precision (year, month or day)."))
    existing = find_duplicate(text)
    if existing is not None:
        raise DuplicateArticle(existing)
    title = " ".join(title.split())[:MAX_TITLE] or _default_title(text)
    source = Source.objects.create(
        title=title,
        url=url,
        publisher=" ".join(publisher.split())[:200],
        author=" ".join(author.split())[:200],
        language=language,
        published_on=published_on,
        published_precision=published_precision,
        text=text,
        created_by=by,
    )
    # Read the article for suggestions once it is stored, so that its page opens at once;
    # after the commit, so that the write lock is not held while it reads.
    transaction.on_commit(functools.partial(read_ahead, source))
    return source


def read_ahead(source: Source) -> None:
    """Compute and cache the source's suggestions; a failure here never fails an import."""
    from claims.suggestions import source_suggestions

    try:
        source_suggestions(source)
    except Exception:
        logger.exception("reading article %s ahead for suggestions failed", source.pk)


def import_read_article(
    read: ReadArticle,
    *,
    language: str,
    title: str = "",
    url: str = "",
    publisher: str = "",
    author: str = "",
    published: tuple[datetime.date | None, str] = (None, ""),
    by: AbstractBaseUser | None = None,
) -> Source:
    """``import_article`` for a file or pasted text that has been read.

    What the person typed wins; what the file's markup says fills the fields they
    left empty, its publication date (always a full date) included.
    """
    published_on, precision = published
    if published_on is None and read.published_on is not None:
        published_on, precision = read.published_on, DatePrecision.DAY
    return import_article(
        text=read.text,
        language=language,
        title=title or read.title,
        url=url or read.url,
        publisher=publisher or read.publisher,
        author=author or read.author,
        published_on=published_on,
        published_precision=precision,
        by=by,
    )
