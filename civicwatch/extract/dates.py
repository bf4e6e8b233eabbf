"""Find dates in report text and resolve them to :class:`~civicwatch.core.dates.FuzzyDate`.

Absolute dates: "19th November 2023", "November 19, 2023", "19.11.2023", "2023-11-19",
"November 2023", "mid-February 2024", "early December", "in 2023", "between 10 and 12
May 2023" (the first day), "on 10-11 May", "since May 2023". A part of a year ("early
2023", "the end of 2022") is the year. Numbers that are not dates are skipped: article
numbers ("article 2014"), sums ("2000 EUR"), counts ("2,000 people").

A date without a year takes, in this order: the year that closes its range ("from 10 May
to 2 June 2023"), the year of the latest preceding date of the text that states one, the
year of ``anchor``, the publication year (the year before if the date would then fall
after publication). Without any of these it is skipped.

Relative dates (``relative=True``):

- anaphoric ones ("the same day", "the next day", "two days later", "a week later", "the
  day before", "the following month", "the same year") count from the nearest preceding
  date of the text (absolute or already resolved), else ``anchor``, else ``published``;
- "a few days before the elections on 20 November 2022" counts back from the date that
  follows within the sentence when there is one (else from the preceding one); "a few" and
  "several" are taken as three, and the result is given to the month only;
- deictic ones ("earlier this month", "last year", "this year", "two weeks ago",
  "yesterday") count from ``published`` when it is given, else as anaphoric ones.

Precision follows the reference: days are added to a day, a month or a year is moved for a
coarser date; "N months later" is a month, "N years later" a month when the reference has
one. With nothing to resolve against, a relative date is skipped.

The resolution is language-neutral: another language's finder reads its words into
:class:`RawDate` s (with a :class:`Relative` for relative ones) and hands them, with its
:class:`DateGrammar`, to :func:`resolve_dates`, which applies all of the above
(:mod:`civicwatch.extract.ru.dates`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import DatePrecision
from civicwatch.errors import InvalidValueError
from civicwatch.extract.lexicon import compile_lexicon, lower, month_numbers, months

__all__ = [
    "ENGLISH",
    "DateGrammar",
    "DateMention",
    "RawDate",
    "Relative",
    "find_dates",
    "resolve_dates",
]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: FuzzyDate
    relative: bool
    aside: bool = False  # names an event or a state ("the January 2022 events", "since May")


_MONTHS = tuple(month.name for month in months())
_MONTH_NUMBER = month_numbers()
_ABBREVIATIONS = "|".join(
    abbreviation for month in months() for abbreviation in month.abbreviations
)
_MONTH = re.compile(
    "|".join([*_MONTHS, *(f"{abbr}\\.?" for abbr in _ABBREVIATIONS.split("|"))]) + "(?![A-Za-z])"
)
_ORD = r"(?:st|nd|rd|th)?"
_DAY_AFTER = re.compile(  # "November 19, 2023", "May 3", "November 2023"
    rf"\s+(?P<d>\d{{1,2}}){_ORD}(?![\d.:])(?!\s*(?:%|percent|people|persons|activists|"
    rf"protesters|participants))(?:,?\s+(?P<y>\d{{4}})(?!\d))?|,?\s+(?P<y2>\d{{4}})(?![\d,.]\d)"
)
_DAY_BEFORE = re.compile(  # "19th November", "10-11 May", "between 16th and 17th of December"
    rf"(?:(?:between|from)\s+)?(?:(?P<d1>\d{{1,2}}){_ORD}\s*(?:-|–|and|to|&)\s*)?"
    rf"(?<![\d.,])(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?\s+\Z",
    re.IGNORECASE,
)
_PARTS = {
    "early": "early", "beginning of": "early", "start of": "early", "first half of": "early",
    "first days of": "early", "mid": "mid", "middle of": "mid", "late": "late",
    "end of": "late", "second half of": "late", "last days of": "late",
}  # fmt: skip
_PREPOSITIONS = frozenset(
    (
        "in", "since", "on", "by", "until", "till", "from", "during", "of", "through",
        "throughout", "between", "and", "to", "before", "after", "around", "early", "mid",
        "late", "last", "this", "next", "that", "every", "each", "spring", "summer", "autumn",
        "fall", "winter", "year", "years",
    )
)  # fmt: skip
_DAY_HINT = re.compile(r"\d(?:st|nd|rd|th)?(?:\s+of)?\s+$")
_YEAR_DASH = re.compile(r"\d{4}\s*[-–]\s*$")


def _words_before(low: str, start: int) -> list[str]:
    """The last words before ``start`` (hyphens split words: "mid-" -> "mid")."""
    return low[max(0, start - 40) : start].replace("-", " ").split()[-4:]


def _part_before(low: str, start: int) -> tuple[str, int] | None:
    """("early" | "mid" | "late", start of the words) for "early", "the end of", ..."""
    words = _words_before(low, start)
    for size in (3, 2, 1):
        key = " ".join(words[-size:])
        if len(words) >= size and key in _PARTS:
            begin = low.rfind(words[-size], max(0, start - 40), start)
            if len(words) > size and words[-size - 1] == "the":
                begin = low.rfind("the", max(0, start - 45), begin)
            return _PARTS[key], begin
    return None


def _after_preposition(low: str, start: int) -> bool:
    words = _words_before(low, start)
    return bool(words) and (
        words[-1] in _PREPOSITIONS
        or words[-2:] == ["as", "of"]
        or bool(_YEAR_DASH.search(low, max(0, start - 12), start))
    )


_YEAR = re.compile(r"[12]\d{3}(?<![\w.,$€£/-]....)(?![\w]|[.,/]\d)")
_NUMERIC = re.compile(
    r"\d(?<![\w.,/-]\d)(?:\d?(?P<sep>[./])\d{1,2}(?P=sep)\d{4}(?![\w]|[.,]\d)"
    r"|\d{3}-\d{1,2}-\d{1,2}(?![\w-]|[.,]\d))"
)
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|eur|usd|euros?|dollars?|tenge|kzt|roubles?|rub|rubles?|"
    r"mcis?|people|persons|individuals|cases|complaints|signatures|votes|members|participants|"
    r"protesters|activists|candidates|times|km|kilomet|metres|meters|hours|days|years|"
    r"months|copies|posts|documents|pages)\b"
)
_NOT_A_YEAR_BEFORE = re.compile(r"(?:\barts?\.?|\barticles?|\bno\.?|№|#|[$€£₸₽]|\bpart)\s*\Z")
_FORWARD_YEAR = re.compile(
    rf"\s*(?:-|–|—|to|until|till|and|through)\s*(?:\d{{1,2}}{_ORD}\s+)?"
    rf"(?:(?:{'|'.join(_MONTHS)}|{_ABBREVIATIONS})\.?\s+)?(?:\d{{1,2}}{_ORD},?\s+)?(?P<y>\d{{4}})(?!\d)"
)
# "the January 2022 events", "the October 2022 protest": a date naming an event, not the
# date of the sentence; "since July", "since 2017": the start of a state
_ATTRIBUTIVE_BEFORE = re.compile(r"\bthe\s+\Z")
_ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|in|on|at|of|for|by|from|with|when|as|until|till|was|were|is|the|a|an)\b)"
    r"[a-z][a-z-]+"
)
_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+\Z")
_LEADING = re.compile(r"(?:^|[.!?;]\s+|\n\s*)(?:[\w‘’'\"“”-]+[\s,]+){0,3}\Z")
# "two days after the arrest": counted from the date of that event, the latest one given
_AFTER_EVENT = re.compile(
    r"\s+(?:the|his|her|their|this|that)\s+(?:[\w-]+\s+)?(?:arrest|detention|raid|search|"
    r"attack|assault|hearing|verdict|trial|incident|protest|rally|picket|march|ruling|"
    r"conviction|sentencing)s?\b"
)
# -- relative expressions (on lower-cased text) ------------------------------------------

_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
)  # fmt: skip
_COUNT = rf"(?:\d{{1,2}}|an?|a\s+few|a\s+couple\s+of|several|few|{'|'.join(_NUMBER_WORDS)})"
_UNIT = r"(?:days?|weeks?|months?|years?)"
_RELATIVE, _RELATIVE_KEYS = compile_lexicon(
    [
        ("same_day", (
            r"(?:on\s+)?the\s+same\s+(?:day|date)", r"that\s+(?:same\s+)?day",
            r"later\s+(?:that|the\s+same)\s+day",
            r"(?:later\s+)?(?:that|the\s+same)\s+(?:evening|morning|night|afternoon)",
        )),
        ("next_day", (
            r"the\s+(?:next|following)\s+(?:day|morning|evening)", r"the\s+day\s+after",
        )),
        ("previous_day", (r"the\s+(?:previous|preceding)\s+day", r"the\s+day\s+before")),
        ("count", (
            rf"{_COUNT}[\s-]+{_UNIT}\s+(?:later|after(?:wards)?|earlier|before|ago|prior)",
        )),
        ("step", (
            r"the\s+(?:following|next|previous|preceding|same)\s+(?:week|month|year)",
            r"(?:earlier|later)\s+(?:that|the\s+same)\s+(?:week|month|year)",
        )),
        ("deictic", (
            r"(?:earlier|later)\s+this\s+(?:week|month|year)",
            r"(?:last|this|next)\s+(?:week|month|year)", r"yesterday", r"today", r"tomorrow",
        )),
    ]
)  # fmt: skip
_COUNT_PARTS = re.compile(rf"(?P<n>{_COUNT})[\s-]+(?P<unit>{_UNIT})\s+(?P<dir>\w+)")
_STEP_PARTS = re.compile(
    r"(?P<dir>following|next|previous|preceding|same|last|this|that|earlier|later)\s+"
    r"(?:(?:this|that|the\s+same|same)\s+)?(?P<unit>week|month|year)\b"
)
_SENTENCE_END = re.compile(r"[.!?;](?=\s+[^\W\d_\"“‘(])|[.!?;](?=\s+[\"“‘(])|\n")
_ADVERBIAL = re.compile(r"\s*(?:[,.;:!?)–—-]|$)")


# -- helpers -----------------------------------------------------------------------------


def _safe(
    year: int, month: int | None = None, day: int | None = None, part: str | None = None
) -> FuzzyDate | None:
    try:
        if day is not None and month is not None:
            return FuzzyDate.of_day(date(year, month, day))
        if month is not None:
            return (
                FuzzyDate.of_part(year, month, DatePrecision(part))
                if part
                else FuzzyDate.of_month(year, month)
            )
        return FuzzyDate.of_year(year)
    except (InvalidValueError, ValueError):
        return None


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def _shift(ref: FuzzyDate, unit: str, count: int, approximate: bool) -> FuzzyDate | None:
    """``ref`` moved by ``count`` units, as precise as the reference and the words allow."""
    unit = unit.rstrip("s")
    if unit in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        if ref.precision is DatePrecision.DAY:
            moved = ref.earliest() + timedelta(days=days)
            return (
                FuzzyDate.of_month(moved.year, moved.month)
                if approximate
                else FuzzyDate.of_day(moved)
            )
        return ref
    if unit == "month":
        if ref.month is None:
            return ref if abs(count) < 12 else _safe(ref.year + count // 12)
        year, month = _add_months(ref.year, ref.month, count)
        return _safe(year) if approximate else _safe(year, month)
    if ref.month is None or approximate:
        return _safe(ref.year + count)
    return _safe(ref.year + count, ref.month)


def _count(text: str) -> tuple[int, bool]:
    text = " ".join(text.split())
    if text in ("a few", "a couple of", "several", "few"):
        return 3, True
    if text in ("a", "an"):
        return 1, False
    if text.isdigit():
        return int(text), False
    return _NUMBER_WORDS.index(text) + 1, False


# -- the finder --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Relative:
    """What a relative date says, in any language: how it moves from the date it counts
    from. A language's finder reads its words into this; :func:`resolve_dates` does the
    counting."""

    kind: str  # same_day, next_day, previous_day, count, step, day (yesterday...), month
    unit: str = "day"  # day, week, month, year
    count: int = 0  # signed number of units: -2 for "two days earlier", 1 for "next year"
    approximate: bool = False  # "a few days later": to the month only
    deictic: bool = False  # counts from the publication date when known ("ago", "last year")
    toward: str | None = None  # "before" / "after" something: may count from a date after it
    month: int | None = None  # kind "month": the month named, in the year ``count`` years on
    part: str | None = None  # "early", "mid", "late" of the month a step or a month gives


@dataclass(slots=True)
class RawDate:
    """A date as found, before its year and its reference are resolved."""

    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    part: str | None = None  # "early", "mid", "late"
    forward_year: int | None = None  # the year that closes its range ("10 May to 2 June 2023")
    relative: Relative | None = None
    aside: bool = False  # "the January 2022 events", "since July": not the narrative's date
    consumed: bool = False  # "before the elections on 20 November": part of a relative date


@dataclass(frozen=True, slots=True)
class DateGrammar:
    """The words of one language that resolution reads around a date."""

    looks_back: re.Pattern[str]  # "had", "earlier": the story does not move on a year
    after_event: re.Pattern[str]  # "(two days after) the arrest": counted from the last date


def _absolute(text: str, low: str) -> list[RawDate]:
    found: list[RawDate] = []
    for match in _MONTH.finditer(text):
        raw = _month_date(text, low, match)
        if raw:
            found.append(raw)
    for match in _NUMERIC.finditer(text):
        parts = re.split(r"[./-]", match.group())
        if len(parts[0]) == 4:
            year, month, day = (int(p) for p in parts)
        else:
            day, month, year = (int(p) for p in parts)
            if month > 12 >= day:
                day, month = month, day
        found.append(RawDate(match.start(), match.end(), year, month, day))
    for match in _YEAR.finditer(text):
        start, end = match.span()
        year = int(match.group())
        if not 1900 <= year <= 2099 or _NOT_A_YEAR_AFTER.match(low, end):
            continue
        if _NOT_A_YEAR_BEFORE.search(low, max(0, start - 12), start):
            continue
        part = _part_before(low, start)
        if part is None and not _after_preposition(low, start):
            continue
        raw = RawDate(part[1] if part else start, end, year)
        raw.aside = bool(_SINCE_BEFORE.search(low, max(0, raw.start - 8), raw.start))
        found.append(raw)
    found.sort(key=lambda raw: (raw.start, -raw.end))
    kept: list[RawDate] = []
    for raw in found:  # overlapping: the earlier, longer one wins
        if kept and raw.start < kept[-1].end:
            continue
        kept.append(raw)
    return kept


def _month_date(text: str, low: str, match: re.Match[str]) -> RawDate | None:
    start, end = match.span()
    name = match.group().rstrip(".")
    month = _MONTH_NUMBER[name.lower()]
    abbreviated = name not in _MONTHS
    before = None
    if _DAY_HINT.search(text, max(0, start - 12), start):
        before = _DAY_BEFORE.search(text, max(0, start - 30), start)
    after = _DAY_AFTER.match(text, end)
    year: int | None = None
    day: int | None = None
    if before:
        day = int(before["d1"] or before["d"])
        start = before.start()
        if after and after["y2"]:
            year, end = int(after["y2"]), after.end()
    elif after and after["d"]:
        day, end = int(after["d"]), after.end()
        if after["y"]:
            year = int(after["y"])
    elif after and after["y2"]:
        year, end = int(after["y2"]), after.end()
    if year is not None and not 1000 <= year <= 2999:
        return None
    part = None
    if day is None:
        found = _part_before(low, start)
        if found:
            part, start = found
        elif year is None and (abbreviated or not _after_preposition(low, start)):
            return None  # "May" the verb, "the January events"
    elif abbreviated and year is None and not before:
        return None
    forward = _FORWARD_YEAR.match(text, end) if year is None else None
    raw = RawDate(start, end, year, month, day, part, int(forward["y"]) if forward else None)
    raw.aside = bool(
        (
            day is None
            and _ATTRIBUTIVE_BEFORE.search(low, max(0, start - 5), start)
            and _ATTRIBUTIVE_AFTER.match(text, end)
        )
        or _SINCE_BEFORE.search(low, max(0, start - 8), start)
    )
    return raw


def _relative(low: str) -> list[RawDate]:
    found = []
    for match in _RELATIVE.finditer(low):
        relative = _read_relative(match.group(), _RELATIVE_KEYS[match.lastgroup or ""])
        if relative is not None:
            found.append(RawDate(match.start(), match.end(), None, relative=relative))
    return found


_STEP_SIGNS = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "last": -1}
_TODAY = ("yesterday", "today", "tomorrow")


def _read_relative(phrase: str, kind: str) -> Relative | None:
    """What an English relative phrase (lower case) says."""
    deictic = kind == "deictic" or phrase.endswith("ago")
    if kind in ("same_day", "next_day", "previous_day"):
        return Relative(kind, deictic=deictic)
    if kind == "count":
        parts = _COUNT_PARTS.match(phrase)
        if parts is None:
            return None
        count, approximate = _count(parts["n"])
        sign = -1 if parts["dir"] in ("earlier", "before", "ago", "prior") else 1
        toward = re.search(r"(?:before|after|prior)$", phrase)
        return Relative(
            "count",
            parts["unit"].rstrip("s"),
            sign * count,
            approximate,
            deictic,
            ("after" if toward.group() == "after" else "before") if toward else None,
        )
    if phrase in _TODAY:
        return Relative("day", "day", _TODAY.index(phrase) - 1, deictic=deictic)
    parts = _STEP_PARTS.search(phrase)
    if parts is None:
        return None
    return Relative("step", parts["unit"], _STEP_SIGNS.get(parts["dir"], 0), deictic=deictic)


def find_dates(
    text: str,
    published: date | None = None,
    anchor: FuzzyDate | None = None,
    low: str | None = None,
) -> list[DateMention]:
    """Date mentions of ``text`` in order of position (see the module notes); ``low`` is
    the lower-cased text, when the caller has it."""
    low = lower(text) if low is None else low
    return resolve_dates(
        text, low, _absolute(text, low), _relative(low), published=published, anchor=anchor
    )


def resolve_dates(
    text: str,
    low: str,
    absolute: list[RawDate],
    relative: list[RawDate],
    *,
    published: date | None = None,
    anchor: FuzzyDate | None = None,
    grammar: DateGrammar | None = None,
) -> list[DateMention]:
    """Date mentions from the dates a language's finder found, whatever the language:
    years of year-less dates from the story and the publication date, relative dates from
    their references (the module notes). ``absolute`` are in text order without overlaps;
    a relative date that overlaps one of them is dropped. ``grammar`` is the language's
    words (English by default)."""
    grammar = grammar or ENGLISH
    raws = list(absolute)
    spans = [(raw.start, raw.end) for raw in raws]
    for raw in relative:
        index = bisect.bisect_left(spans, (raw.start, raw.end))
        if any(s < raw.end and raw.start < e for s, e in spans[max(0, index - 1) : index + 1]):
            continue
        raws.append(raw)
    raws.sort(key=lambda raw: raw.start)
    published_day = FuzzyDate.of_day(published) if published else None
    today = published_day  # what "today" and "this month" count from; a dateline moves it
    # the story's own year, for dates before any year when the publication date is unknown
    story_year = next((raw.year for raw in raws if raw.year and not raw.aside), None)
    latest: FuzzyDate | None = None  # the latest date of the story so far
    mentions: list[DateMention] = []
    references: list[DateMention] = []  # what anaphoric dates count from
    last_year: int | None = None
    local: tuple[int, int] | None = None  # a look back's year, to the end of its paragraph
    narrative: FuzzyDate | None = None  # the latest day-precise date of the narrative
    for position, raw in enumerate(raws):
        if raw.relative:
            following = raws[position + 1 : position + 4]
            result = _resolve(low, raw, following, references, anchor, today, grammar)
            if result is not None:
                mention = DateMention(raw.start, raw.end, result, True)
                mentions.append(mention)
                references.append(mention)
            continue
        year = raw.year
        scope = None
        if year is not None:
            scope = _year_scope(low, raw, narrative, latest)
            if scope == "document":
                last_year, local = year, None
            elif scope == "paragraph":
                end = low.find("\n", raw.end)
                local = (year, end if end >= 0 else len(low))
        else:
            if local is not None and raw.start < local[1]:
                year = raw.forward_year or local[0]
            elif raw.forward_year is None and last_year is not None:
                year = _story_year(low, raw, last_year, latest, published, grammar)
            else:
                year = raw.forward_year or last_year or (anchor.year if anchor else None)
            if year is None and published is not None:
                year = published.year
                first = _safe(year, raw.month, raw.day, raw.part)
                if first is not None and first.earliest() > published:
                    year -= 1
            elif year is None:
                year = story_year
        if year is None:
            continue
        value = _safe(year, raw.month, raw.day, raw.part)
        if value is not None:
            mention = DateMention(raw.start, raw.end, value, False, raw.aside)
            mentions.append(mention)
            if not raw.aside and not raw.consumed:
                references.append(mention)
                if raw.day is not None and raw.year is not None and scope == "document":
                    narrative = value  # not a back-story's date ("filmed on 16 August 2020")
                if latest is None or value.earliest() > latest.earliest():
                    latest = value
                if raw.day is not None and raw.year is not None and _is_dateline(text, raw):
                    today = value  # "Moscow, 12 September 2024. ... today sentenced"
    return mentions


# A dateline: a full date that opens a line, after at most a place and a comma, and is
# followed by a stop, a dash or a colon ("Moscow, 12 September 2024. ...", "BAKU — ...").
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t*_]*(?:[^\W\d_][\w’'.-]*(?:[ \t]+[^\W\d_][\w’'.-]*){0,2}[ \t]*[,–—-][ \t]*)?\Z"
)
_DATELINE_AFTER = re.compile(r"[ \t*_]*(?:[.:–—]|-\s|\n|$)")
# Words that say a date looks back: the story does not move on to the next year.
_LOOKS_BACK = re.compile(r"\b(?:had|earlier|previously|before|prior|already|last)\b")
ENGLISH = DateGrammar(_LOOKS_BACK, _AFTER_EVENT)
_NEXT_YEAR_GAP = timedelta(days=60)
_LOOK_BACK_GAP = timedelta(days=183)


def _is_dateline(text: str, raw: RawDate) -> bool:
    return bool(
        _DATELINE_BEFORE.search(text, max(0, raw.start - 40), raw.start)
        and _DATELINE_AFTER.match(text, raw.end)
    )


def _story_year(
    low: str,
    raw: RawDate,
    last_year: int,
    latest: FuzzyDate | None,
    published: date | None,
    grammar: DateGrammar,
) -> int:
    """The year of a date written without one, from the story's own chronology: the last
    year stated, or the next one when the story has moved on past this month ("In October
    2023 ... On 12 January, a court ...") and the publication date allows it; the year
    before when the last year would put the date after publication."""
    candidate = _safe(last_year, raw.month, raw.day, raw.part)
    if candidate is None or published is None:
        return last_year
    if candidate.earliest() > published:
        return last_year - 1
    if latest is None or candidate.earliest() >= latest.earliest() - _NEXT_YEAR_GAP:
        return last_year
    following = _safe(last_year + 1, raw.month, raw.day, raw.part)
    sentence_start = max(low.rfind(". ", 0, raw.start), low.rfind("\n", 0, raw.start)) + 1
    sentence_end = _SENTENCE_END.search(low, raw.end)
    clause = low[sentence_start : sentence_end.start() if sentence_end else len(low)]
    if following is None or following.earliest() > published or grammar.looks_back.search(clause):
        return last_year
    return last_year + 1


def _year_scope(
    low: str, raw: RawDate, narrative: FuzzyDate | None, latest: FuzzyDate | None = None
) -> str | None:
    """How far a date with a year gives its year to the year-less dates after it.

    A full date, or a month or year that does not go back before the narrative's latest
    full date: to the rest of the document. A look back ("he was fined in November 2022"
    in a story of March 2023; a full date more than half a year before the latest date
    the story reached, as a weekly review tells a back-story "filmed on 16 August 2020")
    that opens its sentence ("In May 2022, she served ..."): to the end of its paragraph.
    Other look backs, dates naming an event ("the January 2022 events") and the starts of
    states ("since 2017"): not at all."""
    if raw.aside:
        return None
    if raw.day is not None and raw.year is not None and raw.month is not None:
        value = _safe(raw.year, raw.month, raw.day)
        if (
            value is None
            or latest is None
            or value.earliest() >= latest.earliest() - _LOOK_BACK_GAP
        ):
            return "document"
    elif (
        narrative is None
        or raw.year is None
        or (raw.year, raw.month or 12) >= (narrative.year, narrative.month or 12)
    ):
        return "document"
    if _LEADING.search(low, max(0, raw.start - 40), raw.start):
        return "paragraph"
    return None


def _reference(
    low: str, raw: RawDate, relative: Relative, previous: list[DateMention]
) -> FuzzyDate | None:
    """The date an anaphoric one counts from: the latest one; for a count of days ("the
    next day", "two days later") the latest full date of the paragraph when a month or a
    year came after it ("On 3 May ... had applied in January. The next day ...")."""
    if not previous:
        return None
    latest = previous[-1].date
    if latest.precision is DatePrecision.DAY or not (
        relative.kind in ("same_day", "next_day", "previous_day")
        or (relative.kind == "count" and relative.unit in ("day", "week"))
    ):
        return latest
    paragraph = low.rfind("\n", 0, raw.start)
    for mention in reversed(previous[-4:]):
        if mention.start < paragraph:
            break
        if mention.date.precision is DatePrecision.DAY:
            return mention.date
    return latest


def _resolve(
    low: str,
    raw: RawDate,
    following: list[RawDate],
    previous: list[DateMention],
    anchor: FuzzyDate | None,
    published: FuzzyDate | None,
    grammar: DateGrammar,
) -> FuzzyDate | None:
    relative = raw.relative
    assert relative is not None
    kind = relative.kind
    reference = published if relative.deictic and published else None
    if reference is None and kind == "count" and relative.toward:
        # "a few days before the elections on 20 November": count from the date that
        # follows in the sentence; "two days after his arrest" without one is unknown.
        sentence_end = _SENTENCE_END.search(low, raw.end, raw.end + 120)
        limit = sentence_end.start() if sentence_end else raw.end + 120
        for candidate in following:
            if candidate.relative is None and candidate.start < limit and candidate.year:
                reference = _safe(candidate.year, candidate.month, candidate.day, candidate.part)
                candidate.consumed = True
                break
        if (
            reference is None
            and not _ADVERBIAL.match(low, raw.end)
            and not (relative.toward == "after" and grammar.after_event.match(low, raw.end))
        ):
            return None
    if reference is None:
        reference = _reference(low, raw, relative, previous) or anchor or published
    if reference is None:
        return None
    if kind == "same_day":
        return reference
    if kind == "next_day":
        return _shift(reference, "day", 1, False)
    if kind == "previous_day":
        return _shift(reference, "day", -1, False)
    if kind == "count":
        return _shift(reference, relative.unit, relative.count, relative.approximate)
    if kind == "day":
        return _shift(reference, "day", relative.count, False)
    if kind == "month":  # "last October": that month of the year before the reference's
        return _safe(reference.year + relative.count, relative.month, None, relative.part)
    sign, unit = relative.count, relative.unit
    if unit == "week":
        return _shift(reference, "day", 7 * sign, True) if reference.month else reference
    if unit == "month" and reference.month is None:
        return None
    moved = _shift(reference, unit, sign, False)
    if moved is not None and unit == "month" and moved.month is not None:
        return _safe(moved.year, moved.month, None, relative.part)
    if moved is not None and unit == "year":
        return FuzzyDate.of_year(moved.year)
    return moved
