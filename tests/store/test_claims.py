"""Extraction results stored as claims, and re-extraction that keeps every review."""

from pathlib import Path

import pytest
from django.db.models import Count

from civicwatch.core.vocab import ClaimKind, ReviewState
from civicwatch.store.claims import extract_and_store, reextract
from civicwatch.store.ingestion import DocumentMetadata, store_file
from civicwatch.store.models import Claim, Document

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
    stored, _ = store_file(path, DocumentMetadata(), after_create=extract_and_store)
    return stored


def test_ingest_stores_proposed_claims_with_exact_spans(document):
    claims = list(document.claims.all())
    assert claims, "extraction proposed nothing"
    for claim in claims:
        assert document.text[claim.start : claim.end] == claim.quote
        assert claim.review_state == ReviewState.PROPOSED.value
        assert claim.machine_value == claim.value
        assert claim.extractor and claim.extractor_version
    kinds = {claim.kind for claim in claims}
    assert {ClaimKind.PERSON.value, ClaimKind.EVENT.value} <= kinds
    persons = {c.value["name"] for c in claims if c.kind == ClaimKind.PERSON.value}
    assert {"Nurlan Temirbayev", "Aliya Serikova"} <= persons


def test_reextract_with_the_same_extractor_changes_nothing(document):
    before = document.claims.count()
    summary = reextract(document)
    assert (summary.added, summary.superseded, summary.kept) == (0, 0, before)
    assert document.claims.count() == before


def test_reextract_keeps_review_decisions_and_marks_changed_proposals(document):
    claims = list(document.claims.order_by("pk"))
    accepted, corrected, rejected, outdated = claims[0], claims[1], claims[2], claims[3]
    accepted.review_state = ReviewState.ACCEPTED.value
    accepted.save()
    corrected.value = {**corrected.value, "note": "reviewer's correction"}
    corrected.review_state = ReviewState.CORRECTED.value
    corrected.save()
    rejected.review_state = ReviewState.REJECTED.value
    rejected.save()
    # What an older extractor said and the current one no longer says.
    outdated.machine_value = {**outdated.machine_value, "older": True}
    outdated.value = outdated.machine_value
    outdated.save()

    summary = reextract(document)

    assert summary.reviewed_untouched == 3
    assert summary.superseded == 1
    assert summary.added == 1
    outdated.refresh_from_db()
    assert outdated.superseded_at is not None
    corrected.refresh_from_db()
    assert corrected.value["note"] == "reviewer's correction"
    assert corrected.review_state == ReviewState.CORRECTED.value
    for claim in (accepted, rejected):
        claim.refresh_from_db()
        assert claim.superseded_at is None
    # No live duplicates: every (kind, span, machine value) appears once among live claims.
    duplicates = (
        Claim.objects.filter(document=document, superseded_at__isnull=True)
        .values("kind", "start", "end", "machine_value")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not duplicates.exists()
