"""Finding an evidence excerpt in a source's text, so that it is anchored like a quote.

A reviewer either selects the excerpt in the article (the browser sends its
offsets) or types it. Typed excerpts rarely match character for character: line
breaks become spaces, a straight apostrophe stands for a curly one. So the text
is searched with those differences allowed, and what is stored is the article's
own wording at the offsets found, with ``text[start:end] == excerpt`` as for an
``Appearance``. An excerpt found in several places is refused rather than
anchored at a guess.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from django.utils.translation import gettext as _

# Characters a person types for another one the article uses.
_EQUIVALENTS = {
    "'": "'’‘ʼ",
    "’": "'’‘ʼ",
    '"': '"“”«»',
    "“": '"“”«»',
    "”": '"“”«»',
    "-": "-‐‑–—",
    "–": "-‐‑–—",
    "—": "-‐‑–—",
}
# Past this many characters a typed excerpt is too long to be a quote worth searching.
MAX_EXCERPT = 20_000


class ExcerptNotFound(ValueError):
    """The excerpt cannot be anchored; the message says why, for the person who typed it."""

    @property
    def message(self) -> str:
        return str(self.args[0])


class Span(NamedTuple):
    start: int
    end: int


def _pattern(excerpt: str) -> re.Pattern[str]:
    parts = []
    for word in excerpt.split():
        parts.append(
            "".join(
                f"[{re.escape(_EQUIVALENTS[c])}]" if c in _EQUIVALENTS else re.escape(c)
                for c in word
            )
        )
    return re.compile(r"\s+".join(parts))


def find_excerpt(
    text: str, excerpt: str, *, title: str = "", start: int | None = None, end: int | None = None
) -> Span:
    """Where ``excerpt`` stands in ``text``: the offsets given, if they hold it, else the
    one place it is found, spacing and apostrophes aside. Raises ``ExcerptNotFound``."""
    if (
        start is not None
        and end is not None
        and 0 <= start < end <= len(text)
        and text[start:end] == excerpt
    ):
        return Span(start, end)
    stripped = excerpt.strip()
    if not stripped:
        raise ExcerptNotFound(_("Quote the passage of the article that matters."))
    if len(stripped) > MAX_EXCERPT:
        raise ExcerptNotFound(
            _("The excerpt is too long (%(n)d characters at most).") % {"n": MAX_EXCERPT}
        )
    matches = list(_pattern(stripped).finditer(text))
    if not matches:
        raise ExcerptNotFound(
            _("The excerpt is not in “%(title)s”: quote it as the article words it.")
            % {"title": title}
        )
    if len(matches) > 1:
        if start is not None:
            # Offsets that no longer hold the excerpt exactly still say which place was meant.
            nearest = min(matches, key=lambda m: abs(m.start() - start))
            return Span(nearest.start(), nearest.end())
        raise ExcerptNotFound(
            _(
                "The excerpt appears %(n)d times in “%(title)s”: quote a little more of it, "
                "or select it in the text."
            )
            % {"n": len(matches), "title": title}
        )
    return Span(matches[0].start(), matches[0].end())
