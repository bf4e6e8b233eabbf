"""The review queue and claim pages: deciding on real extracted claims, through the services,
with the case files following; who may decide, and who may see what."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from civicwatch.core.vocab import (
    ClaimAction,
    ClaimKind,
    ProposalStatus,
    ReviewState,
    Role,
    Sensitivity,
)
from civicwatch.services.accounts import add_user
from civicwatch.services.documents import DocumentMetadata, ingest_bytes
from civicwatch.services.persons import find_person, person_file
from civicwatch.store.models import Claim, ClaimRevision, Document, Person, PossibleDuplicate

pytestmark = pytest.mark.django_db

REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"
DIGEST = REPORTS / "kz-monthly-digest-2024-03.txt"
PASSWORD = "a long passphrase for the reviewer"


def login(client: Client, username: str, role: Role) -> Client:
    add_user(username, role, PASSWORD)
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def reviewer(client: Client) -> Client:
    return login(client, "reviewer", Role.REVIEWER)


@pytest.fixture
def viewer() -> Client:
    return login(Client(), "viewer", Role.VIEWER)


def ingest(path: Path, sensitivity: Sensitivity = Sensitivity.PUBLIC, **fields: Any) -> Document:
    metadata = DocumentMetadata(sensitivity=sensitivity, **fields)
    document, new = ingest_bytes(path.read_bytes(), path.name, metadata)
    assert new
    return document


@pytest.fixture
def digest(isolated_blob_dir: Path) -> Document:
    return ingest(DIGEST)


def claim_quoted(document: Document, kind: ClaimKind, quote: str) -> Claim:
    return Claim.objects.get(document=document, kind=kind.value, quote=quote)


def names_of(person: int) -> set[str]:
    file = person_file(person)
    return {file["name"], *file["variants"]}


def hx(client: Client, url: str, data: dict[str, str] | None = None) -> Any:
    return client.post(url, data or {}, HTTP_HX_REQUEST="true")


# ---- The queue ------------------------------------------------------------------------


def test_queue_shows_proposed_claims_with_their_sentence(
    reviewer: Client, digest: Document
) -> None:
    response = reviewer.get(reverse("web:review"))
    assert response.status_code == 200
    html = response.content.decode()
    waiting = Claim.objects.filter(review_state=ReviewState.PROPOSED.value).count()
    assert f"{waiting} claims waiting for a decision" in html
    assert len(response.context["cards"]) == 25  # one page
    outcome = claim_quoted(digest, ClaimKind.OUTCOME, "20 MCI")
    page = reviewer.get(reverse("web:review"), {"document": str(digest.pk), "kind": "outcome"})
    html = page.content.decode()
    assert (
        "the next day.</blockquote>" in html
        and f'<mark class="hl hl--outcome">{outcome.quote}</mark>' in html
    )
    assert "was detained by police while handing out leaflets" in html  # its sentence
    assert f'and fined <mark class="hl hl--outcome">{outcome.quote}</mark> under article' in html
    person = reviewer.get(reverse("web:claim-card", args=[outcome.subject_id])).content.decode()
    assert "Tleubayev A.</mark>, a 23-year-old" in person  # no space before the comma
    # Values in words, never raw terms: the penalty kind's label.
    assert '<dd dir="auto">Fine</dd>' in html
    assert '<dd dir="auto">11 March 2024</dd>' in html  # dates in words
    assert "restricted_freedom" not in html
    assert {card.claim.kind for card in page.context["cards"]} == {ClaimKind.OUTCOME.value}
    # Keyboard help is on the page.
    assert "<kbd>j</kbd>" in html and "<kbd>?</kbd>" in html


def test_queue_reads_a_page_in_a_fixed_number_of_queries(
    reviewer: Client, digest: Document, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(14):
        response = reviewer.get(reverse("web:review"))
    assert len(response.context["cards"]) == 25


def test_queue_filters_by_confidence(reviewer: Client, digest: Document) -> None:
    response = reviewer.get(
        reverse("web:review"), {"document": str(digest.pk), "min_confidence": "0.9"}
    )
    cards = response.context["cards"]
    assert cards and all(card.claim.confidence >= 0.9 for card in cards)
    low = Claim.objects.filter(document=digest, confidence__lt=0.9).first()
    assert low is not None and low.pk not in {card.claim.pk for card in cards}


def test_only_reviewers_open_the_queue_and_decide(viewer: Client, digest: Document) -> None:
    assert viewer.get(reverse("web:review")).status_code == 403
    claim = claim_quoted(digest, ClaimKind.OUTCOME, "20 MCI")
    assert viewer.post(reverse("web:claim-accept", args=[claim.pk])).status_code == 403
    assert (
        viewer.post(reverse("web:claim-correct", args=[claim.pk]), {"amount": "1"}).status_code
        == 403
    )
    claim.refresh_from_db()
    assert claim.review_state == ReviewState.PROPOSED.value
    page = viewer.get(reverse("web:claim", args=[claim.pk]))
    assert page.status_code == 200  # viewers read the claims they may see
    assert 'data-action="accept"' not in page.content.decode()


def test_decisions_need_post(reviewer: Client, digest: Document) -> None:
    claim = claim_quoted(digest, ClaimKind.OUTCOME, "20 MCI")
    assert reviewer.get(reverse("web:claim-accept", args=[claim.pk])).status_code == 405


# ---- Decisions ------------------------------------------------------------------------


def test_accept_answers_htmx_with_the_decided_card(reviewer: Client, digest: Document) -> None:
    claim = claim_quoted(digest, ClaimKind.PERSON, "Tleubayev A.")
    response = hx(reviewer, reverse("web:claim-accept", args=[claim.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(
        f'<article class="claim-card claim-card--accepted is-decided" id="claim-{claim.pk}"'
    )
    assert "Accepted by reviewer" in html
    claim.refresh_from_db()
    assert claim.review_state == ReviewState.ACCEPTED.value
    assert claim.reviewed_by.get_username() == "reviewer"
    (revision,) = ClaimRevision.objects.filter(claim=claim)
    assert revision.action == ClaimAction.ACCEPTED.value and revision.actor == claim.reviewed_by


def test_accept_without_htmx_redirects_back(reviewer: Client, digest: Document) -> None:
    claim = claim_quoted(digest, ClaimKind.PERSON, "Tleubayev A.")
    back = f"{reverse('web:review')}?document={digest.pk}"
    response = reviewer.post(reverse("web:claim-accept", args=[claim.pk]), {"next": back})
    assert response.status_code == 302 and response["Location"] == back
    # An htmx panel on another page sends its page along: decisions there go back to it.
    here = reverse("web:document", args=[digest.pk])
    panel = reviewer.get(
        reverse("web:claim-panel"),
        {"ids": str(claim.pk)},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver{here}",
    )
    assert f'name="next" value="{here}"' in panel.content.decode()
    elsewhere = reviewer.get(
        reverse("web:claim-panel"),
        {"ids": str(claim.pk)},
        HTTP_HX_CURRENT_URL="https://evil.example/documents/1/",
    )
    assert 'name="next" value=""' in elsewhere.content.decode()
    evil = reviewer.post(
        reverse("web:claim-reject", args=[claim.pk]), {"next": "https://evil.example/"}
    )
    assert evil["Location"] == reverse("web:claim", args=[claim.pk])


def test_correct_keeps_the_machine_value_and_reaches_the_case_file(
    reviewer: Client, digest: Document
) -> None:
    outcome = claim_quoted(digest, ClaimKind.OUTCOME, "eight years")
    machine = dict(outcome.machine_value or {})
    editor = reviewer.get(reverse("web:claim-edit", args=[outcome.pk])).content.decode()
    assert 'name="amount" type="text" value="8 years"' in editor
    assert '<option value="prison" selected>' in editor
    response = hx(
        reviewer,
        reverse("web:claim-correct", args=[outcome.pk]),
        {"kind": "prison", "amount": "9 years", "date": "2023-09-19", "note": "verdict text"},
    )
    html = response.content.decode()
    assert "Corrected." in html
    assert '9 years <span class="machine">machine read: 8 years</span>' in html
    outcome.refresh_from_db()
    assert outcome.value["amount"] == "9 years"
    assert outcome.machine_value == machine
    assert outcome.review_state == ReviewState.CORRECTED.value
    file = person_file(find_person("Zhaksybayev Yerlan"))
    amounts = [o["amount"] for event in file["events"] for o in event["outcomes"]]
    assert "9 years" in amounts and "8 years" not in amounts
    # The claim page tells the story in words.
    page = reviewer.get(reverse("web:claim", args=[outcome.pk])).content.decode()
    assert "Corrected</strong>" in page and "by reviewer" in page
    assert 'Term or amount: <del dir="auto">8 years</del> → <ins dir="auto">9 years</ins>' in page
    assert "verdict text" in page
    root = find_person("Zhaksybayev Yerlan")
    assert f'In the case file of <a href="{reverse("web:person", args=[root])}"' in page
    assert '<td dir="auto">9 years</td><td dir="auto">8 years</td>' in page


def test_a_failed_correction_changes_nothing(reviewer: Client, digest: Document) -> None:
    outcome = claim_quoted(digest, ClaimKind.OUTCOME, "eight years")
    before = dict(outcome.value)
    response = hx(
        reviewer,
        reverse("web:claim-correct", args=[outcome.pk]),
        {"kind": "prison", "amount": "9 years", "date": "the day after"},
    )
    html = response.content.decode()
    assert 'class="message message--error"' in html and "date:" in html
    assert 'value="9 years"' not in html or "Save correction" in html  # the form again
    outcome.refresh_from_db()
    assert outcome.value == before
    assert outcome.review_state == ReviewState.PROPOSED.value
    assert not ClaimRevision.objects.filter(claim=outcome).exists()
    # Nothing changed at all is said so too.
    same = hx(reviewer, reverse("web:claim-correct", args=[outcome.pk]), {"amount": "8 years"})
    assert "Nothing was changed" in same.content.decode()


def test_reject_with_a_reason_leaves_the_case_file(reviewer: Client, digest: Document) -> None:
    person = claim_quoted(digest, ClaimKind.PERSON, "Tleubayev A.")
    response = hx(
        reviewer, reverse("web:claim-reject", args=[person.pk]), {"reason": "not a person"}
    )
    assert "Rejected." in response.content.decode()
    person.refresh_from_db()
    assert person.review_state == ReviewState.REJECTED.value
    assert person.review_note == "not a person"
    assert not Person.objects.filter(
        canonical__isnull=True, live=True, canonical_name="Tleubayev A."
    ).exists()


def test_bulk_accept_of_a_document_above_a_confidence(reviewer: Client, digest: Document) -> None:
    above = set(
        Claim.objects.filter(
            document=digest, confidence__gte=0.9, review_state=ReviewState.PROPOSED.value
        ).values_list("pk", flat=True)
    )
    below = set(
        Claim.objects.filter(document=digest, confidence__lt=0.9).values_list("pk", flat=True)
    )
    assert above and below
    response = reviewer.post(
        reverse("web:review-accept-document"),
        {
            "document": digest.pk,
            "min_confidence": "0.9",
            "next": reverse("web:document", args=[digest.pk]),
        },
        follow=True,
    )
    assert f"Accepted {len(above)} claims of at least 90% confidence." in response.content.decode()
    states = dict(Claim.objects.filter(document=digest).values_list("pk", "review_state"))
    assert {states[pk] for pk in above} == {ReviewState.ACCEPTED.value}
    assert {states[pk] for pk in below} == {ReviewState.PROPOSED.value}


# ---- Persons: link to someone recorded, or a new person --------------------------------


def test_link_a_person_claim_to_an_existing_person(
    reviewer: Client, digest: Document, isolated_blob_dir: Path
) -> None:
    sadykuly = claim_quoted(digest, ClaimKind.PERSON, "Sadykuly D.")
    tleubayev = claim_quoted(digest, ClaimKind.PERSON, "Tleubayev A.")
    target = find_person("Sadykuly D.")
    for query in ("sadykuly", "Садыкулы", "D. Sadykuly"):  # any case, script, word order
        found = reviewer.get(reverse("web:claim-persons", args=[tleubayev.pk]), {"q": query})
        assert f'name="person" value="{target}"' in found.content.decode(), query
    nobody = reviewer.get(reverse("web:claim-persons", args=[tleubayev.pk]), {"q": "Nobody"})
    assert "No one recorded matches “Nobody”." in nobody.content.decode()
    response = hx(reviewer, reverse("web:claim-link", args=[tleubayev.pk]), {"person": str(target)})
    assert "Linked to Sadykuly D." in response.content.decode()
    record = Person.objects.get(claim=tleubayev)
    assert record.canonical_id == target
    tleubayev.refresh_from_db()
    assert tleubayev.review_state == ReviewState.ACCEPTED.value
    assert {"Tleubayev A.", "Sadykuly D."} <= names_of(target)
    # ... and apart again, as a person of their own.
    again = hx(reviewer, reverse("web:claim-new-person", args=[tleubayev.pk]))
    assert "Kept as a person of their own." in again.content.decode()
    record.refresh_from_db()
    assert record.canonical_id is None
    assert Person.objects.get(claim=sadykuly).canonical_id in (None, target)
    assert "Tleubayev A." not in names_of(find_person("Sadykuly D."))


def test_linking_needs_a_visible_person(reviewer: Client, digest: Document) -> None:
    claim = claim_quoted(digest, ClaimKind.PERSON, "Tleubayev A.")
    response = hx(reviewer, reverse("web:claim-link", args=[claim.pk]), {"person": "999999"})
    assert "Choose a person to link to." in response.content.decode()


# ---- Sensitivity ------------------------------------------------------------------------


def test_a_viewer_never_sees_a_confidential_claim(
    viewer: Client, reviewer: Client, isolated_blob_dir: Path
) -> None:
    secret = ingest(DIGEST, Sensitivity.CONFIDENTIAL)
    claim = claim_quoted(secret, ClaimKind.PERSON, "Tleubayev A.")
    for url in (
        reverse("web:claim", args=[claim.pk]),
        reverse("web:claim-card", args=[claim.pk]),
        f"{reverse('web:claim-panel')}?ids={claim.pk}",
        reverse("web:document", args=[secret.pk]),
    ):
        assert viewer.get(url).status_code == 404, url
        assert reviewer.get(url).status_code == 200, url
    missing = viewer.get(reverse("web:claim", args=[999999]))
    assert missing.status_code == 404  # the same answer as for a hidden one


def test_the_queue_of_a_reviewer_counts_only_what_they_see(
    reviewer: Client, digest: Document
) -> None:
    # A person made confidential disappears from the queue with every fact about them.
    person = Person.objects.get(claim=claim_quoted(digest, ClaimKind.PERSON, "Sadykuly D."))
    Person.objects.filter(pk=person.pk).update(sensitivity=Sensitivity.CONFIDENTIAL.value)
    viewer = login(Client(), "viewer2", Role.VIEWER)
    html = viewer.get(reverse("web:document", args=[digest.pk])).content.decode()
    assert "Sadykuly D." in html  # the text itself is the document's, visible
    assert f'href="{reverse("web:claim", args=[person.claim_id])}"' not in html
    assert (
        f'href="{reverse("web:claim", args=[person.claim_id])}"'
        in reviewer.get(reverse("web:document", args=[digest.pk])).content.decode()
    )


def test_a_person_matched_across_reports_can_be_kept_apart(
    reviewer: Client, digest: Document, isolated_blob_dir: Path
) -> None:
    briefing = ingest(REPORTS / "kz-eu-dialogue-briefing-2023-10.pdf")
    # The briefing's Bekzat Orazbayev is resolved as the chronicle's Orazbayev B.
    record = Person.objects.get(
        claim__document=briefing, canonical=Person.objects.get(claim__quote="Orazbayev B.")
    )
    claim = record.claim
    assert claim is not None and record.canonical is not None
    matched = record.canonical
    card = reviewer.get(reverse("web:claim-card", args=[claim.pk])).content.decode()
    assert "<dt>Matched with</dt>" in card and matched.canonical_name in card
    assert f"Not {matched.canonical_name}: a new person" in card
    hx(reviewer, reverse("web:claim-new-person", args=[claim.pk]))
    record.refresh_from_db()
    assert record.canonical_id is None
    pair = PossibleDuplicate.objects.get(
        person_a=min(record.pk, matched.pk), person_b=max(record.pk, matched.pk)
    )
    assert pair.status == ProposalStatus.DISMISSED.value
    assert pair.decided_by is not None and pair.decided_by.get_username() == "reviewer"
    assert record.canonical_name not in names_of(matched.pk)


def test_possible_matches_are_offered_with_one_click(reviewer: Client, digest: Document) -> None:
    claim = claim_quoted(digest, ClaimKind.PERSON, "Tleubayev A.")
    record = Person.objects.get(claim=claim)
    other = Person.objects.get(claim=claim_quoted(digest, ClaimKind.PERSON, "Beisenov M."))
    PossibleDuplicate.objects.create(
        person_a=min(record, other, key=lambda p: p.pk),
        person_b=max(record, other, key=lambda p: p.pk),
        score=0.7,
        rule="test",
    )
    card = reviewer.get(reverse("web:claim-card", args=[claim.pk])).content.decode()
    assert "<dt>May be the same as</dt>" in card
    assert f'name="person" value="{other.pk}"' in card
    assert "None of these: a new person" in card
    hx(reviewer, reverse("web:claim-link", args=[claim.pk]), {"person": str(other.pk)})
    record.refresh_from_db()
    assert record.canonical_id == other.pk


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2024-03-05", "5 March 2024"),
        ("2023-10", "October 2023"),
        ("2023", "2023"),
        ("not a date", "not a date"),
    ],
)
def test_dates_are_shown_in_words(text: str, shown: str) -> None:
    from civicwatch.web.views.claim_cards import show_date

    assert show_date(text) == shown
