"""Dates with a precision, stored as first day, last day and precision columns.

A "mid-February 2023" is stored as 2023-02-11 .. 2023-02-20 with precision ``mid``: the
columns sort and filter with plain SQL (timelines order by ``date_start, date_end``), and
the :class:`~civicwatch.core.dates.FuzzyDate` is rebuilt from them for display.
"""

from __future__ import annotations

from datetime import date

from django.db import models

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import DatePrecision
from civicwatch.store.fields import vocabulary_field


class Dated(models.Model):
    date_start = models.DateField(null=True, blank=True, help_text="First day the date may be")
    date_end = models.DateField(null=True, blank=True, help_text="Last day the date may be")
    date_precision = vocabulary_field(DatePrecision, max_length=8, blank=True)

    class Meta:
        abstract = True

    @property
    def date(self) -> FuzzyDate | None:
        return fuzzy_date(self.date_start, self.date_precision)

    @date.setter
    def date(self, value: FuzzyDate | None) -> None:
        self.date_start, self.date_end, self.date_precision = date_columns(value)


def date_columns(value: FuzzyDate | None) -> tuple[date | None, date | None, str]:
    if value is None:
        return None, None, ""
    return value.earliest(), value.latest(), value.precision.value


def fuzzy_date(start: date | None, precision: str) -> FuzzyDate | None:
    """The FuzzyDate stored as ``start`` with ``precision`` (None when there is none)."""
    if start is None or not precision:
        return None
    kind = DatePrecision(precision)
    if kind is DatePrecision.DAY:
        return FuzzyDate.of_day(start)
    if kind is DatePrecision.MONTH:
        return FuzzyDate.of_month(start.year, start.month)
    if kind is DatePrecision.YEAR:
        return FuzzyDate.of_year(start.year)
    return FuzzyDate.of_part(start.year, start.month, kind)
