"""What a monitor must check again about a person, and when. Pure functions.

Two sources:

- what the text says is still to come (an appeal pending, a hearing postponed, a trial
  that "has yet to take place", a detention "until" a date), kept while nothing later in
  the timeline settles it (a later appeal decision settles an appeal; a verdict settles a
  trial; any later step in the case settles a detention deadline);
- what the timeline implies: a trial opened without a verdict, an appeal filed without a
  decision, a prison term that ends soon (or ended with no release on record).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from civicwatch.cases.facts import FollowupFact, Source, TimelineEvent
from civicwatch.cases.status import Status
from civicwatch.core.vocab import EventType, FollowupKind, PersonStatus

__all__ = ["Followup", "derive_followups"]

SENTENCE_ENDS_SOON = timedelta(days=180)


@dataclass(frozen=True, slots=True)
class Followup:
    kind: FollowupKind
    due: date | None
    summary: str
    source: Source | None = None
    event: TimelineEvent | None = None


_VERDICTS = frozenset(
    {
        EventType.CONVICTION,
        EventType.SENTENCE,
        EventType.ACQUITTAL,
        EventType.CASE_CLOSED,
        EventType.CHARGE_DROPPED,
        EventType.POSTHUMOUS_CONVICTION,
    }
)
_APPEAL_DECISIONS = frozenset(
    {EventType.APPEAL_REJECTED, EventType.APPEAL_GRANTED, EventType.CASSATION}
)
# What settles a follow-up the text stated: any of these events after its report.
_SETTLED_BY: dict[FollowupKind, frozenset[EventType] | None] = {
    FollowupKind.APPEAL_PENDING: _APPEAL_DECISIONS,
    FollowupKind.TRIAL_UNDER_WAY: _VERDICTS,
    FollowupKind.HEARING_POSTPONED: _VERDICTS,
    FollowupKind.YET_TO_TAKE_PLACE: _VERDICTS | {EventType.TRIAL_OPENED},
    FollowupKind.DETENTION_UNTIL: None,  # any later step of the case
}
_CASE_STEPS = frozenset(EventType) - {
    EventType.PHYSICAL_ATTACK,
    EventType.THREAT,
    EventType.HARASSMENT,
    EventType.CYBERATTACK,
    EventType.DOXXING,
    EventType.PROPERTY_ATTACK,
    EventType.PRESSURE_ON_RELATIVES,
}


def derive_followups(
    person: int,
    stated: list[FollowupFact],
    events: list[TimelineEvent],
    status: Status,
    today: date,
) -> list[Followup]:
    mine = [event for event in events if person in event.persons]
    found: dict[FollowupKind, Followup] = {}
    for fact in sorted(stated, key=lambda f: f.source.published or date.min):
        if fact.person != person or _settled(fact, mine):
            continue
        due = fact.due.latest() if fact.due else None
        found[fact.kind] = Followup(fact.kind, due, _stated_summary(fact), fact.source)
    for followup in _implied(mine, status, today):
        found.setdefault(followup.kind, followup)
    return sorted(found.values(), key=lambda f: (f.due or date.max, f.kind.value))


def _settled(fact: FollowupFact, events: list[TimelineEvent]) -> bool:
    reported = fact.source.published or (fact.due.earliest() if fact.due else None)
    if reported is None:
        return False
    settling = _SETTLED_BY.get(fact.kind) or _CASE_STEPS
    for event in events:
        if event.type not in settling or event.date is None:
            continue
        if fact.source.claim in {source.claim for source in event.sources}:
            continue
        if event.date.earliest() > reported:
            return True
    return False


def _stated_summary(fact: FollowupFact) -> str:
    due = f" (due {fact.due})" if fact.due else ""
    return f"{fact.kind.label}{due}: {fact.quote}".strip()[:500]


def _implied(events: list[TimelineEvent], status: Status, today: date) -> list[Followup]:
    implied: list[Followup] = []
    last_trial = _last(events, {EventType.TRIAL_OPENED})
    if last_trial is not None and not _after(events, last_trial, _VERDICTS):
        implied.append(
            Followup(
                FollowupKind.TRIAL_UNDER_WAY,
                None,
                f"Trial opened {last_trial.date or ''} with no verdict on record".replace(
                    "  ", " "
                ),
                event=last_trial,
            )
        )
    last_appeal = _last(events, {EventType.APPEAL_FILED})
    if last_appeal is not None and not _after(events, last_appeal, _APPEAL_DECISIONS):
        implied.append(
            Followup(
                FollowupKind.APPEAL_PENDING,
                None,
                "Appeal filed with no decision on record",
                event=last_appeal,
            )
        )
    release = status.expected_release
    if status.code is PersonStatus.SERVING_PRISON and release is not None:
        if release < today:
            implied.append(
                Followup(
                    FollowupKind.CONFIRM_RELEASE,
                    release,
                    f"Prison term should have ended on {release}; no release on record",
                    status.source,
                    status.event,
                )
            )
        elif release - today <= SENTENCE_ENDS_SOON:
            implied.append(
                Followup(
                    FollowupKind.SENTENCE_ENDS,
                    release,
                    f"Prison term ends on {release}",
                    status.source,
                    status.event,
                )
            )
    return implied


def _last(events: list[TimelineEvent], types: set[EventType]) -> TimelineEvent | None:
    matching = [event for event in events if event.type in types]
    return matching[-1] if matching else None


def _after(events: list[TimelineEvent], anchor: TimelineEvent, types: frozenset[EventType]) -> bool:
    start = anchor.date.earliest() if anchor.date else date.min
    return any(
        event.type in types and event.date is not None and event.date.earliest() >= start
        for event in events
        if event is not anchor
    )
