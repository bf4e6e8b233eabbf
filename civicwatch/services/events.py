"""Events: the faceted list, its counts and its CSV export.

Every row, count and export line comes from :func:`civicwatch.services.access.visible_events`
for the reader's clearance, and the sources shown with an event are only its visible
documents (so a viewer never learns that a confidential report mentions an event, not even
from "reported by N documents").

Facets combine: values of one facet are alternatives (OR), facets narrow each other (AND).
The counts beside a facet's values are the events that the *other* facets let through, so
choosing a value never makes the other values of the same facet drop to zero. Counts are
aggregate queries (``GROUP BY``), one per facet, never a query per row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    When,
)
from django.utils import dateformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civicwatch.core.provisions_catalogue import countries
from civicwatch.core.vocab import (
    DatePrecision,
    EventGroup,
    EventType,
    Freedom,
    InvolvementRole,
    PersonRole,
    PersonStatus,
    PlaceKind,
    ReviewState,
    Sensitivity,
    event_group,
)
from civicwatch.services import access
from civicwatch.store.models import Claim, Event, Involvement, Place

__all__ = [
    "FACETS",
    "EventFilters",
    "EventPage",
    "EventRow",
    "FacetValue",
    "country_name",
    "date_in_words",
    "event_list",
    "event_page",
    "export_events_csv",
    "facet_counts",
    "filtered_events",
    "latest_events",
    "period_shortcuts",
]

#: Rows on one page of the list.
PAGE_SIZE = 25
#: At most this many values of one facet are offered (the most frequent first).
FACET_LIMIT = 40
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


# ---- Filtering -------------------------------------------------------------------------


def _json_has(column: str, values: tuple[str, ...]) -> Q:
    """A JSON list column holds one of ``values`` (the JSON text contains ``"value"``)."""
    condition = Q()
    for value in values:
        condition |= Q(**{f"{column}__icontains": f'"{value}"'})
    return condition


def _country_filter(codes: tuple[str, ...]) -> Q:
    """The event happened in one of ``codes`` (``Event.country``, kept by the case builder:
    its place's country, else that of the first person taking part)."""
    return Q(country__in=codes)


def _region_expression() -> Any:
    """The region an event happened in: its place when that is a region, else the place's
    parent when that is one."""
    region = PlaceKind.REGION.value
    return Case(
        When(place__kind=region, then=F("place_id")),
        When(place__parent__kind=region, then=F("place__parent_id")),
        default=None,
        output_field=IntegerField(),
    )


def _apply(queryset: QuerySet[Event], filters: EventFilters, clearance: Sensitivity) -> Any:
    if filters.type:
        queryset = queryset.filter(type__in=filters.type)
    if filters.review:
        queryset = queryset.filter(review_state__in=filters.review)
    if filters.freedom:
        queryset = queryset.filter(_json_has("freedoms", filters.freedom))
    if filters.article:
        queryset = queryset.filter(_json_has("articles", filters.article))
    if filters.country:
        queryset = queryset.filter(_country_filter(filters.country))
    if filters.region:
        queryset = queryset.annotate(region_id=_region_expression()).filter(
            region_id__in=[int(v) for v in filters.region]
        )
    if filters.role:
        people = Involvement.objects.filter(event=OuterRef("pk")).filter(
            _json_has("person__roles", filters.role)
        )
        queryset = queryset.filter(Exists(people))
    if filters.status:
        people = Involvement.objects.filter(event=OuterRef("pk"), person__status__in=filters.status)
        queryset = queryset.filter(Exists(people))
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
    return _apply(access.visible_events(clearance), filters, clearance).order_by(
        F("date_start").desc(nulls_last=True), "-pk"
    )


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
    return event_page(filters, clearance, page), _facets(filters, clearance)


def latest_events(clearance: Sensitivity, limit: int) -> tuple[list[EventRow], int]:
    """The most recent visible events (by date), and how many there are in all."""
    queryset = filtered_events(EventFilters(), clearance)
    ids = list(queryset.values_list("pk", flat=True)[:limit])
    events = {e.pk: e for e in _with_details(Event.objects.filter(pk__in=ids), clearance)}
    return [_row(events[pk]) for pk in ids if pk in events], queryset.count()


# ---- Facet counts ----------------------------------------------------------------------


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


def _ids_sql(queryset: Any) -> tuple[str, tuple[Any, ...]]:
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return sql, tuple(params)


def _json_element_counts(
    queryset: Any, table: str, column: str, *, via_involvement: bool = False
) -> dict[str, int]:
    """How many events of ``queryset`` hold each element of a JSON list column
    (on the event itself, or on a person taking part in it)."""
    sql, params = _ids_sql(queryset)
    if connection.vendor == "postgresql":
        each = f"jsonb_array_elements_text(t.{column}) AS j(value)"
    else:
        each = f"json_each(t.{column}) AS j"
    if via_involvement:
        query = (
            f"SELECT j.value, COUNT(DISTINCT i.event_id) FROM store_involvement i "
            f"JOIN {table} t ON t.id = i.person_id, {each} "
            f"WHERE i.event_id IN ({sql}) GROUP BY j.value"
        )
    else:
        query = (
            f"SELECT j.value, COUNT(*) FROM {table} t, {each} "
            f"WHERE t.id IN ({sql}) GROUP BY j.value"
        )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return {str(value): int(n) for value, n in cursor.fetchall()}


def _grouped(queryset: Any, column: str) -> dict[Any, int]:
    # no to-many join reaches here (filters on people are EXISTS subqueries): plain COUNT
    rows = queryset.order_by().values(column).annotate(n=Count("pk"))
    return {row[column]: row["n"] for row in rows if row[column] not in (None, "")}


def country_name(code: str) -> str:
    known = countries().get(code)
    return known.name if known else code


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


def _sql_counts(name: str, queryset: Any, clearance: Sensitivity) -> dict[Any, int]:
    """Counts of one facet's values over ``queryset``, as one aggregate query."""
    if name == "type":
        return _grouped(queryset, "type")
    if name == "review":
        return _grouped(queryset, "review_state")
    if name == "freedom":
        return _json_element_counts(queryset, "store_event", "freedoms")
    if name == "article":
        return _json_element_counts(queryset, "store_event", "articles")
    if name == "country":
        return _grouped(queryset, "country")
    if name == "region":
        if "region_id" not in queryset.query.annotations:
            queryset = queryset.annotate(region_id=_region_expression())
        return _grouped(queryset, "region_id")
    if name == "role":
        return _json_element_counts(queryset, "store_person", "roles", via_involvement=True)
    rows = (
        Involvement.objects.filter(event__in=queryset.order_by().values("pk"))
        .filter(person__isnull=False)
        .order_by()
        .values("person__status")
        .annotate(n=Count("event_id", distinct=True))
    )
    return {row["person__status"]: row["n"] for row in rows}


def _shared_counts(
    names: list[str], queryset: Any, clearance: Sensitivity
) -> dict[str, dict[Any, int]]:
    """Counts of the facets without a choice, each over the fully filtered list (one
    aggregate query each, over indexed columns of the event)."""
    return {name: _sql_counts(name, queryset, clearance) for name in names}


def facet_counts(filters: EventFilters, clearance: Sensitivity) -> list[Facet]:
    """Every facet with the count of events beside each value, given the other facets.

    A facet with chosen values counts over the events the *other* facets let through (one
    aggregate query each); every facet without a choice counts over the filtered list
    itself, so those are read together in one pass (:func:`_shared_counts`).
    """
    return _facets(filters, clearance)


def _facets(filters: EventFilters, clearance: Sensitivity) -> list[Facet]:
    base = access.visible_events(clearance)
    chosen = [name for name in FACETS if getattr(filters, name)]
    unchosen = [name for name in FACETS if name not in chosen]
    counts = _shared_counts(unchosen, _apply(base, filters, clearance), clearance)
    for name in chosen:
        counts[name] = _sql_counts(name, _apply(base, filters.without(name), clearance), clearance)

    facets = []
    # Event types, listed under their group (justice, harm, civic space).
    type_counts = counts["type"]
    type_values = [
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
    type_values.sort(key=lambda v: (group_order.index(v.group), -v.count, v.label))
    facets.append(Facet("type", str(FACETS["type"]), type_values))
    facets.append(
        Facet(
            "freedom",
            str(FACETS["freedom"]),
            _vocabulary_values(Freedom, counts["freedom"], filters.freedom),
        )
    )
    article_counts = counts["article"]
    for value in filters.article:
        article_counts.setdefault(value, 0)
    facets.append(
        Facet(
            "article",
            str(FACETS["article"]),
            _top(
                [
                    FacetValue(label, label, n, label in filters.article)
                    for label, n in article_counts.items()
                ]
            ),
        )
    )
    country_counts = counts["country"]
    for value in filters.country:
        country_counts.setdefault(value, 0)
    facets.append(
        Facet(
            "country",
            str(FACETS["country"]),
            _top(
                [
                    FacetValue(code, country_name(code), n, code in filters.country)
                    for code, n in country_counts.items()
                ]
            ),
        )
    )
    region_counts = counts["region"]
    chosen_regions = {int(v) for v in filters.region}
    names = dict(
        Place.objects.filter(pk__in=set(region_counts) | chosen_regions).values_list("pk", "name")
    )
    facets.append(
        Facet(
            "region",
            str(FACETS["region"]),
            _top(
                [
                    FacetValue(str(pk), names[pk], region_counts.get(pk, 0), pk in chosen_regions)
                    for pk in names
                ]
            ),
        )
    )
    facets.append(
        Facet(
            "role",
            str(FACETS["role"]),
            _vocabulary_values(PersonRole, counts["role"], filters.role),
        )
    )
    facets.append(
        Facet(
            "status",
            str(FACETS["status"]),
            _vocabulary_values(PersonStatus, counts["status"], filters.status),
        )
    )
    facets.append(
        Facet(
            "review",
            str(FACETS["review"]),
            _vocabulary_values(ReviewState, counts["review"], filters.review),
        )
    )
    return facets


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
