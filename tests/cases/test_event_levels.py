"""The visibility columns kept on events agree with the rule they stand for, through
ingest, a person's sensitivity change, a document's, and a merge."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Exists, OuterRef

from civicwatch.cases.levels import events_of_documents, refresh_event_columns
from civicwatch.core.vocab import Sensitivity
from civicwatch.services import access
from civicwatch.services.documents import DocumentMetadata, ingest_bytes
from civicwatch.services.persons import merge_persons
from civicwatch.services.records import set_person_sensitivity
from civicwatch.store.models import Document, Event, Person

pytestmark = pytest.mark.django_db

PUBLIC = (
    "Kazakhstan update, May 2024\n\n"
    "On 6 May 2024 a court in Almaty sentenced the journalist Daulet Abenov to four years in "
    "prison under Article 274 of the Criminal Code. On 7 May 2024 police in Almaty detained "
    "the activist Saltanat Karimova at a picket; she was fined 50 MCI.\n"
)
CONFIDENTIAL = (
    "Internal note, May 2024\n\n"
    "On 8 May 2024 police in Taraz detained the lawyer Yerlan Mukhamedov, who was later "
    "fined 100 MCI under Article 488 of the Code of Administrative Offences. The journalist "
    "Daulet Abenov was moved to a colony in Pavlodar on 9 May 2024.\n"
)


def reference(clearance: Sensitivity) -> set[int]:
    """The rule itself, the slow way: through sources, documents, involvements, persons."""
    allowed = access.levels(clearance)
    source = Event.sources.through.objects.filter(
        event=OuterRef("pk"), claim__document__sensitivity__in=allowed
    )
    hidden = Person.objects.exclude(sensitivity__in=allowed).values("pk")
    return set(
        Event.objects.filter(Exists(source))
        .exclude(involvements__person__in=hidden)
        .values_list("pk", flat=True)
    )


def reference_country(event: Event) -> str:
    if event.place is not None and event.place.country_code:
        return event.place.country_code
    for involvement in event.involvements.order_by("pk"):
        if involvement.person is not None and involvement.person.country:
            return involvement.person.country
    return ""


def assert_columns_agree() -> None:
    for clearance in Sensitivity:
        kept = set(access.visible_events(clearance).values_list("pk", flat=True))
        assert kept == reference(clearance), clearance
    for event in Event.objects.select_related("place"):
        assert event.country == reference_country(event), event


@pytest.fixture
def reports() -> dict[str, Any]:
    public, _ = ingest_bytes(
        PUBLIC.encode(), "public.txt", DocumentMetadata(sensitivity=Sensitivity.PUBLIC)
    )
    secret, _ = ingest_bytes(
        CONFIDENTIAL.encode(), "secret.txt", DocumentMetadata(sensitivity=Sensitivity.CONFIDENTIAL)
    )
    return {"public": public, "confidential": secret}


def root_named(name: str) -> Person:
    return Person.objects.get(canonical_name=name, canonical__isnull=True, live=True)


def test_columns_agree_after_ingest(reports: dict[str, Any]) -> None:
    assert Event.objects.count() >= 3
    assert set(Event.objects.values_list("country", flat=True)) >= {"KZ"}
    assert access.visible_events(Sensitivity.PUBLIC).count() < Event.objects.count()
    assert_columns_agree()


def test_columns_follow_a_person_made_confidential_and_back(reports: dict[str, Any]) -> None:
    person = root_named("Saltanat Karimova")
    set_person_sensitivity(person.pk, Sensitivity.CONFIDENTIAL)
    assert (
        not access.visible_events(Sensitivity.INTERNAL).filter(involvements__person=person).exists()
    )
    assert_columns_agree()
    set_person_sensitivity(person.pk, Sensitivity.PUBLIC)
    assert access.visible_events(Sensitivity.PUBLIC).filter(involvements__person=person).exists()
    assert_columns_agree()


def test_columns_follow_a_document_made_public(reports: dict[str, Any]) -> None:
    document = reports["confidential"]
    Document.objects.filter(pk=document.pk).update(sensitivity=Sensitivity.PUBLIC.value)
    refresh_event_columns(events_of_documents([document.pk]))
    assert_columns_agree()
    assert access.visible_events(Sensitivity.PUBLIC).count() == Event.objects.count()


def test_columns_agree_after_a_merge_and_a_full_refresh(reports: dict[str, Any]) -> None:
    people = list(Person.objects.filter(canonical__isnull=True, live=True).order_by("pk"))
    merge_persons(people[0].pk, people[-1].pk)
    assert_columns_agree()
    Event.objects.update(
        source_level=None, people_level=Sensitivity.CONFIDENTIAL.value, country="ZZ"
    )
    assert not access.visible_events(Sensitivity.CONFIDENTIAL).exists()
    refresh_event_columns()
    assert_columns_agree()
