"""Read the live claims of a group of people into the typed facts of :mod:`.facts`.

A *component* is a set of root persons closed under "stated together": when a claim says
"A and B were detained", A's and B's case files share that event, so they are built (and
rebuilt) together. Building a component from its claims gives the same result whether it
is done after one new document or by a full rebuild.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from django.db.models import Q

from civicwatch.cases.facts import Fact, FollowupFact, Source
from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import (
    OUTCOME_EVENT_TYPES,
    ClaimKind,
    EventType,
    FollowupKind,
    InvolvementRole,
    PenaltyKind,
    ReviewState,
    Vocabulary,
)
from civicwatch.errors import InvalidValueError
from civicwatch.store.models import Claim, Document, Person

__all__ = ["ClaimRow", "Component", "claim_date", "component_of", "load_component"]

_REVIEWED = frozenset({ReviewState.ACCEPTED.value, ReviewState.CORRECTED.value})
_FACT_KINDS = [
    ClaimKind.OUTCOME.value,
    ClaimKind.PROVISION.value,
    ClaimKind.INVOLVEMENT.value,
    ClaimKind.FOLLOWUP.value,
]
_SENTENCES = frozenset(
    {
        PenaltyKind.PRISON,
        PenaltyKind.SUSPENDED,
        PenaltyKind.RESTRICTED_FREEDOM,
        PenaltyKind.FINE,
        PenaltyKind.PUBLIC_LABOUR,
        PenaltyKind.ACTIVITY_BAN,
        PenaltyKind.TRAVEL_BAN,
        PenaltyKind.COMPULSORY_TREATMENT,
    }
)
# Event types an outcome may take from the event claim it was stated with.
_COMPATIBLE: dict[EventType, frozenset[PenaltyKind]] = {
    EventType.CONVICTION: _SENTENCES,
    EventType.SENTENCE: _SENTENCES,
    EventType.CASSATION: frozenset(
        {PenaltyKind.PRISON, PenaltyKind.SUSPENDED, PenaltyKind.RESTRICTED_FREEDOM}
    ),
    EventType.APPEAL_GRANTED: frozenset(
        {PenaltyKind.PRISON, PenaltyKind.SUSPENDED, PenaltyKind.RELEASED, PenaltyKind.ACQUITTED}
    ),
    EventType.ARREST: frozenset({PenaltyKind.PRETRIAL_DETENTION}),
    EventType.DETENTION_EXTENDED: frozenset({PenaltyKind.PRETRIAL_DETENTION}),
    EventType.PAROLE: frozenset({PenaltyKind.RELEASED}),
    EventType.AMNESTY: frozenset({PenaltyKind.RELEASED}),
    EventType.POSTHUMOUS_CONVICTION: frozenset({PenaltyKind.OTHER}),
}


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """The columns of a claim that case files are built from (read without the ORM's
    model instances: a rebuild reads tens of thousands of claims)."""

    pk: int
    document_id: int
    kind: str
    subject_id: int | None
    context_id: int | None
    value: dict[str, Any]
    review_state: str
    quote: str


_ROW_COLUMNS = (
    "pk",
    "document_id",
    "kind",
    "subject_id",
    "context_id",
    "value",
    "review_state",
    "quote",
)


def _rows(queryset: Any) -> list[ClaimRow]:
    return [ClaimRow(*row) for row in queryset.values_list(*_ROW_COLUMNS)]


@dataclass
class Component:
    """Everything the case files of a set of root persons are built from."""

    roots: set[int]
    members: dict[int, int]  # person id -> root id
    person_claims: dict[int, ClaimRow]  # live person claim id -> claim
    claim_root: dict[int, int]  # person claim id -> root id
    facts: list[Fact] = field(default_factory=list)
    followups: list[FollowupFact] = field(default_factory=list)
    charges: list[tuple[int, ClaimRow, Source]] = field(default_factory=list)  # (root, claim, src)
    documents: dict[int, Document] = field(default_factory=dict)


def _live(queryset: Any) -> Any:
    return queryset.filter(superseded_at__isnull=True).exclude(
        review_state=ReviewState.REJECTED.value
    )


def _members(roots: Iterable[int]) -> dict[int, int]:
    rows = Person.objects.filter(Q(pk__in=roots) | Q(canonical__in=roots)).values_list(
        "pk", "canonical_id"
    )
    return {pk: canonical or pk for pk, canonical in rows}


def component_of(roots: set[int]) -> set[int]:
    """Close ``roots`` under "stated together": roots whose live claims share an event claim."""
    component = set(roots)
    frontier = set(roots)
    while frontier:
        members = _members(frontier)
        claim_ids = list(
            Person.objects.filter(pk__in=members, claim__isnull=False).values_list(
                "claim_id", flat=True
            )
        )
        contexts = set(
            _live(Claim.objects.filter(subject_id__in=claim_ids, context__isnull=False))
            .values_list("context_id", flat=True)
            .distinct()
        )
        if not contexts:
            break
        subjects = set(
            _live(Claim.objects.filter(context_id__in=contexts)).values_list(
                "subject_id", flat=True
            )
        )
        rows = Person.objects.filter(claim_id__in=subjects).values_list("pk", "canonical_id")
        found = {canonical or pk for pk, canonical in rows}
        frontier = found - component
        component |= frontier
    return component


def load_component(roots: set[int]) -> Component:
    members = _members(roots)
    person_claims = {
        claim.pk: claim
        for claim in _rows(
            _live(
                Claim.objects.filter(
                    pk__in=Person.objects.filter(pk__in=members).values("claim_id")
                )
            )
        )
    }
    claim_root = {
        claim_id: members[person_id]
        for person_id, claim_id in Person.objects.filter(pk__in=members).values_list(
            "pk", "claim_id"
        )
        if claim_id in person_claims
    }
    component = Component(set(roots), members, person_claims, claim_root)
    fact_claims = _rows(
        _live(Claim.objects.filter(subject_id__in=person_claims, kind__in=_FACT_KINDS)).order_by(
            "pk"
        )
    )
    event_ids = {claim.context_id for claim in fact_claims if claim.context_id}
    events = {claim.pk: claim for claim in _rows(_live(Claim.objects.filter(pk__in=event_ids)))}
    document_ids = {claim.document_id for claim in [*person_claims.values(), *fact_claims]}
    component.documents = {
        document.pk: document
        for document in Document.objects.filter(pk__in=document_ids).only(
            "pk", "published", "title", "country"
        )
    }
    _build_facts(component, fact_claims, events)
    return component


def _source(component: Component, claim: ClaimRow) -> Source:
    document = component.documents.get(claim.document_id)
    return Source(
        claim.pk,
        claim.document_id,
        document.published if document else None,
        claim.review_state in _REVIEWED,
    )


def claim_date(
    value: dict[str, Any], key: str = "date_text", fallback: str = "date"
) -> FuzzyDate | None:
    """The date a claim's value states (its exact text form, else its ISO form), if any."""
    text = value.get(key) or value.get(fallback)
    if not text:
        return None
    try:
        return FuzzyDate.parse(str(text))
    except InvalidValueError:
        return None


def _build_facts(component: Component, claims: list[ClaimRow], events: dict[int, ClaimRow]) -> None:
    roles: dict[tuple[int, int], InvolvementRole] = {}
    involvements: dict[tuple[int, int], list[ClaimRow]] = defaultdict(list)
    for claim in claims:
        if claim.kind == ClaimKind.INVOLVEMENT.value and claim.context_id in events:
            root = component.claim_root[claim.subject_id]  # type: ignore[index]
            involvements[(root, claim.context_id)].append(claim)
            roles[(root, claim.context_id)] = _role(claim.value.get("role"))
    covered: set[tuple[int, int]] = set()
    for claim in claims:
        subject_root = component.claim_root.get(claim.subject_id or -1)
        if subject_root is None:
            continue
        root = subject_root
        if claim.kind == ClaimKind.OUTCOME.value:
            fact = _outcome_fact(component, root, claim, events.get(claim.context_id or -1))
            if fact is None:
                continue
            if claim.context_id in events:
                key = (root, claim.context_id)
                extra = [_source(component, c) for c in involvements.get(key, ())]
                fact = _with(fact, extra, roles.get(key))
                covered.add(key)
            component.facts.append(fact)
        elif claim.kind == ClaimKind.PROVISION.value:
            component.charges.append((root, claim, _source(component, claim)))
        elif claim.kind == ClaimKind.FOLLOWUP.value:
            kind = _term(FollowupKind, claim.value.get("kind"))
            if kind is None:
                continue
            component.followups.append(
                FollowupFact(
                    root,
                    kind,
                    _source(component, claim),
                    claim_date(claim.value, "due_text", "due"),
                    claim.quote,
                )
            )
    for (root, event_id), found in involvements.items():
        if (root, event_id) in covered:
            continue
        event = events[event_id]
        event_type = _term(EventType, event.value.get("type"))
        if event_type is None:
            continue
        sources = (_source(component, event), *(_source(component, c) for c in found))
        component.facts.append(
            Fact(
                person=root,
                type=event_type,
                sources=sources,
                date=claim_date(event.value),
                place=event.value.get("place"),
                role=roles.get((root, event_id), InvolvementRole.TARGET),
                articles=tuple(event.value.get("articles") or ()),
                freedoms=tuple(event.value.get("freedoms") or ()),
                group=f"e{event_id}",
                statement=_statement(event),
            )
        )
    component.facts = _merge_statements(component.facts)


def _statement(claim: ClaimRow) -> str:
    sentence = claim.value.get("sentence")
    return f"{claim.document_id}:{sentence[0]}" if sentence else ""


# A verdict, an arrest or a custody order stated in the same sentence as a penalty of the
# same person is that penalty's event ("sentenced him to ten days' administrative arrest").
_ABSORBED_BY_PENALTY = frozenset(
    {
        EventType.SENTENCE,
        EventType.CONVICTION,
        EventType.ARREST,
        EventType.DETENTION_EXTENDED,
        EventType.PRETRIAL_DETENTION,
        EventType.HOUSE_ARREST,
        EventType.ADMINISTRATIVE_FINE,
        EventType.ADMINISTRATIVE_DETENTION,
        EventType.ACQUITTAL,
        EventType.RELEASE,
        EventType.CASSATION,
        EventType.APPEAL_GRANTED,
    }
)
# Decisions that give the penalty stated with them its event type ("the cassation court
# cut the term to five years" is a cassation, not a new sentence).
_DECIDES_THE_PENALTY = frozenset({EventType.CASSATION, EventType.APPEAL_GRANTED})


def _dates_agree(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    if a is None or b is None:
        return True
    return a.earliest() <= b.latest() and b.earliest() <= a.latest()


def _merge_statements(facts: list[Fact]) -> list[Fact]:
    """One event per person and sentence: an outcome-less verdict joins the penalty."""
    penalties: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index, fact in enumerate(facts):
        if fact.outcome is not None and fact.statement:
            penalties[(fact.person, fact.statement)].append(index)
    merged = list(facts)
    dropped: set[int] = set()
    for index, fact in enumerate(facts):
        if fact.outcome is not None or fact.type not in _ABSORBED_BY_PENALTY:
            continue
        targets = [
            target
            for target in penalties.get((fact.person, fact.statement), ())
            if _dates_agree(merged[target].date, fact.date)
        ]
        if not targets:
            continue
        same_type = [target for target in targets if merged[target].type is fact.type]
        target = (same_type or targets)[0]
        into = merged[target]
        merged[target] = replace(
            into,
            type=fact.type if fact.type in _DECIDES_THE_PENALTY else into.type,
            sources=(*into.sources, *fact.sources),
            articles=tuple(dict.fromkeys((*into.articles, *fact.articles))),
            freedoms=tuple(dict.fromkeys((*into.freedoms, *fact.freedoms))),
            date=into.date or fact.date,
            place=into.place or fact.place,
        )
        dropped.add(index)
    return [fact for index, fact in enumerate(merged) if index not in dropped]


_V = TypeVar("_V", bound=Vocabulary)


def _term(vocabulary: type[_V], value: Any) -> _V | None:
    """The vocabulary term a stored value names, or None for anything else."""
    if isinstance(value, str) and value in vocabulary._value2member_map_:
        return vocabulary(value)
    return None


def _role(value: Any) -> InvolvementRole:
    try:
        return InvolvementRole(value)
    except ValueError:
        return InvolvementRole.TARGET


def _outcome_fact(
    component: Component, root: int, claim: ClaimRow, event: ClaimRow | None
) -> Fact | None:
    value = claim.value
    kind = _term(PenaltyKind, value.get("kind"))
    if kind is None:
        return None
    event_type = _event_type(kind, value.get("amount"), event)
    if event_type is None:
        return None
    date = claim_date(value) or (claim_date(event.value) if event else None)
    sources = [_source(component, claim)]
    if event is not None:
        sources.append(_source(component, event))
    return Fact(
        person=root,
        type=event_type,
        sources=tuple(sources),
        date=date,
        place=event.value.get("place") if event else None,
        role=InvolvementRole.DEFENDANT,
        outcome=kind,
        amount=value.get("amount"),
        articles=tuple(event.value.get("articles") or ()) if event else (),
        freedoms=tuple(event.value.get("freedoms") or ()) if event else (),
        group=f"e{event.pk}" if event is not None else f"o{claim.pk}",
        statement=_statement(claim),
    )


def _event_type(kind: PenaltyKind, amount: Any, event: ClaimRow | None) -> EventType | None:
    stated = _term(EventType, event.value.get("type")) if event is not None else None
    default = OUTCOME_EVENT_TYPES.get(kind)
    if stated is not None and (stated is default or kind in _COMPATIBLE.get(stated, ())):
        return stated
    if default is not None:
        return default
    if kind is PenaltyKind.OTHER and amount == "detained":
        return EventType.DETENTION
    if kind is PenaltyKind.OTHER and amount == "posthumous conviction":
        return EventType.POSTHUMOUS_CONVICTION
    return stated


def _with(fact: Fact, extra: list[Source], role: InvolvementRole | None) -> Fact:
    return replace(fact, sources=(*fact.sources, *extra), role=role or fact.role)
