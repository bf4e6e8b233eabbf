"""A monitor's day in the system Chromium, on the demo corpus: the dashboard, a correction
in the review queue, finding the person again through search by another spelling and
seeing the corrected value and its history on the person page; then a viewer, who finds no
trace of a confidential report or of the person only it names, by list, search, address or
CSV export.

With ``CIVICWATCH_SCREENSHOTS=DIR`` the main pages are also saved there (that is how
docs/screenshots/ is made: ``CIVICWATCH_SCREENSHOTS=docs/screenshots pytest
tests/web/test_journey_browser.py``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Q
from playwright.sync_api import expect

from civicwatch.cases.levels import events_of_documents, refresh_event_columns
from civicwatch.core.vocab import ClaimKind, Role, Sensitivity
from civicwatch.services.accounts import add_user
from civicwatch.services.documents import DocumentMetadata, ingest_paths
from civicwatch.store.models import Claim, Document, Person
from tests.web.conftest import Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO = Path(__file__).resolve().parents[2] / "examples" / "reports"
REVIEWER = ("amina", "a long passphrase for amina")
VIEWER = ("dana", "a long passphrase for dana")
# named in several demo reports, once in Cyrillic
TRAVELLER = "Aigerim Tleubayeva"
TRAVELLER_IN_CYRILLIC = "Тлеубаева"


def keep(session: Session, name: str, *, full_page: bool = False) -> None:
    """Save a screenshot for the documentation when asked to (see the module docstring)."""
    folder = os.environ.get("CIVICWATCH_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        # caret="initial": hiding the caret injects a style the CSP (rightly) refuses
        path = str(Path(folder) / f"{name}.png")
        session.page.screenshot(path=path, full_page=full_page, caret="initial")


@pytest.fixture
def demo(isolated_blob_dir: Path) -> dict[str, Any]:
    ingest_paths([DEMO], DocumentMetadata(sensitivity=Sensitivity.INTERNAL))
    add_user(REVIEWER[0], Role.REVIEWER, REVIEWER[1])
    add_user(VIEWER[0], Role.VIEWER, VIEWER[1])

    # One report becomes confidential: someone it alone names must vanish for a viewer.
    def documents_naming(root: Person) -> set[int]:
        group = Claim.objects.filter(Q(person=root) | Q(person__canonical=root))
        return set(group.values_list("document_id", flat=True))

    roots = Person.objects.filter(canonical__isnull=True, live=True).order_by("pk")
    secret = next(root for root in roots if len(documents_naming(root)) == 1)
    (document_id,) = documents_naming(secret)
    document = Document.objects.get(pk=document_id)
    Document.objects.filter(pk=document.pk).update(sensitivity=Sensitivity.CONFIDENTIAL.value)
    refresh_event_columns(events_of_documents([document.pk]))
    return {"secret_person": secret, "secret_document": document}


def assert_clean(session: Session) -> None:
    assert session.foreign_requests() == []
    assert session.console_errors == []


def test_correct_then_find_the_person_by_another_spelling(
    session: Session, demo: dict[str, Any]
) -> None:
    page = session.page
    session.log_in(*REVIEWER)
    expect(page).to_have_title("Dashboard · Civicwatch")
    expect(page.locator("main")).to_contain_text(TRAVELLER)
    keep(session, "dashboard", full_page=True)

    # An outcome of the person, corrected in the review queue.
    outcome = (
        Claim.objects.filter(
            kind=ClaimKind.OUTCOME.value,
            subject__person__canonical_name__in=[TRAVELLER],
            superseded_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    if outcome is None:  # the person's own record may be a member of the merged group
        root = Person.objects.get(canonical_name=TRAVELLER, canonical__isnull=True)
        outcome = (
            Claim.objects.filter(kind=ClaimKind.OUTCOME.value, subject__person__canonical=root)
            .order_by("pk")
            .first()
        )
    assert outcome is not None
    page.goto(session.url(f"/review/?document={outcome.document_id}&kind=outcome"))
    card = page.locator(f"#claim-{outcome.pk}")
    keep(session, "review-queue")
    card.get_by_role("link", name="Correct").click()
    amount = page.locator(f"#fix-{outcome.pk}-amount")
    expect(amount).to_be_visible()
    amount.fill("30 MCI")
    page.get_by_role("button", name="Save correction").click()
    expect(page.locator(f"#claim-{outcome.pk}")).to_contain_text("Corrected.")

    # Another claim of the same document, accepted.
    other = page.locator(".claim-list .claim-card--proposed").first
    other_id = other.get_attribute("data-claim")
    other.get_by_role("button", name="Accept").click()
    expect(page.locator(f"#claim-{other_id}")).to_contain_text("Accepted by amina")

    # The document page shows what was read, highlighted.
    page.goto(session.url(f"/documents/{outcome.document_id}/"))
    expect(page.locator(".prose a.hl--person").first).to_be_visible()
    keep(session, "document")

    # Search by the Cyrillic spelling from the header; the person page has the correction.
    search = page.get_by_role("search").get_by_role("searchbox")
    search.fill(TRAVELLER_IN_CYRILLIC)
    search.press("Enter")
    expect(page).to_have_title(f"Search: {TRAVELLER_IN_CYRILLIC} · Civicwatch")
    result = page.get_by_role("link", name=TRAVELLER).first
    expect(result).to_be_visible()
    keep(session, "search")
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TRAVELLER)
    expect(page.locator("main")).to_contain_text("30 MCI")
    history = page.locator("section[aria-labelledby=history-heading]")
    expect(history).to_contain_text("30 MCI")
    expect(history).to_contain_text("amina")
    keep(session, "person", full_page=True)

    page.goto(session.url("/events/"))
    keep(session, "events")
    assert_clean(session)


def test_a_viewer_finds_no_trace_of_confidential_material(
    session: Session, demo: dict[str, Any]
) -> None:
    secret = demo["secret_person"]
    document = demo["secret_document"]
    page = session.page
    session.log_in(*VIEWER)

    page.goto(session.url("/documents/"))
    expect(page.locator("#document-results")).not_to_contain_text(document.title)
    page.goto(session.url(f"/search/?q={secret.canonical_name}"))
    expect(page.locator("main")).to_contain_text("Nothing found")
    expect(page.locator("main a", has_text=secret.canonical_name.split()[-1])).to_have_count(0)
    page.goto(session.url("/persons/"))
    expect(page.locator("main")).not_to_contain_text(secret.canonical_name)
    for address in (f"/documents/{document.pk}/", f"/persons/{secret.pk}/"):
        response = page.goto(session.url(address))
        assert response is not None and response.status == 404, address
    page.goto(session.url("/events/"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export CSV").click()
    exported = download_info.value.path().read_text(encoding="utf-8-sig")
    assert exported.count("\n") > 1
    assert secret.canonical_name not in exported
    assert document.title not in exported
    # the two 404s were asked for; nothing else went wrong and nothing left the host
    assert session.foreign_requests() == []
    assert all("404" in message for message in session.console_errors)
