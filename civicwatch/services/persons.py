"""People: list, look up, show a case file, merge, unmerge, keep apart.

The JSON shapes here are what the CLI prints and what the web app and exports read:
``person_list`` and ``person_file`` (see docs/cases.md).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import F, Q

from civicwatch.cases import build_people
from civicwatch.cases.identity import IdentityError, dismiss, group_of, merge, root_of, unmerge
from civicwatch.cases.summaries import summary_line
from civicwatch.core.matching import PersonEvidence, match_persons
from civicwatch.core.names import name_key, normalise_name
from civicwatch.core.vocab import (
    ClaimKind,
    EventType,
    MatchBand,
    PenaltyKind,
    ProposalStatus,
    ReviewState,
)
from civicwatch.store.models import (
    Charge,
    Claim,
    Conflict,
    Document,
    Event,
    Followup,
    Person,
    PersonMerge,
    PersonName,
    PossibleDuplicate,
    Recognition,
)

__all__ = [
    "IdentityError",
    "find_person",
    "keep_apart",
    "merge_persons",
    "person_file",
    "person_list",
    "unmerge_person",
]


def _roots() -> Any:
    return Person.objects.filter(canonical__isnull=True, live=True)


def _documents_by_root(root_ids: list[int]) -> dict[int, list[int]]:
    rows = Person.objects.filter(
        Q(pk__in=root_ids) | Q(canonical__in=root_ids), claim__isnull=False
    ).values_list(
        "pk", "canonical_id", "claim__document_id", "claim__superseded_at", "claim__review_state"
    )
    documents: dict[int, set[int]] = defaultdict(set)
    for pk, canonical, document, superseded, state in rows:
        if superseded is None and state != ReviewState.REJECTED.value:
            documents[canonical or pk].add(document)
    return {root: sorted(ids) for root, ids in documents.items()}


def _names_by_root(root_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for person_id, name in (
        PersonName.objects.filter(person__in=root_ids)
        .order_by("pk")
        .values_list("person_id", "name")
    ):
        names[person_id].append(name)
    return names


def possible_duplicates(root_ids: list[int]) -> dict[int, list[int]]:
    """Open proposals, as the other person's current id, for each root."""
    members = Person.objects.filter(Q(pk__in=root_ids) | Q(canonical__in=root_ids)).values_list(
        "pk", "canonical_id"
    )
    root_of_member = {pk: canonical or pk for pk, canonical in members}
    proposals = PossibleDuplicate.objects.filter(status=ProposalStatus.OPEN.value).filter(
        Q(person_a__in=root_of_member) | Q(person_b__in=root_of_member)
    )
    pairs = list(proposals.values_list("person_a_id", "person_b_id"))
    others = {pk for pair in pairs for pk in pair}
    other_roots = {
        pk: canonical or pk
        for pk, canonical, live in Person.objects.filter(pk__in=others).values_list(
            "pk", "canonical_id", "live"
        )
    }
    live_roots = set(
        Person.objects.filter(pk__in=set(other_roots.values()), live=True).values_list(
            "pk", flat=True
        )
    )
    found: dict[int, list[int]] = defaultdict(list)
    for a, b in pairs:
        root_a, root_b = other_roots.get(a, a), other_roots.get(b, b)
        if root_a == root_b or not {root_a, root_b} <= live_roots:
            continue
        for mine, theirs in ((root_a, root_b), (root_b, root_a)):
            if mine in root_ids and theirs not in found[mine]:
                found[mine].append(theirs)
    return found


def person_list() -> list[dict[str, Any]]:
    """Every individual with a live claim: id, name, variants, documents, status and the
    people they may be duplicates of."""
    roots = list(_roots().order_by("canonical_name", "pk"))
    ids = [root.pk for root in roots]
    names = _names_by_root(ids)
    documents = _documents_by_root(ids)
    duplicates = possible_duplicates(ids)
    return [
        {
            "id": root.pk,
            "name": root.canonical_name,
            "variants": [name for name in names.get(root.pk, []) if name != root.canonical_name],
            "documents": documents.get(root.pk, []),
            "status": root.status,
            "possible_duplicates": duplicates.get(root.pk, []),
        }
        for root in roots
    ]


def find_person(reference: str) -> int:
    """The root id of the person a user means: an id, or a name in any spelling."""
    text = reference.strip()
    if not text:
        raise IdentityError("name a person by id or name")
    if text.isdigit():
        return root_of(int(text))
    key = name_key(normalise_name(text))
    exact = set(
        PersonName.objects.filter(match_key=key, person__live=True).values_list(
            "person_id", flat=True
        )
    )
    if len(exact) == 1:
        return exact.pop()
    candidates = exact or _fuzzy_candidates(text)
    if not candidates:
        raise IdentityError(f"no person matches {reference!r}; see 'civicwatch person list'")
    if len(candidates) > 1:
        listed = ", ".join(
            f"{pk} ({name})"
            for pk, name in Person.objects.filter(pk__in=candidates).values_list(
                "pk", "canonical_name"
            )
        )
        raise IdentityError(f"{reference!r} may be any of: {listed}; name one by id")
    return candidates.pop()


def _fuzzy_candidates(text: str) -> set[int]:
    asked = PersonEvidence(names=(normalise_name(text),))
    names = _names_by_root([root.pk for root in _roots()])
    ranked: dict[MatchBand, set[int]] = defaultdict(set)
    for root, spellings in names.items():
        band = match_persons(asked, PersonEvidence(names=tuple(spellings))).band
        ranked[band].add(root)
    return ranked[MatchBand.SAME] or ranked[MatchBand.POSSIBLE]


def _source(claim: Claim) -> dict[str, Any]:
    document = claim.document
    return {
        "claim": claim.pk,
        "document": document.pk,
        "title": document.title,
        "published": document.published.isoformat() if document.published else None,
        "quote": claim.quote,
        "review_state": claim.review_state,
    }


def _date(value: Any) -> str | None:
    return str(value) if value is not None else None


def person_file(root_id: int) -> dict[str, Any]:
    """A person's case file (the shape of ``civicwatch person show --format json``)."""
    root_id = root_of(root_id)
    person = Person.objects.get(pk=root_id)
    members = group_of(root_id)
    names = [
        name for name in _names_by_root([root_id]).get(root_id, []) if name != person.canonical_name
    ]
    events = list(
        Event.objects.filter(involvements__person=root_id)
        .distinct()
        .order_by(F("date_start").asc(nulls_last=True), F("date_end").asc(nulls_last=True), "pk")
        .select_related("place")
        .prefetch_related("sources__document", "outcomes")
    )
    document_ids = {claim.document_id for event in events for claim in event.sources.all()}
    texts = dict(Document.objects.filter(pk__in=document_ids).values_list("pk", "text"))
    status_source = (
        Claim.objects.select_related("document").filter(pk=person.status_source_id).first()
        if person.status_source_id
        else None
    )
    charges = (
        Charge.objects.filter(person=root_id)
        .select_related("provision")
        .prefetch_related("sources__document", "history")
    )
    documents = _documents_by_root([root_id]).get(root_id, [])
    merges = PersonMerge.objects.filter(
        absorbed__in=members, undone_at__isnull=True
    ).select_related("absorbed", "decided_by")
    return {
        "id": root_id,
        "name": person.canonical_name,
        "variants": names,
        "roles": person.roles,
        "gender": person.gender,
        "status": {
            "code": person.status,
            "as_of": _date(person.status_as_of),
            "since": _date(person.status_since),
            "expected_release": _date(person.expected_release),
            "source": _source(status_source) if status_source else None,
        },
        "charges": [
            {
                "jurisdiction": charge.provision.jurisdiction or None,
                "code": charge.provision.code,
                "article": charge.provision.article,
                "label": charge.provision.label,
                "short_title": charge.provision.short_title or None,
                "status": charge.status,
                "first_date": _date(charge.first_date),
                "review_state": charge.review_state,
                "history": [
                    {"status": change.status, "date": _date(change.date)}
                    for change in charge.history.all()
                ],
                "sources": [_source(claim) for claim in charge.sources.all()],
            }
            for charge in charges
        ],
        "events": [_event(event, root_id, texts) for event in events],
        "documents": [
            {"id": pk, "title": title, "published": _date(published)}
            for pk, title, published in _document_rows(documents)
        ],
        "conflicts": [
            {"kind": c.kind, "summary": c.summary, "event": c.event_id, "values": c.values}
            for c in Conflict.objects.filter(person=root_id).order_by("pk")
        ],
        "followups": [
            {
                "kind": f.kind,
                "due": _date(f.due),
                "summary": f.summary,
                "source": f.source_id,
            }
            for f in Followup.objects.filter(person=root_id).order_by("due", "pk")
        ],
        "recognitions": [
            {
                "recognised_by": r.recognised_by,
                "date": _date(r.date),
                "criteria": r.criteria,
                "reasoning": r.reasoning,
                "document": r.document_id,
                "source_url": r.source_url or None,
            }
            for r in Recognition.objects.filter(person__in=members).order_by("date", "pk")
        ],
        "possible_duplicates": possible_duplicates([root_id]).get(root_id, []),
        "merged_records": [
            {
                "id": merge_row.absorbed_id,
                "name": merge_row.absorbed.canonical_name,
                "method": merge_row.method,
                "rule": merge_row.rule,
                "score": merge_row.score,
                "by": merge_row.decided_by.get_username() if merge_row.decided_by else None,
                "at": merge_row.decided_at.isoformat(),
            }
            for merge_row in merges
        ],
    }


def _document_rows(ids: list[int]) -> list[tuple[int, str, Any]]:
    return list(
        Document.objects.filter(pk__in=ids)
        .order_by("published", "pk")
        .values_list("pk", "title", "published")
    )


def _sentence(claim: Claim, texts: dict[int, str]) -> str:
    """The sentence a claim was stated in (its own words when the sentence is unknown)."""
    span = claim.value.get("sentence") if isinstance(claim.value, dict) else None
    text = texts.get(claim.document_id)
    if span and text is not None:
        return text[span[0] : span[1]]
    return claim.quote


def _event(event: Event, person: int, texts: dict[int, str]) -> dict[str, Any]:
    sources = sorted(
        {claim.pk: claim for claim in event.sources.all()}.values(),
        key=lambda claim: (claim.document.published or claim.document.ingested_at.date(), claim.pk),
    )
    # One entry per document, on the claim that states the most (an outcome, an event).
    preference = {ClaimKind.OUTCOME.value: 0, ClaimKind.EVENT.value: 1}
    chosen: dict[int, Claim] = {}
    for claim in sorted(sources, key=lambda c: preference.get(c.kind, 2)):
        chosen.setdefault(claim.document_id, claim)
    outcomes = [o for o in event.outcomes.all() if o.person_id == person]
    return {
        "id": event.pk,
        "type": event.type,
        "date": _date(event.date),
        "summary": summary_line(
            EventType(event.type),
            [(PenaltyKind(o.kind), o.amount or None) for o in outcomes],
            list(event.articles),
            event.place.name if event.place else None,
        ),
        "outcomes": [{"kind": o.kind, "amount": o.amount or None} for o in outcomes],
        "articles": list(event.articles),
        "place": event.place.name if event.place else None,
        "corroboration": event.corroboration,
        "review_state": event.review_state,
        "sources": [
            {**_source(claim), "sentence": _sentence(claim, texts)}
            for claim in sorted(chosen.values(), key=lambda c: sources.index(c))
        ],
    }


def merge_persons(survivor: int, absorbed: int, *, user: Any = None) -> dict[str, Any]:
    """A reviewer merges two people; their case files are rebuilt as one."""
    with transaction.atomic():
        record = merge(survivor, absorbed, user=user)
        build_people({record.survivor_id, record.absorbed_id})
    return person_file(record.survivor_id)


def unmerge_person(person_id: int, *, user: Any = None) -> tuple[int, int]:
    """Undo the merge that absorbed record ``person_id``; both case files are rebuilt."""
    with transaction.atomic():
        old_root, restored = unmerge(person_id, user=user)
        build_people({root_of(old_root), restored})
    return root_of(old_root), restored


def keep_apart(a: int, b: int, *, user: Any = None) -> int:
    """Record that two people are different: their open proposals are dismissed."""
    with transaction.atomic():
        return dismiss(a, b, user=user)
