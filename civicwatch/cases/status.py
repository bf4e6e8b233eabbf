"""A person's current status, derived from the timeline, with the event and source it rests
on and an expected release date where the data allows. Pure functions.

The timeline is read in date order and each event moves the status:

- arrest, pre-trial detention, extension of detention: ``pretrial_detention``; house
  arrest: ``house_arrest`` (custody starts a *spell*: its first day is when a later
  prison term starts counting);
- a sentence with a prison term: ``serving_prison``, ending ``expected_release`` = the
  start of the custody spell (or the sentence date when the person was at liberty) plus
  the term; with only a non-custodial penalty (suspended, restricted freedom, public
  labour, ban): ``serving_noncustodial``; a fine alone leaves the person ``at_liberty``;
- administrative detention of N days: held for those days, then ``at_liberty``;
- charge, summons, search: ``under_investigation``; a trial opened: ``on_trial`` (a
  person in custody stays in custody); a travel ban: ``travel_restricted``; an extradition
  request: ``at_risk_of_extradition``; asylum: ``in_exile``;
- acquittal: ``at_liberty``; charges dropped or case closed: ``at_liberty`` for someone
  not held (it does not end custody: one of several charges is often dropped, and a
  release is reported as such); release, parole, amnesty: ``released``; a killing or a
  death in custody: ``deceased``, for good.

A brief police detention, an attack or a threat does not change the status. A prison term
that should have ended without any release on record stays ``serving_prison`` (the
follow-ups ask the monitor to confirm the release): silence is not proof of freedom.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from civicwatch.cases.facts import Source, TimelineEvent
from civicwatch.core.vocab import EventType, PenaltyKind, PersonStatus

__all__ = ["Status", "derive_status", "term_end"]


@dataclass(frozen=True, slots=True)
class Status:
    code: PersonStatus
    since: date | None = None  # when this situation began
    as_of: date | None = None  # the date of the report that last supports it
    source: Source | None = None
    expected_release: date | None = None
    event: TimelineEvent | None = None


_CUSTODY_START = {
    EventType.ARREST: PersonStatus.PRETRIAL_DETENTION,
    EventType.PRETRIAL_DETENTION: PersonStatus.PRETRIAL_DETENTION,
    EventType.DETENTION_EXTENDED: PersonStatus.PRETRIAL_DETENTION,
    EventType.HOUSE_ARREST: PersonStatus.HOUSE_ARREST,
}
_CUSTODY = frozenset(
    {PersonStatus.PRETRIAL_DETENTION, PersonStatus.HOUSE_ARREST, PersonStatus.SERVING_PRISON}
)
# Dropping a charge or closing a case frees someone not held; it does not end a custody
# spell by itself (one of several charges is often dropped, as in a cassation ruling, and
# a release is reported as such).
_CASE_ENDED = frozenset({EventType.CHARGE_DROPPED, EventType.CASE_CLOSED})
_RELEASE_EVENTS = frozenset({EventType.RELEASE, EventType.PAROLE, EventType.AMNESTY})
_DEATH_EVENTS = frozenset({EventType.KILLING, EventType.DEATH_IN_CUSTODY})
_INVESTIGATION_EVENTS = frozenset({EventType.CHARGE, EventType.SUMMONS, EventType.SEARCH})
_SENTENCE_EVENTS = frozenset(
    {EventType.SENTENCE, EventType.CONVICTION, EventType.CASSATION, EventType.APPEAL_GRANTED}
)
_NONCUSTODIAL = frozenset(
    {
        PenaltyKind.SUSPENDED,
        PenaltyKind.RESTRICTED_FREEDOM,
        PenaltyKind.PUBLIC_LABOUR,
        PenaltyKind.ACTIVITY_BAN,
    }
)
_QUIET = frozenset({PersonStatus.UNKNOWN, PersonStatus.AT_LIBERTY, PersonStatus.RELEASED})


def derive_status(person: int, events: list[TimelineEvent], today: date) -> Status:
    """The status of ``person`` after the events (in date order) as known on ``today``."""
    status = Status(PersonStatus.UNKNOWN)
    custody_since: date | None = None
    mine = [(_when(event), event) for event in events if person in event.persons]
    # An undated event happened by the time the report that states it was published.
    for when, event in sorted(mine, key=lambda item: item[0] or date.max):
        if when is None:
            continue
        day = when
        source = _source_of(event)
        as_of = _as_of(event)
        kind = event.type
        if status.code is PersonStatus.DECEASED:
            break
        if kind in _DEATH_EVENTS:
            status = Status(PersonStatus.DECEASED, day, as_of, source, event=event)
        elif kind in _CUSTODY_START:
            if status.code not in _CUSTODY or custody_since is None:
                custody_since = day
            code = _CUSTODY_START[kind]
            status = Status(code, custody_since or day, as_of, source, event=event)
        elif kind in _SENTENCE_EVENTS or kind is EventType.ADMINISTRATIVE_DETENTION:
            status, custody_since = _sentenced(person, event, status, custody_since, today)
        elif kind is EventType.ACQUITTAL:
            status, custody_since = Status(PersonStatus.AT_LIBERTY, day, as_of, source), None
        elif kind in _RELEASE_EVENTS:
            status, custody_since = Status(PersonStatus.RELEASED, day, as_of, source), None
        elif status.code in _CUSTODY:
            continue  # nothing below changes the situation of someone held
        elif kind in _CASE_ENDED:
            status = Status(PersonStatus.AT_LIBERTY, day, as_of, source, event=event)
        elif kind in _INVESTIGATION_EVENTS:
            status = Status(PersonStatus.UNDER_INVESTIGATION, day, as_of, source, event=event)
        elif kind is EventType.TRIAL_OPENED:
            status = Status(PersonStatus.ON_TRIAL, day, as_of, source, event=event)
        elif kind is EventType.TRAVEL_RESTRICTION:
            status = Status(PersonStatus.TRAVEL_RESTRICTED, day, as_of, source, event=event)
        elif kind is EventType.EXTRADITION_REQUEST:
            status = Status(PersonStatus.AT_RISK_OF_EXTRADITION, day, as_of, source, event=event)
        elif kind is EventType.ASYLUM_DECISION:
            status = Status(PersonStatus.IN_EXILE, day, as_of, source, event=event)
        elif kind is EventType.ADMINISTRATIVE_FINE and status.code in _QUIET:
            status = Status(PersonStatus.AT_LIBERTY, day, as_of, source, event=event)
    return status


def _when(event: TimelineEvent) -> date | None:
    if event.date is not None:
        return event.date.earliest()
    days = [source.published for source in event.sources if source.published]
    return min(days) if days else None


def _sentenced(
    person: int,
    event: TimelineEvent,
    status: Status,
    custody_since: date | None,
    today: date,
) -> tuple[Status, date | None]:
    day = _when(event)
    source, as_of = _source_of(event), _as_of(event)
    kinds = {o.kind: o for o in event.outcomes if o.person == person}
    if PenaltyKind.ADMIN_DETENTION in kinds:
        end = term_end(day, kinds[PenaltyKind.ADMIN_DETENTION].amount)
        if end is not None and end < today:
            return Status(PersonStatus.AT_LIBERTY, end, as_of, source, event=event), None
        return (
            Status(PersonStatus.SERVING_PRISON, day, as_of, source, end, event=event),
            custody_since,
        )
    if PenaltyKind.PRISON in kinds:
        start = custody_since if status.code in _CUSTODY and custody_since else day
        end = term_end(start, kinds[PenaltyKind.PRISON].amount)
        return (
            Status(PersonStatus.SERVING_PRISON, start, as_of, source, end, event=event),
            start,
        )
    if kinds.keys() & _NONCUSTODIAL:
        penalty = next(kinds[kind] for kind in kinds if kind in _NONCUSTODIAL)
        end = term_end(day, penalty.amount)
        return (
            Status(PersonStatus.SERVING_NONCUSTODIAL, day, as_of, source, end, event=event),
            None,
        )
    if PenaltyKind.ACQUITTED in kinds:
        return Status(PersonStatus.AT_LIBERTY, day, as_of, source, event=event), None
    if PenaltyKind.FINE in kinds and status.code in _QUIET | {PersonStatus.ON_TRIAL}:
        return Status(PersonStatus.AT_LIBERTY, day, as_of, source, event=event), None
    return status, custody_since  # a verdict without a known penalty changes nothing known


_TERM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s+(years?|months?|weeks?|days?)\b", re.I)


def term_end(start: date | None, amount: str | None) -> date | None:
    """The last day of a term of ``amount`` ("7 years", "1.5 years", "15 days") begun on
    ``start``; None when either is unknown."""
    if start is None or not amount:
        return None
    match = _TERM.match(amount)
    if match is None:
        return None
    number, unit = float(match[1]), match[2].lower().rstrip("s")
    if unit == "day":
        return start + timedelta(days=round(number)) - timedelta(days=1)
    if unit == "week":
        return start + timedelta(weeks=number) - timedelta(days=1)
    months = round(number * 12) if unit == "year" else round(number)
    return _add_months(start, months) - timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _source_of(event: TimelineEvent) -> Source | None:
    sources = event.sources
    reviewed = [source for source in sources if source.reviewed]
    pool = reviewed or sources
    return max(pool, key=lambda s: (s.published or date.min, s.claim)) if pool else None


def _as_of(event: TimelineEvent) -> date | None:
    days = [source.published for source in event.sources if source.published]
    if days:
        return max(days)
    return event.date.latest() if event.date else None
