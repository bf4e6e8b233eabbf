"""``review``, ``person``, ``followups``, ``prisoners`` and ``rebuild`` as a user runs them,
in-process against the test database (SQLite, and PostgreSQL in the second run)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from civicwatch.cli import cli
from tests.cli.test_ingest_command import civicwatch

pytestmark = pytest.mark.django_db

FIRST = """Kazakhstan: weekly review
Published 20 May 2024

On 14 May 2024, the Esil District Court in Astana sentenced blogger Nurlan Temirbayev to
six years in prison under article 274 of the Criminal Code. His lawyer said he would appeal.
"""

SECOND = """Kazakhstan: political prisoners update
Published 3 June 2024

Blogger Нурлан Темирбаев was moved to a penal colony in Pavlodar region. On 14 May 2024 he
had been sentenced to six years in prison under article 274 of the Criminal Code.
On 28 May 2024, activist Dana Ospanova was fined 100 MCI under article 488 of the Code of
Administrative Offences.
"""


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def fails(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code != 0, result.output
    return result.output


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    run("ingest", str(folder))
    return folder


def test_person_list_and_show(reports) -> None:
    rows = json.loads(run("person", "list", "--format", "json"))
    names = {row["name"]: row for row in rows}
    assert "Nurlan Temirbayev" in names
    temirbayev = names["Nurlan Temirbayev"]
    assert "Нурлан Темирбаев" in temirbayev["variants"]
    assert len(temirbayev["documents"]) == 2
    data = json.loads(run("person", "show", "Нурлан Темирбаев", "--format", "json"))
    assert set(data) >= {
        "id",
        "name",
        "variants",
        "status",
        "charges",
        "events",
        "documents",
        "conflicts",
        "followups",
    }
    assert set(data["status"]) >= {"code", "as_of", "source"}
    charge = data["charges"][0]
    assert set(charge) >= {"jurisdiction", "code", "article", "first_date", "sources"}
    assert (charge["jurisdiction"], charge["code"], charge["article"]) == ("KZ", "CC", "274")
    for event in data["events"]:
        assert set(event) >= {"type", "date", "summary", "sources", "review_state"}
    sentence = next(e for e in data["events"] if e["type"] == "sentence")
    assert sentence["corroboration"] == 2
    text = run("person", "show", str(data["id"]))
    assert "Timeline:" in text and "2024-05-14" in text and "[unreviewed]" in text


def test_person_show_of_an_unknown_name_fails_clearly(reports) -> None:
    assert "no person matches 'Nobody Atall'" in fails("person", "show", "Nobody Atall")


def test_review_accept_correct_reject(reports) -> None:
    claims = json.loads(run("review", "list", "--state", "proposed", "--format", "json"))
    assert claims
    outcome = next(c for c in claims if c["kind"] == "outcome" and c["value"]["kind"] == "fine")
    person = next(c for c in claims if c["kind"] == "person")
    output = run("review", "accept", str(person["id"]), "--user", "amina")
    assert "1 claims accepted" in output
    output = run(
        "review", "correct", str(outcome["id"]), "--set", "amount=150 MCI", "--user", "amina"
    )
    assert "machine proposal kept" in output
    corrected = next(
        c for c in json.loads(run("review", "list", "--format", "json")) if c["id"] == outcome["id"]
    )
    assert corrected["review_state"] == "corrected"
    assert corrected["value"]["amount"] == "150 MCI"
    assert corrected["machine_value"]["amount"] == "100 MCI"
    assert corrected["reviewed_by"] == "amina"
    other = next(c for c in claims if c["kind"] == "place")
    run("review", "reject", str(other["id"]), "--reason", "not a place of the case")
    rejected = json.loads(run("review", "list", "--state", "rejected", "--format", "json"))
    assert [c["id"] for c in rejected] == [other["id"]]
    assert rejected[0]["review_note"] == "not a place of the case"


def test_review_errors_change_nothing(reports) -> None:
    claims = json.loads(run("review", "list", "--format", "json"))
    good = claims[0]["id"]
    assert "no claim with id 999999" in fails("review", "accept", str(good), "999999")
    assert json.loads(run("review", "list", "--state", "accepted", "--format", "json")) == []
    outcome = next(c for c in claims if c["kind"] == "outcome")
    assert "has no field 'colour'" in fails(
        "review", "correct", str(outcome["id"]), "--set", "colour=red"
    )
    assert "is not a date" in fails("review", "correct", str(outcome["id"]), "--set", "date=May")
    assert "not FIELD=VALUE" in fails("review", "correct", str(outcome["id"]), "--set", "amount")
    assert "--min-confidence" in fails("review", "accept", "--document", "1")


def test_bulk_accept_above_a_confidence(reports) -> None:
    claims = json.loads(run("review", "list", "--format", "json"))
    document = claims[0]["document"]
    mine = [c for c in claims if c["document"] == document]
    output = run("review", "accept", "--document", str(document), "--min-confidence", "0.8")
    expected = [c for c in mine if c["confidence"] is not None and c["confidence"] >= 0.8]
    assert f"{len(expected)} claims accepted" in output
    accepted = json.loads(run("review", "list", "--state", "accepted", "--format", "json"))
    assert {c["id"] for c in accepted} == {c["id"] for c in expected}


def test_followups_prisoners_and_rebuild(reports) -> None:
    followups = json.loads(run("followups", "--format", "json"))
    assert any(f["kind"] == "appeal_pending" for f in followups)
    assert "Temirbayev" in run("followups")
    output = run(
        "prisoners",
        "recognise",
        "Nurlan Temirbayev",
        "--by",
        "Steppe Watch",
        "--date",
        "2024-06-01",
        "--criteria",
        "a,e",
    )
    assert "(a, e)" in output
    rows = list(csv.DictReader(io.StringIO(run("prisoners", "--format", "csv"))))
    assert [row["name"] for row in rows] == ["Nurlan Temirbayev"]
    assert rows[0]["held"] == "yes" and "CC 274" in rows[0]["articles"]
    assert "6 years" in rows[0]["sentence"]
    assert "Steppe Watch 2024-06-01 (a,e)" in rows[0]["recognised_by"]
    assert "not a PACE" in fails(
        "prisoners", "recognise", "Temirbayev", "--by", "X", "--criteria", "z"
    )
    before = run("person", "list", "--format", "json")
    assert "Rebuilt" in run("rebuild")
    assert run("person", "list", "--format", "json") == before


def test_merge_and_unmerge_from_the_command_line(reports) -> None:
    rows = {row["name"]: row["id"] for row in json.loads(run("person", "list", "--format", "json"))}
    a, b = rows["Nurlan Temirbayev"], rows["Dana Ospanova"]
    assert "merged person" in run("person", "merge", str(a), str(b), "--user", "amina")
    assert len(json.loads(run("person", "list", "--format", "json"))) == len(rows) - 1
    assert "separate again" in run("person", "unmerge", str(b))
    assert {
        r["name"]: r["id"] for r in json.loads(run("person", "list", "--format", "json"))
    } == rows
    assert "already one person" in fails("person", "merge", str(a), str(a))
    assert "kept apart" in run("person", "keep-apart", str(a), str(b))


def test_every_new_command_has_an_example_in_its_help() -> None:
    for command in (
        ["review"],
        ["review", "list"],
        ["review", "accept"],
        ["review", "reject"],
        ["review", "correct"],
        ["person"],
        ["person", "list"],
        ["person", "show"],
        ["person", "merge"],
        ["person", "unmerge"],
        ["person", "keep-apart"],
        ["followups"],
        ["prisoners"],
        ["prisoners", "recognise"],
        ["rebuild"],
    ):
        assert "Example:" in run(*command, "--help"), command


def test_a_fresh_home_from_a_real_process(tmp_path) -> None:
    """The commands work in a new data directory, as a first-time user runs them."""
    home = tmp_path / "home"
    report = tmp_path / "first.txt"
    report.write_text(FIRST, encoding="utf-8")
    assert civicwatch(home, "ingest", str(report)).returncode == 0
    shown = civicwatch(home, "person", "show", "Temirbayev", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["status"]["code"] == "serving_prison"
