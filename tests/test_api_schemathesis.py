"""Schemathesis throws generated requests at every operation of the OpenAPI schema.

It runs in-process through the WSGI application, as a reviewer and as an
editor with a token, on the DeepSeek case, with every check: no server error,
every answer (status, content type, headers, body) as the schema describes it,
what the schema refuses is refused and what it allows is accepted. Bounded (a
few dozen examples per operation) in ``make test``; ``make fuzz`` runs it at
length (SCHEMATHESIS_EXAMPLES).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis import Case, GenerationMode
from schemathesis.checks import negative_data_rejection, positive_data_acceptance
from schemathesis.schemas import APIOperation

from claims import files, workflow
from claims.api.schema import LINKS
from claims.models import Claim, Evidence, Source, StoredFile, Verdict

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "25"))
# Scenarios of linked calls in the stateful run (each a few steps long).
STATEFUL_EXAMPLES = max(5, MAX_EXAMPLES // 2)


@pytest.fixture
def wsgi_app() -> Iterator[object]:
    """The project's WSGI application, kept from closing the test's database connection.

    A real request ends by closing connections that are inside a transaction;
    in a test that transaction is the test itself. Django's test client does
    the same unhooking.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture(params=["reviewer", "editor"])
def token(request, deepseek) -> str:
    return Token.objects.create(user=request.getfixturevalue(request.param)).key


# Where an operation's {id} comes from: random ids would almost all be 404s.
ROWS = {"claims": Claim, "evidence": Evidence, "verdicts": Verdict, "sources": Source}


@pytest.fixture
def work_in_progress(deepseek, reviewer, editor) -> None:
    """Evidence and verdicts to read, change and review, besides the demo case's claims."""
    claims = list(Claim.objects.order_by("pk")[:3])
    for claim in claims:
        workflow.add_evidence(claim, by=reviewer, stance="supports", url="https://example.org/")
    workflow.propose_verdict(claims[0], by=reviewer, rating="false", rationale="Registry.")
    workflow.propose_verdict(claims[1], by=editor, rating="true", rationale="Confirmed.")
    files.attach_document(name="notes.txt", data=b"Le registre dit 2023.", by=reviewer)


def cases_for(operation: APIOperation) -> st.SearchStrategy:
    cases = [
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    ]
    if "{sha256}" in operation.path:
        hashes = list(StoredFile.objects.values_list("sha256", flat=True))
        cases.append(
            st.sampled_from(hashes).flatmap(
                lambda sha: operation.as_strategy(path_parameters={"sha256": sha})
            )
        )
    if "{id}" in operation.path:
        model = ROWS[operation.path.split("/")[2]]
        ids = list(model.objects.values_list("pk", flat=True))
        # An earlier operation (a DELETE) may have removed every row: ids are generated then.
        if ids:
            cases.append(
                st.sampled_from(ids).flatmap(
                    lambda pk: operation.as_strategy(path_parameters={"id": pk})
                )
            )
    return st.one_of(cases)


# "Keep a copy" would reach out to the generated URLs: the suite has no network.
@override_settings(FACTCHECK_FETCH_EVIDENCE=False)
def operations(schema) -> list[APIOperation]:
    found = [result.ok() for result in schema.get_all_operations()]
    assert len(found) == 16
    return found


def excluded_checks(operation: APIOperation) -> list:
    """Checks an operation cannot pass for reasons the schema cannot state, and why."""
    excluded = []
    if operation.method.upper() != "GET":
        # A write's body can be well formed and still refused with a 400 naming the
        # field: a rule across fields (a URL or a source), an excerpt not in the
        # source, a file that is not what its name says. The schema lists that 400.
        excluded.append(positive_data_acceptance)
    if operation.path == "/api/files/":
        # Multipart has no null: a "null" title is sent as no title, which is valid.
        excluded.append(negative_data_rejection)
    return excluded


def test_the_api_keeps_to_its_schema(wsgi_app, token, work_in_progress) -> None:
    # Schemathesis's own pytest plugin (from_fixture) trips over pytest 9.2's
    # node internals, so the operations are walked here with plain Hypothesis.
    headers = {"Authorization": f"Token {token}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app, headers=headers)
    failures = {}
    for operation in operations(schema):

        @given(case=cases_for(operation))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            # The demo case and the token are meant to be shared by every example.
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Case) -> None:
            case.call_and_validate(headers=headers, excluded_checks=excluded_checks(case.operation))

        try:
            run()
        except Exception as error:  # every failing operation is reported, not only the first
            failures[operation.label] = error
    assert not failures, "\n\n".join(f"{label}: {error}" for label, error in failures.items())


@override_settings(FACTCHECK_FETCH_EVIDENCE=False)
def test_the_api_keeps_to_its_schema_across_linked_calls(wsgi_app, token, work_in_progress):
    """Schemathesis's stateful run, along the schema's OpenAPI links: a claim read, then
    evidence added to it and changed or removed, a verdict proposed then reviewed..."""
    headers = {"Authorization": f"Token {token}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app, headers=headers)
    links = [
        link
        for operations in schema.raw_schema["paths"].values()
        for operation in operations.values()
        for response in operation["responses"].values()
        for link in response.get("links", {}).values()
    ]
    # Every link declared reaches the schema, each to an operation that exists.
    assert len(links) == sum(len(declared) for declared in LINKS.values()) == 21
    operation_ids = {operation.definition.raw["operationId"] for operation in operations(schema)}
    assert {link["operationId"] for link in links} <= operation_ids

    class LinkedCalls(schema.as_state_machine()):
        # Every scenario starts from the same rows: Hypothesis replays a scenario to
        # shrink it, and a replay against rows an earlier one removed would differ.
        def setup(self) -> None:
            self.savepoint = transaction.savepoint_create()

        def teardown(self) -> None:
            transaction.savepoint_rollback(self.savepoint)

        def get_call_kwargs(self, case: Case) -> dict:
            return {"headers": headers}

        def validate_response(self, response, case: Case, additional_checks=None, **kwargs):
            # The token as headers of the check, not of the transport: the check
            # for ignored credentials then sends the call again without it.
            case.validate_response(
                response,
                excluded_checks=excluded_checks(case.operation),
                headers=headers,
                transport_kwargs={k: v for k, v in kwargs.items() if k != "headers"},
            )

    LinkedCalls.run(
        settings=settings(
            max_examples=STATEFUL_EXAMPLES,
            stateful_step_count=6,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
