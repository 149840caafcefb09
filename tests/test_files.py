"""Files as evidence: the type read from the content, the text extracted into a document
to quote from, the bytes stored once, served only to the team, bad files refused whole."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from claims import files, workflow
from claims.choices import Stance
from claims.models import Evidence, Source, SourceKind, StoredFile
from tests.documents import make_image, make_pdf
from tests.factories import make_claim

REPORT = (
    "Le registre du commerce indique une immatriculation le 17 juillet 2023.",
    "La société a été fondée à Hangzhou par Liang Wenfeng.",
)
HTMX = {"HTTP_HX_REQUEST": "true"}


# --- what a file is ---------------------------------------------------------------------


def test_a_pdf_is_read_with_its_text_and_title() -> None:
    read = files.read_file("rapport.pdf", make_pdf(*REPORT, title="Registre 2023"))
    assert read.content_type == "application/pdf"
    assert read.title == "Registre 2023"
    assert "immatriculation le 17 juillet 2023." in read.text
    assert "fondée à Hangzhou" in read.text


@pytest.mark.parametrize(
    ("kind", "name", "content_type"),
    [
        ("PNG", "capture.png", "image/png"),
        ("JPEG", "photo.jpg", "image/jpeg"),
        ("WEBP", "capture.webp", "image/webp"),
    ],
)
def test_images_are_recognised_by_their_content(kind, name, content_type) -> None:
    read = files.read_file(name, make_image(kind))
    assert (read.content_type, read.text) == (content_type, "")
    # The name does not decide: the same bytes without an extension are the same image.
    assert files.read_file("capture", make_image(kind)).content_type == content_type


def test_a_saved_web_page_is_reduced_to_its_text() -> None:
    page = (
        b"<!doctype html><html><head><title>Registre</title></head><body>"
        b"<nav>Menu</nav><article><p>La soci\xc3\xa9t\xc3\xa9 a \xc3\xa9t\xc3\xa9 fond\xc3\xa9e"
        b" en 2023 selon le registre du commerce de Hangzhou.</p></article></body></html>"
    )
    read = files.read_file("registre.html", page)
    assert read.content_type == "text/html"
    assert read.title == "Registre"
    assert "La société a été fondée en 2023 selon le registre" in read.text


def test_plain_text_is_normalised_as_articles_are() -> None:
    read = files.read_file("notes.txt", "Première ligne\r\ncoupée ici.\r\n\r\nSecond.".encode())
    assert (read.content_type, read.text) == ("text/plain", "Première ligne coupée ici.\n\nSecond.")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("rapport.pdf", make_image("PNG"), "“rapport.pdf” is named as a PDF file but holds a PNG"),
        ("capture.png", make_pdf("x"), "“capture.png” is named as a PNG file but holds a PDF."),
        ("photo.jpg", b"just words", "“photo.jpg” is named as a JPEG file but holds text."),
        ("rapport.pdf", b"%PDF-1.7\nnot really a pdf", "This PDF cannot be read"),
        ("capture.png", make_image("PNG")[:40], "This image cannot be read: it is damaged."),
        ("archive.zip", b"PK\x03\x04\x00\x00binary", "This file is not a PDF, an image"),
        ("empty.txt", b"  \n", "The file is empty."),
        # Found by schemathesis: a page that is only its opening tag has nothing to read.
        ("file", b"<html\r\n", "The page holds no article text that could be read."),
    ],
    ids=[
        "png named pdf",
        "pdf named png",
        "text named jpg",
        "broken pdf",
        "truncated png",
        "zip",
        "empty",
        "bare html tag",
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused(name, data, message) -> None:
    with pytest.raises(files.FileRefused, match=message):
        files.read_file(name, data)


def test_an_oversized_file_is_refused(settings) -> None:
    settings.FACTCHECK_EVIDENCE_MAX_MB = 1
    with pytest.raises(files.FileRefused, match="at most 1 MB"):
        files.read_file("big.txt", b"a" * (1024 * 1024 + 1))


# --- stored once, nothing half-stored ------------------------------------------------------


def test_a_document_is_stored_once_with_its_hash_and_size(reviewer) -> None:
    data = make_pdf(*REPORT)
    source = files.attach_document(name="rapport.pdf", data=data, by=reviewer)
    assert source.kind == SourceKind.DOCUMENT
    assert source.title == "rapport.pdf"
    stored = source.file
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.size == len(data)
    assert stored.content_type == "application/pdf"
    with stored.file.open("rb") as handle:
        assert handle.read() == data
    # The same file again: the same document, the bytes kept once.
    assert files.attach_document(name="copie.pdf", data=data, by=reviewer) == source
    assert StoredFile.objects.count() == 1


def test_a_failure_after_the_bytes_are_written_leaves_nothing(reviewer, monkeypatch) -> None:
    data = make_pdf(*REPORT)

    def broken_create(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Source.objects, "create", broken_create)
    with pytest.raises(RuntimeError):
        files.attach_document(name="rapport.pdf", data=data, by=reviewer)
    assert not StoredFile.objects.exists()
    sha256 = hashlib.sha256(data).hexdigest()
    assert not default_storage.exists(f"evidence/{sha256[:2]}/{sha256}")


def test_an_outsider_cannot_attach(outsider) -> None:
    with pytest.raises(workflow.NotAllowed):
        files.attach_document(name="rapport.pdf", data=make_pdf(*REPORT), by=outsider)
    assert not StoredFile.objects.exists()


def test_an_excerpt_of_a_pdf_is_anchored_like_a_quote(reviewer) -> None:
    source = files.attach_document(name="rapport.pdf", data=make_pdf(*REPORT), by=reviewer)
    evidence = workflow.add_evidence(
        make_claim(),
        by=reviewer,
        stance=Stance.REFUTES,
        source=source,
        excerpt="immatriculation le 17 juillet 2023",
    )
    assert source.text[evidence.excerpt_start : evidence.excerpt_end] == evidence.excerpt


def test_an_image_is_described_rather_than_quoted(reviewer) -> None:
    source = files.attach_document(name="capture.png", data=make_image(), by=reviewer)
    evidence = workflow.add_evidence(
        make_claim(),
        by=reviewer,
        stance=Stance.SUPPORTS,
        source=source,
        excerpt="The registry page shows 17 July 2023.",
    )
    assert evidence.excerpt_start is None and evidence.excerpt


# --- the pages -----------------------------------------------------------------------------


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_attaching_opens_the_document_to_quote_from(client, reviewer) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    response = client.post(
        f"/claims/{claim.pk}/evidence/attach/",
        {"file": upload("rapport.pdf", make_pdf(*REPORT)), "title": "Registre du commerce"},
        **HTMX,
    )
    body = response.content.decode()
    source = Source.objects.get(kind=SourceKind.DOCUMENT)
    assert source.title == "Registre du commerce"
    assert "“Registre du commerce” is attached" in body
    assert 'class="pick-text"' in body and "fondée à Hangzhou" in body
    assert f'href="/files/{source.file.sha256}/"' in body
    assert f'name="new-source" value="{source.pk}"' in body


def test_attaching_without_javascript_redirects_to_the_open_panel(client, reviewer) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    response = client.post(
        f"/claims/{claim.pk}/evidence/attach/", {"file": upload("capture.png", make_image())}
    )
    source = Source.objects.get(kind=SourceKind.DOCUMENT)
    assert (
        response["Location"] == f"/claims/{claim.pk}/evidence/new/?source={source.pk}#add-evidence"
    )
    page = client.get(response["Location"]).content.decode()
    assert f'<img src="/files/{source.file.sha256}/"' in page


def test_a_bad_file_is_explained_in_the_panel_and_nothing_is_stored(client, reviewer) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    response = client.post(
        f"/claims/{claim.pk}/evidence/attach/",
        {"file": upload("rapport.pdf", make_image())},
        **HTMX,
    )
    assert (
        "“rapport.pdf” is named as a PDF file but holds a PNG image." in response.content.decode()
    )
    assert not StoredFile.objects.exists() and not Source.objects.filter(kind="document").exists()


def test_an_oversized_upload_is_refused_before_it_is_read(client, reviewer, settings) -> None:
    settings.FACTCHECK_EVIDENCE_MAX_MB = 1
    claim = make_claim()
    client.force_login(reviewer)
    response = client.post(
        f"/claims/{claim.pk}/evidence/attach/",
        {"file": upload("big.txt", b"a" * (1024 * 1024 + 1))},
        **HTMX,
    )
    assert "evidence files may be at most 1 MB" in response.content.decode()
    assert not StoredFile.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "content_type", "disposition"),
    [
        ("rapport.pdf", make_pdf(*REPORT), "application/pdf", "inline"),
        ("capture.png", make_image(), "image/png", "inline"),
        ("page.html", b"<html><body><p>Le registre.</p></body></html>", "text/html", "attachment"),
        ("notes.txt", b"Le registre dit 2023.", "text/plain", "attachment"),
    ],
)
def test_files_are_served_to_the_team_with_their_stored_type(
    client, reviewer, outsider, name, data, content_type, disposition
) -> None:
    stored = files.attach_document(name=name, data=data, by=reviewer).file
    url = f"/files/{stored.sha256}/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(reviewer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith(disposition)
    assert b"".join(response.streaming_content) == data


def test_an_unknown_file_is_not_found(client, reviewer) -> None:
    client.force_login(reviewer)
    assert client.get(f"/files/{'0' * 64}/").status_code == 404
    assert client.get("/files/not-a-hash/").status_code == 404


def test_evidence_from_a_file_shows_the_file(client, reviewer) -> None:
    claim = make_claim()
    source = files.attach_document(name="capture.png", data=make_image(), by=reviewer)
    workflow.add_evidence(claim, by=reviewer, stance=Stance.SUPPORTS, source=source, excerpt="x")
    client.force_login(reviewer)
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    assert f'<img src="/files/{source.file.sha256}/"' in page
    assert Evidence.objects.get().source.file.is_image
