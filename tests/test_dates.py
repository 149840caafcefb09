"""Dates read the same way in both languages, with the month's name, in local time;
date boxes take the day-first form, the month's name and ISO."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from claims import dates
from claims.models import Claim
from tests.crawl import crawl, visible_texts
from tests.factories import make_claim
from tests.test_i18n import ENGLISH, FRENCH

pytestmark = pytest.mark.django_db

MOMENT = datetime.datetime(2026, 12, 4, 3, 8, 40, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "4 Dec 2026, 04:08"), ("fr", "4 déc. 2026, 04:08")]
)
def test_a_moment_is_shown_with_its_month_name_in_local_time(language, expected) -> None:
    with translation.override(language):
        assert dates.format_datetime(MOMENT) == expected


def test_the_configured_time_zone_is_the_one_shown(settings) -> None:
    settings.TIME_ZONE = "America/New_York"
    with translation.override("en"):
        assert dates.format_datetime(MOMENT) == "3 Dec 2026, 22:08"


@pytest.mark.parametrize(
    ("language", "precision", "expected"),
    [
        ("en", "day", "1 May 2023"),
        ("en", "month", "May 2023"),
        ("en", "year", "2023"),
        ("fr", "day", "1 mai 2023"),
        ("fr", "month", "mai 2023"),
    ],
)
def test_a_date_is_cut_to_what_is_known_of_it(language, precision, expected) -> None:
    with translation.override(language):
        assert dates.format_date(datetime.date(2023, 5, 1), precision) == expected


DAY = datetime.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-04", (DAY, "day")),
        ("4/12/2026", (DAY, "day")),
        ("04/12/2026", (DAY, "day")),
        ("4.12.2026", (DAY, "day")),
        ("4 Dec 2026", (DAY, "day")),
        ("4 déc. 2026", (DAY, "day")),
        ("4 décembre 2026", (DAY, "day")),
        ("December 4, 2026", (DAY, "day")),
        ("  4   DEC   2026 ", (DAY, "day")),
        ("1er mai 2023", (datetime.date(2023, 5, 1), "day")),
        ("Sept 2020", (datetime.date(2020, 9, 1), "month")),
        ("juil. 2020", (datetime.date(2020, 7, 1), "month")),
        ("12/2026", (datetime.date(2026, 12, 1), "month")),
        ("2026-12", (datetime.date(2026, 12, 1), "month")),
        ("2026", (datetime.date(2026, 1, 1), "year")),
    ],
)
def test_dates_are_read_as_either_interface_writes_them(typed, expected) -> None:
    assert dates.parse_date(typed) == expected


@pytest.mark.parametrize(
    "typed", ["", "12/31/2026", "31/02/2026", "jui 2026", "4 foo 2026", "yesterday", "2026-13"]
)
def test_a_date_that_cannot_be_read_one_way_only_is_refused(typed) -> None:
    assert dates.parse_date(typed) is None


@pytest.mark.parametrize("typed", ["5/3/2025", "05/03/2025", "5 mars 2025", "March 5, 2025"])
def test_the_list_filters_by_dates_typed_either_way(client, reviewer, typed) -> None:
    old, new = make_claim(), make_claim()
    Claim.objects.filter(pk=old.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2025, 3, 4, 23, 0))
    )
    Claim.objects.filter(pk=new.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2025, 3, 5, 0, 30))
    )
    client.force_login(reviewer)
    iso = client.get(reverse("claim_list"), {"added_after": "2025-03-05"})
    typed_page = client.get(reverse("claim_list"), {"added_after": typed})
    assert [c.pk for c in typed_page.context["page"]] == [new.pk]
    assert [c.pk for c in iso.context["page"]] == [new.pk]
    before = client.get(reverse("claim_list"), {"added_before": typed.replace("5", "4", 1)})
    assert [c.pk for c in before.context["page"]] == [old.pk]


def test_a_date_box_is_one_text_box_and_says_how_to_write_it(client, reviewer) -> None:
    client.force_login(reviewer)
    page = client.get(reverse("claim_list"), {"added_after": "32/01/2025"}, **ENGLISH).text
    assert '<input type="text" name="added_after"' in page
    assert 'type="date"' not in page
    assert "Enter a date such as 4/12/2026, 4 Dec 2026 or 2026-12-04." in page
    assert "Day first: 4/12/2026, 4 Dec 2026 or 2026-12-04." in page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_claim_form_shows_and_takes_back_its_date(
    client, reviewer, deepseek, compiled_catalogue, language
) -> None:
    claim = Claim.objects.get(statement="DeepSeek was founded in May 2023.")
    client.force_login(reviewer)
    headers = FRENCH if language == "fr" else ENGLISH
    page = client.get(reverse("claim_edit", args=[claim.pk]), **headers).text
    shown = {"en": "1 May 2023", "fr": "1 mai 2023"}[language]
    assert f'name="value_date" value="{shown}"' in page
    assert 'type="date"' not in page
    data = {
        "statement": claim.statement,
        "subject": claim.subject.name,
        "property": claim.property_id,
        "value_text": claim.value_text,
        "value_kind": claim.value_kind,
        "value_qualifier": claim.value_qualifier,
        "value_date": "17/07/2023",
        "value_date_precision": "day",
        "version": claim.version,
    }
    response = client.post(reverse("claim_edit", args=[claim.pk]), data, **headers)
    assert response.status_code == 302, response.text
    claim.refresh_from_db()
    assert claim.value_date == datetime.date(2023, 7, 17)


DATE_SHOWN = re.compile(r"^\d{1,2} [^\W\d_]+\.? \d{4}(, \d{2}:\d{2})?$")
RAW = re.compile(r"\+00:00|\d{4}-\d{2}-\d{2}[ T]\d{2}:|\b[ap]\.m\.|\b\d{2}/\d{2}/\d{4} \d")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_shows_dates_one_way(
    client, editor, reviewed_case, compiled_catalogue, language
):
    client.force_login(editor)
    headers = FRENCH if language == "fr" else ENGLISH
    times: list[str] = []
    raw: list[str] = []
    for visit in crawl(client, **headers):
        times += re.findall(r"<time [^>]*>([^<]*)</time>", visit.html)
        raw += [f"{visit.url}: {text}" for text in visible_texts(visit.html) if RAW.search(text)]
    assert len(times) > 20
    assert all(DATE_SHOWN.match(text) for text in times), {
        t for t in times if not DATE_SHOWN.match(t)
    }
    assert not raw, raw
