"""Reviewing in the system Chromium: highlights on the document page open their claims,
the queue works from the keyboard, a correction keeps the machine's reading beside it and
shows up in the claim's history; the document page at phone width.

Each test checks that nothing was requested from another host and nothing was logged as an
error (a Content-Security-Policy violation is logged as one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from civicwatch.core.vocab import ClaimKind, ReviewState, Role, Sensitivity
from civicwatch.store.models import Claim, Document
from tests.web.conftest import Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIGEST = Path(__file__).resolve().parents[2] / "examples/reports/kz-monthly-digest-2024-03.txt"
PASSWORD = "a long passphrase for the reviewer"


@pytest.fixture
def digest(isolated_blob_dir: Path) -> Document:
    from civicwatch.services.accounts import add_user
    from civicwatch.services.documents import DocumentMetadata, ingest_bytes

    add_user("reviewer", Role.REVIEWER, PASSWORD)
    document, _ = ingest_bytes(
        DIGEST.read_bytes(), DIGEST.name, DocumentMetadata(sensitivity=Sensitivity.PUBLIC)
    )
    return document


def assert_clean(session: Session) -> None:
    assert session.foreign_requests() == []
    assert session.console_errors == []


def test_highlight_opens_its_claim_and_accepting_it_there(
    session: Session, digest: Document
) -> None:
    session.log_in("reviewer", PASSWORD)
    page = session.page
    page.goto(session.url(f"/documents/{digest.pk}/"))
    person = Claim.objects.get(document=digest, kind=ClaimKind.PERSON.value, quote="Tleubayev A.")
    highlight = page.locator(f'.prose a.hl--person[href="/claims/{person.pk}/"]')
    expect(highlight).to_have_count(1)
    expect(page.locator(".legend")).to_contain_text("Legal provision")
    session.screenshot("review-document")
    highlight.click()
    panel = page.locator("#claim-panel")
    card = panel.locator(f"#claim-{person.pk}")
    expect(card).to_contain_text("Tleubayev A.")
    expect(card.locator(".claim-card__sentence mark")).to_have_text("Tleubayev A.")
    assert page.url.endswith(f"/documents/{digest.pk}/")  # a panel, not a new page
    card.get_by_role("button", name="Accept").click()
    expect(panel.locator(f"#claim-{person.pk}")).to_contain_text("Accepted by reviewer")
    person.refresh_from_db()
    assert person.review_state == ReviewState.ACCEPTED.value
    panel.get_by_role("button", name="Close").click()
    expect(panel).to_be_empty()
    assert_clean(session)


def test_queue_from_the_keyboard_and_a_correction_in_place(
    session: Session, digest: Document
) -> None:
    session.log_in("reviewer", PASSWORD)
    page = session.page
    page.goto(session.url(f"/review/?document={digest.pk}&kind=outcome"))
    cards = page.locator(".claim-list .claim-card")
    first, second = cards.nth(0), cards.nth(1)
    first_id = int(first.get_attribute("data-claim") or 0)
    second_id = int(second.get_attribute("data-claim") or 0)
    expect(page.locator("#review-help")).to_contain_text("next / previous claim")

    # a accepts the current card, and the next one becomes current.
    page.keyboard.press("a")
    expect(page.locator(f"#claim-{first_id}")).to_contain_text("Accepted by reviewer")
    expect(page.locator(f"#claim-{second_id}")).to_have_class(
        "claim-card claim-card--proposed is-current"
    )
    # k goes back, j forward again; e opens the correction form on the current card.
    page.keyboard.press("k")
    expect(page.locator(f"#claim-{first_id}")).to_have_class(
        "claim-card claim-card--accepted is-decided is-current"
    )
    page.keyboard.press("j")
    page.keyboard.press("e")
    expect(page.locator(f"#fix-{second_id}-kind")).to_be_focused()  # the first field
    amount = page.locator(f"#fix-{second_id}-amount")
    machine = Claim.objects.get(pk=second_id).value.get("amount") or "—"
    amount.fill("30 MCI")
    page.get_by_role("button", name="Save correction").click()
    corrected = page.locator(f"#claim-{second_id}")
    expect(corrected).to_contain_text("Corrected.")
    expect(corrected).to_contain_text(f"30 MCI machine read: {machine}")
    session.screenshot("review-queue")

    # The claim page tells who changed what.
    page.goto(session.url(f"/claims/{second_id}/"))
    expect(page.locator(".history")).to_contain_text(f"Term or amount: {machine} → 30 MCI")
    expect(page.locator(".history")).to_contain_text("by reviewer")
    session.screenshot("claim")
    assert Claim.objects.get(pk=second_id).value["amount"] == "30 MCI"
    assert_clean(session)


def test_link_a_person_claim_through_the_search_box(session: Session, digest: Document) -> None:
    session.log_in("reviewer", PASSWORD)
    page = session.page
    page.goto(session.url(f"/review/?document={digest.pk}&kind=person"))
    claim = Claim.objects.get(document=digest, kind=ClaimKind.PERSON.value, quote="Tleubayev A.")
    card = page.locator(f"#claim-{claim.pk}")
    card.get_by_text("Which person?").click()
    card.get_by_label("Link to a person already recorded (any spelling)").fill("Садыкулы")
    choice = card.get_by_role("button", name="Link to Sadykuly D.")
    expect(choice).to_be_visible()
    choice.click()
    expect(page.locator(f"#claim-{claim.pk}")).to_contain_text("Linked to Sadykuly D.")
    expect(page.locator(f"#claim-{claim.pk}")).to_contain_text("Matched with")
    session.screenshot("review-link-person")
    assert_clean(session)


def test_document_page_at_phone_width(make_session: Any, digest: Document) -> None:
    session: Session = make_session(viewport={"width": 390, "height": 844})
    session.log_in("reviewer", PASSWORD)
    page = session.page
    page.goto(session.url(f"/documents/{digest.pk}/"))
    expect(page.locator(".prose p").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.locator(".prose a.hl--person").first.click()
    panel = page.locator("#claim-panel")
    expect(panel.locator(".claim-card")).to_have_count(1)
    box = panel.bounding_box()
    assert box is not None and box["width"] <= 390
    session.screenshot("review-document-phone")
    page.goto(session.url(f"/review/?document={digest.pk}"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    session.screenshot("review-queue-phone")
    assert_clean(session)
