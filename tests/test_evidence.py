"""Evidence as reviewers gather it: an article of the workbench cited with an excerpt
anchored in its text, and removals that can be undone without losing who found it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from claims import workflow
from claims.choices import Stance
from claims.excerpts import ExcerptNotFound, find_excerpt
from claims.models import ClaimEvent, EventKind, Evidence
from tests.factories import make_claim, make_source

TEXT = (
    "Le registre indique une immatriculation le 17 juillet 2023.\n"
    "La société l’a confirmé : elle a été fondée en 2023,\n"
    "et non en 2021. Le registre le dit deux fois : en 2023.\n"
)


@pytest.fixture
def registry(db):
    return make_source(title="Registre du commerce", text=TEXT)


# --- finding an excerpt ------------------------------------------------------------


def test_offsets_that_hold_the_excerpt_are_kept() -> None:
    start = TEXT.index("fondée")
    assert find_excerpt(TEXT, "fondée en 2023", start=start, end=start + 14) == (start, start + 14)


def test_a_typed_excerpt_is_found_whatever_its_spacing_and_apostrophes() -> None:
    span = find_excerpt(TEXT, "La société l'a   confirmé")
    assert TEXT[span.start : span.end] == "La société l’a confirmé"
    span = find_excerpt(TEXT, "fondée en 2023, et non en 2021")
    assert TEXT[span.start : span.end] == "fondée en 2023,\net non en 2021"


def test_an_excerpt_that_is_not_in_the_text_is_refused_by_name() -> None:
    with pytest.raises(ExcerptNotFound, match="not in “Registre”"):
        find_excerpt(TEXT, "fondée en 2019", title="Registre")


def test_an_excerpt_found_twice_is_refused_unless_offsets_say_which() -> None:
    with pytest.raises(ExcerptNotFound, match="appears 2 times"):
        find_excerpt(TEXT, "Le registre")
    second = TEXT.rindex("Le registre")
    # Offsets a little off (the text moved) still pick the nearer place.
    assert find_excerpt(TEXT, "Le registre", start=second + 3, end=second + 9).start == second


# --- citing an article ---------------------------------------------------------------


def test_a_source_is_cited_with_its_excerpt_anchored_by_offsets(reviewer, registry) -> None:
    claim = make_claim()
    start = TEXT.index("fondée en 2023")
    evidence = workflow.add_evidence(
        claim,
        by=reviewer,
        stance=Stance.REFUTES,
        source=registry,
        excerpt="fondée en 2023",
        excerpt_start=start,
        excerpt_end=start + len("fondée en 2023"),
    )
    evidence.refresh_from_db()
    assert (evidence.excerpt_start, evidence.excerpt_end) == (start, start + 14)
    assert registry.text[evidence.excerpt_start : evidence.excerpt_end] == evidence.excerpt
    assert evidence.excerpt_prefix.endswith("elle a été ")
    assert evidence.excerpt_suffix.startswith(",\net non")
    before, quote, _after = evidence.context()
    assert quote == "fondée en 2023" and before.endswith("elle a été ")


def test_a_typed_excerpt_is_stored_as_the_article_words_it(reviewer, registry) -> None:
    evidence = workflow.add_evidence(
        make_claim(), by=reviewer, stance=Stance.REFUTES, source=registry, excerpt="l'a confirmé"
    )
    assert evidence.excerpt == "l’a confirmé"
    assert registry.text[evidence.excerpt_start : evidence.excerpt_end] == "l’a confirmé"


def test_an_excerpt_missing_from_the_source_changes_nothing(reviewer, registry) -> None:
    claim = make_claim()
    with pytest.raises(workflow.InvalidTransition, match="not in “Registre du commerce”"):
        workflow.add_evidence(
            claim, by=reviewer, stance=Stance.SUPPORTS, source=registry, excerpt="fondée en 2019"
        )
    assert not Evidence.objects.exists()
    assert not claim.events.filter(kind=EventKind.EVIDENCE_ADDED).exists()


def test_offsets_without_a_source_are_refused(reviewer) -> None:
    with pytest.raises(workflow.InvalidTransition, match="choose the source"):
        workflow.add_evidence(
            make_claim(),
            by=reviewer,
            stance=Stance.SUPPORTS,
            url="https://example.org/",
            excerpt="x",
            excerpt_start=0,
            excerpt_end=1,
        )


def test_the_model_refuses_offsets_that_do_not_hold_the_excerpt(reviewer, registry) -> None:
    evidence = Evidence(
        claim=make_claim(),
        source=registry,
        excerpt="fondée",
        excerpt_start=0,
        excerpt_end=6,
        stance=Stance.SUPPORTS,
        added_by=reviewer,
    )
    with pytest.raises(ValidationError):
        evidence.save()


def test_editing_the_excerpt_anchors_it_again(reviewer, registry) -> None:
    evidence = workflow.add_evidence(
        make_claim(), by=reviewer, stance=Stance.REFUTES, source=registry, excerpt="fondée en 2023"
    )
    workflow.update_evidence(evidence, by=reviewer, expected_version=1, excerpt="et non en 2021")
    evidence.refresh_from_db()
    assert registry.text[evidence.excerpt_start : evidence.excerpt_end] == "et non en 2021"
    with pytest.raises(workflow.InvalidTransition):
        workflow.update_evidence(evidence, by=reviewer, expected_version=2, excerpt="en 2019")
    evidence.refresh_from_db()
    assert evidence.excerpt == "et non en 2021"


# --- removing and restoring --------------------------------------------------------------


def test_restored_evidence_keeps_its_id_author_time_and_anchor(reviewer, editor, registry) -> None:
    claim = make_claim()
    evidence = workflow.add_evidence(
        claim, by=reviewer, stance=Stance.REFUTES, source=registry, excerpt="fondée en 2023"
    )
    added_at = timezone.now() - datetime.timedelta(days=3)
    Evidence.objects.filter(pk=evidence.pk).update(created_at=added_at)
    removal = workflow.remove_evidence(evidence, by=editor)

    restored = workflow.restore_evidence(removal, by=editor)
    restored.refresh_from_db()
    assert restored.pk == evidence.pk
    assert restored.added_by == reviewer
    assert restored.created_at == added_at
    assert (restored.excerpt_start, restored.excerpt_end) == (
        evidence.excerpt_start,
        evidence.excerpt_end,
    )


def test_evidence_removed_before_this_release_keeps_its_first_time(reviewer) -> None:
    claim = make_claim()
    evidence = workflow.add_evidence(
        claim, by=reviewer, stance=Stance.SUPPORTS, url="https://example.org/registry"
    )
    added_event = claim.events.get(kind=EventKind.EVIDENCE_ADDED)
    first = timezone.now() - datetime.timedelta(days=10)
    ClaimEvent.objects.filter(pk=added_event.pk).update(created_at=first)
    removal = workflow.remove_evidence(evidence, by=reviewer)
    # A removal written by the previous release had no time of its own.
    removal.data.pop("added_at")
    removal.save(update_fields=["data"])

    assert workflow.restore_evidence(removal, by=reviewer).created_at == first


# --- the claim page's evidence section -------------------------------------------------

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_adding_with_htmx_keeps_the_panel_open_on_the_same_article(
    client, reviewer, registry
) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    url = f"/claims/{claim.pk}/evidence/"
    data = {"new-stance": Stance.REFUTES, "new-source": registry.pk, "new-excerpt": "en 2023."}
    response = client.post(url, data, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="add-evidence" open' in body
    assert "Evidence added. Add another, or close the panel." in body
    # A fresh form, still citing the registry, with its text to select from.
    assert f'name="new-source" value="{registry.pk}"' in body
    assert 'class="pick-text"' in body
    assert 'name="new-excerpt" cols="40" rows="3" maxlength="20000"' in body
    evidence = Evidence.objects.get()
    assert registry.text[evidence.excerpt_start : evidence.excerpt_end] == "en 2023."


def test_adding_without_javascript_comes_back_to_the_open_panel(client, reviewer, registry) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    data = {"new-stance": Stance.REFUTES, "new-source": registry.pk, "new-excerpt": "en 2023."}
    response = client.post(f"/claims/{claim.pk}/evidence/", data, follow=True)
    assert response.redirect_chain[-1][0] == (
        f"/claims/{claim.pk}/evidence/new/?source={registry.pk}#add-evidence"
    )
    body = response.content.decode()
    assert "Evidence added." in body and 'id="add-evidence" open' in body


def test_an_excerpt_not_in_the_article_is_explained_beside_it(client, reviewer, registry) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    data = {"new-stance": Stance.REFUTES, "new-source": registry.pk, "new-excerpt": "en 1999"}
    response = client.post(f"/claims/{claim.pk}/evidence/", data, **HTMX)
    body = response.content.decode()
    assert "The excerpt is not in “Registre du commerce”" in body
    # The article stays chosen and what was typed stays in the form.
    assert 'class="pick-text"' in body and "en 1999</textarea>" in body
    assert not Evidence.objects.exists()


def test_articles_are_found_to_cite_with_and_without_htmx(client, reviewer, registry) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    url = f"/claims/{claim.pk}/evidence/new/"
    partial = client.get(url, {"q": "registre"}, **HTMX).content.decode()
    assert partial.lstrip().startswith('<details class="add-evidence" id="add-evidence" open>')
    assert f'href="{url}?source={registry.pk}#add-evidence"' in partial
    page = client.get(url, {"q": "registre"}).content.decode()
    assert "<html" in page and f'href="{url}?source={registry.pk}#add-evidence"' in page
    nothing = client.get(url, {"q": "nothing-like-it"}).content.decode()
    assert "No article matches “nothing-like-it”." in nothing
    chosen = client.get(url, {"source": registry.pk}, **HTMX).content.decode()
    assert "Citing an article of the workbench:" in chosen and "fondée en 2023" in chosen


def test_removing_leaves_an_undo_where_the_evidence_was(client, reviewer) -> None:
    claim = make_claim()
    _first, second, _third = (
        workflow.add_evidence(
            claim, by=reviewer, stance=Stance.SUPPORTS, url=f"https://example.org/{n}", title=n
        )
        for n in ("one", "two", "three")
    )
    client.force_login(reviewer)
    response = client.post(f"/claims/{claim.pk}/evidence/{second.pk}/remove/", **HTMX)
    body = response.content.decode()
    removal = claim.events.get(kind=EventKind.EVIDENCE_REMOVED)
    undo = f'hx-post="/claims/{claim.pk}/restore/{removal.pk}/"'
    assert undo in body
    # In its place: after the first, before the third.
    assert (
        body.index("https://example.org/one")
        < body.index(undo)
        < body.index("https://example.org/three")
    )

    restored = client.post(f"/claims/{claim.pk}/restore/{removal.pk}/", **HTMX).content.decode()
    assert "Evidence restored." in restored
    assert f'class="evidence-item evidence-restored" id="evidence-{second.pk}"' in restored
    assert Evidence.objects.get(pk=second.pk).added_by == reviewer


def test_removing_without_javascript_shows_the_undo_after_the_reload(client, reviewer) -> None:
    claim = make_claim()
    evidence = workflow.add_evidence(
        claim, by=reviewer, stance=Stance.SUPPORTS, url="https://example.org/a", title="A"
    )
    client.force_login(reviewer)
    response = client.post(f"/claims/{claim.pk}/evidence/{evidence.pk}/remove/", follow=True)
    removal = claim.events.get(kind=EventKind.EVIDENCE_REMOVED)
    assert response.redirect_chain[-1][0] == (
        f"/claims/{claim.pk}/?removed={removal.pk}#evidence-{evidence.pk}"
    )
    body = response.content.decode()
    assert f'action="/claims/{claim.pk}/restore/{removal.pk}/"' in body and "Undo" in body
    response = client.post(f"/claims/{claim.pk}/restore/{removal.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == f"/claims/{claim.pk}/#evidence-{evidence.pk}"
    # Once undone, the same address offers no second undo.
    again = client.get(f"/claims/{claim.pk}/?removed={removal.pk}").content.decode()
    assert f'action="/claims/{claim.pk}/restore/{removal.pk}/"' not in again


def test_the_api_cites_a_source_with_an_anchored_excerpt(client, reviewer, registry) -> None:
    claim = make_claim()
    client.force_login(reviewer)
    start = TEXT.index("fondée en 2023")
    response = client.post(
        f"/api/claims/{claim.pk}/evidence/",
        {
            "stance": "refutes",
            "source": registry.pk,
            "excerpt": "fondée en 2023",
            "excerpt_start": start,
            "excerpt_end": start + 14,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["excerpt_start"], response.json()["excerpt_end"]) == (start, start + 14)
    refused = client.post(
        f"/api/claims/{claim.pk}/evidence/",
        {"stance": "refutes", "source": registry.pk, "excerpt": "fondée en 1999"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert "not in “Registre du commerce”" in refused.json()["excerpt"][0]
    assert Evidence.objects.count() == 1
