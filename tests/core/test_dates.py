from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicwatch.core.dates import FuzzyDate, parse_iso_day
from civicwatch.core.vocab import DatePrecision
from civicwatch.errors import InvalidValueError


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest", "iso"),
    [
        ("2023", DatePrecision.YEAR, date(2023, 1, 1), date(2023, 12, 31), "2023"),
        ("2024-02", DatePrecision.MONTH, date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("2023-04-10", DatePrecision.DAY, date(2023, 4, 10), date(2023, 4, 10), "2023-04-10"),
        ("2023-02~mid", DatePrecision.MID, date(2023, 2, 11), date(2023, 2, 20), "2023-02"),
        ("2022-12~late", DatePrecision.LATE, date(2022, 12, 21), date(2022, 12, 31), "2022-12"),
        ("2023-02~late", DatePrecision.LATE, date(2023, 2, 21), date(2023, 2, 28), "2023-02"),
        ("2023-01~early", DatePrecision.EARLY, date(2023, 1, 1), date(2023, 1, 10), "2023-01"),
    ],
)
def test_text_form_round_trips_with_precision(text, precision, earliest, latest, iso):
    value = FuzzyDate.parse(text)
    assert value.precision is precision
    assert str(value) == text
    assert value.iso() == iso
    assert (value.earliest(), value.latest()) == (earliest, latest)


@pytest.mark.parametrize(
    "text", ["", "23-01-01", "2023-13", "2023-02-30", "2023-02~middle", "2023/02/01", "abc"]
)
def test_bad_text_is_a_clear_error(text):
    with pytest.raises(InvalidValueError, match="date"):
        FuzzyDate.parse(text)


def test_precision_must_fit_the_fields():
    with pytest.raises(InvalidValueError):
        FuzzyDate(2023, 5, None, DatePrecision.DAY)
    with pytest.raises(InvalidValueError):
        FuzzyDate(2023, None, None, DatePrecision.MONTH)
    with pytest.raises(InvalidValueError):
        FuzzyDate.of_part(2023, 5, DatePrecision.MONTH)


def test_contains_and_sort_key():
    february = FuzzyDate.of_month(2024, 2)
    assert february.contains(date(2024, 2, 29))
    assert not february.contains(date(2024, 3, 1))
    ordered = sorted(
        [FuzzyDate.parse("2023-03"), FuzzyDate.parse("2023"), FuzzyDate.parse("2022-12-31")],
        key=FuzzyDate.sort_key,
    )
    assert [str(d) for d in ordered] == ["2022-12-31", "2023", "2023-03"]


def test_parse_iso_day():
    assert parse_iso_day(" 2023-03-27 ") == date(2023, 3, 27)
    with pytest.raises(InvalidValueError, match="YYYY-MM-DD"):
        parse_iso_day("27.03.2023")


@given(st.dates(min_value=date(1, 1, 1)))
def test_every_day_round_trips(day):
    value = FuzzyDate.of_day(day)
    assert FuzzyDate.parse(str(value)) == value
    assert value.earliest() == value.latest() == day
