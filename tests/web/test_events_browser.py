"""The events list and the dashboard in the system Chromium: two facets applied through
htmx (the URL follows, the counts update), the CSV export of exactly that list, the page
without JavaScript, and at phone width. No request leaves the live server."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.services import events as service
from civicwatch.services.accounts import add_user
from tests.web.conftest import Session
from tests.web.test_events import PUBLIC_REPORT, SECRET_NAME, SECRET_REPORT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long passphrase for the monitor"


@pytest.fixture
def reports(isolated_blob_dir: Any) -> dict[str, Any]:
    from civicwatch.services.documents import DocumentMetadata, ingest_bytes

    public, _ = ingest_bytes(
        PUBLIC_REPORT.encode(),
        "kz-rally-2024-03.txt",
        DocumentMetadata(sensitivity=Sensitivity.PUBLIC, published=date(2024, 4, 1)),
    )
    secret, _ = ingest_bytes(
        SECRET_REPORT.encode(),
        "kz-source-note-2024-04.txt",
        DocumentMetadata(sensitivity=Sensitivity.CONFIDENTIAL, published=date(2024, 4, 10)),
    )
    add_user("editor", Role.EDITOR, PASSWORD)
    add_user("viewer", Role.VIEWER, PASSWORD)
    return {"public": public, "secret": secret}


def assert_clean(session: Session) -> None:
    assert session.requests, "no request was recorded"
    assert session.foreign_requests() == []
    assert session.console_errors == []


def test_two_facets_then_csv(session: Session, reports: dict[str, Any]) -> None:
    page = session.page
    session.log_in("editor", PASSWORD)
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    expect(page.get_by_role("heading", name="Held today")).to_be_visible()
    session.screenshot("dashboard")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", name="Events", exact=True)).to_be_visible()
    everything = service.filtered_events(service.EventFilters(), Sensitivity.CONFIDENTIAL).count()
    expect(page.locator("#events-found")).to_contain_text(f"{everything} events")

    # First facet: a freedom; htmx swaps list and facets and pushes the URL.
    page.get_by_label("Peaceful assembly").check()
    page.wait_for_url("**/events/?*freedom=peaceful_assembly*")
    one = service.EventFilters(freedom=("peaceful_assembly",))
    first = service.filtered_events(one, Sensitivity.CONFIDENTIAL).count()
    assert 0 < first < everything
    expect(page.locator("#events-found")).to_contain_text(f"{first} event")

    # Second facet: an event type (its count is what the freedom lets through).
    fines = page.locator("label[for='f-type-administrative_fine']")
    expect(fines).to_be_visible()
    fines.click()
    page.wait_for_url("**type=administrative_fine*")
    both = service.EventFilters(freedom=("peaceful_assembly",), type=("administrative_fine",))
    expected = list(
        service.filtered_events(both, Sensitivity.CONFIDENTIAL).values_list("pk", flat=True)
    )
    assert 0 < len(expected) <= first
    expect(page.locator("#events-found")).to_contain_text(f"{len(expected)} event")
    expect(page.get_by_label("Peaceful assembly")).to_be_checked()
    expect(page.locator(".chosen .chip")).to_have_count(2)
    expect(page.locator("#events-indicator")).to_have_css("opacity", "0")  # done updating
    session.screenshot("events-two-facets")

    # The URL is shareable: loading it again shows the same list.
    page.reload()
    expect(page.locator("#events-found")).to_contain_text(f"{len(expected)} event")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export CSV").click()
    download = download_info.value
    text = download.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [int(row["Event id"]) for row in rows] == expected
    assert all(row["Event type"] == "Administrative fine" for row in rows)
    assert all("Peaceful assembly" in row["Freedoms"] for row in rows)
    assert_clean(session)


WIDER_THAN_PHONE = """Array.from(document.querySelectorAll('body *'))
  .filter(e => e.getBoundingClientRect().right > 391)
  .slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')"""


def test_without_javascript_and_on_a_phone(make_session: Any, reports: dict[str, Any]) -> None:
    # Without JavaScript the form still filters (the Apply button) and the URL carries it.
    plain = make_session(java_script_enabled=False)
    plain.log_in("viewer", PASSWORD)
    plain.page.goto(plain.url("/events/"))
    plain.page.get_by_label("Peaceful assembly").check()
    plain.page.get_by_role("button", name="Apply filters").click()
    plain.page.wait_for_url("**freedom=peaceful_assembly*")
    expect(plain.page.get_by_label("Peaceful assembly")).to_be_checked()
    assert SECRET_NAME not in plain.page.content()
    assert_clean(plain)

    phone = make_session(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone.log_in("editor", PASSWORD)
    for path in ("/events/", "/"):
        phone.page.goto(phone.url(path))
        wide = phone.page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"{path} is {wide}px wide: {phone.page.evaluate(WIDER_THAN_PHONE)}"
    phone.page.goto(phone.url("/events/"))
    phone.screenshot("events-phone")
    assert_clean(phone)
