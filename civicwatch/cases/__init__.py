"""Case files from claims: identity across reports, timelines, status, follow-ups.

``cases`` sits between the service layer and the store: it reads claims and identity
decisions and (re)writes the derived case-file tables. The pure rules live in
:mod:`.timeline`, :mod:`.status` and :mod:`.followups`; :mod:`.identity` decides who is
who; :mod:`.build` writes.
"""

from __future__ import annotations

from civicwatch.cases.build import BuildSummary, build_people
from civicwatch.cases.entities import resolve_document_entities
from civicwatch.cases.identity import create_persons, refresh_keys, resolve
from civicwatch.core.vocab import ClaimKind
from civicwatch.store.models import Claim, Document, Person

__all__ = ["BuildSummary", "build_people", "update_document"]


def update_document(document: Document) -> BuildSummary:
    """After a document's claims changed: give new person claims a Person, resolve them
    against the people already known, and rebuild every case file the document touches.

    Call inside the transaction that changed the claims.
    """
    resolve_document_entities(document)
    person_claims = list(
        Claim.objects.filter(document=document, kind=ClaimKind.PERSON.value).order_by("pk")
    )
    known = dict(Person.objects.filter(claim__in=person_claims).values_list("claim_id", "pk"))
    fresh = [claim for claim in person_claims if claim.pk not in known and claim.is_live]
    persons = create_persons(fresh, document.country)
    for person in Person.objects.filter(pk__in=known.values()).select_related("claim"):
        refresh_keys(person)
    resolve(persons, document)
    roots = {
        canonical or pk
        for pk, canonical in Person.objects.filter(claim__document=document).values_list(
            "pk", "canonical_id"
        )
    }
    return build_people(roots)
