"""Documents in: ingest (read, extract, store, update case files) and re-extract.

The ingest policy lives here, once, for the CLI, the web app, background tasks and tests:

1. the file is read and hashed; bytes already stored are "already present";
2. the text is extracted **before** the write transaction opens, so a long extraction
   never holds the database lock that logins and review clicks need;
3. one transaction stores the original bytes, the Document and its claims, and marks the
   document for the case files; any failure leaves none of it behind;
4. the case files catch up (:func:`civicwatch.cases.build_pending`): after each file, or
   once per batch of files when a folder is ingested, so that a person named in fifty
   reports is resolved and rebuilt in a few bulk operations rather than fifty times.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from civicwatch import ingest
from civicwatch.cases import build_pending, mark_document
from civicwatch.core.records import ExtractionResult
from civicwatch.errors import CivicwatchError, ExtractionError, FileTooLargeError, IngestError
from civicwatch.services import search
from civicwatch.store.claims import SyncSummary, proposed_claims, sync_claims
from civicwatch.store.ingestion import (
    DocumentMetadata,
    FileResult,
    IngestSummary,
    Status,
    existing_document,
    read_document,
    store_bytes,
)
from civicwatch.store.models import Document

__all__ = [
    "DocumentMetadata",
    "FileResult",
    "IngestSummary",
    "ReextractResult",
    "Status",
    "ingest_bytes",
    "ingest_file",
    "ingest_paths",
    "reextract_documents",
]


def extract_document_text(
    text: str,
    *,
    published: Any = None,
    title: str | None = None,
    sha256: str | None = None,
    country: str = "",
    language: str = "",
) -> ExtractionResult:
    """Run the extractor; any crash is a bug in it, reported as an ExtractionError."""
    from civicwatch.extract import extract_records

    try:
        return extract_records(
            text,
            published=published,
            title=title,
            sha256=sha256,
            country=country or None,
            language=language or None,
        )
    except Exception as error:  # the extractor is pure code over text: any failure is a bug
        raise ExtractionError(
            f"extraction failed ({type(error).__name__}: {error}); "
            "ingest with --no-extract to store the document without claims"
        ) from error


def _store_claims(
    document: Document, result: ExtractionResult, *, new_document: bool = False
) -> SyncSummary:
    """Sync a document's claims with an extraction and mark its case files (a new document
    is marked from its creation)."""
    changed = []
    if not document.country and result.document.country:
        document.country = result.document.country
        changed.append("country")
    if not document.language and result.document.language:
        document.language = result.document.language
        changed.append("language")
    if document.extraction_note != (result.note or ""):
        document.extraction_note = result.note or ""
        changed.append("extraction_note")
    if changed:
        document.save(update_fields=changed)
    claims = proposed_claims(document.text, result)
    summary = sync_claims(document, result, claims, new_document=new_document)
    if not new_document:
        mark_document(document)
    return summary


def ingest_bytes(
    data: bytes,
    filename: str,
    metadata: DocumentMetadata,
    *,
    extract: bool = True,
    user: Any = None,
    build: bool = True,
) -> tuple[Document, bool]:
    """Ingest one file's bytes. Returns the Document and whether it is new.

    ``build=False`` leaves the touched case files marked for :func:`build_pending`.
    """
    existing = existing_document(data)
    if existing is not None:
        return existing, False
    read = read_document(data, filename)
    result = None
    if extract:
        result = extract_document_text(
            read.text,
            published=metadata.published or read.published,
            title=metadata.title or read.title,
            sha256=hashlib.sha256(data).hexdigest(),
            country=metadata.country,
            language=metadata.language or read.language or "",
        )
    if result is not None and not metadata.country and result.document.country:
        # the country the extractor found is stored with the new row
        metadata = replace(metadata, country=result.document.country)
    after_create = (
        (lambda document: _store_claims(document, result, new_document=True)) if result else None
    )
    stored = store_bytes(
        data, filename, metadata, after_create=after_create, read=read, user=user, checked=True
    )
    if build:
        build_pending()
    return stored


def ingest_file(
    path: Path,
    metadata: DocumentMetadata,
    *,
    extract: bool = True,
    user: Any = None,
    build: bool = True,
) -> FileResult:
    """Ingest one file; a failure is returned with its reason, never raised."""
    try:
        try:
            data = ingest.load_bytes(path, max_bytes=settings.CIVICWATCH_MAX_INGEST_BYTES)
        except FileTooLargeError as error:
            raise FileTooLargeError(f"{error} (CIVICWATCH_MAX_INGEST_MB)") from None
        document, created = ingest_bytes(
            data, path.name, metadata, extract=extract, user=user, build=build
        )
    except CivicwatchError as error:
        return FileResult(path, Status.FAILED, error=str(error))
    return FileResult(
        path,
        Status.INGESTED if created else Status.PRESENT,
        document.pk,
        note=document.extraction_note,
    )


def ingest_paths(
    paths: Iterable[Path],
    metadata: DocumentMetadata,
    *,
    extract: bool = True,
    user: Any = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders (recursively), continuing past failures."""
    summary = IngestSummary()
    for count, path in enumerate(ingest.iter_files(paths), start=1):
        result = ingest_file(path, metadata, extract=extract, user=user, build=False)
        summary.results.append(result)
        if on_result:
            on_result(result)
        if count % BUILD_EVERY == 0:
            build_pending()
    build_pending()
    search.catch_up()  # index the batch now rather than at the first search
    return summary


# Files ingested between two case-file builds when a folder is ingested. A person named in
# many reports is rebuilt from all of them each time, so builds are spaced out; people are
# resolved as the documents come in (in build_pending's first step), whatever this is.
BUILD_EVERY = 1000


@dataclass(frozen=True)
class ReextractResult:
    document: Document
    summary: SyncSummary


def reextract_documents(document_ids: list[int] | None = None) -> Iterator[ReextractResult]:
    """Re-run the current extractor on stored documents (all when ``document_ids`` is None),
    keeping every review decision. Each document is one transaction."""
    if document_ids:
        found = set(Document.objects.filter(pk__in=document_ids).values_list("pk", flat=True))
        missing = sorted(set(document_ids) - found)
        if missing:
            raise IngestError(f"no document with id {', '.join(map(str, missing))}")
    queryset = Document.objects.order_by("pk")
    if document_ids:
        queryset = queryset.filter(pk__in=document_ids)
    for document_id in list(queryset.values_list("pk", flat=True)):
        document = Document.objects.get(pk=document_id)
        result = extract_document_text(
            document.text,
            published=document.published,
            title=document.title,
            sha256=document.sha256,
            country=document.country,
            language=document.language,
        )
        with transaction.atomic():
            summary = _store_claims(document, result)
        build_pending()
        yield ReextractResult(document, summary)
