"""CSV import of persons and events: errors by row and column, dry run, valid rows only,
and the imported rows as sourced records."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

EVENTS = (
    "type,date,place,country,persons,role,articles,freedoms,outcome,amount\n"
    "administrative_detention,2024-05-14,Aktobe,KZ,Serik Abenov,defendant,CAO 488-6,"
    "peaceful_assembly,admin_detention,15 days\n"
    "Administrative fine,2024-05,Uralsk,KZ,Dana Kemelova,,CAO 488-6,Peaceful assembly,fine,"
    "100 MCI\n"
)


def _write(tmp_path: Path, text: str, name: str = "events.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_events_import_as_sourced_records(tmp_path: Path) -> None:
    from civicwatch.services.exports import import_csv
    from civicwatch.store.models import Claim, Document, Event, Outcome, Person

    summary = import_csv("events", _write(tmp_path, EVENTS))
    assert summary.errors == [] and summary.written and summary.valid == 2
    document = Document.objects.get(pk=summary.document)
    assert document.media_type == "text/csv"
    names = set(Person.objects.values_list("canonical_name", flat=True))
    assert {"Serik Abenov", "Dana Kemelova"} <= names
    types = set(Event.objects.values_list("type", flat=True))
    assert {"administrative_detention", "administrative_fine"} <= types
    assert Outcome.objects.filter(kind="admin_detention", amount="15 days").exists()
    for claim in Claim.objects.filter(document=document):
        assert document.text[claim.start : claim.end] == claim.quote
        assert "\n" not in claim.quote  # one row each
    # importing the same file again writes nothing new
    again = import_csv("events", _write(tmp_path, EVENTS))
    assert again.already_imported and Document.objects.count() == 1


def test_errors_name_row_and_column_and_nothing_is_written(tmp_path: Path) -> None:
    from civicwatch.services.exports import import_csv
    from civicwatch.store.models import Document, Event

    text = EVENTS + (
        "picnic,2024-05-20,Almaty,KZ,A Person,,,,,\n"
        "arrest,2024-13-45,Almaty,KZ,B Person,,,,,\n"
        "arrest,2024-05-21,Almaty,KZ,C Person,,article 5,,,\n"
        "arrest,2024-05-22,Almaty,Kazakhstan,D Person,,,,,\n"
    )
    path = _write(tmp_path, text)
    summary = import_csv("events", path)
    found = {(error.row, error.column) for error in summary.errors}
    assert found == {(4, "type"), (5, "date"), (6, "articles"), (7, "country")}
    assert "picnic" in str(summary.errors[0]) and "row 4, column type" in str(summary.errors[0])
    assert not summary.written and Document.objects.count() == 0 and Event.objects.count() == 0
    dry = import_csv("events", path, dry_run=True)
    assert dry.valid == 2 and len(dry.errors) == 4 and Document.objects.count() == 0
    partial = import_csv("events", path, valid_only=True)
    assert partial.written and partial.valid == 2
    assert set(Event.objects.values_list("type", flat=True)) == {
        "administrative_detention",
        "administrative_fine",
    }


def test_missing_column_and_persons_file(tmp_path: Path) -> None:
    from civicwatch.services.exports import import_csv
    from civicwatch.store.models import Person

    summary = import_csv("events", _write(tmp_path, "date,place\n2024-01-01,Almaty\n"))
    assert [(e.row, e.column, e.reason) for e in summary.errors] == [
        (1, "type", "missing required column")
    ]
    persons = _write(
        tmp_path,
        "name,variants,role,country\nAigerim Tulegenova,Айгерим Тулегенова,journalist,KZ\n"
        ",,activist,KZ\n",
        "persons.csv",
    )
    result = import_csv("persons", persons)
    assert [(e.row, e.column) for e in result.errors] == [(3, "name")] and not result.written
    result = import_csv("persons", persons, valid_only=True)
    assert result.written
    person = Person.objects.get(canonical_name="Aigerim Tulegenova")
    assert "journalist" in person.roles


def test_import_command_reports_errors(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from civicwatch.cli import cli

    path = _write(tmp_path, "type,date\nmeeting,2024-01-01\n")
    result = CliRunner().invoke(cli, ["import", "events", str(path)])
    assert result.exit_code == 1
    assert "row 2, column type" in result.output and "nothing imported" in result.output
    result = CliRunner().invoke(cli, ["import", "events", str(path), "--dry-run"])
    assert result.exit_code == 1 and "0 of 1 rows valid" in result.output
