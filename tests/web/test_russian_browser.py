"""The web app used end to end in Russian (issue 8), in the system Chromium: switch the
interface to Russian, read a Russian report with its findings highlighted, accept a claim,
find the person by the Latin spelling of an English report, see one case file with both
spellings and both sources; the language is remembered for the account in a new browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from civicwatch.core.vocab import Role
from civicwatch.services.accounts import add_user
from civicwatch.services.documents import DocumentMetadata, ingest_paths
from civicwatch.store.models import Document
from tests.web.conftest import Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO = Path(__file__).resolve().parents[2] / "examples" / "reports"
RUSSIAN = "kz-ru-bulletin-2024-02.txt"
ENGLISH = "kz-political-prisoners-2024-01.docx"
EDITOR = ("aliya", "a long passphrase for aliya")


@pytest.fixture
def reports(isolated_blob_dir: Path, tmp_path: Path) -> Document:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in (RUSSIAN, ENGLISH):
        (folder / name).write_bytes((DEMO / name).read_bytes())
    summary = ingest_paths([folder], DocumentMetadata())
    assert not summary.failures
    add_user(EDITOR[0], Role.EDITOR, EDITOR[1])
    return Document.objects.get(filename=RUSSIAN)


def test_a_monitor_works_in_russian(session: Session, make_session, reports: Document) -> None:
    page = session.page
    session.log_in(*EDITOR)
    expect(page).to_have_title("Dashboard · Civicwatch")
    page.get_by_role("button", name="Русский").click()
    expect(page).to_have_title("Обзор · Civicwatch")
    expect(page.locator("html")).to_have_attribute("lang", "ru")

    # the Russian report, its people highlighted in its own text
    page.get_by_role("link", name="Документы").first.click()
    page.get_by_role("link", name=reports.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(reports.title)
    expect(page.locator("main")).to_contain_text("Опубликовано")
    highlighted = page.locator(".prose a.hl--person")
    expect(highlighted.first).to_be_visible()
    expect(page.locator(".prose")).to_contain_text("Ерлану Жаксыбаеву")

    # a claim of it accepted in the review queue
    page.goto(session.url(f"/review/?document={reports.pk}"))
    card = page.locator(".claim-list .claim-card--proposed").first
    claim_id = card.get_attribute("data-claim")
    card.get_by_role("button", name="Принять").click()
    expect(page.locator(f"#claim-{claim_id}")).to_contain_text("Принято")

    # the person found by the Latin spelling of the English report: one case file
    search = page.get_by_role("search").get_by_role("searchbox")
    search.fill("Zhaksybayev")
    search.press("Enter")
    page.get_by_role("link", name=re.compile("Zhaksybayev|Жаксыбаев")).first.click()
    spellings = page.locator("section[aria-labelledby=names-heading]")
    expect(spellings.get_by_role("heading")).to_have_text("Написания")
    expect(spellings).to_contain_text("Ерлан Жаксыбаев")
    expect(spellings).to_contain_text("Yerlan Zhaksybayev")
    sources = page.locator("section[aria-labelledby=reports-heading]")
    expect(sources).to_contain_text(reports.title)
    expect(sources).to_contain_text(Document.objects.get(filename=ENGLISH).title)
    assert session.foreign_requests() == []
    assert session.console_errors == []

    # a new browser, English by default: the account's language wins after logging in
    again = make_session(locale="en-GB")
    again.log_in(*EDITOR)
    expect(again.page).to_have_title("Обзор · Civicwatch")
