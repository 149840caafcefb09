"""Read the database on a thread of its own while the caller works on what was read.

A long export alternates between waiting for the database (the next rows, the
quotes and verdicts of a chunk of claims) and writing what came back as CSV:
at a million claims on PostgreSQL, a third of its time was spent waiting.
``read_ahead`` runs the reading side on a second thread, on the same connection
(and so in the same transaction, as the test runner's live server does), one
item ahead: the database works on the next chunk while this one is written.
The caller must not use the connection until the iteration is over; the thread
is stopped and the connection given back when it ends, early or not.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

from django.db import connections

# How long the reading thread waits, at a time, for room in the queue before it
# checks whether the caller has stopped.
_POLL_SECONDS = 0.1
_DONE = object()


def read_ahead[T](items: Iterator[T], *, using: str, depth: int = 1) -> Iterator[T]:
    """``items``, produced on another thread ``depth`` items ahead of the caller."""
    connection = connections[using]
    ready: queue.Queue[tuple[object, BaseException | None]] = queue.Queue(maxsize=depth)
    stopped = threading.Event()

    def hand_over(item: object, error: BaseException | None = None) -> bool:
        while not stopped.is_set():
            try:
                ready.put((item, error), timeout=_POLL_SECONDS)
            except queue.Full:
                continue
            return True
        return False

    def read() -> None:
        connections[using] = connection
        try:
            for item in items:
                if not hand_over(item):
                    return
            hand_over(_DONE)
        except BaseException as error:  # handed to the caller, raised there
            hand_over(_DONE, error)
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()

    connection.inc_thread_sharing()
    reader = threading.Thread(target=read, name="read_ahead", daemon=True)
    reader.start()
    try:
        while True:
            item, error = ready.get()
            if item is _DONE:
                if error is not None:
                    raise error
                return
            yield item  # type: ignore[misc]
    finally:
        stopped.set()
        reader.join()
        connection.dec_thread_sharing()
