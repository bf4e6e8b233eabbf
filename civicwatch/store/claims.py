"""Extraction results as claims: one claim per fact, anchored on its own words, linked to
its subject; re-extraction that updates proposals in place and never touches a review.

A claim's identity is (document, kind, span, subject), never its value:

- a subject claim (person, organisation, place) is anchored on its first mention, and an
  existing one is recognised again when its span is any mention of the fresh record, so a
  newer extractor that finds an earlier mention does not make a second person;
- a fact claim (outcome, charge, follow-up, part in an event) is anchored on the words that
  state it and belongs to its subject claim; an event claim on its trigger words.

Syncing a document's claims with a fresh extraction (:func:`sync_claims`) keeps every
reviewed claim as it is, updates a proposal whose value changed (the earlier machine value
goes to its history), supersedes proposals the extractor no longer makes, restores ones it
makes again, and adds what is new. Ingest is the same operation on an empty document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from civicwatch.core.confidence import (
    charge_confidence,
    event_confidence,
    followup_confidence,
    organisation_confidence,
    outcome_confidence,
    person_confidence,
    place_confidence,
)
from civicwatch.core.records import EventRecord, ExtractionResult, Span
from civicwatch.core.vocab import SUBJECT_CLAIM_KINDS, ClaimAction, ClaimKind, ReviewState
from civicwatch.store.bulk import insert_models
from civicwatch.store.models import Claim, ClaimRevision, Document

__all__ = ["ProposedClaim", "SyncSummary", "proposed_claims", "sync_claims"]


@dataclass(frozen=True)
class ProposedClaim:
    """One claim as the extractor proposes it; ``ref`` and the refs point within one run."""

    ref: str
    kind: ClaimKind
    start: int
    end: int
    value: dict[str, Any]
    subject_ref: str | None = None
    context_ref: str | None = None
    confidence: float | None = None
    # Other spans that denote the same subject (every mention of a person).
    aliases: tuple[Span, ...] = ()


@dataclass
class SyncSummary:
    added: int = 0
    updated: int = 0
    kept: int = 0
    superseded: int = 0
    restored: int = 0
    reviewed_untouched: int = 0
    changed_subjects: set[int] = field(default_factory=set)  # subject claim ids

    @property
    def total_live(self) -> int:
        return self.added + self.updated + self.kept + self.restored


def _date_value(date: Any) -> dict[str, Any]:
    return {
        "date": date.iso() if date else None,
        "date_precision": date.precision.value if date else None,
        "date_text": str(date) if date else None,
    }


def proposed_claims(text: str, result: ExtractionResult) -> list[ProposedClaim]:
    """Project an extraction result onto claims: subjects first, then events, then facts."""
    claims: list[ProposedClaim] = []
    subjects: list[tuple[ClaimKind, Any, dict[str, Any], float]] = [
        (
            ClaimKind.PERSON,
            person,
            {**person.identity_dict(), "jurisdiction": person.jurisdiction},
            person_confidence(person),
        )
        for person in result.persons
    ]
    subjects += [
        (
            ClaimKind.ORGANISATION,
            organisation,
            organisation.to_dict(),
            organisation_confidence(organisation),
        )
        for organisation in result.organisations
    ]
    subjects += [
        (ClaimKind.PLACE, place, place.to_dict(), place_confidence(place))
        for place in (*result.places, *result.other_places)
    ]
    for kind, record, value, confidence in subjects:
        if not record.mentions:
            continue
        value.pop("id", None)
        start, end = record.mentions[0]  # anchored on the first mention; any is its alias
        claims.append(
            ProposedClaim(
                record.id,
                kind,
                start,
                end,
                value,
                confidence=confidence,
                aliases=tuple(record.mentions),
            )
        )
    events = _events_by_anchor(result.events)
    outcome_context = {
        id(event.outcome): ref for ref, event in events.items() if event.outcome is not None
    }
    for ref, event in events.items():
        start, end = event.span
        value = {
            "type": event.type.value,
            **_date_value(event.date),
            "sentence": [event.evidence.start, event.evidence.end],
            "articles": list(event.articles),
            "place": event.place,
            "freedoms": [freedom.value for freedom in event.freedoms],
            "outcome": (
                {"kind": event.outcome.kind.value, "amount": event.outcome.amount}
                if event.outcome
                else None
            ),
        }
        claims.append(
            ProposedClaim(
                ref, ClaimKind.EVENT, start, end, value, confidence=event_confidence(event)
            )
        )
        for participant in event.participants:
            if participant.person is None:
                continue
            claims.append(
                ProposedClaim(
                    f"{ref}:{participant.person}",
                    ClaimKind.INVOLVEMENT,
                    start,
                    end,
                    {"role": participant.role.value, "event_type": event.type.value},
                    subject_ref=participant.person,
                    context_ref=ref,
                    confidence=event_confidence(event),
                )
            )
    for person in result.persons:
        for outcome in person.outcomes:
            anchor = outcome.anchor or (
                (outcome.evidence.start, outcome.evidence.end) if outcome.evidence else None
            )
            if anchor is None:
                continue
            value = {
                "kind": outcome.kind.value,
                "amount": outcome.amount,
                **_date_value(outcome.date),
                "sentence": (
                    [outcome.evidence.start, outcome.evidence.end] if outcome.evidence else None
                ),
            }
            claims.append(
                ProposedClaim(
                    outcome.id,
                    ClaimKind.OUTCOME,
                    anchor[0],
                    anchor[1],
                    value,
                    subject_ref=person.id,
                    context_ref=outcome_context.get(id(outcome))
                    or _context_event(events, person.id, outcome),
                    confidence=outcome_confidence(outcome),
                )
            )
        for charge in person.charges:
            start, end = _article_span(text, charge.anchor, charge.article)
            value = {
                "article": charge.article,
                "jurisdiction": charge.jurisdiction,
                **_date_value(charge.date),
            }
            claims.append(
                ProposedClaim(
                    charge.id,
                    ClaimKind.PROVISION,
                    start,
                    end,
                    value,
                    subject_ref=person.id,
                    confidence=charge_confidence(charge),
                )
            )
        for followup in person.followups:
            value = {
                "kind": followup.kind.value,
                "due": followup.due.iso() if followup.due else None,
                "due_text": str(followup.due) if followup.due else None,
            }
            claims.append(
                ProposedClaim(
                    followup.id,
                    ClaimKind.FOLLOWUP,
                    followup.anchor[0],
                    followup.anchor[1],
                    value,
                    subject_ref=person.id,
                    confidence=followup_confidence(followup),
                )
            )
    return _unique(claims)


def _events_by_anchor(events: Iterable[EventRecord]) -> dict[str, EventRecord]:
    """One event claim per anchor: an event stated once is one claim, whoever took part.

    Two event records on the same words (the same outcome given to A and B) are one event
    with both as participants; the first record's id names it.
    """
    by_span: dict[Span, EventRecord] = {}
    refs: dict[Span, str] = {}
    for event in events:
        span = event.span
        same = by_span.get(span)
        if same is None:
            by_span[span] = EventRecord(
                type=event.type,
                evidence=event.evidence,
                date=event.date,
                participants=list(event.participants),
                articles=list(event.articles),
                outcome=event.outcome,
                place=event.place,
                freedoms=list(event.freedoms),
                anchor=span,
                id=event.id,
            )
            refs[span] = event.id
            continue
        for participant in event.participants:
            if participant not in same.participants:
                same.participants.append(participant)
    return {refs[span]: event for span, event in by_span.items()}


def _context_event(events: dict[str, EventRecord], person: str, outcome: Any) -> str | None:
    """The event of the outcome's own sentence in which its person takes part, if any."""
    if outcome.evidence is None:
        return None
    for ref, event in events.items():
        if event.evidence.start == outcome.evidence.start and any(
            participant.person == person for participant in event.participants
        ):
            return ref
    return None


_ARTICLE_NUMBER = re.compile(r"\d+(?:[.\-]\d+)*")


def _article_span(text: str, anchor: Span, label: str) -> Span:
    """The article's own number inside the words that cite it ("articles 179, 272 and 24"
    states three charges: each is anchored on its number)."""
    start, end = anchor
    number = label.partition(" ")[2]
    if not number:
        return anchor
    for candidate in dict.fromkeys((number, number.split("-")[0], number.split(".")[0])):
        pattern = re.compile(rf"(?<![\d.]){re.escape(candidate)}(?![\d])")
        match = pattern.search(text, start, end)
        if match:
            return match.span()
    return anchor


def _unique(claims: list[ProposedClaim]) -> list[ProposedClaim]:
    """One claim per identity (the same charge stated twice in one phrase is one claim)."""
    unique: dict[tuple[str, int, int, str | None], ProposedClaim] = {}
    for claim in claims:
        unique.setdefault((claim.kind.value, claim.start, claim.end, claim.subject_ref), claim)
    return list(unique.values())


# -- syncing with the database ---------------------------------------------------------------


def sync_claims(
    document: Document,
    result: ExtractionResult,
    claims: list[ProposedClaim] | None = None,
    *,
    new_document: bool = False,
) -> SyncSummary:
    """Make the document's machine claims agree with ``result`` (call inside a transaction).

    ``new_document``: the document was created in this transaction and has no claims yet.
    """
    fresh = claims if claims is not None else proposed_claims(document.text, result)
    now = timezone.now()
    summary = SyncSummary()
    existing = (
        []
        if new_document
        else list(
            Claim.objects.filter(document=document)
            .exclude(extractor="")
            .order_by("superseded_at", "pk")
        )
    )
    # Live claims are preferred over superseded ones when both fit an identity.
    by_identity: dict[tuple[str, int, int, int | None], Claim] = {}
    subject_spans: dict[tuple[str, int, int], Claim] = {}
    for claim in existing:
        by_identity.setdefault((claim.kind, claim.start, claim.end, claim.subject_id), claim)
        if claim.kind in _SUBJECT_KINDS:
            subject_spans.setdefault((claim.kind, claim.start, claim.end), claim)

    resolved: dict[str, Claim] = {}  # ref -> claim row (existing or new)
    matched: set[int] = set()
    to_create: list[tuple[ProposedClaim, Claim]] = []
    revisions: list[ClaimRevision] = []
    for phase in _PHASES:
        pending: list[tuple[ProposedClaim, Claim]] = []
        for proposal in fresh:
            if _phase(proposal) != phase:
                continue
            subject = resolved.get(proposal.subject_ref) if proposal.subject_ref else None
            if proposal.subject_ref and subject is None:
                continue  # its subject was not stored: nothing to hang the fact on
            row = _find_existing(proposal, subject, by_identity, subject_spans, matched)
            context = resolved.get(proposal.context_ref) if proposal.context_ref else None
            if row is None:
                row = _new_claim(document, proposal, result, subject, context)
                pending.append((proposal, row))
            else:
                matched.add(row.pk)
                _refresh(row, proposal, result, context, now, summary, revisions)
            resolved[proposal.ref] = row
        if pending:
            insert_models([row for _, row in pending])
            to_create.extend(pending)
    summary.added = len(to_create)
    for claim in existing:
        if claim.pk in matched or claim.superseded_at is not None:
            continue
        if claim.review_state != ReviewState.PROPOSED.value:
            summary.reviewed_untouched += 1
            continue
        revisions.append(_revision(claim, ClaimAction.SUPERSEDED, now))
        claim.superseded_at = now
        claim.save(update_fields=["superseded_at"])
        summary.superseded += 1
        if claim.kind == ClaimKind.PERSON.value:
            summary.changed_subjects.add(claim.pk)
    ClaimRevision.objects.bulk_create(revisions)
    summary.changed_subjects.update(
        row.pk for row in resolved.values() if row.kind in _SUBJECT_KINDS
    )
    return summary


_SUBJECT_KINDS = frozenset(kind.value for kind in SUBJECT_CLAIM_KINDS)
# Claims that point at no other claim are written first, so facts can point at them.
_PHASES = ("independent", "fact")


def _phase(proposal: ProposedClaim) -> str:
    if proposal.kind in SUBJECT_CLAIM_KINDS or proposal.kind is ClaimKind.EVENT:
        return "independent"
    return "fact"


def _find_existing(
    proposal: ProposedClaim,
    subject: Claim | None,
    by_identity: dict[tuple[str, int, int, int | None], Claim],
    subject_spans: dict[tuple[str, int, int], Claim],
    matched: set[int],
) -> Claim | None:
    kind = proposal.kind.value
    identity = (kind, proposal.start, proposal.end, subject.pk if subject else None)
    row = by_identity.get(identity)
    if row is not None and row.pk not in matched:
        return row
    if proposal.kind in SUBJECT_CLAIM_KINDS:
        for start, end in proposal.aliases:
            row = subject_spans.get((kind, start, end))
            if row is not None and row.pk not in matched:
                return row
    return None


def _new_claim(
    document: Document,
    proposal: ProposedClaim,
    result: ExtractionResult,
    subject: Claim | None,
    context: Claim | None,
) -> Claim:
    return Claim(
        document=document,
        kind=proposal.kind.value,
        start=proposal.start,
        end=proposal.end,
        quote=document.text[proposal.start : proposal.end],
        subject=subject,
        context=context,
        local_id=proposal.ref[:12],
        machine_value=proposal.value,
        value=proposal.value,
        extractor=result.extractor,
        extractor_version=result.extractor_version,
        confidence=proposal.confidence,
        review_state=ReviewState.PROPOSED.value,
    )


def _refresh(
    row: Claim,
    proposal: ProposedClaim,
    result: ExtractionResult,
    context: Claim | None,
    now: Any,
    summary: SyncSummary,
    revisions: list[ClaimRevision],
) -> None:
    """An existing claim proposed again: update a proposal, never a reviewed claim."""
    if row.review_state != ReviewState.PROPOSED.value:
        summary.reviewed_untouched += 1
        return
    fields = ["extractor_version", "local_id", "confidence", "context"]
    changed = row.machine_value != proposal.value
    if row.superseded_at is not None:
        revisions.append(_revision(row, ClaimAction.RESTORED, now))
        row.superseded_at = None
        fields.append("superseded_at")
        summary.restored += 1
    elif changed:
        revisions.append(_revision(row, ClaimAction.MACHINE_UPDATED, now))
        summary.updated += 1
    else:
        summary.kept += 1
    if changed:
        row.machine_value = row.value = proposal.value
        fields += ["machine_value", "value"]
    row.extractor_version = result.extractor_version
    row.local_id = proposal.ref[:12]
    row.confidence = proposal.confidence
    row.context = context
    row.save(update_fields=fields)


def _revision(claim: Claim, action: ClaimAction, now: Any, **extra: Any) -> ClaimRevision:
    return ClaimRevision(
        claim=claim,
        action=action.value,
        value=claim.value,
        machine_value=claim.machine_value,
        review_state=claim.review_state,
        extractor_version=claim.extractor_version,
        at=now,
        **extra,
    )


def record_revision(claim: Claim, action: ClaimAction, **extra: Any) -> ClaimRevision:
    """Save one step of a claim's history, with the claim's values before the step."""
    revision = _revision(claim, action, timezone.now(), **extra)
    revision.save()
    return revision
