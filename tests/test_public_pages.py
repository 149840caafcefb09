"""The public side: a page for each published check, the index, the Atom feed.

Walked as an anonymous visitor. What is published shows; nothing internal does
(comments, notes, internal evidence, the names of the people who did the work,
anything of a claim that is not published).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from claims import publishing, workflow
from claims.choices import DatePrecision, Rating, Stance
from claims.filters import PublicCheckFilter
from claims.models import Claim, Source, Verdict
from claims.views.public import INDEX_PAGE_SIZE
from tests.claimreview_schema import assert_valid_claimreview
from tests.factories import make_claim, make_source

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
ATOM_NS = {"atom": "http://www.w3.org/2005/Atom"}

# Words that only the inside of the newsroom may read.
SECRETS = {
    "comment": "Ask the source again before Friday",
    "note": "Our contact at the ministry confirmed off the record",
    "internal title": "Confidential memo from a whistleblower",
    "internal excerpt": "the memo says the founders met in 2021",
    "internal url": "https://intranet.example.org/memo",
    "review comment": "Approved, but tighten the second sentence",
    "reopen reason": "A reader sent a correction we must check",
    "sent back rationale": "A first draft that was sent back",
    "pending rationale": "A proposal still waiting for an editor",
    "unpublished statement": "DeepSeek-R1 has 671 billion parameters.",
    "reviewer username": "rita",
    "reviewer name": "Rita",
    "editor username": "eddie",
    "editor name": "Eddie",
}


def publish(claim: Claim, rating: str, *, by: User, editor: User, rationale: str = "") -> Verdict:
    verdict = workflow.propose_verdict(
        claim, by=by, rating=rating, rationale=rationale or f"Rated {rating} on the record."
    )
    return workflow.approve_verdict(verdict, by=editor)


@pytest.fixture
def check(deepseek, reviewer: User, editor: User, second_editor: User) -> Claim:
    """ "Founded in May 2023", published false, with everything the newsroom keeps inside."""
    article = Source.objects.get(title__startswith="La start-up chinoise")
    article.url = "https://www.example.fr/tech/deepseek-r1"
    article.publisher = "Le Quotidien"
    article.published_on = date(2025, 1, 28)
    article.published_precision = DatePrecision.DAY
    article.save()
    claim = Claim.objects.get(statement="DeepSeek was founded in May 2023.")
    public = workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.REFUTES,
        url="https://www.example.org/registry/deepseek",
        title="Company registry: DeepSeek",
        excerpt="Incorporated in July 2023.",
        note=SECRETS["note"],
    )
    workflow.set_evidence_public(public, by=reviewer, public=True)
    workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.REFUTES,
        url=SECRETS["internal url"],
        title=SECRETS["internal title"],
        excerpt=SECRETS["internal excerpt"],
    )
    workflow.add_comment(claim, by=reviewer, body=SECRETS["comment"])
    sent_back = workflow.propose_verdict(
        claim, by=reviewer, rating=Rating.MIXED, rationale=SECRETS["sent back rationale"]
    )
    workflow.send_back_verdict(sent_back, by=editor, comment="Not yet.")
    verdict = workflow.propose_verdict(
        claim,
        by=reviewer,
        rating=Rating.FALSE,
        rationale="DeepSeek was incorporated in July 2023, not in May.",
    )
    workflow.approve_verdict(verdict, by=editor, comment=SECRETS["review comment"])
    # Another claim waits for an editor: nothing of it is public.
    pending = Claim.objects.get(statement=SECRETS["unpublished statement"])
    workflow.propose_verdict(
        pending, by=reviewer, rating=Rating.TRUE, rationale=SECRETS["pending rationale"]
    )
    return Claim.objects.get(pk=claim.pk)


def page_url(claim: Claim) -> str:
    return reverse("public_check", args=[claim.pk])


def text_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


# --- one check's page ----------------------------------------------------------------


def test_the_page_shows_the_check_to_anyone(client: Client, check: Claim) -> None:
    response = client.get(page_url(check))
    assert response.status_code == 200
    html = response.text
    assert "DeepSeek was founded in May 2023." in html
    assert "Fondée par Liang Wenfeng en mai 2023" in html  # the quote
    assert "https://www.example.fr/tech/deepseek-r1" in html  # its article's link
    assert "Le Quotidien" in html
    assert "28 Jan 2025" in html  # the article's date
    assert "False" in html
    assert "DeepSeek was incorporated in July 2023, not in May." in html
    assert "Company registry: DeepSeek" in html
    assert "Incorporated in July 2023." in html
    assert "Factcheck newsroom" in html
    assert "published <time" in html


def test_the_page_embeds_its_own_claimreview(client: Client, check: Claim) -> None:
    html = client.get(page_url(check)).text
    scripts = JSON_LD.findall(html)
    assert len(scripts) == 1  # Google: one ClaimReview per page
    document = json.loads(scripts[0])
    assert_valid_claimreview(document)
    assert document["url"] == f"http://testserver{page_url(check)}"
    assert f'<link rel="canonical" href="{document["url"]}">' in html
    assert document["author"] == {
        "@type": "Organization",
        "name": "Factcheck newsroom",
        "url": "http://testserver/",
    }
    first = document["itemReviewed"]["firstAppearance"]
    assert first["url"] == "https://www.example.fr/tech/deepseek-r1"
    assert first["datePublished"] == "2025-01-28"
    assert first["author"] == {"@type": "Organization", "name": "Le Quotidien"}


def test_the_base_url_setting_makes_the_address(client: Client, check: Claim, settings) -> None:
    settings.FACTCHECK_BASE_URL = "https://checks.example.org"
    document = json.loads(JSON_LD.findall(client.get(page_url(check)).text)[0])
    assert document["url"] == f"https://checks.example.org/checks/{check.pk}/"
    assert document["author"]["url"] == "https://checks.example.org/"


def test_the_page_is_in_the_organisations_language(client: Client, check: Claim, settings) -> None:
    english = client.get(page_url(check), HTTP_ACCEPT_LANGUAGE="fr").text
    assert '<html lang="en">' in english
    assert "Our rating:" in english
    settings.FACTCHECK_ORGANISATION = {**settings.FACTCHECK_ORGANISATION, "language": "fr"}
    for browser in ("en", "fr"):
        response = client.get(page_url(check), HTTP_ACCEPT_LANGUAGE=browser)
        assert '<html lang="fr">' in response.text
        assert "Notre verdict" in response.text
        assert response["Content-Language"] == "fr"
        document = json.loads(JSON_LD.findall(response.text)[0])
        assert document["reviewRating"]["alternateName"] == "faux"


def test_the_approving_editor_is_named_only_if_the_setting_says_so(
    client: Client, check: Claim, settings
) -> None:
    assert "Eddie" not in client.get(page_url(check)).text
    settings.FACTCHECK_ORGANISATION = {**settings.FACTCHECK_ORGANISATION, "show_approver": True}
    html = client.get(page_url(check)).text
    assert "approved by Eddie" in html
    assert "Rita" not in html  # the reviewer who wrote it stays unnamed


def test_a_reopened_check_is_gone_until_published_again(
    client: Client, check: Claim, reviewer: User, editor: User
) -> None:
    check.verdicts.update(reviewed_at=timezone.now() - timedelta(days=2))
    workflow.reopen(check, by=editor, reason=SECRETS["reopen reason"])
    response = client.get(page_url(check))
    assert response.status_code == 410
    assert "DeepSeek was founded in May 2023." not in response.text
    index = client.get(reverse("public_check_list")).text
    assert page_url(check) not in index
    assert page_url(check) not in client.get(reverse("public_check_feed")).content.decode()
    assert page_url(check) not in text_of(client.get(reverse("claim_review_feed")))

    publish(check, Rating.MISLEADING, by=reviewer, editor=editor, rationale="Both dates are off.")
    response = client.get(page_url(check))
    assert response.status_code == 200
    assert "Both dates are off." in response.text
    assert "incorporated in July 2023, not in May" not in response.text
    assert "updated <time" in response.text
    document = json.loads(JSON_LD.findall(response.text)[0])
    assert document["dateModified"] > document["datePublished"]
    assert document["reviewRating"]["alternateName"] == "misleading"
    assert page_url(check) in client.get(reverse("public_check_list")).text


def test_a_claim_never_published_is_not_found(client: Client, check: Claim) -> None:
    pending = Claim.objects.get(statement=SECRETS["unpublished statement"])
    assert client.get(page_url(pending)).status_code == 404
    assert client.get(reverse("public_check", args=[999_999])).status_code == 404


@pytest.mark.parametrize("name", ["public_check", "public_check_list", "public_check_feed"])
def test_they_reject_post(client: Client, check: Claim, name: str) -> None:
    args = [check.pk] if name == "public_check" else []
    assert client.post(reverse(name, args=args)).status_code == 405


# --- caching -------------------------------------------------------------------------


def test_the_page_is_cacheable_and_answers_304(client: Client, check: Claim, settings) -> None:
    response = client.get(page_url(check))
    assert response["Cache-Control"] == f"public, max-age={settings.FACTCHECK_PUBLIC_MAX_AGE}"
    etag, modified = response["ETag"], response["Last-Modified"]
    assert modified == http_date(int(Claim.objects.get(pk=check.pk).updated_at.timestamp()))
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    again = client.get(page_url(check), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(page_url(check), HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(page_url(check), HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_a_change_to_the_page_moves_its_validators(
    client: Client, check: Claim, reviewer: User
) -> None:
    response = client.get(page_url(check))
    Claim.objects.filter(pk=check.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    before = client.get(page_url(check))
    internal = check.evidence.get(public=False)
    workflow.set_evidence_public(internal, by=reviewer, public=True)
    after = client.get(page_url(check), HTTP_IF_NONE_MATCH=response["ETag"])
    assert after.status_code == 200
    assert SECRETS["internal title"] in after.text
    assert after["Last-Modified"] != before["Last-Modified"]
    assert (
        client.get(page_url(check), HTTP_IF_MODIFIED_SINCE=before["Last-Modified"]).status_code
        == 200
    )


@pytest.mark.parametrize("name", ["public_check_list", "public_check_feed"])
def test_the_index_and_feed_answer_304_too(client: Client, check: Claim, name: str) -> None:
    response = client.get(reverse(name))
    assert response["Cache-Control"].startswith("public, max-age=")
    assert client.get(reverse(name), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_public_pages_need_no_javascript_and_set_no_cookie(client: Client, check: Claim) -> None:
    for url in (page_url(check), reverse("public_check_list")):
        response = client.get(url)
        assert "<script src" not in response.text
        assert "csrfmiddlewaretoken" not in response.text
        assert not response.cookies


# --- the index and the feeds ----------------------------------------------------------


@pytest.fixture
def many_checks(deepseek, reviewer: User, editor: User) -> list[Claim]:
    """Twenty-five published checks, one rating in five "true", one article in English."""
    english = make_source(title="An English article", language="en")
    claims = []
    for i in range(INDEX_PAGE_SIZE + 5):
        claim = make_claim(
            statement=f"Exemple was founded in 2019, check {i:02d}.",
            source=english if i == 0 else None,
        )
        publish(claim, Rating.TRUE if i % 5 == 0 else Rating.FALSE, by=reviewer, editor=editor)
        claims.append(claim)
    return claims


def test_the_index_pages_filters_and_searches(client: Client, many_checks: list[Claim]) -> None:
    url = reverse("public_check_list")
    first = client.get(url)
    assert first.status_code == 200
    assert first.text.count('class="check-item"') == INDEX_PAGE_SIZE
    assert "25 fact-checks" in first.text
    assert 'rel="next"' in first.text
    second = client.get(url, {"page": 2})
    assert second.text.count('class="check-item"') == 5
    true_ones = client.get(url, {"rating": Rating.TRUE}).text
    assert true_ones.count('class="check-item"') == 5
    assert "check 05" in true_ones
    assert "check 01" not in true_ones
    english = client.get(url, {"language": "en"}).text
    assert english.count('class="check-item"') == 1
    assert "check 00" in english
    found = client.get(url, {"q": "CHECK 07"}).text
    assert found.count('class="check-item"') == 1
    # A filter keeps to the pages: the next link carries it.
    paged = client.get(url, {"q": "check"}).text
    assert "q=check&amp;page=2" in paged


def test_the_index_counts_from_the_claims_tallied_by_status_and_rating(
    client: Client, many_checks: list[Claim], django_assert_max_num_queries
) -> None:
    def counted(query: dict[str, str]) -> int | None:
        return PublicCheckFilter(query, queryset=publishing.public_checks()).tallied()

    def shown(query: dict[str, str]) -> int:
        return len(PublicCheckFilter(query, queryset=publishing.public_checks()).qs)

    make_claim(statement="Still in research.")
    assert counted({}) == shown({}) == 25
    assert counted({"rating": Rating.TRUE}) == shown({"rating": Rating.TRUE}) == 5
    # A search or a language is counted the usual way.
    assert counted({"q": "check"}) is None
    assert counted({"language": "en"}) is None
    # A published claim without an approval time is not in the index, nor in its count.
    Claim.objects.filter(pk=many_checks[0].pk).update(verdict_approved_at=None)
    assert counted({}) == shown({}) == 24
    assert counted({"rating": Rating.TRUE}) == shown({"rating": Rating.TRUE}) == 4
    assert counted({"rating": Rating.FALSE}) == shown({"rating": Rating.FALSE}) == 20
    # The pages go by that count: the last one is full of what it says.
    last = client.get(reverse("public_check_list"), {"page": 2}).text
    assert "24 fact-checks" in last
    assert last.count('class="check-item"') == 24 - INDEX_PAGE_SIZE


def test_the_index_puts_the_latest_verdict_first(
    client: Client, many_checks: list[Claim], reviewer: User, editor: User
) -> None:
    def listed() -> list[str]:
        text = client.get(reverse("public_check_list")).text
        return re.findall(r"check (\d\d)", text)

    assert listed()[:3] == ["24", "23", "22"]
    # Reopened and approved again, a check comes back at the top of the index.
    workflow.reopen(many_checks[3], by=editor, reason="A new source.")
    assert "03" not in listed()
    publish(many_checks[3], Rating.MISLEADING, by=reviewer, editor=editor)
    assert listed()[:2] == ["03", "24"]


def test_the_language_filter_offers_the_languages_published_checks_quote(
    client: Client, many_checks: list[Claim]
) -> None:
    make_claim(statement="Unchecked.", source=make_source(title="Ein Artikel", language="de"))
    assert publishing.published_languages() == ["en", "fr"]
    form = client.get(reverse("public_check_list")).text
    assert 'value="en"' in form and 'value="fr"' in form
    assert 'value="de"' not in form


def test_a_bad_filter_says_so_and_shows_nothing_else(
    client: Client, many_checks: list[Claim]
) -> None:
    response = client.get(reverse("public_check_list"), {"rating": "fake"})
    assert response.status_code == 200
    assert 'role="alert"' in response.text
    assert 'class="check-item"' not in response.text


@pytest.mark.parametrize("n", [3, 30])
def test_the_index_costs_the_same_queries_for_any_number(
    client: Client, deepseek, reviewer: User, editor: User, django_assert_num_queries, n: int
) -> None:
    for i in range(n):
        publish(make_claim(statement=f"Claim {i}."), Rating.FALSE, by=reviewer, editor=editor)
    # 1. the languages articles are written in  2. whether a published check quotes
    # each (one language here)  3. the claims tallied by status and rating  4. whether
    # any published claim lacks an approval time  5. the page's checks  6. their quotes
    # with their articles  7. their approved verdicts
    with django_assert_num_queries(7):
        response = client.get(reverse("public_check_list"))
    assert response.status_code == 200


def test_the_page_costs_a_few_queries(
    client: Client, check: Claim, django_assert_num_queries
) -> None:
    # 1. when it last changed  2. the check  3. its quotes and articles
    # 4. its approved verdicts  5. its public evidence
    with django_assert_num_queries(5):
        assert client.get(page_url(check)).status_code == 200
    # A copy still current costs its date only, and no rendering.
    modified = client.get(page_url(check))["Last-Modified"]
    with django_assert_num_queries(1):
        response = client.get(page_url(check), HTTP_IF_MODIFIED_SINCE=modified)
    assert response.status_code == 304


def test_the_atom_feed_lists_the_published_checks(client: Client, many_checks: list[Claim]) -> None:
    response = client.get(reverse("public_check_feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall("atom:entry", ATOM_NS)
    assert len(entries) == len(many_checks)
    links = {e.find("atom:link", ATOM_NS).get("href") for e in entries}
    assert links == {f"http://testserver{page_url(c)}" for c in many_checks}
    alternates = {
        link.get("type") or "text/html": link.get("href")
        for link in feed.findall("atom:link", ATOM_NS)
        if link.get("rel") == "alternate"
    }
    assert alternates == {
        "text/html": "http://testserver/checks/",
        "application/ld+json": "http://testserver/claimreview.json",
    }
    true_only = ET.fromstring(client.get(reverse("public_check_feed"), {"rating": "true"}).content)
    assert len(true_only.findall("atom:entry", ATOM_NS)) == 5


def test_index_atom_and_json_feed_point_to_each_other(client: Client, check: Claim) -> None:
    for url in (reverse("public_check_list"), page_url(check)):
        html = client.get(url).text
        assert '<link rel="alternate" type="application/atom+xml" href="/checks/feed.atom"' in html
        assert '<link rel="alternate" type="application/ld+json" href="/claimreview.json"' in html
    link = client.get(reverse("claim_review_feed"))["Link"]
    assert '<http://testserver/checks/>; rel="alternate"; type="text/html"' in link
    assert '<http://testserver/checks/feed.atom>; rel="alternate"' in link


# --- nothing internal, anywhere --------------------------------------------------------


def public_urls(client: Client, checks: list[Claim]) -> list[str]:
    """Every public address there is: the index with each filter, each page, the feeds."""
    urls = [
        reverse("public_check_list"),
        reverse("public_check_list") + "?page=2",
        reverse("public_check_list") + "?q=DeepSeek",
        reverse("public_check_list") + "?language=fr",
        reverse("public_check_feed"),
        reverse("claim_review_feed"),
    ]
    urls += [f"{reverse('public_check_list')}?rating={rating}" for rating in Rating.values]
    for claim in Claim.objects.all():
        urls += [page_url(claim), reverse("claim_review", args=[claim.pk])]
    return urls


@pytest.mark.parametrize("show_approver", [False, True])
def test_an_anonymous_visitor_sees_nothing_internal(
    client: Client, check: Claim, editor: User, settings, show_approver: bool
) -> None:
    settings.FACTCHECK_ORGANISATION = {
        **settings.FACTCHECK_ORGANISATION,
        "show_approver": show_approver,
    }
    # A check published then reopened: gone, with all it said.
    reopened = Claim.objects.get(statement="DeepSeek was founded by Liang Wenfeng.")
    publish(reopened, Rating.TRUE, by=check.evidence.first().added_by, editor=editor)
    workflow.reopen(reopened, by=editor, reason=SECRETS["reopen reason"])
    secrets = dict(SECRETS)
    if show_approver:
        secrets.pop("editor name")  # "approved by Eddie" is what the setting asks for
    unpublished = [
        c.statement
        for c in Claim.objects.exclude(pk=check.pk)
        if c.statement not in check.statement
    ]
    seen = 0
    for url in public_urls(client, [check]):
        response = client.get(url)
        assert response.status_code in {200, 404, 410}, url
        body = text_of(response)
        for what, secret in secrets.items():
            if what in {"reviewer username", "editor username"}:
                leaked = re.search(rf"\b{secret}\b", body)
            else:
                leaked = secret in body
            assert not leaked, f"{url} shows the {what}"
        for statement in unpublished:
            assert statement not in body, f"{url} shows an unpublished claim: {statement}"
        seen += response.status_code == 200
    assert seen >= 15


def test_in_french_no_word_of_the_public_side_is_left_in_english(
    client: Client, many_checks: list[Claim], check: Claim, settings, compiled_catalogue
) -> None:
    """The workbench's crawl skips /checks/ (it ignores the browser): read it here, both ways."""
    from tests.test_i18n import SAME_IN_BOTH, _data_text, _words

    # The organisation's name and what the reader typed are data; these words are French too.
    data = _data_text() + settings.FACTCHECK_ORGANISATION["name"] + " nonsense"
    same = SAME_IN_BOTH | {"Atom", "LD", "Sources", "Page", "Pages"}
    workflow.reopen(
        Claim.objects.get(statement="Exemple was founded in 2019, check 03."),
        by=User.objects.get(username="eddie"),
        reason="Again.",
    )
    withdrawn = Claim.objects.get(statement="Exemple was founded in 2019, check 03.")
    urls = [
        reverse("public_check_list"),
        reverse("public_check_list") + "?page=2&rating=false",
        reverse("public_check_list") + "?rating=nonsense",
        page_url(check),
        page_url(withdrawn),
    ]
    pages = {}
    for language in ("en", "fr"):
        settings.FACTCHECK_ORGANISATION = {**settings.FACTCHECK_ORGANISATION, "language": language}
        pages[language] = [client.get(url).content.decode() for url in urls]
    left = {}
    for url, english, french in zip(urls, pages["en"], pages["fr"], strict=True):
        words = {w for w in (_words(english) & _words(french)) - same if w not in data}
        if words:
            left[url] = words
        assert "---------" not in french, url
    assert not left, left
    # The Atom feed (addresses and dates aside, its words are its titles).
    feed = client.get(reverse("public_check_feed")).content.decode()
    assert "<title>Vérifications de Factcheck newsroom</title>" in feed
    assert "— faux</title>" in feed
    assert 'xml:lang="fr"' in feed
