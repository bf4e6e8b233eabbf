"""The web app in the system Chromium: login, list, live search through htmx, document page.

Every test also checks that the page made no request to any host but the live server and
logged no error (a Content-Security-Policy violation shows up as a console error).
Screenshots go to /tmp/civicwatch-shots/ for a human to look at.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.store.models import Account
from tests.web.conftest import KAZAKHSTAN_PARAGRAPH, MakeDocument, Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAMAI_TEXT = (
    "Kazakhstan: civic space update, March 2023\n"
    "\n"
    "On 10 April 2023, Zhanbolat Mamai, leader of the unregistered Democratic Party, was\n"
    "handed a six-year suspended sentence under articles 272 and 274 of the Criminal Code\n"
    "for \u201cknowingly spreading false information\u201d and organising mass riots.\n"
    "\n"
    "Activists gathered outside the court in Almaty; several were detained for 15 days."
)


@pytest.fixture
def library(make_document: MakeDocument, user: Any) -> dict[str, Any]:
    # an editor: cleared for the confidential briefing
    Account.objects.create(user=user, role=Role.EDITOR.value)
    documents = {
        "astana": make_document(
            title="Kazakhstan: opposition leader sentenced in Astana",
            publisher="CIVICUS Monitor",
            published=date(2023, 11, 28),
            source_url="https://monitor.civicus.org/explore/kazakhstan/",
            sensitivity=Sensitivity.PUBLIC.value,
            text=KAZAKHSTAN_PARAGRAPH,
            ingested_by=user,
        ),
        "mamai": make_document(
            title="Kazakhstan: civic space update, March 2023",
            publisher="CIVICUS Monitor",
            published=date(2023, 3, 27),
            text=MAMAI_TEXT,
            ingested_by=user,
        ),
        "briefing": make_document(
            title="Briefing paper for the EU–Kazakhstan human-rights dialogue",
            publisher="Freedom Now coalition",
            published=date(2023, 11, 2),
            sensitivity=Sensitivity.CONFIDENTIAL.value,
            language="ru",
            text="Internal notes on detained journalists.\nNot for publication.",
        ),
    }
    for number in range(1, 6):
        make_document(
            title=f"Weekly monitoring digest no. {number}",
            publisher="Local monitors",
            published=date(2023, 9, number),
            sensitivity=Sensitivity.INTERNAL.value,
            text=f"Digest {number}: summonses and fines for bloggers.\n" * 40,
        )
    return documents


def assert_clean(session: Session) -> None:
    assert session.requests, "no request was recorded"
    assert session.foreign_requests() == []
    assert session.console_errors == []


def test_login_list_search_and_document(session: Session, library: dict[str, Any]) -> None:
    page = session.page

    # Not logged in: the login form.
    page.goto(session.url("/"))
    expect(page).to_have_title("Log in · Civicwatch")
    session.screenshot("login")

    # A wrong password is refused with a message.
    session.log_in(password="not the password")
    expect(page.get_by_role("alert")).to_contain_text("correct username and password")

    # Log in through the form: the dashboard; then the list.
    session.log_in()
    expect(page).to_have_title("Dashboard · Civicwatch")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Documents").click()
    expect(page).to_have_title("Documents · Civicwatch")
    expect(page.get_by_role("heading", name="Documents", level=1)).to_be_visible()
    rows = page.locator("#document-results tbody tr")
    expect(rows).to_have_count(8)
    expect(rows.first).to_contain_text("opposition leader sentenced in Astana")
    expect(page.locator("header")).to_contain_text("Aigerim Nurlanova")
    expect(page.locator("#result-count")).to_contain_text("8 documents.")
    session.screenshot("documents")

    # Type in the search box: htmx replaces the results in place, no page load.
    page.evaluate("window.civicwatchMarker = 'same page'")
    with page.expect_response(
        lambda response: (
            response.request.headers.get("hx-request") == "true" and "q=almaty" in response.url
        )
    ):
        page.get_by_label("Search title, publisher and text").press_sequentially("almaty", delay=40)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("civic space update, March 2023")
    expect(page.locator("#result-count")).to_contain_text("1 document matches.")
    assert page.evaluate("window.civicwatchMarker") == "same page"
    assert "q=almaty" in page.url  # the search is in the address bar, ready to bookmark
    session.screenshot("documents-search")

    # Filters update the list too.
    page.get_by_label("Search title, publisher and text").fill("")
    page.get_by_label("Sensitivity", exact=True).select_option("confidential")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Briefing paper")
    assert page.evaluate("window.civicwatchMarker") == "same page"

    # Open a document and see its text as prose: paragraphs kept, wrapped lines joined.
    page.get_by_label("Sensitivity", exact=True).select_option("")
    expect(rows).to_have_count(8)
    page.get_by_role("link", name="Kazakhstan: civic space update, March 2023").click()
    expect(page).to_have_title("Kazakhstan: civic space update, March 2023 · Civicwatch")
    text = page.locator(".prose")
    expect(text).to_contain_text("Zhanbolat Mamai")
    assert [p.inner_text() for p in text.locator("p").all()] == [
        " ".join(paragraph.split()) for paragraph in MAMAI_TEXT.split("\n\n")
    ]
    expect(page.locator(".meta")).to_contain_text(library["mamai"].sha256)
    expect(page.get_by_role("link", name="Download original")).to_be_visible()
    session.screenshot("document")

    assert_clean(session)
    # The requests really were made: the page, its stylesheet and script, the searches.
    urls = [request.url for request in session.requests]
    assert any(url.endswith("/static/civicwatch/civicwatch.css") for url in urls)
    assert any(url.endswith("/static/civicwatch/vendor/htmx.min.js") for url in urls)
    assert sum(1 for r in session.requests if r.headers.get("hx-request") == "true") >= 3


def test_document_page_loads_nothing_from_its_source(
    session: Session, library: dict[str, Any]
) -> None:
    session.log_in()
    page = session.page
    page.goto(session.url(f"/documents/{library['astana'].pk}/"))
    link = page.get_by_role("link", name="https://monitor.civicus.org/explore/kazakhstan/")
    expect(link).to_have_attribute("rel", "noreferrer noopener")
    expect(page.locator(".prose")).to_contain_text("seven years in prison")
    session.screenshot("document-with-source")
    assert_clean(session)


def test_download_original(session: Session, library: dict[str, Any]) -> None:
    session.log_in()
    page = session.page
    # (the monitor is a viewer: a confidential document's page is not found for them)
    page.goto(session.url(f"/documents/{library['astana'].pk}/"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download original").click()
    download = download_info.value
    assert download.suggested_filename == library["astana"].filename
    path = download.path()
    assert path.read_bytes() == library["astana"].text.encode()
    assert_clean(session)


def test_search_without_javascript(make_session: Any, library: dict[str, Any]) -> None:
    session: Session = make_session(java_script_enabled=False)
    session.log_in()
    session.page.goto(session.url("/documents/"))
    page = session.page
    page.get_by_label("Search title, publisher and text").fill("astana")
    page.get_by_label("Publisher", exact=True).select_option("CIVICUS Monitor")
    page.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert "q=astana" in page.url
    assert "publisher=CIVICUS+Monitor" in page.url
    rows = page.locator("#document-results tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("opposition leader sentenced in Astana")
    assert_clean(session)


def test_pagination_and_logout(session: Session, make_document: MakeDocument, user: Any) -> None:
    for day in range(1, 29):
        make_document(title=f"Update {day:02d}", published=date(2024, 2, day))
    session.log_in()
    session.page.goto(session.url("/documents/"))
    page = session.page
    expect(page.locator("#document-results tbody tr")).to_have_count(25)
    page.get_by_role("link", name="Next ›").click()
    expect(page.locator("#document-results tbody tr")).to_have_count(3)
    expect(page.locator(".pagination")).to_contain_text("Page 2 of 2")
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_title("Log in · Civicwatch")
    expect(page.get_by_role("status")).to_contain_text("You have logged out.")
    assert_clean(session)


def test_small_screen_and_empty_state(make_session: Any, user: Any) -> None:
    session: Session = make_session(viewport={"width": 390, "height": 844})
    session.log_in()
    session.page.goto(session.url("/documents/"))
    page = session.page
    expect(page.get_by_role("heading", name="No documents yet")).to_be_visible()
    expect(page.locator("code")).to_have_text("civicwatch ingest PATH…")
    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    session.screenshot("documents-empty-phone")
    assert_clean(session)


def test_phone_layout_of_list_and_document(make_session: Any, library: dict[str, Any]) -> None:
    session: Session = make_session(viewport={"width": 390, "height": 844})
    session.log_in()
    page = session.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    session.screenshot("documents-phone")
    page.goto(session.url(f"/documents/{library['astana'].pk}/"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    session.screenshot("document-phone")
    assert_clean(session)


def test_print_layout(session: Session, library: dict[str, Any]) -> None:
    session.log_in()
    page = session.page
    page.goto(session.url(f"/documents/{library['mamai'].pk}/"))
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".document__actions")).to_be_hidden()
    expect(page.locator(".prose")).to_be_visible()
    session.screenshot("document-print")
    assert_clean(session)


def test_dark_colour_scheme(make_session: Any, library: dict[str, Any]) -> None:
    session: Session = make_session(color_scheme="dark")
    session.log_in()
    session.page.goto(session.url("/documents/"))
    page = session.page
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 22, 28)"
    session.screenshot("documents-dark")
    page.goto(session.url(f"/documents/{library['astana'].pk}/"))
    session.screenshot("document-dark")
    assert_clean(session)
