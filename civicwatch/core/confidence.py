"""How much a reviewer may trust one extracted record, from what the record itself shows.

The extractor is rule-based and gives no probabilities, so confidence is a small, stated
heuristic over the record: a fact with its amount, date and a full name behind it is more
often right than a bare surname with a penalty word. Reviewers use it to order the queue
and to accept a document's claims in bulk above a threshold (``review accept --document
ID --min-confidence 0.8``); it is never a reason to hide a claim.

Every score is in [0.3, 0.95]: nothing the machine says is certain, nothing is worthless.
"""

from __future__ import annotations

from civicwatch.core.records import (
    ChargeRecord,
    EventRecord,
    FollowupRecord,
    OrganisationRecord,
    OutcomeRecord,
    PersonRecord,
    PlaceRecord,
)
from civicwatch.core.vocab import OrganisationKind, PenaltyKind, PersonRole

__all__ = [
    "charge_confidence",
    "event_confidence",
    "followup_confidence",
    "organisation_confidence",
    "outcome_confidence",
    "person_confidence",
    "place_confidence",
]


def _bounded(score: float) -> float:
    return round(min(0.95, max(0.3, score)), 2)


def person_confidence(person: PersonRecord) -> float:
    score = 0.55
    if len(person.name.split()) >= 2:
        score += 0.2  # a full name, not a surname alone
    if person.outcomes or person.charges:
        score += 0.15  # the report says what happened to them
    if person.role is not PersonRole.OTHER:
        score += 0.05
    return _bounded(score)


def outcome_confidence(outcome: OutcomeRecord) -> float:
    score = 0.6
    if outcome.amount:
        score += 0.15
    if outcome.date is not None:
        score += 0.15
    if outcome.kind is PenaltyKind.OTHER:
        score -= 0.15  # "detained", bans and the like are the loosest category
    return _bounded(score)


def charge_confidence(charge: ChargeRecord) -> float:
    score = 0.75
    if charge.jurisdiction:
        score += 0.1
    if charge.date is not None:
        score += 0.05
    return _bounded(score)


def followup_confidence(followup: FollowupRecord) -> float:
    return _bounded(0.6 + (0.15 if followup.due is not None else 0.0))


def organisation_confidence(organisation: OrganisationRecord) -> float:
    # Named bodies from the lexicon come with their kind; generic patterns give "other".
    return _bounded(0.8 if organisation.kind is not OrganisationKind.OTHER else 0.6)


def place_confidence(place: PlaceRecord) -> float:
    # Places come from the gazetteer; one with coordinates is a known place.
    return _bounded(0.85 if place.latitude is not None else 0.65)


def event_confidence(event: EventRecord) -> float:
    score = 0.5
    if event.participants:
        score += 0.2
    if event.date is not None:
        score += 0.15
    if event.outcome is not None:
        score += 0.05
    return _bounded(score)
