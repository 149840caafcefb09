"""schema.org ClaimReview for published verdicts: the documents, the endpoints, the claim page."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims import workflow
from claims.choices import BEST_RATING, RATING_SCALE, WORST_RATING, DatePrecision, Rating
from claims.exports import claim_reviews
from claims.models import Claim, Source
from tests.claimreview_schema import assert_valid_claimreview, schema_errors

BASE = "https://factcheck.example.org"
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def url_for(claim: Claim) -> str:
    return BASE + reverse("public_check", args=[claim.pk])


def publish(claim: Claim, rating: str, *, by: User, editor: User) -> None:
    verdict = workflow.propose_verdict(claim, by=by, rating=rating, rationale=f"Rated {rating}.")
    workflow.approve_verdict(verdict, by=editor)


@pytest.fixture
def published(deepseek, reviewer: User, editor: User) -> list[Claim]:
    """One published claim per rating, proposed by Rita and approved by Eddie.

    Article A gets the details a newsroom records (URL, publisher, author, a date
    known to the month); article B keeps none of them, as the demo case has it.
    """
    article_a = Source.objects.get(title__startswith="La start-up chinoise")
    article_a.url = "https://www.example.fr/tech/deepseek-r1"
    article_a.publisher = "Le Quotidien"
    article_a.author = "Camille Martin"
    article_a.published_on = date(2025, 1, 1)
    article_a.published_precision = DatePrecision.MONTH
    article_a.save()
    claims = list(Claim.objects.order_by("pk")[: len(Rating.values)])
    for claim, rating in zip(claims, Rating.values, strict=True):
        publish(claim, rating, by=reviewer, editor=editor)
    return list(Claim.objects.filter(pk__in=[c.pk for c in claims]).order_by("pk"))


def check_claim_review(document: dict[str, Any]) -> None:
    """What schema.org and the fact-check aggregators expect of a ClaimReview."""
    assert_valid_claimreview(document)
    assert document["url"].startswith(BASE + "/checks/")
    assert document["author"] == {
        "@type": "Organization",
        "name": "Factcheck newsroom",
        "url": BASE + "/",
    }


def test_every_published_verdict_has_a_valid_document(published: list[Claim]) -> None:
    documents = list(claim_reviews(url_for=url_for))
    assert len(documents) == len(published) == 7
    for document in documents:
        check_claim_review(document)
    # What the JSON says survives a round trip through the encoder.
    assert json.loads(json.dumps(documents)) == documents


def test_ratings_follow_the_numeric_scale(published: list[Claim]) -> None:
    documents = {d["url"]: d for d in claim_reviews(url_for=url_for)}
    for claim in published:
        rating = documents[url_for(claim)]["reviewRating"]
        assert rating["alternateName"] == Rating(claim.rating).label
        assert (rating["bestRating"], rating["worstRating"]) == (BEST_RATING, WORST_RATING)
        if RATING_SCALE[claim.rating] is None:
            assert claim.rating == Rating.UNVERIFIABLE
            assert "ratingValue" not in rating
        else:
            assert rating["ratingValue"] == RATING_SCALE[claim.rating]
    values = {
        d["reviewRating"]["alternateName"]: d["reviewRating"].get("ratingValue")
        for d in documents.values()
    }
    assert values["true"] > values["mostly true"] > values["mixed"] > values["false"]


def test_the_item_reviewed_comes_from_the_source(published: list[Claim]) -> None:
    founded = Claim.objects.get(statement="DeepSeek was founded in May 2023.")
    document = next(d for d in claim_reviews(url_for=url_for) if d["url"] == url_for(founded))
    item = document["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Camille Martin"}
    assert item["datePublished"] == "2025-01"
    assert item["firstAppearance"]["url"] == "https://www.example.fr/tech/deepseek-r1"
    assert item["firstAppearance"]["publisher"] == {"@type": "Organization", "name": "Le Quotidien"}
    assert document["claimReviewed"] == founded.statement
    assert document["reviewBody"] == f"Rated {founded.rating}."


def test_the_organisation_comes_from_the_settings(published: list[Claim], settings) -> None:
    settings.FACTCHECK_ORGANISATION = {
        **settings.FACTCHECK_ORGANISATION,
        "name": "Les Vérificateurs",
        "url": "https://v.example",
    }
    document = next(claim_reviews(url_for=url_for))
    assert document["author"] == {
        "@type": "Organization",
        "name": "Les Vérificateurs",
        "url": "https://v.example",
    }


def test_the_schema_refuses_what_google_refuses(published: list[Claim]) -> None:
    """The schema can fail: each rule of the issue, broken once, is caught."""
    document = next(claim_reviews(url_for=url_for))
    assert schema_errors(document) == []
    broken = {
        "claimReviewed": {**document, "claimReviewed": "x" * 76},
        "author": {**document, "author": {"@type": "Organization", "name": "N"}},
        "author/@type": {**document, "author": {"@type": "Person", "name": "N", "url": BASE}},
        "reviewRating": {
            **document,
            "reviewRating": {
                k: v for k, v in document["reviewRating"].items() if k != "alternateName"
            },
        },
        "url": {**document, "url": BASE + "/claims/1/"},
        "itemReviewed": {**document, "itemReviewed": {"@type": "Claim"}},
        "datePublished": {**document, "datePublished": "yesterday"},
    }
    for where, bad in broken.items():
        errors = schema_errors(bad)
        assert errors, where
        assert any(error.startswith(where.split("/")[0]) for error in errors), (where, errors)


def test_claim_reviewed_is_short_and_editable(
    deepseek, reviewer: User, editor: User, settings
) -> None:
    claim = Claim.objects.order_by("pk").first()
    long = (
        "DeepSeek-R1 beats OpenAI's ChatGPT in several mathematics, coding and "
        "reasoning benchmarks, the company says"
    )
    Claim.objects.filter(pk=claim.pk).update(statement=long)
    publish(claim, Rating.MIXED, by=reviewer, editor=editor)
    document = next(claim_reviews(url_for=url_for))
    assert document["claimReviewed"] == (
        "DeepSeek-R1 beats OpenAI's ChatGPT in several mathematics, coding and…"
    )
    assert len(document["claimReviewed"]) <= 75
    # Reopened, given its short form, published again.
    workflow.reopen(claim, by=editor, reason="Shorter wording for the ClaimReview.")
    workflow.update_claim(
        claim, by=reviewer, expected_version=None, short_statement="R1 beats ChatGPT at maths"
    )
    publish(claim, Rating.MOSTLY_TRUE, by=reviewer, editor=editor)
    document = next(claim_reviews(url_for=url_for))
    assert document["claimReviewed"] == "R1 beats ChatGPT at maths"
    assert "mostly" not in document["claimReviewed"].lower()


def test_the_rating_name_is_the_organisations_not_the_readers(
    client: Client, published: list[Claim], settings
) -> None:
    claim = next(c for c in published if c.rating == Rating.MOSTLY_TRUE)
    url = reverse("claim_review", args=[claim.pk])
    for browser in ("fr", "en"):
        document = client.get(url, HTTP_ACCEPT_LANGUAGE=browser).json()
        assert document["reviewRating"]["alternateName"] == "mostly true"
        assert document["inLanguage"] == "en"
    settings.FACTCHECK_ORGANISATION = {**settings.FACTCHECK_ORGANISATION, "language": "fr"}
    for browser in ("fr", "en"):
        document = client.get(url, HTTP_ACCEPT_LANGUAGE=browser).json()
        assert document["reviewRating"]["alternateName"] == "plutôt vrai"
        assert document["inLanguage"] == "fr"


def test_a_new_verdict_moves_date_modified_only(
    published: list[Claim], reviewer: User, editor: User
) -> None:
    claim = published[0]
    # Published yesterday: the new verdict's time differs to the second.
    claim.verdicts.update(reviewed_at=timezone.now() - timedelta(days=1))
    first = next(d for d in claim_reviews(url_for=url_for) if d["url"] == url_for(claim))
    assert first["dateModified"] == first["datePublished"]
    workflow.reopen(claim, by=editor, reason="New evidence.")
    publish(claim, Rating.MISLEADING, by=reviewer, editor=editor)
    again = next(d for d in claim_reviews(url_for=url_for) if d["url"] == url_for(claim))
    assert again["datePublished"] == first["datePublished"]
    assert again["dateModified"] > first["dateModified"]
    assert again["reviewRating"]["alternateName"] == "misleading"


def test_the_feed_costs_the_same_queries_for_any_number(
    published: list[Claim], django_assert_num_queries
) -> None:
    # 1. published claims  2. their appearances with sources  3. their approved verdicts
    with django_assert_num_queries(3):
        assert len(list(claim_reviews(url_for=url_for))) == 7


# --- the endpoints --------------------------------------------------------------------------


def test_a_published_claim_serves_its_document_to_anyone(
    client: Client, published: list[Claim]
) -> None:
    claim = published[0]
    response = client.get(reverse("claim_review", args=[claim.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    document = response.json()
    assert document["url"] == f"http://testserver/checks/{claim.pk}/"
    assert document["claimReviewed"] == claim.statement


def test_an_unpublished_claim_has_no_document(client: Client, published: list[Claim]) -> None:
    unpublished = Claim.objects.exclude(pk__in=[c.pk for c in published]).first()
    assert client.get(reverse("claim_review", args=[unpublished.pk])).status_code == 404
    assert client.get(reverse("claim_review", args=[999_999])).status_code == 404


def test_a_reopened_claim_is_withdrawn(
    client: Client, published: list[Claim], editor: User
) -> None:
    claim = published[0]
    workflow.reopen(claim, by=editor, reason="New evidence.")
    assert client.get(reverse("claim_review", args=[claim.pk])).status_code == 404
    feed = json.loads(b"".join(client.get(reverse("claim_review_feed")).streaming_content))
    assert f"http://testserver/checks/{claim.pk}/" not in {d["url"] for d in feed}
    assert len(feed) == 6


def test_the_feed_lists_every_published_verdict(client: Client, published: list[Claim]) -> None:
    response = client.get(reverse("claim_review_feed"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    feed = json.loads(b"".join(response.streaming_content))
    assert isinstance(feed, list)
    assert sorted(d["url"] for d in feed) == sorted(
        f"http://testserver/checks/{c.pk}/" for c in published
    )


def test_the_feed_of_nothing_is_an_empty_list(client: Client, deepseek) -> None:
    assert json.loads(b"".join(client.get(reverse("claim_review_feed")).streaming_content)) == []


@pytest.mark.parametrize("name, args", [("claim_review", [1]), ("claim_review_feed", [])])
def test_they_reject_post(client: Client, deepseek, name: str, args: list) -> None:
    assert client.post(reverse(name, args=args)).status_code == 405


# --- the claim page ---------------------------------------------------------------------------


def test_the_claim_page_embeds_the_document_once_published(
    client: Client, published: list[Claim], reviewer: User
) -> None:
    client.force_login(reviewer)
    claim = published[0]
    scripts = JSON_LD.findall(client.get(claim.get_absolute_url()).text)
    assert len(scripts) == 1
    document = json.loads(scripts[0])
    assert_valid_claimreview(document)
    assert document["url"] == f"http://testserver/checks/{claim.pk}/"
    assert document == client.get(reverse("claim_review", args=[claim.pk])).json()

    unpublished = Claim.objects.exclude(pk__in=[c.pk for c in published]).first()
    assert not JSON_LD.findall(client.get(unpublished.get_absolute_url()).text)


def test_a_statement_cannot_break_out_of_the_script(
    client: Client, deepseek, reviewer: User, editor: User
) -> None:
    hostile = 'Ends here </script><script>alert("x")</script> <!-- & more'
    claim = Claim.objects.get(statement="DeepSeek was founded in 2021.")
    Claim.objects.filter(pk=claim.pk).update(statement=hostile)
    publish(claim, Rating.FALSE, by=reviewer, editor=editor)
    client.force_login(reviewer)
    html = client.get(claim.get_absolute_url()).text
    assert "<script>alert" not in html
    scripts = JSON_LD.findall(html)
    assert len(scripts) == 1
    assert "</" not in scripts[0]
    assert json.loads(scripts[0])["claimReviewed"] == hostile
