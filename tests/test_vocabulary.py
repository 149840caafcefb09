"""Subjects, aliases and properties: one entity per name, one meaning per property."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import vocabulary
from claims.models import Property, Subject, SubjectAlias
from claims.workflow import NotAllowed

pytestmark = pytest.mark.django_db


def test_an_alias_makes_another_spelling_resolve_to_the_subject(reviewer) -> None:
    subject = Subject.objects.create(name="DeepSeek-R1")
    vocabulary.add_alias(subject, "R1", by=reviewer)
    assert Subject.objects.resolve("r1") == subject
    assert Subject.objects.resolve("Deepseek R1") == subject


@pytest.mark.parametrize("alias", ["DeepSeek-R1", "deepseek r1", "  ", "R-1"])
def test_an_alias_that_already_names_a_subject_or_is_empty_is_refused(reviewer, alias) -> None:
    subject = Subject.objects.create(name="DeepSeek-R1")
    other = Subject.objects.create(name="R-1")
    with pytest.raises(vocabulary.VocabularyError):
        vocabulary.add_alias(subject, alias, by=reviewer)
    assert not SubjectAlias.objects.exists()
    assert Subject.objects.resolve("R-1") == other


def test_a_subject_known_by_an_alias_cannot_be_added_twice(reviewer) -> None:
    subject = Subject.objects.create(name="DeepSeek-R1")
    vocabulary.add_alias(subject, "R1", by=reviewer)
    with pytest.raises(vocabulary.VocabularyError, match="already known"):
        vocabulary.add_subject("r1", by=reviewer)


def test_reviewers_extend_the_properties_and_duplicates_are_refused(reviewer) -> None:
    created = vocabulary.add_property("Énergie consommée", by=reviewer, value_kind="quantity")
    assert created.code == "energie-consommee"
    with pytest.raises(vocabulary.VocabularyError, match="exists already"):
        vocabulary.add_property("énergie  consommée", by=reviewer)
    assert Property.objects.filter(label__icontains="consommée").count() == 1


def test_only_people_with_a_role_extend_the_vocabulary(outsider) -> None:
    with pytest.raises(NotAllowed):
        vocabulary.add_property("Headcount", by=outsider)


def test_property_page_adds_a_property_and_shows_errors_in_place(client, reviewer) -> None:
    client.force_login(reviewer)
    # Both labels, so that neither interface shows the other's language.
    response = client.post(reverse("property_list"), {"label": "Ridership", "value_kind": ""})
    assert response.status_code == 200
    assert not Property.objects.filter(code="ridership").exists()
    response = client.post(
        reverse("property_list"),
        {"label": "Ridership", "label_fr": "Fréquentation", "value_kind": ""},
    )
    assert response.status_code == 302
    assert Property.objects.get(code="ridership").label_fr == "Fréquentation"
    response = client.post(
        reverse("property_list"), {"label": "Riders", "label_fr": "fréquentation"}
    )
    assert response.status_code == 200
    assert "This property exists already" in response.text


def test_subject_page_adds_an_alias(client, reviewer) -> None:
    subject = Subject.objects.create(name="OpenAI o1")
    client.force_login(reviewer)
    response = client.post(reverse("subject_detail", args=[subject.pk]), {"alias": "o1"})
    assert response.status_code == 302
    assert client.get(reverse("subject_list"), {"q": "O1"}).text.count("OpenAI o1") >= 1


@pytest.mark.parametrize("rows", [5, 40])
def test_subject_list_query_count_is_flat(client, reviewer, django_assert_num_queries, rows):
    for n in range(rows):
        subject = Subject.objects.create(name=f"Company {n}")
        SubjectAlias.objects.create(subject=subject, alias=f"Co {n}")
    client.force_login(reviewer)
    # session, user, roles, count, page of subjects, their aliases, the header's unread
    # notifications
    with django_assert_num_queries(7):
        assert client.get(reverse("subject_list")).status_code == 200


@pytest.mark.parametrize("rows", [5, 40])
def test_property_list_query_count_is_flat(client, reviewer, django_assert_num_queries, rows):
    for n in range(rows):
        Property.objects.create(code=f"p-{n}", label=f"P {n}")
    client.force_login(reviewer)
    # session, user, roles, properties with their claim counts, the header's unread notifications
    with django_assert_num_queries(5):
        assert client.get(reverse("property_list")).status_code == 200


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_subjects_claims_are_paged_by_property_label_then_oldest_first(language) -> None:
    from django.core.paginator import Paginator
    from django.utils import translation

    from claims.models import Claim, property_label
    from claims.vocabulary import ClaimsByProperty
    from tests.factories import make_claim, make_subject

    subject = make_subject("Valmont")
    other = make_subject("Orbis")
    # Sizes that put page boundaries inside properties and pages over several.
    for code, n in [
        ("revenue", 7),
        ("founding-date", 1),
        ("employee-count", 2),
        ("price-per-unit", 5),
    ]:
        for _ in range(n):
            make_claim(subject=subject, property_code=code)
        make_claim(subject=other, property_code=code)
    with translation.override(language):
        expected = list(
            Claim.objects.filter(subject=subject)
            .order_by(property_label("property__"), "pk")
            .values_list("pk", flat=True)
        )
        listed = ClaimsByProperty(subject)
        assert listed.count() == len(expected) == 15
        for per_page in (1, 2, 4, 6, 15, 50):
            paginator = Paginator(listed, per_page)
            pages = [list(paginator.page(n).object_list) for n in paginator.page_range]
            assert [pk for page in pages for pk in page] == expected
