"""Search in the system Chromium: the header's search box, a name found by another
spelling with its reason and highlight, a viewer who finds nothing of a confidential
report, and the page at phone width. No request leaves the live server."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.services.accounts import add_user
from tests.web.conftest import Session
from tests.web.test_search import ALMATY, SECRET

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long passphrase for the monitor"


@pytest.fixture
def reports(isolated_blob_dir: Any) -> None:
    from civicwatch.services.documents import DocumentMetadata, ingest_bytes

    ingest_bytes(ALMATY.encode(), "almaty.txt", DocumentMetadata(sensitivity=Sensitivity.PUBLIC))
    ingest_bytes(
        SECRET.encode(), "secret.txt", DocumentMetadata(sensitivity=Sensitivity.CONFIDENTIAL)
    )
    add_user("editor", Role.EDITOR, PASSWORD)
    add_user("viewer", Role.VIEWER, PASSWORD)


def assert_clean(session: Session) -> None:
    assert session.requests, "no request was recorded"
    assert session.foreign_requests() == []
    assert session.console_errors == []


def test_find_a_person_by_another_spelling_from_the_header(
    session: Session, make_session: Any, reports: None
) -> None:
    page = session.page
    session.log_in("editor", PASSWORD)
    box = page.get_by_role("searchbox", name="Search")
    box.fill("Жыланбаев")
    box.press("Enter")
    expect(page.get_by_role("heading", name="Search", exact=True)).to_be_visible()
    people = page.locator("#results-persons")
    expect(people.get_by_role("heading")).to_have_text("People 1")
    expect(people.get_by_role("link", name="Nurlan Zhylanbayev")).to_be_visible()
    expect(people.locator(".search-hit__why")).to_have_text("name: Нурлан Жыланбаев")
    documents = page.locator("#results-documents")
    expect(documents.locator("mark").first).to_be_visible()
    expect(
        documents.get_by_role("link", name="Kazakhstan: activist detained in Almaty")
    ).to_be_visible()
    session.screenshot("search")
    # the person's page is one click away
    href = people.get_by_role("link", name="Nurlan Zhylanbayev").get_attribute("href")
    assert href and href.startswith("/persons/")
    assert_clean(session)

    # a viewer on a phone: nothing of the confidential report, and no sideways scrolling
    phone = make_session(viewport={"width": 390, "height": 844})
    phone.log_in("viewer", PASSWORD)
    phone.page.goto(phone.url("/search/?q=Bekbolatov"))
    expect(phone.page.get_by_role("heading", name="Nothing found")).to_be_visible()
    assert "confidential interview" not in phone.page.content()
    phone.page.goto(phone.url("/search/?q=Zhylanbaev"))
    expect(phone.page.locator("#results-persons .search-hit__why")).to_have_text(
        "name: Nurlan Zhylanbayev — another spelling of your search"
    )
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    phone.screenshot("search-phone")
    assert_clean(phone)
