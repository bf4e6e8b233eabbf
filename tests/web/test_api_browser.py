"""The API documentation in the system Chromium: Swagger UI renders the operations under
the app's Content Security Policy, and no request leaves the live server."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.conftest import Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_render_from_this_server_only(session: Session) -> None:
    session.page.goto(session.url("/api/docs"))
    expect(session.page.get_by_text("Civicwatch API").first).to_be_visible()
    expect(session.page.get_by_text("/api/persons/{pk}/sensitivity").first).to_be_visible()
    assert session.foreign_requests() == []
    assert not [error for error in session.console_errors if "Content Security" in error]
    session.screenshot("api-docs")
