"""Review: accept, correct or reject the machine's claims; the case files follow.

Every decision records who and when in the claim's history, keeps the machine's proposal
beside the correction, and rebuilds the case files the claim feeds, in one transaction.
A batch is checked whole before anything changes: one unknown or superseded id and
nothing is decided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from civicwatch.cases import build_people
from civicwatch.cases.build import roots_touching
from civicwatch.cases.identity import (
    IdentityError,
    dismiss,
    merge,
    rekey,
    root_of,
    unmerge,
)
from civicwatch.core.dates import FuzzyDate
from civicwatch.core.provisions import Provision
from civicwatch.core.vocab import (
    ClaimAction,
    ClaimKind,
    EventType,
    FollowupKind,
    InvolvementRole,
    OrganisationKind,
    PenaltyKind,
    PersonRole,
    PlaceKind,
    ReviewState,
    Vocabulary,
)
from civicwatch.errors import CivicwatchError, InvalidValueError
from civicwatch.store.claims import record_revision
from civicwatch.store.models import Claim, ClaimRevision, Document, Person

__all__ = [
    "ClaimView",
    "HistoryEntry",
    "ReviewError",
    "accept",
    "accept_document",
    "correct",
    "correctable_fields",
    "field_text",
    "field_vocabulary",
    "history",
    "link_person",
    "list_claims",
    "mark_new_person",
    "reject",
    "review_queue",
    "sentence_bounds",
]


class ReviewError(CivicwatchError):
    """A review decision that cannot be taken (unknown claim, superseded, bad field)."""


@dataclass(frozen=True)
class ClaimView:
    id: int
    document: int
    document_title: str
    kind: str
    review_state: str
    quote: str
    start: int
    end: int
    value: dict[str, Any]
    machine_value: dict[str, Any] | None
    subject: int | None
    subject_name: str | None
    confidence: float | None
    origin: str
    reviewed_by: str | None
    reviewed_at: datetime | None
    review_note: str

    @property
    def summary(self) -> str:
        return claim_summary(self.kind, self.value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "document_title": self.document_title,
            "kind": self.kind,
            "review_state": self.review_state,
            "summary": self.summary,
            "quote": self.quote,
            "span": [self.start, self.end],
            "value": self.value,
            "machine_value": self.machine_value,
            "subject": self.subject,
            "subject_name": self.subject_name,
            "confidence": self.confidence,
            "origin": self.origin,
            "reviewed_by": self.reviewed_by,
            "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
            "review_note": self.review_note,
        }


def claim_summary(kind: str, value: dict[str, Any]) -> str:
    """What a claim asserts, in a few words ("outcome: prison 7 years 2023-09-19")."""
    if kind == ClaimKind.PERSON.value:
        return f"{value.get('name')} ({value.get('role')})"
    if kind in (ClaimKind.ORGANISATION.value, ClaimKind.PLACE.value):
        return f"{value.get('name')} ({value.get('kind')})"
    if kind == ClaimKind.OUTCOME.value:
        parts = [
            value.get("kind"),
            value.get("amount"),
            value.get("date_text") or value.get("date"),
        ]
    elif kind == ClaimKind.PROVISION.value:
        parts = [value.get("article"), value.get("jurisdiction"), value.get("date")]
    elif kind == ClaimKind.EVENT.value:
        parts = [value.get("type"), value.get("date_text") or value.get("date"), value.get("place")]
    elif kind == ClaimKind.FOLLOWUP.value:
        parts = [value.get("kind"), value.get("due")]
    elif kind == ClaimKind.INVOLVEMENT.value:
        parts = [value.get("role"), "in", value.get("event_type")]
    else:
        parts = [str(value)]
    return " ".join(str(part) for part in parts if part)


def list_claims(
    *,
    document: int | None = None,
    state: ReviewState | None = None,
    kind: ClaimKind | None = None,
    include_superseded: bool = False,
    limit: int | None = None,
) -> list[ClaimView]:
    """Claims to review, in document and text order."""
    queryset = Claim.objects.select_related("document", "subject", "reviewed_by").order_by(
        "document_id", "start", "end", "pk"
    )
    if document is not None:
        if not Document.objects.filter(pk=document).exists():
            raise ReviewError(f"no document with id {document}")
        queryset = queryset.filter(document_id=document)
    if state is not None:
        queryset = queryset.filter(review_state=state.value)
    if kind is not None:
        queryset = queryset.filter(kind=kind.value)
    if not include_superseded:
        queryset = queryset.filter(superseded_at__isnull=True)
    if limit is not None:
        queryset = queryset[:limit]
    return [_view(claim) for claim in queryset]


def _view(claim: Claim) -> ClaimView:
    subject = claim.subject
    return ClaimView(
        id=claim.pk,
        document=claim.document_id,
        document_title=claim.document.title,
        kind=claim.kind,
        review_state=claim.review_state,
        quote=claim.quote,
        start=claim.start,
        end=claim.end,
        value=claim.value,
        machine_value=claim.machine_value,
        subject=subject.pk if subject else None,
        subject_name=subject.value.get("name") if subject else None,
        confidence=claim.confidence,
        origin=claim.origin,
        reviewed_by=claim.reviewed_by.get_username() if claim.reviewed_by else None,
        reviewed_at=claim.reviewed_at,
        review_note=claim.review_note,
    )


def _claims(ids: Iterable[int]) -> list[Claim]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        raise ReviewError("name at least one claim id")
    found = {claim.pk: claim for claim in Claim.objects.select_for_update().filter(pk__in=wanted)}
    missing = [str(pk) for pk in wanted if pk not in found]
    if missing:
        raise ReviewError(f"no claim with id {', '.join(missing)}")
    superseded = [str(pk) for pk in wanted if found[pk].superseded_at is not None]
    if superseded:
        raise ReviewError(
            f"claim {', '.join(superseded)} is superseded (the current extractor no longer "
            "proposes it); nothing was changed"
        )
    return [found[pk] for pk in wanted]


def _decide(
    claims: list[Claim], state: ReviewState, action: ClaimAction, user: Any, note: str = ""
) -> list[ClaimView]:
    now = timezone.now()
    for claim in claims:
        record_revision(claim, action, actor=user, note=note)
        claim.review_state = state.value
        claim.reviewed_by = user
        claim.reviewed_at = now
        claim.review_note = note
        claim.save(update_fields=["review_state", "reviewed_by", "reviewed_at", "review_note"])
    build_people(roots_touching(claim.pk for claim in claims))
    return [_view(claim) for claim in claims]


def accept(ids: Iterable[int], *, user: Any = None) -> list[ClaimView]:
    """Accept claims as the machine proposed them (or as corrected before)."""
    with transaction.atomic():
        return _decide(_claims(ids), ReviewState.ACCEPTED, ClaimAction.ACCEPTED, user)


def reject(ids: Iterable[int], *, user: Any = None, reason: str = "") -> list[ClaimView]:
    """Reject claims: they stay in the record, and out of every case file."""
    with transaction.atomic():
        claims = _claims(ids)
        views = _decide(claims, ReviewState.REJECTED, ClaimAction.REJECTED, user, reason.strip())
        _refresh_people(claims)
        return views


def accept_document(document: int, min_confidence: float, *, user: Any = None) -> list[ClaimView]:
    """Accept every proposed claim of a document whose confidence is at least the bound."""
    if not 0 <= min_confidence <= 1:
        raise ReviewError(f"--min-confidence must be between 0 and 1, not {min_confidence}")
    if not Document.objects.filter(pk=document).exists():
        raise ReviewError(f"no document with id {document}")
    with transaction.atomic():
        ids = list(
            Claim.objects.filter(
                document_id=document,
                review_state=ReviewState.PROPOSED.value,
                superseded_at__isnull=True,
                confidence__gte=min_confidence,
            ).values_list("pk", flat=True)
        )
        if not ids:
            return []
        return _decide(_claims(ids), ReviewState.ACCEPTED, ClaimAction.ACCEPTED, user)


def _vocabulary(vocabulary: type[Vocabulary]) -> Any:
    return lambda text: vocabulary.parse(text).value


def _optional(parse: Any) -> Any:
    def parse_or_none(text: str) -> Any:
        return None if text.strip().lower() in ("", "none", "null", "-") else parse(text)

    return parse_or_none


def _text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidValueError("an empty value is not allowed here")
    return cleaned


def _article(text: str) -> str:
    return Provision.parse(text).label


def _jurisdiction(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise InvalidValueError(f"{text!r} is not an ISO country code such as KZ")
    return code


def _variants(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _year(text: str) -> int:
    if not text.strip().isdigit() or not 1900 <= int(text) <= 2100:
        raise InvalidValueError(f"{text!r} is not a year of birth")
    return int(text)


_DATE_FIELDS = {"date", "due"}
_FIELDS: dict[str, dict[str, Any]] = {
    ClaimKind.PERSON.value: {
        "name": _text,
        "role": _vocabulary(PersonRole),
        "variants": _variants,
        "born": _optional(_year),
    },
    ClaimKind.OUTCOME.value: {
        "kind": _vocabulary(PenaltyKind),
        "amount": _optional(_text),
        "date": _optional(FuzzyDate.parse),
    },
    ClaimKind.PROVISION.value: {
        "article": _article,
        "jurisdiction": _optional(_jurisdiction),
        "date": _optional(FuzzyDate.parse),
    },
    ClaimKind.EVENT.value: {
        "type": _vocabulary(EventType),
        "date": _optional(FuzzyDate.parse),
        "place": _optional(_text),
    },
    ClaimKind.INVOLVEMENT.value: {"role": _vocabulary(InvolvementRole)},
    ClaimKind.FOLLOWUP.value: {
        "kind": _vocabulary(FollowupKind),
        "due": _optional(FuzzyDate.parse),
    },
    ClaimKind.ORGANISATION.value: {"name": _text, "kind": _vocabulary(OrganisationKind)},
    ClaimKind.PLACE.value: {
        "name": _text,
        "kind": _vocabulary(PlaceKind),
        "country": _optional(_jurisdiction),
    },
}


def _corrected_value(claim: Claim, changes: dict[str, str]) -> dict[str, Any]:
    fields = _FIELDS.get(claim.kind, {})
    value = dict(claim.value)
    for name, text in changes.items():
        parse = fields.get(name)
        if parse is None:
            known = ", ".join(fields) or "none"
            raise ReviewError(f"a {claim.kind} claim has no field {name!r}; fields: {known}")
        try:
            parsed = parse(text)
        except InvalidValueError as error:
            raise ReviewError(f"{name}: {error}") from None
        if name in _DATE_FIELDS:
            value[name] = parsed.iso() if parsed else None
            if name == "date":
                value["date_precision"] = parsed.precision.value if parsed else None
                value["date_text"] = str(parsed) if parsed else None
            else:
                value["due_text"] = str(parsed) if parsed else None
        else:
            value[name] = parsed
    return value


def correct(
    claim_id: int, changes: dict[str, str], *, user: Any = None, note: str = ""
) -> ClaimView:
    """Correct fields of a claim (``{"amount": "5 years"}``); the machine value stays."""
    if not changes:
        raise ReviewError("name at least one FIELD=VALUE to correct")
    with transaction.atomic():
        (claim,) = _claims([claim_id])
        value = _corrected_value(claim, changes)
        record_revision(claim, ClaimAction.CORRECTED, actor=user, note=note)
        claim.value = value
        claim.review_state = ReviewState.CORRECTED.value
        claim.reviewed_by = user
        claim.reviewed_at = timezone.now()
        claim.review_note = note
        claim.save(
            update_fields=["value", "review_state", "reviewed_by", "reviewed_at", "review_note"]
        )
        _refresh_people([claim])
        build_people(roots_touching([claim.pk]))
        return _view(claim)


def _refresh_people(claims: list[Claim]) -> None:
    """A person claim's name changed or was rejected: its individual's lookup keys."""
    rekey(
        {
            canonical or pk
            for pk, canonical in Person.objects.filter(
                claim__in=[claim for claim in claims if claim.kind == ClaimKind.PERSON.value]
            ).values_list("pk", "canonical_id")
        }
    )


# ---- For the web app: the queue, the fields of a correction form, history, identity -------

_VOCABULARIES: dict[tuple[str, str], type[Vocabulary]] = {
    (ClaimKind.PERSON.value, "role"): PersonRole,
    (ClaimKind.OUTCOME.value, "kind"): PenaltyKind,
    (ClaimKind.EVENT.value, "type"): EventType,
    (ClaimKind.INVOLVEMENT.value, "role"): InvolvementRole,
    (ClaimKind.FOLLOWUP.value, "kind"): FollowupKind,
    (ClaimKind.ORGANISATION.value, "kind"): OrganisationKind,
    (ClaimKind.PLACE.value, "kind"): PlaceKind,
}


def correctable_fields(kind: str) -> list[str]:
    """The fields a reviewer may correct on a claim of ``kind``, in form order."""
    return list(_FIELDS.get(kind, {}))


def field_vocabulary(kind: str, name: str) -> type[Vocabulary] | None:
    """The controlled vocabulary a field takes its terms from, if any."""
    return _VOCABULARIES.get((kind, name))


def field_text(value: dict[str, Any] | None, name: str) -> str:
    """A field of a claim value as a reviewer types it (what :func:`correct` parses)."""
    if not value:
        return ""
    if name in _DATE_FIELDS:
        return str(value.get(f"{name}_text") or value.get(name) or "")
    item = value.get(name)
    if item is None:
        return ""
    if isinstance(item, list):
        return ", ".join(str(part) for part in item)
    return str(item)


def review_queue(
    claims: QuerySet[Claim],
    *,
    document: int | None = None,
    kind: ClaimKind | None = None,
    min_confidence: float | None = None,
    state: ReviewState | None = ReviewState.PROPOSED,
) -> QuerySet[Claim]:
    """The claims waiting for a decision among ``claims`` (the reader's visible claims,
    from :func:`civicwatch.services.access.visible_claims`), in document and text order."""
    queryset = claims.filter(superseded_at__isnull=True)
    if state is not None:
        queryset = queryset.filter(review_state=state.value)
    if document is not None:
        queryset = queryset.filter(document_id=document)
    if kind is not None:
        queryset = queryset.filter(kind=kind.value)
    if min_confidence is not None:
        queryset = queryset.filter(confidence__gte=min_confidence)
    return (
        queryset.select_related("document", "subject", "reviewed_by")
        .defer("document__text")
        .order_by("-document__ingested_at", "document_id", "start", "end", "pk")
    )


_SENTENCE_END = (". ", "! ", "? ", ".\n", "!\n", "?\n", "\n\n")


def sentence_bounds(
    text: str, value: dict[str, Any] | None, start: int, end: int
) -> tuple[int, int]:
    """The sentence a claim was read from: the extractor's when it gave one, else the text
    around the span up to the nearest sentence ends."""
    sentence = (value or {}).get("sentence")
    if (
        isinstance(sentence, list)
        and len(sentence) == 2
        and 0 <= sentence[0] <= start
        and end <= sentence[1] <= len(text)
    ):
        return int(sentence[0]), int(sentence[1])
    left = max((text.rfind(mark, 0, start) for mark in _SENTENCE_END), default=-1)
    left = 0 if left < 0 else left + 2
    rights = [index for index in (text.find(mark, end) for mark in _SENTENCE_END) if index >= 0]
    right = min(rights) + 1 if rights else len(text)
    return max(0, min(left, start)), max(end, min(right, len(text)))


@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    """One step of a claim's history, with the values before and after it."""

    action: ClaimAction
    actor: str | None
    at: datetime
    note: str
    state_before: str
    state_after: str
    changes: list[Change]
    machine_changes: list[Change]


_HIDDEN_KEYS = {"mentions", "sentence", "date_precision", "date", "due", "coordinates"}


def _changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[Change]:
    before, after = before or {}, after or {}
    found = []
    for key in dict.fromkeys([*before, *after]):
        if key in _HIDDEN_KEYS:
            continue
        if before.get(key) != after.get(key):
            found.append(Change(key, before.get(key), after.get(key)))
    return found


def history(claim: Claim) -> list[HistoryEntry]:
    """Every step of ``claim``'s history, oldest first (who changed what, and when)."""
    revisions = list(
        ClaimRevision.objects.filter(claim=claim).select_related("actor").order_by("at", "pk")
    )
    entries = []
    for index, revision in enumerate(revisions):
        following = revisions[index + 1] if index + 1 < len(revisions) else None
        after_value = following.value if following else claim.value
        after_machine = following.machine_value if following else claim.machine_value
        after_state = following.review_state if following else claim.review_state
        entries.append(
            HistoryEntry(
                action=ClaimAction(revision.action),
                actor=revision.actor.get_username() if revision.actor else None,
                at=revision.at,
                note=revision.note,
                state_before=revision.review_state,
                state_after=after_state,
                changes=_changes(revision.value, after_value),
                machine_changes=_changes(revision.machine_value, after_machine)
                if revision.action == ClaimAction.MACHINE_UPDATED.value
                else [],
            )
        )
    return entries


def _person_record(claim: Claim) -> Person:
    if claim.kind != ClaimKind.PERSON.value:
        raise ReviewError(f"claim {claim.pk} does not name a person")
    record = Person.objects.filter(claim=claim).first()
    if record is None:
        raise ReviewError(f"claim {claim.pk} has no person record yet; rebuild the case files")
    return record


def _confirm(claim: Claim, user: Any, note: str) -> None:
    """Record an identity decision on the claim: it is accepted (a correction stays)."""
    record_revision(claim, ClaimAction.ACCEPTED, actor=user, note=note)
    if claim.review_state != ReviewState.CORRECTED.value:
        claim.review_state = ReviewState.ACCEPTED.value
    claim.reviewed_by = user
    claim.reviewed_at = timezone.now()
    claim.review_note = note
    claim.save(update_fields=["review_state", "reviewed_by", "reviewed_at", "review_note"])


def link_person(claim_id: int, person_id: int, *, user: Any = None) -> ClaimView:
    """The person a claim names is ``person_id`` (an existing individual): the claim's record
    leaves any group it was merged into and joins that person; the claim is accepted."""
    with transaction.atomic():
        (claim,) = _claims([claim_id])
        record = _person_record(claim)
        try:
            target = root_of(person_id)
            old_root = root_of(record.pk)
            touched = {target, old_root, record.pk}
            if old_root != target:
                if old_root != record.pk:
                    unmerge(record.pk, user=user)
                merge(
                    target,
                    record.pk,
                    user=user,
                    explanation=f"Linked by a reviewer from claim {claim.pk}",
                )
        except IdentityError as error:
            raise ReviewError(str(error)) from None
        name = Person.objects.get(pk=target).canonical_name
        _confirm(claim, user, f"Linked to {name}")
        build_people(touched)
        claim.refresh_from_db()
        return _view(claim)


def mark_new_person(claim_id: int, *, user: Any = None) -> ClaimView:
    """The person a claim names is no one already recorded: the claim's record leaves the
    group it was merged into, is kept apart from it and from every proposed duplicate, and
    the claim is accepted."""
    from civicwatch.services.persons import possible_duplicates

    with transaction.atomic():
        (claim,) = _claims([claim_id])
        record = _person_record(claim)
        old_root = root_of(record.pk)
        touched = {old_root, record.pk}
        try:
            if old_root != record.pk:
                unmerge(record.pk, user=user)
                dismiss(record.pk, old_root, user=user)
            for other in possible_duplicates([record.pk]).get(record.pk, []):
                dismiss(record.pk, other, user=user)
                touched.add(other)
        except IdentityError as error:
            raise ReviewError(str(error)) from None
        _confirm(claim, user, "Kept as a person of their own")
        build_people(touched)
        claim.refresh_from_db()
        return _view(claim)
