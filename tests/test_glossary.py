"""A subject named by common nouns is one subject in French and English (claims.glossary):
the meaning of a descriptive name, how a subject is found by it, and accepting a
suggestion that names it in the other language. Names written for these tests."""

from __future__ import annotations

import dataclasses

import pytest

from claims import alignment, claiming, vocabulary
from claims.glossary import entries, meaning_of, same_meaning
from claims.models import Claim, Property, Subject, SubjectAlias
from claims.suggestions import suggestions_for
from tests.factories import make_source


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("stability pact", "pacte de stabilité"),
        ("pension reform", "réforme des retraites"),
        ("ceasefire agreement", "accord de cessez-le-feu"),
        ("winter transfer window", "mercato hivernal"),
        ("minimum wage increase", None),
        ("budget deficit", "déficit budgétaire"),
        ("state of emergency", "état d'urgence"),
        ("national strategy against drought", "stratégie nationale contre la sécheresse"),
    ],
)
def test_a_descriptive_name_means_the_same_in_both_languages(english, french) -> None:
    if french is None:
        # A word the glossary does not know ("increase") leaves the name without meaning.
        assert meaning_of(english) is None
        return
    assert same_meaning(english, french)


def test_a_name_is_in_the_language_its_words_are_spelled_in() -> None:
    assert meaning_of("pension reform").language == "en"
    assert meaning_of("réforme des retraites").language == "fr"
    assert meaning_of("budget deficit").language == ""  # spelled alike in both


def test_order_and_function_words_do_not_count_but_every_content_word_does() -> None:
    assert same_meaning("reform of pensions", "pension reform")
    assert same_meaning("la réforme des retraites", "pension reform")
    assert not same_meaning("pension reform", "tax reform")
    assert not same_meaning("réforme des retraites", "réforme fiscale")
    assert not same_meaning("pension reform", "reform")


def test_a_name_with_a_proper_noun_has_no_meaning() -> None:
    assert meaning_of("Orvane pension reform") is None
    assert meaning_of("Halvex") is None
    assert meaning_of("") is None


def test_a_place_only_one_name_gives_is_no_difference_across_languages() -> None:
    # A French article says which country's window it means; an English one, writing for
    # its own readers, takes it for granted.
    assert same_meaning("mercato italien", "transfer window")
    assert same_meaning("Italian transfer window", "mercato italien")
    # Two places are two things, in any language.
    assert not same_meaning("mercato italien", "Spanish transfer window")
    # In one language, the qualified name is a narrower group than the bare one.
    assert not same_meaning("German start-ups", "start-ups")
    assert not same_meaning("réforme des retraites allemande", "réforme des retraites")


def test_the_glossary_is_general_news_vocabulary() -> None:
    known = entries()
    assert len(set(known.values())) >= 200
    for word in ("ceasefire", "trêve", "summit", "sommet", "strike", "grève", "mercato"):
        assert word.replace("ê", "e").replace("è", "e") in known


@pytest.mark.django_db
def test_a_subject_is_found_by_a_name_of_the_same_meaning() -> None:
    pension = Subject.objects.create(name="pension reform")
    tax = Subject.objects.create(name="tax reform")
    assert Subject.objects.resolve("réforme des retraites") == pension
    assert Subject.objects.resolve("réforme fiscale") == tax
    assert Subject.objects.resolve("réforme de l'assurance chômage") is None
    stability = Subject.objects.create(name="Pacte de stabilité")
    SubjectAlias.objects.create(subject=stability, alias="pacte de stabilité et de croissance")
    assert Subject.objects.resolve("stability pact") == stability
    assert Subject.objects.resolve("stability and growth pact") == stability


@pytest.mark.django_db
def test_two_subjects_of_one_meaning_leave_the_name_unresolved() -> None:
    Subject.objects.create(name="mercato italien")
    Subject.objects.create(name="mercato espagnol")
    # Both are transfer windows; which one the English name means, nothing says.
    assert Subject.objects.resolve("transfer window") is None
    assert Subject.objects.resolve("Italian transfer window").name == "mercato italien"


@pytest.mark.django_db
def test_a_proper_name_is_never_resolved_by_meaning() -> None:
    Subject.objects.create(name="pension reform")
    assert Subject.objects.resolve("Orvane") is None
    assert Subject.objects.by_meanings(["Orvane", "Halvex"]) == {}


@pytest.mark.django_db
def test_alignment_finds_the_subject_named_in_the_other_language() -> None:
    pension = Subject.objects.create(name="pension reform")
    found = alignment.subjects_named(["réforme des retraites", "Orvane"])
    assert found == {"reforme des retraites": pension}


@pytest.mark.django_db
def test_accepting_a_french_descriptive_name_joins_the_english_subject(reviewer) -> None:
    pension = Subject.objects.create(name="pension reform")
    source = make_source(
        text="Le gouvernement présentera la réforme des retraites le 14 mars 2027.",
        language="fr",
    )
    found = next(s for s in suggestions_for(source) if s.value is not None)
    suggestion = dataclasses.replace(found, subject="réforme des retraites", subject_aliases=())
    accepted = claiming.accept_suggestion(
        suggestion,
        source=source,
        by=reviewer,
        statement="The pension reform is presented on 14 March 2027.",
        subject=suggestion.subject,
        property=Property.objects.get(code="announcement-date"),
        value_fields=suggestion.claim_fields(),
    )
    assert accepted.claim.subject == pension
    assert list(pension.aliases.values_list("alias", flat=True)) == ["réforme des retraites"]
    assert Subject.objects.count() == 1 and Claim.objects.count() == 1


@pytest.mark.django_db
def test_accepting_another_reform_makes_another_subject(reviewer) -> None:
    Subject.objects.create(name="pension reform")
    source = make_source(
        text="Le gouvernement présentera la réforme fiscale le 14 mars 2027.", language="fr"
    )
    found = next(s for s in suggestions_for(source) if s.value is not None)
    suggestion = dataclasses.replace(found, subject="réforme fiscale", subject_aliases=())
    accepted = claiming.accept_suggestion(
        suggestion,
        source=source,
        by=reviewer,
        statement="The tax reform is presented on 14 March 2027.",
        subject=suggestion.subject,
        property=Property.objects.get(code="announcement-date"),
        value_fields=suggestion.claim_fields(),
    )
    assert accepted.claim.subject.name == "réforme fiscale"
    assert not SubjectAlias.objects.exists()


@pytest.mark.django_db
def test_a_reviewer_records_the_other_language_name_as_an_alias(reviewer) -> None:
    pension = Subject.objects.create(name="pension reform")
    alias = vocabulary.add_alias(pension, "réforme des retraites", by=reviewer)
    assert alias.subject == pension and alias.meaning == pension.meaning
    with pytest.raises(vocabulary.VocabularyError):
        vocabulary.add_alias(pension, "Réforme des retraites", by=reviewer)
