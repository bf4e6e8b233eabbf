"""Exports and imports on the demo corpus: JSON round trip, every format at every level,
the command line (database-heavy: also run on PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.db import transaction

from tests.cases.conftest import demo_database  # noqa: F401  (module fixture)

pytestmark = pytest.mark.django_db


def _export(fmt: str, level: str) -> str:
    from civicwatch.services.exports import export_chunks

    return "".join(export_chunks(fmt, level))


def _without_time(text: str) -> dict[str, Any]:
    data = json.loads(text)
    data.pop("exported_at")
    return data


def _empty_database() -> None:
    from civicwatch.store import models as m

    for model in (
        m.Conflict, m.Followup, m.Recognition, m.Outcome, m.ChargeChange, m.Charge,
        m.Involvement, m.Event, m.PossibleDuplicate, m.PersonMerge, m.Affiliation,
        m.PersonKey, m.PersonName, m.OrganisationAlias, m.Organisation, m.Place,
        m.LegalProvision, m.ClaimRevision,
    ):
        model.objects.all().delete()
    m.Person.objects.update(canonical=None, merged_into=None, status_source=None)
    m.Person.objects.all().delete()
    m.Claim.objects.update(subject=None, context=None)
    m.Claim.objects.all().delete()
    m.Document.objects.all().delete()


def _confidential_fixture() -> dict[str, Any]:
    """A confidential report naming a person no other report names, and a confidential
    person from a public report: neither may leave at a lower level."""
    from civicwatch.core.vocab import Sensitivity
    from civicwatch.services.documents import DocumentMetadata, ingest_bytes
    from civicwatch.store.models import Person

    secret = (
        "On 4 March 2024 police in Taraz detained the activist Oralbek Zhumagulov at a "
        "peaceful rally. On 6 March 2024 a court sentenced Oralbek Zhumagulov to 10 days "
        "of administrative detention under article 488 of the Code of Administrative Offences."
    ).encode()
    ingest_bytes(
        secret, "secret-note.txt",
        DocumentMetadata(sensitivity=Sensitivity.CONFIDENTIAL, title="Secret note"),
    )
    public = (
        "On 9 April 2024 police in Semey detained the blogger Kuanysh Bekmukhanov at a "
        "peaceful rally. On 10 April 2024 a court fined Kuanysh Bekmukhanov 50 MCI under "
        "article 488 of the Code of Administrative Offences."
    ).encode()
    ingest_bytes(public, "open-note.txt", DocumentMetadata(sensitivity=Sensitivity.PUBLIC))
    hidden = Person.objects.filter(canonical_name__icontains="Bekmukhanov")
    assert hidden.exists()
    from civicwatch.services.records import set_person_sensitivity

    set_person_sensitivity(hidden.first().root_id, Sensitivity.CONFIDENTIAL)
    assert Person.objects.filter(canonical_name__icontains="Zhumagulov").exists()
    return {"names": ["Zhumagulov", "Bekmukhanov"], "titles": ["Secret note", "secret-note"]}


def test_json_round_trip_on_the_demo_corpus(demo_database: None) -> None:  # noqa: F811
    from civicwatch.services.exports import import_json

    with transaction.atomic():
        first = _export("json", "confidential")
        data = json.loads(first)
        assert data["documents"] and data["claims"] and data["persons"] and data["events"]
        claim = data["claims"][0]
        for key in ("start", "end", "quote", "machine_value", "value", "review_state", "history"):
            assert key in claim
        assert all("text_sha256" in document for document in data["documents"])
        assert any(event["sources"] for event in data["events"])
        _empty_database()
        import tempfile

        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            handle.write(first)
        summary = import_json(handle.name)
        assert summary.counts["documents"] == len(data["documents"])
        second = _export("json", "confidential")
        assert _without_time(second) == _without_time(first)
        Path(handle.name).unlink()
        transaction.set_rollback(True)
