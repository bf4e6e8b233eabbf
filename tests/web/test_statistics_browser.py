"""The statistics page in the system Chromium: the three charts load from our own URLs
(nothing blocked by the CSP, nothing fetched elsewhere), the filter form works, and the page
fits a phone. Its own module: a live-server test cannot share the module-scoped database of
tests/web/test_statistics.py."""

from __future__ import annotations

from typing import Any

import pytest

from civicwatch.core.vocab import Role
from tests.cases.test_statistics import build_known_database

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BROWSER_PASSWORD = "a long passphrase for the statistics browser test"
WIDER_THAN_PHONE = """Array.from(document.querySelectorAll('body *'))
  .filter(e => e.getBoundingClientRect().right > 391)
  .slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')"""


def test_in_the_browser_charts_load_under_the_csp(
    session: Any, make_session: Any, isolated_blob_dir: Any
) -> None:
    """The page in the system Chromium: the three charts are drawn (from our own URLs,
    nothing blocked by the CSP, nothing fetched elsewhere) after filtering by country (a
    plain form: the page has no script), and the page fits a phone."""
    from civicwatch.services.accounts import add_user

    build_known_database()
    add_user("stats-viewer", Role.VIEWER, BROWSER_PASSWORD)
    session.log_in("stats-viewer", BROWSER_PASSWORD)
    page = session.page
    page.goto(session.url("/statistics/"))
    page.get_by_label("Country").select_option("KZ")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**country=KZ*")
    page.wait_for_load_state("networkidle")
    widths = page.eval_on_selector_all(".stats-chart img", "imgs => imgs.map(i => i.naturalWidth)")
    assert len(widths) == 3 and all(width > 300 for width in widths), widths
    assert "Akmola region" in page.content()
    session.screenshot("statistics")
    assert session.foreign_requests() == []
    assert session.console_errors == []

    phone = make_session(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone.log_in("stats-viewer", BROWSER_PASSWORD)
    phone.page.goto(phone.url("/statistics/"))
    wide = phone.page.evaluate("document.documentElement.scrollWidth")
    wider = phone.page.evaluate(WIDER_THAN_PHONE)
    assert wide <= 390, f"the statistics page is {wide}px wide on a phone: {wider}"
    assert phone.console_errors == []
