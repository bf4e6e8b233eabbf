"""Facts from several documents become one timeline (pure: no database)."""

from __future__ import annotations

from datetime import date

from civicwatch.cases.facts import Fact, Source
from civicwatch.cases.timeline import build_timeline
from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import DatePrecision, EventType, PenaltyKind

ALI, BEK = 1, 2
_claims = iter(range(1000, 100000))


def fact(
    person: int,
    event_type: EventType,
    when: str | None,
    document: int,
    *,
    outcome: PenaltyKind | None = None,
    amount: str | None = None,
    group: str = "",
    published: date | None = None,
) -> Fact:
    return Fact(
        person=person,
        type=event_type,
        sources=(Source(next(_claims), document, published),),
        date=FuzzyDate.parse(when) if when else None,
        outcome=outcome,
        amount=amount,
        group=group,
    )


def test_the_same_sentence_in_two_documents_is_one_event_with_two_sources() -> None:
    events = build_timeline(
        [
            fact(
                ALI,
                EventType.SENTENCE,
                "2023-09-19",
                1,
                outcome=PenaltyKind.PRISON,
                amount="7 years",
            ),
            fact(
                ALI,
                EventType.SENTENCE,
                "2023-09-19",
                2,
                outcome=PenaltyKind.PRISON,
                amount="7 years",
            ),
            fact(
                ALI, EventType.SENTENCE, "2023-09", 3, outcome=PenaltyKind.PRISON, amount="7 years"
            ),
        ]
    )
    (event,) = events
    assert event.corroboration == 3
    assert str(event.date) == "2023-09-19"  # the most precise date wins
    assert [(o.kind, o.amount) for o in event.outcomes] == [(PenaltyKind.PRISON, "7 years")]
    assert not event.conflicts


def test_two_fines_on_different_days_are_two_events_in_date_order() -> None:
    events = build_timeline(
        [
            fact(ALI, EventType.ADMINISTRATIVE_FINE, "2024-01-20", 1, outcome=PenaltyKind.FINE),
            fact(ALI, EventType.ADMINISTRATIVE_FINE, "2023-11-05", 1, outcome=PenaltyKind.FINE),
        ]
    )
    assert [str(e.date) for e in events] == ["2023-11-05", "2024-01-20"]


def test_part_of_month_sorts_by_its_days_not_its_text() -> None:
    early = FuzzyDate.of_part(2023, 2, DatePrecision.EARLY)
    events = build_timeline(
        [
            fact(ALI, EventType.ARREST, str(early), 1),
            fact(ALI, EventType.SEARCH, "2023-02-28", 1),
            fact(ALI, EventType.SUMMONS, "2023-01-30", 1),
        ]
    )
    assert [e.type for e in events] == [EventType.SUMMONS, EventType.ARREST, EventType.SEARCH]


def test_two_sentence_lengths_are_kept_side_by_side_as_a_conflict() -> None:
    events = build_timeline(
        [
            fact(
                ALI,
                EventType.SENTENCE,
                "2023-09-19",
                1,
                outcome=PenaltyKind.PRISON,
                amount="7 years",
            ),
            fact(
                ALI,
                EventType.SENTENCE,
                "2023-09-19",
                2,
                outcome=PenaltyKind.PRISON,
                amount="8 years",
            ),
        ]
    )
    (event,) = events
    assert {o.amount for o in event.outcomes} == {"7 years", "8 years"}
    (conflict,) = event.conflicts
    assert conflict.kind == "amount"
    assert [value["value"] for value in conflict.values] == ["7 years", "8 years"]
    assert [value["documents"] for value in conflict.values] == [[1], [2]]


def test_one_decision_reported_on_two_nearby_days_is_a_date_conflict() -> None:
    events = build_timeline(
        [
            fact(
                ALI,
                EventType.SENTENCE,
                "2023-09-19",
                1,
                outcome=PenaltyKind.PRISON,
                amount="7 years",
            ),
            fact(
                ALI,
                EventType.SENTENCE,
                "2023-09-21",
                2,
                outcome=PenaltyKind.PRISON,
                amount="7 years",
            ),
        ]
    )
    (event,) = events
    (conflict,) = event.conflicts
    assert conflict.kind == "date"
    assert "2023-09-19 / 2023-09-21" in conflict.summary


def test_a_reduced_sentence_months_later_is_a_new_event_not_a_conflict() -> None:
    events = build_timeline(
        [
            fact(
                ALI,
                EventType.SENTENCE,
                "2023-09-19",
                1,
                outcome=PenaltyKind.PRISON,
                amount="7 years",
            ),
            fact(
                ALI,
                EventType.CASSATION,
                "2024-02-14",
                2,
                outcome=PenaltyKind.PRISON,
                amount="5 years",
            ),
        ]
    )
    assert len(events) == 2
    assert not any(event.conflicts for event in events)


def test_people_stated_together_share_one_event() -> None:
    events = build_timeline(
        [
            fact(ALI, EventType.DETENTION, "2024-05-01", 1, group="e7"),
            fact(BEK, EventType.DETENTION, "2024-05-01", 1, group="e7"),
            fact(BEK, EventType.DETENTION, "2024-05-01", 2, group="e9"),
        ]
    )
    (event,) = events
    assert set(event.persons) == {ALI, BEK}
    assert event.corroboration == 2


def test_an_undated_fact_joins_the_only_event_of_its_type() -> None:
    events = build_timeline(
        [
            fact(ALI, EventType.HOUSE_ARREST, "2023-03-02", 1, outcome=PenaltyKind.HOUSE_ARREST),
            fact(
                ALI,
                EventType.HOUSE_ARREST,
                None,
                2,
                outcome=PenaltyKind.HOUSE_ARREST,
                amount="2 months",
            ),
        ]
    )
    (event,) = events
    assert [(o.kind, o.amount) for o in event.outcomes] == [(PenaltyKind.HOUSE_ARREST, "2 months")]
    assert event.corroboration == 2


def test_a_vague_date_that_fits_two_events_stays_apart() -> None:
    events = build_timeline(
        [
            fact(ALI, EventType.ADMINISTRATIVE_FINE, "2023-11-05", 1),
            fact(ALI, EventType.ADMINISTRATIVE_FINE, "2023-11-20", 1),
            fact(ALI, EventType.ADMINISTRATIVE_FINE, "2023-11", 2),
        ]
    )
    assert len(events) == 3
