"""Drafting a claim's short canonical statement from its subject, property and value.

A suggestion's sentence is the quote; the claim itself is stated shortly and the
same way whatever the article's wording: "Falcon-S has 3.5 billion parameters.",
"DeepSeek a vu le jour en mai 2023." The reviewer edits the draft; a good draft
saves rewriting every statement by hand. Templates live with the vocabulary
(claims.properties); a property a reviewer added gets a plain "subject: label,
value" form.
"""

from __future__ import annotations

import re

from claims.choices import DatePrecision, ValueKind
from claims.properties import BY_CODE
from claims.values import ParsedValue, format_value

_VOWELS = tuple("aeiouyhàâäéèêëîïôöùûüAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜ")


def de(name: str) -> str:
    """French "de" before a name: "d'Apple", "du Monde", "des États-Unis", "de Kestrel Labs"."""
    for article, contracted in (
        ("Le ", "du "),
        ("Les ", "des "),
        ("La ", "de la "),
        ("L’", "de l’"),
        ("L'", "de l’"),
    ):
        if name.startswith(article):
            return contracted + name[len(article) :]
    if name.startswith(_VOWELS) and not name.isupper():
        return f"d’{name}"
    return f"de {name}"


def when(value: ParsedValue, language: str) -> str:
    """A date with its preposition, at its precision: "in May 2023", "le 3 mai 2023"."""
    text = format_value(value, language)
    if value.kind != ValueKind.DATE:
        return text
    day = value.date_precision == DatePrecision.DAY
    if language.startswith("fr"):
        return f"le {text}" if day else f"en {text}"
    return f"on {text}" if day else f"in {text}"


def draft(
    *,
    subject: str,
    property_code: str,
    value: ParsedValue | None,
    exact: str,
    language: str,
    label: str = "",
) -> str:
    """The statement a reviewer starts from, in ``language`` (French or English)."""
    french = language.startswith("fr")
    subject = subject or ("Le sujet" if french else "The subject")
    shown = format_value(value, "fr" if french else "en") if value is not None else exact
    spec = BY_CODE.get(property_code)
    if spec is None:
        label = label or property_code.replace("-", " ")
        template = "{subject} : {label}, {value}." if french else "{subject}: {label}, {value}."
        return _first_upper(template.format(subject=subject, label=label, value=shown))
    template = spec.statement_fr if french else spec.statement_en
    sentence = template.format(
        subject=subject,
        de_subject=de(subject),
        value=shown,
        when=when(value, "fr" if french else "en") if value is not None else exact,
    )
    if french:
        # "est de au moins 100 millions" reads "est d'au moins 100 millions".
        sentence = _ELIDED_RE.sub("d’", sentence)
    return _first_upper(sentence.replace("'s ", "’s " if "’" in subject else "'s "))


_ELIDED_RE = re.compile(r"\bde (?=(?:au|à|environ|un|une|en|il|elle|on|où)\b)")


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]
