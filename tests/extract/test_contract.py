"""The annotation conventions (civicwatch.extract.contract), on hand-made outcomes."""

from __future__ import annotations

from collections import Counter

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.records import OutcomeRecord
from civicwatch.core.vocab import EventType, PersonRole
from civicwatch.core.vocab import PenaltyKind as K
from civicwatch.extract.contract import is_posthumous, project_outcomes, role_of
from civicwatch.extract.facts import StatedOutcome

TEXT = "x" * 500


def stated(
    kind: K,
    amount: str | None,
    sentence: int,
    paragraph: int = 0,
    start: int = 0,
    date: FuzzyDate | None = None,
) -> StatedOutcome:
    record = OutcomeRecord(kind, amount, date)
    return StatedOutcome(record, sentence, paragraph, (start, start + 5))


def kinds(outcomes: list[OutcomeRecord]) -> list[tuple[str, str | None]]:
    return [(o.kind.value, o.amount) for o in outcomes]


def test_a_brief_detention_is_dropped_when_the_sentence_gives_a_penalty() -> None:
    found = [stated(K.OTHER, "detained", 0), stated(K.FINE, "100 EUR", 0)]
    assert kinds(project_outcomes(TEXT, found)) == [("fine", "100 EUR")]


def test_a_detention_that_starts_custody_in_the_paragraph_is_dropped() -> None:
    found = [stated(K.OTHER, "detained", 0), stated(K.PRETRIAL_DETENTION, "2 months", 1)]
    assert kinds(project_outcomes(TEXT, found)) == [("pretrial_detention", "2 months")]


def test_a_detention_alone_is_kept() -> None:
    found = [stated(K.OTHER, "detained", 0), stated(K.OTHER, "detained", 3, paragraph=2)]
    assert kinds(project_outcomes(TEXT, found)) == [("other", "detained")]


def test_a_release_after_a_brief_detention_is_not_a_release() -> None:
    found = [stated(K.OTHER, "detained", 0), stated(K.RELEASED, None, 1)]
    assert kinds(project_outcomes(TEXT, found)) == [("other", "detained")]


def test_a_measure_restated_without_its_amount_is_not_a_second_outcome() -> None:
    found = [stated(K.RESTRICTED_FREEDOM, "2 years", 0), stated(K.RESTRICTED_FREEDOM, None, 4)]
    assert kinds(project_outcomes(TEXT, found)) == [("restricted_freedom", "2 years")]


def test_roles_ties_go_to_the_roles_reports_are_about() -> None:
    assert role_of(Counter({PersonRole.OFFICIAL: 1, PersonRole.JOURNALIST: 1})) == (
        PersonRole.JOURNALIST
    )
    assert role_of(Counter({PersonRole.LAWYER: 2, PersonRole.ACTIVIST: 1})) == PersonRole.LAWYER
    assert role_of(Counter()) == PersonRole.OTHER


def test_a_conviction_after_death_is_posthumous() -> None:
    assert is_posthumous({EventType.CONVICTION}, killed=True)
    assert is_posthumous({EventType.SENTENCE, EventType.DEATH_IN_CUSTODY}, killed=False)
    assert not is_posthumous({EventType.SENTENCE}, killed=False)


def day(text: str) -> FuzzyDate:
    return FuzzyDate.parse(text)


def test_one_outcome_per_fact_with_the_most_precise_date() -> None:
    found = [
        stated(K.PRISON, "7 years", 0, date=day("2023-11")),
        stated(K.PRISON, "7 years", 5, paragraph=2, date=day("2023-11-19")),
        stated(K.PRISON, "7 years", 9, paragraph=4),
    ]
    (kept,) = project_outcomes(TEXT, found)
    assert (kept.kind, kept.amount, kept.date) == (K.PRISON, "7 years", day("2023-11-19"))


def test_the_same_term_at_different_times_is_two_outcomes() -> None:
    found = [
        stated(K.ADMIN_DETENTION, "15 days", 0, date=day("2023-03-08")),
        stated(K.ADMIN_DETENTION, "15 days", 4, paragraph=3, date=day("2023-05-01")),
        stated(K.ADMIN_DETENTION, "15 days", 6, paragraph=5, date=day("2022")),
    ]
    assert len(project_outcomes(TEXT, found)) == 3


def test_undated_brief_detentions_are_not_merged_into_dated_ones() -> None:
    found = [
        stated(K.OTHER, "detained", 0, date=day("2024-01-05")),
        stated(K.OTHER, "detained", 4, paragraph=3),
    ]
    assert len(project_outcomes(TEXT, found)) == 2
