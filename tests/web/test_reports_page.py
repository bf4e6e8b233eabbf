"""The reports page (``/reports/``): editors and above download the file; bad input is
shown on the form and sends no file; the level is applied (content: tests/reports)."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from civicwatch.core.vocab import Role
from tests.reports import fixtures

pytestmark = pytest.mark.django_db

# the report tests' fixtures, here so that CI runs these on PostgreSQL too
demo_database = fixtures.demo_database
latest_period = fixtures.latest_period


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
    assert b'<option value="KZ">Kazakhstan</option>' in page.content
    assert b"style=" not in page.content
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
    assert b"ZZ is not one of the available choices" in response.content
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
