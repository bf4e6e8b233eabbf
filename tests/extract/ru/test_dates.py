"""Russian date finder: absolute dates with their precision, ranges, year inference as in
English, relative dates, deadlines, asides, and numbers that are not dates. Own sentences,
invented people."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicwatch.core.dates import FuzzyDate
from civicwatch.extract.dates import find_dates as find_english_dates
from civicwatch.extract.ru.dates import find_dates

PUBLISHED = date(2024, 5, 20)


def dates(text: str, **kwargs: object) -> list[str]:
    kwargs.setdefault("published", PUBLISHED)
    return [str(m.date) for m in find_dates(text, **kwargs)]  # type: ignore[arg-type]


def quoted(text: str, **kwargs: object) -> list[tuple[str, str]]:
    kwargs.setdefault("published", PUBLISHED)
    return [
        (text[m.start : m.end], str(m.date))
        for m in find_dates(text, **kwargs)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("text", "expected", "quote"),
    [
        ("19 марта 2024 года суд вынес приговор Ерлану Садыкову.", "2024-03-19",
         "19 марта 2024 года"),
        ("Решение от 19.03.2024 обжаловано.", "2024-03-19", "19.03.2024"),
        ("Дата публикации: 2024-03-19.", "2024-03-19", "2024-03-19"),
        ("Её задержали 1-го мая 2023 г. у акимата.", "2023-05-01", "1-го мая 2023 г."),
        ("Протокол составлен 5 янв. 2024 года.", "2024-01-05", "5 янв. 2024 года"),
        ("В марте 2024 года прошёл пикет.", "2024-03", "марте 2024 года"),
        ("Отчёт за март 2024 опубликован.", "2024-03", "март 2024"),
        ("В конце ноября 2022 года его освободили.", "2022-11~late", "конце ноября 2022 года"),
        ("В начале июня 2023 года прошли обыски.", "2023-06~early", "начале июня 2023 года"),
        ("К середине июля 2023 года суд не назначил дату.", "2023-07~mid",
         "середине июля 2023 года"),
        ("Во второй половине августа 2021 года его вызвали.", "2021-08~late",
         "второй половине августа 2021 года"),
        ("В 2023 году Азамата Ниязова осудили впервые.", "2023", "2023 году"),
        ("В начале 2023 года начался процесс.", "2023", "начале 2023 года"),
        ("Слушания прошли 2 и 3 апреля 2024 года.", "2024-04-02", "2 и 3 апреля 2024 года"),
        ("Суд заседал 19-20 марта 2024 года.", "2024-03-19", "19-20 марта 2024 года"),
        ("Акции шли с 1 по 15 мая 2023 года.", "2023-05-01", "с 1 по 15 мая 2023 года"),
    ],
)  # fmt: skip
def test_absolute(text: str, expected: str, quote: str) -> None:
    (mention,) = find_dates(text, published=PUBLISHED)
    assert str(mention.date) == expected
    assert text[mention.start : mention.end] == quote
    assert not mention.relative
    assert not mention.aside


def test_precisions_are_the_english_ones() -> None:
    found = find_dates(
        "3 мая 2022 года, в июне 2022 года, в середине июля 2022 года и в 2021 году."
    )
    assert [m.date.precision.value for m in found] == ["day", "month", "mid", "year"]
    english = find_english_dates("On 3 May 2022, in June 2022, in mid-July 2022 and in 2021.")
    assert [m.date for m in found] == [m.date for m in english]


def test_a_range_over_two_months_gives_two_dates() -> None:
    text = "Запрет действовал с 1 мая по 2 июня 2023 года."
    assert quoted(text) == [("с 1 мая", "2023-05-01"), ("2 июня 2023 года", "2023-06-02")]
    assert not any(m.aside for m in find_dates(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year-less date after publication is the year before, as in English
        ("25 мая полиция задержала Гульнару Оспанову.", ["2023-05-25"]),
        ("3 марта полиция задержала Гульнару Оспанову.", ["2024-03-03"]),
        ("В конце мая его отпустили.", ["2023-05~late"]),
        ("В марте его вызвали на допрос.", ["2024-03"]),
        ("В 2021 году его арестовали. 1 мая его отпустили.", ["2021", "2021-05-01"]),
        ("2 февраля 2020 года его оштрафовали; 9 марта арестовали.",
         ["2020-02-02", "2020-03-09"]),
        ("Суд заседал 10-11 мая.", ["2024-05-10"]),
        ("В середине февраля аким отказал в согласовании.", ["2024-02~mid"]),
    ],
)  # fmt: skip
def test_year_inference(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


def test_year_from_the_story_then_from_the_anchor_then_nothing() -> None:
    text = "12 марта блогера задержали. 3 апреля 2023 года суд оштрафовал его."
    assert dates(text, published=None) == ["2023-03-12", "2023-04-03"]
    assert dates("4 июля его освободили.", published=None, anchor=FuzzyDate.of_year(2019)) == [
        "2019-07-04"
    ]
    assert find_dates("4 июля его освободили.") == []


def test_the_story_moves_on_to_the_next_year_unless_it_looks_back() -> None:
    text = "В октябре 2023 года активиста арестовали. 12 января суд приговорил его."
    assert dates(text, published=date(2024, 5, 1)) == ["2023-10", "2024-01-12"]
    text = "В октябре 2023 года активиста арестовали. Ранее, 12 января, его оштрафовали за пост."
    assert dates(text, published=date(2024, 5, 1)) == ["2023-10", "2023-01-12"]


def test_a_since_year_does_not_set_the_year() -> None:
    text = "2 июня 2024 года полиция провела обыск. Сайт заблокирован с 2019 года. 9 июня все ушли."
    found = find_dates(text, published=None)
    assert [str(m.date) for m in found] == ["2024-06-02", "2019", "2024-06-09"]
    assert [m.aside for m in found] == [False, True, False]


def test_until_is_a_plain_date_with_the_preposition_outside() -> None:
    # as English "until 15 March": a date like any other; the dating rules read "до"
    text = "Срок содержания под стражей продлён до 15 марта."
    (mention,) = find_dates(text, published=PUBLISHED)
    assert (text[mention.start : mention.end], str(mention.date)) == ("15 марта", "2024-03-15")
    assert not mention.aside and not mention.relative
    english = find_english_dates("Detention was extended until 15 March.", published=PUBLISHED)
    assert [(m.date, m.aside) for m in english] == [(mention.date, mention.aside)]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Он находится под стражей с 10 мая 2023 года.", "10 мая 2023 года"),
        ("Зарплату не платили с мая.", "мая"),
        ("Сайт заблокирован с 2019 года.", "2019 года"),
        ("Начиная с января 2022 года его не выпускают.", "января 2022 года"),
        ("В годовщину событий января 2022 года люди пришли к памятнику.", "января 2022 года"),
    ],
)
def test_asides(text: str, quote: str) -> None:
    (mention,) = find_dates(text, published=PUBLISHED)
    assert text[mention.start : mention.end] == quote
    assert mention.aside


def test_a_date_naming_an_event_does_not_give_its_year() -> None:
    text = (
        "16 декабря 2023 года, в годовщину событий декабря 2011 года, люди пришли с цветами. "
        "17 декабря двоих из них оштрафовали."
    )
    assert dates(text, published=None) == ["2023-12-16", "2011-12", "2023-12-17"]


@pytest.mark.parametrize(
    "text",
    [
        "Марта Иванова пришла на заседание.",  # a name, not the month
        "Выборы 2024 года прошли без наблюдателей.",  # a year naming an event, as English
        "Его оштрафовали на 2000 тенге.",
        "На акцию пришли до 1500 человек.",
        "Статья 2014 не применялась.",
        "Заседание назначено на 31 февраля 2023 года.",
        "Документ 2 мар не подписан.",
        "Его осудили по ст. 274 УК РК и дали 15 суток.",
        "В 2000 тенге обошлась пошлина.",
        "Он написал пост об этом, и его вызвали.",
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def test_relative_chain() -> None:
    text = (
        "3 мая 2023 года Нурлана Жумабекова задержали. В тот же день его оштрафовали. На "
        "следующий день отпустили. Через два дня вызвали снова. Спустя неделю он уехал. "
        "Три месяца спустя его судили. В следующем году его помиловали."
    )
    found = find_dates(text, published=None)
    assert [str(m.date) for m in found] == [
        "2023-05-03", "2023-05-03", "2023-05-04", "2023-05-06", "2023-05-13", "2023-08", "2024",
    ]  # fmt: skip
    assert [m.relative for m in found] == [False] + [True] * 6
    assert text[found[1].start : found[1].end] == "В тот же день"


def test_relative_precision_follows_the_reference() -> None:
    assert dates("В мае 2023 года его задержали. На следующий день отпустили.") == [
        "2023-05",
        "2023-05",
    ]
    assert dates("30 апреля 2023 года его задержали. Накануне его предупредили.") == [
        "2023-04-30",
        "2023-04-29",
    ]


def test_a_few_days_is_given_to_the_month() -> None:
    assert dates("5 мая 2023 года его задержали. Через несколько дней отпустили.") == [
        "2023-05-05",
        "2023-05",
    ]


def test_days_before_a_following_date() -> None:
    text = "За два дня до выборов 20 ноября 2022 года задержали семерых активистов."
    assert quoted(text) == [("За два дня до", "2022-11-18"), ("20 ноября 2022 года", "2022-11-20")]
    text = "Накануне акции 21 марта 2024 года Айдара Касымова задержали."
    assert quoted(text) == [("Накануне", "2024-03-20"), ("21 марта 2024 года", "2024-03-21")]


def test_days_after_an_arrest_count_from_the_last_date() -> None:
    text = (
        "6 мая 2024 года журналиста арестовали. Через три дня после ареста ему предъявили "
        "обвинение."
    )
    assert dates(text, published=None) == ["2024-05-06", "2024-05-09"]
    assert dates("Через три дня после концерта ему предъявили обвинение.", published=None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В прошлом октябре его задержали.", ["2023-10"]),
        ("В октябре прошлого года его задержали.", ["2023-10"]),
        ("В конце октября прошлого года его задержали.", ["2023-10~late"]),
        ("В начале года его оштрафовали.", ["2024"]),
        ("В конце прошлого года его оштрафовали.", ["2023"]),
        ("В прошлом году его оштрафовали.", ["2023"]),
        ("В этом году его оштрафовали.", ["2024"]),
        ("В начале месяца его оштрафовали.", ["2024-05~early"]),
        ("В прошлом месяце его оштрафовали.", ["2024-04"]),
        ("Неделю назад его задержали.", ["2024-05-13"]),
        ("Два дня назад его задержали.", ["2024-05-18"]),
        ("Вчера полиция провела обыск.", ["2024-05-19"]),
        ("Сегодня суд огласил приговор.", ["2024-05-20"]),
    ],
)
def test_deictic_dates_count_from_publication(text: str, expected: list[str]) -> None:
    assert dates(text) == expected
    assert all(m.relative for m in find_dates(text, published=PUBLISHED))


def test_last_october_counts_from_the_story_without_a_publication_date() -> None:
    text = "14 марта 2024 года суд вынес приговор. Его задержали в прошлом октябре."
    assert dates(text, published=None) == ["2024-03-14", "2023-10"]


def test_the_same_year_is_anaphoric() -> None:
    text = "В марте 2021 года его осудили. В октябре того же года его этапировали."
    assert dates(text) == ["2021-03", "2021-10"]
    assert dates("В марте 2021 года его осудили. В том же году он вышел.") == ["2021-03", "2021"]


def test_a_dateline_is_the_today_of_the_text_after_it() -> None:
    text = (
        "Алматы, 12 сентября 2024 г. Городской суд сегодня приговорил блогера; вчера его "
        "адвокат заявил, что обжалует решение."
    )
    assert dates(text, published=date(2024, 10, 1)) == ["2024-09-12", "2024-09-12", "2024-09-11"]


def test_relative_without_a_reference_is_skipped() -> None:
    assert find_dates("На следующий день их оштрафовали.") == []
    anchor = FuzzyDate.of_day(date(2022, 9, 10))
    assert dates("На следующий день их оштрафовали.", published=None, anchor=anchor) == [
        "2022-09-11"
    ]


def test_spans_sorted_and_in_bounds() -> None:
    text = "В 2022 году, 3 мая и 4 июня, затем в тот же день, затем в июле 2023 года."
    found = find_dates(text, published=PUBLISHED)
    assert len(found) == 5
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(0 <= m.start < m.end <= len(text) for m in found)


def test_the_lower_cased_text_of_the_caller_is_used() -> None:
    text = "19 МАРТА 2024 ГОДА суд вынес приговор."
    assert dates(text, low=text.lower()) == ["2024-03-19"]


_PIECES = st.sampled_from(
    ["19", " марта", " 2024", " года", "в ", "конце ", "мая", ".", "03", "-", "с ", " по ",
     "на следующий день", " через два дня", "за два дня до ", "в прошлом октябре", "2000",
     " тенге", "ст. ", "\x00", "\n", "Март", "(", "31 февраля", "г.", "накануне ", "2023"]
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


@pytest.mark.parametrize(
    "unit",
    ["5 мая 2023 года ", "2022 ", "в мае ", "в тот же день ", "1" * 30, "(((( ", "19.11.2023 ",
     "с 1 по ", "через "],
)  # fmt: skip
def test_one_megabyte_single_line_is_quick(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    found = find_dates(text, published=PUBLISHED)
    assert all(0 <= m.start < m.end <= len(text) for m in found)
