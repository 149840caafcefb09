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


def make_crowded_dispute(
    count: int,
    *,
    subject: str = "Valmont",
    years: tuple[int, ...] = (2019, 2021),
    articles: int = 12,
    evidence: bool = True,
):
    """A disagreement of ``count`` claims, written in bulk as an archive of a million
    claims holds one (its busiest has some 2,500): the founding year, each claim
    stating one of ``years`` (the first for three claims in five, the others in turn),
    quoted in one of ``articles`` dated articles stating that year, with one piece of
    supporting evidence each. Bulk writes send no signal: the dispute is computed at
    the end."""
    import datetime

    from claims import disputes
    from claims.models import Dispute, Evidence

    # Each article states one year: the sources disagree.
    sources = {
        year: [
            make_source(
                title=f"Annuaire {year} {n}",
                publisher=f"Annuaire {n}",
                text=f"Valmont. Valmont a été fondée en {year}.\n",
                published_on=datetime.date(2025, 1, 1 + n % 28),
                published_precision="day",
            )
            for n in range(articles)
        ]
        for year in years
    }
    owner = make_subject(subject)
    founding = Property.objects.get(code="founding-date")
    claims = []
    for n in range(count):
        year = years[0] if n % 5 < 3 or len(years) == 1 else years[1 + n % (len(years) - 1)]
        claims.append(
            Claim(
                subject=owner,
                property=founding,
                statement=f"Valmont was founded in {year} (#{n + 1}).",
                value_kind="date",
                value_text=str(year),
                value_date=datetime.date(year, 1, 1),
                value_date_precision="year",
            )
        )
    Claim.objects.bulk_create(claims, batch_size=500)
    Appearance.objects.bulk_create(
        [
            Appearance.find(
                claim=claim,
                source=sources[claim.value_date.year][n % articles],
                exact=f"fondée en {claim.value_text}",
            )
            for n, claim in enumerate(claims)
        ],
        batch_size=500,
    )
    if evidence:
        Evidence.objects.bulk_create(
            [
                Evidence(
                    claim=claim,
                    url=f"https://registry.example.org/valmont/{n + 1}",
                    title=f"Registry extract {n + 1}",
                    excerpt=f"Registered in {claim.value_text}.",
                    stance="supports",
                )
                for n, claim in enumerate(claims)
            ],
            batch_size=500,
        )
    disputes.refresh_group(owner.pk, founding.pk)
    return Dispute.objects.get(subject=owner, property=founding)
