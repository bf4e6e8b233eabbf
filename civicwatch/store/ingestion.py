"""Store ingested files as Documents: original bytes by SHA-256, text, metadata.

Each file is stored in one database transaction together with its blob; a failure at any
step leaves neither a row nor an orphaned blob behind. The same bytes ingested twice are
one Document.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction

from civicwatch import ingest
from civicwatch.core.vocab import Sensitivity
from civicwatch.errors import CivicwatchError, FileTooLargeError, IngestError, UnreadableFileError
from civicwatch.store.models import Document
from civicwatch.store.models.documents import blob_path


@dataclass(frozen=True)
class DocumentMetadata:
    """What the person ingesting says about the files; overrides what the file says."""

    publisher: str = ""
    published: date | None = None
    source_url: str = ""
    title: str = ""
    sensitivity: Sensitivity = Sensitivity.INTERNAL
    country: str = ""  # ISO code; otherwise what extraction finds
    language: str = ""  # ISO 639-1 code; otherwise guessed from the text


class Status(StrEnum):
    INGESTED = "ingested"
    PRESENT = "already present"
    FAILED = "failed"


@dataclass(frozen=True)
class FileResult:
    path: Path
    status: Status
    document_id: int | None = None
    error: str = ""
    note: str = ""  # why a stored document has no claims ("no extraction for Kazakh")


@dataclass
class IngestSummary:
    results: list[FileResult] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for result in self.results if result.status is status)

    @property
    def failures(self) -> list[FileResult]:
        return [result for result in self.results if result.status is Status.FAILED]


# Called after a Document row exists and before the transaction commits; extraction
# hooks in here so that a document and its claims are stored together or not at all.
AfterCreate = Callable[[Document], object]


def ingest_paths(
    paths: Iterable[Path],
    metadata: DocumentMetadata,
    *,
    after_create: AfterCreate | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders (recursively), continuing past failures."""
    summary = IngestSummary()
    for path in ingest.iter_files(paths):
        result = ingest_file(path, metadata, after_create=after_create)
        summary.results.append(result)
        if on_result:
            on_result(result)
    return summary


def ingest_file(
    path: Path, metadata: DocumentMetadata, *, after_create: AfterCreate | None = None
) -> FileResult:
    """Ingest one file; failures are returned as results with the reason, never raised."""
    try:
        document, created = store_file(path, metadata, after_create=after_create)
    except CivicwatchError as error:
        return FileResult(path, Status.FAILED, error=str(error))
    return FileResult(path, Status.INGESTED if created else Status.PRESENT, document.pk)


def store_file(
    path: Path, metadata: DocumentMetadata, *, after_create: AfterCreate | None = None
) -> tuple[Document, bool]:
    """Read, hash and store one file. Returns the Document and whether it is new."""
    try:
        data = ingest.load_bytes(path, max_bytes=settings.CIVICWATCH_MAX_INGEST_BYTES)
    except FileTooLargeError as error:
        raise FileTooLargeError(f"{error} (CIVICWATCH_MAX_INGEST_MB)") from None
    return store_bytes(data, path.name, metadata, after_create=after_create)


def existing_document(data: bytes) -> Document | None:
    """The document already stored with these bytes, if any."""
    return Document.objects.filter(sha256=hashlib.sha256(data).hexdigest()).first()


def read_document(data: bytes, filename: str) -> ingest.ReadResult:
    """The text and metadata of a file, read outside any transaction."""
    return ingest.read_bytes(data, filename, max_bytes=settings.CIVICWATCH_MAX_INGEST_BYTES)


def store_bytes(
    data: bytes,
    filename: str,
    metadata: DocumentMetadata,
    *,
    after_create: AfterCreate | None = None,
    read: ingest.ReadResult | None = None,
    user: Any = None,
    checked: bool = False,
) -> tuple[Document, bool]:
    """Store a file's bytes and text as a Document, in one transaction with ``after_create``.

    ``read`` is the file already read (callers read and extract before the transaction
    opens, so a long extraction never holds the database's write lock); ``checked`` says
    the caller has just looked for these bytes (a racing insert is still caught).
    """
    sha256 = hashlib.sha256(data).hexdigest()
    existing = None if checked else Document.objects.filter(sha256=sha256).first()
    if existing is not None:
        return existing, False
    if read is None:
        read = read_document(data, filename)
    blob = blob_path(sha256)
    blob_created = False
    try:
        with transaction.atomic():
            blob_created = _write_blob(blob, data)
            document = Document.objects.create(
                sha256=sha256,
                filename=filename[:255],
                media_type=read.media_type,
                size_bytes=len(data),
                reader=read.reader,
                text=read.text,
                title=(metadata.title or read.title or _title_from_filename(filename))[:500],
                publisher=(metadata.publisher or read.publisher or "")[:300],
                source_url=metadata.source_url,
                published=metadata.published or read.published,
                language=(metadata.language or read.language or "")[:12],
                country=metadata.country[:2],
                sensitivity=metadata.sensitivity.value,
                ingested_by=user,
            )
            if after_create is not None:
                after_create(document)
    except IntegrityError:
        # Another process stored the same bytes between our check and our insert.
        if blob_created:
            _remove_blob(blob)
        existing = Document.objects.filter(sha256=sha256).first()
        if existing is None:
            raise
        return existing, False
    except BaseException:
        if blob_created:
            _remove_blob(blob)
        raise
    return document, True


def _write_blob(path: Path, data: bytes) -> bool:
    """Write the original bytes atomically; False when an identical blob already exists."""
    if path.exists():
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        raise IngestError(f"cannot store the original file in {path.parent}: {error}") from None
    return True


def _remove_blob(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _title_from_filename(filename: str) -> str:
    stem = Path(filename).stem.replace("_", " ").replace("-", " ").strip()
    return stem or filename


def read_original(document: Document) -> bytes:
    """The original bytes of a document, checked against its SHA-256."""
    try:
        data = document.blob_path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(
            f"original of document {document.pk} is missing: {error}"
        ) from None
    if hashlib.sha256(data).hexdigest() != document.sha256:
        raise UnreadableFileError(f"original of document {document.pk} does not match its SHA-256")
    return data
