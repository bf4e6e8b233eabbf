"""Find dates in Russian report text and resolve them as the English finder does.

Absolute dates: "19 марта 2024 года", "19 марта 2024 г.", "19 марта", "1-го мая",
"19.03.2024", "2024-03-19", "в марте 2024 года", "март 2024", "в марте", "с мая",
"в конце мая" (late May), "в начале 2023 года" (the year), "в 2023 году", "2023 год",
"2 и 3 апреля", "19-20 марта", "с 1 по 15 мая" (the first day, as English "between 10
and 12 May"), "с 1 мая по 2 июня 2023 года" (two dates; the first takes the closing year).
"до 15 марта" is a plain date, as English "until 15 March" (the preposition stays outside
the span, for the dating rules to read). A month or a year alone needs a preposition or
a part before it ("в марте", "к концу мая") or, for a year, the word "год"; numbers that
are not dates ("статья 2014", "2000 тенге") are skipped.

Relative dates (``data/ru/relative_dates.tsv``): "в тот же день",
"на следующий день", "накануне", "через два дня", "спустя неделю", "три дня спустя",
"неделю назад", "за два дня до выборов 20 ноября", "в прошлом году", "в начале года",
"в прошлом октябре", "в октябре прошлого года", "вчера", "сегодня".

The words are read here into the language-neutral :class:`~civicwatch.extract.dates.RawDate`
and :class:`~civicwatch.extract.dates.Relative`; years, references, precision and asides
are resolved by :func:`civicwatch.extract.dates.resolve_dates`, the English finder's own
machinery. Asides: a date after "с" ("с мая", "с 10 мая", "с 2019 года": the start of a
state, as English "since"), unless a range follows ("с 1 мая по 2 июня"), and a month
that names an event ("события января 2022 года", as English "the January 2022 events").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import NamedTuple

from civicwatch.core.dates import FuzzyDate
from civicwatch.extract.dates import (
    DateGrammar,
    DateMention,
    RawDate,
    Relative,
    resolve_dates,
)
from civicwatch.extract.lexicon import lower, read_tsv, trie_pattern

__all__ = ["find_dates"]


# -- data --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Words:
    """The word lists of ``data/ru/date_words.tsv`` and ``months.tsv``."""

    months: dict[str, int]  # every full form -> month number
    abbreviations: dict[str, int]
    genitive: frozenset[str]  # "января": a month that may name an event
    table: dict[str, dict[str, str]]  # kind -> phrase (spaces) -> value


@cache
def _words() -> _Words:
    months: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    genitive = set()
    for row in read_tsv("ru/months.tsv"):
        number, forms = int(row[0]), row[1].split()
        months.update(dict.fromkeys(forms, number))
        genitive.add(forms[1])
        abbreviations.update(dict.fromkeys(row[2].split() if len(row) > 2 else (), number))
    table: dict[str, dict[str, str]] = {}
    for kind, words, value in (row[:3] for row in read_tsv("ru/date_words.tsv")):
        for word in words.split():
            table.setdefault(kind, {})[word.replace("_", " ")] = value.strip()
    return _Words(months, abbreviations, frozenset(genitive), table)


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases (spaces match any run of white space)."""
    items = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(item).replace(r"\ ", r"\s+") for item in items) + ")"


# -- the one pattern ---------------------------------------------------------------------

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:-?го)?"
_SENTENCE_GOES_ON = re.compile(r"[ \t]*[^\sА-ЯЁA-Z]")
_NO_DIGIT_BEFORE = r"(?<![\w.,:/№-])"


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One regex for every date form: relative phrases first (so that "в октябре прошлого
    года" is one phrase), then numeric dates, days with a month, months, years. Returns it
    with a map from the marker group closing each branch to (kind, what the row says)."""
    words = _words()
    table = words.table
    months = trie_pattern(set(words.months))
    abbreviations = trie_pattern(set(words.abbreviations))
    year_word = _alternation(table["year"])
    macros = {
        "N": rf"(?:\d{{1,2}}|{_alternation(table['count'])})",
        "U": _alternation(table["unit"]),
        "DAY": _DAY,
        "MONTH": rf"(?:{months})(?![а-яё])",
        "PARTS": _alternation(table["part"]),
        "WHICH": _alternation(table["which"]),
    }
    branches: list[tuple[str, str, str]] = []
    for row in read_tsv("ru/relative_dates.tsv"):
        key, what, regex = (cell.strip() for cell in row)
        regex = re.sub(r"\{([A-Z]+)\}", lambda m: macros[m[1]], regex)
        if key.startswith("@"):
            macros[key[1:]] = regex
        else:
            branches.append((key, what, rf"(?<![\w-])(?:{regex})(?![\w-])"))
    year = rf"(?P<{{0}}>(?:1[89]|20)\d\d)(?!\d)(?:\s*(?P<{{0}}w>{year_word})(?![а-яё]))?"
    # the absolute forms, keyed with "=" (the relative kinds of the data file have none)
    branches += [
        (  # 19.03.2024, 19/03/2024, 2024-03-19
            "=numeric",
            "",
            rf"{_NO_DIGIT_BEFORE}(?:(?P<nd>\d{{1,2}})(?P<ns>[./])(?P<nm>\d{{1,2}})(?P=ns)"
            rf"(?P<ny>\d{{4}})|(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))"
            rf"(?![\w-]|[.,]\d)(?:\s*(?:{year_word})(?![а-яё]))?",
        ),
        (  # 19 марта 2024 года, 2 и 3 апреля, с 1 по 15 мая, 1-го мая, 19 янв. 2024
            "=day",
            "",
            rf"(?:(?<![\w-])(?P<pre>{_alternation(table['range_from'])})\s+)?"
            rf"{_NO_DIGIT_BEFORE}(?P<d1>{_DAY})(?:\s*,\s*{_DAY})*"
            rf"(?:\s*{_alternation(table['range'])}\s*(?P<d2>{_DAY}))?\s+"
            rf"(?:(?P<dm>{months})|(?P<da>{abbreviations})(?P<dot>\.)?)(?![а-яё])"
            rf"(?:\s+{year.format('dy')})?",
        ),
        (  # в марте 2024 года, март 2024, с мая, в конце мая (context checked in code)
            "=month",
            "",
            rf"(?<![\w-])(?P<mm>{months})(?![а-яё-])(?:\s+{year.format('my')})?",
        ),
        ("=year", "", rf"{_NO_DIGIT_BEFORE}{year.format('yy')}"),  # в 2023 году, 2023 г.
    ]
    keys: dict[str, tuple[str, str]] = {}
    body = []
    for index, (key, what, regex) in enumerate(branches):
        keys[f"b{index}"] = (key, what)
        body.append(f"{regex}(?P<b{index}>)")
    # every branch starts a word with a digit or a Cyrillic letter: one look-behind and one
    # look-ahead per position rule out the inside of words and everything else
    return re.compile(rf"(?<![\w-])(?=[\dа-яё])(?:{'|'.join(body)})"), keys


class _Around(NamedTuple):
    """Small patterns read around a match or inside a phrase."""

    part_before: re.Pattern[str]  # "в конце" before a month or a year
    governed: re.Pattern[str]  # a preposition before it ("в", "с", "до", "2022–")
    since: re.Pattern[str]  # "с", "начиная с" before it
    range_after: re.Pattern[str]  # "(с 1 мая) по 2 июня"
    forward_year: re.Pattern[str]  # the year that closes a range ("... по 2 июня 2023")
    counted: re.Pattern[str]  # "через два дня после", "неделю назад"
    part: re.Pattern[str]  # a part word inside a phrase
    month: re.Pattern[str]  # a month inside a phrase
    which: re.Pattern[str]  # "прошлого", "того же" inside a phrase


@cache
def _around() -> _Around:
    table = _words().table
    parts = _alternation(table["part"])
    months = trie_pattern(set(_words().months))
    return _Around(
        re.compile(rf"(?<![\w-])(?P<part>{parts})\s+\Z"),
        re.compile(rf"(?<![\w-])(?:{_alternation(table['before'])}|(?:1[89]|20)\d\d\s*[-–—])\s*\Z"),
        re.compile(rf"(?<![\w-]){_alternation(table['since'])}\s+\Z"),
        re.compile(rf"[^.;!?\n]{{0,40}}?\s{_alternation(table['range_to'])}\s+\d"),
        re.compile(
            rf"\s*{_alternation(table['range'])}\s*(?:{_DAY}\s+)?(?:(?:{months})\s+)?"
            rf"(?P<y>\d{{4}})(?!\d)"
        ),
        re.compile(
            rf"(?:(?P<pre>{_alternation(table['opens_count'])})\s+)?"
            rf"(?:(?P<n>\d{{1,2}}|[а-яё]+)\s+)??(?P<u>{_alternation(table['unit'])})"
            rf"(?:\s+(?P<dir>{_alternation([*table['later'], *table['earlier']])}"
            rf"|{_alternation(table['toward'])}))?"
            rf"(?:\s+(?P<this>{_alternation(table['anaphor'])}))?"
        ),
        re.compile(rf"(?<![\w-]){parts}(?![\w-])"),
        re.compile(rf"(?<![\w-])(?:{months})(?![\w-])"),
        re.compile(rf"(?<![\w-]){_alternation(table['which'])}(?![\w-])"),
    )


@cache
def _grammar() -> DateGrammar:
    table = _words().table
    return DateGrammar(
        re.compile(rf"(?<![\w-]){_alternation(table['looks_back'])}(?![\w-])"),
        re.compile(
            rf"\s+(?:(?:его|её|ее|их|этого|того|этой|той)\s+)?(?:[а-яё-]+\s+)?"
            rf"{_alternation(table['after_event'])}(?![\w-])"
        ),
    )


# -- the finder --------------------------------------------------------------------------


def find_dates(
    text: str,
    published: date | None = None,
    low: str | None = None,
    *,
    anchor: FuzzyDate | None = None,
) -> list[DateMention]:
    """Date mentions of ``text`` in order of position, with the semantics of
    :func:`civicwatch.extract.dates.find_dates`; ``low`` is the text lower-cased by
    :func:`~civicwatch.extract.lexicon.lower`, when the caller has it; ``anchor`` is what
    a year-less or relative date falls back on before the publication date."""
    low = lower(text) if low is None else low
    pattern, keys = _pattern()
    absolute: list[RawDate] = []
    relative: list[RawDate] = []
    for match in pattern.finditer(low):
        key, what = keys[match.lastgroup or ""]
        raw: RawDate | None
        if key == "=numeric":
            raw = _numeric(match)
        elif key == "=day":
            raw = _day(low, match)
        elif key == "=month":
            raw = _month(low, match)
        elif key == "=year":
            raw = _year(low, match)
        else:
            spec = _relative(match.group(), key, what)
            if spec is not None:
                relative.append(RawDate(match.start(), match.end(), None, relative=spec))
            continue
        if raw is not None:
            if low[raw.end - 1] == "." and _SENTENCE_GOES_ON.match(text, raw.end) is None:
                raw.end -= 1  # "... 2024 г. Суд ...": the full stop also ends the sentence
            absolute.append(raw)
    return resolve_dates(
        text, low, absolute, relative, published=published, anchor=anchor, grammar=_grammar()
    )


def _numeric(match: re.Match[str]) -> RawDate:
    if match["ny"]:
        day, month, year = int(match["nd"]), int(match["nm"]), int(match["ny"])
        if month > 12 >= day:
            day, month = month, day
    else:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    return RawDate(match.start(), match.end(), year, month, day)


def _day_number(text: str) -> int:
    return int(text.removesuffix("го").rstrip("-"))


def _day(low: str, match: re.Match[str]) -> RawDate | None:
    words = _words()
    start, end = match.span()
    name = match["dm"] or match["da"]
    month = words.months.get(name) or words.abbreviations[name]
    year = int(match["dy"]) if match["dy"] else None
    if match["da"] and not (year or match["dot"]):
        return None  # "2 мар": an abbreviation needs a full stop or a year
    aside = False
    if match["pre"] and not match["d2"]:
        # "с 10 мая по 2 июня": from (the preposition inside the span, as English "from
        # 10 May"); "с 10 мая" alone: since, a start (outside, aside)
        since = match["pre"] in _words().table["since"]  # not "между"
        if not since or not _around().range_after.match(low, end):
            start = match.start("d1")
            aside = since
    elif not match["pre"]:
        aside = bool(_around().since.search(low, max(0, start - 16), start))
    if year is not None and not 1000 <= year <= 2999:
        return None
    forward = _around().forward_year.match(low, end) if year is None else None
    return RawDate(
        start,
        end,
        year,
        month,
        _day_number(match["d1"]),
        forward_year=int(forward["y"]) if forward else None,
        aside=aside,
    )


def _context(low: str, start: int) -> tuple[str | None, int, bool, bool]:
    """(part, start, after a preposition, after "с") of a month or a year at ``start``."""
    around = _around()
    part = None
    found = around.part_before.search(low, max(0, start - 40), start)
    if found:
        part = _words().table["part"][" ".join(found["part"].split())]
        start = found.start()
    window = max(0, start - 24)
    return (
        part,
        start,
        bool(part or around.governed.search(low, window, start)),
        bool(around.since.search(low, window, start)),
    )


def _month(low: str, match: re.Match[str]) -> RawDate | None:
    words = _words()
    name = match["mm"]
    year = int(match["my"]) if match["my"] else None
    part, start, governed, since = _context(low, match.start())
    if not governed and year is None:
        return None  # "Марта" the name; "март" in a list of words
    # "события января 2022 года": a month that names an event (English "the January 2022
    # events"); "март 2024" as a heading is a date
    attributive = not governed and name in words.genitive
    forward = _around().forward_year.match(low, match.end()) if year is None else None
    return RawDate(
        start,
        match.end(),
        year,
        words.months[name],
        None,
        part,
        int(forward["y"]) if forward else None,
        aside=since or attributive,
    )


def _year(low: str, match: re.Match[str]) -> RawDate | None:
    start, end = match.span()
    year = int(match["yy"])
    _, start, governed, since = _context(low, start)
    word = match["yyw"]
    if word is None:
        if not governed:
            return None
        after = low[end : end + 24].split(maxsplit=1)
        following = after[0] if after else ""
        if following[:1].isalpha() and following not in _words().table["year_then"]:
            return None  # "в 2000 тенге", "до 1500 человек"
        if following.rstrip(".,;:!?)") in _words().table["not_year"]:
            return None
    elif not governed and word != "год":
        return None  # "выборы 2024 года", "выборы 2024 г.": the year names an event
    return RawDate(start, end, year, aside=since)


def _relative(phrase: str, key: str, what: str) -> Relative | None:
    """The :class:`Relative` a phrase of ``relative_dates.tsv`` says."""
    words, around = _words(), _around()
    if key in ("same_day", "next_day", "previous_day"):
        return Relative(key)
    deictic = what.endswith("*")
    what = what.rstrip("*")
    part_found = around.part.search(phrase)
    part = words.table["part"][" ".join(part_found.group().split())] if part_found else None
    if what.endswith("which"):
        which = around.which.search(phrase)
        value = words.table["which"][" ".join(which.group().split())] if which else "0*"
        deictic = value.endswith("*")
        what = what.replace("which", value.rstrip("*"))
    if key == "day":
        return Relative("day", "day", int(what), deictic=deictic)
    if key == "step":
        unit, count = what.split(":")
        return Relative("step", unit, int(count), deictic=deictic, part=part)
    if key == "month":
        month = around.month.search(phrase)
        if month is None:
            return None
        return Relative(
            "month",
            "year",
            int(what),
            deictic=deictic,
            month=words.months[month.group()],
            part=part,
        )
    if what != "-":  # "накануне": day:-1:before
        unit, count, *toward = what.split(":")
        return Relative("count", unit, int(count), toward=toward[0] if toward else None)
    return _count(phrase)


def _count(phrase: str) -> Relative | None:
    """ "через два дня" (+2 days), "неделю назад" (-1 week, from publication), "за два дня
    до выборов" (-2 days, toward the date after it), "через несколько дней" (to the month)."""
    table = _words().table
    parts = _around().counted.fullmatch(" ".join(phrase.split()))
    if parts is None:
        return None
    unit_value = table["unit"][parts["u"]]
    unit, _, per = unit_value.partition(":")  # "полгода": month:6
    number, approximate = 1, False
    if parts["n"]:
        if parts["n"].isdigit():
            number = int(parts["n"])
        elif parts["n"] in table["count"]:
            value = table["count"][parts["n"]]
            approximate = value.startswith("~")
            number = int(value.lstrip("~"))
        else:
            return None
    number *= int(per) if per else 1
    # "через два дня (после)", "за два дня (до)": the word before the number says the
    # direction; "два дня спустя", "неделю назад": the word after it
    pre, direction = parts["pre"], " ".join((parts["dir"] or "").split())
    word = pre or direction
    if word in table["later"]:
        sign = 1
    elif word in table["earlier"]:
        sign = -1
    else:
        return None
    toward = None
    if pre and direction in table["toward"] and not parts["this"]:
        toward = "after" if sign > 0 else "before"
    deictic = direction in table["ago"]
    return Relative("count", unit, sign * number, approximate, deictic, toward)
