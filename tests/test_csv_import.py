"""The CSV import: every row checked, all or nothing, and an export imports back."""

from __future__ import annotations

import csv
import re
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from claims import imports, search
from claims.exports import csv_lines
from claims.imports import ImportRefused, import_claims, parse_claims_csv, read_upload
from claims.models import Appearance, Claim, ClaimEvent, Dispute, Subject, SubjectAlias

HEADER = "Statement,Subject,Property,Value kind,Stated value,Normalised value,Unit,Per,Currency\n"
GOOD = HEADER + (
    "Exemple was founded in 2019.,Exemple SA,founding-date,date,en 2019,2019,,,\n"
    '"Exemple sells at 3 € « le kilo », they say",Exemple SA,founding-date,money,'
    "3 €,3,kilogram,1,eur\n"
)


def upload(text: str | bytes, name: str = "claims.csv") -> SimpleUploadedFile:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def claim_fields(claim: Claim) -> tuple:
    return (
        claim.statement,
        claim.subject.name,
        claim.property.code,
        claim.value_kind,
        claim.value_text,
        claim.value_number,
        claim.value_unit,
        claim.value_per,
        claim.value_currency,
        claim.value_date,
        claim.value_date_precision,
        claim.value_qualifier,
    )


# --- reading the file ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Statement,Subject\nDéjà vu,Exemple\n".encode("latin-1"), "UTF-8"),
        (b"x" * (imports.MAX_IMPORT_BYTES + 1), "too big"),
    ],
)
def test_it_refuses_what_is_not_a_csv_file(data: bytes, message: str) -> None:
    with pytest.raises(ImportRefused, match=message):
        read_upload(data)


def test_it_reads_utf8_with_or_without_bom() -> None:
    assert read_upload("\ufeffStatement\nÇa\n".encode()) == "Statement\nÇa\n"
    assert read_upload("Statement\nÇa\n".encode()) == "Statement\nÇa\n"


def test_it_refuses_a_file_without_header(db) -> None:
    with pytest.raises(ImportRefused, match="first line must name the columns"):
        parse_claims_csv("Exemple was founded in 2019.,Exemple SA,founding-date\n")


def test_it_names_the_missing_columns(db) -> None:
    with pytest.raises(ImportRefused, match="missing: Property"):
        parse_claims_csv("Statement,Subject\nA claim,Exemple\n")


def test_it_refuses_a_header_without_rows(db) -> None:
    with pytest.raises(ImportRefused, match="no claims"):
        parse_claims_csv(HEADER + "\n,,,\n")


def test_it_refuses_too_many_rows(db, monkeypatch) -> None:
    monkeypatch.setattr(imports, "MAX_IMPORT_ROWS", 1)
    with pytest.raises(ImportRefused, match="at most 1"):
        parse_claims_csv(GOOD)


def test_it_refuses_an_unreadable_csv(db, monkeypatch) -> None:
    monkeypatch.setattr(csv, "field_size_limit", csv.field_size_limit)
    csv.field_size_limit(10)
    try:
        with pytest.raises(ImportRefused, match="could not be read as CSV"):
            parse_claims_csv(HEADER + "A very long statement indeed,Exemple,founding-date\n")
    finally:
        csv.field_size_limit(131072)


# --- checking the rows -----------------------------------------------------------------------


def test_a_good_file_previews_every_claim(db) -> None:
    preview = parse_claims_csv(GOOD)
    assert preview.is_valid
    assert [row.number for row in preview.rows] == [2, 3]
    assert all(row.new_subject for row in preview.rows)
    assert Claim.objects.count() == 0


def test_it_reports_each_rows_errors(db) -> None:
    text = HEADER + (
        "Fine claim.,Exemple,founding-date,date,2019,2019,,,\n"
        "Unknown property.,Exemple,shoe-size,,,,,,\n"
        ",Exemple,founding-date,,,,,,\n"
        "Bad number.,Exemple,founding-date,money,lots,lots,,,USD\n"
        "Bad date.,Exemple,founding-date,date,May 2023,May 2023,,,\n"
        "Bad currency.,Exemple,founding-date,money,5 dollars,5,,,dollars\n"
        "No subject.,,founding-date,,,,,,\n"
        "Bad kind.,Exemple,founding-date,colour,,,,,\n"
        "Too long.,Exemple,founding-date,text," + "x" * 501 + ",,,,\n"
        "Fine claim.,Exemple,founding-date,date,2019,2019,,,\n"
    )
    preview = parse_claims_csv(text)
    assert not preview.is_valid
    errors = {row.number: " ".join(row.errors) for row in preview.rows}
    assert errors[2] == ""
    assert "Unknown property “shoe-size”" in errors[3]
    assert "statement is empty" in errors[4]
    assert "“lots” is not a number" in errors[5]
    assert "“May 2023” is not a date" in errors[6]
    assert "ISO 4217" in errors[7]
    assert "subject is empty" in errors[8]
    assert "Unknown value kind “colour”" in errors[9]
    assert "at most 500 characters" in errors[10]
    assert "Same claim as row 2" in errors[11]
    assert preview.error_count == 9
    with pytest.raises(ImportRefused):
        import_claims(preview, by=None)
    assert Claim.objects.count() == Subject.objects.count() == 0


def test_a_claim_already_in_the_workbench_is_refused(deepseek) -> None:
    text = HEADER + "DeepSeek was founded in 2021.,DeepSeek,founding-date,date,2021,2021,,,\n"
    preview = parse_claims_csv(text)
    existing = Claim.objects.get(statement="DeepSeek was founded in 2021.")
    assert preview.rows[0].errors == [f"This claim is already in the workbench (#{existing.pk})."]


def test_subjects_are_found_by_alias_and_properties_by_label(deepseek) -> None:
    alias = SubjectAlias.objects.select_related("subject").first()
    prop = Claim.objects.get(statement="DeepSeek was founded in 2021.").property
    text = f"Statement,Subject,Property\nA new claim.,{alias.alias.upper()},{prop.label}\n"
    preview = parse_claims_csv(text)
    assert preview.is_valid
    assert preview.rows[0].subject == alias.subject
    assert not preview.rows[0].new_subject
    assert preview.rows[0].claim.property == prop


def test_semicolons_and_decimal_commas_as_french_spreadsheets_save_them(db) -> None:
    text = (
        "Statement;Subject;Property;Value kind;Normalised value\n"
        "It costs 0,14.;X;founding-date;money;0,14\n"
    )
    preview = parse_claims_csv(text)
    assert preview.is_valid
    assert preview.rows[0].claim.value_number == Decimal("0.14")


def test_neutralised_cells_are_restored(db, reviewer: User) -> None:
    text = HEADER + "\"'=1+1 is not two.\",'@Exemple,founding-date,quantity,'-5,'-5,,,\n"
    [claim] = import_claims(parse_claims_csv(text), by=reviewer)
    assert (claim.statement, claim.subject.name) == ("=1+1 is not two.", "@Exemple")
    assert (claim.value_text, claim.value_number) == ("-5", Decimal("-5"))


# --- writing ---------------------------------------------------------------------------------


def test_it_creates_the_claims_and_their_subjects(db, reviewer: User) -> None:
    claims = import_claims(parse_claims_csv(GOOD), by=reviewer)
    assert len(claims) == Claim.objects.count() == 2
    assert Subject.objects.get().name == "Exemple SA"
    founded, sells = Claim.objects.order_by("pk")
    assert (founded.value_date, founded.value_date_precision) == (date(2019, 1, 1), "year")
    assert (sells.value_number, sells.value_currency, sells.value_per) == (3, "EUR", 1)
    assert sells.statement == "Exemple sells at 3 € « le kilo », they say"
    assert {c.status for c in claims} == {"new"}
    assert {c.created_by for c in Claim.objects.all()} == {reviewer}
    # Found by search, and the timeline says where they came from.
    assert search.search(Claim.objects.all(), "kilo").get() == sells
    assert ClaimEvent.objects.filter(kind="created", data__imported=True).count() == 2


def test_nothing_is_written_when_the_transaction_fails(db, reviewer: User, monkeypatch) -> None:
    def broken(ids) -> None:
        list(ids)
        raise RuntimeError("disk full")

    monkeypatch.setattr(search, "refresh", broken)
    with pytest.raises(RuntimeError):
        import_claims(parse_claims_csv(GOOD), by=reviewer)
    assert Claim.objects.count() == Subject.objects.count() == 0


def test_an_export_imports_back_into_an_empty_workbench(deepseek, reviewer: User) -> None:
    before = sorted(claim_fields(c) for c in Claim.objects.select_related("subject", "property"))
    exported = "".join(csv_lines(Claim.objects.all(), base_url="https://x.example"))
    Appearance.objects.all().delete()
    Claim.objects.all().delete()
    Dispute.objects.all().delete()
    Subject.objects.all().delete()

    preview = parse_claims_csv(read_upload(exported.encode("utf-8")))
    assert preview.is_valid, [row.errors for row in preview.rows if row.errors]
    assert "Claim ID" in preview.ignored_columns
    import_claims(preview, by=reviewer)
    after = sorted(claim_fields(c) for c in Claim.objects.select_related("subject", "property"))
    assert after == before


# --- the page --------------------------------------------------------------------------------


def test_it_sends_anonymous_users_to_log_in(client: Client, db) -> None:
    response = client.get(reverse("claim_import"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_refuses_people_without_a_role(client: Client, outsider: User) -> None:
    client.force_login(outsider)
    assert client.get(reverse("claim_import")).status_code == 403
    assert client.post(reverse("claim_import"), {"file": upload(GOOD)}).status_code == 403
    assert Claim.objects.count() == 0


def test_it_shows_the_upload_form(client: Client, reviewer: User) -> None:
    client.force_login(reviewer)
    response = client.get(reverse("claim_import"))
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.text


def test_it_rejects_put(client: Client, reviewer: User) -> None:
    client.force_login(reviewer)
    assert client.put(reverse("claim_import")).status_code == 405


def _payload(html: str) -> str:
    return re.search(r'name="payload" value="([^"]+)"', html).group(1)


def test_upload_preview_then_confirm(client: Client, reviewer: User) -> None:
    client.force_login(reviewer)
    response = client.post(reverse("claim_import"), {"file": upload(GOOD)})
    assert response.status_code == 200
    assert "2 claims are ready to import." in response.text
    assert Claim.objects.count() == 0

    response = client.post(reverse("claim_import"), {"payload": _payload(response.text)})
    assert response.status_code == 302
    assert response["Location"] == reverse("claim_list")
    assert Claim.objects.count() == 2


def test_a_bad_file_shows_the_rows_errors_and_writes_nothing(
    client: Client, reviewer: User
) -> None:
    client.force_login(reviewer)
    bad = GOOD + "Unknown property.,Exemple,shoe-size,,,,,,\n"
    response = client.post(reverse("claim_import"), {"file": upload(bad)})
    assert response.status_code == 200
    assert "Unknown property “shoe-size”" in response.text
    assert 'name="payload"' not in response.text
    assert Claim.objects.count() == Subject.objects.count() == 0


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x00\x01binary", "binary data"),
        ("Statement\nDéjà\n".encode("cp1252"), "not UTF-8"),
        (b"a" * (imports.MAX_IMPORT_BYTES + 1), "too big"),
        (b"Only a claim.,Exemple,founding-date\n", "first line must name the columns"),
    ],
)
def test_a_malformed_file_is_refused_with_a_message(
    client: Client, reviewer: User, data: bytes, message: str
) -> None:
    client.force_login(reviewer)
    response = client.post(reverse("claim_import"), {"file": upload(data)})
    assert response.status_code == 200
    assert message in response.text
    assert Claim.objects.count() == 0


def test_an_altered_payload_is_refused(client: Client, reviewer: User) -> None:
    client.force_login(reviewer)
    forged = signing.dumps(GOOD, salt="claims.import:someone-else", compress=True)
    response = client.post(reverse("claim_import"), {"payload": forged})
    assert response.status_code == 200
    assert "expired or was altered" in response.text
    response = client.post(reverse("claim_import"), {"payload": "not-signed"})
    assert response.status_code == 200
    assert Claim.objects.count() == 0


def test_another_users_preview_cannot_be_replayed(
    client: Client, reviewer: User, editor: User
) -> None:
    client.force_login(reviewer)
    payload = _payload(client.post(reverse("claim_import"), {"file": upload(GOOD)}).text)
    client.force_login(editor)
    assert client.post(reverse("claim_import"), {"payload": payload}).status_code == 200
    assert Claim.objects.count() == 0


def test_rows_are_checked_again_when_confirmed(client: Client, reviewer: User) -> None:
    client.force_login(reviewer)
    payload = _payload(client.post(reverse("claim_import"), {"file": upload(GOOD)}).text)
    # Someone imports the same file in between.
    import_claims(parse_claims_csv(GOOD), by=reviewer)
    response = client.post(reverse("claim_import"), {"payload": payload})
    assert response.status_code == 200
    assert "already in the workbench" in response.text
    assert Claim.objects.count() == 2


def test_the_preview_keeps_nothing_on_the_server(
    client: Client, reviewer: User, tmp_path, settings
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(reviewer)
    client.post(reverse("claim_import"), {"file": upload(GOOD)})
    assert list(tmp_path.iterdir()) == []
    assert not any(key.startswith("claims") for key, _value in client.session.items())
