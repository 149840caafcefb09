"""Files as evidence: what a file is (read from its bytes, never from its name), its
text, and the bytes stored once through Django's storage API.

A reviewer attaches a PDF report, a screenshot, a saved web page or a text file.
Its type is decided by parsing it: pypdf must read a PDF (and gives its text),
Pillow must decode an image, an HTML page goes through trafilatura as articles
do. A file whose name says one type and whose content is another is refused,
with the reason; so is one that is too big, empty, damaged or of another kind.
Its text becomes a ``Source`` of kind "document", so that an excerpt is quoted
and anchored by offsets exactly like an article quote; the bytes become a
``StoredFile`` named by their SHA-256, so the same file attached twice is
stored once.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from claims import articles
from claims.models import Source, SourceKind, StoredFile
from claims.workflow import require_reviewer

logger = logging.getLogger(__name__)

PDF, PNG, JPEG, WEBP = "application/pdf", "image/png", "image/jpeg", "image/webp"
HTML, TEXT = "text/html", "text/plain"

# What a name claims; HTML and plain text are one family (a page saved as .txt is text).
EXTENSIONS = {
    ".pdf": PDF,
    ".png": PNG,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".webp": WEBP,
    ".html": HTML,
    ".htm": HTML,
    ".txt": TEXT,
    ".text": TEXT,
}
LABELS = {PDF: "PDF", PNG: "PNG", JPEG: "JPEG", WEBP: "WebP", HTML: "HTML", TEXT: "text"}
IMAGE_FORMATS = {"PNG": PNG, "JPEG": JPEG, "WEBP": WEBP}
# A document's text is searched and shown whole; a longer one is a book, not evidence.
MAX_DOCUMENT_CHARS = 1_000_000
_HTML_SIGNS = (b"<!doctype html", b"<html", b"<head", b"<body")


class FileRefused(Exception):
    """The file cannot be evidence. The message says why, for the person who tried."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class ReadFile:
    content_type: str
    text: str
    title: str = ""
    data: bytes = field(default=b"", repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def max_bytes() -> int:
    return settings.FACTCHECK_EVIDENCE_MAX_MB * 1024 * 1024


def too_big_message() -> str:
    return _("The file is too big: evidence files may be at most %(size)s MB.") % {
        "size": settings.FACTCHECK_EVIDENCE_MAX_MB
    }


def sniff(data: bytes) -> str | None:
    """The file's type from its first bytes; None for a kind evidence cannot be."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if b"\x00" in data[:8192]:
        return None
    head = data[:2048].lstrip().lower()
    if any(sign in head for sign in _HTML_SIGNS):
        return HTML
    return TEXT


def read_file(name: str, data: bytes) -> ReadFile:
    """The file's type and text, or ``FileRefused`` saying why it cannot be evidence."""
    if not data.strip():
        raise FileRefused(_("The file is empty."))
    if len(data) > max_bytes():
        raise FileRefused(too_big_message())
    actual = sniff(data)
    if actual is None:
        raise FileRefused(
            _("This file is not a PDF, an image (PNG, JPEG, WebP), a web page or plain text.")
        )
    claimed = EXTENSIONS.get(PurePath(name or "").suffix.lower())
    family = {HTML, TEXT}
    if claimed and claimed != actual and not {claimed, actual} <= family:
        raise FileRefused(
            _("“%(name)s” is named as a %(claimed)s file but holds %(actual)s.")
            % {"name": name, "claimed": LABELS[claimed], "actual": _described(actual)}
        )
    if actual == PDF:
        return _read_pdf(data)
    if actual in IMAGE_FORMATS.values():
        return _read_image(data, actual)
    content_type = claimed if claimed in family else actual
    try:
        raw = articles._decode(data, html=content_type == HTML)
    except articles.ArticleRefused as refused:
        raise FileRefused(refused.message) from None
    if content_type == HTML:
        try:
            page = articles.html_to_article(raw)
        except articles.ArticleRefused as refused:
            raise FileRefused(refused.message) from None
        return _with_text(HTML, page.text, page.title, data)
    return _with_text(TEXT, raw, "", data)


def _described(content_type: str) -> str:
    return {
        PDF: _("a PDF"),
        PNG: _("a PNG image"),
        JPEG: _("a JPEG image"),
        WEBP: _("a WebP image"),
        HTML: _("a web page"),
        TEXT: _("text"),
    }[content_type]


def _with_text(content_type: str, text: str, title: str, data: bytes) -> ReadFile:
    text = articles.normalise_text(text)
    if len(text) > MAX_DOCUMENT_CHARS:
        raise FileRefused(
            _("The document's text is too long (more than %(n)s characters).")
            % {"n": f"{MAX_DOCUMENT_CHARS:,}"}
        )
    return ReadFile(content_type=content_type, text=text, title=title.strip()[:500], data=data)


def _read_pdf(data: bytes) -> ReadFile:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileRefused(_("This PDF is protected by a password: attach an open copy."))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title or "") if reader.metadata else ""
    except FileRefused:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, OSError) as error:
        logger.info("unreadable PDF: %s", error)
        raise FileRefused(
            _("This PDF cannot be read: it is damaged or not really a PDF.")
        ) from None
    if not pages:
        raise FileRefused(_("This PDF cannot be read: it is damaged or not really a PDF."))
    return _with_text(PDF, "\n\n".join(pages), str(title), data)


def _unreadable_pdf() -> FileRefused:
    return FileRefused(_("This PDF cannot be read: it is damaged or not really a PDF."))


def _read_image(data: bytes, content_type: str) -> ReadFile:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            found = IMAGE_FORMATS.get(image.format or "")
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise FileRefused(_("This image cannot be read: it is damaged.")) from None
    if found != content_type:
        raise FileRefused(_("This image cannot be read: it is damaged."))
    # An image has no text to anchor an excerpt in: the reviewer describes what it shows.
    return ReadFile(content_type=content_type, text="", data=data)


@contextmanager
def stored_or_undone() -> Iterator[list[str]]:
    """A transaction for rows that point at new files: if it fails, the files written
    inside it are deleted again, so that nothing is left half-stored."""
    written: list[str] = []
    try:
        with transaction.atomic():
            yield written
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def store(
    data: bytes,
    *,
    content_type: str,
    name: str,
    by: AbstractBaseUser | None,
    written: list[str],
) -> StoredFile:
    """The bytes in storage and their row, once: the same content is never stored twice.

    ``written`` collects what this call put in storage (see ``stored_or_undone``).
    """
    sha256 = hashlib.sha256(data).hexdigest()
    existing = StoredFile.objects.filter(sha256=sha256).first()
    if existing is not None:
        return existing
    stored = StoredFile(
        sha256=sha256,
        size=len(data),
        content_type=content_type,
        original_name=PurePath(name or "").name[:255],
        created_by=by,
    )
    stored.file.save(sha256, ContentFile(data), save=False)
    written.append(stored.file.name)
    try:
        with transaction.atomic():
            stored.save()
    except IntegrityError:
        # Stored meanwhile by another request: the same bytes, kept once.
        default_storage.delete(written.pop())
        return StoredFile.objects.get(sha256=sha256)
    return stored


def attach_document(*, name: str, data: bytes, by: AbstractBaseUser, title: str = "") -> Source:
    """A file read and stored as a document Source (the same file again: the same Source)."""
    require_reviewer(by)
    read = read_file(name, data)
    with stored_or_undone() as written:
        stored = store(read.data, content_type=read.content_type, name=name, by=by, written=written)
        existing = Source.objects.filter(kind=SourceKind.DOCUMENT, file=stored).first()
        if existing is not None:
            return existing
        return Source.objects.create(
            kind=SourceKind.DOCUMENT,
            file=stored,
            title=(title.strip() or read.title or PurePath(name or "").name or stored.sha256)[:500],
            language="",
            text=read.text,
            created_by=by,
        )
