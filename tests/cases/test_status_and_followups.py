"""Status and follow-ups derived from a timeline (pure: no database)."""

from __future__ import annotations

from datetime import date

import pytest

from civicwatch.cases.facts import Fact, FollowupFact, Source
from civicwatch.cases.followups import derive_followups
from civicwatch.cases.status import derive_status, term_end
from civicwatch.cases.timeline import build_timeline
from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import EventType, FollowupKind, PenaltyKind, PersonStatus

ME = 1
TODAY = date(2024, 6, 1)
_claims = iter(range(1, 100000))


def fact(
    event_type: EventType,
    when: str,
    *,
    outcome: PenaltyKind | None = None,
    amount: str | None = None,
    published: date | None = None,
) -> Fact:
    return Fact(
        person=ME,
        type=event_type,
        sources=(Source(next(_claims), 1, published),),
        date=FuzzyDate.parse(when),
        outcome=outcome,
        amount=amount,
    )


@pytest.mark.parametrize(
    ("start", "amount", "end"),
    [
        (date(2023, 2, 9), "7 years", date(2030, 2, 8)),
        (date(2023, 9, 14), "1.5 years", date(2025, 3, 13)),
        (date(2024, 1, 10), "15 days", date(2024, 1, 24)),
        (date(2024, 1, 31), "1 month", date(2024, 2, 28)),
        (date(2024, 1, 1), "a fine", None),
        (None, "7 years", None),
    ],
)
def test_term_end(start, amount, end) -> None:
    assert term_end(start, amount) == end


def test_prison_term_counts_from_the_arrest() -> None:
    events = build_timeline(
        [
            fact(EventType.ARREST, "2023-02-09", published=date(2023, 3, 1)),
            fact(EventType.TRIAL_OPENED, "2023-07-03"),
            fact(
                EventType.SENTENCE,
                "2023-09-19",
                outcome=PenaltyKind.PRISON,
                amount="7 years",
                published=date(2023, 10, 26),
            ),
        ]
    )
    status = derive_status(ME, events, TODAY)
    assert status.code is PersonStatus.SERVING_PRISON
    assert status.since == date(2023, 2, 9)
    assert status.expected_release == date(2030, 2, 8)
    assert status.as_of == date(2023, 10, 26)
    assert status.source is not None


def test_trial_does_not_end_custody_and_release_ends_it() -> None:
    events = build_timeline(
        [
            fact(EventType.PRETRIAL_DETENTION, "2023-08-09"),
            fact(EventType.TRIAL_OPENED, "2023-11-01"),
        ]
    )
    assert derive_status(ME, events, TODAY).code is PersonStatus.PRETRIAL_DETENTION
    events = build_timeline(
        [fact(EventType.PRETRIAL_DETENTION, "2023-08-09"), fact(EventType.RELEASE, "2024-01-04")]
    )
    status = derive_status(ME, events, TODAY)
    assert (status.code, status.since) == (PersonStatus.RELEASED, date(2024, 1, 4))


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (
            [(EventType.ADMINISTRATIVE_FINE, "2023-11-05", PenaltyKind.FINE, "35 MCI")],
            PersonStatus.AT_LIBERTY,
        ),
        (
            [(EventType.SENTENCE, "2023-09-14", PenaltyKind.RESTRICTED_FREEDOM, "1.5 years")],
            PersonStatus.SERVING_NONCUSTODIAL,
        ),
        ([(EventType.CHARGE, "2024-02-01", None, None)], PersonStatus.UNDER_INVESTIGATION),
        (
            [(EventType.TRAVEL_RESTRICTION, "2024-02-01", None, None)],
            PersonStatus.TRAVEL_RESTRICTED,
        ),
        ([(EventType.HOUSE_ARREST, "2024-02-01", None, None)], PersonStatus.HOUSE_ARREST),
        ([(EventType.TRIAL_OPENED, "2024-02-01", None, None)], PersonStatus.ON_TRIAL),
        (
            [(EventType.EXTRADITION_REQUEST, "2024-02-01", None, None)],
            PersonStatus.AT_RISK_OF_EXTRADITION,
        ),
        (
            [(EventType.ACQUITTAL, "2024-02-01", PenaltyKind.ACQUITTED, None)],
            PersonStatus.AT_LIBERTY,
        ),
        (
            [
                (EventType.DEATH_IN_CUSTODY, "2024-02-01", None, None),
                (EventType.SENTENCE, "2024-03-01", PenaltyKind.PRISON, "5 years"),
            ],
            PersonStatus.DECEASED,
        ),
        ([(EventType.THREAT, "2024-02-01", None, None)], PersonStatus.UNKNOWN),
    ],
)
def test_status_rules(facts, expected) -> None:
    events = build_timeline([fact(t, d, outcome=o, amount=a) for t, d, o, a in facts])
    assert derive_status(ME, events, TODAY).code is expected


def test_dropping_one_charge_does_not_end_custody() -> None:
    events = build_timeline(
        [
            fact(EventType.PRETRIAL_DETENTION, "2023-02-09"),
            fact(EventType.CHARGE_DROPPED, "2023-05-01"),
        ]
    )
    assert derive_status(ME, events, TODAY).code is PersonStatus.PRETRIAL_DETENTION
    events = build_timeline(
        [fact(EventType.CHARGE, "2023-02-09"), fact(EventType.CHARGE_DROPPED, "2023-05-01")]
    )
    assert derive_status(ME, events, TODAY).code is PersonStatus.AT_LIBERTY


def test_administrative_detention_ends_by_itself() -> None:
    events = build_timeline(
        [
            fact(
                EventType.ADMINISTRATIVE_DETENTION,
                "2024-05-25",
                outcome=PenaltyKind.ADMIN_DETENTION,
                amount="15 days",
            )
        ]
    )
    held = derive_status(ME, events, TODAY)
    assert held.code is PersonStatus.SERVING_PRISON
    assert held.expected_release == date(2024, 6, 8)
    later = derive_status(ME, events, date(2024, 7, 1))
    assert (later.code, later.since) == (PersonStatus.AT_LIBERTY, date(2024, 6, 8))


def test_stated_appeal_is_pending_until_a_later_decision() -> None:
    sentence = fact(EventType.SENTENCE, "2023-09-19", outcome=PenaltyKind.PRISON, amount="7 years")
    stated = [
        FollowupFact(
            ME, FollowupKind.APPEAL_PENDING, Source(900, 2, date(2023, 10, 1)), None, "will appeal"
        )
    ]
    events = build_timeline([sentence])
    status = derive_status(ME, events, TODAY)
    kinds = [f.kind for f in derive_followups(ME, stated, events, status, TODAY)]
    assert FollowupKind.APPEAL_PENDING in kinds
    events = build_timeline([sentence, fact(EventType.APPEAL_REJECTED, "2023-11-28")])
    status = derive_status(ME, events, TODAY)
    kinds = [f.kind for f in derive_followups(ME, stated, events, status, TODAY)]
    assert FollowupKind.APPEAL_PENDING not in kinds


def test_detention_deadline_has_its_due_date() -> None:
    stated = [
        FollowupFact(
            ME,
            FollowupKind.DETENTION_UNTIL,
            Source(901, 3, date(2024, 5, 20)),
            FuzzyDate.parse("2024-07-15"),
            "extended until 15 July",
        )
    ]
    events = build_timeline([fact(EventType.PRETRIAL_DETENTION, "2024-05-15")])
    status = derive_status(ME, events, TODAY)
    (followup,) = derive_followups(ME, stated, events, status, TODAY)
    assert (followup.kind, followup.due) == (FollowupKind.DETENTION_UNTIL, date(2024, 7, 15))


def test_implied_followups_trial_and_sentence_end() -> None:
    events = build_timeline([fact(EventType.TRIAL_OPENED, "2024-04-01")])
    status = derive_status(ME, events, TODAY)
    assert [f.kind for f in derive_followups(ME, [], events, status, TODAY)] == [
        FollowupKind.TRIAL_UNDER_WAY
    ]
    events = build_timeline(
        [fact(EventType.SENTENCE, "2023-10-01", outcome=PenaltyKind.PRISON, amount="1 year")]
    )
    status = derive_status(ME, events, TODAY)
    (ends,) = derive_followups(ME, [], events, status, TODAY)
    assert (ends.kind, ends.due) == (FollowupKind.SENTENCE_ENDS, date(2024, 9, 30))
    (confirm,) = derive_followups(ME, [], events, status, date(2025, 1, 1))
    assert confirm.kind is FollowupKind.CONFIRM_RELEASE
