"""Dates as reports give them: to the day, the month, the year, or a part of a month.

``FuzzyDate`` is the one representation used by extraction, the database (through
``store.fields.FuzzyDateField``) and exports. Its text form sorts chronologically for
dates of the same precision and is what the extraction contract prints::

    2023-04-10        day
    2023-04           month
    2023              year
    2023-02~mid       mid-February 2023 (also ~early, ~late)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from civicwatch.core.vocab import DatePrecision
from civicwatch.errors import InvalidValueError

_PART_DAYS = {
    DatePrecision.EARLY: (1, 10),
    DatePrecision.MID: (11, 20),
    DatePrecision.LATE: (21, 31),
}
_TEXT_FORM = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})|~(?P<part>early|mid|late))?)?$"
)


@dataclass(frozen=True, slots=True, order=False)
class FuzzyDate:
    """A calendar date known to a given precision."""

    year: int
    month: int | None = None
    day: int | None = None
    precision: DatePrecision = DatePrecision.DAY

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise InvalidValueError(f"year {self.year} is out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidValueError(f"month {self.month} is out of range")
        if self.day is not None:
            if self.month is None:
                raise InvalidValueError("a day needs a month")
            if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise InvalidValueError(f"{self.year}-{self.month:02d} has no day {self.day}")
        expected = _expected_precision(self.month, self.day, self.precision)
        if expected is not self.precision:
            raise InvalidValueError(
                f"precision {self.precision.value!r} does not fit "
                f"year={self.year} month={self.month} day={self.day}"
            )

    # -- constructors -------------------------------------------------------------------
    @classmethod
    def of_day(cls, value: date) -> FuzzyDate:
        return cls(value.year, value.month, value.day, DatePrecision.DAY)

    @classmethod
    def of_month(cls, year: int, month: int) -> FuzzyDate:
        return cls(year, month, None, DatePrecision.MONTH)

    @classmethod
    def of_year(cls, year: int) -> FuzzyDate:
        return cls(year, None, None, DatePrecision.YEAR)

    @classmethod
    def of_part(cls, year: int, month: int, part: DatePrecision) -> FuzzyDate:
        if part not in _PART_DAYS:
            raise InvalidValueError(f"{part.value!r} is not a part of a month")
        return cls(year, month, None, part)

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse the text form (``2023``, ``2023-04``, ``2023-04-10``, ``2023-02~mid``)."""
        match = _TEXT_FORM.match(text.strip())
        if not match:
            raise InvalidValueError(
                f"{text!r} is not a date; write YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM~mid"
            )
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        try:
            if match["day"]:
                assert month is not None
                return cls.of_day(date(year, month, int(match["day"])))
            if match["part"]:
                assert month is not None
                return cls.of_part(year, month, DatePrecision(match["part"]))
            if month is not None:
                return cls.of_month(year, month)
            return cls.of_year(year)
        except ValueError as error:  # InvalidValueError is a ValueError too
            raise InvalidValueError(f"{text!r} is not a calendar date: {error}") from None

    # -- views ----------------------------------------------------------------------------
    def __str__(self) -> str:
        if self.precision is DatePrecision.YEAR:
            return f"{self.year:04d}"
        if self.precision is DatePrecision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision is DatePrecision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}~{self.precision.value}"

    def iso(self) -> str:
        """ISO form for the extraction contract: a part of a month is written as the month."""
        if self.precision in _PART_DAYS:
            return f"{self.year:04d}-{self.month:02d}"
        return str(self)

    def earliest(self) -> date:
        """First day the date may denote."""
        if self.precision is DatePrecision.YEAR:
            return date(self.year, 1, 1)
        assert self.month is not None
        if self.precision is DatePrecision.DAY:
            assert self.day is not None
            return date(self.year, self.month, self.day)
        if self.precision is DatePrecision.MONTH:
            return date(self.year, self.month, 1)
        return date(self.year, self.month, _PART_DAYS[self.precision][0])

    def latest(self) -> date:
        """Last day the date may denote."""
        if self.precision is DatePrecision.YEAR:
            return date(self.year, 12, 31)
        assert self.month is not None
        last = calendar.monthrange(self.year, self.month)[1]
        if self.precision is DatePrecision.DAY:
            return self.earliest()
        if self.precision is DatePrecision.MONTH:
            return date(self.year, self.month, last)
        return date(self.year, self.month, min(_PART_DAYS[self.precision][1], last))

    def sort_key(self) -> tuple[date, date]:
        return (self.earliest(), self.latest())

    def contains(self, day: date) -> bool:
        return self.earliest() <= day <= self.latest()


def _expected_precision(month: int | None, day: int | None, given: DatePrecision) -> DatePrecision:
    if month is None:
        return DatePrecision.YEAR
    if day is not None:
        return DatePrecision.DAY
    return given if given in _PART_DAYS else DatePrecision.MONTH


def parse_iso_day(text: str) -> date:
    """Parse a ``YYYY-MM-DD`` day as given on the command line, with a clear error."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValueError(f"{text!r} is not a date; write YYYY-MM-DD") from None
