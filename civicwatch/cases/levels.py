"""Who may see an event, and where it happened, kept on the event itself.

An event is visible to a reader cleared for level L when one of its sources is a document
at L or lower and no one taking part in it is a person above L (docs/web.md, "Who sees
what"). Deciding that per event through sources → claims → documents and involvements →
persons made every list and count of 100,000 events pay for joins, so each event keeps two
columns: ``source_level`` (the least sensitive reporting document, null when none) and
``people_level`` (the most sensitive person taking part). They are written when the case
builder writes events and refreshed here whenever a document's or a person's sensitivity
changes; ``tests/cases/test_event_levels.py`` checks them against the rule itself.

``country`` is kept the same way, for the same reason: an event's country is its place's,
else that of the first person taking part (a person's country is that of the reports that
name them), which every country filter and count would otherwise find through a subquery.

The list facets are kept the same way, in ``EventFacet`` rows (event, facet, value): the
event's freedoms and cited provisions, and the roles and statuses of the people taking part
(any person record an involvement names, as the facets always counted them). Every filter
and count of those facets reads these rows (``services/event_filters.py``,
``services/event_facets.py``), so each count is one indexed ``GROUP BY`` instead of
unpacking JSON lists or joining through every involvement to its person. They are rewritten
with the columns (:func:`refresh_event_columns`); the case builder refreshes the events it
writes after it has written the people's roles and statuses, the only place where those,
an event's lists and its involvements change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Case, Exists, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf

from civicwatch.core.vocab import Sensitivity
from civicwatch.store.bulk import insert_rows
from civicwatch.store.models import Event, EventFacet, Involvement

#: The facets kept as EventFacet rows, by the names the events list uses for them.
KEPT_FACETS = ("freedom", "article", "role", "status")
# Events whose facet rows are rewritten per round of queries.
_FACET_BATCH = 500


def _source_level(event_model: Any) -> Case:
    through = event_model.sources.through

    def reported_at(level: Sensitivity) -> Exists:
        return Exists(
            through.objects.filter(event=OuterRef("pk"), claim__document__sensitivity=level.value)
        )

    return Case(
        *(When(reported_at(level), then=Value(level.value)) for level in Sensitivity),
        default=None,
    )


def _people_level(involvement_model: Any) -> Case:
    def with_person_at(level: Sensitivity) -> Exists:
        return Exists(
            involvement_model.objects.filter(event=OuterRef("pk"), person__sensitivity=level.value)
        )

    most_sensitive_first = reversed(list(Sensitivity))
    return Case(
        *(When(with_person_at(level), then=Value(level.value)) for level in most_sensitive_first),
        default=Value(Sensitivity.PUBLIC.value),
    )


def _country(event_model: Any, involvement_model: Any) -> Coalesce:
    place_model = event_model._meta.get_field("place").related_model
    place = place_model.objects.filter(pk=OuterRef("place_id")).values("country_code")[:1]
    first_person = (
        involvement_model.objects.filter(event=OuterRef("pk"), person__isnull=False)
        .exclude(person__country="")
        .order_by("pk")
        .values("person__country")[:1]
    )
    return Coalesce(NullIf(Subquery(place), Value("")), Subquery(first_person), Value(""))


def refresh_event_columns(events: Any = None, *, models: tuple[Any, Any] | None = None) -> int:
    """Recompute the kept columns and facet rows for ``events`` (a queryset or ids; all
    events when None).

    ``models`` lets a migration pass its historical Event and Involvement models; then only
    the columns are written (migration 0010 fills the facet rows it creates).
    """
    event_model, involvement_model = models or (Event, Involvement)
    queryset = event_model.objects.all()
    if events is not None:
        queryset = queryset.filter(pk__in=events)
    count = int(
        queryset.update(
            source_level=_source_level(event_model),
            people_level=_people_level(involvement_model),
            country=_country(event_model, involvement_model),
        )
    )
    if models is None:
        refresh_event_facets(events)
    return count


def _texts(values: Any) -> list[str]:
    """The text elements of a JSON list column (what ``json_each`` gives for strings)."""
    if not isinstance(values, list):
        return []
    return [value for value in values if isinstance(value, str)]


def _facet_rows(ids: list[int], event_model: Any, involvement_model: Any) -> Iterator[tuple]:
    """(event, facet, value) once for each value of each kept facet of these events."""
    for pk, freedoms, articles in event_model.objects.filter(pk__in=ids).values_list(
        "pk", "freedoms", "articles"
    ):
        for value in dict.fromkeys(_texts(freedoms)):
            yield pk, "freedom", value
        for value in dict.fromkeys(_texts(articles)):
            yield pk, "article", value
    seen: set[tuple[int, str, str]] = set()
    people = (
        involvement_model.objects.filter(event__in=ids, person__isnull=False)
        .order_by()
        .values_list("event_id", "person__roles", "person__status")
    )
    for pk, roles, status in people:
        for row in [(pk, "role", role) for role in _texts(roles)] + [(pk, "status", status)]:
            if row not in seen:
                seen.add(row)
                yield row


def refresh_event_facets(events: Any = None, *, models: tuple[Any, Any, Any] | None = None) -> int:
    """Rewrite the EventFacet rows of ``events`` (a queryset or ids; all events when None)
    from their freedoms, provisions and the people taking part. Returns the rows written.

    ``models`` lets a migration pass its historical Event, Involvement and EventFacet models.
    """
    event_model, involvement_model, facet_model = models or (Event, Involvement, EventFacet)
    queryset = event_model.objects.order_by("pk")
    if events is None:
        facet_model.objects.all().delete()
    else:
        queryset = queryset.filter(pk__in=events)
    ids = list(queryset.values_list("pk", flat=True))
    written = 0
    for start in range(0, len(ids), _FACET_BATCH):
        batch = ids[start : start + _FACET_BATCH]
        if events is not None:
            facet_model.objects.filter(event__in=batch).delete()
        written += insert_rows(
            facet_model,
            ["event_id", "facet", "value"],
            _facet_rows(batch, event_model, involvement_model),
        )
    return written


def events_of_documents(document_ids: Any) -> Any:
    """Ids of events reported by any of these documents."""
    return (
        Event.sources.through.objects.filter(claim__document__in=document_ids)
        .values("event_id")
        .distinct()
    )


def events_of_persons(person_ids: Any) -> Any:
    """Ids of events in which any of these persons (roots) take part."""
    return Involvement.objects.filter(person__in=person_ids).values("event_id").distinct()
