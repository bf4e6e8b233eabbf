"""Events of a sentence: one per trigger type, with its participants, date, outcome, place.

A trigger ("was detained", "sentenced") makes an event whose participants are the people
:mod:`.attach` gave the trigger to (defendants for justice events, targets otherwise); two
triggers of one type in a sentence are one event. An outcome given to someone no trigger of
the sentence names makes its own event ("fined" -> an administrative fine).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from typing import Protocol

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.records import EventRecord, Evidence, OutcomeRecord, Participant
from civicwatch.core.vocab import (
    OUTCOME_EVENT_TYPES,
    EventGroup,
    EventType,
    Freedom,
    InvolvementRole,
    PlaceKind,
    event_group,
)
from civicwatch.extract.attach import Edge
from civicwatch.extract.contract import is_detention
from civicwatch.extract.sentences import Segment
from civicwatch.extract.triggers import FREEDOMS, Trigger, freedom_context

__all__ = ["PlaceIndex", "SentenceEvents"]


class _Place(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> PlaceKind: ...


_EVENT_PLACES = (PlaceKind.CITY, PlaceKind.REGION, PlaceKind.BUILDING)


class PlaceIndex:
    """The place mentions of a document, by position."""

    def __init__(self, places: Sequence[_Place]) -> None:
        self.places = places
        self.starts = [place.start for place in places]

    def first_in(self, sentence: Segment) -> str | None:
        """The first city, region or building named in the sentence: the event's place."""
        index = bisect.bisect_left(self.starts, sentence.start)
        while index < len(self.places) and self.places[index].start < sentence.end:
            place = self.places[index]
            if place.kind in _EVENT_PLACES:
                return str(place.name)
            index += 1
        return None

    def building_at(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies in (or overlaps) the name of a building."""
        index = bisect.bisect_right(self.starts, start) - 1
        while index >= 0:
            place = self.places[index]
            if place.end > start and place.kind is PlaceKind.BUILDING:
                return (place.start <= start and end <= place.end) or (
                    start < place.end and place.start < end
                )
            if place.end <= start and start - place.end > 200:
                break
            index -= 1
        return False


class SentenceEvents:
    """Builds the events of one sentence (module notes)."""

    def __init__(
        self,
        low: str,
        sentence: Segment,
        evidence: Evidence,
        names: Mapping[int, str],
        articles: Sequence[str],
        place: str | None,
    ) -> None:
        self.low = low
        self.sentence = sentence
        self.evidence = evidence
        self.names = names
        self.articles = list(articles)
        self.place = place
        self._context: tuple[Freedom, ...] | None = None

    def build(
        self,
        triggers: Sequence[Trigger],
        edges: Sequence[Edge],
        outcomes_here: Mapping[int, list[OutcomeRecord]],
        date_of_trigger: Mapping[Trigger, FuzzyDate | None],
    ) -> list[EventRecord]:
        """Events for the sentence's triggers (``edges`` give their people) and for the
        outcomes of people no trigger names."""
        people: dict[Trigger, list[int]] = {trigger: [] for trigger in triggers}
        for edge in edges:
            if isinstance(edge.fact, Trigger) and edge.fact in people:
                people[edge.fact].append(edge.person)
        events: list[EventRecord] = []
        covered: set[int] = set()
        by_type: dict[EventType, EventRecord] = {}
        for trigger in triggers:
            targets = people[trigger]
            covered.update(targets)
            role = (
                InvolvementRole.DEFENDANT
                if event_group(trigger.type) is EventGroup.JUSTICE
                else InvolvementRole.TARGET
            )
            outcome = next(
                (record for person in targets for record in outcomes_here.get(person, ())), None
            )
            participants = [Participant(self.names[p], role, index=p) for p in targets]
            same = by_type.get(trigger.type)
            if same is not None:  # one event per type and sentence: merge the mentions
                for participant in participants:
                    if participant not in same.participants:
                        same.participants.append(participant)
                same.outcome = same.outcome or outcome
                continue
            event = self._event(trigger.type, date_of_trigger.get(trigger), participants)
            event.outcome = outcome
            event.anchor = (trigger.start, trigger.end)
            by_type[trigger.type] = event
            events.append(event)
        for person, records in outcomes_here.items():
            if person in covered:
                continue
            for record in records:
                event_type = (
                    EventType.DETENTION
                    if is_detention(record)
                    else OUTCOME_EVENT_TYPES.get(record.kind)
                )
                if event_type is None:
                    continue
                participant = Participant(
                    self.names[person], InvolvementRole.DEFENDANT, index=person
                )
                event = self._event(event_type, record.date, [participant])
                event.outcome = record
                event.anchor = record.anchor
                events.append(event)
        return events

    def _event(
        self, event_type: EventType, when: FuzzyDate | None, participants: list[Participant]
    ) -> EventRecord:
        return EventRecord(
            type=event_type,
            evidence=self.evidence,
            date=when,
            participants=participants,
            articles=list(self.articles),
            place=self.place,
            freedoms=self._freedoms_of(event_type),
        )

    def _freedoms_of(self, event_type: EventType) -> list[Freedom]:
        fixed = FREEDOMS.get(event_type)
        if fixed:
            return list(fixed)
        if self._context is None:  # the sentence's words, read once for all its events
            self._context = freedom_context(self.low[self.sentence.start : self.sentence.end])
        return list(self._context)
