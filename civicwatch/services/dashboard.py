"""The dashboard: what needs attention today, for one reader's clearance.

Every figure and row comes through :mod:`civicwatch.services.access`, so a viewer's
dashboard counts only what a viewer may see.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Max, Q
from django.utils.formats import date_format

from civicwatch.core.vocab import (
    HELD_STATUSES,
    EventType,
    FollowupKind,
    PersonStatus,
    ReviewState,
    Sensitivity,
)
from civicwatch.services import access
from civicwatch.services.cases import followup_list
from civicwatch.services.events import EventRow, latest_events
from civicwatch.store.models import Charge, Document

__all__ = [
    "DETENTION_TYPES",
    "FINE_TYPES",
    "SENTENCE_TYPES",
    "Dashboard",
    "dashboard",
]

#: Event types counted as detentions, sentences and fines in the period figures.
DETENTION_TYPES = (
    EventType.DETENTION,
    EventType.ARREST,
    EventType.PRETRIAL_DETENTION,
    EventType.ADMINISTRATIVE_DETENTION,
    EventType.PREVENTIVE_DETENTION,
)
SENTENCE_TYPES = (EventType.SENTENCE, EventType.POSTHUMOUS_CONVICTION)
FINE_TYPES = (EventType.ADMINISTRATIVE_FINE,)

RECENT_DOCUMENTS = 6
LATEST_EVENTS = 8
HELD_SHOWN = 12
FOLLOWUPS_SHOWN = 8
#: Follow-ups due within this many days (or overdue) are "due"; undated ones are on the
#: person's page.
FOLLOWUP_HORIZON = timedelta(days=30)


@dataclass(frozen=True)
class PeriodCounts:
    """Events in one period, and the detentions, sentences and fines among them."""

    label: str
    start: date
    end: date
    events: int
    detentions: int
    sentences: int
    fines: int


@dataclass(frozen=True)
class HeldPerson:
    id: int
    name: str
    status: PersonStatus
    since: date | None
    articles: list[str]


@dataclass(frozen=True)
class DueFollowup:
    person: int
    name: str
    kind: FollowupKind
    due: date | None
    summary: str
    overdue: bool

    @property
    def detail(self) -> str:
        """The summary when it says more than the kind of follow-up."""
        if self.summary.lower().startswith(self.kind.label.lower()):
            return ""
        return self.summary


@dataclass(frozen=True)
class Dashboard:
    today: date
    documents: list[Document]
    document_count: int
    review_queue: int
    followups: list[DueFollowup]
    followup_count: int
    events: list[EventRow]
    event_count: int
    held: list[HeldPerson]
    held_count: int
    periods: list[PeriodCounts] = field(default_factory=list)


def _period_counts(clearance: Sensitivity, periods: list[tuple[str, date, date]]) -> list[Any]:
    """One aggregate query: for each period, events and detentions/sentences/fines."""
    aggregates: dict[str, Any] = {}
    for index, (_, start, end) in enumerate(periods):
        within = Q(date_start__gte=start, date_start__lte=end)
        aggregates[f"e{index}"] = Count("pk", filter=within)
        for name, types in (
            ("d", DETENTION_TYPES),
            ("s", SENTENCE_TYPES),
            ("f", FINE_TYPES),
        ):
            aggregates[f"{name}{index}"] = Count(
                "pk", filter=within & Q(type__in=[t.value for t in types])
            )
    totals = access.visible_events(clearance).order_by().aggregate(**aggregates)
    return [
        PeriodCounts(
            label,
            start,
            end,
            totals[f"e{i}"],
            totals[f"d{i}"],
            totals[f"s{i}"],
            totals[f"f{i}"],
        )
        for i, (label, start, end) in enumerate(periods)
    ]


def held_persons(clearance: Sensitivity, limit: int = HELD_SHOWN) -> tuple[list[HeldPerson], int]:
    """Visible people behind bars today with the articles they are charged under."""
    held = access.visible_persons_listed(clearance).filter(
        status__in=[status.value for status in HELD_STATUSES]
    )
    total = held.count()
    people = list(
        held.order_by("-status_since", "canonical_name").only(
            "pk", "canonical_name", "status", "status_since"
        )[:limit]
    )
    articles: dict[int, list[str]] = defaultdict(list)
    for person_id, code, article, part in (
        Charge.objects.filter(person__in=[p.pk for p in people])
        .order_by("first_date", "pk")
        .values_list("person_id", "provision__code", "provision__article", "provision__part")
    ):
        label = f"{code} {article}" + (f"-{part}" if part else "")
        if label not in articles[person_id]:
            articles[person_id].append(label)
    rows = [
        HeldPerson(
            p.pk, p.canonical_name, PersonStatus(p.status), p.status_since, articles.get(p.pk, [])
        )
        for p in people
    ]
    return rows, total


def due_followups(
    clearance: Sensitivity, today: date, limit: int = FOLLOWUPS_SHOWN
) -> tuple[list[DueFollowup], int]:
    """Follow-ups of visible people that are overdue or due within a month, soonest first."""
    rows = followup_list(due_before=today + FOLLOWUP_HORIZON)
    visible = set(
        access.visible_persons_listed(clearance)
        .filter(pk__in={row["person"] for row in rows})
        .values_list("pk", flat=True)
    )
    due = [
        DueFollowup(
            row["person"],
            row["name"],
            FollowupKind(row["kind"]),
            date.fromisoformat(row["due"]) if row["due"] else None,
            row["summary"],
            bool(row["due"]) and date.fromisoformat(row["due"]) < today,
        )
        for row in rows
        if row["person"] in visible
    ]
    return due[:limit], len(due)


def _month_end(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def dashboard(clearance: Sensitivity, *, today: date | None = None) -> Dashboard:
    from django.utils.translation import gettext

    today = today or date.today()
    documents = access.visible_documents(clearance)
    followups, followup_count = due_followups(clearance, today)
    held, held_count = held_persons(clearance)
    events, event_count = latest_events(clearance, LATEST_EVENTS)
    periods = [
        (gettext("This month"), today.replace(day=1), _month_end(today)),
        (gettext("This year"), date(today.year, 1, 1), date(today.year, 12, 31)),
    ]
    # When nothing is recorded this month (an archive, or the demo corpus), the latest
    # month that has events is what the monitor wants to see beside it.
    latest = (
        access.visible_events(clearance)
        .filter(date_start__lt=today.replace(day=1))
        .aggregate(latest=Max("date_start"))["latest"]
    )
    if latest is not None:
        periods.append(
            (date_format(latest, "YEAR_MONTH_FORMAT"), latest.replace(day=1), _month_end(latest))
        )
    return Dashboard(
        today=today,
        documents=list(
            documents.order_by("-ingested_at", "-pk").only(
                "pk", "title", "publisher", "published", "ingested_at", "sensitivity"
            )[:RECENT_DOCUMENTS]
        ),
        document_count=documents.count(),
        review_queue=access.visible_claims(clearance)
        .filter(review_state=ReviewState.PROPOSED.value, superseded_at__isnull=True)
        .count(),
        followups=followups,
        followup_count=followup_count,
        events=events,
        event_count=event_count,
        held=held,
        held_count=held_count,
        periods=_period_counts(clearance, periods),
    )
