"""Facts from many documents become one timeline of events, with corroboration and
conflicts. Pure functions over :mod:`.facts`.

Two facts are one event when they are about the same person, of the same type, and their
dates are compatible (the intervals the dates denote overlap: "March 2023" contains
"14 March 2023"); an undated fact joins the one event of its type when there is exactly
one. Facts stated together ("A, B and C were detained": one event claim) are one event for
all of them. A decision that happens once (a sentence, an acquittal, a release) reported
with the same penalty on dates up to a month apart is one event with a date conflict;
the same decision with two amounts is one event with an amount conflict. Both values are
kept side by side, each with its sources; nothing is averaged or dropped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from civicwatch.cases.facts import Disagreement, EventOutcome, Fact, Source, TimelineEvent
from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import ConflictKind, DatePrecision, EventType

__all__ = ["build_timeline"]

# Decisions that happen once in a case: two reports of one with nearby dates disagree
# about its date rather than report two decisions.
ONCE_TYPES = frozenset(
    {
        EventType.SENTENCE,
        EventType.CONVICTION,
        EventType.ACQUITTAL,
        EventType.RELEASE,
        EventType.PAROLE,
        EventType.AMNESTY,
        EventType.APPEAL_REJECTED,
        EventType.APPEAL_GRANTED,
        EventType.KILLING,
        EventType.DEATH_IN_CUSTODY,
        EventType.POSTHUMOUS_CONVICTION,
    }
)
_DATE_CONFLICT_WINDOW = timedelta(days=31)
# Situations that last: a later mention of one without a new term continues it.
STATE_TYPES = frozenset({EventType.HOUSE_ARREST, EventType.PRETRIAL_DETENTION})
_SPELL = timedelta(days=366)
_PRECISION_RANK = {
    DatePrecision.DAY: 0,
    DatePrecision.EARLY: 1,
    DatePrecision.MID: 1,
    DatePrecision.LATE: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.YEAR: 3,
}


def build_timeline(facts: Iterable[Fact]) -> list[TimelineEvent]:
    """Cluster facts into events, in date order (undated events last)."""
    clusters: list[list[Fact]] = []
    by_person_type: dict[tuple[int, EventType], list[Fact]] = defaultdict(list)
    for fact in facts:
        by_person_type[(fact.person, fact.type)].append(fact)
    for (_, event_type), group in sorted(by_person_type.items(), key=lambda item: item[0]):
        clusters.extend(_cluster_dates(group, event_type))
    clusters = _join_verdicts(clusters)
    events = [_event(cluster) for cluster in _join_statements(clusters)]
    events.sort(key=TimelineEvent.sort_key)
    return events


def _interval(value: FuzzyDate) -> tuple[date, date]:
    return value.earliest(), value.latest()


def _overlaps(a: FuzzyDate, b: FuzzyDate) -> bool:
    (a_start, a_end), (b_start, b_end) = _interval(a), _interval(b)
    return a_start <= b_end and b_start <= a_end


def _precise_first(fact: Fact) -> tuple[int, date]:
    if fact.date is None:
        return (9, date.max)
    return (_PRECISION_RANK[fact.date.precision], fact.date.earliest())


def _cluster_dates(facts: Sequence[Fact], event_type: EventType) -> list[list[Fact]]:
    """Group one person's facts of one type: precise dates first, vaguer ones joining the
    single cluster they fit."""
    clusters: list[list[Fact]] = []
    anchors: list[FuzzyDate | None] = []  # the most precise date of each cluster
    undated: list[Fact] = []
    for fact in sorted(facts, key=_precise_first):
        if fact.date is None:
            undated.append(fact)
            continue
        fitting = [
            index
            for index, anchor in enumerate(anchors)
            if anchor is not None and _overlaps(anchor, fact.date)
        ]
        if not fitting and event_type in ONCE_TYPES:
            fitting = [
                index
                for index, cluster in enumerate(clusters)
                if _same_decision_nearby(cluster, fact)
            ]
        if len(fitting) == 1:
            clusters[fitting[0]].append(fact)
        else:  # a new event, or a vague date that fits several and cannot say which
            clusters.append([fact])
            anchors.append(fact.date)
    if event_type in STATE_TYPES:
        clusters = _join_spells(clusters)
    for fact in undated:
        if len(clusters) == 1 or (event_type in STATE_TYPES and clusters and _bare([fact])):
            clusters[-1].append(fact)
        else:
            clusters.append([fact])
            anchors.append(None)
    return clusters


def _bare(facts: list[Fact]) -> bool:
    return not any(fact.amount for fact in facts)


def _join_spells(clusters: list[list[Fact]]) -> list[list[Fact]]:
    """ "She remains under house arrest": a later mention without a new term is the same
    spell of custody, not a new order."""
    ordered = sorted(clusters, key=lambda cluster: _start(cluster))
    joined: list[list[Fact]] = []
    for cluster in ordered:
        if joined and _bare(cluster) and _start(cluster) - _start(joined[-1]) <= _SPELL:
            joined[-1].extend(cluster)
        else:
            joined.append(cluster)
    return joined


def _start(cluster: list[Fact]) -> date:
    return min((fact.date.earliest() for fact in cluster if fact.date), default=date.max)


def _same_decision_nearby(cluster: list[Fact], fact: Fact) -> bool:
    """The same penalty reported for one decision a few days apart: a date conflict."""
    assert fact.date is not None
    for other in cluster:
        if other.date is None or other.date.precision is not DatePrecision.DAY:
            continue
        if fact.date.precision is not DatePrecision.DAY:
            continue
        close = abs(other.date.earliest() - fact.date.earliest()) <= _DATE_CONFLICT_WINDOW
        same = (other.outcome, amount_key(other.amount)) == (fact.outcome, amount_key(fact.amount))
        if close and same:
            return True
    return False


# Parts of one verdict reported as events of their own: a conviction, a ban on activities.
_PARTS_OF_VERDICT = frozenset({EventType.CONVICTION, EventType.ACTIVITY_BAN})


def _join_verdicts(clusters: list[list[Fact]]) -> list[list[Fact]]:
    """A conviction or a ban on the day of a sentence, for the same person, is part of it."""
    sentences: dict[int, list[int]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        if cluster[0].type is EventType.SENTENCE:
            sentences[cluster[0].person].append(index)
    absorbed: set[int] = set()
    for index, cluster in enumerate(clusters):
        if cluster[0].type not in _PARTS_OF_VERDICT:
            continue
        dates = [fact.date for fact in cluster if fact.date is not None]
        for target in sentences.get(cluster[0].person, ()):
            anchors = [fact.date for fact in clusters[target] if fact.date is not None]
            if dates and anchors and any(_overlaps(a, b) for a in dates for b in anchors):
                clusters[target].extend(replace(fact, type=EventType.SENTENCE) for fact in cluster)
                absorbed.add(index)
                break
    return [cluster for index, cluster in enumerate(clusters) if index not in absorbed]


def _join_statements(clusters: list[list[Fact]]) -> list[list[Fact]]:
    """Clusters that share a statement (a group) are one event for all their people."""
    parent = list(range(len(clusters)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first_with_group: dict[str, int] = {}
    for index, cluster in enumerate(clusters):
        for fact in cluster:
            if not fact.group:
                continue
            other = first_with_group.setdefault(fact.group, index)
            if other != index and clusters[other][0].type is cluster[0].type:
                parent[find(index)] = find(other)
    joined: dict[int, list[Fact]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        joined[find(index)].extend(cluster)
    return list(joined.values())


def _event(facts: list[Fact]) -> TimelineEvent:
    event = TimelineEvent(type=facts[0].type, date=_best_date(facts), facts=facts)
    places = Counter(fact.place for fact in facts if fact.place)
    event.place = places.most_common(1)[0][0] if places else None
    event.outcomes = _outcomes(facts)
    event.conflicts = _conflicts(event)
    return event


def _best_date(facts: list[Fact]) -> FuzzyDate | None:
    """The most precise date; among several, the one most documents give (then earliest)."""
    dated = [fact for fact in facts if fact.date is not None]
    if not dated:
        return None
    best_rank = min(_PRECISION_RANK[fact.date.precision] for fact in dated)  # type: ignore[union-attr]
    support: dict[FuzzyDate, set[int]] = defaultdict(set)
    for fact in dated:
        assert fact.date is not None
        if _PRECISION_RANK[fact.date.precision] == best_rank:
            support[fact.date] |= fact.documents
    return min(support, key=lambda value: (-len(support[value]), value.sort_key()))


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour)s?\b", re.I)
_IN_DAYS = {"year": 365.25, "month": 365.25 / 12, "week": 7, "day": 1, "hour": 1 / 24}


def amount_key(amount: str | None) -> str | None:
    """Amounts that denote the same quantity compare equal: "1.5 years" = "18 months"."""
    if amount is None:
        return None
    match = _DURATION.match(amount)
    if match is None:
        return " ".join(amount.lower().split())
    days = float(match[1]) * _IN_DAYS[match[2].lower()]
    return f"{round(days / 5) * 5:.0f} days"  # within five days: the same term


def _outcomes(facts: list[Fact]) -> list[EventOutcome]:
    """One outcome per person, kind and amount; an amount-less mention joins the stated
    amount of its kind when there is one."""
    found: dict[tuple[int, str, str | None], EventOutcome] = {}
    for fact in facts:
        if fact.outcome is None:
            continue
        key = (fact.person, fact.outcome.value, amount_key(fact.amount))
        outcome = found.setdefault(key, EventOutcome(fact.person, fact.outcome, fact.amount))
        outcome.sources.extend(fact.sources)
    for key in [key for key in found if key[2] is None]:
        amounts = [other for other in found if other[:2] == key[:2] and other[2] is not None]
        if amounts:
            found[amounts[0]].sources.extend(found.pop(key).sources)
    return list(found.values())


def _conflicts(event: TimelineEvent) -> list[Disagreement]:
    conflicts: list[Disagreement] = []
    by_person_kind: dict[tuple[int, str], list[EventOutcome]] = defaultdict(list)
    for outcome in event.outcomes:
        by_person_kind[(outcome.person, outcome.kind.value)].append(outcome)
    for (person, kind), outcomes in by_person_kind.items():
        if len(outcomes) > 1:
            amounts = " / ".join(str(outcome.amount) for outcome in outcomes)
            conflicts.append(
                Disagreement(
                    person,
                    ConflictKind.AMOUNT.value,
                    f"Sources disagree on the {kind.replace('_', ' ')} of this "
                    f"{event.type.label.lower()}: {amounts}",
                    [_value(outcome.amount, outcome.sources) for outcome in outcomes],
                )
            )
    for person in event.persons if event.type not in STATE_TYPES else ():
        days: dict[FuzzyDate, list[Source]] = defaultdict(list)
        for fact in event.facts:
            if fact.person == person and fact.date and fact.date.precision is DatePrecision.DAY:
                days[fact.date].extend(fact.sources)
        documents = {source.document for sources in days.values() for source in sources}
        if len(days) > 1 and len(documents) > 1:
            listed = " / ".join(str(day) for day in sorted(days, key=FuzzyDate.sort_key))
            conflicts.append(
                Disagreement(
                    person,
                    ConflictKind.DATE.value,
                    f"Sources disagree on the date of this {event.type.label.lower()}: {listed}",
                    [
                        _value(str(day), sources)
                        for day, sources in sorted(days.items(), key=lambda i: i[0].sort_key())
                    ],
                )
            )
    return conflicts


def _value(value: object, sources: Iterable[Source]) -> dict[str, object]:
    sources = list(sources)
    return {
        "value": value,
        "claims": sorted({source.claim for source in sources}),
        "documents": sorted({source.document for source in sources}),
    }
