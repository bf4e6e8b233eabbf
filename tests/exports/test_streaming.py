"""Large exports stream: the writers are generators that read the rows a chunk at a time
(one prefetch query per chunk, never one list of every row)."""

from __future__ import annotations

import csv
import inspect
import io
import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

EVENTS = 3000


def _generate() -> None:
    from civicwatch.core.vocab import ClaimKind, Freedom, Sensitivity
    from civicwatch.store.bulk import insert_rows
    from civicwatch.store.models import Claim, Document, Event

    text = "Police detained protesters at a peaceful rally in the square."
    document = Document.objects.create(
        sha256="0" * 64,
        filename="generated.txt",
        media_type="text/plain",
        size_bytes=1,
        reader="test",
        text=text,
        title="Generated",
        sensitivity=Sensitivity.PUBLIC.value,
    )
    claim = Claim.objects.create(
        document=document,
        kind=ClaimKind.EVENT.value,
        start=0,
        end=len(text),
        quote=text,
        value={"type": "detention"},
    )
    first = Event.objects.count()
    Event.objects.bulk_create(
        Event(
            type="detention",
            date_start=date(2024, 1, 1 + n % 28),
            date_end=date(2024, 1, 1 + n % 28),
            date_precision="day",
            freedoms=[Freedom.PEACEFUL_ASSEMBLY.value],
            summary=f"rally {n}",
            source_level=Sensitivity.PUBLIC.value,
            people_level=Sensitivity.PUBLIC.value,
        )
        for n in range(EVENTS)
    )
    ids = Event.objects.order_by("pk").values_list("pk", flat=True)[first:]
    insert_rows(Event.sources.through, ["event_id", "claim_id"], ((pk, claim.pk) for pk in ids))


def _prefetch_queries(queries: list[dict[str, str]]) -> int:
    table = "store_event_sources"
    return sum(
        1
        for q in queries
        if f'FROM "{table}"' in q["sql"] or f"{table}" in q["sql"].split("WHERE")[0]
    )


@pytest.mark.parametrize("fmt", ["json", "ftm", "acled"])
def test_exports_stream_in_chunks(fmt: str) -> None:
    from civicwatch.exports.scope import CHUNK
    from civicwatch.services.exports import export_chunks

    _generate()
    chunks = export_chunks(fmt, "public")
    assert inspect.isgenerator(chunks)
    with CaptureQueriesContext(connection) as context:
        text = "".join(chunks)
    # the sources of the events were read chunk by chunk, not in one query
    assert _prefetch_queries(context.captured_queries) >= EVENTS // CHUNK
    if fmt == "json":
        assert len(json.loads(text)["events"]) == EVENTS
    elif fmt == "ftm":
        events = [line for line in text.splitlines() if '"schema": "Event"' in line]
        assert len(events) == EVENTS
    else:
        assert len(list(csv.DictReader(io.StringIO(text)))) == EVENTS


def test_every_writer_is_a_generator() -> None:
    from civicwatch.exports import acled, csv_export, ftm, json_export, prisoners, tables

    for function in (
        json_export.json_chunks,
        ftm.ftm_lines,
        csv_export.csv_text,
        tables.event_rows,
        tables.person_rows,
        tables.charge_rows,
        tables.outcome_rows,
        tables.source_rows,
        prisoners._rows,
        acled._assembly_rows,
    ):
        assert inspect.isgeneratorfunction(function), function
