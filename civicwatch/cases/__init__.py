"""Case files from claims: identity across reports, timelines, status, follow-ups.

``cases`` sits between the service layer and the store: it reads claims and identity
decisions and (re)writes the derived case-file tables. The pure rules live in
:mod:`.timeline`, :mod:`.status` and :mod:`.followups`; :mod:`.identity` decides who is
who; :mod:`.build` writes.

The transaction that stores a document's claims marks the document ``cases_pending``
(:func:`mark_document`). :func:`build_pending` then catches up, in bounded transactions:
it attaches organisations and places, gives new person claims their records and resolves
them against the people already known (documents in the order they were stored), marks
the people touched ``needs_build`` and rebuilds each of them once, however many documents
named them. Ingest calls it after each file, or after every thousand files of a folder
and at its end; review
decisions, merges and ``civicwatch rebuild`` call it too, so nothing marked is ever left
behind.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from civicwatch.cases.build import BuildSummary, build_people
from civicwatch.cases.entities import resolve_document_entities
from civicwatch.cases.identity import create_persons, rekey, resolve_documents
from civicwatch.core.vocab import ClaimKind, ReviewState
from civicwatch.store.models import Claim, Document, Person

__all__ = ["BuildSummary", "build_pending", "build_people", "mark_document"]

# Documents prepared, and case files rebuilt, per transaction (bounded, so that one
# transaction never holds the database for long).
DOCUMENT_BATCH = 250
BUILD_BATCH = 400


def mark_document(document: Document) -> None:
    """Its claims changed: its case files must catch up (call in the same transaction)."""
    Document.objects.filter(pk=document.pk).update(cases_pending=True)


def build_pending(*, today: date | None = None) -> BuildSummary:
    """Bring every case file up to date with the claims of the marked documents."""
    while _prepare_next_documents():
        pass
    totals = BuildSummary(0, 0, 0, 0, 0)
    while True:
        with transaction.atomic():
            marked = list(
                Person.objects.filter(needs_build=True)
                .order_by("pk")
                .values_list("pk", "canonical_id")[:BUILD_BATCH]
            )
            if not marked:
                return totals
            # a record merged into someone is built as part of its group
            roots = {canonical or pk for pk, canonical in marked}
            summary = build_people(roots, today=today)
            Person.objects.filter(pk__in=[pk for pk, _ in marked] + list(roots)).update(
                needs_build=False
            )
        totals = totals + summary


def _prepare_next_documents() -> bool:
    """Entities, person records and identity for the next batch of marked documents."""
    with transaction.atomic():
        documents = list(
            Document.objects.select_for_update()
            .filter(cases_pending=True)
            .order_by("pk")
            .only("pk", "country")[:DOCUMENT_BATCH]
        )
        if not documents:
            return False
        resolve_document_entities(documents)
        claims = list(
            Claim.objects.filter(document__in=documents, kind=ClaimKind.PERSON.value)
            .only("pk", "document_id", "value", "superseded_at", "review_state")
            .order_by("document_id", "pk")
        )
        known = dict(Person.objects.filter(claim__in=claims).values_list("claim_id", "pk"))
        fresh = [
            claim
            for claim in claims
            if claim.pk not in known
            and claim.superseded_at is None
            and claim.review_state != ReviewState.REJECTED.value
        ]
        country = {document.pk: document.country for document in documents}
        persons = create_persons(fresh, country)
        # earlier records whose claims a newer extractor may have changed
        rekey(
            {
                canonical or pk
                for pk, canonical in Person.objects.filter(pk__in=known.values()).values_list(
                    "pk", "canonical_id"
                )
            }
        )
        by_document: dict[int, list[Person]] = {document.pk: [] for document in documents}
        for person in persons:
            assert person.claim is not None
            by_document[person.claim.document_id].append(person)
        resolve_documents([(document, by_document[document.pk]) for document in documents])
        roots = {
            canonical or pk
            for pk, canonical in Person.objects.filter(claim__document__in=documents).values_list(
                "pk", "canonical_id"
            )
        }
        Person.objects.filter(pk__in=roots).update(needs_build=True)
        Document.objects.filter(pk__in=[document.pk for document in documents]).update(
            cases_pending=False
        )
    return True
