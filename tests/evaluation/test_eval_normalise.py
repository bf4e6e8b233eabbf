from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicwatch.evaluation.normalise import (
    date_agrees,
    normalise_amount,
    normalise_article,
    normalise_kind,
    normalise_label,
)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("CC 274", "CC 274"),
        ("CC274", "CC 274"),
        ("cc 274", "CC 274"),
        (" Cc  274 ", "CC 274"),
        ("Art. 274 CC", "CC 274"),
        ("article 405 of the CC", "CC 405"),
        ("CAO 456-2", "CAO 456-2"),
        ("cao456 – 2", "CAO 456-2"),
        ("CAO 488.6", "CAO 488-6"),
        ("something else", "SOMETHING ELSE"),
    ],
)
def test_normalise_article(label: str, expected: str) -> None:
    assert normalise_article(label) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (None, None),
        ("", None),
        ("null", None),
        ("7 years", "7 year"),
        ("seven years", "7 year"),
        ("Seven  Year", "7 year"),
        ("a year", "1 year"),
        ("15 days", "15 day"),
        ("fifteen days", "15 day"),
        ("twenty-five days", "25 day"),
        ("one and a half years", "1.5 year"),
        ("1,5 years", "1.5 year"),
        ("60 to 200 EUR", "60-200 eur"),
        ("60–200 EUR", "60-200 eur"),
        ("60 - 200 euros", "60-200 eur"),
        ("between 60 and 200 EUR", "60-200 eur"),
        ("€300", "300 eur"),
        ("EUR 300", "300 eur"),
        ("1,000,000 tenge", "1000000 kzt"),
        ("one hundred hours public labour", "100 hour public labour"),
        ("three-year ban on activities", "3 year ban on activities"),
        ("3-year ban on activities", "3 year ban on activities"),
        ("Detained.", "detained"),
    ],
)
def test_normalise_amount(amount: str | None, expected: str | None) -> None:
    assert normalise_amount(amount) == expected


def test_amount_spellings_compare_equal() -> None:
    assert normalise_amount("60 to 200 EUR") == normalise_amount("60-200 EUR")
    assert normalise_amount("seven years") == normalise_amount("7 year")
    assert normalise_amount("7 years") != normalise_amount("7 months")


_WORDS = st.sampled_from(
    ["7", "one", "seven", "years", "year", "a", "EUR", "€", "to", "-", "–", "60", "200",
     "days", "hundred", "and", "half", "ban", "1,5", "between", "tenge", "null", "  "]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=7).map(" ".join))
def test_normalise_amount_is_idempotent(text: str) -> None:
    once = normalise_amount(text)
    assert normalise_amount(once) == once


def test_normalise_kind() -> None:
    assert normalise_kind("Admin detention") == "admin_detention"
    assert normalise_kind(" PRISON ") == "prison"
    assert normalise_kind(None) == ""


def test_date_agrees() -> None:
    assert date_agrees("2022-11-14", "2022-11-14")
    assert date_agrees(None, None)
    assert not date_agrees("2022-11-14", "2022-11")
    assert date_agrees("2022-11-14", "2022-11", lenient=True)
    assert not date_agrees("2022-11-14", "2022-12", lenient=True)
    assert not date_agrees("2022-11", "2022-11-14", lenient=True)  # only coarser predictions
    assert not date_agrees("2022-11-14", "2022", lenient=True)
    assert not date_agrees("2022-11-14", None, lenient=True)


def test_normalise_label() -> None:
    assert normalise_label("The Democratic Party!") == "democratic party"
    assert normalise_label("Алматы") == normalise_label("Almaty")
