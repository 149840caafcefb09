"""claims.readahead: the reading thread shares the connection, hands errors over, and stops."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from django.db import DEFAULT_DB_ALIAS, connection

from claims.models import Claim
from claims.readahead import read_ahead
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def test_items_come_in_order_read_on_another_thread_in_the_same_transaction() -> None:
    # Made in the test's transaction, never committed: only the same connection sees them.
    made = [make_claim().pk for _ in range(3)]
    threads = []

    def chunks() -> Iterator[list[int]]:
        for pk in made:
            threads.append(threading.current_thread())
            yield list(Claim.objects.filter(pk=pk).values_list("pk", flat=True))

    assert list(read_ahead(chunks(), using=DEFAULT_DB_ALIAS)) == [[pk] for pk in made]
    assert threading.current_thread() not in threads


def test_an_error_while_reading_is_raised_to_the_caller() -> None:
    def failing() -> Iterator[int]:
        yield 1
        raise ValueError("the database went away")

    got = []
    with pytest.raises(ValueError, match="went away"):
        for item in read_ahead(failing(), using=DEFAULT_DB_ALIAS):
            got.append(item)
    assert got == [1]
    # The connection is the caller's again.
    assert Claim.objects.count() == 0


def test_a_caller_that_stops_early_stops_the_reading() -> None:
    closed = threading.Event()
    produced = []

    def endless() -> Iterator[int]:
        try:
            n = 0
            while True:
                produced.append(n)
                yield n
                n += 1
        finally:
            closed.set()

    items = read_ahead(endless(), using=DEFAULT_DB_ALIAS, depth=2)
    assert [next(items) for _ in range(3)] == [0, 1, 2]
    items.close()  # a download abandoned halfway
    assert closed.is_set()
    # At most the items in the queue, and the one waiting for room, were read ahead.
    assert len(produced) <= 3 + 2 + 1
    assert not any(t.name == "read_ahead" for t in threading.enumerate())
    assert connection.allow_thread_sharing is False
    make_claim()
    assert Claim.objects.count() == 1
