"""Languages: by their names for readers ("French", "Français", never "fr"), and told
from a text.

An article's language is told by py3langid (langid.py's maintained fork: a naive
Bayes model over byte n-grams for 97 languages that ships inside the package, so
nothing is downloaded at run time; a long text takes milliseconds). A text it cannot
tell with confidence, or in a language the workbench does not read, gets the
language the caller falls back on.
"""

from __future__ import annotations

from functools import cache

from django.utils.text import capfirst
from django.utils.translation import get_language_info

# Below this, a guess is a coin toss (a title, a figure): the fallback decides.
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.8
# Enough of a long article to tell its language; the rest only takes time.
SAMPLE_CHARS = 20_000


def language_name(code: str) -> str:
    """The language's name in the interface language ("French", "Français"), else its code."""
    try:
        return str(capfirst(get_language_info(code)["name_translated"]))
    except KeyError:
        return code


@cache
def _identifier():
    """The model, loaded once per process (about half a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, among: tuple[str, ...]) -> str | None:
    """The language of ``text`` if it is one of ``among`` and clearly so, else None."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    if language in among and confidence >= MIN_CONFIDENCE:
        return language
    return None
