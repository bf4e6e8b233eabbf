"""Which date a fact takes (civicwatch.extract.dating), sentence by sentence."""

from __future__ import annotations

from datetime import date

from civicwatch.core.dates import FuzzyDate
from civicwatch.extract.dates import find_dates
from civicwatch.extract.dating import SentenceDates, asides, background_clause
from civicwatch.extract.outcomes import find_outcomes
from civicwatch.extract.sentences import Segment

PUBLISHED = date(2024, 6, 1)


def dating(text: str, inherited: FuzzyDate | None = None) -> SentenceDates:
    clauses = asides(text, Segment(0, len(text)))
    dates = find_dates(text, published=PUBLISHED)
    return SentenceDates(text, dates, find_outcomes(text), clauses, inherited)


def iso(value: FuzzyDate | None) -> str | None:
    return value.iso() if value else None


def test_the_nearest_date_before_else_the_first_after() -> None:
    text = "On 3 May 2024 she was detained; a court fined her on 5 May 2024."
    dates = dating(text)
    assert iso(dates.for_fact(text.index("detained"))) == "2024-05-03"
    assert iso(dates.for_fact(text.index("fined"))) == "2024-05-03"
    text = "A court fined her 200 EUR on 5 May 2024."
    assert iso(dating(text).for_fact(text.index("fined"))) == "2024-05-05"


def test_a_sentence_without_a_date_takes_the_paragraphs() -> None:
    text = "Subsequently a judge fined him."
    inherited = FuzzyDate.of_day(date(2024, 2, 9))
    assert dating(text, inherited).for_fact(text.index("fined")) == inherited


def test_a_since_date_is_the_start_of_the_measure() -> None:
    text = "On 2 May 2024 he was still in pre-trial detention, held since March 2024."
    assert iso(dating(text).for_fact(text.index("pre-trial"))) == "2024-03"


def test_the_date_an_earlier_outcome_was_imposed_on_dates_only_that_one() -> None:
    text = (
        "On 12 March 2024, judges rejected her appeal against the two-year prison term "
        "handed down in October 2023."
    )
    outcome = find_outcomes(text)[0]
    dates = dating(text)
    assert iso(dates.for_fact(outcome.start, outcome.end)) == "2023-10"
    assert iso(dates.for_fact(text.index("rejected"))) == "2024-03-12"


def test_a_date_inside_an_aside_is_not_the_sentences() -> None:
    text = "The blogger (first detained in May 2022) was fined 100 EUR on 4 April 2024."
    assert iso(dating(text).for_fact(text.index("fined"))) == "2024-04-04"


def test_a_serving_clause_is_background() -> None:
    text = "Timur Ali, who is serving two years of restricted freedom, was detained on 9 May."
    clauses = asides(text, Segment(0, len(text)))
    position = text.index("two years")
    clause = background_clause(text, clauses, position)
    assert clause is not None and text[clause[0] : clause[1]].startswith(", who is serving")
    assert dating(text).in_clause(clause, position) is None
    assert background_clause(text, clauses, text.index("detained")) is None


def test_a_date_after_until_is_when_a_measure_ends_not_the_facts_date() -> None:
    text = "The judge extended her detention until 20 June 2024."
    inherited = FuzzyDate.of_day(date(2024, 4, 5))
    assert dating(text, inherited).for_fact(text.index("extended")) == inherited
