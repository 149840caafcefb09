"""Cut a text into paragraphs of segments so quotes can be highlighted in place.

Quotes may overlap (two claims taken from one sentence), so the text is split at
every quote boundary and each segment carries the quotes that cover it, rather
than nesting <mark> elements that HTML cannot overlap.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol


class Span(Protocol):
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment[S: Span]:
    text: str
    start: int
    spans: tuple[S, ...] = ()

    @property
    def highlighted(self) -> bool:
        return bool(self.spans)


@dataclass(slots=True)
class Paragraph[S: Span]:
    segments: list[Segment[S]] = field(default_factory=list)


def paragraphs[S: Span](text: str, spans: Iterable[S]) -> list[Paragraph[S]]:
    """The text's non-empty lines as paragraphs, each cut into highlighted segments."""
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    cuts = {0, len(text)}
    for span in spans:
        cuts.update((span.start, span.end))
    for index, char in enumerate(text):
        if char == "\n":
            cuts.update((index, index + 1))
    boundaries = sorted(c for c in cuts if 0 <= c <= len(text))

    result: list[Paragraph[S]] = [Paragraph()]
    for left, right in itertools.pairwise(boundaries):
        piece = text[left:right]
        if piece == "\n":
            if result[-1].segments:
                result.append(Paragraph())
            continue
        covering = _covering(spans, left, right)
        result[-1].segments.append(Segment(piece, left, covering))
    return [p for p in result if any(s.text.strip() for s in p.segments)]


def _covering[S: Span](spans: Sequence[S], left: int, right: int) -> tuple[S, ...]:
    return tuple(s for s in spans if s.start <= left and right <= s.end)
