"""Write case files: events, involvements, outcomes, charges, conflicts, follow-ups, names
and status of a set of people, recomputed from their live claims.

Everything written here is derived: building the same people again from the same claims
gives the same case files, so :func:`build_people` serves a new document, a review
decision, a merge and ``civicwatch rebuild`` alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Q
from django.utils import timezone

from civicwatch.cases.facts import Source, TimelineEvent
from civicwatch.cases.followups import derive_followups
from civicwatch.cases.identity import claim_names
from civicwatch.cases.levels import refresh_event_columns
from civicwatch.cases.load import (
    ClaimRow,
    Component,
    claim_date,
    component_of,
    load_component,
)
from civicwatch.cases.status import Status, derive_status
from civicwatch.cases.summaries import event_summary
from civicwatch.cases.timeline import build_timeline
from civicwatch.core.dates import FuzzyDate
from civicwatch.core.names import name_key
from civicwatch.core.provisions import short_title
from civicwatch.core.vocab import (
    ChargeStatus,
    EventType,
    LegalCode,
    PersonRole,
    PersonStatus,
    ReviewState,
    Unit,
)
from civicwatch.errors import InvalidValueError
from civicwatch.store.bulk import insert_rows, update_rows
from civicwatch.store.models import (
    Charge,
    ChargeChange,
    Claim,
    Conflict,
    Event,
    Followup,
    Involvement,
    LegalProvision,
    Outcome,
    Person,
    PersonName,
    Place,
)
from civicwatch.store.models.dated import date_columns

__all__ = ["BuildSummary", "build_people"]


@dataclass(frozen=True)
class BuildSummary:
    people: int
    events: int
    charges: int
    conflicts: int
    followups: int

    def __add__(self, other: BuildSummary) -> BuildSummary:
        return BuildSummary(
            self.people + other.people,
            self.events + other.events,
            self.charges + other.charges,
            self.conflicts + other.conflicts,
            self.followups + other.followups,
        )


def build_people(roots: Iterable[int], *, today: date | None = None) -> BuildSummary:
    """Recompute the case files of ``roots`` and of everyone stated together with them.

    Ids that are no longer roots (merged into someone) lose their derived rows.
    """
    today = today or timezone.localdate()
    asked = set(roots)
    current = {
        canonical or pk
        for pk, canonical in Person.objects.filter(pk__in=asked).values_list("pk", "canonical_id")
    }
    component = component_of(current)
    _clear(component | asked)
    loaded = load_component(component)
    timeline = build_timeline(loaded.facts)
    events = _write_events(timeline)
    _write_outcomes_and_conflicts(timeline, events)
    charges = _write_charges(loaded, timeline, events)
    followups = _write_people(loaded, timeline, events, today)
    # who may see each event, its country and its facet values (the people's roles and
    # statuses among them, which _write_people has just written)
    refresh_event_columns([row.pk for row in events])
    return BuildSummary(
        people=len(component),
        events=len(events),
        charges=charges,
        conflicts=sum(len(event.conflicts) for event in timeline),
        followups=followups,
    )


def _clear(roots: set[int]) -> None:
    """Remove the derived rows of these people (and events only they take part in)."""
    event_ids = set(Involvement.objects.filter(person__in=roots).values_list("event_id", flat=True))
    Event.objects.filter(pk__in=event_ids).delete()
    Charge.objects.filter(person__in=roots).delete()
    Conflict.objects.filter(person__in=roots).delete()
    Followup.objects.filter(person__in=roots).delete()
    PersonName.objects.filter(person__in=roots).delete()
    Person.objects.filter(pk__in=roots, canonical__isnull=False).update(
        status=PersonStatus.UNKNOWN.value,
        status_as_of=None,
        status_since=None,
        status_source=None,
        expected_release=None,
    )


def _write_events(timeline: list[TimelineEvent]) -> list[Event]:
    places = _places({event.place for event in timeline if event.place})
    rows = []
    for event in timeline:
        row = Event(
            type=event.type.value,
            place=places.get(event.place) if event.place else None,
            freedoms=event.freedoms,
            articles=event.articles,
            summary=event_summary(event),
            corroboration=event.corroboration,
            review_state=(
                ReviewState.ACCEPTED.value if event.reviewed else ReviewState.PROPOSED.value
            ),
        )
        row.date = event.date
        rows.append(row)
    Event.objects.bulk_create(rows)
    insert_rows(
        Event.sources.through,
        ["event_id", "claim_id"],
        (
            (row.pk, source.claim)
            for row, event in zip(rows, timeline, strict=True)
            for source in event.sources
        ),
    )
    insert_rows(
        Involvement,
        ["event_id", "person_id", "role"],
        (
            (row.pk, person, role.value)
            for row, event in zip(rows, timeline, strict=True)
            for person, role in event.persons.items()
        ),
    )
    return rows


def _places(names: set[str]) -> dict[str, Place]:
    """The Place rows for event place names (the first one of each name)."""
    found: dict[str, Place] = {}
    for place in Place.objects.filter(name__in=names).order_by("pk"):
        found.setdefault(place.name, place)
    return found


def _state(sources: Iterable[Source]) -> str:
    reviewed = any(source.reviewed for source in sources)
    return ReviewState.ACCEPTED.value if reviewed else ReviewState.PROPOSED.value


def _write_outcomes_and_conflicts(timeline: list[TimelineEvent], rows: list[Event]) -> None:
    outcomes: list[Outcome] = []
    outcome_sources: list[list[Source]] = []
    conflicts: list[Conflict] = []
    for row, event in zip(rows, timeline, strict=True):
        for found in event.outcomes:
            outcome = Outcome(
                event=row,
                person_id=found.person,
                kind=found.kind.value,
                amount=(found.amount or "")[:200],
                review_state=_state(found.sources),
                **_quantity(found.amount),
            )
            outcome.date = event.date
            outcomes.append(outcome)
            outcome_sources.append(found.sources)
        for disagreement in event.conflicts:
            conflicts.append(
                Conflict(
                    person_id=disagreement.person,
                    event=row,
                    kind=disagreement.kind,
                    summary=disagreement.summary[:500],
                    values=disagreement.values,
                )
            )
    Outcome.objects.bulk_create(outcomes)
    insert_rows(
        Outcome.sources.through,
        ["outcome_id", "claim_id"],
        (
            (outcome.pk, claim)
            for outcome, sources in zip(outcomes, outcome_sources, strict=True)
            for claim in sorted({source.claim for source in sources})
        ),
    )
    Conflict.objects.bulk_create(conflicts)


def _quantity(amount: str | None) -> dict[str, Any]:
    """Quantity and unit from a contract amount ("7 years", "70-140 EUR", "1.5 years")."""
    if not amount:
        return {}
    number, _, unit_text = amount.partition(" ")
    low, _, high = number.partition("-")
    try:
        unit = Unit.parse(unit_text) if unit_text else None
        quantity = Decimal(low)
        quantity_max = Decimal(high) if high else None
    except (InvalidValueError, InvalidOperation):
        return {}
    if quantity >= Decimal("1e12") or (quantity_max is not None and quantity_max < quantity):
        return {}
    return {"quantity": quantity, "quantity_max": quantity_max, "unit": unit.value if unit else ""}


def _provisions(keys: set[tuple[str, str]]) -> dict[tuple[str, str], LegalProvision]:
    """The LegalProvision rows for (jurisdiction, label) pairs, creating the missing ones."""
    wanted: dict[tuple[str, str], tuple[str, str, str]] = {}
    for jurisdiction, label in keys:
        code_text, _, article = label.partition(" ")
        try:
            code = LegalCode.parse(code_text)
        except InvalidValueError:
            continue
        if article:
            wanted[(jurisdiction, label)] = (jurisdiction[:2], code.value, article[:20])
    if not wanted:
        return {}
    existing = {
        (row.jurisdiction, row.code, row.article): row
        for row in LegalProvision.objects.filter(
            article__in={article for _, _, article in wanted.values()}, part=""
        )
    }
    missing = {
        triple: LegalProvision(
            jurisdiction=triple[0],
            code=triple[1],
            article=triple[2],
            short_title=_short_title(triple[0], LegalCode(triple[1]), triple[2])[:300],
        )
        for triple in set(wanted.values())
        if triple not in existing
    }
    LegalProvision.objects.bulk_create(list(missing.values()), ignore_conflicts=True)
    if missing:  # ignore_conflicts leaves no pks: read them back
        existing = {
            (row.jurisdiction, row.code, row.article): row
            for row in LegalProvision.objects.filter(
                article__in={article for _, _, article in wanted.values()}, part=""
            )
        }
    return {key: existing[triple] for key, triple in wanted.items() if triple in existing}


def _short_title(jurisdiction: str, code: LegalCode, article: str) -> str:
    """The article's short title in its own country's code (none when the country is
    unknown: another country's title would be wrong)."""
    return short_title(jurisdiction or None, f"{code.value} {article}") or ""


_CHARGE_STEPS = {
    EventType.CHARGE_RECLASSIFIED: ChargeStatus.RECLASSIFIED,
    EventType.CHARGE_DROPPED: ChargeStatus.DROPPED,
}


def _write_charges(loaded: Component, timeline: list[TimelineEvent], events: list[Event]) -> int:
    grouped: dict[tuple[int, str, str], list[tuple[ClaimRow, Source]]] = defaultdict(list)
    for root, claim, source in loaded.charges:
        label = str(claim.value.get("article") or "")
        if not label:
            continue
        jurisdiction = str(claim.value.get("jurisdiction") or "")
        if not jurisdiction:
            document = loaded.documents.get(claim.document_id)
            jurisdiction = document.country if document else ""
        grouped[(root, jurisdiction, label)].append((claim, source))
    provisions = _provisions({(jurisdiction, label) for _, jurisdiction, label in grouped})
    steps: dict[tuple[int, str], list[tuple[ChargeStatus, FuzzyDate | None, Event]]] = defaultdict(
        list
    )
    for row, event in zip(events, timeline, strict=True):
        step = _CHARGE_STEPS.get(event.type)
        if step is not None:
            for person in event.persons:
                for label in event.articles:
                    steps[(person, label)].append((step, event.date, row))
    charges: list[Charge] = []
    histories: list[list[tuple[ChargeStatus, FuzzyDate | None, Event | None, int | None]]] = []
    sources: list[list[int]] = []
    for (root, jurisdiction, label), claims in sorted(grouped.items()):
        provision = provisions.get((jurisdiction, label))
        if provision is None:
            continue
        first = min(_claim_day(claim, source) for claim, source in claims)
        history: list[tuple[ChargeStatus, FuzzyDate | None, Event | None, int | None]] = [
            (ChargeStatus.BROUGHT, claim_date(claims[0][0].value), None, claims[0][0].pk)
        ]
        history += [(step, when, row, None) for step, when, row in steps.get((root, label), ())]
        charges.append(
            Charge(
                person_id=root,
                provision=provision,
                status=history[-1][0].value,
                first_date=first if first != date.max else None,
                review_state=_state(source for _, source in claims),
            )
        )
        histories.append(history)
        sources.append(sorted({claim.pk for claim, _ in claims}))
    Charge.objects.bulk_create(charges)
    insert_rows(
        Charge.sources.through,
        ["charge_id", "claim_id"],
        (
            (charge.pk, claim_id)
            for charge, claim_ids in zip(charges, sources, strict=True)
            for claim_id in claim_ids
        ),
    )
    changes = []
    for charge, history in zip(charges, histories, strict=True):
        for status, when, step_event, claim_id in history:
            change = ChargeChange(
                charge=charge, status=status.value, event=step_event, claim_id=claim_id
            )
            change.date_start, change.date_end, change.date_precision = date_columns(when)
            changes.append(change)
    ChargeChange.objects.bulk_create(changes)
    return len(charges)


def _claim_day(claim: ClaimRow, source: Source) -> date:
    when = claim_date(claim.value)
    if when is not None:
        return when.earliest()
    return source.published or date.max


_PERSON_FIELDS = [
    "canonical_name",
    "roles",
    "born",
    "live",
    "status",
    "status_since",
    "status_as_of",
    "status_source",
    "expected_release",
    "needs_build",
]
_PERSON_ATTRIBUTES = [
    "status_source_id" if name == "status_source" else name for name in _PERSON_FIELDS
]


def _write_people(
    loaded: Component, timeline: list[TimelineEvent], events: list[Event], today: date
) -> int:
    """Names, status and follow-ups of every root of the component, in a few queries."""
    claims_of: dict[int, list[ClaimRow]] = defaultdict(list)
    for claim_id, claim in loaded.person_claims.items():
        claims_of[loaded.claim_root[claim_id]].append(claim)
    stated_of: dict[int, list[Any]] = defaultdict(list)
    for fact in loaded.followups:
        stated_of[fact.person].append(fact)
    row_of = {id(event): row for event, row in zip(timeline, events, strict=True)}
    events_of: dict[int, list[TimelineEvent]] = defaultdict(list)
    for event in timeline:
        for involved in event.persons:
            events_of[involved].append(event)
    people = list(Person.objects.filter(pk__in=loaded.roots))
    followups: list[Followup] = []
    names: list[PersonName] = []
    for person in people:
        root = person.pk
        claims = sorted(claims_of.get(root, []), key=lambda claim: claim.pk)
        mine = events_of.get(root, [])
        status: Status = derive_status(root, mine, today)
        for followup in derive_followups(root, stated_of.get(root, []), mine, status, today):
            followups.append(
                Followup(
                    person_id=root,
                    kind=followup.kind.value,
                    due=followup.due,
                    summary=followup.summary[:500],
                    source_id=followup.source.claim if followup.source else None,
                    event=row_of.get(id(followup.event)) if followup.event else None,
                )
            )
        names += _names(person, claims)
        person.live = bool(claims)
        person.status = status.code.value
        person.status_since = status.since
        person.status_as_of = status.as_of
        person.status_source_id = status.source.claim if status.source else None
        person.expected_release = status.expected_release
        person.needs_build = False
    Followup.objects.bulk_create(followups)
    insert_rows(
        PersonName,
        ["person_id", "name", "match_key", "claim_id"],
        ((n.person_id, n.name, n.match_key, n.claim_id) for n in names),
    )
    update_rows(
        Person,
        _PERSON_FIELDS,
        ([getattr(person, name) for name in _PERSON_ATTRIBUTES] + [person.pk] for person in people),
    )
    return len(followups)


def _names(person: Person, claims: list[ClaimRow]) -> list[PersonName]:
    """Spellings, display name, roles and year of birth from the person's claims."""
    spellings: Counter[str] = Counter()
    first_claim: dict[str, int] = {}
    roles: Counter[str] = Counter()
    born: Counter[int] = Counter()
    for claim in claims:
        for name in claim_names(claim.value):
            spellings[name] += 1
            first_claim.setdefault(name, claim.pk)
        role = claim.value.get("role")
        if role and role != PersonRole.OTHER.value:
            roles[role] += 1
        if isinstance(claim.value.get("born"), int):
            born[claim.value["born"]] += 1
    if spellings:
        person.canonical_name = _canonical(spellings)[:300]
    person.roles = [role for role, _ in roles.most_common()]
    person.born = born.most_common(1)[0][0] if born else person.born
    return [
        PersonName(
            person=person,
            name=name[:300],
            match_key=name_key(name)[:300],
            claim_id=first_claim[name],
        )
        for name in spellings
    ]


def _canonical(spellings: Counter[str]) -> str:
    """The name to show: a full name in Latin script, the most frequent, then the first."""
    order = list(spellings)

    def rank(name: str) -> tuple[int, int, int, int]:
        full = len(name.split()) >= 2
        latin = name.isascii() or not any("\u0400" <= char <= "\u04ff" for char in name)
        return (not full, not latin, -spellings[name], order.index(name))

    return min(spellings, key=rank)


def roots_touching(claim_ids: Iterable[int]) -> set[int]:
    """Root persons whose case files depend on these claims (subjects or the claims)."""
    ids = list(claim_ids)
    subjects = set(
        Claim.objects.filter(pk__in=ids, subject__isnull=False).values_list("subject_id", flat=True)
    )
    rows = Person.objects.filter(Q(claim_id__in=ids) | Q(claim_id__in=subjects)).values_list(
        "pk", "canonical_id"
    )
    return {canonical or pk for pk, canonical in rows}
