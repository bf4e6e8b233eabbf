"""Events: the facet counts beside the filters of the events list.

The counts beside a facet's values are the events that the *other* facets let through, so
choosing a value never makes the other values of the same facet drop to zero. Every count
is over :func:`civicwatch.services.access.visible_events` for the reader's clearance, and
each facet is one aggregate query (``GROUP BY``), never a query per row: event type, review
state and country over columns of the event, region through its place, and the list
facets (freedoms, provisions, people's roles and statuses) over the ``EventFacet`` rows the
case builder keeps (``civicwatch/cases/levels.py``; one indexed row per event and value).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from civicwatch.cases.levels import KEPT_FACETS
from civicwatch.core.provisions_catalogue import countries
from civicwatch.core.vocab import (
    EventGroup,
    EventType,
    Freedom,
    PersonRole,
    PersonStatus,
    ReviewState,
    Sensitivity,
    event_group,
)
from civicwatch.services import access
from civicwatch.services.event_filters import (
    FACETS,
    EventFilters,
    apply_filters,
    region_expression,
)
from civicwatch.store.models import EventFacet, Place

__all__ = ["FACET_LIMIT", "Facet", "FacetValue", "country_name", "facet_counts"]

#: At most this many values of one facet are offered (the most frequent first).
FACET_LIMIT = 40


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    group: str = ""  # the heading the value is listed under (event types only)


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    values: list[FacetValue] = field(default_factory=list)

    @property
    def selected(self) -> list[FacetValue]:
        return [v for v in self.values if v.selected]


def country_name(code: str) -> str:
    known = countries().get(code)
    return known.name if known else code


def _grouped(queryset: Any, column: str) -> dict[Any, int]:
    # no to-many join reaches here (filters on lists are EXISTS subqueries): plain COUNT
    rows = queryset.order_by().values(column).annotate(n=Count("pk"))
    return {row[column]: row["n"] for row in rows if row[column] not in (None, "")}


def _kept_counts(facet: str, queryset: Any) -> dict[str, int]:
    """How many events of ``queryset`` have each kept value of ``facet`` (one row per event
    and value, so a plain COUNT counts events)."""
    rows = (
        EventFacet.objects.filter(facet=facet, event__in=queryset.order_by().values("pk"))
        .order_by()
        .values("value")
        .annotate(n=Count("pk"))
    )
    return {row["value"]: row["n"] for row in rows}


def _counts(name: str, queryset: Any) -> dict[Any, int]:
    """Counts of one facet's values over ``queryset``, as one aggregate query."""
    if name in KEPT_FACETS:  # over the kept EventFacet rows; the others over the event
        return _kept_counts(name, queryset)
    if name == "type":
        return _grouped(queryset, "type")
    if name == "review":
        return _grouped(queryset, "review_state")
    if name == "country":
        return _grouped(queryset, "country")
    assert name == "region", name
    if "region_id" not in queryset.query.annotations:
        queryset = queryset.annotate(region_id=region_expression())
    return _grouped(queryset, "region_id")


def _vocabulary_values(
    vocabulary: Any, counts: dict[str, int], selected: tuple[str, ...]
) -> list[FacetValue]:
    return [
        FacetValue(
            member.value, member.label, counts.get(member.value, 0), member.value in selected
        )
        for member in vocabulary
        if counts.get(member.value) or member.value in selected
    ]


def _top(values: list[FacetValue]) -> list[FacetValue]:
    ordered = sorted(values, key=lambda v: (not v.selected, -v.count, v.label))
    return ordered[:FACET_LIMIT]


def facet_counts(filters: EventFilters, clearance: Sensitivity) -> list[Facet]:
    """Every facet with the count of events beside each value, given the other facets.

    A facet with chosen values counts over the events the *other* facets let through; every
    facet without a choice counts over the filtered list itself. One aggregate query each.
    """
    base = access.visible_events(clearance)
    filtered = apply_filters(base, filters)
    counts = {
        name: _counts(name, apply_filters(base, filters.without(name)))
        if getattr(filters, name)
        else _counts(name, filtered)
        for name in FACETS
    }
    return [
        _type_facet(counts["type"], filters),
        _vocabulary_facet("freedom", Freedom, counts, filters),
        _labelled_facet("article", counts["article"], filters.article, str),
        _labelled_facet("country", counts["country"], filters.country, country_name),
        _region_facet(counts["region"], filters),
        _vocabulary_facet("role", PersonRole, counts, filters),
        _vocabulary_facet("status", PersonStatus, counts, filters),
        _vocabulary_facet("review", ReviewState, counts, filters),
    ]


def _type_facet(type_counts: dict[str, int], filters: EventFilters) -> Facet:
    """Event types, listed under their group (justice, harm, civic space)."""
    values = [
        FacetValue(
            member.value,
            member.label,
            type_counts.get(member.value, 0),
            member.value in filters.type,
            event_group(member).label,
        )
        for member in EventType
        if type_counts.get(member.value) or member.value in filters.type
    ]
    group_order = [group.label for group in EventGroup]
    values.sort(key=lambda v: (group_order.index(v.group), -v.count, v.label))
    return Facet("type", str(FACETS["type"]), values)


def _vocabulary_facet(
    name: str, vocabulary: Any, counts: dict[str, dict[Any, int]], filters: EventFilters
) -> Facet:
    chosen = getattr(filters, name)
    return Facet(name, str(FACETS[name]), _vocabulary_values(vocabulary, counts[name], chosen))


def _labelled_facet(
    name: str, counts: dict[str, int], chosen: tuple[str, ...], label: Any
) -> Facet:
    """A facet of free values (provisions, countries): the most frequent, chosen first."""
    for value in chosen:
        counts.setdefault(value, 0)
    values = [FacetValue(value, label(value), n, value in chosen) for value, n in counts.items()]
    return Facet(name, str(FACETS[name]), _top(values))


def _region_facet(region_counts: dict[int, int], filters: EventFilters) -> Facet:
    chosen = {int(v) for v in filters.region}
    names = dict(Place.objects.filter(pk__in=set(region_counts) | chosen).values_list("pk", "name"))
    values = [
        FacetValue(str(pk), names[pk], region_counts.get(pk, 0), pk in chosen) for pk in names
    ]
    return Facet("region", str(FACETS["region"]), _top(values))
