"""The annotation conventions: from what attachment found to what the contract counts.

Attachment (:mod:`.attach`) gives people every fact the text states about them. The
extraction contract (DESIGN.md) and the annotators who score it count facts in a
particular way; every such convention lives here, in one place:

- an article is cited as monitors cite it: parts dropped ("Part 1 of Article 174" is
  ``CC 174``; Azerbaijani "206.3.2" is ``CC 206``), numbered sub-articles kept
  (``CAO 456-2``) — :func:`article_label`;
- a brief police detention (``other``/"detained") is dropped when the same sentence gives
  the person a penalty, when the paragraph gives a custodial measure or fine that it
  starts, when a custodial measure or house arrest follows it within days (in another
  paragraph too: "Two days later the court remanded all seven"), when it only looks back
  behind a prison term already stated, or when a "who was detained, ..." clause tells it
  beside the story's news;
- a release after such a detention, or a move from pre-trial detention to house arrest,
  is not a release;
- a measure restated without its amount ("the restricted freedom sentence handed to him")
  is not a second outcome;
- one outcome per fact: the same kind and amount stated twice for one person, once with a
  coarser date or none, is one outcome with the most precise date;
- the people of the document (``persons``) are those it reports something about: with an
  outcome or an article, the target of an event done to people (not a law signed or an
  election held), held ("X remains in prison"), called a
  political prisoner or a defendant, named in a bulleted list under a lead-in about
  repression ("Journalists behind bars:"), or with a target role (activist, journalist,
  ...) in a sentence that reports an event; office holders acting and speakers are not;
- a person's role is the one the text gives most often, ties broken towards the roles
  the reports are about — :func:`role_of`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from typing import Protocol

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.records import OutcomeRecord, Span
from civicwatch.core.vocab import DatePrecision, EventType, PenaltyKind, PersonRole
from civicwatch.extract.coref import Person
from civicwatch.extract.facts import PersonFacts, StatedOutcome

__all__ = [
    "about_people",
    "article_label",
    "is_detention",
    "is_posthumous",
    "is_salient",
    "project_outcomes",
    "released_from",
    "role_of",
]


class _Labelled(Protocol):
    @property
    def label(self) -> str: ...


class _Provision(_Labelled, Protocol):
    @property
    def base(self) -> _Labelled: ...


def article_label(provision: _Provision) -> str:
    """The article as monitors cite it: parts dropped ("Part 1 of Article 174" is CC 174,
    Azerbaijani "206.3.2" is CC 206); numbered sub-articles and dotted article numbers kept
    ("CAO 456-2", Russian "CC 207.3"). The provision finder has already read the dots the
    way the country numbers its code (extract/provisions.py, core resolve_number), so the
    base article's label is the contract's."""
    return str(provision.base.label)


def is_detention(record: OutcomeRecord) -> bool:
    """A brief police detention, as the contract writes it (``other``, "detained")."""
    return record.kind is PenaltyKind.OTHER and record.amount == "detained"


# A detention that is the start of one of these measures is not counted apart.
_CUSTODY_AFTER_DETENTION = frozenset(
    {PenaltyKind.PRETRIAL_DETENTION, PenaltyKind.ADMIN_DETENTION, PenaltyKind.FINE}
)
# ... nor one a custodial measure follows within days, in whatever paragraph
_MEASURES_AFTER_DETENTION = _CUSTODY_AFTER_DETENTION | {PenaltyKind.HOUSE_ARREST}
_MEASURE_REACH = timedelta(days=10)
_FROM = re.compile(r"\bfrom\b")


def _measure_follows(detained: FuzzyDate | None, measures: Sequence[FuzzyDate]) -> bool:
    """Whether a measure dated to the day follows a detention dated to the day within
    days ("detained on 21 February ... on 23 February remanded in custody")."""
    if detained is None or detained.precision is not DatePrecision.DAY:
        return False
    start = detained.earliest()
    return any(
        measure.precision is DatePrecision.DAY
        and timedelta(0) <= measure.earliest() - start <= _MEASURE_REACH
        for measure in measures
    )


def released_from(text: str, release: Span | None, measure: Span | None) -> bool:
    """ "released her from house arrest": the release ends that measure."""
    if release is None or measure is None or measure[0] < release[1]:
        return False
    between = text[release[1] : measure[0]]
    return len(between) < 30 and bool(_FROM.search(between))


def project_outcomes(text: str, stated: Sequence[StatedOutcome]) -> list[OutcomeRecord]:
    """The outcomes of one person as the contract counts them (module notes).

    Linear in the number of outcomes: the context each rule needs (other outcomes of the
    same sentence or paragraph) is indexed first.
    """
    # what one sentence states, apart from its background and from facts carried into it
    by_sentence: dict[tuple[int, bool, bool], list[StatedOutcome]] = {}
    paragraph_kinds: dict[int, set[PenaltyKind]] = {}
    first_prison: dict[int, int] = {}  # paragraph -> start of its first prison term
    with_amount: set[PenaltyKind] = set()
    for item in stated:
        by_sentence.setdefault(_where(item), []).append(item)
        paragraph_kinds.setdefault(item.paragraph, set()).add(item.record.kind)
        if item.record.amount is not None:
            with_amount.add(item.record.kind)
        if item.record.kind is PenaltyKind.PRISON and item.span is not None:
            first_prison.setdefault(item.paragraph, item.span[0])
    measures = [
        item.record.date
        for item in stated
        if item.record.kind in _MEASURES_AFTER_DETENTION and item.record.date is not None
    ]
    kept: list[StatedOutcome] = []
    detained_in: set[int] = set()
    kinds_kept: set[PenaltyKind] = set()
    for item in stated:
        record = item.record
        others = [other for other in by_sentence[_where(item)] if other is not item]
        if is_detention(record):
            if item.background:
                continue  # "X, who was detained in 2022, ...": how the story began
            if any(
                not is_detention(o.record) and o.record.kind is not PenaltyKind.RELEASED
                for o in others
            ):
                continue
            if paragraph_kinds[item.paragraph] & _CUSTODY_AFTER_DETENTION:
                continue  # the detention is the start of that measure
            if _measure_follows(record.date, measures):
                continue  # "... were detained. Two days later the court remanded all seven"
            start = item.span[0] if item.span is not None else -1
            if first_prison.get(item.paragraph, len(text)) < start:
                continue  # "... the prison term he received. He had been arrested ..."
            # a brief detention counted as such: a release in its paragraph ends it (an
            # arrest that began a measure does not make a later parole "the end of it")
            detained_in.add(item.paragraph)
        if record.amount is None and (record.kind in with_amount or record.kind in kinds_kept):
            continue  # "the restricted freedom sentence handed to him" again
        if record.kind is PenaltyKind.RELEASED and (
            any(
                o.record.kind is PenaltyKind.HOUSE_ARREST
                and not released_from(text, item.span, o.span)
                for o in others
            )
            or item.paragraph in detained_in
        ):
            continue  # a move to house arrest, or the end of a brief detention
        if _restates(kept, record):
            continue
        kinds_kept.add(record.kind)
        kept.append(item)
    return [item.record for item in kept]


def _where(item: StatedOutcome) -> tuple[int, bool, bool]:
    return item.sentence, item.background, item.carried


def _restates(kept: list[StatedOutcome], record: OutcomeRecord) -> bool:
    """Whether ``record`` is an outcome already kept, stated again; the kept one then takes
    the more precise date of the two ("sentenced in November 2023" / "on 19 November")."""
    for index, item in enumerate(kept):
        earlier = item.record
        if (earlier.kind, earlier.amount) != (record.kind, record.amount):
            continue
        if earlier.date == record.date:
            return True
        # A term stated once with its date and once without is one term; brief detentions
        # without a date may be different ones.
        undated = (earlier.date is None or record.date is None) and not (
            record.amount is None or is_detention(record)
        )
        if undated or _same_time(earlier.date, record.date):
            if _precision(record.date) > _precision(earlier.date):
                kept[index] = StatedOutcome(
                    record, item.sentence, item.paragraph, item.span, item.background, item.carried
                )
            return True
    return False


_PRECISION = {
    DatePrecision.YEAR: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.EARLY: 2,
    DatePrecision.MID: 2,
    DatePrecision.LATE: 2,
    DatePrecision.DAY: 3,
}


def _precision(value: FuzzyDate | None) -> int:
    return 0 if value is None else _PRECISION.get(value.precision, 0)


def _same_time(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """Whether two dates can name the same day: one is the other, coarser."""
    if a is None or b is None:
        return False
    coarse, fine = (a, b) if _precision(a) <= _precision(b) else (b, a)
    if coarse.year != fine.year:
        return False
    return coarse.month is None or coarse.month == fine.month


# -- persons -----------------------------------------------------------------------------

_TARGET_ROLES = frozenset(
    {
        PersonRole.ACTIVIST,
        PersonRole.JOURNALIST,
        PersonRole.BLOGGER,
        PersonRole.HUMAN_RIGHTS_DEFENDER,
    }
)


def is_salient(person: Person, facts: PersonFacts, outcomes: Sequence[OutcomeRecord]) -> bool:
    """Whether the document reports something about this person (module notes)."""
    if outcomes or facts.articles:
        return True
    if person.office_mentions >= len(person.mentions):
        return False
    if facts.trigger_hits or facts.held or facts.listed or person.reported:
        return True
    dominant = person.roles.most_common(1)
    return bool(dominant) and dominant[0][0] in _TARGET_ROLES and facts.cooccurrences > 0


_ROLE_PRIORITY = (
    PersonRole.HUMAN_RIGHTS_DEFENDER,
    PersonRole.JOURNALIST,
    PersonRole.BLOGGER,
    PersonRole.POLITICIAN,
    PersonRole.ACTIVIST,
    PersonRole.LAWYER,
    PersonRole.OFFICIAL,
    PersonRole.RELATIVE,
    PersonRole.OTHER,
)


def role_of(roles: Counter[PersonRole]) -> PersonRole:
    """The role the text gives most often; ties go to the roles reports are about."""
    if not roles:
        return PersonRole.OTHER
    best = max(roles.values())
    for role in _ROLE_PRIORITY:
        if roles.get(role) == best:
            return role
    return PersonRole.OTHER


_CONVICTIONS = frozenset(
    {EventType.CONVICTION, EventType.SENTENCE, EventType.POSTHUMOUS_CONVICTION}
)
DEATHS = frozenset({EventType.KILLING, EventType.DEATH_IN_CUSTODY})


# Events that change the law or the civic space but are done to no one: a person named
# next to one is its actor or a bystander, not someone the document reports about.
_NOT_ABOUT_PEOPLE = frozenset(
    {
        EventType.LEGISLATION,
        EventType.MEDIA_LAW,
        EventType.ELECTION,
        EventType.WEBSITE_BLOCKED,
        EventType.REGISTRATION_DENIED,
        EventType.ORGANISATION_BANNED,
        EventType.ASSEMBLY_BANNED,
    }
)


def about_people(event_type: EventType) -> bool:
    """Whether an event of this type is done to the people named with it (a detention, a
    sentence, a threat), unlike a law signed or an election held."""
    return event_type not in _NOT_ABOUT_PEOPLE


def is_posthumous(types: set[EventType], killed: bool) -> bool:
    """A conviction of someone killed (earlier, or in the same sentence) is posthumous:
    the contract records it as ``other`` "posthumous conviction"."""
    return bool(types & _CONVICTIONS) and (killed or bool(types & DEATHS))
