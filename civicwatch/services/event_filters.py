"""Events: what a reader may ask the list for, and the events those filters let through.

Filters combine: values of one facet are alternatives (OR), facets narrow each other (AND).
Every list, count and export starts from :func:`civicwatch.services.access.visible_events`
for the reader's clearance. The list facets (freedoms, provisions, people's roles and
statuses) are read from the ``EventFacet`` rows the case builder keeps
(``civicwatch/cases/levels.py``), the same rows their counts are read from, so the number
beside a value is always the length of the list that choosing it gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, When
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civicwatch.cases.levels import KEPT_FACETS
from civicwatch.core.vocab import (
    EventType,
    Freedom,
    PersonRole,
    PersonStatus,
    PlaceKind,
    ReviewState,
    Sensitivity,
)
from civicwatch.services import access
from civicwatch.store.models import Event, EventFacet

__all__ = [
    "FACETS",
    "MAX_VALUES",
    "EventFilters",
    "apply_filters",
    "filtered_events",
    "parse_day",
    "period_shortcuts",
    "region_expression",
]

#: More values than this of one facet in a query string are ignored.
MAX_VALUES = 50

#: The facets in the order the page shows them, with their headings.
FACETS: dict[str, Any] = {
    "type": _("Event type"),
    "freedom": _("Freedom"),
    "article": _("Legal provision"),
    "country": _("Country"),
    "region": _("Region"),
    "role": _("Person's role"),
    "status": _("Person's status"),
    "review": _("Review state"),
}


@dataclass(frozen=True)
class EventFilters:
    """What the reader asked for (validated: unknown terms are dropped, not errors)."""

    type: tuple[str, ...] = ()
    freedom: tuple[str, ...] = ()
    article: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    role: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, Any]) -> EventFilters:
        """Read filters from a query string (a Django ``QueryDict`` or a plain mapping of
        lists). Values that are not terms are dropped; a bad date is ignored."""

        def values(name: str) -> list[str]:
            getlist = getattr(query, "getlist", None)
            raw = getlist(name) if getlist else query.get(name, [])
            if isinstance(raw, str):
                raw = [raw]
            seen = dict.fromkeys(str(v).strip() for v in raw if str(v).strip())
            return list(seen)[:MAX_VALUES]

        def terms(name: str, vocabulary: Any) -> tuple[str, ...]:
            known = {member.value for member in vocabulary}
            return tuple(v for v in values(name) if v in known)

        def first(name: str) -> str:
            found = values(name)
            return found[0] if found else ""

        return cls(
            type=terms("type", EventType),
            freedom=terms("freedom", Freedom),
            article=tuple(v[:40] for v in values("article")),
            country=tuple(v.upper() for v in values("country") if len(v) == 2 and v.isalpha()),
            region=tuple(v for v in values("region") if v.isdigit()),
            role=terms("role", PersonRole),
            status=terms("status", PersonStatus),
            review=terms("review", ReviewState),
            date_from=parse_day(first("from"), end=False),
            date_to=parse_day(first("to"), end=True),
        )

    def without(self, facet: str) -> EventFilters:
        changes: dict[str, Any] = {facet: ()}
        return replace(self, **changes)

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def query_items(self) -> list[tuple[str, str]]:
        """The filters as query-string pairs (for links, the CSV link and shortcuts)."""
        items = [(name, value) for name in FACETS for value in getattr(self, name)]
        if self.date_from:
            items.append(("from", self.date_from.isoformat()))
        if self.date_to:
            items.append(("to", self.date_to.isoformat()))
        return items


def parse_day(text: str, *, end: bool) -> date | None:
    """``2024-03-05``, or ``2024-03`` (a month: its first or, for ``end``, its last day)."""
    text = text.strip()
    try:
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            first = date(year, month, 1)
            if not end:
                return first
            return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        return None
    return None


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _month_end(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def period_shortcuts(today: date) -> list[tuple[str, date, date]]:
    """Ready-made periods: this month, last month, the last three months, this year, last year."""
    last_month = _month_start(today) - timedelta(days=1)
    three_back = _month_start(_month_start(_month_start(today) - timedelta(days=1)) - timedelta(1))
    return [
        (gettext("This month"), _month_start(today), _month_end(today)),
        (gettext("Last month"), _month_start(last_month), _month_end(last_month)),
        (gettext("Last 3 months"), three_back, _month_end(today)),
        (gettext("This year"), date(today.year, 1, 1), date(today.year, 12, 31)),
        (gettext("Last year"), date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
    ]


def _kept_facet_has(facet: str, values: tuple[str, ...]) -> Exists:
    """The event has one of ``values`` among the kept values of ``facet`` (its freedoms or
    provisions, or the roles or statuses of someone taking part in it)."""
    return Exists(EventFacet.objects.filter(event=OuterRef("pk"), facet=facet, value__in=values))


def region_expression() -> Any:
    """The region an event happened in: its place when that is a region, else the place's
    parent when that is one."""
    region = PlaceKind.REGION.value
    return Case(
        When(place__kind=region, then=F("place_id")),
        When(place__parent__kind=region, then=F("place__parent_id")),
        default=None,
        output_field=IntegerField(),
    )


def apply_filters(queryset: QuerySet[Event], filters: EventFilters) -> Any:
    """``queryset`` narrowed by every filter (no ordering)."""
    if filters.type:
        queryset = queryset.filter(type__in=filters.type)
    if filters.review:
        queryset = queryset.filter(review_state__in=filters.review)
    for facet in KEPT_FACETS:
        chosen = getattr(filters, facet)
        if chosen:
            queryset = queryset.filter(_kept_facet_has(facet, chosen))
    if filters.country:
        # Event.country, kept by the case builder: its place's country, else that of the
        # first person taking part
        queryset = queryset.filter(country__in=filters.country)
    if filters.region:
        queryset = queryset.annotate(region_id=region_expression()).filter(
            region_id__in=[int(v) for v in filters.region]
        )
    if filters.date_from:
        queryset = queryset.filter(
            Q(date_end__gte=filters.date_from)
            | Q(date_end__isnull=True, date_start__gte=filters.date_from)
        )
    if filters.date_to:
        queryset = queryset.filter(date_start__lte=filters.date_to)
    return queryset


def filtered_events(filters: EventFilters, clearance: Sensitivity) -> QuerySet[Event]:
    """The visible events that ``filters`` let through, newest first (undated last)."""
    return apply_filters(access.visible_events(clearance), filters).order_by(
        F("date_start").desc(nulls_last=True), "-pk"
    )
