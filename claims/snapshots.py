"""Copies of evidence links: what a page said when it was read, and what changed since.

A copy keeps the final URL after redirects, the HTTP status, the time, the page's
title, its cleaned text (a ``Source`` of kind "snapshot", so that it can be quoted
and compared) and its raw bytes (a ``StoredFile`` with their SHA-256). The page is
fetched (claims.fetch) before anything is written; then the copy, its file and the
timeline entry are saved together or not at all.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from claims import articles, fetch, files
from claims.audit import records_actor
from claims.models import (
    Claim,
    EventKind,
    Evidence,
    Snapshot,
    Source,
    SourceKind,
)
from claims.workflow import (
    InvalidTransition,
    _lock,
    _record,
    _require_open,
    add_evidence,
    require_reviewer,
)

User = AbstractBaseUser


@dataclass(frozen=True)
class PageText:
    content_type: str
    title: str
    text: str


def read_page(fetched: fetch.Fetched) -> PageText:
    """The fetched bytes as text: HTML through trafilatura, a PDF through pypdf, plain
    text as it is; an image (or anything else) is kept without text."""
    kind = files.sniff(fetched.data)
    if kind in (files.HTML, files.TEXT) and fetched.content_type not in ("text/html", "text/plain"):
        # The server says what it is when the bytes do not: XHTML, or text with no markup.
        kind = files.HTML if "html" in fetched.content_type else kind
    try:
        if kind == files.PDF:
            read = files.read_file("page.pdf", fetched.data)
            return PageText(files.PDF, read.title, read.text)
        if kind in files.IMAGE_FORMATS.values():
            return PageText(kind, "", "")
        if kind == files.HTML:
            page = articles.html_to_article(_decode(fetched, html=True))
            return PageText(files.HTML, page.title, articles.normalise_text(page.text))
        if kind == files.TEXT:
            return PageText(files.TEXT, "", articles.normalise_text(_decode(fetched, html=False)))
    except (files.FileRefused, articles.ArticleRefused):
        pass
    # Kept as it came, with no text to compare.
    return PageText(fetched.content_type or "application/octet-stream", "", "")


def _decode(fetched: fetch.Fetched, *, html: bool) -> str:
    if fetched.charset:
        try:
            return fetched.data.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return articles._decode(fetched.data, html=html)


def _url_name(url: str) -> str:
    return (url.rstrip("/").rsplit("/", 1)[-1] or "page")[:200]


@records_actor
def keep_copy(
    evidence: Evidence,
    *,
    by: User,
    fetched: fetch.Fetched | None = None,
    written: list[str] | None = None,
) -> Snapshot:
    """Fetch the evidence's link (unless ``fetched`` already holds it) and keep a copy."""
    require_reviewer(by)
    if not evidence.url:
        raise InvalidTransition(_("Only evidence with a link can have a copy kept."))
    _require_open(evidence.claim)
    if fetched is None:
        try:
            fetched = fetch.fetch(evidence.url)
        except fetch.FetchRefused as refused:
            raise InvalidTransition(refused.message) from None
    page = read_page(fetched)
    if written is None:
        with files.stored_or_undone() as written:
            return _save_copy(evidence, by, fetched, page, written)
    return _save_copy(evidence, by, fetched, page, written)


def _save_copy(
    evidence: Evidence, by: User, fetched: fetch.Fetched, page: PageText, written: list[str]
) -> Snapshot:
    claim = _lock(evidence.claim)
    _require_open(claim)
    if not Evidence.objects.filter(pk=evidence.pk).exists():
        raise InvalidTransition(_("This evidence was removed meanwhile."))
    stored = files.store(
        fetched.data,
        content_type=page.content_type,
        name=_url_name(fetched.final_url),
        by=by,
        written=written,
    )
    source = Source.objects.create(
        kind=SourceKind.SNAPSHOT,
        file=stored,
        title=(page.title or fetched.final_url)[:500],
        url=fetched.final_url[:2000],
        language="",
        text=page.text,
        created_by=by,
    )
    snapshot = Snapshot.objects.create(
        evidence=evidence,
        requested_url=fetched.requested_url[:2000],
        final_url=fetched.final_url[:2000],
        status_code=fetched.status,
        content_type=page.content_type,
        title=page.title[:500],
        source=source,
        file=stored,
        fetched_by=by,
    )
    previous = (
        Snapshot.objects.filter(evidence_id=evidence.pk)
        .exclude(pk=snapshot.pk)
        .select_related("source")
        .first()
    )
    data: dict[str, Any] = {
        "evidence": evidence.pk,
        "snapshot": snapshot.pk,
        "url": evidence.url,
        "final_url": snapshot.final_url,
        "status": snapshot.status_code,
        "sha256": stored.sha256,
    }
    if previous is not None:
        data["changed"] = previous.source.text != page.text
    _record(claim, by, EventKind.EVIDENCE_COPY_KEPT, **data)
    return snapshot


def add_evidence_with_copy(claim: Claim, *, by: User, **fields: Any) -> Evidence:
    """Add link evidence and keep a copy of the page, both or neither: the page is
    fetched first, and a page that cannot be kept adds no evidence."""
    require_reviewer(by)
    try:
        fetched = fetch.fetch(fields.get("url", ""))
    except fetch.FetchRefused as refused:
        raise InvalidTransition(refused.message) from None
    with files.stored_or_undone() as written:
        evidence = add_evidence(claim, by=by, **fields)
        keep_copy(evidence, by=by, fetched=fetched, written=written)
    return evidence


# --- what changed between two copies ------------------------------------------------------

_WORDS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Piece:
    """A run of text in a diff: kept ("equal"), removed ("delete") or added ("insert")."""

    op: str
    text: str


@dataclass(frozen=True)
class Block:
    """One paragraph of the comparison, or a run of unchanged ones (``skipped``)."""

    op: str
    pieces: tuple[Piece, ...] = ()
    skipped: int = 0


def _words(old: str, new: str) -> tuple[Piece, ...]:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("insert", "".join(b[j1:j2])))
    return tuple(pieces)


def compare(old: str, new: str, *, context: int = 1) -> list[Block]:
    """What changed from ``old`` to ``new``, paragraph by paragraph, with the words that
    changed inside a changed paragraph; unchanged paragraphs far from a change are
    counted, not shown. Empty when the texts are the same."""
    a, b = (old.split("\n\n") if old else []), (new.split("\n\n") if new else [])
    blocks: list[Block] = []
    shown_up_to = 0  # paragraphs of ``a`` already shown or counted
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if group[0][1] > shown_up_to:
            blocks.append(Block("skipped", skipped=group[0][1] - shown_up_to))
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                blocks.extend(Block("equal", (Piece("equal", p),)) for p in a[i1:i2])
            elif op == "replace" and i2 - i1 == j2 - j1:
                for old_p, new_p in zip(a[i1:i2], b[j1:j2], strict=True):
                    blocks.append(Block("replace", _words(old_p, new_p)))
            else:
                blocks.extend(Block("delete", (Piece("delete", p),)) for p in a[i1:i2])
                blocks.extend(Block("insert", (Piece("insert", p),)) for p in b[j1:j2])
        shown_up_to = group[-1][2]
    if blocks and len(a) > shown_up_to:
        blocks.append(Block("skipped", skipped=len(a) - shown_up_to))
    if not any(block.op in CHANGES for block in blocks):
        return []
    return blocks


CHANGES = frozenset({"replace", "delete", "insert"})


def changed_paragraphs(blocks: list[Block]) -> int:
    return sum(1 for block in blocks if block.op in CHANGES)
