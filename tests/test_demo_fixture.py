"""The DeepSeek demo fixture: two French articles, their claims, and quotes anchored in them."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count

from claims.models import (
    ANCHOR_CONTEXT,
    Appearance,
    Claim,
    Evidence,
    Property,
    Source,
    Subject,
    SubjectAlias,
    Verdict,
    normalise_name,
)

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
SEED_FILES = {1: "000_09b35d35c57cf6ec.txt", 2: "002_161579942a1dd780.txt"}
CATALOGUE_SIZE = 21


def test_two_french_sources_with_matching_checksums(deepseek):
    sources = list(Source.objects.order_by("pk"))

    assert [source.pk for source in sources] == [1, 2]
    for source in sources:
        assert source.language == "fr"
        assert source.title
        assert source.text
        assert source.text_sha256 == hashlib.sha256(source.text.encode("utf-8")).hexdigest()
        assert (source.published_on is None) == (source.published_precision == "")


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed articles are not in {SEEDS}")
def test_source_texts_are_the_seed_files_byte_for_byte(deepseek):
    for pk, name in SEED_FILES.items():
        assert Source.objects.get(pk=pk).text.encode("utf-8") == (SEEDS / name).read_bytes()


def test_every_appearance_is_anchored_in_its_source(deepseek):
    appearances = list(Appearance.objects.select_related("source"))

    assert appearances
    for appearance in appearances:
        text = appearance.source.text
        start, end = appearance.start, appearance.end
        assert 0 <= start < end <= len(text)
        assert text[start:end] == appearance.exact
        assert appearance.prefix == text[max(0, start - ANCHOR_CONTEXT) : start]
        assert appearance.suffix == text[end : end + ANCHOR_CONTEXT]


def test_catalogue_claims_each_have_an_appearance(deepseek):
    claims = Claim.objects.annotate(quotes=Count("appearances"))

    assert claims.count() >= CATALOGUE_SIZE
    assert set(range(1, CATALOGUE_SIZE + 1)) <= set(claims.values_list("pk", flat=True))
    assert list(claims.filter(quotes=0).values_list("pk", flat=True)) == []
    assert not claims.exclude(status="new").exists()


def test_no_verdicts_evidence_or_users(deepseek):
    from django.contrib.auth import get_user_model

    assert not Verdict.objects.exists()
    assert not Evidence.objects.exists()
    assert not get_user_model().objects.exists()


def test_normalised_names_match_the_model_function(deepseek):
    for subject in Subject.objects.all():
        assert subject.normalised_name == normalise_name(subject.name)
    for alias in SubjectAlias.objects.all():
        assert alias.normalised_alias == normalise_name(alias.alias)
    assert Subject.objects.resolve("R1") == Subject.objects.get(name="DeepSeek-R1")


def test_founding_dates_disagree_on_the_same_subject_and_property(deepseek):
    a, b = Claim.objects.get(pk=1), Claim.objects.get(pk=10)

    assert (a.subject.name, a.property.code) == ("DeepSeek", "founding-date")
    assert (b.subject_id, b.property_id) == (a.subject_id, a.property_id)
    assert (a.value_date, a.value_date_precision) == (date(2023, 5, 1), "month")
    assert (b.value_date, b.value_date_precision) == (date(2021, 1, 1), "year")
    assert a.appearances.get().source_id == 1
    assert b.appearances.get().source_id == 2


def test_r1_prices_disagree_on_the_same_subject_and_property(deepseek):
    a, b = Claim.objects.get(pk=6), Claim.objects.get(pk=14)

    assert (a.subject.name, a.property.code) == ("DeepSeek-R1", "price-per-unit")
    assert (b.subject_id, b.property_id) == (a.subject_id, a.property_id)
    for claim, amount in ((a, Decimal("0.14")), (b, Decimal("0.55"))):
        assert claim.value_kind == "money"
        assert claim.value_number == amount
        assert claim.value_currency == "USD"
        assert claim.value_unit == "token"
        assert claim.value_per == Decimal(1_000_000)
    assert a.value_qualifier == "at_least"


def test_openai_price_is_about_another_subject(deepseek):
    openai = Claim.objects.get(pk=7)
    r1_price = Claim.objects.get(pk=6)

    assert openai.property_id == r1_price.property_id
    assert openai.subject_id != r1_price.subject_id
    assert openai.subject.name == "OpenAI o1"
    assert openai.value_number == Decimal("7.50")
    assert (openai.value_currency, openai.value_unit) == ("USD", "token")
    assert openai.value_per == Decimal(1_000_000)


def test_quantities(deepseek):
    parameters = Claim.objects.get(pk=12)
    gpus = Claim.objects.get(pk=16)

    assert parameters.property.code == "parameter-count"
    assert parameters.subject.name == "DeepSeek-R1"
    assert parameters.value_number == Decimal(671_000_000_000)
    assert parameters.value_unit == "parameter"
    assert gpus.property.code == "gpu-count"
    assert gpus.value_number == Decimal(2000)
    assert gpus.value_unit == "GPU"


def test_data_location_claims_corroborate(deepseek):
    a, b = Claim.objects.get(pk=8), Claim.objects.get(pk=20)

    assert (a.subject.name, a.property.code) == ("DeepSeek", "data-location")
    assert (b.subject_id, b.property_id) == (a.subject_id, a.property_id)
    assert normalise_name(a.value_text) == normalise_name(b.value_text)
    assert {a.appearances.get().source_id, b.appearances.get().source_id} == {1, 2}


def test_loading_twice_duplicates_nothing(deepseek):
    models = [Source, Subject, SubjectAlias, Property, Claim, Appearance]
    before = {model: model.objects.count() for model in models}
    spans = sorted(Appearance.objects.values_list("claim_id", "source_id", "start", "end"))

    call_command("loaddata", "deepseek", verbosity=0)

    assert {model: model.objects.count() for model in models} == before
    assert sorted(Appearance.objects.values_list("claim_id", "source_id", "start", "end")) == (
        spans
    )


def test_the_demo_has_a_reviewer_and_two_editors(db, tmp_path, monkeypatch) -> None:
    from claims import demo
    from claims.roles import EDITOR, REVIEWER, is_editor

    monkeypatch.setattr(demo, "PASSWORD_FILE", tmp_path / ".demo-passwords")
    accounts = demo.ensure_demo_accounts()
    assert [(a.username, a.role) for a in accounts] == [
        ("reviewer", REVIEWER),
        ("editor", EDITOR),
        ("editor2", EDITOR),
    ]
    editors = [a for a in accounts if a.role == EDITOR]
    user_model = get_user_model()
    assert all(is_editor(user_model.objects.get(username=a.username)) for a in editors)
    # The same passwords on the next run.
    assert demo.ensure_demo_accounts() == accounts
