"""The public index's search: by word, accent- and case-blind, over what is published alone.

A reader types "parametres" and finds "paramètres", as a fact-checker does in the
workbench; never by words of internal evidence or notes, which the workbench's own search
text holds; and through an index of published claims on both databases (migration 0027),
kept by the database itself as claims are published, edited, reopened or deleted.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import publishing, search, workflow
from claims.choices import Rating, Stance
from claims.filters import PublicCheckFilter
from claims.models import Claim
from claims.views.public import INDEX_PAGE_SIZE
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")


def publish(claim: Claim, *, by: User, editor: User, rating: str = Rating.FALSE) -> None:
    verdict = workflow.propose_verdict(claim, by=by, rating=rating, rationale="On the record.")
    workflow.approve_verdict(verdict, by=editor)


def found(query: str, **kwargs) -> list[str]:
    """What the public index finds; with ``common``, by that one way only."""
    if kwargs:
        checks = search.search(publishing.public_checks(), query, index=search.PUBLIC, **kwargs)
    else:
        checks = PublicCheckFilter({"q": query}, queryset=publishing.public_checks()).qs
    return sorted(claim.statement for claim in checks)


@pytest.fixture
def checks(deepseek, reviewer: User, editor: User) -> dict[str, Claim]:
    parameters = make_claim(statement="Le modèle compte 671 milliards de paramètres.")
    founded = make_claim(
        statement="DeepSeek a été fondée en mai 2023 à Hangzhou, selon l'entreprise.",
        short_statement="La date de fondation de DeepSeek",
    )
    price = make_claim(statement="L'API de R1 coûte 0,14 $ par million de jetons.")
    for claim in (parameters, founded, price):
        publish(claim, by=reviewer, editor=editor)
    # Not published: never found, whatever it says.
    unpublished = make_claim(statement="Le modèle compte 671 milliards de paramètres, dit-on.")
    return {
        "parameters": parameters,
        "founded": founded,
        "price": price,
        "unpublished": unpublished,
    }


@pytest.mark.parametrize("query", ["parametres", "PARAMÈTRES", "Paramètres", "param", "671"])
def test_a_word_is_found_whatever_its_accents_and_case(checks, query: str) -> None:
    assert found(query) == [checks["parameters"].statement]


def test_every_word_must_match_and_the_middle_of_a_word_does_not(checks) -> None:
    assert found("fondee hangzhou") == [checks["founded"].statement]
    assert found("fondee paris") == []
    assert found("arametres") == []
    # A term with punctuation inside: its words in a row, as typed.
    assert found("0,14") == [checks["price"].statement]
    assert found("l'entreprise") == [checks["founded"].statement]


def test_the_short_statement_is_searched_too(checks) -> None:
    assert found("date de fondation") == [checks["founded"].statement]


def test_a_query_of_punctuation_alone_finds_nothing_and_an_empty_one_everything(checks) -> None:
    assert found("?!") == []
    assert len(found("")) == 3


def test_internal_words_never_find_a_check(deepseek, reviewer: User, editor: User) -> None:
    claim = make_claim(statement="DeepSeek a utilisé 2 000 puces Nvidia H800.")
    workflow.add_evidence(
        claim,
        by=reviewer,
        url="https://intranet.example.org/memo",
        title="Mémo confidentiel",
        stance=Stance.REFUTES,
        note="Le lanceur d'alerte dit autre chose",
    )
    publish(claim, by=reviewer, editor=editor)
    # The workbench finds it by its evidence; a reader does not.
    assert claim.pk in set(
        search.search(Claim.objects.all(), "lanceur").values_list("pk", flat=True)
    )
    assert found("lanceur") == []
    assert found("memo confidentiel") == []
    assert found("puces nvidia") == [claim.statement]


@pytest.mark.parametrize("query", ["p", "parametres", "de", "0,14", "l'entreprise", "fondee mai"])
def test_row_by_row_and_through_the_index_find_the_same_checks(checks, query: str) -> None:
    by_index = found(query, common=False)
    assert by_index
    assert found(query, common=True) == by_index == found(query)


def test_the_words_follow_a_statement_edited_and_published_again(
    checks, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(pk=checks["price"].pk)
    workflow.reopen(claim, by=editor, reason="The price changed.")
    claim = Claim.objects.get(pk=claim.pk)
    claim.statement = "L'API de R1 coûte 0,55 $ par million de jetons."
    claim.short_statement = "Le prix de l'API de DeepSeek"
    claim.save()
    assert found("0,55") == []  # not published yet
    publish(claim, by=reviewer, editor=editor)
    assert found("0,55") == [claim.statement]
    assert found("prix api") == [claim.statement]
    assert found("0,14") == []


def test_a_reopened_check_leaves_the_search_and_comes_back_when_published(
    checks, reviewer: User, editor: User
) -> None:
    claim = Claim.objects.get(pk=checks["parameters"].pk)
    workflow.reopen(claim, by=editor, reason="A reader wrote in.")
    assert found("parametres") == []
    publish(Claim.objects.get(pk=claim.pk), by=reviewer, editor=editor, rating=Rating.TRUE)
    assert found("parametres") == [claim.statement]
    claim.delete()
    assert found("parametres") == []


@sqlite_only
def test_the_fts_table_holds_the_published_claims_and_nothing_else(checks, editor: User) -> None:
    workflow.reopen(checks["founded"], by=editor, reason="A reader wrote in.")
    Claim.objects.filter(pk=checks["price"].pk).update(public_text="ecrit a la main")

    def matched(words: str) -> list[int]:
        # The index itself (a plain SELECT of an external-content table reads the table).
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {search.PUBLIC_FTS_TABLE} WHERE {search.PUBLIC_FTS_TABLE}"
                " MATCH %s ORDER BY rowid",
                [words],
            )
            return [pk for (pk,) in cursor.fetchall()]

    assert matched("main") == [checks["price"].pk]
    assert matched("jetons") == []
    assert matched("parametres") == [checks["parameters"].pk]
    assert matched("hangzhou") == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
    assert {f"{search.PUBLIC_FTS_TABLE}_{when}" for when in ("insert", "update", "delete")} <= (
        triggers
    ), "A migration rebuilt claims_claim: create 0027's triggers again and refill its table."


@sqlite_only
def test_a_rare_word_is_found_through_the_fts_table(checks) -> None:
    checks_found = search.search(
        publishing.public_checks(), "hangzhou", common=False, index=search.PUBLIC
    )
    assert f"{search.PUBLIC_FTS_TABLE} VIRTUAL TABLE INDEX" in checks_found.explain()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_the_search_writes_the_expression_of_the_partial_index(checks) -> None:
    searched = PublicCheckFilter({"q": "parametres"}, queryset=publishing.public_checks()).qs
    assert [claim.pk for claim in searched] == [checks["parameters"].pk]
    # The index is on the very expression the search compares, for published claims,
    # the only ones searched. (That the planner takes it is measured, not tested: on
    # three rows the status index serves as well.)
    sql, _params = searched.order_by().values("pk").query.sql_with_params()
    assert f"{search.PUBLIC.vector} @@ to_tsquery(" in sql
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_indexdef('claim_public_vector'::regclass)")
        (definition,) = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM pg_indexes WHERE indexname = 'claim_public_words'")
        assert cursor.fetchone() == (0,), "0027 replaces 0026's trigram index"
        # Statistics on the expression, which ANALYZE keeps for no partial index's.
        cursor.execute(
            "SELECT pg_get_statisticsobjdef_expressions(oid) FROM pg_statistic_ext"
            " WHERE stxname = 'claim_public_words_stats'"
        )
        assert cursor.fetchone() == ([search.PUBLIC.vector],)
    assert f"USING gin ({search.PUBLIC.vector})" in definition
    assert definition.endswith("WHERE ((status)::text = 'published'::text)")


def test_a_search_is_counted_up_to_a_bound(
    client: Client, deepseek, reviewer: User, editor: User, settings
) -> None:
    settings.FACTCHECK_SEARCH_COUNT_BOUND = INDEX_PAGE_SIZE + 1
    for i in range(INDEX_PAGE_SIZE + 4):
        publish(
            make_claim(statement=f"Le budget de la ville {i:02d} a doublé."),
            by=reviewer,
            editor=editor,
        )
    url = reverse("public_check_list")
    first = client.get(url, {"q": "budget"}).text
    assert f"More than {INDEX_PAGE_SIZE + 1} fact-checks" in first
    assert "Page 1 of more than 2" in first
    assert first.count('class="check-item"') == INDEX_PAGE_SIZE
    # Under the bound the count is exact, and the index unsearched is counted in full.
    assert "1 fact-check<" in client.get(url, {"q": "budget 07"}).text
    assert f"{INDEX_PAGE_SIZE + 4} fact-checks" in client.get(url).text


def test_a_search_costs_the_same_queries_for_any_number(
    client: Client, deepseek, reviewer: User, editor: User
) -> None:
    def publish_some(count: int) -> None:
        for i in range(count):
            publish(make_claim(statement=f"Le budget {i} a doublé."), by=reviewer, editor=editor)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("public_check_list"), {"q": "budget"}).status_code == 200
        return len(captured)

    publish_some(2)
    few = queries()
    publish_some(INDEX_PAGE_SIZE)
    assert queries() == few


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_fills_the_words_of_the_claims_already_there() -> None:
    """An archive upgraded to 0027 finds its published checks by word at once."""
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("claims", "0026_public_search_trigrams")], [("claims", "0027_public_text")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        apps = executor.loader.project_state(before).apps
        subject = apps.get_model("claims", "Subject").objects.create(
            name="DeepSeek", normalised_name="deepseek"
        )
        # Made here if need be: a transactional test may find the vocabulary flushed.
        prop, _made = apps.get_model("claims", "Property").objects.get_or_create(
            code="founding-date", defaults={"label": "founding date"}
        )
        old_claim = apps.get_model("claims", "Claim").objects
        published = old_claim.create(
            statement="DeepSeek a été fondée en 2023.",
            short_statement="La fondation de DeepSeek",
            subject=subject,
            property=prop,
            status="published",
        )
        draft = old_claim.create(
            statement="DeepSeek a été fondée en 2021.", subject=subject, property=prop
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(after)
    texts = dict(Claim.objects.values_list("pk", "public_text"))
    assert texts == {
        published.pk: "deepseek a ete fondee en 2023 la fondation de deepseek",
        draft.pk: "deepseek a ete fondee en 2021",
    }
    searched = search.search(
        Claim.objects.filter(status="published"), "fondee", common=False, index=search.PUBLIC
    )
    assert list(searched.values_list("pk", flat=True)) == [published.pk]
