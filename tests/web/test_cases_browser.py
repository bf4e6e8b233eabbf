"""Case pages in the system Chromium: "who is held today under which article" in a few
clicks, merging two possible duplicates from the person page, and a phone-width case file
for a viewer, who never sees a confidential person.

Every test checks that no page requested another host and none logged an error (a
Content-Security-Policy violation is a console error). Screenshots go to
/tmp/civicwatch-shots/.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from civicwatch.core.vocab import Role
from civicwatch.services import persons
from civicwatch.services.accounts import add_user
from civicwatch.store.models import Person
from tests.services.test_records import reports  # noqa: F401  (the shared fixture)
from tests.web.conftest import PASSWORD, Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_clean(session: Session) -> None:
    assert session.requests, "no request was recorded"
    assert session.foreign_requests() == []
    assert session.console_errors == []


def open_people(page: Any) -> None:
    """Follow "People" in the main menu; wait until the page (and htmx) is ready."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    page.wait_for_url("**/persons/")
    page.wait_for_load_state()


def test_held_today_and_merging_duplicates_from_the_person_page(
    session: Session,
    reports: dict[str, Any],  # noqa: F811
) -> None:
    add_user("editor", Role.EDITOR, PASSWORD)
    session.log_in("editor")
    page = session.page

    # Who is held today, under which article: People, then the "Held today" filter.
    open_people(page)
    page.get_by_label("Status").select_option("held")
    results = page.locator("#person-results")
    expect(results).to_contain_text("1 person")
    expect(results.get_by_role("link", name="CC 274")).to_be_visible()
    expect(results).to_contain_text("dissemination of knowingly false information")
    assert "status=held" in page.url  # the filtered list is a link to share
    results.get_by_role("link", name="Aidos Serikbayev").click()
    expect(page.locator("#status-heading")).to_be_visible()
    expect(page.locator(".case__status")).to_contain_text("Serving prison")
    expect(page.locator(".case__status blockquote")).to_contain_text(
        "sentenced the blogger Aidos Serikbayev"
    )
    session.screenshot("case-person")

    # A possible duplicate, merged from the person page.
    open_people(page)
    page.get_by_label("Name, in any spelling").fill("Нурланов")
    expect(page.locator("#person-results")).to_contain_text("3 people")
    page.locator("#person-results").get_by_role("link", name="Askar Nurlanov").click()
    duplicates = page.locator("section", has=page.locator("#duplicates-heading"))
    expect(duplicates).to_contain_text("Nurlanov A.")
    duplicates.get_by_role("button", name="Merge Nurlanov A. into this person").click()
    expect(page.locator(".messages")).to_contain_text("Merged.")
    expect(page.locator(".merged")).to_contain_text("Nurlanov A.")
    history = page.locator(".history")
    expect(history.locator(".history__entry").first).to_contain_text("Records merged")
    expect(history.locator(".history__entry").first).to_contain_text("by editor")
    askar = persons.find_person("Askar Nurlanov")
    assert Person.objects.filter(canonical=askar, canonical_name="Nurlanov A.").exists()
    session.screenshot("case-merged")
    assert_clean(session)


def test_a_viewer_on_a_phone_reads_a_case_file_and_never_a_confidential_one(
    make_session: Any,
    reports: dict[str, Any],  # noqa: F811
) -> None:
    add_user("viewer", Role.VIEWER, PASSWORD)
    session = make_session(viewport={"width": 390, "height": 844})
    session.log_in("viewer")
    page = session.page
    person = persons.find_person("Aidos Serikbayev")
    page.goto(session.url(f"/persons/{person}/"))
    expect(page.get_by_role("heading", name="Aidos Serikbayev")).to_be_visible()
    expect(page.locator(".spellings")).not_to_contain_text("Айдос")
    expect(page.locator("main")).not_to_contain_text("Shymkent")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    session.screenshot("case-person-phone")

    hidden = persons.find_person("Marzhan Tokayeva")
    response = page.goto(session.url(f"/persons/{hidden}/"))
    assert response is not None and response.status == 404
    # The browser reports the 404 it was meant to get; nothing else went wrong.
    assert len(session.console_errors) == 1 and "404" in session.console_errors[0]
    session.console_errors.clear()
    page.goto(session.url("/persons/"))
    expect(page.locator("#person-results")).to_contain_text("4 people")
    expect(page.locator("#person-results")).not_to_contain_text("Tokayeva")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_clean(session)
