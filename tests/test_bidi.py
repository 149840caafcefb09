"""Direction controls in article text are shown as marks, and a quote holding any is flagged."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import bidi
from tests.factories import make_claim, make_source

pytestmark = pytest.mark.django_db

# "Le prix est de 0,55 $" with the figure reversed on screen by an override.
TRICK = "Le prix est de \u202e55,0\u202c $ par million."
CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"]
CONTROLS += ["\u2069", "\u200e", "\u200f", "\u061c"]


@pytest.mark.parametrize("char", CONTROLS)
def test_every_control_is_shown_as_a_named_mark(char) -> None:
    html = bidi.show_controls(f"a{char}b")
    assert char not in html
    assert f">[{bidi.CONTROLS[char]}]</span>" in html
    assert f"U+{ord(char):04X}" in html
    assert bidi.has_controls(f"a{char}b")


def test_the_text_around_the_marks_is_still_escaped() -> None:
    html = bidi.show_controls('<script>alert(1)</script>\u202e<span class="bidi-control">')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<span") == 1


def test_plain_text_is_only_escaped() -> None:
    assert bidi.show_controls("Fondée en 2023 <b>") == "Fondée en 2023 &lt;b&gt;"
    assert not bidi.has_controls("Fondée en 2023 — مرحبا")  # right-to-left letters are text


@pytest.fixture
def tricked(deepseek):
    source = make_source(text=f"{TRICK}\nSuite de l'article.\n")
    return make_claim(source=source, quote="\u202e55,0\u202c $")


def test_the_article_page_shows_marks_not_controls(client, reviewer, tricked) -> None:
    client.force_login(reviewer)
    html = client.get(tricked.appearances.get().source.get_absolute_url()).text
    assert "\u202e" not in html and "\u202c" not in html
    assert "[RLO]" in html and "[PDF]" in html


def test_the_claim_page_flags_the_quote(client, reviewer, tricked) -> None:
    client.force_login(reviewer)
    html = client.get(reverse("claim_detail", args=[tricked.pk])).text
    assert "\u202e" not in html
    assert "[RLO]" in html
    assert "characters that change the direction of text" in html


def test_a_plain_quote_is_not_flagged(client, reviewer) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    html = client.get(reverse("claim_detail", args=[claim.pk])).text
    assert "characters that change the direction of text" not in html


def test_text_without_markup_names_the_controls() -> None:
    assert bidi.named_controls(TRICK) == "Le prix est de [RLO]55,0[PDF] $ par million."
    assert bidi.named_controls("") == ""


def test_the_dispute_page_shows_marks_not_controls(client, reviewer, deepseek) -> None:
    from claims import disputes, workflow
    from claims.choices import Stance
    from claims.models import Claim, Dispute

    disputes.refresh_all()
    dispute = Dispute.objects.get(subject__name="DeepSeek", property__code="founding-date")
    claim = Claim.objects.filter(subject=dispute.subject, property=dispute.property).first()
    workflow.add_evidence(
        claim, by=reviewer, stance=Stance.REFUTES, url="https://example.org/r", excerpt=TRICK
    )
    client.force_login(reviewer)
    html = client.get(dispute.get_absolute_url()).text
    assert "\u202e" not in html and "\u202c" not in html
    assert "[RLO]" in html
