"""ClaimFilter, field by field: which claims each one keeps, and how bad input is refused."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.choices import Agreement, ClaimStatus, DisputeStatus, Rating, ValueKind
from claims.filters import ClaimFilter
from claims.models import Appearance, Claim, Dispute, Property, SubjectAlias
from tests.factories import make_claim, make_source, make_subject

pytestmark = pytest.mark.django_db


def on(day: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.fromisoformat(day))


@pytest.fixture
def claims(reviewer, editor) -> SimpleNamespace:
    """Five claims that differ on every filtered field."""
    french = make_source(title="Le Monde", language="fr")
    english = make_source(
        title="The Register",
        language="en",
        text="DeepSeek was founded in 2023 and charges $0.55 per million tokens.\n",
    )
    deepseek = make_subject("DeepSeek")
    SubjectAlias.objects.create(subject=deepseek, alias="Hángzhōu DeepSeek")
    exemple = make_subject("Société Exemple")

    founded = make_claim(
        statement="Alpha: DeepSeek was founded in 2023.",
        subject=deepseek,
        source=english,
        quote="founded in 2023",
        value_kind=ValueKind.DATE,
        status=ClaimStatus.PUBLISHED,
        rating=Rating.FALSE,
        assignee=reviewer,
    )
    price = make_claim(
        statement="Bravo: R1 costs $0.55 per million tokens.",
        subject=deepseek,
        property_code="price-per-unit",
        source=english,
        quote="$0.55 per million tokens",
        value_kind=ValueKind.MONEY,
        status=ClaimStatus.VERDICT_PROPOSED,
        rating=Rating.TRUE,
        assignee=editor,
    )
    rival = make_claim(
        statement="Charlie: DeepSeek was founded in 2019.",
        subject=deepseek,
        source=french,
        quote="fondée en 2019",
        value_kind=ValueKind.DATE,
        status=ClaimStatus.IN_RESEARCH,
    )
    staff = make_claim(
        statement="Delta: Exemple employs 1,200 people.",
        subject=exemple,
        property_code="employee-count",
        source=french,
        quote="1 200 personnes",
        value_kind=ValueKind.QUANTITY,
    )
    revenue = make_claim(
        statement="Echo: Exemple aims at 3 million euros.",
        subject=exemple,
        property_code="revenue",
        source=french,
        quote="3 millions d'euros",
        value_kind=ValueKind.MONEY,
    )
    # The founding date is disputed between the English and the French article.
    # Disputes are normally computed from the values; here they are set by hand,
    # so that these tests depend on the filter only.
    Dispute.objects.all().delete()
    Dispute.objects.create(
        subject=deepseek,
        property=Property.objects.get(code="founding-date"),
        agreement=Agreement.CONFLICT,
        claim_count=2,
    )
    for claim, day in [
        (founded, "2025-01-10 09:00"),
        (price, "2025-01-31 23:30"),
        (rival, "2025-02-01 00:00"),
        (staff, "2025-02-15 12:00"),
        (revenue, "2025-03-01 08:00"),
    ]:
        Claim.objects.filter(pk=claim.pk).update(created_at=on(day))
    cited_only = make_source(title="Registre", language="de")
    return SimpleNamespace(
        founded=founded,
        price=price,
        rival=rival,
        staff=staff,
        revenue=revenue,
        french=french,
        english=english,
        cited_only=cited_only,
        deepseek=deepseek,
    )


def kept(data: dict) -> list[int]:
    claim_filter = ClaimFilter(data, queryset=Claim.objects.for_list())
    assert claim_filter.is_valid(), claim_filter.errors
    return list(claim_filter.qs.values_list("pk", flat=True))


def kept_set(data: dict) -> set[int]:
    return set(kept(data))


def ids(c: SimpleNamespace, *names: str) -> set[int]:
    return {getattr(c, name).pk for name in names}


def test_no_filter_keeps_every_claim(claims) -> None:
    assert kept_set({}) == ids(claims, "founded", "price", "rival", "staff", "revenue")


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ClaimStatus.NEW, {"staff", "revenue"}),
        (ClaimStatus.IN_RESEARCH, {"rival"}),
        (ClaimStatus.VERDICT_PROPOSED, {"price"}),
        (ClaimStatus.PUBLISHED, {"founded"}),
        (ClaimStatus.NOT_CHECKABLE, set()),
    ],
)
def test_status(claims, status, expected) -> None:
    assert kept_set({"status": status}) == ids(claims, *expected)


@pytest.mark.parametrize(
    ("rating", "expected"),
    [(Rating.FALSE, {"founded"}), (Rating.TRUE, {"price"}), (Rating.MIXED, set())],
)
def test_rating(claims, rating, expected) -> None:
    assert kept_set({"rating": rating}) == ids(claims, *expected)


def test_source_keeps_the_claims_quoted_in_that_article(claims) -> None:
    assert kept_set({"source": claims.english.pk}) == ids(claims, "founded", "price")
    assert kept_set({"source": claims.french.pk}) == ids(claims, "rival", "staff", "revenue")


def test_a_claim_quoted_in_two_articles_is_listed_once(claims) -> None:
    Appearance.find(claim=claims.founded, source=claims.french, exact="fondée en 2019").save()
    assert kept({"source": claims.french.pk}).count(claims.founded.pk) == 1
    assert kept({"language": "fr"}).count(claims.founded.pk) == 1


def test_a_source_that_quotes_no_claim_finds_none(claims) -> None:
    # An id is a fair question even when it names nothing to list (issue 17): no claims.
    claim_filter = ClaimFilter({"source": claims.cited_only.pk}, queryset=Claim.objects.all())
    assert claim_filter.is_valid()
    assert not claim_filter.qs.exists()


def test_assignee(claims, reviewer, editor) -> None:
    assert kept_set({"assignee": reviewer.pk}) == ids(claims, "founded")
    assert kept_set({"assignee": editor.pk}) == ids(claims, "price")


def test_assignee_offers_only_team_members(claims, outsider, reviewer) -> None:
    offered = ClaimFilter({}, queryset=Claim.objects.all()).form.fields["assignee"].queryset
    assert reviewer in offered and outsider not in offered
    # Asked for by id anyway (a script, an old link), the answer is their claims: none.
    assert kept_set({"assignee": outsider.pk}) == set()
    assert kept_set({"assignee": 0}) == set()


@pytest.mark.parametrize("language", ["tlh", "xx"])
def test_a_language_of_no_article_finds_nothing(claims, language) -> None:
    assert kept_set({"language": language}) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DeepSeek", {"founded", "price", "rival"}),
        ("deep", {"founded", "price", "rival"}),
        ("hangzhou", {"founded", "price", "rival"}),  # an alias, without its accents
        ("SOCIETE", {"staff", "revenue"}),
        ("société exemple", {"staff", "revenue"}),
        ("nobody", set()),
    ],
)
def test_subject_by_name_or_alias(claims, text, expected) -> None:
    assert kept_set({"subject": text}) == ids(claims, *expected)


def test_subject_with_two_matching_aliases_lists_each_claim_once(claims) -> None:
    SubjectAlias.objects.create(subject=claims.deepseek, alias="DeepSeek AI")
    SubjectAlias.objects.create(subject=claims.deepseek, alias="DeepSeek Inc")
    pks = kept({"subject": "deepseek"})
    assert sorted(pks) == sorted(ids(claims, "founded", "price", "rival"))


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (ValueKind.DATE, {"founded", "rival"}),
        (ValueKind.MONEY, {"price", "revenue"}),
        (ValueKind.QUANTITY, {"staff"}),
        (ValueKind.PERCENTAGE, set()),
    ],
)
def test_value_kind(claims, kind, expected) -> None:
    assert kept_set({"value_kind": kind}) == ids(claims, *expected)


def test_the_language_filter_offers_each_language_a_source_is_written_in_once() -> None:
    from claims.models import Source

    assert Source.languages() == []
    for language in ["fr", "en", "fr", "de", "en", "fr"]:
        make_source(title=f"Article {language}", language=language)
    assert Source.languages() == ["de", "en", "fr"]
    # Offered by name: English, French, German.
    assert [code for code, _ in ClaimFilter().filters["language"].extra["choices"]()] == [
        "en",
        "fr",
        "de",
    ]


def test_language_of_the_article(claims) -> None:
    assert kept_set({"language": "en"}) == ids(claims, "founded", "price")
    assert kept_set({"language": "fr"}) == ids(claims, "rival", "staff", "revenue")


def test_disputed(claims) -> None:
    assert kept_set({"disputed": "true"}) == ids(claims, "founded", "rival")
    assert kept_set({"disputed": "false"}) == ids(claims, "price", "staff", "revenue")


@pytest.mark.parametrize(
    ("agreement", "status"),
    [
        (Agreement.CONFLICT, DisputeStatus.RESOLVED),
        (Agreement.CORROBORATION, DisputeStatus.OPEN),
        (Agreement.NOT_COMPARABLE, DisputeStatus.OPEN),
    ],
)
def test_only_an_open_conflict_makes_a_claim_disputed(claims, agreement, status) -> None:
    Dispute.objects.update(agreement=agreement, status=status)
    assert kept_set({"disputed": "true"}) == set()
    assert len(kept_set({"disputed": "false"})) == 5


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        ({"added_after": "2025-01-31"}, {"price", "rival", "staff", "revenue"}),
        ({"added_before": "2025-01-31"}, {"founded", "price"}),  # the whole last day
        ({"added_after": "2025-02-01", "added_before": "2025-02-15"}, {"rival", "staff"}),
        ({"added_after": "2025-02-02", "added_before": "2025-02-14"}, set()),
        ({"added_after": "2026-01-01"}, set()),
    ],
)
def test_date_range_is_inclusive(claims, bounds, expected) -> None:
    assert kept_set(bounds) == ids(claims, *expected)


def test_q_searches_without_accents_or_case(claims) -> None:
    assert kept_set({"q": "FONDÉE"}) == ids(claims, "rival")
    assert kept_set({"q": "deepseek 2023"}) == ids(claims, "founded")


def test_filters_combine(claims) -> None:
    data = {"subject": "deepseek", "value_kind": ValueKind.DATE, "disputed": "true"}
    assert kept_set(data) == ids(claims, "founded", "rival")
    assert kept_set({**data, "language": "fr"}) == ids(claims, "rival")
    assert kept_set({**data, "status": ClaimStatus.NEW}) == set()


# --- ordering ---------------------------------------------------------------------------


def by(claims: SimpleNamespace, *names: str) -> list[int]:
    return [getattr(claims, name).pk for name in names]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("statement", ["founded", "price", "rival", "staff", "revenue"]),
        ("-statement", ["revenue", "staff", "rival", "price", "founded"]),
        ("added", ["founded", "price", "rival", "staff", "revenue"]),
        ("-added", ["revenue", "staff", "rival", "price", "founded"]),
        ("subject,statement", ["founded", "price", "rival", "staff", "revenue"]),
        ("-subject,statement", ["staff", "revenue", "founded", "price", "rival"]),
        ("status,statement", ["rival", "staff", "revenue", "founded", "price"]),
        ("rating,statement", ["rival", "staff", "revenue", "founded", "price"]),
        ("property,statement", ["founded", "rival", "staff", "price", "revenue"]),
    ],
)
def test_ordering(claims, ordering, expected) -> None:
    assert kept({"ordering": ordering}) == by(claims, *expected)


def test_default_order_is_last_updated_first(claims) -> None:
    Claim.objects.filter(pk=claims.staff.pk).update(updated_at=on("2030-01-01 00:00"))
    assert kept({})[0] == claims.staff.pk


def test_a_period_of_addition_is_listed_latest_added_first(claims) -> None:
    # The claim added first was updated last: sorted by update it would come first.
    Claim.objects.filter(pk=claims.founded.pk).update(updated_at=on("2030-01-01 00:00"))
    assert kept({})[0] == claims.founded.pk
    period = {"added_after": "2025-01-01"}
    assert kept(period) == by(claims, "revenue", "staff", "rival", "price", "founded")
    assert kept({"added_before": "2025-02-15"}) == by(claims, "staff", "rival", "price", "founded")
    # A sort asked for is kept.
    assert kept({**period, "ordering": "-updated"})[0] == claims.founded.pk
    assert ClaimFilter(period, queryset=Claim.objects.all()).default_ordering == "-added"
    assert ClaimFilter({}, queryset=Claim.objects.all()).default_ordering == "-updated"


def test_the_list_marks_the_sort_a_period_of_addition_gets(client, reviewer, claims) -> None:
    client.force_login(reviewer)
    page = client.get(reverse("claim_list"), {"added_after": "2025-01-01"})
    assert page.context["current_ordering"] == "-added"
    assert page.context["page"].object_list[0].pk == claims.revenue.pk


def test_equal_sort_keys_fall_back_to_the_newest_claim_first(claims) -> None:
    # Three claims share their rating (none): their order must not depend on luck.
    pks = kept({"ordering": "rating"})
    unrated = [pk for pk in pks if pk in ids(claims, "rival", "staff", "revenue")]
    assert unrated == sorted(unrated, reverse=True)
    Claim.objects.update(updated_at=on("2025-05-05 05:05"))
    everything = kept({})
    assert everything == sorted(everything, reverse=True)


# --- bad input: a clear error, never a 500 -----------------------------------------------

BAD_INPUT = [
    ({"status": "bogus"}, "status"),
    ({"rating": "excellent"}, "rating"),
    ({"source": "abc"}, "source"),
    ({"source": "99999999999999999999"}, "source"),
    ({"assignee": "abc"}, "assignee"),
    ({"assignee": "1.5"}, "assignee"),
    ({"value_kind": "colour"}, "value_kind"),
    ({"added_after": "yesterday"}, "added"),
    ({"added_before": "2025-13-45"}, "added"),
    ({"ordering": "search_text"}, "ordering"),
    ({"ordering": "statement,password"}, "ordering"),
    ({"q": "nul\x00"}, "q"),
    ({"subject": "nul\x00"}, "subject"),
    ({"language": "f\x00r"}, "language"),  # any language may be asked for, not any text
]


@pytest.mark.parametrize(("data", "field"), BAD_INPUT)
def test_bad_filter_input_is_a_form_error(claims, data, field) -> None:
    claim_filter = ClaimFilter(data, queryset=Claim.objects.for_list())
    assert not claim_filter.is_valid()
    assert list(claim_filter.errors) == [field]
    # The other filters still apply; the bad one is left out, not guessed at.
    assert len(list(claim_filter.qs)) == 5


@pytest.mark.parametrize(("data", "field"), BAD_INPUT)
def test_bad_filter_input_shows_its_error_on_the_list_page(
    client, reviewer, claims, data, field
) -> None:
    client.force_login(reviewer)
    response = client.get(reverse("claim_list"), data)
    assert response.status_code == 200
    errors = response.context["filter"].errors[field]
    assert errors
    assert all(str(error) in response.content.decode() for error in errors)


def test_an_unknown_boolean_is_ignored_rather_than_guessed(claims) -> None:
    assert len(kept_set({"disputed": "maybe"})) == 5


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999"])
def test_a_bad_page_number_shows_a_page(client, reviewer, claims, page) -> None:
    client.force_login(reviewer)
    assert client.get(reverse("claim_list"), {"page": page}).status_code == 200


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"status": ClaimStatus.PUBLISHED}, "Alpha", "Bravo"),
        ({"rating": Rating.TRUE}, "Bravo", "Alpha"),
        ({"value_kind": ValueKind.QUANTITY}, "Delta", "Echo"),
        ({"language": "fr"}, "Charlie", "Alpha"),
        ({"disputed": "true"}, "Charlie", "Delta"),
        ({"subject": "societe"}, "Echo", "Charlie"),
        ({"q": "fondee"}, "Charlie", "Alpha"),
        ({"added_after": "2025-02-16"}, "Echo", "Delta"),
    ],
)
def test_the_list_page_applies_the_filter(client, reviewer, claims, params, shown, hidden) -> None:
    client.force_login(reviewer)
    response = client.get(reverse("claim_list"), params)
    assert response.status_code == 200
    assert shown in response.text
    assert hidden not in response.text


def test_a_list_narrowed_by_status_or_rating_alone_is_counted_by_the_tally(claims) -> None:
    Claim.objects.filter(pk=claims.staff.pk).update(
        status=ClaimStatus.PUBLISHED, rating=Rating.FALSE
    )

    def tallied(data: dict) -> int | None:
        claim_filter = ClaimFilter(data, queryset=Claim.objects.for_list())
        return claim_filter.tallied()

    assert tallied({}) == len(kept({})) == 5
    for narrowed in (
        {"status": ClaimStatus.PUBLISHED},
        {"rating": Rating.FALSE, "ordering": "-added"},
        {"status": ClaimStatus.PUBLISHED, "rating": Rating.FALSE},
        {"status": ClaimStatus.NEW, "rating": Rating.FALSE},
    ):
        assert tallied(narrowed) == len(kept(narrowed))
    assert tallied({"status": ClaimStatus.NEW, "rating": Rating.FALSE}) == 0
    # Anything else narrows the list in ways the tally does not know: counted instead.
    for other in ({"q": "deepseek"}, {"disputed": "true"}, {"added_after": "2025-01-31"}):
        assert tallied(other) is None
    assert tallied({"status": "bogus"}) is None
