"""Storing files as Documents: idempotence, metadata, rollback, failures by name."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from civicwatch.core.vocab import Sensitivity
from civicwatch.store.ingestion import (
    DocumentMetadata,
    Status,
    ingest_paths,
    read_original,
    store_file,
)
from civicwatch.store.models import Document
from tests.filemakers import make_binary, make_corrupt_pdf, make_docx, make_html, make_pdf

pytestmark = pytest.mark.django_db

REPORT = [
    "On 12 March 2024, police in Almaty detained activist Nurlan Temirbayev at a rally.",
    "A court fined him the equivalent of 150 EUR under article 488 of the Code of "
    "Administrative Offences.",
]


def blobs() -> list[Path]:
    return [p for p in Path(settings.CIVICWATCH_BLOB_DIR).rglob("*") if p.is_file()]


def test_same_bytes_are_one_document(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("Quarterly update\n\n" + "\n\n".join(REPORT), encoding="utf-8")
    copy = tmp_path / "copy-of-a.txt"
    copy.write_bytes(first.read_bytes())
    document, created = store_file(first, DocumentMetadata())
    again, created_again = store_file(copy, DocumentMetadata())
    assert created and not created_again
    assert again.pk == document.pk
    assert Document.objects.count() == 1
    assert read_original(document) == first.read_bytes()


def test_metadata_from_arguments_overrides_file(tmp_path):
    path = make_html(tmp_path / "r.html", REPORT, title="Update on Almaty", published="2024-03-20")
    from_file, _ = store_file(path, DocumentMetadata())
    assert from_file.title == "Update on Almaty"
    assert from_file.published == date(2024, 3, 20)
    assert from_file.media_type == "text/html"
    other = make_docx(tmp_path / "r.docx", REPORT, title="Docx title")
    given, _ = store_file(
        other,
        DocumentMetadata(
            publisher="KIBHR",
            published=date(2024, 4, 1),
            source_url="https://example.org/r",
            title="Given title",
            sensitivity=Sensitivity.PUBLIC,
        ),
    )
    assert (given.title, given.publisher, given.published, given.source_url, given.sensitivity) == (
        "Given title",
        "KIBHR",
        date(2024, 4, 1),
        "https://example.org/r",
        "public",
    )


def test_failure_in_the_transaction_leaves_nothing(tmp_path):
    path = make_pdf(tmp_path / "r.pdf", REPORT, title="PDF report")

    def explode(document):
        raise RuntimeError("claims could not be stored")

    with pytest.raises(RuntimeError):
        store_file(path, DocumentMetadata(), after_create=explode)
    assert Document.objects.count() == 0
    assert blobs() == []
    document, created = store_file(path, DocumentMetadata())
    assert created and document.blob_path.exists()


def test_folder_with_failures_names_them_and_keeps_going(tmp_path):
    folder = tmp_path / "reports"
    (folder / "2024").mkdir(parents=True)
    (folder / "good.md").write_text("# Update\n\n" + " ".join(REPORT), encoding="utf-8")
    make_docx(folder / "2024" / "good.docx", REPORT)
    make_corrupt_pdf(folder / "broken.pdf")
    make_binary(folder / "junk.txt")
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04 not really")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    summary = ingest_paths([folder], DocumentMetadata())
    failed = {result.path.name: result.error for result in summary.failures}
    assert set(failed) == {"broken.pdf", "junk.txt", "sheet.xlsx", "empty.txt"}
    assert all(reason for reason in failed.values())
    assert summary.count(Status.INGESTED) == 2
    assert Document.objects.count() == 2
    assert len(blobs()) == 2


def test_too_large_file_is_refused_before_reading(tmp_path, settings):
    settings.CIVICWATCH_MAX_INGEST_BYTES = 100
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    summary = ingest_paths([path], DocumentMetadata())
    assert summary.failures[0].error.startswith("the file is")
    assert "CIVICWATCH_MAX_INGEST_MB" in summary.failures[0].error
    assert Document.objects.count() == 0


def test_offsets_are_stable_across_reingestion(tmp_path):
    path = make_pdf(tmp_path / "r.pdf", REPORT)
    document, _ = store_file(path, DocumentMetadata())
    start = document.text.index("Nurlan Temirbayev")
    Document.objects.all().delete()
    for blob in blobs():
        blob.unlink()
    again, _ = store_file(path, DocumentMetadata())
    assert again.text == document.text
    assert again.text[start : start + len("Nurlan Temirbayev")] == "Nurlan Temirbayev"
