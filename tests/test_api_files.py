"""The API adds and reads file and snapshot evidence, as the pages do."""

from __future__ import annotations

import hashlib

import pytest
import yaml
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Evidence, Snapshot, Source, SourceKind, StoredFile
from tests.documents import make_image, make_pdf
from tests.factories import make_claim
from tests.test_fetch import ARTICLE
from tests.webserver import Page

pytestmark = pytest.mark.django_db

REPORT = "Le registre du commerce indique une immatriculation le 17 juillet 2023."


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_upload_a_pdf_then_cite_an_excerpt_of_it(reviewer) -> None:
    client = api(reviewer)
    data = make_pdf(REPORT)
    response = client.post(
        "/api/files/",
        {"file": _upload("registre.pdf", data), "title": "Registre"},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    document = response.json()
    sha256 = hashlib.sha256(data).hexdigest()
    assert document["kind"] == "document" and document["title"] == "Registre"
    assert document["file"] == {
        "sha256": sha256,
        "size": len(data),
        "content_type": "application/pdf",
        "original_name": "registre.pdf",
        "url": f"/api/files/{sha256}/",
    }
    claim = make_claim()
    response = client.post(
        f"/api/claims/{claim.pk}/evidence/",
        {"stance": "refutes", "source": document["id"], "excerpt": "17 juillet 2023"},
        format="json",
    )
    assert response.status_code == 201, response.content
    evidence = response.json()
    assert evidence["file"]["sha256"] == sha256
    text = Source.objects.get(pk=document["id"]).text
    assert text[evidence["excerpt_start"] : evidence["excerpt_end"]] == "17 juillet 2023"
    assert client.get(f"/api/evidence/{evidence['id']}/").json()["file"]["sha256"] == sha256

    download = client.get(f"/api/files/{sha256}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == data


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("registre.pdf", make_image(), "is named as a PDF file but holds a PNG image"),
        ("registre.pdf", b"%PDF-1.4 broken", "This PDF cannot be read"),
        # Found by schemathesis: a page with no text to read was a 500.
        ("file", b"<html", "holds no article text"),
    ],
)
def test_a_bad_file_is_a_400_and_nothing_is_stored(reviewer, name, data, message) -> None:
    response = api(reviewer).post("/api/files/", {"file": _upload(name, data)}, format="multipart")
    assert response.status_code == 400
    assert message in response.json()["file"][0]
    assert not StoredFile.objects.exists()
    assert not Source.objects.filter(kind=SourceKind.DOCUMENT).exists()


def test_an_oversized_upload_is_a_400(reviewer, settings) -> None:
    settings.FACTCHECK_EVIDENCE_MAX_MB = 1
    response = api(reviewer).post(
        "/api/files/", {"file": _upload("big.txt", b"a" * (2**20 + 1))}, format="multipart"
    )
    assert response.status_code == 400
    assert "at most 1 MB" in response.json()["file"][0]


def test_files_are_for_the_team_only(client, reviewer, outsider) -> None:
    assert client.post("/api/files/", {}).status_code == 401
    assert api(outsider).post("/api/files/", {}, format="multipart").status_code == 403


def test_add_link_evidence_with_a_copy_and_fetch_it_again(web, reviewer) -> None:
    web.pages["/tarifs"] = Page(ARTICLE.encode())
    client = api(reviewer)
    claim = make_claim()
    response = client.post(
        f"/api/claims/{claim.pk}/evidence/",
        {"stance": "supports", "url": web.url("/tarifs"), "keep_copy": True},
        format="json",
    )
    assert response.status_code == 201, response.content
    [copy] = response.json()["snapshots"]
    assert (copy["final_url"], copy["status_code"]) == (web.url("/tarifs"), 200)
    assert copy["file"]["content_type"] == "text/html"
    assert "0,14 dollar" in Source.objects.get(pk=copy["text_source"]).text

    web.pages["/tarifs"] = Page(ARTICLE.replace("0,14", "0,55").encode())
    evidence_id = response.json()["id"]
    again = client.post(f"/api/evidence/{evidence_id}/snapshots/")
    assert again.status_code == 201, again.content
    assert again.json()["file"]["sha256"] != copy["file"]["sha256"]
    listed = client.get(f"/api/evidence/{evidence_id}/").json()["snapshots"]
    assert [s["id"] for s in listed] == [again.json()["id"], copy["id"]]


def test_a_page_that_cannot_be_kept_is_a_409_and_adds_nothing(web, reviewer) -> None:
    client = api(reviewer)
    claim = make_claim()
    response = client.post(
        f"/api/claims/{claim.pk}/evidence/",
        {"stance": "supports", "url": web.url("/missing"), "keep_copy": True},
        format="json",
    )
    assert response.status_code == 409
    assert "HTTP 404 Not Found: nothing was kept." in response.json()["detail"]
    assert not Evidence.objects.exists() and not Snapshot.objects.exists()
    refused = client.post(
        f"/api/claims/{claim.pk}/evidence/",
        {"stance": "supports", "source": None, "keep_copy": True},
        format="json",
    )
    assert refused.status_code == 400 and "keep_copy" in refused.json()


def test_the_schema_describes_files_and_copies(reviewer) -> None:
    schema = yaml.safe_load(api(reviewer).get("/api/schema/").content)
    paths = schema["paths"]
    assert "multipart/form-data" in paths["/api/files/"]["post"]["requestBody"]["content"]
    assert "/api/files/{sha256}/" in paths
    assert "/api/evidence/{id}/snapshots/" in paths
    components = schema["components"]["schemas"]
    assert {"sha256", "size", "content_type", "url"} <= set(components["StoredFile"]["properties"])
    assert {"final_url", "status_code", "fetched_at", "file"} <= set(
        components["Snapshot"]["properties"]
    )
    assert {"file", "snapshots"} <= set(components["Evidence"]["properties"])
    assert "keep_copy" in components["EvidenceWriteRequest"]["properties"]


def _upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")
