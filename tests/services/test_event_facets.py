"""The events list's facets, counted over the kept ``EventFacet`` rows, equal a
straightforward computation from the case database itself: events visible by the rule
(sources, documents, people), their freedoms and provisions, and the roles and statuses of
everyone taking part, for an editor and a viewer, under several combinations of filters.

The database is the demo corpus ingested the real way, with documents and people at every
sensitivity level (set through the services that refresh the kept columns and rows).
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.db.models import Count

from civicwatch.cases.levels import KEPT_FACETS, refresh_event_columns
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
from civicwatch.services import events as service
from civicwatch.services.event_facets import FACET_LIMIT
from civicwatch.store.models import Document, Event, EventFacet, Involvement, Person

DEMO_REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"
EDITOR, VIEWER = Sensitivity.CONFIDENTIAL, Sensitivity.INTERNAL


@dataclass(frozen=True)
class Seen:
    """One event as the straightforward computation sees it."""

    pk: int
    type: str
    review: str
    country: str
    region: int | None
    freedoms: frozenset[str]
    articles: frozenset[str]
    roles: frozenset[str]
    statuses: frozenset[str]
    date_start: date | None
    date_end: date | None
    source_levels: frozenset[str]
    people_levels: frozenset[str]

    def visible(self, clearance: Sensitivity) -> bool:
        allowed = set(access.levels(clearance))
        return bool(self.source_levels & allowed) and self.people_levels <= allowed

    def values(self, facet: str) -> set[str]:
        single = {"type": self.type, "review": self.review, "country": self.country}
        if facet in single:
            return {single[facet]} - {""}
        if facet == "region":
            return set() if self.region is None else {str(self.region)}
        kept = {
            "freedom": self.freedoms,
            "article": self.articles,
            "role": self.roles,
            "status": self.statuses,
        }
        return set(kept[facet])

    def passes(self, filters: service.EventFilters) -> bool:
        for facet in service.FACETS:
            chosen = getattr(filters, facet)
            if chosen and not self.values(facet) & set(chosen):
                return False
        if filters.date_from and not (
            (self.date_end is not None and self.date_end >= filters.date_from)
            or (self.date_end is None and self.date_start and self.date_start >= filters.date_from)
        ):
            return False
        return not (
            filters.date_to and (self.date_start is None or self.date_start > filters.date_to)
        )


def everything() -> list[Seen]:
    """Every event with its facet values, read from the tables without the kept rows or
    columns (visibility included)."""
    sources: dict[int, set[str]] = {}
    for event, level in Event.sources.through.objects.values_list(
        "event_id", "claim__document__sensitivity"
    ):
        sources.setdefault(event, set()).add(level)
    people: dict[int, list[tuple[str, list[str], str]]] = {}
    for event, level, roles, status in Involvement.objects.filter(person__isnull=False).values_list(
        "event_id", "person__sensitivity", "person__roles", "person__status"
    ):
        people.setdefault(event, []).append((level, roles, status))
    region = PlaceKind.REGION.value
    seen = []
    for event in Event.objects.select_related("place__parent"):
        place = event.place
        region_id = None
        if place is not None and place.kind == region:
            region_id = place.pk
        elif place is not None and place.parent is not None and place.parent.kind == region:
            region_id = place.parent.pk
        mine = people.get(event.pk, [])
        seen.append(
            Seen(
                pk=event.pk,
                type=event.type,
                review=event.review_state,
                country=event.country,
                region=region_id,
                freedoms=frozenset(event.freedoms),
                articles=frozenset(event.articles),
                roles=frozenset(role for _, roles, _ in mine for role in roles),
                statuses=frozenset(status for _, _, status in mine),
                date_start=event.date_start,
                date_end=event.date_end,
                source_levels=frozenset(sources.get(event.pk, ())),
                people_levels=frozenset(level for level, _, _ in mine),
            )
        )
    return seen


def expected_counts(
    events: list[Seen], filters: service.EventFilters, clearance: Sensitivity
) -> dict[str, Counter[str]]:
    """Per facet: how many visible events have each value, among the events the *other*
    facets let through."""
    visible = [event for event in events if event.visible(clearance)]
    counts: dict[str, Counter[str]] = {}
    for facet in service.FACETS:
        others = filters.without(facet) if getattr(filters, facet) else filters
        counts[facet] = Counter(
            value for event in visible if event.passes(others) for value in event.values(facet)
        )
    return counts


VOCABULARIES: dict[str, Any] = {
    "type": EventType,
    "freedom": Freedom,
    "role": PersonRole,
    "status": PersonStatus,
    "review": ReviewState,
}


def shown(counts: Counter[str], facet: str, chosen: tuple[str, ...]) -> dict[str, int]:
    """What the page offers of ``counts``: vocabulary terms with events or chosen; every
    other value (the test's database has fewer than FACET_LIMIT of each)."""
    if facet in VOCABULARIES:
        terms = {member.value for member in VOCABULARIES[facet]}
        return {v: counts[v] for v in terms if counts[v] or v in chosen}
    assert len(counts) < FACET_LIMIT
    return {**dict.fromkeys(chosen, 0), **counts}


@pytest.fixture(scope="module")
def corpus(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """The demo reports, with documents and people at every sensitivity level."""
    from civicwatch.services.documents import DocumentMetadata, ingest_paths
    from civicwatch.services.records import set_person_sensitivity
    from civicwatch.services.sensitivity import set_document_sensitivity

    with django_db_blocker.unblock(), transaction.atomic():
        summary = ingest_paths([DEMO_REPORTS], DocumentMetadata())
        assert not summary.failures, summary.failures
        documents = list(Document.objects.order_by("pk"))
        set_document_sensitivity(documents[0].pk, Sensitivity.PUBLIC)
        set_document_sensitivity(documents[1].pk, Sensitivity.CONFIDENTIAL)
        set_document_sensitivity(documents[2].pk, Sensitivity.CONFIDENTIAL)
        busiest = [
            row["person"]
            for row in Involvement.objects.filter(person__canonical__isnull=True)
            .exclude(person=None)
            .values("person")
            .annotate(n=Count("event"))
            .order_by("-n", "person")[:3]
        ]
        set_person_sensitivity(busiest[0], Sensitivity.CONFIDENTIAL)
        set_person_sensitivity(busiest[1], Sensitivity.INTERNAL)
        set_person_sensitivity(busiest[2], Sensitivity.PUBLIC)
        yield {"events": everything()}
        transaction.set_rollback(True)


def kept_rows() -> set[tuple[int, str, str]]:
    return set(EventFacet.objects.values_list("event_id", "facet", "value"))


def rows_from_scratch() -> set[tuple[int, str, str]]:
    rows = set()
    for event in everything():
        for facet in KEPT_FACETS:
            rows |= {(event.pk, facet, value) for value in event.values(facet)}
    return rows


def test_the_database_has_what_the_comparison_needs(corpus: dict[str, Any], db: Any) -> None:
    events: list[Seen] = corpus["events"]
    editor = [event for event in events if event.visible(EDITOR)]
    viewer = [event for event in events if event.visible(VIEWER)]
    assert len(editor) >= 20
    assert 0 < len(viewer) < len(editor)
    for facet, at_least in (("freedom", 2), ("article", 4), ("role", 3), ("status", 3)):
        assert len({v for event in viewer for v in event.values(facet)}) >= at_least, facet
    # an event with several people, and people whose roles are more than one
    assert any(len(event.statuses) > 1 or len(event.roles) > 1 for event in viewer)
    assert Person.objects.exclude(sensitivity=Sensitivity.INTERNAL.value).exists()


def filter_sets(events: list[Seen]) -> list[dict[str, list[str]]]:
    """Combinations of filters with values the database has (the most frequent ones)."""

    def common(facet: str, n: int = 1) -> list[str]:
        counted = Counter(v for event in events for v in event.values(facet))
        return [value for value, _ in counted.most_common(n)]

    return [
        {},
        {"type": common("type"), "country": common("country")},
        {"freedom": common("freedom"), "role": common("role")},
        {"article": common("article", 2), "status": common("status")},
        {"role": common("role", 2), "status": common("status", 2)},
        {"region": common("region"), "review": common("review")},
        {"status": common("status"), "from": ["2023-01"], "to": ["2024-06"]},
        {"type": common("type", 3), "freedom": common("freedom"), "article": common("article")},
    ]


@pytest.mark.parametrize("reader", [EDITOR, VIEWER], ids=["editor", "viewer"])
def test_counts_and_lists_equal_a_straightforward_computation(
    corpus: dict[str, Any], db: Any, reader: Sensitivity
) -> None:
    events: list[Seen] = corpus["events"]
    compared = Counter[str]()
    for query in filter_sets(events):
        filters = service.EventFilters.from_query(query)
        expected = expected_counts(events, filters, reader)
        for facet in service.facet_counts(filters, reader):
            chosen = getattr(filters, facet.name)
            got = {value.value: value.count for value in facet.values}
            assert got == shown(expected[facet.name], facet.name, chosen), (query, facet.name)
            compared[facet.name] += sum(1 for n in got.values() if n)
        listed = set(service.filtered_events(filters, reader).values_list("pk", flat=True))
        assert listed == {e.pk for e in events if e.visible(reader) and e.passes(filters)}, query
    assert set(compared) == set(service.FACETS)
    assert all(compared.values()), compared  # every facet had non-zero counts to compare


def test_kept_rows_follow_a_merge_a_sensitivity_change_and_a_full_refresh(
    corpus: dict[str, Any], db: Any
) -> None:
    from civicwatch.services.persons import merge_persons
    from civicwatch.services.records import set_person_sensitivity

    assert kept_rows() == rows_from_scratch()
    roots = list(
        Person.objects.filter(canonical__isnull=True, live=True, involvements__isnull=False)
        .distinct()
        .order_by("pk")
    )
    merge_persons(roots[0].pk, roots[-1].pk)  # statuses and roles are derived anew
    assert kept_rows() == rows_from_scratch()
    set_person_sensitivity(roots[1].pk, Sensitivity.CONFIDENTIAL)
    assert kept_rows() == rows_from_scratch()
    expected = rows_from_scratch()
    EventFacet.objects.all().delete()
    some = list(Event.objects.order_by("pk").values_list("pk", flat=True)[:5])
    refresh_event_columns(some)
    assert kept_rows() == {row for row in expected if row[0] in some}
    refresh_event_columns()
    assert kept_rows() == expected


def test_the_migration_fills_the_rows_of_an_existing_database(
    corpus: dict[str, Any], db: Any
) -> None:
    from django.apps import apps

    before = kept_rows()
    assert before
    EventFacet.objects.all().delete()
    migration = importlib.import_module("civicwatch.store.migrations.0010_event_facets")
    migration.fill(apps, None)
    assert kept_rows() == before
