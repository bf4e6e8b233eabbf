"""Rows of the CSV and ACLED exports: records with their vocabulary terms resolved to
labels, read lazily (one chunk of rows at a time) through an export's :class:`Scope`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch

from civicwatch.core.vocab import (
    ChargeStatus,
    DatePrecision,
    EventType,
    Freedom,
    Gender,
    InvolvementRole,
    LegalCode,
    PenaltyKind,
    PersonRole,
    PersonStatus,
    Unit,
    Vocabulary,
)
from civicwatch.exports.scope import CHUNK, Scope
from civicwatch.store.models import Claim, Involvement, PersonName

SEPARATOR = "; "


def label(vocabulary: type[Vocabulary], value: str | None) -> str:
    """The English label of a stored term (an unknown stored value is written as it is)."""
    if not value:
        return ""
    try:
        return vocabulary(value).english_label
    except ValueError:
        return value


def labels(vocabulary: type[Vocabulary], values: list[str] | None) -> str:
    return SEPARATOR.join(label(vocabulary, value) for value in values or [])


def iso(value: Any) -> str:
    return value.isoformat() if value else ""


def sources_prefetch(scope: Scope, name: str = "sources") -> Prefetch:
    return Prefetch(
        name,
        queryset=Claim.objects.filter(pk__in=scope.claims.values("pk")).only("pk", "document_id"),
    )


def source_documents(row: Any) -> str:
    return SEPARATOR.join(
        str(d) for d in sorted({claim.document_id for claim in row.sources.all()})
    )


PERSON_COLUMNS = [
    "id",
    "name",
    "variants",
    "gender",
    "born",
    "country",
    "roles",
    "status",
    "status_since",
    "expected_release",
    "sensitivity",
]


def person_rows(scope: Scope) -> Iterator[dict[str, Any]]:
    names = Prefetch(
        "names", PersonName.objects.filter(scope.visible_claim("claim")).order_by("name")
    )
    for person in scope.roots.order_by("pk").prefetch_related(names).iterator(chunk_size=CHUNK):
        yield {
            "id": person.pk,
            "name": person.canonical_name,
            "variants": SEPARATOR.join(
                n.name for n in person.names.all() if n.name != person.canonical_name
            ),
            "gender": label(Gender, person.gender),
            "born": person.born or "",
            "country": person.country,
            "roles": labels(PersonRole, person.roles),
            "status": label(PersonStatus, person.status),
            "status_since": iso(person.status_since),
            "expected_release": iso(person.expected_release),
            "sensitivity": person.sensitivity,
        }


EVENT_COLUMNS = [
    "id",
    "type",
    "type_label",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "country",
    "latitude",
    "longitude",
    "freedoms",
    "articles",
    "summary",
    "people",
    "organisations",
    "source_documents",
]


def _involvements(scope: Scope) -> Prefetch:
    return Prefetch(
        "involvements",
        Involvement.objects.filter(pk__in=scope.involvements.values("pk"))
        .select_related("person", "organisation")
        .order_by("pk"),
    )


def event_rows(scope: Scope, events: Any = None) -> Iterator[dict[str, Any]]:
    queryset = scope.events if events is None else events
    queryset = queryset.select_related("place").prefetch_related(
        sources_prefetch(scope), _involvements(scope)
    )
    for event in queryset.iterator(chunk_size=CHUNK):
        involvements = list(event.involvements.all())
        place = event.place
        yield {
            "id": event.pk,
            "type": event.type,
            "type_label": label(EventType, event.type),
            "date": str(event.date) if event.date else "",
            "date_start": iso(event.date_start),
            "date_end": iso(event.date_end),
            "date_precision": label(DatePrecision, event.date_precision),
            "place": place.name if place else "",
            "country": (place.country_code if place else "") or getattr(event, "country", ""),
            "latitude": place.latitude if place and place.latitude is not None else "",
            "longitude": place.longitude if place and place.longitude is not None else "",
            "freedoms": labels(Freedom, event.freedoms),
            "articles": SEPARATOR.join(event.articles or []),
            "summary": event.summary,
            "people": SEPARATOR.join(
                f"{i.person.canonical_name} ({label(InvolvementRole, i.role)})"
                for i in involvements
                if i.person is not None
            ),
            "organisations": SEPARATOR.join(
                f"{i.organisation.name} ({label(InvolvementRole, i.role)})"
                for i in involvements
                if i.organisation is not None
            ),
            "source_documents": source_documents(event),
            "_involvements": involvements,
            "_place": place,
            "_precision": event.date_precision,
            "freedoms_terms": list(event.freedoms or []),
        }


CHARGE_COLUMNS = [
    "id",
    "person_id",
    "person",
    "provision",
    "jurisdiction",
    "code",
    "article",
    "part",
    "short_title",
    "status",
    "first_date",
    "case_reference",
    "source_documents",
]


def charge_rows(scope: Scope) -> Iterator[dict[str, Any]]:
    queryset = scope.charges.select_related("person", "provision").prefetch_related(
        sources_prefetch(scope)
    )
    for charge in queryset.iterator(chunk_size=CHUNK):
        provision = charge.provision
        yield {
            "id": charge.pk,
            "person_id": charge.person_id,
            "person": charge.person.canonical_name,
            "provision": provision.label,
            "jurisdiction": provision.jurisdiction,
            "code": label(LegalCode, provision.code),
            "article": provision.article,
            "part": provision.part,
            "short_title": provision.short_title,
            "status": label(ChargeStatus, charge.status),
            "first_date": iso(charge.first_date),
            "case_reference": charge.case_reference,
            "source_documents": source_documents(charge),
        }


OUTCOME_COLUMNS = [
    "id",
    "event_id",
    "person_id",
    "person",
    "kind",
    "amount",
    "quantity",
    "quantity_max",
    "unit",
    "date",
    "source_documents",
]


def outcome_rows(scope: Scope) -> Iterator[dict[str, Any]]:
    queryset = scope.outcomes.select_related("person").prefetch_related(sources_prefetch(scope))
    for outcome in queryset.iterator(chunk_size=CHUNK):
        yield {
            "id": outcome.pk,
            "event_id": outcome.event_id,
            "person_id": outcome.person_id or "",
            "person": outcome.person.canonical_name if outcome.person else "",
            "kind": label(PenaltyKind, outcome.kind),
            "amount": outcome.amount,
            "quantity": "" if outcome.quantity is None else str(outcome.quantity),
            "quantity_max": "" if outcome.quantity_max is None else str(outcome.quantity_max),
            "unit": label(Unit, outcome.unit),
            "date": str(outcome.date) if outcome.date else "",
            "source_documents": source_documents(outcome),
        }


SOURCE_COLUMNS = [
    "id",
    "title",
    "publisher",
    "source_url",
    "published",
    "language",
    "country",
    "filename",
    "sha256",
    "sensitivity",
]


def source_rows(scope: Scope) -> Iterator[dict[str, Any]]:
    queryset = scope.documents.defer("text")
    for document in queryset.iterator(chunk_size=CHUNK):
        yield {
            "id": document.pk,
            "title": document.title,
            "publisher": document.publisher,
            "source_url": document.source_url,
            "published": iso(document.published),
            "language": document.language,
            "country": document.country,
            "filename": document.filename,
            "sha256": document.sha256,
            "sensitivity": document.sensitivity,
        }


TABLES = {
    "persons": (PERSON_COLUMNS, person_rows),
    "events": (EVENT_COLUMNS, event_rows),
    "charges": (CHARGE_COLUMNS, charge_rows),
    "outcomes": (OUTCOME_COLUMNS, outcome_rows),
    "sources": (SOURCE_COLUMNS, source_rows),
}
