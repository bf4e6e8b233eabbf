"""Typed facts: what the finders report, and what a person has been given.

The finders each return their own mention type (:class:`~.outcomes.OutcomeMention`,
:class:`~.provisions.ProvisionMention`, :class:`~.dates.DateMention`,
:class:`~.triggers.Trigger`, :class:`~.followups.FollowupMention`). :class:`FactIndex`
keeps them by kind, sorted, and hands each sentence its own (:class:`SentenceFacts`), so
that no step has to tell one kind of fact from another by a string tag.

What attachment gives a person is collected in :class:`PersonFacts`; an outcome keeps where
it was stated (:class:`StatedOutcome`), which the annotation conventions of
:mod:`.contract` need ("a brief detention is dropped when a penalty follows in the same
sentence").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from civicwatch.core.records import ChargeRecord, FollowupRecord, OutcomeRecord, Span
from civicwatch.extract.dates import DateMention
from civicwatch.extract.followups import FollowupMention
from civicwatch.extract.outcomes import OutcomeMention
from civicwatch.extract.provisions import ProvisionMention
from civicwatch.extract.triggers import StateMention, Trigger

__all__ = [
    "Fact",
    "FactIndex",
    "PersonFacts",
    "SentenceFacts",
    "StatedOutcome",
]

#: Any fact a finder reports.
Fact = OutcomeMention | ProvisionMention | DateMention | Trigger | FollowupMention | StateMention

FactT = TypeVar(
    "FactT", OutcomeMention, ProvisionMention, DateMention, Trigger, FollowupMention, StateMention
)


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """The facts inside one sentence, each kind in order of position."""

    outcomes: Sequence[OutcomeMention] = ()
    provisions: Sequence[ProvisionMention] = ()
    dates: Sequence[DateMention] = ()
    triggers: Sequence[Trigger] = ()
    followups: Sequence[FollowupMention] = ()
    states: Sequence[StateMention] = ()


class _Sorted(Generic[FactT]):
    """Facts of one kind sorted by (start, end), sliced by position."""

    def __init__(self, facts: Sequence[FactT]) -> None:
        self.facts: list[FactT] = sorted(facts, key=lambda fact: (fact.start, fact.end))
        self.starts: list[int] = [fact.start for fact in self.facts]

    def within(self, start: int, end: int) -> Sequence[FactT]:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return self.facts[low:high]


class FactIndex:
    """The facts of one document by kind; :meth:`within` gives those starting in a span."""

    def __init__(
        self,
        *,
        outcomes: Sequence[OutcomeMention] = (),
        provisions: Sequence[ProvisionMention] = (),
        dates: Sequence[DateMention] = (),
        triggers: Sequence[Trigger] = (),
        followups: Sequence[FollowupMention] = (),
        states: Sequence[StateMention] = (),
    ) -> None:
        self._outcomes = _Sorted(outcomes)
        self._provisions = _Sorted(provisions)
        self._dates = _Sorted(dates)
        self._triggers = _Sorted(triggers)
        self._followups = _Sorted(followups)
        self._states = _Sorted(states)

    def within(self, start: int, end: int) -> SentenceFacts:
        return SentenceFacts(
            outcomes=self._outcomes.within(start, end),
            provisions=self._provisions.within(start, end),
            dates=self._dates.within(start, end),
            triggers=self._triggers.within(start, end),
            followups=self._followups.within(start, end),
            states=self._states.within(start, end),
        )


@dataclass(slots=True)
class StatedOutcome:
    """An outcome given to a person and where the text states it.

    ``sentence`` and ``paragraph`` are the indices of where it was stated (for a fact
    carried over from an unnamed group: where its members were named); ``background`` when
    it is only background there ("X, who is serving two years, was detained"), ``carried``
    when it came from a group; ``span`` is the outcome's words, ``None`` for a carried fact.
    """

    record: OutcomeRecord
    sentence: int
    paragraph: int
    span: Span | None
    background: bool = False
    carried: bool = False


@dataclass(slots=True)
class PersonFacts:
    """Everything attachment gave one person of the document."""

    outcomes: list[StatedOutcome] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    charges: list[ChargeRecord] = field(default_factory=list)
    followups: list[FollowupRecord] = field(default_factory=list)
    trigger_hits: int = 0  # event triggers that name this person as their target
    cooccurrences: int = 0  # sentences with a trigger that name this person
    held: int = 0  # states of custody that name this person ("X remains in prison")
    listed: int = 0  # bulleted items naming this person under a lead-in about repression
    killed: bool = False
    posthumous: bool = False
