"""One-line summaries of events in plain English, from the records alone."""

from __future__ import annotations

import re

from civicwatch.cases.facts import TimelineEvent
from civicwatch.core.vocab import EventType, PenaltyKind

__all__ = ["event_summary", "outcome_phrase", "summary_line"]

_PHRASES = {
    PenaltyKind.PRISON: "{amount} in prison",
    PenaltyKind.SUSPENDED: "a suspended sentence of {amount}",
    PenaltyKind.RESTRICTED_FREEDOM: "{amount} of restricted freedom",
    PenaltyKind.FINE: "a fine of {amount}",
    PenaltyKind.ADMIN_DETENTION: "{amount} of administrative detention",
    PenaltyKind.HOUSE_ARREST: "{amount} of house arrest",
    PenaltyKind.PRETRIAL_DETENTION: "{amount} of pre-trial detention",
    PenaltyKind.ACTIVITY_BAN: "a ban: {amount}",
    PenaltyKind.PUBLIC_LABOUR: "{amount} of public labour",
    PenaltyKind.TRAVEL_BAN: "a travel ban: {amount}",
}
_BARE = {
    PenaltyKind.PRISON: "a prison term",
    PenaltyKind.SUSPENDED: "a suspended sentence",
    PenaltyKind.RESTRICTED_FREEDOM: "restricted freedom",
    PenaltyKind.FINE: "a fine",
    PenaltyKind.ADMIN_DETENTION: "administrative detention",
    PenaltyKind.HOUSE_ARREST: "house arrest",
    PenaltyKind.PRETRIAL_DETENTION: "pre-trial detention",
    PenaltyKind.ACQUITTED: "acquittal",
    PenaltyKind.RELEASED: "release",
}


# Kinds whose amount is already a description ("3-year ban on public activities").
_DESCRIBED = frozenset(
    {
        PenaltyKind.OTHER,
        PenaltyKind.ACTIVITY_BAN,
        PenaltyKind.PUBLIC_LABOUR,
        PenaltyKind.TRAVEL_BAN,
        PenaltyKind.COMPULSORY_TREATMENT,
    }
)


_PLAIN_AMOUNT = re.compile(r"[\d.,-]+\s+\w+")


def outcome_phrase(kind: PenaltyKind, amount: str | None) -> str:
    """ "7 years in prison", "a fine of 35 MCI", "detained"."""
    if kind in _DESCRIBED and amount and not _PLAIN_AMOUNT.fullmatch(amount):
        return amount
    if kind is PenaltyKind.OTHER:
        return amount or "other measure"
    if amount and kind in _PHRASES:
        return _PHRASES[kind].format(amount=amount)
    return _BARE.get(kind, kind.label.lower())


def event_summary(event: TimelineEvent, person: int | None = None) -> str:
    """ "Sentence: 7 years in prison (CC 174, CC 274), Astana"."""
    outcomes = [o for o in event.outcomes if person is None or o.person == person]
    return summary_line(
        event.type,
        [(o.kind, o.amount) for o in outcomes],
        event.articles,
        event.place,
    )


def summary_line(
    event_type: EventType,
    outcomes: list[tuple[PenaltyKind, str | None]],
    articles: list[str],
    place: str | None,
) -> str:
    text = event_type.label
    phrases = list(dict.fromkeys(outcome_phrase(kind, amount) for kind, amount in outcomes))
    if phrases:
        text += ": " + "; ".join(phrases)
    if articles:
        text += f" ({', '.join(articles)})"
    if place:
        text += f", {place}"
    return text[:500]
