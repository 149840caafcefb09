"""How well the suggester reads news it was not written for: the development corpus.

tests/corpus/ holds French and English articles written for this purpose from
real published stories, each annotated by hand (see its README). This module
prints, per language, figure recall and precision and the accuracy of the
suggested subjects and properties, and checks them against the targets; then,
for each story told in both languages, it imports the two articles, accepts
every suggestion exactly as proposed, and checks that the disagreements page
holds the expected conflicts and corroborations, and no other conflict.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from claims import articles, claiming
from claims.choices import Agreement, DatePrecision
from claims.models import Dispute, Property, Subject
from claims.suggestions import suggestions_for
from tests.suggestion_corpus import CORPUS, load_article, pairs, score, scores_by_language
from tests.suggestion_corpus import articles as corpus_articles

RECALL, PRECISION, SUBJECT, PROPERTY = 0.95, 0.80, 0.90, 0.85
CODE = Path(__file__).resolve().parent.parent / "claims"
SUGGESTER = [
    "suggestions.py",
    "reading.py",
    "newswords.py",
    "properties.py",
    "statements.py",
    "glossary.py",
]


def test_the_corpus_is_what_the_issue_asks_for() -> None:
    corpus = corpus_articles()
    by_language = {lang: [a for a in corpus if a.language == lang] for lang in ("fr", "en")}
    assert len(by_language["fr"]) >= 6 and len(by_language["en"]) >= 6
    topics = {a.topic for a in corpus}
    assert {"economy", "politics", "health", "climate", "sport", "technology"} <= topics
    stories = {story for story, comparisons in pairs().items() if comparisons}
    assert len(stories) >= 3
    for story in stories:
        assert {a.language for a in corpus if a.story == story} == {"fr", "en"}, story
    for article in corpus:
        assert article.figures, article.stem


def _rule_strings(source: str) -> str:
    """Every string constant of a module but its docstrings."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return "\n".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    )


def test_no_rule_names_what_only_the_corpus_contains() -> None:
    """General lexicons (countries, international bodies, diseases, the press, the
    bilingual glossary of common nouns) may name things the corpus names; no rule may
    name a corpus's own companies, people, products or places."""
    from claims import glossary, newswords

    general = (
        set(newswords.equivalents())
        | newswords.DISEASES
        | newswords.MEDIA_NAMES
        | newswords.INDEX_NAMES
        | set(glossary.entries())
    )
    # Rules are the string literals the code matches against; docstrings and comments
    # may quote an article to say why a rule exists.
    code = "\n".join(
        _rule_strings((CODE / name).read_text(encoding="utf-8")) for name in SUGGESTER
    ).casefold()
    names = {f.subject for a in corpus_articles() for f in a.figures}
    leaked = []
    for name in names:
        folded = newswords.fold(name)
        if folded in general or folded.removeprefix("the ") in general or len(folded) < 4:
            continue
        if re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", code):
            leaked.append(name)
    assert leaked == []


# Today's numbers, a little below: a change that reads the corpus worse fails.
FLOORS = {
    "fr": {"recall": 0.98, "precision": 0.99, "subject": 0.90, "property": 0.88},
    "en": {"recall": 0.97, "precision": 0.99, "subject": 0.91, "property": 0.90},
}


def test_suggestions_on_the_corpus_keep_what_they_reached(capsys) -> None:
    totals = scores_by_language(corpus_articles())
    with capsys.disabled():
        print()
        for language, total in sorted(totals.items()):
            print(total.line(f"suggestions on the corpus ({language})"))
    for language, total in totals.items():
        floor = FLOORS[language]
        details = "\n".join(total.misses + total.wrong)
        assert total.recall >= floor["recall"], f"{language} recall\n{details}"
        assert total.precision >= floor["precision"], f"{language} precision\n{details}"
        assert total.subject_accuracy >= floor["subject"], f"{language} subjects\n{details}"
        assert total.property_accuracy >= floor["property"], f"{language} properties\n{details}"


def test_suggestions_on_the_corpus_meet_the_targets() -> None:
    for language, total in scores_by_language(corpus_articles()).items():
        details = "\n".join(total.misses + total.wrong)
        assert total.recall >= RECALL, f"{language} recall\n{details}"
        assert total.precision >= PRECISION, f"{language} precision\n{details}"
        assert total.subject_accuracy >= SUBJECT, f"{language} subjects\n{details}"
        assert total.property_accuracy >= PROPERTY, f"{language} properties\n{details}"


@pytest.mark.parametrize("stem", [a.stem for a in corpus_articles()])
def test_every_caption_repeat_is_offered_once(stem) -> None:
    article = load_article(stem)
    result = score(article)
    assert not [w for w in result.wrong if "(repeat)" in w]


# --- a story told in two languages, accepted as proposed ---------------------------------


def accept_everything(source, reviewer) -> int:
    """Accept every suggestion as the article page proposes it; how many were accepted."""
    properties = {p.code: p for p in Property.objects.all()}
    accepted = 0
    # Accepting one figure leaves the others on offer (see suggestions_for), so the
    # suggestions are read once, as the page lists them when the article opens.
    for suggestion in sorted(suggestions_for(source), key=lambda s: s.start):
        if suggestion.value is None:
            continue
        claiming.accept_suggestion(
            suggestion,
            source=source,
            by=reviewer,
            statement=suggestion.statement("en"),
            subject=suggestion.subject or "(unknown)",
            property=properties[suggestion.property_code],
            value_fields=suggestion.claim_fields(),
        )
        accepted += 1
    assert suggestions_for(source) == [s for s in suggestions_for(source) if s.value is None]
    return accepted


def import_story(article, reviewer):
    return articles.import_article(
        text=article.text,
        language=article.language,
        title=article.text.split("\n", 1)[0],
        published_on=article.published,
        published_precision=DatePrecision.DAY,
        by=reviewer,
    )


def find_dispute(subject: str, code: str) -> Dispute | None:
    found = Subject.objects.resolve(subject)
    if found is None:
        return None
    return Dispute.objects.filter(subject=found, property__code=code).first()


STORIES = sorted(story for story, comparisons in pairs().items() if comparisons)


# What the workbench reaches today on each story (found expected comparisons, unexpected
# conflicts): a change that finds fewer, or calls more conflicts, fails. The issue's
# target is every comparison and no other conflict (the strict test after this one).
REACHED = {
    "deepseek-nvidia-rout": (22, 0),
    "eu-wildfires-2025": (12, 0),
    "isak-liverpool": (13, 0),
    "lvmh-2024-results": (19, 0),
}


def compare_story(story: str, reviewer) -> tuple[int, list[str], list[str]]:
    """Import the story's two articles, accept everything as proposed; the expected
    comparisons found, those missed, and the conflicts nobody expected."""
    english = load_article(f"{story}.en")
    french = load_article(f"{story}.fr")
    for article in (english, french):
        source = import_story(article, reviewer)
        accept_everything(source, reviewer)
    expected = pairs()[story]
    found, missing = 0, []
    for comparison in expected:
        dispute = find_dispute(comparison["subject"], comparison["property"])
        got = dispute.agreement if dispute else Agreement.NOT_COMPARABLE
        if got == comparison["expected"]:
            found += 1
        else:
            missing.append(f"{comparison['subject']} · {comparison['property']}: {got}")
    expected_conflicts = {
        (Subject.objects.resolve(c["subject"]), c["property"])
        for c in expected
        if c["expected"] == Agreement.CONFLICT
    }
    unexpected = [
        f"{d.subject} · {d.property.code}"
        for d in Dispute.objects.filter(agreement=Agreement.CONFLICT).select_related(
            "subject", "property"
        )
        if (d.subject, d.property.code) not in expected_conflicts
    ]
    return found, missing, unexpected


@pytest.mark.django_db
@pytest.mark.parametrize("story", STORIES)
def test_a_story_in_two_languages_keeps_what_it_reached(story, reviewer, capsys) -> None:
    found, missing, unexpected = compare_story(story, reviewer)
    with capsys.disabled():
        print(
            f"\n{story}: {found}/{found + len(missing)} expected comparisons found; "
            f"{len(unexpected)} unexpected conflicts"
            + "".join(f"\n  missed: {m}" for m in missing)
            + "".join(f"\n  unexpected conflict: {u}" for u in unexpected)
        )
    least, most = REACHED[story]
    assert found >= least, "\n".join([*missing, "claims made:", *claims_made()])
    assert len(unexpected) <= most, "\n".join([*unexpected, "claims made:", *claims_made()])


# Stories whose every expected comparison is found, with no other conflict.
MET = {"deepseek-nvidia-rout", "eu-wildfires-2025", "isak-liverpool", "lvmh-2024-results"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "story",
    [
        story
        if story in MET
        else pytest.param(
            story,
            marks=pytest.mark.xfail(
                strict=True,
                reason="issue 13's target (every expected comparison, no other conflict) "
                "is not reached yet on this story; see README, 'Measured'",
            ),
        )
        for story in STORIES
    ],
)
def test_a_story_in_two_languages_accepted_as_proposed(story, reviewer) -> None:
    _found, missing, unexpected = compare_story(story, reviewer)
    assert missing == [] and unexpected == []


def claims_made() -> list[str]:
    from claims.models import Claim

    rows = Claim.objects.select_related("subject", "property").prefetch_related(
        "appearances__source"
    )
    return sorted(
        f"{c.subject.name} · {c.property.code} · {c.value_text} · "
        + ",".join(a.source.language for a in c.appearances.all())
        for c in rows
    )


def test_corpus_files_are_paired() -> None:
    for path in CORPUS.glob("*.txt"):
        assert path.with_suffix(".toml").exists(), path.name
