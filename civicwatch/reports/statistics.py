"""Figures for the statistics page, ``civicwatch stats`` and the reports' key figures.

Every figure is counted from the rows a reader with ``clearance`` may see
(:mod:`civicwatch.services.access`), so a confidential event, person or source changes no
number at a lower level. The functions return plain dataclasses; nothing here draws or
formats (see :mod:`civicwatch.reports.charts`).

Filters:

- ``country``: the event's country column (its place's, else its first person's), a
  person's country for persons held and provisions;
- ``date_from`` / ``date_to``: an event counts when its first possible day
  (``date_start``) is in the period; an undated event counts only when no period is set.
  Charges count by their earliest stated date the same way. "Persons currently held" is a
  state today, so the period does not apply to it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from civicwatch.core.vocab import (
    HELD_STATUSES,
    EventType,
    Freedom,
    PenaltyKind,
    PersonStatus,
    PlaceKind,
    Sensitivity,
    Unit,
)
from civicwatch.services import access
from civicwatch.store.models import Charge, Event, Outcome, Place

__all__ = [
    "ASSEMBLY_TYPES",
    "AssemblyPenalties",
    "MonthRow",
    "PlaceCount",
    "ProvisionCount",
    "RegionCount",
    "Statistics",
    "StatsFilter",
    "assembly_penalties",
    "events_by_month",
    "events_by_place",
    "events_by_region",
    "persons_held",
    "statistics",
    "top_provisions",
]

# Event types that are about an assembly even when no freedom was recorded on them (the
# same set the ACLED-style export uses).
ASSEMBLY_TYPES = frozenset(
    {EventType.ASSEMBLY_BANNED, EventType.ASSEMBLY_DISPERSED, EventType.PREVENTIVE_DETENTION}
)
UNKNOWN_REGION = ""  # events without a place, or whose place lies in no known region
TOP_PROVISIONS = 10
GAP_FILL_MONTHS = 36


@dataclass(frozen=True)
class StatsFilter:
    """What the figures are about: clearance, country (ISO code, None: all), period."""

    clearance: Sensitivity = Sensitivity.INTERNAL
    country: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    @property
    def has_period(self) -> bool:
        return self.date_from is not None or self.date_to is not None


@dataclass
class MonthRow:
    """One month: "2024-03" and the number of events of each type in it."""

    month: str
    counts: dict[EventType, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class AssemblyPenalties:
    """Fines and administrative detention at assemblies (outcomes of assembly events)."""

    fines: int = 0
    fine_totals: dict[Unit | None, Decimal] = field(default_factory=dict)  # None: no unit
    fines_without_amount: int = 0
    detentions: int = 0
    detention_days: Decimal = Decimal(0)
    detentions_without_term: int = 0
    # a range ("10 to 15 days") counts with its lower bound; this says how many did
    ranges: int = 0


@dataclass
class ProvisionCount:
    label: str  # "CAO 488-6"
    short_title: str
    jurisdiction: str
    persons: int  # persons charged under it
    charges: int


@dataclass
class RegionCount:
    region: str
    country: str
    events: int


@dataclass
class PlaceCount:
    name: str
    country: str
    latitude: float
    longitude: float
    events: int


@dataclass
class Statistics:
    """Every figure for one filter."""

    filter: StatsFilter
    total_events: int
    undated_events: int
    event_types: list[EventType]  # the types that occur, most frequent first
    months: list[MonthRow]
    assembly: AssemblyPenalties
    provisions: list[ProvisionCount]
    held_total: int
    held_by_status: dict[PersonStatus, int]
    regions: list[RegionCount]
    countries: dict[str, int]
    places: list[PlaceCount]
    unplaced_events: int  # events without coordinates (not on the map)


# --- querysets ---------------------------------------------------------------------------


def _events(flt: StatsFilter) -> QuerySet[Event]:
    events = access.visible_events(flt.clearance)
    if flt.country:
        events = events.filter(country=flt.country.upper())
    if flt.date_from is not None:
        events = events.filter(date_start__gte=flt.date_from)
    if flt.date_to is not None:
        events = events.filter(date_start__lte=flt.date_to)
    return events.order_by()


def _visible_source(through: Any, owner: str, clearance: Sensitivity) -> Exists:
    """A source claim of the outer row that the reader may see: a confidential report's
    penalty or charge must not be counted at internal level even for a visible person."""
    return Exists(
        through.objects.filter(
            **{owner: OuterRef("pk")},
            claim__in=access.visible_claims(clearance).values("pk"),
        )
    )


# --- figures -----------------------------------------------------------------------------


def events_by_month(flt: StatsFilter) -> tuple[list[MonthRow], int]:
    """Dated events per month and type, and the number of undated events left out. Months
    without events between the first and the last are included when the span is at most
    :data:`GAP_FILL_MONTHS` long (so a chart's time axis is even), left out otherwise."""
    counts: dict[str, dict[EventType, int]] = defaultdict(dict)
    undated = 0
    rows = _events(flt).values("date_start", "type").annotate(n=Count("pk"))
    for row in rows:
        if row["date_start"] is None:
            undated += row["n"]
            continue
        month = row["date_start"].strftime("%Y-%m")
        kind = EventType(row["type"])
        counts[month][kind] = counts[month].get(kind, 0) + row["n"]
    if not counts:
        return [], undated
    months = _month_range(min(counts), max(counts))
    if len(months) > GAP_FILL_MONTHS:
        # years of empty months between an old case and this year's events say nothing
        months = sorted(counts)
    return [MonthRow(m, dict(counts.get(m, {}))) for m in months], undated


def _month_range(first: str, last: str) -> list[str]:
    year, month = (int(part) for part in first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def is_assembly(event_type: str, freedoms: list[str] | None) -> bool:
    return Freedom.PEACEFUL_ASSEMBLY.value in (freedoms or []) or event_type in {
        t.value for t in ASSEMBLY_TYPES
    }


def assembly_penalties(flt: StatsFilter) -> AssemblyPenalties:
    """Fines and administrative detention imposed for assemblies in the period."""
    hidden = access.hidden_person_ids(flt.clearance)
    outcomes = (
        Outcome.objects.filter(
            event__in=_events(flt).values("pk"),
            kind__in=[PenaltyKind.FINE.value, PenaltyKind.ADMIN_DETENTION.value],
        )
        .exclude(person__in=hidden)
        .filter(_visible_source(Outcome.sources.through, "outcome", flt.clearance))
        .values_list("kind", "quantity", "quantity_max", "unit", "event__type", "event__freedoms")
    )
    result = AssemblyPenalties()
    totals: dict[Unit | None, Decimal] = defaultdict(Decimal)
    for kind, quantity, quantity_max, unit, event_type, freedoms in outcomes:
        if not is_assembly(event_type, freedoms):
            continue
        if quantity_max is not None and quantity is not None and quantity_max != quantity:
            result.ranges += 1
        if kind == PenaltyKind.FINE.value:
            result.fines += 1
            if quantity is None:
                result.fines_without_amount += 1
            else:
                totals[Unit(unit) if unit else None] += quantity
        else:
            result.detentions += 1
            days = _days(quantity, unit)
            if days is None:
                result.detentions_without_term += 1
            else:
                result.detention_days += days
    result.fine_totals = dict(sorted(totals.items(), key=lambda item: str(item[0] or "")))
    return result


def _days(quantity: Decimal | None, unit: str) -> Decimal | None:
    if quantity is None:
        return None
    if unit in ("", Unit.DAYS.value):
        return quantity
    if unit == Unit.HOURS.value:
        return quantity / 24
    if unit == Unit.WEEKS.value:
        return quantity * 7
    return None  # months or years of administrative detention do not exist; not guessed


def top_provisions(flt: StatsFilter, limit: int = TOP_PROVISIONS) -> list[ProvisionCount]:
    """The provisions most persons are charged under (charges of visible persons with a
    visible source), most first."""
    charges = Charge.objects.filter(
        person__in=access.visible_persons(flt.clearance).values("pk")
    ).filter(_visible_source(Charge.sources.through, "charge", flt.clearance))
    if flt.country:
        charges = charges.filter(
            Q(person__country=flt.country.upper())
            | Q(person__country="", provision__jurisdiction=flt.country.upper())
        )
    if flt.date_from is not None:
        charges = charges.filter(first_date__gte=flt.date_from)
    if flt.date_to is not None:
        charges = charges.filter(first_date__lte=flt.date_to)
    rows = (
        charges.order_by()
        .values(
            "provision__jurisdiction",
            "provision__code",
            "provision__article",
            "provision__part",
            "provision__short_title",
        )
        .annotate(persons=Count("person", distinct=True), charges=Count("pk"))
        .order_by("-persons", "-charges", "provision__code", "provision__article")
    )
    out = []
    for row in rows[:limit]:
        label = f"{row['provision__code']} {row['provision__article']}"
        if row["provision__part"]:
            label += f"-{row['provision__part']}"
        out.append(
            ProvisionCount(
                label,
                row["provision__short_title"],
                row["provision__jurisdiction"],
                row["persons"],
                row["charges"],
            )
        )
    return out


def persons_held(flt: StatsFilter) -> tuple[int, dict[PersonStatus, int]]:
    """Visible persons deprived of liberty today, in total and by status."""
    held = access.visible_persons(flt.clearance).filter(
        status__in=[status.value for status in HELD_STATUSES]
    )
    if flt.country:
        held = held.filter(country=flt.country.upper())
    by_status = {
        PersonStatus(row["status"]): row["n"]
        for row in held.order_by().values("status").annotate(n=Count("pk"))
    }
    ordered = {s: by_status[s] for s in PersonStatus if s in by_status}
    return sum(ordered.values()), ordered


def _gazetteer_entry(name: str) -> Any:
    """The gazetteer's entry for a place name or for its first words ("Zhanaozen City
    Court" → Zhanaozen), or None."""
    from civicwatch.extract.places import lookup_place  # the gazetteer, read once

    words = name.split()
    for length in range(len(words), 0, -1):
        entry = lookup_place(" ".join(words[:length]))
        if entry is not None:
            return entry
    return None


def _region_of(place: Place) -> str:
    """The region a place lies in: its own record's parent chain, else the gazetteer's
    entry for its name or for the name's first words ("Zhanaozen City Court" → Zhanaozen →
    Mangystau region); a city without a region is its own region, anything else unknown."""
    node: Place | None = place
    for _ in range(5):
        if node is None:
            break
        if node.kind == PlaceKind.REGION.value:
            return node.name
        node = node.parent
    from civicwatch.extract.places import lookup_place  # the gazetteer, read once

    entry = _gazetteer_entry(place.name)
    for _ in range(3):
        if entry is None or entry.kind is PlaceKind.COUNTRY:
            break
        if entry.kind is PlaceKind.REGION or entry.parent is None:
            return entry.name if entry.kind in (PlaceKind.REGION, PlaceKind.CITY) else ""
        parent = lookup_place(entry.parent)
        if parent is None or parent.kind is PlaceKind.COUNTRY:
            return entry.name if entry.kind is PlaceKind.CITY else ""
        entry = parent
    return place.name if place.kind == PlaceKind.CITY.value else UNKNOWN_REGION


def events_by_region(flt: StatsFilter) -> tuple[list[RegionCount], dict[str, int]]:
    """Events per region (regions of the events' places) and per country."""
    per_place = (
        _events(flt)
        .values("place", "country")
        .annotate(n=Count("pk"))
        .values_list("place", "country", "n")
    )
    rows = list(per_place)
    places = Place.objects.select_related("parent").in_bulk(
        {pk for pk, _country, _n in rows if pk is not None}
    )
    regions: Counter[tuple[str, str]] = Counter()
    for pk, country, n in rows:
        place = places.get(pk) if pk is not None else None
        if place is None:
            regions[(UNKNOWN_REGION, country)] += n
            continue
        # the place's own country before the event's (which may be a person's, e.g. a
        # Kazakh activist detained in Yekaterinburg)
        where = place.country_code
        if not where:
            entry = _gazetteer_entry(place.name)
            where = (entry.country if entry is not None else None) or country
        regions[(_region_of(place), where)] += n
    countries = dict(
        _events(flt).values_list("country").annotate(n=Count("pk")).values_list("country", "n")
    )
    ordered = sorted(regions.items(), key=lambda item: (-item[1], item[0]))
    return (
        [RegionCount(region, country, n) for (region, country), n in ordered],
        dict(sorted(countries.items(), key=lambda item: (-item[1], item[0]))),
    )


def events_by_place(flt: StatsFilter) -> tuple[list[PlaceCount], int]:
    """Events per point (for the map), and how many events have no known point. A place
    without coordinates (a court, a colony) takes those of the city it is named after,
    from the gazetteer; points of one name at one spot are drawn once."""
    rows = (
        _events(flt)
        .values("place")
        .annotate(n=Count("pk"))
        .values_list(
            "place__name", "place__country_code", "place__latitude", "place__longitude", "n"
        )
    )
    merged: Counter[tuple[str, str, float, float]] = Counter()
    unplaced = 0
    for name, country, lat, lon, n in rows:
        if name is not None and (lat is None or lon is None):
            entry = _gazetteer_entry(name)
            if entry is not None and entry.latitude is not None and entry.longitude is not None:
                name, lat, lon = entry.name, entry.latitude, entry.longitude
                country = country or entry.country or ""
        if lat is None or lon is None:
            unplaced += n
        else:
            merged[(name, country, round(lat, 2), round(lon, 2))] += n
    points = [
        PlaceCount(name, country, lat, lon, n) for (name, country, lat, lon), n in merged.items()
    ]
    points.sort(key=lambda p: (-p.events, p.name))
    return points, unplaced


PARTS = frozenset({"events", "assembly", "provisions", "held", "regions", "places"})


def statistics(
    clearance: Sensitivity,
    *,
    country: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    parts: frozenset[str] = PARTS,
) -> Statistics:
    """Every figure for the filter, each counted from visible rows only. ``parts`` limits
    the work to some figures (a chart needs one); the others are left empty."""
    flt = StatsFilter(clearance, country.upper() if country else None, date_from, date_to)
    months: list[MonthRow] = []
    undated = 0
    type_totals: Counter[EventType] = Counter()
    if "events" in parts:
        months, undated = events_by_month(flt)
        for row in months:
            type_totals.update(row.counts)
        if not flt.has_period and undated:
            for kind, n in (
                _events(flt)
                .filter(date_start__isnull=True)
                .values_list("type")
                .annotate(n=Count("pk"))
            ):
                type_totals[EventType(kind)] += n
    held_total, held_by_status = persons_held(flt) if "held" in parts else (0, {})
    regions, countries = events_by_region(flt) if "regions" in parts else ([], {})
    places, unplaced = events_by_place(flt) if "places" in parts else ([], 0)
    return Statistics(
        filter=flt,
        total_events=sum(type_totals.values()),
        undated_events=undated if not flt.has_period else 0,
        event_types=[kind for kind, _ in sorted(type_totals.items(), key=_most_first)],
        months=months,
        assembly=assembly_penalties(flt) if "assembly" in parts else AssemblyPenalties(),
        provisions=top_provisions(flt) if "provisions" in parts else [],
        held_total=held_total,
        held_by_status=held_by_status,
        regions=regions,
        countries=countries,
        places=places,
        unplaced_events=unplaced,
    )


def _most_first(item: tuple[EventType, int]) -> tuple[int, str]:
    return (-item[1], item[0].value)
