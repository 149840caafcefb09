"""Small builders for test data: real rows, through the models' own rules."""

from __future__ import annotations

import itertools

from claims.models import Appearance, Claim, Property, Source, Subject

_counter = itertools.count(1)

ARTICLE_TEXT = (
    "La société Exemple a été fondée en 2019 à Lyon.\n"
    "Elle emploie 1 200 personnes et vise un chiffre d'affaires de 3 millions d'euros.\n"
)


def make_source(**fields) -> Source:
    n = next(_counter)
    fields.setdefault("title", f"Article {n}")
    fields.setdefault("language", "fr")
    fields.setdefault("text", ARTICLE_TEXT + f"Numéro {n}.\n")
    return Source.objects.create(**fields)


def make_subject(name: str | None = None) -> Subject:
    return Subject.objects.create(name=name or f"Subject {next(_counter)}")


def make_claim(
    *,
    source: Source | None = None,
    quote: str = "fondée en 2019",
    subject: Subject | None = None,
    property_code: str = "founding-date",
    **fields,
) -> Claim:
    fields.setdefault("statement", f"Exemple was founded in 2019 (#{next(_counter)}).")
    claim = Claim.objects.create(
        subject=subject or make_subject(),
        property=Property.objects.get(code=property_code),
        **fields,
    )
    source = source or make_source()
    Appearance.find(claim=claim, source=source, exact=quote).save()
    return claim
