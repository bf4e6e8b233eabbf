"""Events: the faceted list, its rows and its CSV export.

Every row, count and export line comes from :func:`civicwatch.services.access.visible_events`
for the reader's clearance, and the sources shown with an event are only its visible
documents (so a viewer never learns that a confidential report mentions an event, not even
from "reported by N documents"). What the reader may ask for and the events it lets through
are in :mod:`civicwatch.services.event_filters`, the counts beside each facet's values in
:mod:`civicwatch.services.event_facets`; their public names are importable from here too.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import dateformat
from django.utils.translation import gettext

from civicwatch.core.vocab import (
    DatePrecision,
    EventType,
    Freedom,
    InvolvementRole,
    ReviewState,
    Sensitivity,
    event_group,
)
from civicwatch.services import access
from civicwatch.services.event_facets import (
    FACET_LIMIT,
    Facet,
    FacetValue,
    country_name,
    facet_counts,
)
from civicwatch.services.event_filters import (
    FACETS,
    MAX_VALUES,
    EventFilters,
    filtered_events,
    parse_day,
    period_shortcuts,
)
from civicwatch.store.models import Claim, Event, Involvement

__all__ = [
    "FACETS",
    "FACET_LIMIT",
    "MAX_VALUES",
    "EventFilters",
    "EventPage",
    "EventRow",
    "Facet",
    "FacetValue",
    "country_name",
    "date_in_words",
    "event_list",
    "event_page",
    "export_events_csv",
    "facet_counts",
    "filtered_events",
    "latest_events",
    "parse_day",
    "period_shortcuts",
]

#: Rows on one page of the list.
PAGE_SIZE = 25


# ---- Rows ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceDocument:
    id: int
    title: str
    published: date | None


@dataclass(frozen=True)
class PersonLink:
    id: int
    name: str
    role: str  # InvolvementRole label


@dataclass(frozen=True)
class EventRow:
    id: int
    when: str
    date_start: date | None
    type: EventType
    place: str
    place_id: int | None
    people: list[PersonLink]
    articles: list[str]
    freedoms: list[Freedom]
    summary: str
    review_state: ReviewState
    sources: list[SourceDocument]

    @property
    def corroboration(self) -> int:
        """How many documents the reader may see report this event."""
        return len(self.sources)


@dataclass(frozen=True)
class EventPage:
    rows: list[EventRow]
    number: int
    num_pages: int
    count: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages


def date_in_words(start: date | None, precision: str) -> str:
    """ "14 March 2024", "mid-March 2024", "March 2024", "2024"; "" when undated."""
    if start is None or not precision:
        return ""
    kind = DatePrecision(precision)
    month = dateformat.format(start, "F Y")
    if kind is DatePrecision.DAY:
        return dateformat.format(start, "j F Y")
    if kind is DatePrecision.MONTH:
        return month
    if kind is DatePrecision.YEAR:
        return str(start.year)
    if kind is DatePrecision.EARLY:
        return gettext("early %(month)s") % {"month": month}
    if kind is DatePrecision.MID:
        return gettext("mid-%(month)s") % {"month": month}
    return gettext("late %(month)s") % {"month": month}


def _with_details(queryset: Any, clearance: Sensitivity) -> Any:
    allowed = access.levels(clearance)
    return queryset.select_related("place").prefetch_related(
        Prefetch(
            "involvements",
            queryset=Involvement.objects.filter(person__isnull=False)
            .select_related("person")
            .order_by("pk"),
        ),
        Prefetch(
            "sources",
            queryset=Claim.objects.filter(document__sensitivity__in=allowed)
            .select_related("document")
            .only("id", "document_id", "document__id", "document__title", "document__published"),
        ),
    )


def _summary_after_type(summary: str, event_type: EventType) -> str:
    """The summary without the event type it starts with (the row shows the type already):
    "Sentence: 7 years in prison, Almaty" -> "7 years in prison, Almaty"."""
    label = event_type.label
    if summary.lower().startswith(label.lower()):
        rest = summary[len(label) :].lstrip(":,; ")
        return rest[:1].upper() + rest[1:]
    return summary


def _row(event: Event) -> EventRow:
    documents: dict[int, SourceDocument] = {}
    for claim in event.sources.all():
        document = claim.document
        documents.setdefault(
            document.pk, SourceDocument(document.pk, document.title, document.published)
        )
    people: dict[int, PersonLink] = {}
    for involvement in event.involvements.all():
        person = involvement.person
        if person is None:
            continue
        root = person.canonical_id or person.pk
        role = InvolvementRole(involvement.role).label if involvement.role else ""
        people.setdefault(root, PersonLink(root, person.canonical_name, role))
    return EventRow(
        id=event.pk,
        when=date_in_words(event.date_start, event.date_precision),
        date_start=event.date_start,
        type=EventType(event.type),
        place=event.place.name if event.place else "",
        place_id=event.place_id,
        people=list(people.values()),
        articles=[str(a) for a in event.articles],
        freedoms=[Freedom(f) for f in event.freedoms if f in Freedom._value2member_map_],
        summary=_summary_after_type(event.summary, EventType(event.type)),
        review_state=ReviewState(event.review_state),
        sources=sorted(
            documents.values(), key=lambda d: (d.published or date.min, d.id), reverse=False
        ),
    )


def event_page(
    filters: EventFilters, clearance: Sensitivity, page: int | str | None = 1
) -> EventPage:
    """One page of the filtered list (out-of-range pages show the nearest page)."""
    paginator = Paginator(
        filtered_events(filters, clearance).values_list("pk", flat=True), PAGE_SIZE
    )
    return _page_of(paginator, page, clearance)


def _page_of(paginator: Paginator, page: int | str | None, clearance: Sensitivity) -> EventPage:
    found = paginator.get_page(page)
    ids = list(found.object_list)
    events = {e.pk: e for e in _with_details(Event.objects.filter(pk__in=ids), clearance)}
    return EventPage(
        rows=[_row(events[pk]) for pk in ids if pk in events],
        number=found.number,
        num_pages=paginator.num_pages,
        count=paginator.count,
    )


def event_list(
    filters: EventFilters, clearance: Sensitivity, page: int | str | None = 1
) -> tuple[EventPage, list[Facet]]:
    """The page and the facets together, as the events page shows them. Everything is
    counted and ordered by the database: nothing reads the whole filtered list."""
    return event_page(filters, clearance, page), facet_counts(filters, clearance)


def latest_events(clearance: Sensitivity, limit: int) -> tuple[list[EventRow], int]:
    """The most recent visible events (by date), and how many there are in all."""
    queryset = filtered_events(EventFilters(), clearance)
    ids = list(queryset.values_list("pk", flat=True)[:limit])
    events = {e.pk: e for e in _with_details(Event.objects.filter(pk__in=ids), clearance)}
    return [_row(events[pk]) for pk in ids if pk in events], queryset.count()


# ---- CSV -------------------------------------------------------------------------------

CSV_BATCH = 500


class _Echo:
    """A file-like object whose ``write`` hands back the line (for streaming csv)."""

    def write(self, value: str) -> str:
        return value


def csv_header() -> list[str]:
    return [
        gettext("Event id"),
        gettext("Date"),
        gettext("Date from"),
        gettext("Date to"),
        gettext("Event type"),
        gettext("Group"),
        gettext("Place"),
        gettext("Country"),
        gettext("People"),
        gettext("Legal provisions"),
        gettext("Freedoms"),
        gettext("Summary"),
        gettext("Review state"),
        gettext("Reported by (documents)"),
        gettext("Source document ids"),
        gettext("Source document titles"),
    ]


def _csv_cell(text: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula."""
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def export_events_csv(filters: EventFilters, clearance: Sensitivity) -> Iterator[str]:
    """The filtered list as CSV lines, read in batches of ids (memory stays flat however
    many events match)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(csv_header())
    queryset = filtered_events(filters, clearance)
    country_of = queryset.values_list("pk", "country")
    batch: list[int] = []
    for pk in queryset.values_list("pk", flat=True).iterator(chunk_size=CSV_BATCH):
        batch.append(pk)
        if len(batch) == CSV_BATCH:
            yield from _csv_rows(writer, batch, country_of, clearance)
            batch = []
    if batch:
        yield from _csv_rows(writer, batch, country_of, clearance)


def _csv_rows(
    writer: Any, batch: list[int], country_of: Any, clearance: Sensitivity
) -> Iterator[str]:
    events = {e.pk: e for e in _with_details(Event.objects.filter(pk__in=batch), clearance)}
    countries_of = dict(country_of.filter(pk__in=batch).order_by())
    for pk in batch:
        event = events.get(pk)
        if event is None:
            continue
        row = _row(event)
        code = countries_of.get(pk) or ""
        yield writer.writerow(
            [
                row.id,
                row.when,
                event.date_start.isoformat() if event.date_start else "",
                event.date_end.isoformat() if event.date_end else "",
                row.type.label,
                event_group(row.type).label,
                _csv_cell(row.place),
                country_name(code) if code else "",
                _csv_cell("; ".join(p.name for p in row.people)),
                "; ".join(row.articles),
                "; ".join(f.label for f in row.freedoms),
                _csv_cell(row.summary),
                row.review_state.label,
                row.corroboration,
                "; ".join(str(d.id) for d in row.sources),
                _csv_cell("; ".join(d.title for d in row.sources)),
            ]
        )
