"""Data model v1 against a real database (SQLite, and PostgreSQL in the second run)."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import (
    ClaimKind,
    EventType,
    InvolvementRole,
    LegalCode,
    PenaltyKind,
    ReviewState,
    Unit,
)
from civicwatch.store.models import (
    Claim,
    Document,
    Event,
    Involvement,
    LegalProvision,
    Organisation,
    Outcome,
    Person,
    PersonName,
)

pytestmark = pytest.mark.django_db


def make_document(**fields):
    defaults = dict(
        sha256="a" * 64,
        filename="r.txt",
        media_type="text/plain",
        size_bytes=10,
        reader="text/1",
        text="On 3 May the activist was fined.",
        title="R",
    )
    defaults.update(fields)
    return Document.objects.create(**defaults)


def test_fuzzy_dates_are_stored_as_first_day_last_day_and_precision_and_sort_by_them():
    for text in ["2023", "2023-02~early", "2023-02-28", "2022-12", "2023-02~mid"]:
        Event.objects.create(type=EventType.DETENTION.value, date=FuzzyDate.parse(text))
    Event.objects.create(type=EventType.ELECTION.value, date=None)
    ordered = Event.objects.exclude(date_start=None).order_by("date_start", "date_end")
    assert [str(e.date) for e in ordered] == [
        "2022-12",
        "2023",
        "2023-02~early",
        "2023-02~mid",
        "2023-02-28",
    ]
    early = Event.objects.get(date_precision="early")
    assert (str(early.date_start), str(early.date_end)) == ("2023-02-01", "2023-02-10")
    assert early.date == FuzzyDate.parse("2023-02~early")
    in_february = Event.objects.filter(date_start__gte="2023-02-01", date_end__lte="2023-02-28")
    assert in_february.count() == 3
    assert Event.objects.get(type=EventType.ELECTION.value).date is None


def test_claim_keeps_machine_value_beside_correction():
    document = make_document()
    claim = Claim.objects.create(
        document=document,
        kind=ClaimKind.OUTCOME.value,
        start=3,
        end=8,
        quote="3 May",
        machine_value={"kind": "fine", "amount": None},
        value={"kind": "fine", "amount": None},
        extractor="civicwatch",
        extractor_version="1",
    )
    claim.value = {"kind": "fine", "amount": "140 EUR"}
    claim.review_state = ReviewState.CORRECTED.value
    claim.save()
    claim.refresh_from_db()
    assert claim.machine_value == {"kind": "fine", "amount": None}
    assert claim.value["amount"] == "140 EUR"
    assert claim.origin == "civicwatch 1"


def test_claim_span_must_be_ordered():
    document = make_document()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(document=document, kind="person", start=9, end=3, quote="", value={})


def test_document_sha256_is_unique():
    make_document()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_document()


def test_person_with_variants_and_events():
    person = Person.objects.create(canonical_name="Sandugash Kantarbayeva", roles=["activist"])
    PersonName.objects.create(person=person, name="Kantarbaeva", match_key="kantarbaeva")
    PersonName.objects.create(person=person, name="Кантарбаева", match_key="kantarbaeva")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonName.objects.create(person=person, name="Kantarbaeva", match_key="x")
    court = Organisation.objects.create(name="Almaty District Court", kind="court")
    event = Event.objects.create(
        type=EventType.ADMINISTRATIVE_DETENTION.value, date=FuzzyDate.parse("2022-11-14")
    )
    Involvement.objects.create(event=event, person=person, role=InvolvementRole.DEFENDANT.value)
    Involvement.objects.create(
        event=event, organisation=court, role=InvolvementRole.ADJUDICATOR.value
    )
    Outcome.objects.create(
        event=event,
        person=person,
        kind=PenaltyKind.ADMIN_DETENTION.value,
        quantity=Decimal(15),
        unit=Unit.DAYS.value,
    )
    assert person.names.count() == 2
    assert [str(o) for o in person.outcomes.all()] == ["admin_detention 15.00 days"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Involvement.objects.create(event=event, person=person, organisation=court, role="target")


def test_outcome_range_must_be_ordered():
    event = Event.objects.create(type=EventType.ADMINISTRATIVE_FINE.value)
    Outcome.objects.create(event=event, kind="fine", quantity=60, quantity_max=200, unit="EUR")
    with pytest.raises(IntegrityError), transaction.atomic():
        Outcome.objects.create(event=event, kind="fine", quantity=200, quantity_max=60, unit="EUR")


def test_provision_label_and_uniqueness():
    provision = LegalProvision.objects.create(
        jurisdiction="KZ", code=LegalCode.ADMINISTRATIVE.value, article="456", part="2"
    )
    assert provision.label == "CAO 456-2"
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalProvision.objects.create(jurisdiction="KZ", code="CAO", article="456", part="2")


def test_database_is_the_one_asked_for():
    """The second ``make test`` run really exercises PostgreSQL, not SQLite again."""
    import os

    from django.db import connection

    wanted = "postgresql" if os.environ.get("CIVICWATCH_TEST_ON_POSTGRES") == "1" else "sqlite"
    assert connection.vendor == wanted
