"""Reading the suggester's development corpus (tests/corpus/) and scoring suggestions on it.

See tests/corpus/README.md for the files. Scoring, per article:

- a figure is **found** when a suggestion with a value overlaps its words;
- **precision** counts suggestions with a value that overlap an annotated figure
  (not a caption's repeat) among all suggestions with a value;
- **subject** and **property** accuracy are over the found figures: the
  suggestion names the annotated subject (case, accents and hyphens aside) and
  property code;
- **value** accuracy: the suggestion's normalised value is the annotated one.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from claims.choices import DatePrecision, ValueKind
from claims.models import normalise_name
from claims.suggestions import Suggestion, suggest

CORPUS = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    exact: str
    subject: str
    property: str
    value: str
    currency: str
    repeat: bool


@dataclass
class Article:
    stem: str
    language: str
    topic: str
    story: str
    published: datetime.date
    text: str
    figures: list[Figure]

    @property
    def expected(self) -> list[Figure]:
        return [f for f in self.figures if not f.repeat]


def load_article(stem: str) -> Article:
    data = tomllib.loads((CORPUS / f"{stem}.toml").read_text(encoding="utf-8"))
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    figures = []
    for entry in data.get("figure", []):
        match = re.fullmatch(r"(.*)\[(.+?)\](.*)", entry["at"], re.S)
        assert match, f"{stem}: no [figure] in {entry['at']!r}"
        plain = match.group(1) + match.group(2) + match.group(3)
        assert text.count(plain) == 1, f"{stem}: {plain!r} is not found exactly once"
        start = text.index(plain) + len(match.group(1))
        figures.append(
            Figure(
                start=start,
                end=start + len(match.group(2)),
                exact=match.group(2),
                subject=entry["subject"],
                property=entry["property"],
                value=str(entry["value"]),
                currency=entry.get("currency", ""),
                repeat=bool(entry.get("repeat", False)),
            )
        )
    return Article(
        stem=stem,
        language=data["language"],
        topic=data["topic"],
        story=data["story"],
        published=datetime.date.fromisoformat(str(data["published"])),
        text=text,
        figures=sorted(figures, key=lambda f: f.start),
    )


def articles() -> list[Article]:
    stems = sorted(
        path.name.removesuffix(".toml")
        for path in CORPUS.glob("*.toml")
        if not path.name.endswith(".pairs.toml")
    )
    return [load_article(stem) for stem in stems]


def pairs() -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for path in sorted(CORPUS.glob("*.pairs.toml")):
        story = path.name.removesuffix(".pairs.toml")
        found[story] = tomllib.loads(path.read_text(encoding="utf-8")).get("comparison", [])
    return found


def normalised(suggestion: Suggestion) -> tuple[str, str]:
    """The suggestion's value as the corpus writes it: (value, currency)."""
    value = suggestion.value
    if value is None:
        return suggestion.exact, ""
    if value.kind == ValueKind.DATE and value.date is not None:
        if value.date_precision == DatePrecision.YEAR:
            return f"{value.date.year:04d}", ""
        if value.date_precision == DatePrecision.MONTH:
            return f"{value.date.year:04d}-{value.date.month:02d}", ""
        return value.date.isoformat(), ""
    if value.number is None:
        return value.text, value.currency
    return format(abs(value.number).normalize(), "f"), value.currency


def same_value(suggestion: Suggestion, figure: Figure) -> bool:
    value, currency = normalised(suggestion)
    if currency != figure.currency:
        return False
    try:
        return Decimal(value) == Decimal(figure.value)
    except ArithmeticError:
        return value == figure.value


def same_subject(suggestion: Suggestion, figure: Figure) -> bool:
    """The same name, or one name within the other for a group the text names by a phrase:
    "Rassemblement national" for "Rassemblement national et ses alliés"."""
    got, want = normalise_name(suggestion.subject), normalise_name(figure.subject)
    if got == want:
        return True
    shorter, longer = sorted((got.split(), want.split()), key=len)
    return (
        bool(shorter)
        and len(shorter) * 2 >= len(longer)
        and (longer[: len(shorter)] == shorter or longer[-len(shorter) :] == shorter)
    )


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    suggested: int = 0
    correct: int = 0  # suggestions with a value that overlap an expected figure
    subjects: int = 0
    properties: int = 0
    values: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "expected",
            "found",
            "suggested",
            "correct",
            "subjects",
            "properties",
            "values",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.wrong += other.wrong

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def recall(self) -> float:
        return self.ratio(self.found, self.expected)

    @property
    def precision(self) -> float:
        return self.ratio(self.correct, self.suggested)

    @property
    def subject_accuracy(self) -> float:
        return self.ratio(self.subjects, self.found)

    @property
    def property_accuracy(self) -> float:
        return self.ratio(self.properties, self.found)

    @property
    def value_accuracy(self) -> float:
        return self.ratio(self.values, self.found)

    def line(self, label: str) -> str:
        return (
            f"{label}: recall {self.found}/{self.expected} = {self.recall:.0%}, "
            f"precision {self.correct}/{self.suggested} = {self.precision:.0%}, "
            f"subject {self.subjects}/{self.found} = {self.subject_accuracy:.0%}, "
            f"property {self.properties}/{self.found} = {self.property_accuracy:.0%}, "
            f"value {self.values}/{self.found} = {self.value_accuracy:.0%}"
        )


def score(article: Article, suggestions: list[Suggestion] | None = None) -> Score:
    if suggestions is None:
        suggestions = suggest(article.text, article.language, reference=article.published)
    figured = [s for s in suggestions if s.value is not None]
    result = Score(expected=len(article.expected), suggested=len(figured))
    for suggestion in figured:
        overlapping = [
            f for f in article.figures if f.start < suggestion.end and suggestion.start < f.end
        ]
        if any(not f.repeat for f in overlapping):
            result.correct += 1
        else:
            kind = "repeat" if overlapping else "not a figure"
            result.wrong.append(f"{article.stem}: {suggestion.exact!r} ({kind})")
    for figure in article.expected:
        match = next((s for s in figured if figure.start < s.end and s.start < figure.end), None)
        if match is None:
            result.misses.append(f"{article.stem}: missed {figure.exact!r}")
            continue
        result.found += 1
        ok_subject = same_subject(match, figure)
        ok_property = match.property_code == figure.property
        ok_value = same_value(match, figure)
        result.subjects += ok_subject
        result.properties += ok_property
        result.values += ok_value
        if not (ok_subject and ok_property and ok_value):
            result.wrong.append(
                f"{article.stem}: {figure.exact!r}: "
                + (f"subject {match.subject!r} ≠ {figure.subject!r}; " if not ok_subject else "")
                + (
                    f"property {match.property_code} ≠ {figure.property}; "
                    if not ok_property
                    else ""
                )
                + (
                    f"value {normalised(match)} ≠ {(figure.value, figure.currency)}"
                    if not ok_value
                    else ""
                )
            )
    return result


def scores_by_language(corpus: list[Article]) -> dict[str, Score]:
    totals: dict[str, Score] = defaultdict(Score)
    for article in corpus:
        totals[article.language].add(score(article))
    return dict(totals)
