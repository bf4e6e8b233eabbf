"""The typed facts a case file is built from: pure data, no database.

:mod:`civicwatch.cases.load` reads claims into these; :mod:`.timeline`, :mod:`.status` and
:mod:`.followups` turn them into events, a status and follow-ups without touching the
database, so each rule is tested in milliseconds.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import EventType, FollowupKind, InvolvementRole, PenaltyKind


@dataclass(frozen=True, slots=True)
class Source:
    """One claim a fact rests on, and the document it comes from."""

    claim: int
    document: int
    published: datetime.date | None = None
    reviewed: bool = False  # accepted or corrected by a reviewer


@dataclass(frozen=True, slots=True)
class Fact:
    """Something one source says happened to one person (a root Person id)."""

    person: int
    type: EventType
    sources: tuple[Source, ...]
    date: FuzzyDate | None = None
    place: str | None = None
    role: InvolvementRole = InvolvementRole.TARGET
    outcome: PenaltyKind | None = None
    amount: str | None = None
    articles: tuple[str, ...] = ()
    freedoms: tuple[str, ...] = ()
    # Facts with the same group come from one statement (one event claim) and so are one
    # event whoever they are about: "A, B and C were detained" is one detention.
    group: str = ""
    # The sentence the fact was stated in ("3:1520": document 3, offset 1520).
    statement: str = ""

    @property
    def documents(self) -> set[int]:
        return {source.document for source in self.sources}

    @property
    def published(self) -> datetime.date | None:
        days = [source.published for source in self.sources if source.published]
        return min(days) if days else None


@dataclass(frozen=True, slots=True)
class FollowupFact:
    """A follow-up the text states ("she will appeal", "detention extended until ...")."""

    person: int
    kind: FollowupKind
    source: Source
    due: FuzzyDate | None = None
    quote: str = ""


@dataclass(slots=True)
class EventOutcome:
    """A penalty or measure of one event for one person, with every claim that states it."""

    person: int
    kind: PenaltyKind
    amount: str | None
    sources: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class Disagreement:
    """Sources that state different values for one fact of one person's event."""

    person: int
    kind: str  # ConflictKind value
    summary: str
    values: list[dict[str, object]]


@dataclass(slots=True)
class TimelineEvent:
    """One event of the case database: every fact about it from every document."""

    type: EventType
    date: FuzzyDate | None
    facts: list[Fact]
    place: str | None = None
    outcomes: list[EventOutcome] = field(default_factory=list)
    conflicts: list[Disagreement] = field(default_factory=list)
    # Cache of ``persons`` (facts are only ever appended while the timeline is built).
    _persons: tuple[int, dict[int, InvolvementRole]] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def persons(self) -> dict[int, InvolvementRole]:
        if self._persons is None or self._persons[0] != len(self.facts):
            roles: dict[int, InvolvementRole] = {}
            for fact in self.facts:
                roles.setdefault(fact.person, fact.role)
            self._persons = (len(self.facts), roles)
        return self._persons[1]

    @property
    def sources(self) -> list[Source]:
        seen: dict[int, Source] = {}
        for fact in self.facts:
            for source in fact.sources:
                seen.setdefault(source.claim, source)
        return list(seen.values())

    @property
    def documents(self) -> set[int]:
        return {source.document for source in self.sources}

    @property
    def corroboration(self) -> int:
        return len(self.documents)

    @property
    def reviewed(self) -> bool:
        return any(source.reviewed for source in self.sources)

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(article for fact in self.facts for article in fact.articles))

    @property
    def freedoms(self) -> list[str]:
        return list(dict.fromkeys(freedom for fact in self.facts for freedom in fact.freedoms))

    def sort_key(self) -> tuple[datetime.date, datetime.date, str]:
        if self.date is None:
            return (datetime.date.max, datetime.date.max, self.type.value)
        return (self.date.earliest(), self.date.latest(), self.type.value)
