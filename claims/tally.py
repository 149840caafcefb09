"""Claims counted by status and rating, from the rows the database's triggers keep.

See ``ClaimTally``: every change of a claim's status or rating adds a row of +1
or -1; the count of a status and rating is the sum of its rows. Reading sums a
few dozen rows; once more than ``FOLD_AFTER`` have piled up, they are folded
into one per status and rating, in one statement on PostgreSQL (rows added by
transactions still running are left for the next fold), in the write
transaction that SQLite gives one connection at a time.
"""

from __future__ import annotations

from django.db import connections, transaction
from django.db.models import Count, Sum

from claims.models import ClaimTally

# A dashboard reads them all: a few hundred rows sum in well under a millisecond.
FOLD_AFTER = 500


def claims_by_status_and_rating(*, using: str = "default") -> dict[tuple[str, str], int]:
    """The number of claims of each (status, rating), left out when none: one query,
    two more when the rows are folded."""
    rows = (
        ClaimTally.objects.using(using)
        .order_by()
        .values_list("status", "rating")
        .annotate(total=Sum("n"), rows=Count("*"))
    )
    counts, piled = {}, 0
    for status, rating, total, n in rows:
        piled += n
        if total:
            counts[status, rating] = total
    if piled > FOLD_AFTER:
        fold(using=using)
    return counts


def fold(*, using: str = "default") -> None:
    """Replace the rows by one per (status, rating) that has claims."""
    connection = connections[using]
    table = connection.ops.quote_name(ClaimTally._meta.db_table)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement sees one snapshot: the rows it deletes are the rows it sums.
            cursor.execute(
                f"WITH folded AS (DELETE FROM {table} RETURNING status, rating, n)"
                f" INSERT INTO {table} (status, rating, n)"
                f" SELECT status, rating, SUM(n) FROM folded GROUP BY status, rating"
                f" HAVING SUM(n) <> 0"
            )
            return
        # SQLite: the transaction holds the database's only write lock from its start
        # (transaction_mode IMMEDIATE), so nothing is added between the two statements.
        cursor.execute(
            f"SELECT status, rating, SUM(n) FROM {table} GROUP BY status, rating HAVING SUM(n) <> 0"
        )
        totals = cursor.fetchall()
        cursor.execute(f"DELETE FROM {table}")
        if totals:
            cursor.executemany(
                f"INSERT INTO {table} (status, rating, n) VALUES (%s, %s, %s)", totals
            )
