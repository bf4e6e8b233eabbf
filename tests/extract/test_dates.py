"""Date finder: absolute dates with their precision, year inference, relative dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicwatch.core.dates import FuzzyDate
from civicwatch.extract.dates import find_dates

PUBLISHED = date(2023, 3, 27)


def dates(text: str, **kwargs: object) -> list[str]:
    kwargs.setdefault("published", PUBLISHED)
    return [str(m.date) for m in find_dates(text, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected", "quote"),
    [
        ("On 19th November 2023, the court ruled.", "2023-11-19", "19th November 2023"),
        ("He was detained on 19 November 2023.", "2023-11-19", "19 November 2023"),
        ("It happened on November 19, 2023 in Almaty.", "2023-11-19", "November 19, 2023"),
        ("The decision of 19.11.2023 was appealed.", "2023-11-19", "19.11.2023"),
        ("Published 2023-11-19.", "2023-11-19", "2023-11-19"),
        ("The ruling of 05/06/2022 stands.", "2022-06-05", "05/06/2022"),
        ("In November 2023 the law was signed.", "2023-11", "November 2023"),
        ("He was arrested in mid-February 2024.", "2024-02~mid", "mid-February 2024"),
        ("They protested in early December 2022.", "2022-12~early", "early December 2022"),
        ("In late December 2022 the case was closed.", "2022-12~late", "late December 2022"),
        ("At the end of November 2022 he was freed.", "2022-11~late", "the end of November 2022"),
        ("As of the beginning of March 2022 he was held.", "2022-03~early",
         "the beginning of March 2022"),
        ("He was first convicted in 2019.", "2019", "2019"),
        ("The trial started in early 2023.", "2023", "early 2023"),
        ("The hearings took place between 10 and 12 May 2023.", "2023-05-10",
         "between 10 and 12 May 2023"),
        ("He has been held in detention since May 2023.", "2023-05", "May 2023"),
        ("on 1st of June 2021", "2021-06-01", "1st of June 2021"),
        ("the 2 Sept. 2022 raid", "2022-09-02", "2 Sept. 2022"),
    ],
)  # fmt: skip
def test_absolute(text: str, expected: str, quote: str) -> None:
    (mention,) = find_dates(text, published=PUBLISHED)
    assert str(mention.date) == expected
    assert text[mention.start : mention.end] == quote
    assert not mention.relative


def test_precisions() -> None:
    found = find_dates("On 3 May 2022, in June 2022, in mid-July 2022 and in 2021.")
    assert [m.date.precision.value for m in found] == ["day", "month", "mid", "year"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 May police detained him.", ["2022-05-03"]),  # after publication: year before
        ("On 3 March police detained him.", ["2023-03-03"]),
        ("In 2021 he was arrested. On 1 May he was released.", ["2021", "2021-05-01"]),
        ("On 2 February 2020 he was fined; on 9 March he was jailed.",
         ["2020-02-02", "2020-03-09"]),
        ("on 10-11 May", ["2022-05-10"]),
        ("from 10 May to 2 June 2021", ["2021-05-10", "2021-06-02"]),
        ("on both 16th and 17th December", ["2022-12-16"]),
        ("In mid-February the mayor refused.", ["2023-02~mid"]),
    ],
)  # fmt: skip
def test_year_inference(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


def test_year_from_anchor_then_nothing() -> None:
    assert dates("On 4 July he was freed.", anchor=FuzzyDate.of_year(2019)) == ["2019-07-04"]
    assert find_dates("On 4 July he was freed.") == []


@pytest.mark.parametrize(
    "text",
    [
        "He was charged under article 274 of the Criminal Code.",
        "She was fined 2,000 EUR.",
        "He was fined 2000 EUR.",
        "More than 2000 people protested.",
        "Activists may gather on Sunday.",
        "The January events are remembered.",
        "Article 2014 of the code.",
        "In 1,500 cases the courts agreed.",
        "on 31 February 2023",
        "version 2.2019.1",
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def test_relative_chain() -> None:
    text = (
        "On 5 May 2023 he was detained. The same day he was fined. The next day he was "
        "released. Two days later he was summoned. A week later he left. A month later he "
        "was tried. The following year he was pardoned."
    )
    found = find_dates(text)
    assert [str(m.date) for m in found] == [
        "2023-05-05", "2023-05-05", "2023-05-06", "2023-05-08", "2023-05-15", "2023-06", "2024",
    ]  # fmt: skip
    assert [m.relative for m in found] == [False] + [True] * 6
    assert text[found[1].start : found[1].end] == "The same day"


def test_relative_precision_follows_the_reference() -> None:
    assert dates("In May 2023 he was detained. The next day he was released.") == [
        "2023-05",
        "2023-05",
    ]
    assert dates("On 30 April 2023 he was held. The day before he was warned.") == [
        "2023-04-30",
        "2023-04-29",
    ]


def test_few_days_before_a_following_date() -> None:
    text = "A few days before the elections on 20 November 2022, seven activists were detained."
    found = find_dates(text)
    assert [(str(m.date), m.relative) for m in found] == [
        ("2022-11", True),
        ("2022-11-20", False),
    ]


def test_after_an_event_without_a_date_is_unknown() -> None:
    assert dates("In late 2022 he learned of it, 11 months after the performance.") == ["2022"]


def test_deictic_dates_count_from_publication() -> None:
    text = (
        "On 2 January 2021 he was jailed. Earlier this month he was freed; last year he was fined."
    )
    assert dates(text) == ["2021-01-02", "2023-03", "2022"]
    assert dates("Two weeks ago he was detained.") == ["2023-03-13"]
    assert dates("Yesterday police raided the office.") == ["2023-03-26"]


def test_relative_against_anchor_or_nothing() -> None:
    anchor = FuzzyDate.of_day(date(2022, 9, 10))
    assert dates("The next day they were fined.", published=None, anchor=anchor) == ["2022-09-11"]
    assert find_dates("The next day they were fined.") == []


def test_spans_sorted_and_in_bounds() -> None:
    text = "In 2022, on 3 May and 4 June, then the same day, then in July 2023."
    found = find_dates(text, published=PUBLISHED)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(0 <= m.start < m.end <= len(text) for m in found)


_PIECES = st.sampled_from(
    ["On ", "19", "th ", "November", " 2023", "May", " mid-", "early ", "in ", "2022", ".",
     "11", "-", "/", "the same day", " two days later", "a few days before ", " since ",
     "2,000", " EUR", "article ", "\x00", "\n", "Январь", "(", "31 February"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=300),
        st.lists(_PIECES, max_size=40).map("".join),
    ),
    st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1))),
)
def test_never_raises_and_spans_are_sane(text: str, published: date | None) -> None:
    for mention in find_dates(text, published=published):
        assert 0 <= mention.start < mention.end <= len(text)
        assert isinstance(mention.date, FuzzyDate)


@settings(max_examples=10, deadline=None)
@given(st.binary(max_size=400).map(lambda data: data.decode("latin-1")))
def test_binary_junk(text: str) -> None:
    for mention in find_dates(text, published=PUBLISHED):
        assert 0 <= mention.start < mention.end <= len(text)


@pytest.mark.parametrize(
    "unit",
    ["On 5 May 2023 ", "2022 ", "May ", "the same day ", "1" * 30, "(((( ", "19.11.2023 "],
)
def test_one_megabyte_single_line_is_quick(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    found = find_dates(text, published=PUBLISHED)
    assert all(0 <= m.start < m.end <= len(text) for m in found)


# -- which dates give their year to year-less ones ---------------------------------------


def test_a_year_inside_an_event_name_is_not_the_narrative_year() -> None:
    text = (
        "On 16 December 2023, the anniversary of the December 2011 events, a few people came "
        "with flowers. On 17 December, two of them were fined."
    )
    assert dates(text, published=None) == ["2023-12-16", "2011-12", "2023-12-17"]


def test_a_look_back_in_the_middle_of_a_sentence_keeps_the_narrative_year() -> None:
    text = (
        "On 12 April 2024, the editor was searched. She had been fined in October 2023 for "
        "a post. On 20 April, she was charged."
    )
    assert dates(text, published=None) == ["2024-04-12", "2023-10", "2024-04-20"]


def test_a_since_year_does_not_set_the_year() -> None:
    text = (
        "On 2 June 2024, police raided the office. The site is blocked since 2019. "
        "On 9 June, they left."
    )
    assert dates(text, published=None) == ["2024-06-02", "2019", "2024-06-09"]


def test_a_look_back_opening_a_sentence_holds_for_its_paragraph() -> None:
    text = (
        "On 2 June 2024, police raided the office.\n"
        "In March 2021, the editor was convicted. On 4 April, he was jailed.\n"
        "On 9 June, the staff were questioned."
    )
    assert dates(text, published=None) == ["2024-06-02", "2021-03", "2021-04-04", "2024-06-09"]


def test_a_later_month_and_year_moves_the_narrative_on() -> None:
    text = (
        "On 20 December 2022, X was held.\nIn February 2023, Y was charged. "
        "On 3 March, Y was tried."
    )
    assert dates(text, published=None) == ["2022-12-20", "2023-02", "2023-03-03"]


def test_next_day_skips_a_since_month() -> None:
    text = (
        "On 9 September 2023, miners who had not been paid since May stopped work. "
        "The next day, three were detained."
    )
    assert dates(text, published=None) == ["2023-09-09", "2023-05", "2023-09-10"]


def test_next_day_counts_from_the_last_full_date_of_the_paragraph() -> None:
    text = (
        "On 14 August 2023, police took the blogger from his flat. He had asked for asylum "
        "in July. The next day, a judge ordered his arrest."
    )
    assert dates(text, published=None) == ["2023-08-14", "2023-07", "2023-08-15"]


def test_that_evening_is_the_same_day() -> None:
    text = "On 4 October 2023, he was stopped at the airport. A judge jailed him that evening."
    assert dates(text, published=None) == ["2023-10-04", "2023-10-04"]


def test_days_after_an_arrest_count_from_the_last_date() -> None:
    text = "On 6 May 2024, the reporter was arrested. Three days after the arrest, he was charged."
    assert dates(text, published=None) == ["2024-05-06", "2024-05-09"]
    assert dates("Three days after the concert, he was charged.", published=None) == []


def test_a_dateline_is_the_today_of_the_text_after_it() -> None:
    text = (
        "Tbilisi, 12 September 2024. The city court today sentenced the blogger; his "
        "lawyer said yesterday that he would appeal."
    )
    found = dates(text, published=date(2024, 10, 1))
    assert found == ["2024-09-12", "2024-09-12", "2024-09-11"]
    # a date that opens a digest line and goes on with a comma is an event, not a dateline
    text = "May 2, Almaty, a picket. Today the court ruled."
    assert dates(text, published=date(2024, 6, 1)) == ["2024-05-02", "2024-06-01"]


def test_a_year_stated_once_dates_the_story_without_a_publication_date() -> None:
    text = "On 12 March the blogger was detained. On 3 April 2023 a court fined him."
    assert dates(text, published=None) == ["2023-03-12", "2023-04-03"]


def test_the_story_moves_on_to_the_next_year() -> None:
    text = (
        "In October 2023 the activist was arrested. On 12 January, a court sentenced him "
        "to four years."
    )
    assert dates(text, published=date(2024, 5, 1)) == ["2023-10", "2024-01-12"]
    # a look back stays in the year stated
    text = "In October 2023 the activist was arrested. He had been fined on 12 January for a post."
    assert dates(text, published=date(2024, 5, 1)) == ["2023-10", "2023-01-12"]
    # and a year that would put the date after publication is the year before
    text = "The trial ended on 3 March 2024. The arrest came on 15 November."
    assert dates(text, published=date(2024, 4, 1)) == ["2024-03-03", "2023-11-15"]


def test_a_weekly_review_keeps_its_own_year_after_a_back_story() -> None:
    text = (
        "Weekly review, 10-16 March 2025\n\n"
        "Ales Hurski was detained on 2 December 2024. He was filmed at a march on 9 August "
        "2020. He made donations in 2021 and 2022.\n\n"
        "On 12 March a court sentenced him. In November he had already been fined. Viktar "
        "Maslau was detained on 14 March; a word of his later led to nothing."
    )
    found = dates(text, published=date(2025, 3, 18))
    assert found[-3:] == ["2025-03-12", "2024-11", "2025-03-14"]


def test_the_next_year_check_reads_only_its_own_sentence() -> None:
    text = (
        "In October 2024 police opened a case. On 12 January a court in Minsk sentenced "
        "Iryna Bialova. She had been held since the autumn."
    )
    assert dates(text, published=date(2025, 3, 1))[1] == "2025-01-12"
