"""Keeping a copy of an evidence link: the fetcher's guard against reaching inside the
network, its limits, and copies compared with each other. The pages come from a server
on the loopback that only a test-only setting lets the fetcher reach."""

from __future__ import annotations

import pytest

from claims import fetch, snapshots, workflow
from claims.choices import Stance
from claims.models import EventKind, Evidence, Snapshot, Source, SourceKind, StoredFile
from tests.documents import make_pdf
from tests.factories import make_claim
from tests.webserver import Page

ARTICLE = """<!doctype html><html><head><title>Tarifs de l’API</title></head><body>
<nav>Accueil · Produits</nav>
<article><h1>Tarifs de l’API</h1>
<p>L’accès à l’API de DeepSeek-R1 commence à 0,14 dollar par million de tokens en entrée.</p>
<p>La sortie coûte 2,19 dollars par million de tokens.</p>
<p>Les tarifs sont révisés chaque trimestre par l’équipe commerciale de DeepSeek.</p>
</article></body></html>"""


# --- the guard -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.8.8",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fd00:ec2::254",  # cloud metadata, IPv6
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
    ],
)
def test_private_loopback_link_local_and_metadata_addresses_are_refused(address) -> None:
    with pytest.raises(fetch.FetchRefused, match="private or local address"):
        fetch.check_address(address, "example.org")


def test_public_addresses_pass() -> None:
    assert str(fetch.check_address("93.184.216.34", "example.org")) == "93.184.216.34"
    assert str(fetch.check_address("2606:2800:220:1::1", "example.org")).startswith("2606:")


def test_the_loopback_is_refused_unless_the_test_setting_allows_it(web, settings) -> None:
    web.pages["/"] = Page(ARTICLE.encode())
    settings.FACTCHECK_FETCH_ALLOWED_NETWORKS = []
    for url in (web.url("/"), f"http://localhost:{web.port}/", f"http://[::1]:{web.port}/"):
        with pytest.raises(fetch.FetchRefused, match="private or local address"):
            fetch.fetch(url)
    assert web.requests == []  # refused before any connection
    settings.FACTCHECK_FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    assert fetch.fetch(web.url("/")).status == 200


def test_every_redirect_is_checked_again(web, settings) -> None:
    settings.FACTCHECK_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    web.pages["/moved"] = Page(status=302, location=f"http://127.0.0.2:{web.port}/secret")
    with pytest.raises(fetch.FetchRefused, match=r"127\.0\.0\.2, a private or local address"):
        fetch.fetch(web.url("/moved"))
    web.pages["/meta"] = Page(status=301, location="http://169.254.169.254/latest/meta-data/")
    with pytest.raises(fetch.FetchRefused, match=r"169\.254\.169\.254"):
        fetch.fetch(web.url("/meta"))


def test_five_redirects_are_followed_and_a_sixth_is_not(web) -> None:
    for n in range(6):
        web.pages[f"/r{n}"] = Page(status=302, location=f"/r{n + 1}")
    web.pages["/r6"] = Page(b"arrived", content_type="text/plain")
    fetched = fetch.fetch(web.url("/r1"))
    assert (fetched.final_url, fetched.data) == (web.url("/r6"), b"arrived")
    with pytest.raises(fetch.FetchRefused, match="redirects more than 5 times"):
        fetch.fetch(web.url("/r0"))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/file", "Only http:// and https:// links can be fetched."),
        ("file:///etc/passwd", "Only http:// and https:// links can be fetched."),
        ("http://does-not-exist.invalid/", "does not exist"),
    ],
)
def test_links_that_cannot_be_fetched(url, message) -> None:
    with pytest.raises(fetch.FetchRefused, match=message):
        fetch.fetch(url)


def test_an_error_page_or_a_silent_server_is_refused(web) -> None:
    with pytest.raises(fetch.FetchRefused, match=r"HTTP 404 Not Found: nothing was kept\."):
        fetch.fetch(web.url("/gone"))
    web.pages["/broken"] = Page(b"oops", status=500)
    with pytest.raises(fetch.FetchRefused, match="HTTP 500"):
        fetch.fetch(web.url("/broken"))
    closed = web.url("/").replace(str(web.port), "9")  # the discard port: nobody listens
    with pytest.raises(fetch.FetchRefused, match="does not answer"):
        fetch.fetch(closed)


def test_a_slow_page_runs_out_of_time(web, monkeypatch) -> None:
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 0.5)
    web.pages["/slow"] = Page(b"late", delay=1.5)
    with pytest.raises(fetch.FetchRefused, match="did not answer within"):
        fetch.fetch(web.url("/slow"))


def test_a_page_over_the_size_limit_is_refused(web, monkeypatch) -> None:
    monkeypatch.setattr(fetch, "MAX_BYTES", 1000)
    web.pages["/big"] = Page(b"x" * 1001, content_type="text/plain")
    with pytest.raises(fetch.FetchRefused, match="larger than"):
        fetch.fetch(web.url("/big"))
    # A server that does not announce its size is stopped at the same limit.
    web.pages["/unannounced"] = Page(b"x" * 5000, content_type="text/plain", length=-1)
    monkeypatch.setattr(fetch, "MAX_BYTES", 4000)
    with pytest.raises(fetch.FetchRefused, match="larger than"):
        fetch.fetch(web.url("/unannounced"))


def test_fetching_can_be_turned_off(web, settings) -> None:
    web.pages["/"] = Page(ARTICLE.encode())
    settings.FACTCHECK_FETCH_EVIDENCE = False
    with pytest.raises(fetch.FetchRefused, match="turned off"):
        fetch.fetch(web.url("/"))
    assert web.requests == []


# --- copies ----------------------------------------------------------------------------------


def link_evidence(reviewer, url: str) -> Evidence:
    return workflow.add_evidence(
        make_claim(), by=reviewer, stance=Stance.SUPPORTS, url=url, title="Tarifs"
    )


def test_a_copy_keeps_the_final_url_status_text_and_bytes(web, reviewer) -> None:
    web.pages["/tarifs"] = Page(ARTICLE.encode())
    web.pages["/old"] = Page(status=301, location="/tarifs")
    evidence = link_evidence(reviewer, web.url("/old"))
    snapshot = snapshots.keep_copy(evidence, by=reviewer)
    assert (snapshot.requested_url, snapshot.final_url) == (web.url("/old"), web.url("/tarifs"))
    assert (snapshot.status_code, snapshot.content_type) == (200, "text/html")
    assert snapshot.title == "Tarifs de l’API"
    assert snapshot.source.kind == SourceKind.SNAPSHOT
    assert "0,14 dollar par million de tokens" in snapshot.source.text
    with snapshot.file.file.open("rb") as handle:
        assert handle.read() == ARTICLE.encode()
    event = evidence.claim.events.get(kind=EventKind.EVIDENCE_COPY_KEPT)
    assert event.data["sha256"] == snapshot.file.sha256 and "changed" not in event.data


def test_fetching_again_shows_what_changed(web, reviewer) -> None:
    web.pages["/tarifs"] = Page(ARTICLE.encode())
    evidence = link_evidence(reviewer, web.url("/tarifs"))
    first = snapshots.keep_copy(evidence, by=reviewer)
    web.pages["/tarifs"] = Page(ARTICLE.replace("0,14", "0,55").encode())
    second = snapshots.keep_copy(evidence, by=reviewer)
    assert first.file != second.file
    changes = snapshots.compare(first.source.text, second.source.text)
    assert snapshots.changed_paragraphs(changes) == 1
    [changed] = [block for block in changes if block.op == "replace"]
    assert [(p.op, p.text) for p in changed.pieces if p.op != "equal"] == [
        ("delete", "0,14"),
        ("insert", "0,55"),
    ]
    latest = evidence.claim.events.filter(kind=EventKind.EVIDENCE_COPY_KEPT).last()
    assert latest.data["changed"] is True
    # The same page a third time: nothing changed, and the bytes are stored once.
    third = snapshots.keep_copy(evidence, by=reviewer)
    assert third.file == second.file
    assert snapshots.compare(second.source.text, third.source.text) == []


def test_a_pdf_link_is_kept_with_its_text(web, reviewer) -> None:
    web.pages["/rapport.pdf"] = Page(
        make_pdf("Le rapport indique 671 milliards de paramètres."),
        content_type="application/pdf",
    )
    snapshot = snapshots.keep_copy(link_evidence(reviewer, web.url("/rapport.pdf")), by=reviewer)
    assert snapshot.content_type == "application/pdf"
    assert "671 milliards de paramètres" in snapshot.source.text


def test_a_page_that_cannot_be_kept_adds_no_evidence(web, reviewer) -> None:
    claim = make_claim()
    with pytest.raises(workflow.InvalidTransition, match="HTTP 404"):
        snapshots.add_evidence_with_copy(
            claim, by=reviewer, stance=Stance.SUPPORTS, url=web.url("/missing"), title="x"
        )
    assert not Evidence.objects.exists()
    assert not Snapshot.objects.exists() and not StoredFile.objects.exists()
    assert not Source.objects.filter(kind=SourceKind.SNAPSHOT).exists()


def test_evidence_and_its_copy_are_added_together(web, reviewer) -> None:
    web.pages["/tarifs"] = Page(ARTICLE.encode())
    evidence = snapshots.add_evidence_with_copy(
        make_claim(), by=reviewer, stance=Stance.SUPPORTS, url=web.url("/tarifs"), title="Tarifs"
    )
    assert evidence.snapshots.count() == 1


def test_copies_survive_a_removal_and_come_back_with_the_evidence(web, reviewer) -> None:
    web.pages["/tarifs"] = Page(ARTICLE.encode())
    evidence = link_evidence(reviewer, web.url("/tarifs"))
    snapshot = snapshots.keep_copy(evidence, by=reviewer)
    removal = workflow.remove_evidence(evidence, by=reviewer)
    assert Snapshot.objects.filter(pk=snapshot.pk).exists()
    restored = workflow.restore_evidence(removal, by=reviewer)
    assert list(restored.snapshots.all()) == [snapshot]


# --- the pages -------------------------------------------------------------------------------

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_keep_a_copy_from_the_claim_page_then_see_what_changed(client, web, reviewer) -> None:
    web.pages["/tarifs"] = Page(ARTICLE.encode())
    evidence = link_evidence(reviewer, web.url("/tarifs"))
    claim = evidence.claim
    client.force_login(reviewer)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert f'hx-post="/claims/{claim.pk}/evidence/{evidence.pk}/copy/"' in page
    assert "Keep a copy" in page

    section = client.post(f"/claims/{claim.pk}/evidence/{evidence.pk}/copy/", **HTMX)
    body = section.content.decode()
    first = Snapshot.objects.get()
    assert "Copy kept (HTTP 200" in body and "Copy kept on" in body and "Fetch again" in body
    assert f"/claims/{claim.pk}/evidence/{evidence.pk}/copies/{first.pk}/" in body

    web.pages["/tarifs"] = Page(ARTICLE.replace("0,14", "0,55").encode())
    response = client.post(f"/claims/{claim.pk}/evidence/{evidence.pk}/copy/")
    second = Snapshot.objects.exclude(pk=first.pk).get()
    assert response["Location"] == f"/claims/{claim.pk}/evidence/{evidence.pk}/copies/{second.pk}/"
    detail = client.get(response["Location"]).content.decode()
    assert "What changed since the copy of" in detail
    assert "<del>0,14</del><ins>0,55</ins>" in detail
    assert "1 paragraph changed." in detail
    assert f'href="/files/{second.file.sha256}/"' in detail
    # The first copy, with nothing before it, has no comparison.
    older = client.get(f"/claims/{claim.pk}/evidence/{evidence.pk}/copies/{first.pk}/")
    assert "What changed" not in older.content.decode()


def test_a_link_that_cannot_be_kept_is_explained_where_it_was_asked(client, web, reviewer):
    evidence = link_evidence(reviewer, web.url("/missing"))
    client.force_login(reviewer)
    url = f"/claims/{evidence.claim_id}/evidence/{evidence.pk}/copy/"
    body = client.post(url, **HTMX).content.decode()
    assert "The page answered HTTP 404 Not Found: nothing was kept." in body
    assert not Snapshot.objects.exists() and not StoredFile.objects.exists()


def test_the_add_form_keeps_a_copy_or_adds_nothing(client, web, reviewer) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    data = {"new-stance": "supports", "new-url": web.url("/missing"), "new-keep_copy": "on"}
    body = client.post(f"/claims/{claim.pk}/evidence/", data, **HTMX).content.decode()
    assert "HTTP 404 Not Found: nothing was kept." in body
    assert not Evidence.objects.exists()
    web.pages["/tarifs"] = Page(ARTICLE.encode())
    data["new-url"] = web.url("/tarifs")
    client.post(f"/claims/{claim.pk}/evidence/", data, **HTMX)
    assert Evidence.objects.get().snapshots.count() == 1


def test_without_fetching_the_page_offers_no_copy(client, web, reviewer, settings) -> None:
    settings.FACTCHECK_FETCH_EVIDENCE = False
    evidence = link_evidence(reviewer, web.url("/tarifs"))
    client.force_login(reviewer)
    page = client.get(evidence.claim.get_absolute_url()).content.decode()
    assert "Keep a copy" not in page and "new-keep_copy" not in page


def test_a_copy_of_another_claims_evidence_is_not_found(client, web, reviewer) -> None:
    web.pages["/tarifs"] = Page(ARTICLE.encode())
    evidence = link_evidence(reviewer, web.url("/tarifs"))
    snapshot = snapshots.keep_copy(evidence, by=reviewer)
    other = make_claim()
    client.force_login(reviewer)
    url = f"/claims/{other.pk}/evidence/{evidence.pk}/copies/{snapshot.pk}/"
    assert client.get(url).status_code == 404


def test_the_claim_page_query_count_does_not_grow_with_evidence_and_copies(
    client, web, reviewer, django_assert_num_queries
) -> None:
    web.pages["/tarifs"] = Page(ARTICLE.encode())
    counts = []
    for pieces in (1, 6):
        claim = make_claim()
        for n in range(pieces):
            evidence = workflow.add_evidence(
                claim, by=reviewer, stance="supports", url=web.url("/tarifs"), title=f"T{n}"
            )
            snapshots.keep_copy(evidence, by=reviewer)
        client.force_login(reviewer)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(claim.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
