"""Statistics and charts, for the CLI, the web app and reports (the one library API).

``level`` is the clearance the figures are counted at (default internal, as exports): a
record above it changes no number. Inputs are checked here, so every entry point gives the
same error for a bad country, date or period.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

from civicwatch.core.vocab import Sensitivity
from civicwatch.errors import InvalidValueError
from civicwatch.reports import charts
from civicwatch.reports.statistics import PARTS, Statistics, statistics

__all__ = [
    "CHARTS",
    "OUTPUT_FORMATS",
    "chart",
    "compute",
    "known_countries",
    "parse_country",
    "parse_level",
    "to_csv",
    "to_dict",
    "to_json",
]

OUTPUT_FORMATS = ("table", "json", "csv")
CHARTS = {
    "monthly": charts.monthly_events_chart,
    "provisions": charts.provisions_chart,
    "map": charts.events_map,
}
# What each chart draws: the chart's URL computes only that.
CHART_PARTS = {
    "monthly": frozenset({"events"}),
    "provisions": frozenset({"provisions"}),
    "map": frozenset({"places"}),
}
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def parse_level(value: str | Sensitivity | None) -> Sensitivity:
    """``public``, ``internal`` or ``confidential`` (default internal)."""
    if value is None or value == "":
        return Sensitivity.INTERNAL
    if isinstance(value, Sensitivity):
        return value
    try:
        return Sensitivity(value.strip().lower())
    except ValueError:
        known = ", ".join(level.value for level in Sensitivity)
        raise InvalidValueError(f"unknown level {value!r}; use one of: {known}") from None


def parse_country(value: str | None) -> str | None:
    """A two-letter ISO 3166 code, upper-cased (blank: every country)."""
    if value is None or not value.strip():
        return None
    if not _COUNTRY.match(value.strip()):
        raise InvalidValueError(f"country {value!r}: give a two-letter ISO code such as KZ")
    return value.strip().upper()


def compute(
    level: str | Sensitivity | None = None,
    *,
    country: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    for_chart: str | None = None,
) -> Statistics:
    """Every figure at ``level`` for the country and period (``for_chart``: only what
    that chart draws)."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidValueError(f"the period starts ({date_from}) after it ends ({date_to})")
    parts = PARTS
    if for_chart is not None:
        if for_chart not in CHART_PARTS:
            raise InvalidValueError(
                f"unknown chart {for_chart!r}; use one of: {', '.join(CHART_PARTS)}"
            )
        parts = CHART_PARTS[for_chart]
    return statistics(
        parse_level(level),
        country=parse_country(country),
        date_from=date_from,
        date_to=date_to,
        parts=parts,
    )


def chart(name: str, stats: Statistics, fmt: str = "svg") -> bytes:
    """One chart ("monthly", "provisions" or "map") as SVG or PNG bytes."""
    try:
        draw = CHARTS[name]
    except KeyError:
        raise InvalidValueError(
            f"unknown chart {name!r}; use one of: {', '.join(CHARTS)}"
        ) from None
    return draw(stats, fmt)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def to_dict(stats: Statistics) -> dict[str, Any]:
    """The figures as plain JSON-ready values (vocabulary values, ISO dates)."""
    flt = stats.filter
    return {
        "filter": {
            "level": flt.clearance.value,
            "country": flt.country,
            "from": flt.date_from.isoformat() if flt.date_from else None,
            "to": flt.date_to.isoformat() if flt.date_to else None,
        },
        "events": {
            "total": stats.total_events,
            "undated": stats.undated_events,
            "by_month": [
                {
                    "month": row.month,
                    "total": row.total,
                    "by_type": {kind.value: n for kind, n in row.counts.items()},
                }
                for row in stats.months
            ],
            "by_country": stats.countries,
            "by_region": [
                {"region": r.region, "country": r.country, "events": r.events}
                for r in stats.regions
            ],
            "by_place": [
                {
                    "place": p.name,
                    "country": p.country,
                    "latitude": p.latitude,
                    "longitude": p.longitude,
                    "events": p.events,
                }
                for p in stats.places
            ],
            "without_place": stats.unplaced_events,
        },
        "assembly_penalties": {
            "fines": stats.assembly.fines,
            "fine_totals": {
                (unit.value if unit else ""): _number(total)
                for unit, total in stats.assembly.fine_totals.items()
            },
            "fines_without_amount": stats.assembly.fines_without_amount,
            "detentions": stats.assembly.detentions,
            "detention_days": _number(stats.assembly.detention_days),
            "detentions_without_term": stats.assembly.detentions_without_term,
            "ranges_counted_at_lower_bound": stats.assembly.ranges,
        },
        "provisions": [
            {
                "provision": p.label,
                "short_title": p.short_title,
                "jurisdiction": p.jurisdiction,
                "persons": p.persons,
                "charges": p.charges,
            }
            for p in stats.provisions
        ],
        "persons_held": {
            "total": stats.held_total,
            "by_status": {status.value: n for status, n in stats.held_by_status.items()},
        },
    }


def to_json(stats: Statistics) -> str:
    return json.dumps(to_dict(stats), ensure_ascii=False, indent=2) + "\n"


def rows(stats: Statistics) -> list[tuple[str, str, str, str]]:
    """Every figure as (table, key, detail, value) rows: one CSV for all tables."""
    out: list[tuple[str, str, str, str]] = []
    out.append(("events", "total", "", str(stats.total_events)))
    if stats.undated_events:
        out.append(("events", "undated", "", str(stats.undated_events)))
    for row in stats.months:
        for kind, n in sorted(row.counts.items(), key=lambda item: item[0].value):
            out.append(("events_by_month", row.month, kind.value, str(n)))
    a = stats.assembly
    out.append(("assembly_penalties", "fines", "", str(a.fines)))
    for unit, total in a.fine_totals.items():
        out.append(
            ("assembly_penalties", "fine_total", unit.value if unit else "", str(_number(total)))
        )
    out.append(("assembly_penalties", "detentions", "", str(a.detentions)))
    out.append(("assembly_penalties", "detention_days", "", str(_number(a.detention_days))))
    for p in stats.provisions:
        out.append(("provisions", p.label, p.short_title, str(p.persons)))
    out.append(("persons_held", "total", "", str(stats.held_total)))
    for status, n in stats.held_by_status.items():
        out.append(("persons_held", status.value, "", str(n)))
    for code, n in stats.countries.items():
        out.append(("events_by_country", code, "", str(n)))
    for r in stats.regions:
        out.append(("events_by_region", r.region, r.country, str(r.events)))
    return out


def to_csv(stats: Statistics) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("table", "key", "detail", "value"))
    writer.writerows(rows(stats))
    return buffer.getvalue()


def known_countries(level: str | Sensitivity | None = None) -> list[str]:
    """The countries of the events a reader at ``level`` may see, for a filter's choices."""
    from civicwatch.services import access

    return sorted(
        code
        for code in access.visible_events(parse_level(level))
        .exclude(country="")
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
