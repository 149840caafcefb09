"""Accent- and case-blind search, and the search text kept current behind it."""

from __future__ import annotations

import pytest

from claims import search, workflow
from claims.choices import ClaimStatus, Stance
from claims.models import Appearance, Claim, Subject, SubjectAlias
from tests.factories import make_claim, make_source, make_subject

pytestmark = pytest.mark.django_db

TEXT = (
    "Le modèle compte 671 milliards de paramètres.\n"
    "Les puces viennent de Chine, selon l'entreprise.\n"
    "Son siège est à Hangzhou.\n"
)


def found(query: str) -> set[int]:
    return set(search.search(Claim.objects.all(), query).values_list("pk", flat=True))


@pytest.fixture
def article():
    return make_source(title="Article sur DeepSeek", text=TEXT)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Paramètres", "parametres"),
        ("CHINE", "chine"),
        ("Société Générale", "societe generale"),
        ("DeepSeek-R1", "deepseek r1"),
        ("  deux   espaces ", "deux espaces"),
        ("Straße", "strasse"),
    ],
)
def test_fold(text, folded) -> None:
    assert search.fold(text) == folded


@pytest.mark.parametrize("query", ["parametres", "PARAMÈTRES", "Paramétres", "paramètres"])
def test_statement_is_found_whatever_the_accents_and_case(query) -> None:
    wanted = make_claim(statement="Le modèle a 671 milliards de paramètres.")
    make_claim(statement="Le modèle a coûté 6 millions de dollars.")
    assert found(query) == {wanted.pk}


@pytest.mark.parametrize("query", ["CHINE", "chine", "Chïne"])
def test_quote_is_found_whatever_the_accents_and_case(article, query) -> None:
    wanted = make_claim(
        statement="The chips come from one country.", source=article, quote="viennent de Chine"
    )
    make_claim(statement="Headquarters.", source=article, quote="siège est à Hangzhou")
    assert found(query) == {wanted.pk}


def test_value_as_stated_is_found() -> None:
    wanted = make_claim(statement="Price.", value_text="0,14 $ par million de jetons")
    make_claim(statement="Other.")
    assert found("JETONS") == {wanted.pk}


def test_subject_name_and_aliases_are_found() -> None:
    deepseek = make_subject("DeepSeek")
    SubjectAlias.objects.create(subject=deepseek, alias="Hángzhōu DeepSeek AI")
    wanted = make_claim(statement="Founded in 2023.", subject=deepseek)
    make_claim(statement="Founded in 2019.", subject=make_subject("Exemple SA"))
    assert found("deepseek") == {wanted.pk}
    assert found("HANGZHOU") == {wanted.pk}


def test_evidence_is_found(reviewer) -> None:
    claim = make_claim(statement="Founded in 2019.")
    make_claim(statement="Founded in 2020.")
    workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.REFUTES,
        url="https://example.org/registre",
        title="Registre du commerce",
        excerpt="Immatriculée à Hangzhou en juillet 2023.",
        note="Vérifié par téléphone.",
    )
    for query in ("registre", "IMMATRICULEE", "verifie telephone"):
        assert found(query) == {claim.pk}, query


def test_every_word_must_match_somewhere(article) -> None:
    both = make_claim(
        statement="671 milliards de paramètres.", source=article, quote="viennent de Chine"
    )
    make_claim(statement="671 milliards de paramètres.")
    make_claim(statement="Autre chose.", source=article, quote="viennent de Chine")
    assert found("parametres chine") == {both.pk}
    assert found("parametres japon") == set()


def test_an_empty_query_finds_everything() -> None:
    claims = {make_claim().pk, make_claim().pk}
    assert found("") == claims
    assert found("   ") == claims


@pytest.mark.parametrize("query", ["%", "\\", "2%9"])
def test_wildcards_in_a_query_are_taken_literally(query) -> None:
    make_claim(statement="Sans caractère spécial, fondée en 2019.")
    assert found(query) == set()


def test_search_keeps_the_queryset_it_is_given() -> None:
    kept = make_claim(statement="Paramètres en chine.")
    make_claim(statement="Paramètres en chine.", status=ClaimStatus.IN_RESEARCH)
    queryset = Claim.objects.filter(status=ClaimStatus.NEW)
    assert set(search.search(queryset, "parametres").values_list("pk", flat=True)) == {kept.pk}


# --- the search text is refreshed whatever changes ---------------------------------------


def test_search_text_follows_evidence_changes(reviewer) -> None:
    claim = make_claim(statement="Founded in 2019.", status=ClaimStatus.IN_RESEARCH)
    evidence = workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.REFUTES,
        url="https://example.org/registre",
        excerpt="Créée à Hangzhou.",
    )
    assert found("creee") == {claim.pk}

    workflow.update_evidence(evidence, by=reviewer, excerpt="Fondée à Pékin.")
    assert found("creee") == set()
    assert found("pekin") == {claim.pk}

    event = workflow.remove_evidence(evidence, by=reviewer)
    assert found("pekin") == set()

    workflow.restore_evidence(event, by=reviewer)
    assert found("pekin") == {claim.pk}


def test_search_text_follows_appearances(article) -> None:
    claim = make_claim(statement="Founded in 2019.")
    assert found("hangzhou") == set()

    appearance = Appearance.find(claim=claim, source=article, exact="siège est à Hangzhou")
    appearance.save()
    assert found("SIEGE hangzhou") == {claim.pk}

    appearance.delete()
    assert found("hangzhou") == set()


def test_search_text_follows_the_subject() -> None:
    subject = make_subject("Exemple SA")
    claim = make_claim(statement="Founded in 2019.", subject=subject)
    assert found("exemple") == {claim.pk}

    subject.name = "Société Nouvelle"
    subject.save()
    assert found("exemple") == set()
    assert found("societe nouvelle") == {claim.pk}

    alias = SubjectAlias.objects.create(subject=subject, alias="Nouvelle Société Anonyme")
    assert found("anonyme") == {claim.pk}
    alias.alias = "Ancienne Raison Sociale"
    alias.save()
    assert found("anonyme") == set()
    assert found("raison sociale") == {claim.pk}
    alias.delete()
    assert found("raison sociale") == set()


def test_search_text_follows_a_claim_moved_to_another_subject() -> None:
    claim = make_claim(subject=make_subject("Exemple SA"))
    claim.subject = Subject.objects.create(name="Autre Société")
    claim.save(update_fields=["subject"])
    assert found("autre societe") == {claim.pk}
    assert found("exemple sa") == set()


def test_search_text_follows_the_statement() -> None:
    claim = make_claim(statement="Founded in 2019.")
    claim.statement = "Créée en 2021."
    claim.save(update_fields=["statement"])
    assert found("creee") == {claim.pk}
    assert found("founded") == set()


def test_refresh_rebuilds_text_written_behind_its_back() -> None:
    claim = make_claim(statement="Paramètres.")
    Claim.objects.filter(pk=claim.pk).update(search_text="")
    assert found("parametres") == set()
    search.refresh_all()
    assert found("parametres") == {claim.pk}


def test_refresh_handles_more_claims_than_one_batch(monkeypatch) -> None:
    source = make_source()
    subject = make_subject("Exemple SA")
    claims = [make_claim(source=source, subject=subject) for _ in range(3)]
    Claim.objects.update(search_text="")
    monkeypatch.setattr(search, "BATCH", 2)
    search.refresh([c.pk for c in claims])
    assert found("exemple") == {c.pk for c in claims}


def test_search_text_is_built_in_constant_queries(django_assert_num_queries) -> None:
    source = make_source()
    subject = make_subject("Exemple SA")
    ids = [make_claim(source=source, subject=subject).pk for _ in range(12)]
    # claims with their subject, the subjects' aliases, the appearances, the
    # evidence, and one bulk update.
    with django_assert_num_queries(5):
        search.refresh(ids)
