"""An ACLED-style CSV of assembly-related events.

Columns follow ACLED's codebook (event_id_cnty, event_date, year, time_precision,
disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2,
assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1,
admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes,
fatalities, tags, timestamp). An event is assembly-related when it touches the freedom of
peaceful assembly or is of an assembly type (banned, dispersed, preventive detention).

The coding is a first draft for a human to check, not ACLED's own: interventions at a
protest (detentions, fines, dispersal) are "Protest with intervention"; violence against
protesters "Excessive force against protesters"; a ban "Strategic developments / Other";
everything else "Peaceful protest". Actor 1 is "Protesters (<country>)" (inter1 6), actor 2
the country's police forces (inter2 1) when the state intervened.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from followthemoney.types import registry

from civicwatch.core.vocab import DatePrecision, EventType, Freedom, InvolvementRole
from civicwatch.exports.csv_export import csv_text
from civicwatch.exports.scope import Scope
from civicwatch.exports.tables import event_rows

COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

ASSEMBLY_TYPES = frozenset(
    {EventType.ASSEMBLY_BANNED, EventType.ASSEMBLY_DISPERSED, EventType.PREVENTIVE_DETENTION}
)
INTERVENTION = frozenset(
    {
        EventType.ASSEMBLY_DISPERSED,
        EventType.DETENTION,
        EventType.ARREST,
        EventType.PREVENTIVE_DETENTION,
        EventType.ADMINISTRATIVE_DETENTION,
        EventType.ADMINISTRATIVE_FINE,
        EventType.SUMMONS,
    }
)
FORCE = frozenset(
    {
        EventType.PHYSICAL_ATTACK,
        EventType.ILL_TREATMENT,
        EventType.KILLING,
        EventType.TORTURE_ALLEGATION,
    }
)
# ISO 3166 numeric codes and ACLED regions of the countries Civicwatch's monitors cover.
ISO_NUMERIC = {
    "KZ": 398,
    "KG": 417,
    "TJ": 762,
    "UZ": 860,
    "TM": 795,
    "AZ": 31,
    "AM": 51,
    "GE": 268,
    "BY": 112,
    "RU": 643,
    "UA": 804,
    "MD": 498,
}
REGIONS = {
    "KZ": "Caucasus and Central Asia",
    "KG": "Caucasus and Central Asia",
    "TJ": "Caucasus and Central Asia",
    "UZ": "Caucasus and Central Asia",
    "TM": "Caucasus and Central Asia",
    "AZ": "Caucasus and Central Asia",
    "AM": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",
    "BY": "Europe",
    "RU": "Europe",
    "UA": "Europe",
    "MD": "Europe",
}
TIME_PRECISION = {
    DatePrecision.DAY.value: 1,
    DatePrecision.EARLY.value: 2,
    DatePrecision.MID.value: 2,
    DatePrecision.LATE.value: 2,
}
_STATE_ROLES = {InvolvementRole.PERPETRATOR.value, InvolvementRole.ADJUDICATOR.value}


def is_assembly_event(event_type: str, freedoms: list[str] | None) -> bool:
    return Freedom.PEACEFUL_ASSEMBLY.value in (freedoms or []) or event_type in {
        t.value for t in ASSEMBLY_TYPES
    }


def coding(event_type: str) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type)."""
    if event_type == EventType.ASSEMBLY_BANNED.value:
        return "Strategic developments", "Strategic developments", "Other"
    if event_type in {t.value for t in FORCE}:
        return "Demonstrations", "Protests", "Excessive force against protesters"
    if event_type in {t.value for t in INTERVENTION}:
        return "Demonstrations", "Protests", "Protest with intervention"
    return "Demonstrations", "Protests", "Peaceful protest"


def _row(row: dict[str, Any], sources: dict[int, str]) -> dict[str, Any]:
    event = row["_event"]
    country_code = (row["country"] or event.get("country") or "").upper()
    country = registry.country.caption(country_code.lower()) if country_code else ""
    disorder, acled_type, sub_type = coding(row["type"])
    state = sub_type != "Peaceful protest"
    people = [i for i in row["_involvements"] if i.role not in _STATE_ROLES]
    date_start = row["date_start"]
    geo = 1 if row["latitude"] != "" else (2 if row["place"] else 3)
    return {
        "event_id_cnty": f"{country_code or 'XX'}CW{row['id']}",
        "event_date": date_start,
        "year": date_start[:4],
        "time_precision": TIME_PRECISION.get(event["precision"], 3),
        "disorder_type": disorder,
        "event_type": acled_type,
        "sub_event_type": sub_type,
        "actor1": f"Protesters ({country})" if country else "Protesters",
        "assoc_actor_1": "; ".join(
            (i.person.canonical_name if i.person else i.organisation.name) for i in people
        ),
        "inter1": 6,
        "actor2": (f"Police Forces of {country}" if country else "Police Forces") if state else "",
        "assoc_actor_2": "",
        "inter2": 1 if state else 0,
        "interaction": 16 if state else 60,
        "civilian_targeting": "",
        "iso": ISO_NUMERIC.get(country_code, ""),
        "region": REGIONS.get(country_code, ""),
        "country": country,
        "admin1": event.get("admin1", ""),
        "admin2": "",
        "admin3": "",
        "location": row["place"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "geo_precision": geo,
        "source": "; ".join(
            sources[int(d)] for d in row["source_documents"].split("; ") if d and int(d) in sources
        ),
        "source_scale": "Other",
        "notes": " ".join(filter(None, [row["summary"], f"[Civicwatch event {row['id']}]"])),
        "fatalities": 0,
        "tags": row["type_label"],
        "timestamp": "",
    }


def _assembly_rows(scope: Scope) -> Iterator[dict[str, Any]]:
    events = scope.events.filter(date_start__isnull=False).select_related("place__parent")
    sources = dict(
        (pk, publisher or title)
        for pk, publisher, title in scope.documents.values_list("pk", "publisher", "title")
    )
    for row in event_rows(scope, events):
        if not is_assembly_event(row["type"], row["freedoms_terms"]):
            continue
        place = row["_place"]
        row["_event"] = {
            "precision": row["_precision"],
            "admin1": place.parent.name if place is not None and place.parent else "",
        }
        yield _row(row, sources)


def acled_rows(scope: Scope) -> Iterator[str]:
    """The CSV as text chunks."""
    return csv_text(COLUMNS, _assembly_rows(scope))
