"""Case-database services: rebuild, follow-ups, political prisoners and recognitions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from civicwatch.cases import build_pending
from civicwatch.core.vocab import (
    HELD_STATUSES,
    ClaimKind,
    PaceCriterion,
    PenaltyKind,
    ReviewState,
)
from civicwatch.errors import InvalidValueError
from civicwatch.services import search
from civicwatch.services.persons import find_person
from civicwatch.store.models import (
    Charge,
    Claim,
    Document,
    Event,
    Followup,
    Outcome,
    Person,
    Recognition,
)

__all__ = [
    "RebuildSummary",
    "database_counts",
    "followup_list",
    "prisoner_list",
    "rebuild",
    "recognise",
]


@dataclass(frozen=True)
class RebuildSummary:
    new_people: int
    people: int
    events: int
    charges: int
    conflicts: int
    followups: int


def rebuild(*, today: date | None = None) -> RebuildSummary:
    """Recompute every case file from the claims; identity decisions are kept.

    Person claims without a Person record (stored with an older version, or restored)
    get one and are resolved first. Running it twice changes nothing.
    """
    with transaction.atomic():
        unresolved = Claim.objects.filter(
            kind=ClaimKind.PERSON.value, superseded_at__isnull=True, person__isnull=True
        ).exclude(review_state=ReviewState.REJECTED.value)
        new_people = unresolved.count()
        missing = unresolved.values_list("document_id", flat=True).distinct()
        Document.objects.filter(pk__in=list(missing)).update(cases_pending=True)
        Person.objects.filter(canonical__isnull=True).update(needs_build=True)
    summary = build_pending(today=today)
    search.catch_up()  # a rebuild re-queues every case file: index them now, not at a search
    return RebuildSummary(
        new_people,
        summary.people,
        summary.events,
        summary.charges,
        summary.conflicts,
        summary.followups,
    )


def followup_list(*, due_before: date | None = None) -> list[dict[str, Any]]:
    """Open follow-ups of every person, soonest first (undated last)."""
    queryset = Followup.objects.select_related("person").filter(person__live=True)
    if due_before is not None:
        queryset = queryset.filter(due__lt=due_before)
    rows = sorted(queryset, key=lambda f: (f.due or date.max, f.person.canonical_name, f.pk))
    return [
        {
            "person": followup.person_id,
            "name": followup.person.canonical_name,
            "kind": followup.kind,
            "due": followup.due.isoformat() if followup.due else None,
            "summary": followup.summary,
            "source": followup.source_id,
        }
        for followup in rows
    ]


def prisoner_list(*, include_released: bool = False) -> list[dict[str, Any]]:
    """People recognised as political prisoners: still held (or all), since when, under
    which articles, with what sentence, recognised by whom."""
    recognised: dict[int, list[Recognition]] = {}
    for recognition in Recognition.objects.select_related("person").order_by("date", "pk"):
        root = recognition.person.canonical_id or recognition.person_id
        recognised.setdefault(root, []).append(recognition)
    people = {
        person.pk: person
        for person in Person.objects.filter(pk__in=recognised, live=True).order_by("canonical_name")
    }
    rows = []
    for root, person in sorted(people.items(), key=lambda item: item[1].canonical_name):
        held = person.status in {status.value for status in HELD_STATUSES}
        if not held and not include_released:
            continue
        rows.append(
            {
                "id": root,
                "name": person.canonical_name,
                "held": held,
                "status": person.status,
                "since": person.status_since.isoformat() if person.status_since else None,
                "expected_release": (
                    person.expected_release.isoformat() if person.expected_release else None
                ),
                "articles": _articles(root),
                "sentence": _sentence(root),
                "recognised_by": [
                    {
                        "by": r.recognised_by,
                        "date": r.date.isoformat() if r.date else None,
                        "criteria": r.criteria,
                    }
                    for r in recognised[root]
                ],
            }
        )
    return rows


def _articles(root: int) -> list[str]:
    return [
        (f"{charge.provision.label} ({charge.provision.jurisdiction})")
        if charge.provision.jurisdiction
        else charge.provision.label
        for charge in Charge.objects.filter(person=root).select_related("provision")
    ]


def _sentence(root: int) -> str | None:
    latest = (
        Outcome.objects.filter(
            person=root, kind__in=[PenaltyKind.PRISON.value, PenaltyKind.RESTRICTED_FREEDOM.value]
        )
        .order_by("-date_start", "-pk")
        .first()
    )
    if latest is None:
        return None
    return f"{latest.kind.replace('_', ' ')} {latest.amount}".strip()


def _criteria(values: Iterable[str]) -> list[str]:
    criteria = []
    for value in values:
        text = value.strip().lower().strip("()")
        try:
            criteria.append(PaceCriterion(text).value)
        except ValueError:
            raise InvalidValueError(
                f"{value!r} is not a PACE Resolution 1900 criterion; use a, b, c, d or e"
            ) from None
    return sorted(set(criteria))


def recognise(
    person: str,
    *,
    by: str,
    on: date | None = None,
    criteria: Iterable[str] = (),
    reasoning: str = "",
    document: int | None = None,
    source_url: str = "",
    user: Any = None,
) -> dict[str, Any]:
    """Record that an organisation recognised a person as a political prisoner."""
    if not by.strip():
        raise InvalidValueError("say who recognised the person (--by)")
    chosen = _criteria(criteria)
    if document is not None and not Document.objects.filter(pk=document).exists():
        raise InvalidValueError(f"no document with id {document}")
    if source_url and not source_url.startswith(("http://", "https://")):
        raise InvalidValueError(f"{source_url!r} is not an http(s) URL")
    root = find_person(person)
    with transaction.atomic():
        recognition = Recognition.objects.create(
            person_id=root,
            recognised_by=by.strip()[:300],
            date=on,
            criteria=chosen,
            reasoning=reasoning.strip(),
            document_id=document,
            source_url=source_url,
            created_by=user,
            created_at=timezone.now(),
        )
    return {
        "id": recognition.pk,
        "person": root,
        "recognised_by": recognition.recognised_by,
        "date": on.isoformat() if on else None,
        "criteria": chosen,
    }


def database_counts() -> dict[str, int]:
    """How big the case database is: people (individuals), events, charges, outcomes."""
    return {
        "people": Person.objects.filter(canonical__isnull=True, live=True).count(),
        "events": Event.objects.count(),
        "charges": Charge.objects.count(),
        "outcomes": Outcome.objects.count(),
        "held": held_people().count(),
    }


def held_people() -> Any:
    """Everyone behind bars today (for dashboards and statistics)."""
    return Person.objects.filter(
        Q(status__in=[status.value for status in HELD_STATUSES]), canonical__isnull=True, live=True
    )
