"""Extraction results stored as claims: one claim per fact on its own span, linked to its
subject; re-extraction that updates proposals in place and never touches a review."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db.models import Count

from civicwatch.core.vocab import ClaimKind, PenaltyKind, ReviewState
from civicwatch.services.documents import DocumentMetadata, ingest_file, reextract_documents
from civicwatch.store.claims import sync_claims
from civicwatch.store.models import Claim, ClaimRevision, Document
from tests.cases.builders import Said, document_with, extraction

pytestmark = pytest.mark.django_db

REPORT = """Quarterly update on civic freedoms

Published 5 July 2024

On 14 May 2024, police in Almaty detained activist Nurlan Temirbayev during a peaceful
rally outside the akimat. The next day a court fined him 150 EUR under article 488 of the
Code of Administrative Offences.

On 2 June 2024, journalist Aliya Serikova was sentenced to four years in prison under
article 274 of the Criminal Code for her posts about corruption. Her lawyer said she would
appeal.
"""


@pytest.fixture
def document(tmp_path: Path) -> Document:
    path = tmp_path / "update.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = ingest_file(path, DocumentMetadata())
    assert result.document_id, result.error
    return Document.objects.get(pk=result.document_id)


def test_ingest_stores_one_claim_per_fact_with_exact_spans(document):
    claims = list(document.claims.all())
    for claim in claims:
        assert document.text[claim.start : claim.end] == claim.quote
        assert claim.review_state == ReviewState.PROPOSED.value
        assert claim.machine_value == claim.value
        assert claim.extractor and claim.extractor_version
        assert claim.confidence is not None and 0.3 <= claim.confidence <= 0.95
    kinds = {claim.kind for claim in claims}
    assert {"person", "event", "outcome", "provision", "involvement"} <= kinds
    persons = {c.value["name"]: c for c in claims if c.kind == ClaimKind.PERSON.value}
    assert {"Nurlan Temirbayev", "Aliya Serikova"} <= set(persons)
    # A person claim says who, not what happened: facts are claims of their own.
    assert "outcomes" not in persons["Aliya Serikova"].value
    (prison,) = [
        c
        for c in claims
        if c.kind == ClaimKind.OUTCOME.value and c.subject_id == persons["Aliya Serikova"].pk
    ]
    assert prison.value["kind"] == "prison" and prison.value["amount"] == "4 years"
    assert "four years" in prison.quote  # anchored on its own words, not the sentence
    charges = {
        c.value["article"]: c
        for c in claims
        if c.kind == ClaimKind.PROVISION.value and c.subject_id == persons["Nurlan Temirbayev"].pk
    }
    assert charges["CAO 488"].quote == "488"
    for claim in claims:
        if claim.kind in ("outcome", "provision", "involvement", "followup"):
            assert claim.subject is not None and claim.subject.kind == "person"


def test_reextract_with_the_same_extractor_changes_nothing(document):
    before = list(document.claims.order_by("pk").values_list("pk", "value"))
    (item,) = list(reextract_documents([document.pk]))
    summary = item.summary
    assert (summary.added, summary.updated, summary.superseded) == (0, 0, 0)
    assert summary.kept == len(before)
    assert list(document.claims.order_by("pk").values_list("pk", "value")) == before
    assert not ClaimRevision.objects.exists()


TEXT = "Rustam Aliyev was sentenced to 5 years in prison under article 174. Dana Ospan was fined."


def _said(amount: str) -> list[Said]:
    return [
        Said(
            "Rustam Aliyev",
            outcomes=[(PenaltyKind.PRISON, amount, "2024-01-10")],
            articles=["CC 174"],
        ),
        Said("Dana Ospan", outcomes=[(PenaltyKind.FINE, None, None)]),
    ]


def test_a_changed_extractor_updates_proposals_in_place_and_keeps_reviews() -> None:
    from civicwatch.services.review import accept, correct

    document = document_with(TEXT, _said("5 years"), version="t1")
    claims = {(c.kind, c.quote): c for c in document.claims.all()}
    outcome = claims[("outcome", "5 years")]
    person = claims[("person", "Rustam Aliyev")]
    fine = claims[("outcome", "fine")]
    accept([person.pk])
    correct(fine.pk, {"amount": "200 MCI"})

    # A newer extractor reads the same words as a different amount and drops a charge.
    said = _said("5 years")
    said[0].outcomes = [(PenaltyKind.PRISON, "5 years", "2024-01-11")]
    said[0].articles = []
    said[1].outcomes = [(PenaltyKind.FINE, None, "2024-01-10")]
    result = extraction(TEXT, said, published=document.published, version="t2")
    summary = sync_claims(document, result)

    outcome.refresh_from_db()
    assert outcome.value["date"] == "2024-01-11"  # the proposal follows the extractor
    assert outcome.extractor_version == "t2"
    (revision,) = outcome.history.all()
    assert revision.action == "machine_updated"
    assert revision.machine_value["date"] == "2024-01-10"  # the earlier machine value kept
    fine.refresh_from_db()
    assert fine.value["amount"] == "200 MCI"  # reviewed: untouched
    assert fine.machine_value["date"] is None
    assert fine.review_state == "corrected"
    charge = claims[("provision", "174")]
    charge.refresh_from_db()
    assert charge.superseded_at is not None
    assert summary.reviewed_untouched == 2
    assert summary.updated == 1 and summary.superseded == 1
    live = (
        Claim.objects.filter(document=document, superseded_at__isnull=True)
        .values("kind", "start", "end", "subject")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not live.exists(), "two live claims share an identity"

    # The old extractor again: the superseded charge is restored, not duplicated.
    again = sync_claims(document, extraction(TEXT, _said("5 years"), published=document.published))
    charge.refresh_from_db()
    assert charge.superseded_at is None
    assert again.restored == 1
    assert [r.action for r in charge.history.all()] == ["superseded", "restored"]
