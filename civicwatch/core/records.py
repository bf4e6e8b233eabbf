"""Typed records that extraction emits, and their JSON form (the extraction contract).

The contract in DESIGN.md ("The extraction contract") is what ``to_dict`` writes; keys may
be added but never renamed, because evaluation tools and stored claims read them.

Every record has a document-local ``id`` (``p1`` persons, ``o3`` outcomes, ``c2`` charges,
``e5`` events, ``g1`` organisations, ``l1`` places, ``f1`` follow-ups), given by
:func:`assign_ids` once extraction is done. Facts refer to their person by that id, never
by a name string. A fact's ``anchor`` is the span of the words that state it ("sentenced
her to five years"); its ``evidence`` is the whole sentence, for display.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import (
    EventType,
    FollowupKind,
    Freedom,
    InvolvementRole,
    OrganisationKind,
    PenaltyKind,
    PersonRole,
    PlaceKind,
)

Span = tuple[int, int]


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


def _date_dict(date: FuzzyDate | None) -> dict[str, Any]:
    return {
        "date": date.iso() if date else None,
        "date_precision": date.precision.value if date else None,
    }


@dataclass(slots=True)
class OutcomeRecord:
    kind: PenaltyKind
    amount: str | None = None
    date: FuzzyDate | None = None
    evidence: Evidence | None = None
    anchor: Span | None = None
    id: str = ""
    person: str | None = None  # the id of the person the outcome is about

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "person": self.person,
            "kind": self.kind.contract_kind.value,
            "amount": self.amount,
            **_date_dict(self.date),
        }
        if self.kind.contract_kind is not self.kind:
            data["detail"] = self.kind.value
        if self.anchor:
            data["anchor"] = list(self.anchor)
        if self.evidence:
            data["evidence"] = self.evidence.to_dict()
        return data


@dataclass(slots=True)
class ChargeRecord:
    """A legal provision the text links to one person, where it says so."""

    article: str  # contract label: "CC 274", "CAO 19.11"
    anchor: Span
    evidence: Evidence | None = None
    jurisdiction: str | None = None
    date: FuzzyDate | None = None
    id: str = ""
    person: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": self.person,
            "article": self.article,
            "jurisdiction": self.jurisdiction,
            **_date_dict(self.date),
            "anchor": list(self.anchor),
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }


@dataclass(slots=True)
class FollowupRecord:
    """Something the text says is still to come for a person: an appeal pending, a hearing
    postponed, a detention "until" a date."""

    kind: FollowupKind
    anchor: Span
    evidence: Evidence
    due: FuzzyDate | None = None
    id: str = ""
    person: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": self.person,
            "kind": self.kind.value,
            "due": self.due.iso() if self.due else None,
            "anchor": list(self.anchor),
            "evidence": self.evidence.to_dict(),
        }


@dataclass(slots=True)
class PersonRecord:
    name: str
    role: PersonRole = PersonRole.OTHER
    variants: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    outcomes: list[OutcomeRecord] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    charges: list[ChargeRecord] = field(default_factory=list)
    followups: list[FollowupRecord] = field(default_factory=list)
    jurisdiction: str | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "variants": list(self.variants),
            "role": self.role.value,
            "articles": list(self.articles),
            "jurisdiction": self.jurisdiction,
            "outcomes": [outcome.to_dict() for outcome in self.outcomes],
            "charges": [charge.to_dict() for charge in self.charges],
            "followups": [followup.to_dict() for followup in self.followups],
            "mentions": [list(span) for span in self.mentions],
        }

    def identity_dict(self) -> dict[str, Any]:
        """What a person claim asserts: who, not what happened to them (facts are claims
        of their own)."""
        return {
            "name": self.name,
            "variants": list(self.variants),
            "role": self.role.value,
            "mentions": [list(span) for span in self.mentions],
        }


@dataclass(slots=True)
class OrganisationRecord:
    name: str
    kind: OrganisationKind = OrganisationKind.OTHER
    variants: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
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
    mentions: list[Span] = field(default_factory=list)
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
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
    person: str | None = None  # the person's id; None for people who are not persons
    # Index of the person among the extractor's internal clusters, until ids are given.
    index: int = field(default=-1, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role.value, "person": self.person}


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
    anchor: Span | None = None  # the trigger words ("was detained"); the sentence if none
    id: str = ""

    @property
    def span(self) -> Span:
        return self.anchor or (self.evidence.start, self.evidence.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type.value,
            **_date_dict(self.date),
            "participants": [participant.to_dict() for participant in self.participants],
            "articles": list(self.articles),
            "outcome": (
                {
                    "id": self.outcome.id or None,
                    "kind": self.outcome.kind.contract_kind.value,
                    "amount": self.outcome.amount,
                }
                if self.outcome
                else None
            ),
            "place": self.place,
            "freedoms": [freedom.value for freedom in self.freedoms],
            "anchor": list(self.span),
            "evidence": self.evidence.to_dict(),
        }


@dataclass(slots=True)
class DocumentInfo:
    title: str | None = None
    published: FuzzyDate | None = None
    sha256: str | None = None
    country: str | None = None  # ISO code of the country the document is mostly about
    language: str | None = None  # ISO 639-1 code of the language it was read in

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published.iso() if self.published else None,
            "sha256": self.sha256,
            "country": self.country,
            "language": self.language,
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
    # Why nothing was extracted, when the reason is not the text itself ("no extraction
    # for Kazakh"): stored on the document and shown to whoever reads it.
    note: str | None = None

    def outcomes(self) -> list[OutcomeRecord]:
        return [outcome for person in self.persons for outcome in person.outcomes]

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "extractor": {"name": self.extractor, "version": self.extractor_version},
            "persons": [person.to_dict() for person in self.persons],
            "organisations": [org.to_dict() for org in self.organisations],
            "places": [place.to_dict() for place in self.places],
            "events": [event.to_dict() for event in self.events],
            "other_places": [place.to_dict() for place in self.other_places],
            **({"note": self.note} if self.note else {}),
        }


def assign_ids(result: ExtractionResult) -> None:
    """Give every record its document-local id and point facts at their person's id.

    Participants and outcomes carry the extractor's internal person index until now;
    people who are not persons of the document (officials, speakers) get no id.
    """
    counters: dict[str, int] = {}

    def next_id(prefix: str) -> str:
        counters[prefix] = counters.get(prefix, 0) + 1
        return f"{prefix}{counters[prefix]}"

    for person in result.persons:
        person.id = next_id("p")
        for outcome in person.outcomes:
            outcome.id, outcome.person = next_id("o"), person.id
        for charge in person.charges:
            charge.id, charge.person = next_id("c"), person.id
        for followup in person.followups:
            followup.id, followup.person = next_id("f"), person.id
    for organisation in result.organisations:
        organisation.id = next_id("g")
    for place in (*result.places, *result.other_places):
        place.id = next_id("l")
    for event in result.events:
        event.id = next_id("e")
