"""Accent- and case-blind search, and the search text kept current behind it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

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


@pytest.mark.parametrize("query", ["%", "\\", "_", "?!", '"', "*", "« »", "--", "\x00"])
def test_a_query_without_a_word_finds_nothing(query) -> None:
    # Punctuation is not indexed: nothing can match it, and showing every claim
    # would look like a match.
    make_claim(statement="100 % des paramètres, selon « l'entreprise » (_x_) ?!")
    assert found(query) == set()


def test_a_word_matches_the_start_of_a_word() -> None:
    subject = make_subject("Exemple SA")  # not "Subject 671", whose number would match
    wanted = make_claim(statement="Le modèle a 671 milliards de paramètres.", subject=subject)
    make_claim(statement="Le modèle a coûté 6 millions de dollars.", subject=subject)
    for query in ("param", "PARAMÉ", "parametres", "671", "67 param"):
        assert found(query) == {wanted.pk}, query


def test_the_middle_of_a_word_is_not_matched() -> None:
    # The trade-off of an index of words: it finds words by their start only.
    make_claim(
        statement="Le modèle a 671 milliards de paramètres.", subject=make_subject("Exemple SA")
    )
    assert found("arametres") == set()
    assert found("71") == set()


def test_a_term_with_punctuation_inside_matches_its_words_in_a_row() -> None:
    subject = make_subject("Exemple SA")
    together = make_claim(
        statement="Selon l'entreprise, ce sont des puces TCP/IP.", subject=subject
    )
    apart = make_claim(
        statement="L'avis de l'État sur une entreprise de puces IP.", subject=subject
    )
    assert found("l'entreprise") == {together.pk}
    assert found("L’ENTR") == {together.pk}
    assert found("l entreprise") == {together.pk, apart.pk}
    assert found("tcp/ip") == {together.pk}
    assert found("ip") == {together.pk, apart.pk}
    assert found("2%9") == set()


@pytest.mark.parametrize(
    "query",
    [
        '"paramètres"',
        "paramètres*",
        "(paramètres)",
        "param:*",
        "^param",
        "{param}",
        "param'",
        "+param",
        "parametres -modele",
        "parametres & !modele",
    ],
)
def test_operators_in_a_query_are_not_syntax(query) -> None:
    wanted = make_claim(statement="Le modèle a 671 milliards de paramètres.")
    make_claim(statement="Le modèle a coûté 6 millions de dollars.")
    assert found(query) == {wanted.pk}


@pytest.mark.parametrize(
    "query",
    [
        "modele OR japon",
        "parametres AND modele",
        "modele | japon",
        "parametres NOT modele",
        "NEAR(modele parametres)",
        "statement:parametres",
        "search_text:parametres",
        "'; DROP TABLE claims_claim; --",
        '"parametres" OR "',
        "p" * 3000,
        "param " * 200 + "japon",
    ],
)
def test_operators_are_searched_for_as_words(query) -> None:
    make_claim(
        statement="Le modèle a 671 milliards de paramètres.", subject=make_subject("Exemple SA")
    )
    assert found(query) == set()
    assert Claim.objects.count() == 1


def test_search_text_holds_the_folded_words_only(article) -> None:
    claim = make_claim(
        statement="Prix : 0,14 $ « par » million (TCP/IP).",
        subject=make_subject("Société Générale"),
        source=article,
        quote="siège est à Hangzhou",
    )
    claim.refresh_from_db()
    assert claim.search_text == "prix 0 14 par million tcp ip societe generale siege est a hangzhou"


def test_search_combines_with_order_slices_and_count() -> None:
    ids = [make_claim(statement=f"Paramètres, lot {n}.").pk for n in range(3)]
    make_claim(statement="Autre chose.")
    queryset = search.search(Claim.objects.order_by("-pk"), "param")
    assert queryset.count() == 3
    assert list(queryset.values_list("pk", flat=True)[:2]) == sorted(ids, reverse=True)[:2]
    assert list(
        search.search(queryset.filter(pk__lt=ids[-1]), "lot").values_list("pk", flat=True)
    ) == sorted(ids[:-1], reverse=True)
    # As a subquery of another query, where the claims table is renamed.
    assert set(
        Claim.objects.filter(pk__in=queryset.values("pk")).values_list("pk", flat=True)
    ) == set(ids)
    assert Appearance.objects.filter(claim__in=queryset).count() == 3


def test_other_databases_fall_back_to_substrings(monkeypatch) -> None:
    wanted = make_claim(statement="Le modèle a 671 milliards de paramètres.")
    make_claim(statement="Le modèle a coûté 6 millions de dollars.")
    monkeypatch.setattr(connection, "vendor", "other")
    assert found("arametres") == {wanted.pk}
    assert found("%") == set()


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


# --- the indexes of migration 0007 ---------------------------------------------------------

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")


@sqlite_only
def test_the_fts_table_is_kept_by_triggers() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
    assert {f"{search.FTS_TABLE}_{when}" for when in ("insert", "update", "delete")} <= triggers, (
        "A migration rebuilt claims_claim and SQLite dropped its triggers with it: create "
        "them again and rebuild the FTS table, as 0007_full_text_search does."
    )


@sqlite_only
def test_the_fts_table_follows_every_write() -> None:
    kept = make_claim(statement="Paramètres.")
    removed = make_claim(statement="Paramètres aussi.")
    Claim.objects.filter(pk=kept.pk).update(search_text="texte ecrit a la main")
    Claim.objects.filter(pk=kept.pk).update(status=ClaimStatus.IN_RESEARCH)
    removed.delete()
    assert found("main") == {kept.pk}
    assert found("parametres") == set()
    with connection.cursor() as cursor:
        # Fails ("database disk image is malformed") when the index and the table differ.
        cursor.execute(
            f"INSERT INTO {search.FTS_TABLE}({search.FTS_TABLE}, rank) "
            "VALUES ('integrity-check', 1)"
        )


@pytest.mark.parametrize("query", ["parametres", "param", "l'entreprise chine"])
def test_search_uses_the_index(query) -> None:
    make_claim(statement="Paramètres.")
    queryset = search.search(Claim.objects.order_by(), query)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # A handful of rows is cheaper to scan: leave the planner nothing but the
            # index, which it can only use if the condition is the one indexed.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
        assert "Bitmap Index Scan on claim_search_vector" in queryset.explain()
    else:
        assert f"{search.FTS_TABLE} VIRTUAL TABLE INDEX" in queryset.explain()


def test_a_search_is_counted_up_to_a_bound(client, reviewer, settings) -> None:
    settings.FACTCHECK_SEARCH_COUNT_BOUND = 3
    settings.FACTCHECK_PAGE_SIZE = 2
    for i in range(5):
        make_claim(statement=f"Le budget de la ville {i} a doublé.")
    make_claim(statement="Rien à voir.")
    client.force_login(reviewer)
    searched = client.get("/claims/", {"q": "budget"}).text
    assert "More than 3 claims" in searched
    assert "Page 1 of more than 2" in searched
    # The last page the bound reaches is served; past it, the same last page.
    second = client.get("/claims/", {"q": "budget", "page": 2}).text
    assert second.count('name="claims"') == 1
    # Under the bound, the count is exact; the plain list has its own, larger bound.
    assert "1 claim<" in client.get("/claims/", {"q": "budget 3"}).text
    assert "6 claims" in client.get("/claims/").text


def test_a_list_is_counted_up_to_its_own_bound(client, reviewer, settings) -> None:
    settings.FACTCHECK_LIST_COUNT_BOUND = 3
    settings.FACTCHECK_PAGE_SIZE = 2
    old = make_claim(statement="Le port a été construit en 1850.")
    Claim.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    for i in range(4):
        make_claim(statement=f"Le budget de la ville {i} a doublé.", status=ClaimStatus.IN_RESEARCH)
    client.force_login(reviewer)
    listed = client.get("/claims/").text
    # Counted exactly by the database's tally, but paged only as far as the bound.
    assert "5 claims" in listed
    assert "Page 1 of more than 2" in listed
    # Past the bound's last page, that page; the claims it reaches are never repeated.
    seen = {
        pk
        for number in (1, 2, 3)
        for pk in re.findall(
            r'name="claims" value="(\d+)"', client.get("/claims/", {"page": number}).text
        )
    }
    assert len(seen) == 3
    # A filter under the bound is counted exactly: one claim added a year ago.
    before = (timezone.now() - timedelta(days=300)).date().isoformat()
    assert "1 claim<" in client.get("/claims/", {"added_before": before}).text
    # By status alone the tally counts exactly too; any other filter is counted to the bound.
    assert "4 claims" in client.get("/claims/", {"status": "in_research"}).text
    added_lately = (timezone.now() - timedelta(days=1)).date().isoformat()
    assert "More than 3 claims" in client.get("/claims/", {"added_after": added_lately}).text


def test_the_bounded_paginator_says_when_it_stopped_counting() -> None:
    from claims.models import BoundedPaginator

    for i in range(4):
        make_claim(statement=f"Claim {i}.")
    ids = Claim.objects.order_by("pk").values_list("pk", flat=True)
    stopped = BoundedPaginator(ids, 2, bound=3)
    assert (stopped.count, stopped.more, stopped.num_pages) == (3, True, 2)
    exact = BoundedPaginator(ids, 2, bound=10)
    assert (exact.count, exact.more, exact.num_pages) == (4, False, 2)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite chooses between two plans")
@pytest.mark.parametrize(
    "query",
    [
        "parametres",
        "PARAM",
        "chine puces",
        "0,14",
        "l'entreprise",
        "siège",
        "hang",
        "a",
        "x_y",
        "50%",
    ],
)
def test_a_common_query_finds_what_the_index_finds(query) -> None:
    make_claim(statement="Le siège de l'entreprise, à Hangzhou, et 0,14 $ le million de jetons.")
    make_claim(statement="Un taux de 50 % et x_y dans le texte.")
    make_claim(statement="Le modèle a 671 milliards de paramètres ; les puces viennent de Chine.")
    make_claim(statement="Autre chose, sans rapport.")
    by_index = set(
        search.search(Claim.objects.all(), query, common=False).values_list("pk", flat=True)
    )
    by_rows = set(
        search.search(Claim.objects.all(), query, common=True).values_list("pk", flat=True)
    )
    assert by_index and by_rows == by_index


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite chooses between two plans")
def test_a_query_is_common_when_many_of_the_newest_claims_match(monkeypatch) -> None:
    monkeypatch.setattr(search, "COMMON_SAMPLE", 10)
    monkeypatch.setattr(search, "COMMON_SHARE", 0.2)
    for i in range(10):
        make_claim(statement=f"Le budget {i}." if i >= 8 else f"La dépense {i}.")
    assert search.is_common(search.terms("budget"))
    assert search.is_common(search.terms("dep"))
    assert not search.is_common(search.terms("budget 9"))
    assert not search.is_common(search.terms("introuvable"))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite chooses between two plans")
def test_a_fairly_common_search_pages_row_by_row_and_counts_by_index(
    client, reviewer, monkeypatch
) -> None:
    from claims.filters import ClaimFilter

    monkeypatch.setattr(search, "COMMON_SAMPLE", 10)
    monkeypatch.setattr(search, "COMMON_SHARE", 0.15)
    monkeypatch.setattr(search, "DENSE_SHARE", 0.5)
    for i in range(10):
        make_claim(statement=f"Le budget {i}." if i % 3 == 0 else f"La dépense {i}.")
    fairly = ClaimFilter({"q": "budget"}, queryset=Claim.objects.all())
    assert "LIKE" in str(fairly.qs.query) and search.FTS_TABLE not in str(fairly.qs.query)
    assert search.FTS_TABLE in str(fairly.counted().query)
    assert set(fairly.counted()) == set(fairly.qs) and len(fairly.qs) == 4
    # Very common: counted row by row too; rare: through the index both ways.
    dense = ClaimFilter({"q": "la"}, queryset=Claim.objects.all())
    assert "LIKE" in str(dense.counted().query)
    rare = ClaimFilter({"q": "budget 9"}, queryset=Claim.objects.all())
    assert search.FTS_TABLE in str(rare.qs.query) and search.FTS_TABLE in str(rare.counted().query)
    client.force_login(reviewer)
    assert "4 claims" in client.get("/claims/", {"q": "budget"}).text
