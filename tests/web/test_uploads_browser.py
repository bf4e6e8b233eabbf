"""Uploading a PDF and a DOCX in the system Chromium and watching them finish (the
in-process worker; the Celery worker is tested in tests/tasks/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from civicwatch.core.vocab import Role
from civicwatch.services import accounts
from civicwatch.store.models import Document
from civicwatch.store.models.uploads import UploadState
from civicwatch.tasks import inprocess
from tests.filemakers import make_docx, make_pdf
from tests.web.conftest import PASSWORD, Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VERDICT = [
    "Kazakhstan: activist sentenced in Almaty",
    "On 14 March 2024, a district court in Almaty sentenced the activist Marat Zhylanbayev "
    "to seven years in prison under Article 405 of the Criminal Code.",
    "Issued by the Steppe Watch monitoring group.",
]
DIGEST = [
    "Tajikistan: lawyer jailed in Dushanbe",
    "On 2 July 2024, a court in Dushanbe sentenced the lawyer Khurshed Fozilov to ten years "
    "in prison under Article 307 of the Criminal Code.",
    "Published by the Pamir Rights Monitor.",
]


@pytest.fixture(autouse=True)
def in_process(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.CIVICWATCH_BROKER_URL = ""
    settings.CIVICWATCH_UPLOAD_DIR = tmp_path / "uploads"
    yield
    inprocess.wait_idle(timeout=120)


def test_upload_a_pdf_and_a_docx_and_watch_them_finish(
    session: Session, make_session: Any, tmp_path: Path
) -> None:
    accounts.add_user("editor", Role.EDITOR, PASSWORD)
    pdf = make_pdf(tmp_path / "almaty-verdict.pdf", VERDICT, title=VERDICT[0])
    docx = make_docx(tmp_path / "dushanbe-digest.docx", DIGEST[1:], title=DIGEST[0])
    page = session.page
    session.log_in("editor")

    page.goto(session.url("/documents/"))
    page.get_by_role("link", name="Upload", exact=True).click()
    expect(page.get_by_role("heading", name="Upload documents")).to_be_visible()
    session.screenshot("upload-form")
    page.get_by_label("Files").set_input_files([str(pdf), str(docx)])
    page.get_by_label("Who may see them").select_option("public")
    page.get_by_role("button", name="Upload", exact=True).click()

    # the batch page follows both files until they have finished, without a reload
    expect(page.get_by_text("Finished.")).to_be_visible(timeout=120_000)
    rows = page.locator("tr.upload-item")
    expect(rows).to_have_count(2)
    for name in ("almaty-verdict.pdf", "dushanbe-digest.docx"):
        row = page.locator(f'tr.upload-item[data-filename="{name}"]')
        expect(row.locator(".upload-state")).to_have_text(UploadState.INGESTED.display)
    assert Document.objects.count() == 2
    session.screenshot("upload-finished")

    # each result links to its new document
    page.locator('tr.upload-item[data-filename="almaty-verdict.pdf"] a').click()
    expect(page.get_by_text("Zhylanbayev").first).to_be_visible()

    # the document list shows them with the publisher each document names
    page.goto(session.url("/documents/"))
    expect(page.get_by_role("cell", name="Steppe Watch").first).to_be_visible()
    expect(page.get_by_role("cell", name="Pamir Rights Monitor").first).to_be_visible()
    page.get_by_label("Country").select_option("TJ")
    expect(page.locator("table.documents tbody tr")).to_have_count(1)
    expect(page.get_by_role("cell", name="Pamir Rights Monitor")).to_be_visible()
    session.screenshot("documents-filtered")

    # at phone width the upload form still fits the screen
    phone = make_session(viewport={"width": 390, "height": 844})
    phone.log_in("editor")
    phone.page.goto(phone.url("/documents/upload/"))
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    phone.screenshot("upload-form-phone")
    assert phone.foreign_requests() == []

    assert session.foreign_requests() == []
    assert session.console_errors == []
