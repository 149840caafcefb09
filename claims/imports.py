"""Claims into the workbench from a newsroom's spreadsheet, all or nothing.

The file has the export's columns (``claims.exports.COLUMNS``), so an export
imports back; only the claim's own fields are read (statement, subject,
property and value), the rest (ID, status, verdict, evidence, sources) is
ignored: imported claims start as new, and verdicts go through the review
workflow like any other.

``read_upload`` refuses what is not a CSV file at all; ``parse_claims_csv``
checks every row and says what is wrong with each; ``import_claims`` writes
them in one transaction, and writes nothing if one row is wrong.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from claims import search
from claims.choices import DatePrecision, Qualifier, ValueKind
from claims.exports import COLUMNS, NUMBER_KINDS, restore
from claims.models import (
    Claim,
    ClaimEvent,
    EventKind,
    Property,
    Subject,
    SubjectAlias,
    normalise_name,
)

MAX_IMPORT_BYTES = 1024 * 1024
MAX_IMPORT_ROWS = 5000
MAX_STATEMENT = 20_000
REQUIRED = ("statement", "subject", "property")
# The columns an import reads; every other export column is ignored.
READ = (
    "statement",
    "subject",
    "property",
    "value_kind",
    "value_text",
    "value_normalised",
    "qualifier",
    "unit",
    "per",
    "currency",
)


class ImportRefused(Exception):
    """The file cannot be read as a claims CSV at all. The message says why."""

    @property
    def message(self) -> str:
        return str(self.args[0])


@dataclass
class ImportRow:
    # The row's number as a spreadsheet shows it: the header is row 1.
    number: int
    cells: dict[str, str]
    errors: list[str] = field(default_factory=list)
    claim: Claim | None = None
    subject: Subject | None = None
    subject_name: str = ""
    new_subject: bool = False


@dataclass
class ImportPreview:
    text: str
    rows: list[ImportRow]
    ignored_columns: list[str]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not any(row.errors for row in self.rows)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)


# --- the file --------------------------------------------------------------------


def too_big_message() -> str:
    return _("The file is too big: an import takes at most %(size)s MB.") % {
        "size": MAX_IMPORT_BYTES // (1024 * 1024)
    }


def read_upload(data: bytes) -> str:
    """The uploaded bytes as text, or ``ImportRefused`` saying what is wrong with them."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(too_big_message())
    if not data.strip():
        raise ImportRefused(_("The file is empty."))
    if b"\x00" in data:
        raise ImportRefused(
            _("This is not a CSV file (it holds binary data). Save the sheet as “CSV UTF-8”.")
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            _(
                "The file is not UTF-8 encoded. Save the sheet as “CSV UTF-8” "
                "(comma-delimited) and upload it again."
            )
        ) from None


def _header_names() -> dict[str, str]:
    """Every way a column may be titled, folded, to its key: in each language, or by key."""
    names: dict[str, str] = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for column in COLUMNS:
                names.setdefault(normalise_name(str(column.label)), column.key)
    for column in COLUMNS:
        names.setdefault(normalise_name(column.key), column.key)
    return names


def _dialect(text: str) -> type[csv.Dialect]:
    """Commas, or semicolons as spreadsheets save CSV in French and other locales."""
    first_line = text.split("\n", 1)[0]
    if first_line.count(";") > first_line.count(","):

        class Semicolon(csv.excel):
            delimiter = ";"

        return Semicolon
    return csv.excel


def _records(text: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text)))
    except csv.Error as error:
        raise ImportRefused(
            _("The file could not be read as CSV: %(error)s") % {"error": error}
        ) from None


def parse_claims_csv(text: str) -> ImportPreview:
    """Check every row; the preview holds the claims to create and each row's errors."""
    records = _records(text)
    skipped = 0
    while records and not any(cell.strip() for cell in records[0]):
        records.pop(0)
        skipped += 1
    if not records:
        raise ImportRefused(_("The file is empty."))
    names = _header_names()
    header = [names.get(normalise_name(restore(cell))) for cell in records[0]]
    labels = {column.key: str(column.label) for column in COLUMNS}
    if not set(header) & set(REQUIRED):
        raise ImportRefused(
            _("The first line must name the columns: at least %(columns)s, as in a CSV export.")
            % {"columns": ", ".join(labels[key] for key in REQUIRED)}
        )
    missing = [labels[key] for key in REQUIRED if key not in header]
    if missing:
        raise ImportRefused(
            _("These columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    ignored = [
        cell for cell, key in zip(records[0], header, strict=True) if key not in READ and cell
    ]
    rows = []
    for number, record in enumerate(records[1:], start=skipped + 2):
        if not any(cell.strip() for cell in record):
            continue
        cells = {}
        for key, cell in zip(header, record, strict=False):
            if key in READ and key not in cells:
                cells[key] = restore(cell).strip()
        rows.append(ImportRow(number=number, cells=cells))
    if not rows:
        raise ImportRefused(_("The file has a header but no claims."))
    if len(rows) > MAX_IMPORT_ROWS:
        raise ImportRefused(
            _("The file has %(count)s claims; an import takes at most %(limit)s.")
            % {"count": len(rows), "limit": MAX_IMPORT_ROWS}
        )
    _check_rows(rows)
    return ImportPreview(text=text, rows=rows, ignored_columns=ignored)


# --- the rows --------------------------------------------------------------------


def _column_label(key: str) -> str:
    return next(str(column.label) for column in COLUMNS if column.key == key)


def _choice(choices: Any, raw: str, default: str) -> str | None:
    """A choice given by its code or its label, in any case; None when unknown."""
    if not raw:
        return default
    key = normalise_name(raw)
    for value, label in choices.choices:
        if key in {normalise_name(value), normalise_name(str(label))}:
            return value
    return None


def _decimal(raw: str) -> Decimal | None:
    text = raw.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _partial_date(raw: str) -> tuple[date, str] | None:
    """2021, 2023-05 or 2023-05-01: the date and how precise it is."""
    match = PARTIAL_DATE.match(raw)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day)), DatePrecision.DAY
        if month:
            return date(int(year), int(month), 1), DatePrecision.MONTH
        return date(int(year), 1, 1), DatePrecision.YEAR
    except ValueError:
        return None


def _known_subjects(names: set[str]) -> dict[str, Subject]:
    """Existing subjects by folded name or alias, in two queries for the whole file."""
    found = {s.normalised_name: s for s in Subject.objects.filter(normalised_name__in=names)}
    aliases = SubjectAlias.objects.filter(normalised_alias__in=names).select_related("subject")
    for alias in aliases:
        found.setdefault(alias.normalised_alias, alias.subject)
    return found


def _properties() -> dict[str, Property]:
    """The vocabulary by folded code, then by folded English or French label (a code wins
    a clash, then an English label)."""
    vocabulary = list(Property.objects.all())
    by_name = {normalise_name(prop.label_fr): prop for prop in vocabulary if prop.label_fr}
    by_name.update({normalise_name(prop.label): prop for prop in vocabulary})
    by_name.update({normalise_name(prop.code): prop for prop in vocabulary})
    return by_name


def _value_fields(row: ImportRow, kind: str) -> dict[str, Any]:
    """The structured value's fields from the row's cells, noting what is wrong."""
    cells, errors = row.cells, row.errors
    fields: dict[str, Any] = {
        "value_text": cells.get("value_text", ""),
        "value_unit": cells.get("unit", ""),
        "value_currency": cells.get("currency", "").upper(),
    }
    qualifier = _choice(Qualifier, cells.get("qualifier", ""), Qualifier.EXACT)
    if qualifier is None:
        errors.append(_("Unknown qualifier “%(value)s”.") % {"value": cells["qualifier"]})
    else:
        fields["value_qualifier"] = qualifier
    if fields["value_currency"] and not re.fullmatch(r"[A-Z]{3}", fields["value_currency"]):
        errors.append(_("The currency must be a three-letter ISO 4217 code such as USD or EUR."))
    if per := cells.get("per", ""):
        fields["value_per"] = _decimal(per)
        if fields["value_per"] is None or fields["value_per"] <= 0:
            errors.append(_("“Per” must be a positive number, such as 1000000."))
    normalised = cells.get("value_normalised", "")
    if not normalised:
        return fields
    if kind == ValueKind.DATE:
        parsed = _partial_date(normalised)
        if parsed is None:
            errors.append(
                _("“%(value)s” is not a date: write 2021, 2023-05 or 2023-05-01.")
                % {"value": normalised}
            )
        else:
            fields["value_date"], fields["value_date_precision"] = parsed
    elif kind in NUMBER_KINDS:
        fields["value_number"] = _decimal(normalised)
        if fields["value_number"] is None:
            errors.append(_("“%(value)s” is not a number.") % {"value": normalised})
    else:
        errors.append(
            _("A text value has no normalised value; leave “%(column)s” empty or give a kind.")
            % {"column": _column_label("value_normalised")}
        )
    return fields


def _check_rows(rows: list[ImportRow]) -> None:
    properties = _properties()
    subject_keys = {normalise_name(row.cells.get("subject", "")) for row in rows} - {""}
    subjects = _known_subjects(subject_keys)
    seen: dict[tuple[str, str, int], int] = {}
    labels = {f.name: str(f.verbose_name) for f in Claim._meta.fields}
    for row in rows:
        cells, errors = row.cells, row.errors
        statement = cells.get("statement", "")
        if not statement:
            errors.append(_("The statement is empty."))
        elif len(statement) > MAX_STATEMENT:
            errors.append(_("The statement is too long."))
        row.subject_name = cells.get("subject", "")
        subject_key = normalise_name(row.subject_name)
        if not subject_key:
            errors.append(_("The subject is empty."))
        elif len(row.subject_name) > 200:
            errors.append(_("The subject's name is too long (200 characters at most)."))
        row.subject = subjects.get(subject_key)
        row.new_subject = bool(subject_key) and row.subject is None
        prop = None
        if not cells.get("property"):
            errors.append(_("The property is empty."))
        else:
            prop = properties.get(normalise_name(cells["property"]))
            if prop is None:
                errors.append(
                    _("Unknown property “%(value)s”: use one of the vocabulary's codes.")
                    % {"value": cells["property"]}
                )
        default_kind = (prop.value_kind if prop else "") or ValueKind.TEXT
        kind = _choice(ValueKind, cells.get("value_kind", ""), default_kind)
        if kind is None:
            errors.append(_("Unknown value kind “%(value)s”.") % {"value": cells["value_kind"]})
            kind = ValueKind.TEXT
        claim = Claim(statement=statement, value_kind=kind, **_value_fields(row, kind))
        if prop is not None:
            claim.property = prop
        try:
            # The statement, subject and property are checked above.
            claim.clean_fields(
                exclude=["statement", "subject", "property", "assignee", "created_by"]
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.extend(f"{labels.get(name, name).capitalize()}: {m}" for m in messages)
        if statement and subject_key and prop:
            key = (normalise_name(statement), subject_key, prop.pk)
            if key in seen:
                errors.append(_("Same claim as row %(row)s.") % {"row": seen[key]})
            seen.setdefault(key, row.number)
        row.claim = claim
    _check_existing(rows)


def _check_existing(rows: list[ImportRow]) -> None:
    """Refuse claims the workbench already has: importing a file twice adds nothing."""
    statements = {row.claim.statement for row in rows if row.claim and row.claim.statement}
    existing = {
        (normalise_name(statement), subject_id, property_id): pk
        for pk, statement, subject_id, property_id in Claim.objects.filter(
            statement__in=statements
        ).values_list("pk", "statement", "subject_id", "property_id")
    }
    if not existing:
        return
    for row in rows:
        claim = row.claim
        if claim is None or row.subject is None or claim.property_id is None:
            continue
        pk = existing.get((normalise_name(claim.statement), row.subject.pk, claim.property_id))
        if pk:
            row.errors.append(_("This claim is already in the workbench (#%(id)s).") % {"id": pk})


# --- writing ---------------------------------------------------------------------


@transaction.atomic
def import_claims(preview: ImportPreview, *, by: AbstractBaseUser) -> list[Claim]:
    """Create every claim of a valid preview, with the subjects they need, or none."""
    if not preview.is_valid:
        raise ImportRefused(_("Nothing was imported: some rows have errors."))
    created_subjects: dict[str, Subject] = {}
    claims = []
    for row in preview.rows:
        claim = row.claim
        if row.subject is None:
            key = normalise_name(row.subject_name)
            if key not in created_subjects:
                created_subjects[key] = Subject.objects.create(name=row.subject_name)
            row.subject = created_subjects[key]
        claim.subject = row.subject
        claim.created_by = by
        claims.append(claim)
    claims = Claim.objects.bulk_create(claims, batch_size=500)
    search.refresh(claim.pk for claim in claims)
    ClaimEvent.objects.bulk_create(
        [
            ClaimEvent(claim=claim, actor=by, kind=EventKind.CREATED, data={"imported": True})
            for claim in claims
        ],
        batch_size=500,
    )
    return claims
