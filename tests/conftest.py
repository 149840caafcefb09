from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.utils import translation

from claims.demo import load_demo_case
from claims.roles import EDITOR, REVIEWER

PASSWORD = "correct-horse-battery-9"

DATA_MIGRATIONS = [
    ("0002_property_vocabulary", "add_vocabulary"),
    ("0003_roles", "add_roles"),
    # The French labels and the news vocabulary: without them a browser test after the
    # first one would see English labels in the French interface.
    ("0011_property_labels_vocabulary", "add_vocabulary"),
]


def _user(username: str, *roles: str) -> User:
    user = User.objects.create_user(username, password=PASSWORD, first_name=username.title())
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture(autouse=True)
def validated_claimreviews(monkeypatch) -> None:
    """Every ClaimReview any test produces (pages, feeds, exports, the live server of
    the browser tests) is checked against tests/claimreview.schema.json as it is built."""
    from claims import exports
    from tests.claimreview_schema import assert_valid_claimreview

    build = exports.claim_review

    def validated(*args, **kwargs):
        document = build(*args, **kwargs)
        assert_valid_claimreview(document)
        return document

    monkeypatch.setattr(exports, "claim_review", validated)


@pytest.fixture(autouse=True)
def evidence_storage(settings, tmp_path) -> Path:
    """Each test's evidence files in a folder of its own, as its rows are its own."""
    location = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": location},
        },
    }
    return location


@pytest.fixture(autouse=True)
def interface_language_reset() -> Iterator[None]:
    """The test client runs requests in the test's own thread, where LocaleMiddleware
    leaves the last request's language active: a French page would otherwise make the
    next test's messages French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Each test starts with an empty cache: an article's suggestions cached by another
    test, under a key that the database's reused ids make the same, would hide a first
    visit's queries on SQLite and not on PostgreSQL."""
    cache.clear()
    yield


@pytest.fixture
def deepseek(db) -> None:
    """The DeepSeek demo case, loaded as `make run` loads it."""
    assert load_demo_case()


@pytest.fixture
def reviewer(db) -> User:
    return _user("rita", REVIEWER)


@pytest.fixture
def editor(db) -> User:
    return _user("eddie", EDITOR)


@pytest.fixture
def second_editor(db) -> User:
    return _user("edna", EDITOR)


@pytest.fixture
def outsider(db) -> User:
    """Logged in, but neither reviewer nor editor."""
    return _user("olga")


def restore_migration_data() -> None:
    """The live server needs committed data, so browser tests truncate every table
    after each test, rows the data migrations made included; put those back.

    (Django's serialized rollback would do this, but Playwright's greenlets give
    the test its own database connection object, which never holds the snapshot.)
    """
    for migration, function in DATA_MIGRATIONS:
        getattr(import_module(f"claims.migrations.{migration}"), function)(apps, None)


@pytest.fixture
def migration_data(db) -> None:
    """For transactional tests: the rows the data migrations made, back after a truncation."""
    restore_migration_data()


@pytest.fixture
def web(settings):
    """A web server on the loopback that the fetcher may reach (a test-only setting)."""
    from tests.webserver import Web, serve

    settings.FACTCHECK_FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    site = Web(host="127.0.0.1", port=0)
    server, _thread = serve(site)
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def compiled_catalogue() -> None:
    """The French catalogue compiled, for tests that read French pages."""
    from tests.test_i18n import compile_french_catalogue

    compile_french_catalogue()


@pytest.fixture
def reviewed_case(deepseek, reviewer: User, editor: User, second_editor: User):
    """The demo case with a history of every kind: a claim edited (a new subject and
    property), evidence added, changed, removed and restored, a verdict sent back and
    another approved, a comment and an assignment. Returns the claim it all happened to."""
    from claims import workflow
    from claims.choices import Rating, Stance
    from claims.models import Claim, Property

    claim = Claim.objects.get(statement="DeepSeek was founded in May 2023.")
    claim = workflow.update_claim(
        claim,
        by=reviewer,
        expected_version=claim.version,
        subject="High-Flyer",
        property=Property.objects.get(code="release-date"),
        value_text="mai 2023",
    )
    evidence = workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.REFUTES,
        url="https://example.org/company-registry/deepseek",
        title="Company registry: DeepSeek, incorporated July 2023",
        excerpt="Incorporated 17 July 2023.",
    )
    evidence = workflow.update_evidence(
        evidence, by=reviewer, expected_version=evidence.version, note="Page 3."
    )
    removed = workflow.remove_evidence(evidence, by=reviewer)
    workflow.restore_evidence(removed, by=reviewer)
    workflow.add_comment(claim, by=reviewer, body="The two articles disagree on the year.")
    workflow.assign(claim, by=reviewer, assignee=editor)
    first = workflow.propose_verdict(
        claim, by=reviewer, rating=Rating.MISLEADING, rationale="May 2023 is close."
    )
    workflow.send_back_verdict(first, by=second_editor, comment="Cite the registry.")
    second = workflow.propose_verdict(
        claim, by=reviewer, rating=Rating.MOSTLY_FALSE, rationale="Incorporated in July 2023."
    )
    workflow.approve_verdict(second, by=editor)
    claim.refresh_from_db()
    return claim
