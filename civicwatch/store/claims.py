"""Store extraction results as proposed Claims, and re-extract without losing review.

A claim's identity is its kind, span and the machine's value. Re-extraction keeps every
claim a person has reviewed (accepted, corrected, rejected) exactly as it is, keeps
unchanged proposals, marks proposals the new extractor no longer makes as superseded, and
adds what is new.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from civicwatch.core.records import ExtractionResult
from civicwatch.core.vocab import ClaimKind, ReviewState
from civicwatch.errors import ExtractionError
from civicwatch.store.models import Claim, Document


@dataclass(frozen=True)
class ProposedClaim:
    kind: ClaimKind
    start: int
    end: int
    quote: str
    value: dict[str, Any]

    @property
    def identity(self) -> tuple[str, int, int, str]:
        return (self.kind.value, self.start, self.end, _canonical(self.value))


@dataclass(frozen=True)
class ReextractSummary:
    kept: int
    added: int
    superseded: int
    reviewed_untouched: int


def run_extractor(document: Document) -> ExtractionResult:
    """Run the current extractor over a stored document's text."""
    from civicwatch.extract import extract_records

    return extract_records(
        document.text,
        published=document.published,
        title=document.title,
        sha256=document.sha256,
    )


def proposed_claims(text: str, result: ExtractionResult) -> list[ProposedClaim]:
    """Flatten an extraction result into claims, each tied to the characters it came from."""
    claims: list[ProposedClaim] = []

    def add(kind: ClaimKind, start: int, end: int, value: dict[str, Any]) -> None:
        claims.append(ProposedClaim(kind, start, end, text[start:end], value))

    for person in result.persons:
        if person.mentions:
            start, end = person.mentions[0]
            add(ClaimKind.PERSON, start, end, person.to_dict())
        for outcome in person.outcomes:
            if outcome.evidence is not None:
                value = {"person": person.name, **outcome.to_dict()}
                value.pop("evidence", None)
                add(ClaimKind.OUTCOME, outcome.evidence.start, outcome.evidence.end, value)
    for organisation in result.organisations:
        if organisation.mentions:
            start, end = organisation.mentions[0]
            add(ClaimKind.ORGANISATION, start, end, organisation.to_dict())
    for place in result.places:
        if place.mentions:
            start, end = place.mentions[0]
            add(ClaimKind.PLACE, start, end, place.to_dict())
    for event in result.events:
        value = event.to_dict()
        value.pop("evidence", None)
        add(ClaimKind.EVENT, event.evidence.start, event.evidence.end, value)
        for article in event.articles:
            add(
                ClaimKind.PROVISION,
                event.evidence.start,
                event.evidence.end,
                {
                    "article": article,
                    "event_type": event.type.value,
                    "persons": [p.name for p in event.participants],
                },
            )
    return _unique(claims)


def store_extraction(document: Document, result: ExtractionResult) -> int:
    """Create proposed claims for a new document; returns how many."""
    claims = proposed_claims(document.text, result)
    Claim.objects.bulk_create(_new_claim(document, claim, result) for claim in claims)
    return len(claims)


def extract_and_store(document: Document) -> int:
    """Extract and store claims for a document being ingested (inside its transaction).

    An extractor crash fails the whole file, so a document is never stored without the
    claims it should have; ``ingest --no-extract`` stores it without extraction.
    """
    try:
        result = run_extractor(document)
    except Exception as error:  # the extractor is pure code over text: any failure is a bug
        raise ExtractionError(
            f"extraction failed ({type(error).__name__}: {error}); "
            "ingest with --no-extract to store the document without claims"
        ) from error
    return store_extraction(document, result)


def reextract(document: Document) -> ReextractSummary:
    """Re-run the extractor on one document, in one transaction."""
    result = run_extractor(document)
    fresh = {claim.identity: claim for claim in proposed_claims(document.text, result)}
    now = timezone.now()
    kept = superseded = untouched = 0
    with transaction.atomic():
        existing = list(
            Claim.objects.select_for_update()
            .filter(document=document, superseded_at__isnull=True)
            .exclude(extractor="")
        )
        for claim in existing:
            identity = _identity(claim)
            if claim.review_state != ReviewState.PROPOSED.value:
                untouched += 1
                fresh.pop(identity, None)
            elif identity in fresh:
                fresh.pop(identity)
                claim.extractor_version = result.extractor_version
                claim.save(update_fields=["extractor_version"])
                kept += 1
            else:
                claim.superseded_at = now
                claim.save(update_fields=["superseded_at"])
                superseded += 1
        Claim.objects.bulk_create(_new_claim(document, claim, result) for claim in fresh.values())
    return ReextractSummary(kept, len(fresh), superseded, untouched)


def _new_claim(document: Document, claim: ProposedClaim, result: ExtractionResult) -> Claim:
    return Claim(
        document=document,
        kind=claim.kind.value,
        start=claim.start,
        end=claim.end,
        quote=claim.quote,
        machine_value=claim.value,
        value=claim.value,
        extractor=result.extractor,
        extractor_version=result.extractor_version,
        review_state=ReviewState.PROPOSED.value,
    )


def _identity(claim: Claim) -> tuple[str, int, int, str]:
    return (claim.kind, claim.start, claim.end, _canonical(claim.machine_value))


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _unique(claims: list[ProposedClaim]) -> list[ProposedClaim]:
    """Drop repeats (the same provision stated for one event twice), keeping order."""
    unique: dict[tuple[str, int, int, str], ProposedClaim] = {}
    for claim in claims:
        unique.setdefault(claim.identity, claim)
    return list(unique.values())


def iter_documents(ids: list[int] | None) -> Iterator[Document]:
    queryset = Document.objects.order_by("pk")
    if ids:
        queryset = queryset.filter(pk__in=ids)
    yield from queryset.iterator()
