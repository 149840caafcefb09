"""Progress bars for the long management commands, shown on a terminal only.

``generate_demo_data`` for a million claims, an import over a folder, an export,
a backup or a restore can take minutes; on a terminal they draw a tqdm bar on
standard error. In CI, in a pipe, in cron or with ``-v 0`` they stay quiet, so
logs and exported files hold nothing but what they held before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, Any

from tqdm import tqdm

# What the long functions take: a factory of bars, ``quiet`` unless a command says.
Progress = Callable[..., tqdm]


def on_terminal(stream: Any, verbosity: int = 1) -> bool:
    if verbosity == 0:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def quiet(**options: Any) -> tqdm:
    """A bar that draws nothing and costs next to nothing."""
    return tqdm(disable=True, **options)


def for_command(stream: Any = None, verbosity: int = 1) -> Progress:
    """The bars of a command writing to ``stream`` (its stderr) at ``verbosity``."""
    # Django's OutputWrapper ends every write with a newline: tqdm redraws its line
    # with carriage returns, so it writes to the stream underneath.
    target: IO[str] = getattr(stream, "_out", stream) or sys.stderr
    if not on_terminal(target, verbosity):
        return quiet

    def bar(**options: Any) -> tqdm:
        return tqdm(file=target, dynamic_ncols=True, **options)

    return bar
