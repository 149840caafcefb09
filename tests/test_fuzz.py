"""Random text never crashes the readers of values (property-based, with Hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.suggestions import split_sentences, suggest
from claims.values import find_values, format_value, parse_value

# Text that looks like news figures often enough to reach the deep branches:
# digits, separators, currency signs, scale and month words, and anything else.
NEWSY = st.lists(
    st.one_of(
        st.sampled_from(list("0123456789 ,.\u00a0\u202f%$€£¥-+/:'’\n")),
        st.sampled_from(
            [
                "milliards",
                "million",
                "billion",
                "mai",
                "May",
                "2023",
                "heures",
                "USD",
                "par",
                "per",
                "environ",
                "about",
                "troisième",
                "3rd",
                "pour un million de jetons",
            ]
        ),
        st.characters(),
    ),
    max_size=40,
).map("".join)

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=st.one_of(NEWSY, st.text(max_size=200)), language=st.sampled_from(["fr", "en"]))
def test_find_values_never_crashes_and_spans_are_exact(text: str, language: str) -> None:
    found = find_values(text, language)
    previous_end = 0
    for value in found:
        assert text[value.start : value.end] == value.text
        assert value.start >= previous_end
        previous_end = value.end
        assert format_value(value, language)


@FUZZ
@given(text=st.one_of(NEWSY, st.text(max_size=200)), language=st.sampled_from(["fr", "en"]))
def test_parse_value_returns_a_value_or_none(text: str, language: str) -> None:
    parsed = parse_value(text, language)
    if parsed is not None:
        assert text[parsed.start : parsed.end] == parsed.text


@FUZZ
@given(
    text=st.one_of(NEWSY, st.text(max_size=300)),
    language=st.sampled_from(["fr", "en"]),
)
def test_suggestions_never_crash_and_point_at_their_words(text: str, language: str) -> None:
    for suggestion in suggest(text, language):
        assert text[suggestion.start : suggestion.end] == suggestion.exact
        assert suggestion.sentence_start <= suggestion.start <= suggestion.end
        assert suggestion.end <= suggestion.sentence_end


@FUZZ
@given(text=st.one_of(NEWSY, st.text(max_size=300)), language=st.sampled_from(["fr", "en"]))
def test_sentences_cover_the_text_in_order(text: str, language: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text, language):
        assert sentence.start >= previous_end
        previous_end = sentence.end


def test_a_superscript_digit_after_a_name_is_not_read_as_an_age() -> None:
    # Found by the test above: "²" is a digit (str.isdigit) but no number int() reads.
    for language in ("fr", "en"):
        for text in ("Jensen Huang (²)", "0:Ab(²"):
            for suggestion in suggest(text, language):
                assert text[suggestion.start : suggestion.end] == suggestion.exact
