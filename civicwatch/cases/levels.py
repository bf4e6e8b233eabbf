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
"""

from __future__ import annotations

from typing import Any

from django.db.models import Case, Exists, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf

from civicwatch.core.vocab import Sensitivity
from civicwatch.store.models import Event, Involvement


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
    """Recompute the kept columns for ``events`` (a queryset or ids; all events when None).

    ``models`` lets a migration pass its historical Event and Involvement models.
    """
    event_model, involvement_model = models or (Event, Involvement)
    queryset = event_model.objects.all()
    if events is not None:
        queryset = queryset.filter(pk__in=events)
    return int(
        queryset.update(
            source_level=_source_level(event_model),
            people_level=_people_level(involvement_model),
            country=_country(event_model, involvement_model),
        )
    )


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
