"""Typed records that extraction emits, and their JSON form (the extraction contract).

The contract in DESIGN.md ("The extraction contract") is what ``to_dict`` writes; keys may
be added but never renamed, because evaluation tools and stored claims read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import (
    EventType,
    Freedom,
    InvolvementRole,
    OrganisationKind,
    PenaltyKind,
    PersonRole,
    PlaceKind,
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass(slots=True)
class OutcomeRecord:
    kind: PenaltyKind
    amount: str | None = None
    date: FuzzyDate | None = None
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind.contract_kind.value,
            "amount": self.amount,
            "date": self.date.iso() if self.date else None,
        }
        if self.kind.contract_kind is not self.kind:
            data["detail"] = self.kind.value
        if self.evidence:
            data["evidence"] = self.evidence.to_dict()
        return data


@dataclass(slots=True)
class PersonRecord:
    name: str
    role: PersonRole = PersonRole.OTHER
    variants: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    outcomes: list[OutcomeRecord] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "variants": list(self.variants),
            "role": self.role.value,
            "articles": list(self.articles),
            "outcomes": [outcome.to_dict() for outcome in self.outcomes],
            "mentions": [list(span) for span in self.mentions],
        }


@dataclass(slots=True)
class OrganisationRecord:
    name: str
    kind: OrganisationKind = OrganisationKind.OTHER
    variants: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "variants": list(self.variants),
            "kind": self.kind.value,
            "mentions": [list(span) for span in self.mentions],
        }


@dataclass(slots=True)
class PlaceRecord:
    name: str
    kind: PlaceKind = PlaceKind.OTHER
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind.value,
            "country": self.country,
            "coordinates": ([self.latitude, self.longitude] if self.latitude is not None else None),
            "mentions": [list(span) for span in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    role: InvolvementRole

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role.value}


@dataclass(slots=True)
class EventRecord:
    type: EventType
    evidence: Evidence
    date: FuzzyDate | None = None
    participants: list[Participant] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    outcome: OutcomeRecord | None = None
    place: str | None = None
    freedoms: list[Freedom] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type.value,
            "date": self.date.iso() if self.date else None,
            "date_precision": self.date.precision.value if self.date else None,
            "participants": [participant.to_dict() for participant in self.participants],
            "articles": list(self.articles),
            "outcome": (
                {"kind": self.outcome.kind.contract_kind.value, "amount": self.outcome.amount}
                if self.outcome
                else None
            ),
            "place": self.place,
            "freedoms": [freedom.value for freedom in self.freedoms],
            "evidence": self.evidence.to_dict(),
        }


@dataclass(slots=True)
class DocumentInfo:
    title: str | None = None
    published: FuzzyDate | None = None
    sha256: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published.iso() if self.published else None,
            "sha256": self.sha256,
        }


@dataclass(slots=True)
class ExtractionResult:
    """Everything extracted from one document: the extraction contract as records."""

    document: DocumentInfo
    persons: list[PersonRecord] = field(default_factory=list)
    organisations: list[OrganisationRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    extractor: str = "civicwatch"
    extractor_version: str = "0"
    # Countries and buildings (courts, embassies, detention centres): kept apart from
    # ``places``, which lists where things happened (cities, regions) as annotators do.
    other_places: list[PlaceRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "extractor": {"name": self.extractor, "version": self.extractor_version},
            "persons": [person.to_dict() for person in self.persons],
            "organisations": [org.to_dict() for org in self.organisations],
            "places": [place.to_dict() for place in self.places],
            "events": [event.to_dict() for event in self.events],
            "other_places": [place.to_dict() for place in self.other_places],
        }
