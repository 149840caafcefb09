"""Taking claims from suggestions: the draft statement, what the workbench already holds
(alignment), corrections that teach the article's other suggestions, new properties named
from the accept form, and one-click acceptance."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from claims import claiming
from claims.alignment import AGREES, CONFLICTS, NOT_COMPARABLE, align
from claims.choices import Agreement, ValueKind
from claims.models import (
    Claim,
    Dispute,
    Property,
    Source,
    Subject,
    SubjectAlias,
    SuggestionCorrection,
)
from claims.statements import de, draft
from claims.suggestions import apply_corrections, find_suggestion, suggest, suggestions_for
from claims.values import find_values

pytestmark = pytest.mark.django_db

ENGLISH = (
    "Kestrel Labs, the Lisbon start-up founded in March 2019, raised $645 million on Tuesday. "
    "Its Falcon-S model has 3.5 billion parameters and was trained on 4,096 GPUs.\n\n"
    "The company now employs 140 people."
)
FRENCH = (
    "Kestrel Labs, la start-up lisboète fondée en 2021, a levé 645 millions de dollars. "
    "Son modèle Falcon-S compte 3,5 milliards de paramètres et a été entraîné sur 4 000 GPU."
)


def plain(text: str) -> str:
    """Formatted figures use no-break spaces; the tests spell them as plain ones."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def source(text: str, language: str) -> Source:
    return Source.objects.create(
        title=text[:40], language=language, text=text, published_on=datetime.date(2025, 3, 1),
        published_precision="day",
    )  # fmt: skip


def offered(src: Source, exact: str):
    return next(s for s in suggestions_for(src) if s.exact == exact)


def accept(src: Source, exact: str, by, **changes):
    suggestion = offered(src, exact)
    properties = {p.code: p for p in Property.objects.all()}
    fields = {
        "statement": suggestion.statement("en"),
        "subject": suggestion.subject,
        "property": properties[suggestion.property_code],
        "value_fields": suggestion.claim_fields(),
    } | changes
    return claiming.accept_suggestion(suggestion, source=src, by=by, **fields)


# --- the draft statement ---------------------------------------------------------------------


def test_a_short_statement_is_drafted_in_the_interface_language() -> None:
    found = {s.exact: s for s in suggest(ENGLISH, "en")}
    parameters = found["3.5 billion parameters"]
    assert parameters.subject == "Falcon-S"
    assert parameters.statement("en") == "Falcon-S has 3.5 billion parameters."
    assert plain(parameters.statement("fr")) == "Falcon-S compte 3,5 milliards de paramètres."
    founded = found["March 2019"]
    assert founded.statement("en") == "Kestrel Labs was founded in March 2019."
    assert founded.statement("fr") == "Kestrel Labs a vu le jour en mars 2019."
    # The sentence stays the quote.
    assert founded.sentence.startswith("Kestrel Labs, the Lisbon start-up")


def test_french_statements_contract_de() -> None:
    assert de("Apple") == "d’Apple"
    assert de("Le Monde") == "du Monde"
    assert de("Les Échos") == "des Échos"
    assert de("Kestrel Labs") == "de Kestrel Labs"
    value = find_values("12 millions d’euros", "fr")[0]
    assert (
        plain(draft(subject="Orbis", property_code="valuation", value=value, exact="",
                    language="fr"))
        == "La valorisation d’Orbis atteint 12 millions d’euros."
    )  # fmt: skip
    # A property a reviewer added has no template: a plain form.
    assert (
        draft(subject="Orbis", property_code="stores", value=value, exact="", language="en",
              label="number of stores")
        == "Orbis: number of stores, €12 million."
    )  # fmt: skip


# --- what the workbench already holds ----------------------------------------------------------


def test_a_suggestion_shows_how_it_compares_with_the_claims_held(reviewer) -> None:
    english = source(ENGLISH, "en")
    founded = accept(english, "March 2019", reviewer).claim
    parameters = accept(english, "3.5 billion parameters", reviewer).claim
    gpus = accept(english, "4,096 GPUs", reviewer).claim
    french = source(FRENCH, "fr")
    shown = suggestions_for(french)
    properties = {p.code: p for p in Property.objects.all()}
    found = align(shown, source=french, properties=properties, language="en")
    by_exact = {s.exact: found.get(s.key, []) for s in shown}
    # Same subject and property, another article: compared as disagreements are.
    [year] = by_exact["2021"]
    assert (year.relation, year.claim) == (CONFLICTS, founded)
    assert year.message == f"conflicts with #{founded.pk} (March 2019, other article)"
    [params] = by_exact["3,5 milliards de paramètres"]
    assert (params.relation, params.claim) == (AGREES, parameters)
    assert params.message == f"agrees with #{parameters.pk} (3.5 billion parameters, other article)"
    [chips] = by_exact["4 000 GPU"]
    assert (chips.relation, chips.claim) == (AGREES, gpus)  # within 5 %
    # In dollars against a claim in euros: said, and not taken for agreement.
    euro = Claim.objects.create(
        statement="Kestrel Labs raised €600 million.",
        subject=Subject.objects.get(name="Kestrel Labs"),
        property=properties["funding"],
        value_kind=ValueKind.MONEY,
        value_text="€600 million",
        value_number=Decimal("600000000"),
        value_currency="EUR",
    )
    found = align(suggestions_for(french), source=french, properties=properties, language="en")
    funding = next(s for s in suggestions_for(french) if s.exact == "645 millions de dollars")
    [money] = found[funding.key]
    assert (money.relation, money.claim) == (NOT_COMPARABLE, euro)
    assert money.message == f"not comparable with #{euro.pk} (USD vs EUR)"


def test_the_article_page_shows_the_comparison_in_a_flat_number_of_queries(
    client, reviewer, django_assert_max_num_queries
) -> None:
    english = source(ENGLISH, "en")
    for exact in ("March 2019", "3.5 billion parameters", "4,096 GPUs", "$645 million"):
        accept(english, exact, reviewer)
    french = source(FRENCH, "fr")
    client.force_login(reviewer)
    # The page's own queries, then the subjects named (aliases and names), the claims
    # held for them and those claims' quotes: the same whatever the claims' number. (The
    # first visit reads the article's suggestions and all names once, then caches them.)
    client.get(french.get_absolute_url())
    with django_assert_max_num_queries(16):
        response = client.get(french.get_absolute_url())
    page = response.text
    assert "conflicts with #" in page and "agrees with #" in page
    assert "Kestrel Labs a vu le jour" not in page  # the English interface drafts in English
    assert "Kestrel Labs was founded in 2021." in page


def test_a_suggestion_is_compared_with_the_latest_claims_held_and_counts_the_rest(
    client, reviewer, monkeypatch, django_assert_num_queries
) -> None:
    from claims import alignment

    monkeypatch.setattr(alignment, "SHOWN_HELD", 2)
    english = source(ENGLISH, "en")
    founded = accept(english, "March 2019", reviewer).claim
    subject, prop = founded.subject, founded.property
    years = [2019, 2021, 2019, 2018]
    held = [
        Claim.objects.create(
            statement=f"Kestrel Labs was founded in {year} (#{i}).",
            subject=subject,
            property=prop,
            value_kind=ValueKind.DATE,
            value_text=str(year),
            value_date=datetime.date(year, 1, 1),
            value_date_precision="year",
        )
        for i, year in enumerate(years)
    ]
    french = source(FRENCH, "fr")
    properties = {p.code: p for p in Property.objects.all()}
    shown = suggestions_for(french)
    year = next(s for s in shown if s.exact == "2021")
    compared = align(shown, source=french, properties=properties, language="en")[year.key]
    # The two latest claims, the conflict first; the three others (#1 and the accepted
    # March 2019 included) counted.
    assert [a.claim for a in compared] == [held[3], held[2]]
    assert [a.relation for a in compared] == [CONFLICTS, CONFLICTS]
    assert (compared.more, compared.subject) == (3, subject)
    # The page says so and links to the subject's claims.
    client.force_login(reviewer)
    page = client.get(french.get_absolute_url()).text
    more = "and 3 more claims held about Kestrel Labs"
    assert f'href="/subjects/{subject.pk}/#subject-claims">{more}</a>' in page
    # As many queries with ten times the claims held.
    client.get(french.get_absolute_url())
    with django_assert_num_queries(16) as before:
        client.get(french.get_absolute_url())
    for i in range(40):
        Claim.objects.create(
            statement=f"Kestrel Labs was founded in 2019 (##{i}).", subject=subject, property=prop,
            value_kind=ValueKind.DATE, value_text="2019", value_date=datetime.date(2019, 1, 1),
            value_date_precision="year",
        )  # fmt: skip
    with django_assert_num_queries(len(before.captured_queries)):
        page = client.get(french.get_absolute_url()).text
    assert "and 43 more claims held about Kestrel Labs" in page


# --- corrections teach --------------------------------------------------------------------------


TWO_FIGURES = (
    "Selon Northwind, la centrale de Brisa produit 1 200 mégawatts. "
    "La centrale de Brisa emploie aussi 300 personnes."
)


def test_a_corrected_subject_is_followed_by_the_articles_other_suggestions(reviewer) -> None:
    src = source(TWO_FIGURES, "fr")
    before = {s.exact: s.subject for s in suggestions_for(src)}
    guess = before["300 personnes"]
    assert before["1 200 mégawatts"] == guess  # the same guess for both figures
    accept(src, "1 200 mégawatts", reviewer, subject="Brisa Power Station")
    assert SuggestionCorrection.objects.filter(
        source=src, field="subject", guess=guess.casefold()
    ).exists()
    after = offered(src, "300 personnes")
    assert after.subject == "Brisa Power Station"
    assert after.subject_known


def test_a_corrected_property_is_followed_for_figures_of_the_same_kind(reviewer) -> None:
    text = "Orbis a levé 12 millions d’euros en janvier, puis 30 millions d’euros en mars."
    src = source(text, "fr")
    assert offered(src, "30 millions d’euros").property_code == "funding"
    valuation = Property.objects.get(code="valuation")
    accept(src, "12 millions d’euros", reviewer, property=valuation)
    assert offered(src, "30 millions d’euros").property_code == "valuation"
    # A date's guess is its own: not corrected with the amounts.
    assert offered(src, "mars").property_code != "valuation"


def test_mapping_a_short_name_to_a_known_subject_records_an_alias(reviewer) -> None:
    huang = Subject.objects.create(name="Jensen Huang")
    src = source("Selon Forbes, Huang possède 105 milliards de dollars.", "fr")
    assert offered(src, "105 milliards de dollars").subject == "Huang"
    accept(src, "105 milliards de dollars", reviewer, subject="Jensen Huang")
    assert SubjectAlias.objects.filter(subject=huang, alias="Huang").exists()
    # A different name is a correction, never an alias.
    kestrel = Subject.objects.create(name="Kestrel Labs")
    other = source("La start-up lisboète Lisbonne Ventures emploie 140 personnes.", "fr")
    suggestion = offered(other, "140 personnes")
    accept(other, "140 personnes", reviewer, subject="Kestrel Labs")
    assert not SubjectAlias.objects.filter(subject=kestrel, alias=suggestion.subject).exists()


def test_an_accepted_subject_keeps_the_articles_other_names_for_it(reviewer) -> None:
    text = (
        "The European Forest Fire Information System (EFFIS) counted 1,016,000 hectares. "
        "EFFIS began its records in 2006."
    )
    src = source(text, "en")
    accept(src, "1,016,000 hectares", reviewer)
    subject = Subject.objects.get(name="European Forest Fire Information System")
    assert Subject.objects.resolve("EFFIS") == subject
    # A country's name in the other language too: the next article, in French, finds it.
    spain = source("Spain has lost more than 400,000 hectares.", "en")
    accept(spain, "more than 400,000 hectares", reviewer)
    assert Subject.objects.resolve("Espagne") == Subject.objects.get(name="Spain")


def test_corrections_apply_without_a_database() -> None:
    found = suggest(TWO_FIGURES, "fr")
    guess = found[0].subject
    corrected = apply_corrections(found, [("subject", guess.casefold(), "", "Brisa")])
    assert {s.subject for s in corrected} == {"Brisa"}


# --- properties named from the accept form, and one-click acceptance -------------------------


def test_a_reviewer_adds_a_property_from_the_accept_form(client, reviewer) -> None:
    src = source("Valmont compte 12 magasins en France.", "fr")
    suggestion = offered(src, "12 magasins")
    client.force_login(reviewer)
    url = reverse("suggestion_accept", args=[src.pk, suggestion.start, suggestion.end])
    response = client.post(
        url,
        {
            "statement": "Valmont has 12 stores.",
            "subject": "Valmont",
            "property": "",
            "new_property": "number of stores",
            "value_text": "12 magasins",
            "value_kind": "quantity",
            "value_qualifier": "exact",
            "value_number": "12",
            "value_unit": "magasins",
            "quote": "sentence",
        },
    )
    assert response.status_code == 302
    claim = Claim.objects.get(statement="Valmont has 12 stores.")
    assert claim.property.label == "number of stores"
    assert claim.property.value_kind == ValueKind.QUANTITY


def test_a_property_is_required_one_way_or_the_other(client, reviewer) -> None:
    src = source("Valmont compte 12 magasins en France.", "fr")
    suggestion = offered(src, "12 magasins")
    client.force_login(reviewer)
    url = reverse("suggestion_accept", args=[src.pk, suggestion.start, suggestion.end])
    response = client.post(url, {"statement": "x", "subject": "Valmont", "property": "",
                                 "value_kind": "quantity", "value_qualifier": "exact",
                                 "quote": "sentence"})  # fmt: skip
    assert response.status_code == 200
    assert "Choose a property, or name a new one." in response.text
    assert not Claim.objects.exists()


def test_accept_takes_the_claim_as_proposed_in_one_click(client, reviewer) -> None:
    src = source(ENGLISH, "en")
    suggestion = offered(src, "$645 million")
    client.force_login(reviewer)
    url = reverse("suggestion_accept", args=[src.pk, suggestion.start, suggestion.end])
    response = client.post(url, {"as_proposed": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    claim = Claim.objects.get()
    assert claim.statement == "Kestrel Labs raised $645 million."
    assert (claim.subject.name, claim.property.code) == ("Kestrel Labs", "funding")
    assert claim.value_currency == "USD" and claim.value_number == 645_000_000
    # The whole sentence is the quote; the sentence's other figures stay on offer.
    assert claim.appearances.get().exact.startswith("Kestrel Labs, the Lisbon start-up")
    assert find_suggestion(src, suggestion.start, suggestion.end) is None
    assert offered(src, "March 2019")


def test_the_same_figure_in_two_articles_corroborates(reviewer) -> None:
    english = source(ENGLISH, "en")
    accept(english, "3.5 billion parameters", reviewer)
    french = source(FRENCH, "fr")
    accepted = accept(french, "3,5 milliards de paramètres", reviewer)
    # One claim, quoted by both articles: a corroboration on the disagreements page.
    assert not accepted.created
    dispute = Dispute.objects.get(subject__name="Falcon-S", property__code="parameter-count")
    assert dispute.agreement == Agreement.CORROBORATION
    assert dispute.claim_count == 1
