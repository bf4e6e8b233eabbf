"""Uploading in the browser's forms (Django test client) with the in-process worker, the
batch page, permissions, and the document list's filters and visibility."""

from __future__ import annotations

import html as html_lib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from civicwatch.core.vocab import ReviewState, Role, Sensitivity
from civicwatch.services import accounts, uploads
from civicwatch.services.documents import DocumentMetadata, ingest_file
from civicwatch.store.models import Claim, Document, UploadBatch, UploadItem
from civicwatch.store.models.uploads import UploadState
from civicwatch.tasks import inprocess
from tests.filemakers import make_corrupt_pdf, make_pdf
from tests.web.conftest import KAZAKHSTAN_PARAGRAPH, PASSWORD, MakeDocument

pytestmark = pytest.mark.django_db(transaction=True)

UPLOAD = reverse("web:upload")
LIST = reverse("web:documents")

REPORT = (
    "Kazakhstan: activist sentenced in Almaty\n\n"
    "On 14 March 2024, a district court in Almaty sentenced the activist Marat Zhylanbayev "
    "to seven years in prison under Article 405 of the Criminal Code.\n\n"
    "Issued by the Steppe Watch monitoring group."
)


@pytest.fixture(autouse=True)
def in_process(settings: Any, tmp_path: Path) -> Iterator[Path]:
    """No broker: uploads are processed by the in-process worker; a fresh upload folder."""
    settings.CIVICWATCH_BROKER_URL = ""
    settings.CIVICWATCH_UPLOAD_DIR = tmp_path / "uploads"
    yield tmp_path / "uploads"
    inprocess.wait_idle(timeout=120)


def login_as(client: Client, role: Role, username: str | None = None) -> Client:
    name = username or role.value
    accounts.add_user(name, role, PASSWORD)
    assert client.login(username=name, password=PASSWORD)
    return client


@pytest.fixture
def editor(client: Client) -> Client:
    return login_as(client, Role.EDITOR)


def post_files(client: Client, *files: tuple[str, bytes], **fields: str) -> Any:
    data: dict[str, Any] = {"sensitivity": "internal", "publisher": "", **fields}
    data["reports"] = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(UPLOAD, data)


def finished_batch(response: Any) -> UploadBatch:
    assert response.status_code == 302, response.content.decode()[:2000]
    inprocess.wait_idle(timeout=120)
    batch = UploadBatch.objects.get()
    assert response["Location"] == reverse("web:upload-batch", args=[batch.pk])
    return batch


def test_upload_form_for_editors(editor: Client) -> None:
    page = editor.get(UPLOAD)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'enctype="multipart/form-data"' in text
    assert 'type="file" name="reports"' in text and "multiple" in text
    assert "Choose one or more reports" in text


@pytest.mark.parametrize("role", [Role.VIEWER, Role.REVIEWER])
def test_only_editors_upload(client: Client, role: Role, in_process: Path) -> None:
    login_as(client, role)
    assert client.get(UPLOAD).status_code == 403
    response = post_files(client, ("report.txt", REPORT.encode()))
    assert response.status_code == 403
    assert not UploadBatch.objects.exists()
    assert not Document.objects.exists()
    assert not in_process.exists() or not any(in_process.iterdir())


def test_upload_is_processed_in_the_background(editor: Client, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "verdict.pdf", REPORT.split("\n\n"), title="Verdict in Almaty")
    corrupt = make_corrupt_pdf(tmp_path / "broken.pdf")
    batch = finished_batch(
        post_files(
            editor,
            ("verdict.pdf", pdf.read_bytes()),
            ("broken.pdf", corrupt.read_bytes()),
            sensitivity="confidential",
        )
    )
    added, failed = batch.items.order_by("position")
    assert added.state == UploadState.INGESTED.value
    document = added.document
    assert document is not None
    assert document.sensitivity == Sensitivity.CONFIDENTIAL.value
    assert document.ingested_by is not None and document.ingested_by.username == "editor"
    assert "Zhylanbayev" in document.text
    assert Claim.objects.filter(document=document).exists()  # extracted, like the CLI
    assert document.blob_path.read_bytes() == pdf.read_bytes()
    from civicwatch.services import search
    from civicwatch.store import search_index

    assert not search_index.has_pending()  # indexed by the background task
    match = search.document_match("Zhylanbayev")
    assert match is not None
    assert Document.objects.filter(pk__in=match).get() == document
    # the failed file has the error `civicwatch ingest` prints for it
    expected = ingest_file(corrupt, DocumentMetadata()).error
    assert expected
    assert failed.state == UploadState.FAILED.value
    assert failed.error == expected
    page = editor.get(reverse("web:upload-batch", args=[batch.pk]))
    text = page.content.decode()
    assert 'href="{}"'.format(reverse("web:document", args=[document.pk])) in text
    assert html_lib.escape(expected) in text
    assert "Finished: 1 of 2 files failed." in text
    assert "hx-trigger" not in text  # finished: the page stops polling
    # the ingested file's waiting copy is gone; the failed one's is kept for a retry
    assert not uploads.upload_path(added.sha256).exists()
    assert uploads.upload_path(failed.sha256).read_bytes() == corrupt.read_bytes()


def test_progress_is_polled_until_every_file_has_finished(
    editor: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    queued: list[int] = []
    monkeypatch.setattr(inprocess, "submit_upload", queued.append)
    response = post_files(editor, ("one.txt", REPORT.encode()))
    batch = UploadBatch.objects.get()
    (item,) = batch.items.all()
    assert queued == [item.pk]  # queued by id, after the batch was committed
    # the bytes are stored before anything is processed
    assert uploads.upload_path(item.sha256).read_bytes() == REPORT.encode()
    page = editor.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "0 of 1 processed" in page
    assert UploadState.QUEUED.display in page
    uploads.process_item(item.pk)
    fragment = editor.get(reverse("web:upload-progress", args=[batch.pk])).content.decode()
    assert "hx-trigger" not in fragment
    assert "<html" not in fragment
    assert UploadState.INGESTED.display in fragment
    # running the task again does nothing
    uploads.process_item(item.pk)
    assert Document.objects.count() == 1


def test_uploads_lost_in_a_restart_are_queued_again(
    editor: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The in-process queue dies with the web process; the batch page queues what it lost
    (waiting, or cut off while processing) again."""
    monkeypatch.setattr(inprocess, "submit_upload", lambda item_id: None)  # lost at once
    response = post_files(editor, ("one.txt", REPORT.encode()), ("two.txt", b"Other text."))
    first, second = UploadBatch.objects.get().items.order_by("position")
    UploadItem.objects.filter(pk=second.pk).update(state=UploadState.RUNNING.value)
    # "restarted": a fresh worker that knows nothing. The ids it is given are run after
    # the page has answered: a worker thread writing while the page still reads the
    # in-memory test database fails with "table is locked" (a file database waits).
    queued: list[int] = []
    monkeypatch.setattr(inprocess, "submit_upload", queued.append)
    editor.get(response["Location"])
    assert sorted(queued) == sorted([first.pk, second.pk])
    for item_id in queued:
        uploads.process_item(item_id)
    states = list(UploadItem.objects.order_by("position").values_list("state", flat=True))
    assert states == [UploadState.INGESTED.value, UploadState.INGESTED.value]


def test_the_same_file_twice_is_already_present(editor: Client) -> None:
    content = REPORT.encode()
    finished_batch(post_files(editor, ("first.txt", content)))
    UploadBatch.objects.all().delete()
    batch = finished_batch(post_files(editor, ("again.txt", content)))
    (item,) = batch.items.all()
    assert item.state == UploadState.PRESENT.value
    assert item.document == Document.objects.get()
    page = editor.get(reverse("web:upload-batch", args=[batch.pk])).content.decode()
    assert UploadState.PRESENT.display in page


def test_too_large_files_fail_with_the_command_line_message(
    editor: Client, settings: Any, tmp_path: Path
) -> None:
    settings.CIVICWATCH_MAX_INGEST_BYTES = 100
    big = tmp_path / "big.txt"
    big.write_text(REPORT)
    expected = ingest_file(big, DocumentMetadata()).error
    assert "CIVICWATCH_MAX_INGEST_MB" in expected
    batch = finished_batch(post_files(editor, ("big.txt", REPORT.encode())))
    (item,) = batch.items.all()
    assert (item.state, item.error) == (UploadState.FAILED.value, expected)
    assert not Document.objects.exists()


def test_an_unsupported_file_type_fails_with_the_command_line_message(
    editor: Client, tmp_path: Path
) -> None:
    odd = tmp_path / "notes.xyz"
    odd.write_text("hello")
    expected = ingest_file(odd, DocumentMetadata()).error
    batch = finished_batch(post_files(editor, ("notes.xyz", b"hello")))
    (item,) = batch.items.all()
    assert item.error == expected


def test_a_failed_file_can_be_tried_again(editor: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    import civicwatch.services.uploads as service

    real = service.ingest_bytes

    def broken(*args: Any, **kwargs: Any) -> Any:
        from civicwatch.errors import IngestError

        raise IngestError("the database was busy")

    monkeypatch.setattr(service, "ingest_bytes", broken)
    batch = finished_batch(post_files(editor, ("report.txt", REPORT.encode())))
    (item,) = batch.items.all()
    assert item.error == "the database was busy"
    monkeypatch.setattr(service, "ingest_bytes", real)
    page = editor.get(reverse("web:upload-batch", args=[batch.pk])).content.decode()
    retry = reverse("web:upload-retry", args=[batch.pk, item.pk])
    assert f'action="{retry}"' in page
    assert editor.post(retry).status_code == 302
    inprocess.wait_idle(timeout=120)
    item.refresh_from_db()
    assert item.state == UploadState.INGESTED.value
    assert item.document is not None


def test_batch_pages_are_for_editors(client: Client, editor: Client) -> None:
    batch = finished_batch(post_files(editor, ("report.txt", REPORT.encode())))
    editor.logout()
    login_as(client, Role.VIEWER, "reader")
    assert client.get(reverse("web:upload-batch", args=[batch.pk])).status_code == 403
    assert client.get(reverse("web:upload-progress", args=[batch.pk])).status_code == 403


# ---- the document list -------------------------------------------------------------------


def test_upload_button_only_for_editors(client: Client, make_document: MakeDocument) -> None:
    make_document(title="Report")
    login_as(client, Role.VIEWER)
    assert f'href="{UPLOAD}"' not in client.get(LIST).content.decode()
    client.logout()
    login_as(client, Role.EDITOR)
    assert f'href="{UPLOAD}"' in client.get(LIST).content.decode()


def test_viewer_never_sees_a_confidential_document(
    client: Client, make_document: MakeDocument
) -> None:
    make_document(title="Open report", publisher="Open Group", country="KZ")
    secret = make_document(
        title="Secret report", publisher="Secret Source", country="TJ", language="ru",
        sensitivity=Sensitivity.CONFIDENTIAL.value,
    )  # fmt: skip
    login_as(client, Role.VIEWER)
    page = client.get(LIST).content.decode()
    assert "Open report" in page
    for hidden in ("Secret report", "Secret Source", "Tajikistan", '<option value="ru"'):
        assert hidden not in page
    assert "1 document." in page
    # not by filters or counts either
    response = client.get(LIST, {"publisher": "Secret Source"})
    assert "Secret report" not in response.content.decode()
    assert client.get(LIST, {"q": "report"}).context["paginator"].count == 1
    # nor its original file
    original = reverse("web:document-original", args=[secret.pk])
    assert client.get(original).status_code == 404
    client.logout()
    login_as(client, Role.EDITOR)
    assert "Secret report" in client.get(LIST).content.decode()
    assert client.get(original).status_code == 200


def test_filters_country_language_and_period(client: Client, make_document: MakeDocument) -> None:
    make_document(title="Almaty", country="KZ", language="en", published=date(2024, 3, 1))
    make_document(title="Dushanbe", country="TJ", language="ru", published=date(2023, 5, 1))
    make_document(title="Undated", country="KZ", language="ru", published=None)
    login_as(client, Role.VIEWER)

    def titles(**query: str) -> list[str]:
        response = client.get(LIST, query)
        return [document.title for document in response.context["documents"]]

    assert titles(country="KZ") == ["Almaty", "Undated"]
    assert titles(language="ru") == ["Dushanbe", "Undated"]
    assert titles(published_from="2024-01-01") == ["Almaty"]
    assert titles(published_to="2023-12-31") == ["Dushanbe"]
    assert titles(country="KZ", language="ru") == ["Undated"]
    page = client.get(LIST, {"country": "TJ"}).content.decode()
    assert '<option value="TJ" selected>Tajikistan</option>' in page
    assert '<td data-label="Country">Tajikistan</td>' in page
    assert '<option value="ru">Russian (ru)</option>' in page


def test_review_progress_filter(client: Client, make_document: MakeDocument) -> None:
    from civicwatch.services.documents import ingest_bytes

    waiting, _ = ingest_bytes(
        KAZAKHSTAN_PARAGRAPH.replace("X,", "Marat Zhylanbayev,").encode(),
        "waiting.txt",
        DocumentMetadata(title="Waiting"),
    )
    reviewed, _ = ingest_bytes(REPORT.encode(), "reviewed.txt", DocumentMetadata(title="Done"))
    assert Claim.objects.filter(document=waiting).exists()
    Claim.objects.filter(document=reviewed).update(review_state=ReviewState.ACCEPTED.value)
    make_document(title="Nothing found", text="The weather was fine.")
    login_as(client, Role.VIEWER)

    def titles(progress: str) -> list[str]:
        response = client.get(LIST, {"progress": progress})
        return sorted(document.title for document in response.context["documents"])

    assert titles("waiting") == ["Waiting"]
    assert titles("reviewed") == ["Done"]
    assert titles("none") == ["Nothing found"]
    page = client.get(LIST).content.decode()
    assert "All reviewed" in page and "No findings" in page and "to review" in page


def test_list_does_not_load_document_texts(client: Client, make_document: MakeDocument) -> None:
    make_document(title="Long", text="word " * 1000)
    login_as(client, Role.VIEWER)
    response = client.get(LIST)
    (document,) = response.context["documents"]
    assert "text" in document.get_deferred_fields()


def test_upload_items_record_who_uploaded(editor: Client) -> None:
    batch = finished_batch(post_files(editor, ("report.txt", REPORT.encode())))
    assert batch.uploaded_by is not None and batch.uploaded_by.username == "editor"
    assert UploadItem.objects.get().filename == "report.txt"
