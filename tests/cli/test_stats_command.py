"""``civicwatch stats`` on the known database of tests/cases/test_statistics.py
(database-heavy: also run on PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.db import transaction

from tests.cases.test_statistics import SECRET_PEOPLE, build_known_database

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def known_database(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        build_known_database()
        yield
        transaction.set_rollback(True)


def stats(*args: str) -> Any:
    from civicwatch.cli import cli

    return CliRunner().invoke(cli, ["stats", *args])


def test_json_at_each_level(known_database: None) -> None:
    public = stats("--format", "json", "--level", "public")
    assert public.exit_code == 0, public.output
    data = json.loads(public.output)
    assert data["filter"]["level"] == "public"
    assert data["events"]["total"] == 7
    assert data["assembly_penalties"]["fines"] == 2
    assert data["assembly_penalties"]["fine_totals"] == {"MCI": 200}
    assert data["assembly_penalties"]["detention_days"] == 35
    assert data["persons_held"] == {"total": 1, "by_status": {"serving_prison": 1}}
    secret = json.loads(stats("--format", "json", "--level", "confidential").output)
    assert secret["assembly_penalties"]["fine_totals"] == {"MCI": 500}
    # the default level is internal: the confidential note is not counted
    default = json.loads(stats("--format", "json").output)
    assert default["assembly_penalties"]["fines"] == 2
    for name in SECRET_PEOPLE:
        assert name not in public.output


def test_csv_with_country_and_period(known_database: None) -> None:
    result = stats(
        "--format", "csv", "--country", "KZ", "--from", "2024-03-01", "--to", "2024-03-31"
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    value = {(r["table"], r["key"], r["detail"]): r["value"] for r in rows}
    assert value[("events", "total", "")] == "4"
    assert value[("assembly_penalties", "fine_total", "MCI")] == "200"
    assert value[("assembly_penalties", "detention_days", "")] == "30"
    assert value[("events_by_month", "2024-03", "administrative_detention")] == "2"
    assert any(
        r["table"] == "provisions" and r["key"] == "CAO 488" and r["value"] == "4" for r in rows
    )


def test_table_and_chart(known_database: None, tmp_path: Path) -> None:
    out = tmp_path / "monthly.svg"
    result = stats("--level", "public", "--chart", str(out))
    assert result.exit_code == 0, result.output
    assert "Administrative penalties at assemblies" in result.output
    assert "Total days of detention" in result.output and "35" in result.output
    assert "Chuy region" in result.output
    assert out.read_text().lstrip().startswith("<?xml") and "2024-03" in out.read_text()
    assert not list(tmp_path.glob(".*.part"))


def test_bad_input_is_refused(known_database: None, tmp_path: Path) -> None:
    for args, message in (
        (["--country", "Kazakhstan"], "two-letter"),
        (["--from", "2024-31-01"], "--from"),
        (["--from", "2024-05-01", "--to", "2024-04-01"], "after it ends"),
        (["--level", "secret"], "secret"),
        (["--format", "xml"], "xml"),
        (["--chart", str(tmp_path / "chart.gif")], ".svg or .png"),
    ):
        result = stats(*args)
        assert result.exit_code != 0, args
        assert message in result.output, (args, result.output)
    assert not (tmp_path / "chart.gif").exists()
