"""``civicwatch report``: the file is written whole; bad input is a clear error and leaves
no file (the report's content is tested in tests/reports)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.reports import fixtures

pytestmark = pytest.mark.django_db

# the report tests' fixtures, here so that CI runs these on PostgreSQL too
demo_database = fixtures.demo_database
latest_period = fixtures.latest_period


def run(*args: str) -> tuple[int, str]:
    from civicwatch.cli import cli

    result = CliRunner().invoke(cli, ["report", *args])
    return result.exit_code, result.output


def arguments(out: Path, period: tuple[date, date], **changes: str) -> list[str]:
    values = {
        "--kind": "update",
        "--country": "KZ",
        "--from": period[0].isoformat(),
        "--to": period[1].isoformat(),
        "--format": "md",
        "--out": str(out),
    }
    values.update(changes)
    return [item for pair in values.items() for item in pair]


def test_the_command_writes_the_file(latest_period: tuple[date, date], tmp_path: Path) -> None:
    out = tmp_path / "update.docx"
    code, output = run(*arguments(out, latest_period, **{"--format": "docx"}))
    assert code == 0, output
    assert out.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == ["update.docx"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"--country": "ZZ"}, "no records about country 'ZZ'"),
        ({"--from": "2024-07-01", "--to": "2024-01-01"}, "is after --to"),
        ({"--from": "2024-13-01"}, "--from"),
        ({"--template-dir": "/nonexistent/templates"}, "is not a folder"),
    ],
)
def test_bad_input_is_a_clear_error_and_leaves_no_file(
    latest_period: tuple[date, date], tmp_path: Path, changes: dict[str, str], message: str
) -> None:
    out = tmp_path / "update.md"
    code, output = run(*arguments(out, latest_period, **changes))
    assert code != 0
    assert message in output
    assert "Traceback" not in output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_an_unwritable_out_is_a_clear_error(
    latest_period: tuple[date, date], tmp_path: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, output = run(*arguments(folder / "update.md", latest_period))
    finally:
        folder.chmod(0o700)
    assert code != 0 and "not writable" in output
    assert list(folder.iterdir()) == []


def test_an_out_where_nothing_can_be_written_is_a_clear_error(
    latest_period: tuple[date, date],
) -> None:
    # /proc takes no new files, whoever asks (root included)
    out = Path("/proc/civicwatch-report.md")
    code, output = run(*arguments(out, latest_period))
    assert code != 0 and "--out /proc/civicwatch-report.md" in output
    assert "Traceback" not in output
    assert not out.exists()


def test_an_out_in_a_missing_folder_is_a_clear_error(
    latest_period: tuple[date, date], tmp_path: Path
) -> None:
    code, output = run(*arguments(tmp_path / "missing" / "update.md", latest_period))
    assert code != 0 and "does not exist" in output
    assert list(tmp_path.iterdir()) == []


def test_a_failing_template_leaves_no_file(
    latest_period: tuple[date, date], tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("{{ report.no_such_field }}", encoding="utf-8")
    out = tmp_path / "update.md"
    code, output = run(*arguments(out, latest_period, **{"--template-dir": str(templates)}))
    assert code != 0 and "template error" in output
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["templates"]
