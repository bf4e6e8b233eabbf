"""Bad input gives a clear error and leaves no file; the web page hands the file back as a
download to editors only."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.test import Client

from civicwatch.core.vocab import Role

pytestmark = pytest.mark.django_db


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


def login(role: Role) -> Client:
    from civicwatch.services.accounts import add_user

    name = f"report-{role.value}"
    add_user(name, role, "a long passphrase for reports")
    client = Client()
    client.force_login(get_user_model().objects.get(username=name))
    return client


def form(period: tuple[date, date], **changes: str) -> dict[str, str]:
    data = {
        "kind": "briefing",
        "country": "KZ",
        "date_from": period[0].isoformat(),
        "date_to": period[1].isoformat(),
        "format": "docx",
        "level": "internal",
    }
    data.update(changes)
    return data


def test_an_editor_downloads_the_report(latest_period: tuple[date, date]) -> None:
    client = login(Role.EDITOR)
    page = client.get("/reports/")
    assert page.status_code == 200
    assert b'name="country"' in page.content and b"style=" not in page.content
    response = client.post("/reports/", form(latest_period))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment;" in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.docx"')
    assert response.content.startswith(b"PK")


def test_the_page_shows_bad_input_and_sends_no_file(latest_period: tuple[date, date]) -> None:
    client = login(Role.EDITOR)
    response = client.post("/reports/", form(latest_period, country="ZZ"))
    assert response.status_code == 400
    assert b"no records about country" in response.content
    assert "Content-Disposition" not in response
    backwards = form(latest_period, date_from="2024-07-01", date_to="2024-01-01")
    assert client.post("/reports/", backwards).status_code == 400


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.VIEWER])
def test_below_editor_the_page_is_refused(role: Role, latest_period: tuple[date, date]) -> None:
    client = login(role)
    assert client.get("/reports/").status_code == 403
    assert client.post("/reports/", form(latest_period)).status_code == 403


def test_the_web_report_follows_the_level(latest_period: tuple[date, date]) -> None:
    from civicwatch.core.vocab import Sensitivity
    from civicwatch.services.persons import find_person
    from civicwatch.services.records import set_person_sensitivity

    set_person_sensitivity(find_person("Daulet Sadykuly"), Sensitivity.CONFIDENTIAL)
    client = login(Role.EDITOR)
    internal = client.post("/reports/", form(latest_period, format="html"))
    assert b"Bekzat Orazbayev" in internal.content and b"Sadykuly" not in internal.content
    confidential = client.post(
        "/reports/", form(latest_period, format="html", level="confidential")
    )
    assert b"Daulet Sadykuly" in confidential.content
