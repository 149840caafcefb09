"""Claims counted by the database's triggers: by status and rating, and by subject and property.

See ``ClaimTally`` and ``GroupTally``: every claim inserted, deleted or moved
adds rows of +1 or -1; a count is the sum of its rows. Reading sums a few
rows; once too many have piled up, they are folded into one per key: in one
statement on PostgreSQL (rows added by transactions still running are left for
the next fold), in the write transaction that SQLite gives one connection at a
time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connections, models, transaction
from django.db.models import Count, Sum

from claims.models import ClaimTally, GroupTally

# A dashboard reads them all: a few hundred rows sum in well under a millisecond.
FOLD_AFTER = 500
# A subject's page reads its own: folded once they outnumber its properties by this many.
GROUP_FOLD_AFTER = 200


def _sums(
    model: type[models.Model], keys: Sequence[str], using: str, **where: Any
) -> tuple[dict[tuple, int], int]:
    """The sum of each key's rows (keys that sum to nothing left out), and the rows read."""
    rows = (
        model.objects.using(using)
        .filter(**where)
        .order_by()
        .values_list(*keys)
        .annotate(total=Sum("n"), rows=Count("*"))
    )
    sums, piled = {}, 0
    for *key, total, n in rows:
        piled += n
        if total:
            sums[tuple(key)] = total
    return sums, piled


def _fold(model: type[models.Model], keys: Sequence[str], using: str, **where: Any) -> None:
    """Replace the rows (those matching ``where``) by one per key that sums to something."""
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(key) for key in keys)
    condition = " AND ".join(f"{quote(name)} = %s" for name in where) or "1 = 1"
    params = list(where.values())
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One fold at a time: two deleting the same rows in different orders could
            # deadlock. Whoever finds the fold under way leaves it to that one.
            cursor.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", [table])
            if not cursor.fetchone()[0]:
                return
            # One statement sees one snapshot: the rows it deletes are the rows it sums.
            cursor.execute(
                f"WITH folded AS (DELETE FROM {table} WHERE {condition}"
                f" RETURNING {columns}, n)"
                f" INSERT INTO {table} ({columns}, n)"
                f" SELECT {columns}, SUM(n) FROM folded GROUP BY {columns} HAVING SUM(n) <> 0",
                params,
            )
            return
        # SQLite: the transaction holds the database's only write lock from its start
        # (transaction_mode IMMEDIATE), so nothing is added between the two statements.
        cursor.execute(
            f"SELECT {columns}, SUM(n) FROM {table} WHERE {condition}"
            f" GROUP BY {columns} HAVING SUM(n) <> 0",
            params,
        )
        totals = cursor.fetchall()
        cursor.execute(f"DELETE FROM {table} WHERE {condition}", params)
        if totals:
            marks = ", ".join(["%s"] * (len(keys) + 1))
            cursor.executemany(f"INSERT INTO {table} ({columns}, n) VALUES ({marks})", totals)


STATUS_KEYS = ("status", "rating")
GROUP_KEYS = ("subject_id", "property_id")


def claims_by_status_and_rating(*, using: str = "default") -> dict[tuple[str, str], int]:
    """The number of claims of each (status, rating), left out when none: one query,
    two more when the rows are folded."""
    counts, piled = _sums(ClaimTally, STATUS_KEYS, using)
    if piled > FOLD_AFTER:
        _fold(ClaimTally, STATUS_KEYS, using)
    return counts


def claims_counted(*, status: str = "", rating: str = "", using: str = "default") -> int:
    """The number of claims of this status and this rating (either left empty: any)."""
    return sum(
        n
        for (claim_status, claim_rating), n in claims_by_status_and_rating(using=using).items()
        if (not status or claim_status == status) and (not rating or claim_rating == rating)
    )


def claims_by_property(subject_id: int, *, using: str = "default") -> dict[int, int]:
    """The number of a subject's claims of each property, left out when none."""
    counts, piled = _sums(GroupTally, ("property_id",), using, subject_id=subject_id)
    if piled > len(counts) + GROUP_FOLD_AFTER:
        _fold(GroupTally, GROUP_KEYS, using, subject_id=subject_id)
    return {prop: n for (prop,), n in counts.items()}


def fold(*, using: str = "default") -> None:
    """Fold every row of both tallies: after a bulk load, which adds one per claim on SQLite."""
    _fold(ClaimTally, STATUS_KEYS, using)
    _fold(GroupTally, GROUP_KEYS, using)
