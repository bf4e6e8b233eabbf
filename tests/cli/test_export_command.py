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
        m.Conflict,
        m.Followup,
        m.Recognition,
        m.Outcome,
        m.ChargeChange,
        m.Charge,
        m.Involvement,
        m.Event,
        m.PossibleDuplicate,
        m.PersonMerge,
        m.Affiliation,
        m.PersonKey,
        m.PersonName,
        m.OrganisationAlias,
        m.Organisation,
        m.Place,
        m.LegalProvision,
        m.ClaimRevision,
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
        b"On 4 March 2024 police in Taraz detained the activist Oralbek Zhumagulov at a "
        b"peaceful rally. On 6 March 2024 a court sentenced Oralbek Zhumagulov to 10 days "
        b"of administrative detention under article 488 of the Code of Administrative Offences."
    )
    ingest_bytes(
        secret,
        "secret-note.txt",
        DocumentMetadata(sensitivity=Sensitivity.CONFIDENTIAL, title="Secret note"),
    )
    public = (
        b"On 9 April 2024 police in Semey detained the blogger Kuanysh Bekmukhanov at a "
        b"peaceful rally. On 10 April 2024 a court fined Kuanysh Bekmukhanov 50 MCI under "
        b"article 488 of the Code of Administrative Offences."
    )
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
        # new rows after the import take fresh ids (the sequences moved past the imported ones)
        from civicwatch.services.documents import DocumentMetadata, ingest_bytes

        new, created = ingest_bytes(
            b"On 2 June 2024 police in Atyrau detained the activist Nurzhan Sadykov.",
            "after-import.txt",
            DocumentMetadata(),
        )
        assert created and new.pk > max(d["id"] for d in data["documents"])
        Path(handle.name).unlink()
        transaction.set_rollback(True)


def test_every_format_keeps_confidential_records_out_of_lower_levels(
    demo_database: None,  # noqa: F811
    tmp_path: Path,
) -> None:
    from civicwatch.services.exports import export_to_path

    with transaction.atomic():
        fixture = _confidential_fixture()
        for fmt in ("json", "ftm", "acled", "prisoners", "csv"):
            for level in ("public", "internal"):
                out = tmp_path / f"{fmt}-{level}" / ("export.zip" if fmt == "csv" else "export")
                out.parent.mkdir()
                export_to_path(fmt, out, level)
                if fmt == "csv":
                    with zipfile.ZipFile(out) as archive:
                        text = "".join(archive.read(n).decode() for n in archive.namelist())
                else:
                    text = out.read_text()
                for name in fixture["names"]:
                    assert name not in text, (fmt, level, name)
                assert "Secret note" not in text, (fmt, level)
        # at the confidential level both are there (the test can fail)
        everything = _export("json", "confidential") + _export("ftm", "confidential")
        for name in fixture["names"]:
            assert name in everything
        assert "Zhumagulov" in _export("acled", "confidential")
        transaction.set_rollback(True)


def test_ftm_lines_are_valid_entities(demo_database: None) -> None:  # noqa: F811
    from followthemoney import model

    lines = _export("ftm", "internal").splitlines()
    assert lines
    schemata = set()
    ids = set()
    for line in lines:
        data = json.loads(line)
        proxy = model.get_proxy(data)
        schemata.add(proxy.schema.name)
        ids.add(proxy.id)
        for prop in proxy.schema.required:
            assert proxy.get(prop), (proxy.schema.name, prop)
        assert proxy.to_dict()["properties"] == data["properties"]  # nothing unclean written
    assert {"Document", "Person", "Event", "CourtCase", "Documentation"} <= schemata
    assert len(ids) == len(lines)


def test_ftm_tools_read_the_export(demo_database: None, tmp_path: Path) -> None:  # noqa: F811
    import subprocess
    import sys

    path = tmp_path / "entities.ftm.json"
    path.write_text(_export("ftm", "public"))
    ftm = Path(sys.executable).parent / "ftm"
    result = subprocess.run(
        [str(ftm), "validate", "-i", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(path.read_text().splitlines())


def test_csv_export_has_labels_and_the_acled_file_its_columns(
    demo_database: None,  # noqa: F811
    tmp_path: Path,
) -> None:
    from civicwatch.exports.acled import COLUMNS
    from civicwatch.services.exports import export_to_path

    folder = export_to_path("csv", tmp_path / "out", "internal")
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["charges.csv", "events.csv", "outcomes.csv", "persons.csv", "sources.csv"]
    from civicwatch.core.vocab import EventType

    events = list(csv.DictReader(io.StringIO((folder / "events.csv").read_text())))
    assert events
    assert all(row["type_label"] == EventType(row["type"]).english_label for row in events)
    charges = list(csv.DictReader(io.StringIO((folder / "charges.csv").read_text())))
    assert any(row["code"] == "Criminal Code" for row in charges)
    acled = list(csv.DictReader(io.StringIO(_export("acled", "internal"))))
    assert acled, "the demo corpus reports assembly-related events"
    assert list(acled[0]) == COLUMNS
    assert all(row["event_type"] in {"Protests", "Strategic developments"} for row in acled)


def test_export_command_and_bad_input(demo_database: None, tmp_path: Path) -> None:  # noqa: F811
    from civicwatch.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--format", "json", "--level", "public"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["level"] == "public"
    result = runner.invoke(cli, ["export", "--format", "xml"])
    assert result.exit_code != 0 and "xml" in result.output
    result = runner.invoke(cli, ["export", "--format", "json", "--level", "secret"])
    assert result.exit_code != 0 and "secret" in result.output
    missing = tmp_path / "no-such-folder" / "out.json"
    result = runner.invoke(cli, ["export", "--format", "json", "--out", str(missing)])
    assert result.exit_code == 1 and "does not exist" in result.output
    assert not missing.parent.exists()
    out = tmp_path / "out.json"
    result = runner.invoke(cli, ["export", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text())["level"] == "internal"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left


def test_json_import_refuses_a_database_with_records(
    demo_database: None,  # noqa: F811
    tmp_path: Path,
) -> None:
    from civicwatch.errors import InvalidValueError
    from civicwatch.services.exports import import_json

    path = tmp_path / "export.json"
    path.write_text(_export("json", "internal"))
    with pytest.raises(InvalidValueError, match="empty database"):
        import_json(path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    with pytest.raises(InvalidValueError, match="not a Civicwatch JSON export"):
        import_json(bad)


def _pdf_text(path: Path) -> str:
    import subprocess

    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_prisoner_list_csv_and_pdf_follow_the_level(
    demo_database: None,  # noqa: F811
    tmp_path: Path,
) -> None:
    from civicwatch.core.vocab import HELD_STATUSES, Sensitivity
    from civicwatch.services.access import visible_persons
    from civicwatch.services.cases import recognise
    from civicwatch.services.exports import export_to_path
    from civicwatch.services.records import set_person_sensitivity

    with transaction.atomic():
        held = visible_persons(Sensitivity.INTERNAL).filter(
            status__in=[status.value for status in HELD_STATUSES]
        )
        assert held.exists(), "the demo corpus has people held"
        person = held.order_by("pk").first()
        assert person is not None
        recognise(str(person.pk), by="Human Rights Bureau", criteria=["a", "e"])
        rows = list(csv.DictReader(io.StringIO(_export("prisoners", "internal"))))
        assert [row["name"] for row in rows] == [person.canonical_name]
        assert rows[0]["recognised_by"].startswith("Human Rights Bureau")
        assert rows[0]["criteria"] == "a; e"
        pdf = export_to_path("prisoners", tmp_path / "list.pdf", "internal")
        text = " ".join(_pdf_text(pdf).split())
        surname = person.canonical_name.split()[-1]
        assert "Political prisoners" in text and surname in text
        set_person_sensitivity(person.pk, Sensitivity.CONFIDENTIAL)
        assert surname not in _export("prisoners", "internal")
        export_to_path("prisoners", tmp_path / "internal.pdf", "internal")
        assert surname not in _pdf_text(tmp_path / "internal.pdf")
        assert surname in _export("prisoners", "confidential")
        transaction.set_rollback(True)
