"""Characters that change the direction of text, shown for what they are.

An article can hold Unicode's bidirectional controls (U+202E RIGHT-TO-LEFT
OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE…): invisible, they make a passage
display in another order than the one its characters are in, so a quote could
read differently from what it says. The stored text keeps them (offsets and
hashes depend on every character); on a page each one is replaced by a visible
mark naming it, and a quote holding any is flagged.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Unicode's abbreviations (UAX #9), not translated: they are the characters' names.
CONTROLS = {
    "\u061c": "ALM",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}
# A character class is searched in C; str.translate with a table looks every character
# up in a dict (15 ms a page for a dispute's quotes and evidence).
_CONTROL = re.compile("[" + "".join(CONTROLS) + "]")


def has_controls(text: str) -> bool:
    return bool(text) and _CONTROL.search(text) is not None


_NAMED = str.maketrans({char: f"[{name}]" for char, name in CONTROLS.items()})


def named_controls(text: str) -> str:
    """Plain text with each direction control written as its name ("[RLO]"): for text
    shown where markup cannot go (an SVG <desc>, read out or copied by a script)."""
    text = str(text or "")
    return text.translate(_NAMED) if has_controls(text) else text


def show_controls(text: str) -> SafeString:
    """The text escaped for HTML, each direction control a visible, inert mark."""
    text = str(text or "")
    if not has_controls(text):
        return escape(text)
    html, plain = [], []
    for char in text:
        name = CONTROLS.get(char)
        if name is None:
            plain.append(char)
            continue
        html.append(escape("".join(plain)))
        plain = []
        title = _("Direction control character U+%(code)04X") % {"code": ord(char)}
        html.append(f'<span class="bidi-control" title="{escape(title)}">[{name}]</span>')
    html.append(escape("".join(plain)))
    return mark_safe("".join(html))  # every piece of the text was escaped above
