"""Dates as people read and type them, in French and in English.

Shown: day, month name and year ("4 Dec 2026, 04:08" / "4 déc. 2026, 04:08"), in
the configured time zone, from the format settings of ``factcheck/formats/``; a
date known only to its month or year is shown as that ("May 2023", "2021").

Typed: the ISO form (2026-12-04), the day-first form both interfaces use
(4/12/2026, 4.12.2026) and the month's name in French or English ("4 déc. 2026",
"4 December 2026", "December 4, 2026", "1er mai 2023"). A newsroom compares the
dates articles state: 04/12 is never read as April 12.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from functools import cache

from babel.dates import get_month_names
from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from claims.choices import DatePrecision

# The languages whose month names are read, whatever the interface language: a
# French reviewer pastes English dates too, and no month name means two months.
MONTH_LANGUAGES = ("en", "fr")
# An abbreviation must say this much of the month's name ("jan", "sept", "déc").
MIN_ABBREVIATION = 3


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip(".")


@cache
def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for language in MONTH_LANGUAGES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, "format", locale=language).items():
                names[_fold(name)] = number
    return names


def month_number(word: str) -> int | None:
    """The month a name or an abbreviation of it says ("Dec", "déc.", "juil"), else None."""
    folded = _fold(word)
    names = _month_names()
    if folded in names:
        return names[folded]
    if len(folded) < MIN_ABBREVIATION:
        return None
    months = {number for name, number in names.items() if name.startswith(folded)}
    return months.pop() if len(months) == 1 else None


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_NAMED_DAY_FIRST = re.compile(r"^(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+\.?)\s+(\d{4})$")
_NAMED_MONTH_FIRST = re.compile(r"^([^\W\d_]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_NAMED_MONTH = re.compile(r"^([^\W\d_]+\.?)\s+(\d{4})$")


def parse_date(text: str) -> tuple[datetime.date, str] | None:
    """The date ``text`` gives and its precision (year, month or day), or None.

    Never guesses between two readings: a numeric date is day first, as in both
    interfaces, and a month is named or numbered, never an ambiguous abbreviation.
    """
    text = " ".join((text or "").split())
    if not text:
        return None
    year = month = day = None
    if match := _ISO.match(text):
        year, month, day = match.groups()
    elif match := _DAY_FIRST.match(text):
        day, month, year = match.groups()
    elif match := _MONTH_YEAR.match(text):
        month, year = match.groups()
    elif match := _NAMED_DAY_FIRST.match(text):
        day, name, year = match.groups()
        month = month_number(name)
    elif match := _NAMED_MONTH_FIRST.match(text):
        name, day, year = match.groups()
        month = month_number(name)
    elif match := _NAMED_MONTH.match(text):
        name, year = match.groups()
        month = month_number(name)
    else:
        return None
    if month is None and (day is not None or not _ISO.match(text)):
        return None
    try:
        if day is not None:
            return datetime.date(int(year), int(month), int(day)), DatePrecision.DAY
        if month is not None:
            return datetime.date(int(year), int(month), 1), DatePrecision.MONTH
        return datetime.date(int(year), 1, 1), DatePrecision.YEAR
    except ValueError:
        return None


# --- shown -----------------------------------------------------------------------------

PRECISION_FORMATS = {
    DatePrecision.YEAR: "Y",
    DatePrecision.MONTH: "YEAR_MONTH_FORMAT",
    DatePrecision.DAY: "DATE_FORMAT",
}


def format_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """A date in the interface language, cut to what is known of it: "2021", "May 2023"."""
    if value is None:
        return ""
    return formats.date_format(value, PRECISION_FORMATS.get(precision, "DATE_FORMAT"))


def format_datetime(value: datetime.datetime | None) -> str:
    """A moment in the configured time zone, as every page shows one: "4 Dec 2026, 04:08"."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "SHORT_DATETIME_FORMAT")


# --- typed -------------------------------------------------------------------------------

DATE_HELP = _("Day first: 4/12/2026, 4 Dec 2026 or 2026-12-04.")


class DateInput(forms.TextInput):
    """One text box per date: a single Tab stop, and the date shown with its month's name."""

    def format_value(self, value) -> str | None:
        if isinstance(value, datetime.date):
            return format_date(value)
        return super().format_value(value)


class DateField(forms.DateField):
    """A day, typed the way either interface writes it, or in ISO form."""

    widget = DateInput
    default_error_messages = {
        "invalid": _("Enter a date such as 4/12/2026, 4 Dec 2026 or 2026-12-04."),
    }

    def to_python(self, value) -> datetime.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        parsed = parse_date(str(value))
        if parsed is None or parsed[1] != DatePrecision.DAY:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed[0]
