"""Accent- and case-blind search over claims, by word.

Each claim keeps ``search_text``: the words of its statement, value, quotes, subject
names and evidence, folded the way queries are folded (lower case, no accents) and
joined by single spaces, punctuation left out. Migration 0007 indexes that column:
an FTS5 table on SQLite; on PostgreSQL a stored ``to_tsvector('simple',
search_text)`` column with a GIN index. As the text holds nothing but words, both
databases cut it into the same words, and a search finds the same claims on either.

What a query finds:

- every term must match (a term is what is typed between spaces), in any part of the
  claim: "parametres chine" finds claims with both words;
- a word matches the start of a word, whatever its accents and case: "param",
  "Paramètres" and "PARAMETRES" all find "paramètres". The middle of a word does not:
  "arametres" finds nothing. That is the price of an index of words, which is what
  keeps search fast on a large archive;
- a term with punctuation inside ("0,14", "l'entreprise", "TCP/IP") matches its words
  one after the other, as typed;
- punctuation is never syntax: quotes, ``*``, ``:``, ``&``, ``|``, ``!``, ``(``, and the
  words AND, OR, NOT and NEAR are searched for as text (or left out, for punctuation),
  never read as operators of FTS5 or of ``to_tsquery``;
- an empty query finds every claim; a query with no word in it ("%", "?!") finds none,
  since no claim can match what was typed.

Other databases have no index: there each term is a substring test, as it was before
migration 0007.

The public index's search (``PUBLIC``) is the same search over ``public_text``, the words
of a claim's statement and short statement alone: the workbench's text holds internal
evidence and notes, which a reader's search must not be able to tell apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connections
from django.db.models import BooleanField, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from claims.models import Appearance, Claim, Evidence, SubjectAlias, normalise_name

BATCH = 500

# The FTS5 table that migration 0007 creates on SQLite, kept current by triggers.
FTS_TABLE = "claims_claim_fts"
# The tsvector column that migration 0007 adds on PostgreSQL, generated from
# search_text with the 'simple' configuration (no stemming, no stop words, so that
# it finds what the FTS5 table finds), and its GIN index.
VECTOR_COLUMN = "search_vector"
TEXT_SEARCH_CONFIG = "simple"

# The public index's FTS5 table (migration 0027): published claims' ``public_text``.
PUBLIC_FTS_TABLE = "claims_claim_public_fts"


@dataclass(frozen=True)
class Index:
    """A column of folded words and what indexes it on each database."""

    column: str
    # SQLite: the FTS5 table over the column.
    fts_table: str
    # PostgreSQL: the tsvector its GIN index holds, as the index writes it.
    vector: str
    # The claims the index holds (SQL), which ``share`` samples.
    holds: str = ""


CLAIMS = Index("search_text", FTS_TABLE, VECTOR_COLUMN)
# Published claims only (a partial index on each database): the only ones a reader searches.
PUBLIC = Index(
    "public_text",
    PUBLIC_FTS_TABLE,
    f"to_tsvector('{TEXT_SEARCH_CONFIG}'::regconfig, public_text)",
    holds="status = 'published'",
)

# Runs of letters and digits: the words both databases index.
WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    return normalise_name(text)


def words(text: str) -> list[str]:
    """The folded words of a text, without its punctuation."""
    return WORD.findall(fold(text))


def document_parts(
    *,
    statement: str,
    value_text: str,
    subject: str,
    aliases: Iterable[str],
    quotes: Iterable[str],
    evidence: Iterable[tuple[str, str, str]],
) -> list[str]:
    """The texts a claim is found by, in the order its search text holds their words:
    statement, stated value, subject and its aliases, quotes, then each piece of
    evidence's title, excerpt and note."""
    parts = [statement, value_text, subject, *aliases, *quotes]
    for title, excerpt, note in evidence:
        parts += [title, excerpt, note]
    return parts


def public_document(statement: str, short_statement: str) -> str:
    """The words a reader finds a published check by: its statement and short form."""
    return " ".join(words(f"{statement} {short_statement}"))


def document(claim: Claim) -> str:
    """The words a claim is found by; expects the prefetches of ``refresh``."""
    parts = document_parts(
        statement=claim.statement,
        value_text=claim.value_text,
        subject=claim.subject.name,
        aliases=[alias.alias for alias in claim.subject.aliases.all()],
        quotes=[appearance.exact for appearance in claim.appearances.all()],
        evidence=[(e.title, e.excerpt, e.note) for e in claim.evidence.all()],
    )
    return " ".join(words(" ".join(p for p in parts if p)))


def refresh(claim_ids: Iterable[int]) -> None:
    """Rebuild the search texts of these claims (the workbench's and the public one),
    a batch of queries per 500 claims."""
    ids = sorted(set(claim_ids))
    for offset in range(0, len(ids), BATCH):
        claims = list(
            Claim.objects.filter(pk__in=ids[offset : offset + BATCH])
            .select_related("subject")
            .prefetch_related(
                Prefetch("subject__aliases", queryset=SubjectAlias.objects.order_by("pk")),
                Prefetch("appearances", queryset=Appearance.objects.only("claim_id", "exact")),
                Prefetch(
                    "evidence",
                    queryset=Evidence.objects.only("claim_id", "title", "excerpt", "note"),
                ),
            )
        )
        for claim in claims:
            claim.search_text = document(claim)
            claim.public_text = public_document(claim.statement, claim.short_statement)
        Claim.objects.bulk_update(claims, ["search_text", "public_text"])


def refresh_all() -> None:
    refresh(Claim.objects.values_list("pk", flat=True))


def terms(query: str) -> list[list[str]]:
    """The query's terms, each as its words; a term of punctuation alone is left out."""
    return [found for piece in fold(query).split() if (found := WORD.findall(piece))]


def search(
    queryset: QuerySet[Claim],
    query: str,
    *,
    common: bool | None = None,
    index: Index = CLAIMS,
) -> QuerySet[Claim]:
    """Claims matching every term of the query, whatever its accents and case.

    The match is a condition on ``queryset``, so it combines with any other filter,
    order and slice (the paginator's count included). On SQLite, a query common in
    the archive is tested claim by claim rather than through the index (``common``
    forces one way; by default ``is_common`` decides): the same claims are found.
    ``index`` says which words: the workbench's (``CLAIMS``) or the public ones
    (``PUBLIC``, whose indexes hold published claims only: ``queryset`` must be those).
    """
    if not query.strip():
        return queryset
    query_terms = terms(query)
    if not query_terms:
        return queryset.none()
    vendor = connections[queryset.db].vendor
    if vendor == "sqlite":
        if common is None:
            common = is_common(query_terms, queryset.db, index)
        if common:
            # Found in many claims: each row read in the list's order is tested, and a
            # page stops at its fiftieth match. The index would first gather every
            # match (470,000 at a million claims for a word in half of them, seconds
            # for a one-letter prefix) to sort them.
            return queryset.filter(_like_condition(query_terms, index))
        return queryset.filter(
            pk__in=RawSQL(
                f"SELECT rowid FROM {index.fts_table} WHERE {index.fts_table} MATCH %s",
                [fts5_query(query_terms)],
            )
        )
    if vendor == "postgresql":
        # Named in SQL (the workbench's column exists on PostgreSQL only; the public one
        # is an index's expression), and unqualified: the claims table is the only one
        # with these columns, and Django renames that table (U0) when this queryset
        # becomes a subquery of another. No subquery here, unlike SQLite: PostgreSQL
        # then plans a join of the table with itself.
        return queryset.filter(
            RawSQL(
                f"{index.vector} @@ to_tsquery('{TEXT_SEARCH_CONFIG}'::regconfig, %s)",
                [tsquery(query_terms)],
                output_field=BooleanField(),
            )
        )
    condition = Q()
    for term in query_terms:
        condition &= Q(**{f"{index.column}__contains": " ".join(term)})
    return queryset.filter(condition)


# How many of the newest claims are read to tell a common query from a rare one, and
# the share of them that makes it common: at 1 %, a page of 50 is found within about
# 5,000 claims read in order, and a rare query's matches (under 10,000 in a million)
# are sorted in a few tens of milliseconds.
COMMON_SAMPLE = 2000
COMMON_SHARE = 0.01


def _like_condition(query_terms: list[list[str]], index: Index = CLAIMS) -> RawSQL:
    """Each term as the start of a word of the index's column (words joined by single
    spaces): what the FTS5 phrase query matches. The column is unqualified, as on
    PostgreSQL, so that it holds when Django renames the table in a subquery."""
    sql, patterns = _like_sql(query_terms, index)
    return RawSQL(sql, patterns, output_field=BooleanField())


def _like_sql(query_terms: list[list[str]], index: Index = CLAIMS) -> tuple[str, list[str]]:
    patterns = []
    for term in query_terms:
        escaped = " ".join(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        patterns.append(f"% {escaped}%")
    sql = " AND ".join(f"(' ' || {index.column}) LIKE %s ESCAPE '\\'" for _ in patterns)
    return f"({sql})", patterns


# The share past which even counting is quicker claim by claim: the first 1,000
# matches are found within about 10,000 claims.
DENSE_SHARE = 0.10


def share(query_terms: list[list[str]], using: str = "default", index: Index = CLAIMS) -> float:
    """The share of the newest claims (of those the index holds) the query matches, up
    to ``DENSE_SHARE``."""
    condition, patterns = _like_sql(query_terms, index)
    most = max(1, math.ceil(COMMON_SAMPLE * max(DENSE_SHARE, COMMON_SHARE)))
    table = Claim._meta.db_table
    where = f" WHERE {index.holds}" if index.holds else ""
    with connections[using].cursor() as cursor:
        # The newest claims by id: the end of the table, read in its own order.
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM (SELECT {index.column} FROM {table}{where}"
            f" ORDER BY id DESC LIMIT %s) WHERE {condition} LIMIT %s)",
            [COMMON_SAMPLE, *patterns, most],
        )
        return cursor.fetchone()[0] / COMMON_SAMPLE


def is_common(query_terms: list[list[str]], using: str = "default", index: Index = CLAIMS) -> bool:
    """Whether the query matches at least ``COMMON_SHARE`` of the newest claims."""
    return share(query_terms, using, index) >= COMMON_SHARE


def fts5_query(query_terms: list[list[str]]) -> str:
    """FTS5 syntax: each term a quoted phrase of its words, the last one a prefix.

    Words are runs of letters and digits, so they hold no quote or operator; and a
    quoted AND, OR, NOT or NEAR is a word to FTS5, not an operator.
    """
    return " ".join('"' + " ".join(term) + '"*' for term in query_terms)


def tsquery(query_terms: list[list[str]]) -> str:
    """``to_tsquery`` syntax: terms joined by ``&``, the words of a term by ``<->``
    (followed by), each word quoted, the last word of a term a prefix (``:*``)."""
    return " & ".join(" <-> ".join(f"'{word}'" for word in term) + ":*" for term in query_terms)
