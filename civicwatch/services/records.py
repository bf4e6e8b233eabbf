"""Organisations, legal provisions and places as a reader sees them, and a person's
sensitivity.

Every function takes a ``clearance`` and shows only what a reader cleared for it may see
(:mod:`civicwatch.services.access`): an organisation or place named only in reports above
it is unknown (:class:`RecordNotFound`), and a person above it never appears on a page.
Lists are bounded: pages take an ``offset`` and a ``limit``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from civicwatch.cases.entities import organisation_key
from civicwatch.cases.identity import group_of, root_of
from civicwatch.cases.levels import events_of_persons, refresh_event_columns
from civicwatch.core.names import normalise_name
from civicwatch.core.vocab import ClaimKind, ReviewState, Sensitivity
from civicwatch.errors import CivicwatchError
from civicwatch.extract.sentences import split_sentences
from civicwatch.services import access
from civicwatch.services.persons import display_names
from civicwatch.store.models import (
    Charge,
    Claim,
    Event,
    Involvement,
    LegalProvision,
    Organisation,
    Outcome,
    Person,
    Place,
    RecordChange,
)

__all__ = [
    "RecordNotFound",
    "event_rows",
    "organisation_list",
    "organisation_page",
    "place_page",
    "provision_list",
    "provision_page",
    "set_person_sensitivity",
]

#: At most this many of an organisation's mentions are read to find who and what they are
#: named with (the latest ones), so a much-cited organisation's page stays fast.
MENTIONS_READ = 200


class RecordNotFound(CivicwatchError):
    """No such record, or none the reader may see (the two are never told apart)."""


def _live(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    return claims.filter(superseded_at__isnull=True).exclude(
        review_state=ReviewState.REJECTED.value
    )


def _visible_claims(claims: QuerySet[Claim], clearance: Sensitivity) -> QuerySet[Claim]:
    return _live(claims).filter(document__sensitivity__in=access.levels(clearance))


def _people(root_ids: set[int], clearance: Sensitivity) -> list[dict[str, Any]]:
    """The visible ones among ``root_ids`` as {id, name, status}, by name."""
    roots = list(access.visible_persons(clearance).filter(pk__in=root_ids))
    names = display_names(roots, clearance)
    return sorted(
        (
            {"id": root.pk, "name": names[root.pk][0], "status": root.status}
            for root in roots
            if names[root.pk][0]
        ),
        key=lambda row: (row["name"].lower(), row["id"]),
    )


def event_rows(events: list[Event], clearance: Sensitivity) -> list[dict[str, Any]]:
    """Events as pages list them: type, date, place, summary, how many visible reports,
    and the visible people taking part (events already filtered to visible ones)."""
    ids = [event.pk for event in events]
    allowed = access.levels(clearance)
    reports: dict[int, set[int]] = defaultdict(set)
    for event_id, document in Event.sources.through.objects.filter(
        event__in=ids, claim__document__sensitivity__in=allowed
    ).values_list("event_id", "claim__document_id"):
        reports[event_id].add(document)
    involved: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = Involvement.objects.filter(event__in=ids, person__isnull=False).values_list(
        "event_id", "person_id", "role"
    )
    person_ids = {person for _, person, _ in rows}
    roots = {
        pk: canonical or pk
        for pk, canonical in Person.objects.filter(pk__in=person_ids).values_list(
            "pk", "canonical_id"
        )
    }
    people = {row["id"]: row for row in _people(set(roots.values()), clearance)}
    for event_id, person, role in rows:
        root = roots.get(person)
        if root is not None and root in people and (root, role) not in involved[event_id]:
            involved[event_id].append((root, role))
    return [
        {
            "id": event.pk,
            "type": event.type,
            "date": str(event.date) if event.date else None,
            "date_start": event.date_start,
            "place": event.place.name if event.place else None,
            "place_id": event.place_id,
            "summary": event.summary,
            "articles": list(event.articles),
            "reports": len(reports.get(event.pk, ())),
            "review_state": event.review_state,
            "people": [
                {"id": root, "name": people[root]["name"], "role": role}
                for root, role in involved.get(event.pk, [])
            ],
        }
        for event in events
    ]


def _ordered_events(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.order_by(F("date_start").desc(nulls_last=True), "-pk")


# ---- Organisations ---------------------------------------------------------------------


@dataclass
class OrganisationPage:
    organisation: Organisation
    names: list[str]
    people: list[dict[str, Any]]
    events: list[dict[str, Any]]
    event_count: int
    documents: list[dict[str, Any]] = field(default_factory=list)


def _organisation_claims(organisation: Organisation, clearance: Sensitivity) -> QuerySet[Claim]:
    return _visible_claims(organisation.claims.all(), clearance)


def organisation_list(
    clearance: Sensitivity, *, q: str = "", offset: int = 0, limit: int = 50
) -> tuple[list[dict[str, Any]], int]:
    """Organisations named in reports the reader may see, with how many such reports."""
    allowed = access.levels(clearance)
    visible = Claim.objects.filter(
        organisations=OuterRef("pk"),
        document__sensitivity__in=allowed,
        superseded_at__isnull=True,
    ).exclude(review_state=ReviewState.REJECTED.value)
    queryset = Organisation.objects.filter(Exists(visible))
    if q.strip():
        key = organisation_key(q)
        queryset = queryset.filter(
            Q(name__icontains=q.strip()) | Q(aliases__match_key__contains=key)
        ).distinct()
    total = queryset.count()
    rows = list(
        queryset.annotate(
            reports=Count(
                "claims__document",
                filter=Q(
                    claims__document__sensitivity__in=allowed,
                    claims__superseded_at__isnull=True,
                ),
                distinct=True,
            )
        ).order_by("name", "pk")[offset : offset + limit]
    )
    return [
        {"id": row.pk, "name": row.name, "kind": row.kind, "reports": row.reports} for row in rows
    ], total


def _sentence_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of ``text`` that hold each span (read within its paragraph)."""
    found = []
    for start, end in spans:
        window_start = text.rfind("\n\n", max(0, start - 3000), start)
        window_start = 0 if window_start < 0 else window_start + 2
        window_end = text.find("\n\n", end, end + 3000)
        window_end = min(len(text), end + 3000) if window_end < 0 else window_end
        for sentence in split_sentences(text, window_start, window_end):
            if sentence.start <= start < sentence.end:
                found.append((sentence.start, max(sentence.end, end)))
                break
    return found


def organisation_page(
    pk: int, clearance: Sensitivity, *, offset: int = 0, limit: int = 25
) -> OrganisationPage:
    """An organisation: its names, the people and events named in the same sentences as
    it (in reports the reader may see), and those reports."""
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        raise RecordNotFound(f"no organisation with id {pk}")
    claims = list(
        _organisation_claims(organisation, clearance)
        .select_related("document")
        .order_by("-document__published", "-pk")[:MENTIONS_READ]
    )
    if not claims:
        raise RecordNotFound(f"no organisation with id {pk}")
    names: list[str] = []
    for claim in claims:
        value = claim.value if isinstance(claim.value, dict) else {}
        for name in [value.get("name"), *(value.get("variants") or [])]:
            name = normalise_name(str(name or ""))
            if name and name not in names:
                names.append(name)
    if organisation.name in names:
        names.remove(organisation.name)
        names.insert(0, organisation.name)
    # Sentences that name the organisation, by document.
    sentences: dict[int, list[tuple[int, int]]] = {}
    documents: dict[int, Any] = {}
    for claim in claims:
        value = claim.value if isinstance(claim.value, dict) else {}
        spans = [tuple(span) for span in value.get("mentions") or []] or [(claim.start, claim.end)]
        sentences.setdefault(claim.document_id, []).extend(
            _sentence_spans(claim.document.text, [(int(a), int(b)) for a, b in spans])
        )
        documents[claim.document_id] = claim.document

    def within(document: int, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in sentences.get(document, []))

    # People named in those sentences.
    person_claims = _live(
        Claim.objects.filter(document__in=list(sentences), kind=ClaimKind.PERSON.value)
    ).values_list("pk", "document_id", "start", "end", "value")
    named: set[int] = set()
    for claim_id, document, start, end, value in person_claims:
        mentions = (value or {}).get("mentions") or [[start, end]]
        if any(within(document, int(a), int(b)) for a, b in mentions):
            named.add(claim_id)
    roots = {
        canonical or pk
        for pk, canonical in Person.objects.filter(claim__in=named).values_list(
            "pk", "canonical_id"
        )
    }
    # Events stated in those sentences.
    event_claims = [
        claim_id
        for claim_id, document, start, end in _live(
            Claim.objects.filter(
                document__in=list(sentences),
                kind__in=[ClaimKind.EVENT.value, ClaimKind.OUTCOME.value],
            )
        ).values_list("pk", "document_id", "start", "end")
        if within(document, start, end)
    ]
    events = _ordered_events(
        access.visible_events(clearance).filter(sources__in=event_claims).distinct()
    ).select_related("place")
    return OrganisationPage(
        organisation=organisation,
        names=names,
        people=_people(roots, clearance),
        events=event_rows(list(events[offset : offset + limit]), clearance),
        event_count=events.count(),
        documents=[
            {"id": document.pk, "title": document.title, "published": document.published}
            for document in sorted(
                documents.values(), key=lambda d: (d.published is None, d.published), reverse=True
            )
        ],
    )


# ---- Legal provisions ------------------------------------------------------------------


def _visible_charges(clearance: Sensitivity) -> QuerySet[Charge]:
    """Charges of visible people resting on at least one visible report."""
    allowed = access.levels(clearance)
    source = Charge.sources.through.objects.filter(
        charge=OuterRef("pk"), claim__document__sensitivity__in=allowed
    )
    return Charge.objects.filter(
        Exists(source), person__in=access.visible_persons_listed(clearance)
    )


def provision_list(
    clearance: Sensitivity, *, offset: int = 0, limit: int = 50
) -> tuple[list[dict[str, Any]], int]:
    """Legal provisions anyone the reader may see is charged under, most used first."""
    counts = (
        _visible_charges(clearance)
        .order_by()
        .values("provision")
        .annotate(people=Count("person", distinct=True))
    )
    used = {row["provision"]: row["people"] for row in counts}
    provisions = sorted(
        LegalProvision.objects.filter(pk__in=used),
        key=lambda p: (-used[p.pk], p.jurisdiction, p.code, p.article, p.part),
    )
    return [
        {
            "id": provision.pk,
            "label": provision.label,
            "code": provision.code,
            "article": provision.article,
            "part": provision.part,
            "jurisdiction": provision.jurisdiction,
            "short_title": provision.short_title,
            "people": used[provision.pk],
        }
        for provision in provisions[offset : offset + limit]
    ], len(provisions)


@dataclass
class ProvisionPage:
    provision: LegalProvision
    charged: list[dict[str, Any]]
    charged_count: int


def provision_page(
    pk: int, clearance: Sensitivity, *, offset: int = 0, limit: int = 50
) -> ProvisionPage:
    """A legal provision and everyone the reader may see charged under it: the charge's
    status and first date, the person's current status, and the outcomes of the events
    that cite the article (penalty, amount, date)."""
    provision = LegalProvision.objects.filter(pk=pk).first()
    if provision is None:
        raise RecordNotFound(f"no legal provision with id {pk}")
    charges = (
        _visible_charges(clearance)
        .filter(provision=provision)
        .select_related("person")
        .order_by(F("first_date").desc(nulls_last=True), "person__canonical_name", "pk")
    )
    total = charges.count()
    page = list(charges[offset : offset + limit])
    roots = [charge.person for charge in page]
    names = display_names(roots, clearance)
    visible = access.visible_events(clearance)
    outcomes: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for outcome in (
        Outcome.objects.filter(person__in=[root.pk for root in roots], event__in=visible)
        .select_related("event")
        .order_by("date_start", "pk")
    ):
        if outcome.person_id is None or provision.label not in (outcome.event.articles or []):
            continue
        outcomes[outcome.person_id].append(
            {
                "kind": outcome.kind,
                "amount": outcome.amount,
                "date": str(outcome.date or outcome.event.date or "") or None,
                "event": outcome.event_id,
                "review_state": outcome.review_state,
            }
        )
    charged = [
        {
            "person": charge.person_id,
            "name": names[charge.person_id][0],
            "status": charge.person.status,
            "since": charge.person.status_since,
            "charge_status": charge.status,
            "first_date": charge.first_date,
            "review_state": charge.review_state,
            "outcomes": outcomes.get(charge.person_id, []),
        }
        for charge in page
    ]
    return ProvisionPage(provision=provision, charged=charged, charged_count=total)


# ---- Places ----------------------------------------------------------------------------


@dataclass
class PlacePage:
    place: Place
    events: list[dict[str, Any]]
    event_count: int
    children: list[dict[str, Any]]


def place_page(pk: int, clearance: Sensitivity, *, offset: int = 0, limit: int = 25) -> PlacePage:
    """A place and the events there (and in the places within it) the reader may see."""
    place = Place.objects.select_related("parent").filter(pk=pk).first()
    if place is None:
        raise RecordNotFound(f"no place with id {pk}")
    children = list(Place.objects.filter(parent=place).order_by("name"))
    events = _ordered_events(
        access.visible_events(clearance).filter(place__in=[place, *children])
    ).select_related("place")
    count = events.count()
    named = _visible_claims(place.claims.all(), clearance).exists()
    if not count and not named:
        raise RecordNotFound(f"no place with id {pk}")
    return PlacePage(
        place=place,
        events=event_rows(list(events[offset : offset + limit]), clearance),
        event_count=count,
        children=[{"id": child.pk, "name": child.name, "kind": child.kind} for child in children],
    )


# ---- Sensitivity -----------------------------------------------------------------------


def set_person_sensitivity(root: int, level: Sensitivity, *, user: Any = None) -> int:
    """Set the sensitivity of a person: every record of the merged group, so it covers the
    person's facts everywhere. Records who changed it, from what, to what. Returns how many
    records changed (0 when it already was ``level``)."""
    root = root_of(root)
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=root)
        members = group_of(root)
        old = person.sensitivity
        changed = Person.objects.filter(pk__in=members).exclude(sensitivity=level.value)
        count = changed.update(sensitivity=level.value)
        refresh_event_columns(events_of_persons([root]))
        if old != level.value:
            RecordChange.objects.create(
                person=person,
                field="sensitivity",
                old_value=old,
                new_value=level.value,
                changed_by=user,
            )
        return count
