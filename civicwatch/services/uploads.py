"""Uploads from the web app: store each file safely, queue it, ingest it in the background.

1. :func:`create_batch` writes every uploaded file's bytes to the upload folder
   (``CIVICWATCH_UPLOAD_DIR``, by SHA-256, written atomically and synced to disk) *before*
   any row exists, then records the batch and one item per file in one transaction, and
   queues the items once that transaction has committed. A file that cannot be stored
   fails the whole upload with a message (nothing is recorded that has no bytes behind it).
2. :func:`process_item` (what the background task runs, given an item id) claims the item,
   ingests its bytes with :func:`civicwatch.services.documents.ingest_bytes` (the policy
   the command line uses) and records the result: the new or existing document, or the
   same error message ``civicwatch ingest`` prints. The stored bytes are removed once
   they are in the document store; a failed file's bytes are kept so it can be retried.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from civicwatch import ingest
from civicwatch.core.vocab import Sensitivity
from civicwatch.errors import CivicwatchError, FileTooLargeError, IngestError
from civicwatch.services.documents import DocumentMetadata, ingest_bytes
from civicwatch.store.models import UploadBatch, UploadItem
from civicwatch.store.models.uploads import FINISHED_STATES, UploadState

__all__ = [
    "UploadedFile",
    "batch_progress",
    "create_batch",
    "process_item",
    "retry_item",
    "upload_path",
]

log = logging.getLogger(__name__)


class UploadedFile(Protocol):
    """What Django's uploaded files (and tests) provide."""

    name: str | None
    size: int | None

    def chunks(self, chunk_size: int | None = None) -> Iterable[bytes]: ...


@dataclass(frozen=True)
class Progress:
    total: int
    finished: int
    failed: int

    @property
    def done(self) -> bool:
        return self.finished == self.total

    @property
    def percent(self) -> int:
        return round(100 * self.finished / self.total) if self.total else 100


def upload_path(sha256: str) -> Path:
    return Path(settings.CIVICWATCH_UPLOAD_DIR) / sha256


def create_batch(
    files: Iterable[UploadedFile],
    *,
    user: Any,
    sensitivity: Sensitivity = Sensitivity.INTERNAL,
    publisher: str = "",
) -> UploadBatch:
    """Store the files' bytes, record them as a batch and queue each one for ingest."""
    staged: list[tuple[str, int, str, str]] = []  # filename, size, sha256, error
    limit = settings.CIVICWATCH_MAX_INGEST_BYTES
    for upload in files:
        filename = Path(upload.name or "upload").name[:255] or "upload"
        size = upload.size or 0
        if size > limit:
            staged.append((filename, size, "", _too_large(filename, size, limit)))
            continue
        sha256 = _stage(upload)
        staged.append((filename, size, sha256, ""))
    if not staged:
        raise IngestError("no file was uploaded")
    with transaction.atomic():
        batch = UploadBatch.objects.create(
            uploaded_by=user if getattr(user, "is_authenticated", False) else None,
            sensitivity=sensitivity.value,
            publisher=publisher.strip()[:300],
        )
        now = timezone.now()
        items = UploadItem.objects.bulk_create(
            UploadItem(
                batch=batch,
                position=position,
                filename=filename,
                size_bytes=size,
                sha256=sha256,
                state=(UploadState.FAILED if error else UploadState.QUEUED).value,
                error=error,
                finished_at=now if error else None,
            )
            for position, (filename, size, sha256, error) in enumerate(staged, start=1)
        )
        queued = [item.pk for item in items if item.state == UploadState.QUEUED.value and item.pk]
        if not all(item.pk for item in items):  # backends that return no ids from bulk_create
            queued = list(
                batch.items.filter(state=UploadState.QUEUED.value).values_list("pk", flat=True)
            )
        transaction.on_commit(lambda: _enqueue(queued))
    return batch


def process_item(item_id: int) -> None:
    """Ingest one queued upload (the background task). Safe to call twice: an item that is
    not waiting any more is left alone."""
    claimed = UploadItem.objects.filter(pk=item_id, state=UploadState.QUEUED.value).update(
        state=UploadState.RUNNING.value, started_at=timezone.now()
    )
    if not claimed:
        return
    item = UploadItem.objects.select_related("batch", "batch__uploaded_by").get(pk=item_id)
    batch = item.batch
    metadata = DocumentMetadata(
        publisher=batch.publisher, sensitivity=Sensitivity(batch.sensitivity)
    )
    try:
        data = _read_staged(item)
        try:
            document, created = ingest_bytes(data, item.filename, metadata, user=batch.uploaded_by)
        except FileTooLargeError as error:
            # worded as `civicwatch ingest` words it
            raise FileTooLargeError(f"{error} (CIVICWATCH_MAX_INGEST_MB)") from None
    except CivicwatchError as error:
        _finish(item, UploadState.FAILED, error=str(error))
        return
    except Exception as error:  # a bug: recorded on the item, not lost in a worker's log
        log.exception("upload %s (%s) failed", item.pk, item.filename)
        _finish(item, UploadState.FAILED, error=f"unexpected error ({type(error).__name__})")
        return
    _finish(item, UploadState.INGESTED if created else UploadState.PRESENT, document=document)
    _discard_staged(item.sha256)
    if created:
        from civicwatch.services import search

        search.catch_up_quietly()  # index it here, in the background, not at the next search


def retry_item(item_id: int) -> bool:
    """Queue a failed upload again (its bytes were kept). False when it cannot be retried."""
    item = UploadItem.objects.filter(pk=item_id, state=UploadState.FAILED.value).first()
    if item is None or not item.sha256 or not upload_path(item.sha256).is_file():
        return False
    with transaction.atomic():
        updated = UploadItem.objects.filter(pk=item_id, state=UploadState.FAILED.value).update(
            state=UploadState.QUEUED.value, error="", started_at=None, finished_at=None
        )
        if updated:
            transaction.on_commit(lambda: _enqueue([item_id]))
    return bool(updated)


def requeue_waiting(batch: UploadBatch) -> list[int]:
    """Queue again the unfinished items of ``batch`` that no worker will run (the web
    process, running uploads in-process, was restarted before it finished them). Returns
    their ids."""
    from civicwatch import tasks

    unfinished = list(
        batch.items.filter(
            state__in=[UploadState.QUEUED.value, UploadState.RUNNING.value]
        ).values_list("pk", flat=True)
    )
    lost = tasks.orphaned(unfinished)
    if lost:
        UploadItem.objects.filter(pk__in=lost, state=UploadState.RUNNING.value).update(
            state=UploadState.QUEUED.value, started_at=None
        )
        _enqueue(lost)
    return lost


def batch_progress(batch: UploadBatch) -> Progress:
    items = list(batch.items.values_list("state", flat=True))
    return Progress(
        total=len(items),
        finished=sum(1 for state in items if state in FINISHED_STATES),
        failed=sum(1 for state in items if state == UploadState.FAILED.value),
    )


# ---- internals -------------------------------------------------------------------------


def _enqueue(item_ids: list[int]) -> None:
    from civicwatch import tasks

    for item_id in item_ids:
        tasks.queue_upload(item_id)


def _too_large(filename: str, size: int, limit: int) -> str:
    """The message `civicwatch ingest` gives for a file above the limit (its checks, in its
    order: the file type first, then the size)."""
    try:
        ingest._reader_for(filename)
        ingest._check_size(size, limit)
    except FileTooLargeError as error:
        return f"{error} (CIVICWATCH_MAX_INGEST_MB)"
    except CivicwatchError as error:
        return str(error)
    return ""


def _stage(upload: UploadedFile) -> str:
    """Write an upload's bytes to the upload folder, atomically and synced; its SHA-256."""
    folder = Path(settings.CIVICWATCH_UPLOAD_DIR)
    digest = hashlib.sha256()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as stream:
                for chunk in upload.chunks():
                    digest.update(chunk)
                    stream.write(chunk)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, folder / digest.hexdigest())
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
    except OSError as error:
        raise IngestError(f"cannot store the uploaded file in {folder}: {error}") from None
    return digest.hexdigest()


def _read_staged(item: UploadItem) -> bytes:
    try:
        data = upload_path(item.sha256).read_bytes()
    except OSError as error:
        raise IngestError(f"the uploaded file is missing: {error.strerror}") from None
    if hashlib.sha256(data).hexdigest() != item.sha256:
        raise IngestError("the uploaded file was damaged in storage; upload it again")
    return data


def _discard_staged(sha256: str) -> None:
    """Remove stored bytes once no unfinished or failed item needs them."""
    still_needed = (
        UploadItem.objects.filter(sha256=sha256)
        .exclude(state__in=[UploadState.INGESTED.value, UploadState.PRESENT.value])
        .exists()
    )
    if not still_needed:
        with contextlib.suppress(FileNotFoundError):
            upload_path(sha256).unlink()


def _finish(item: UploadItem, state: UploadState, *, error: str = "", document: Any = None) -> None:
    item.state = state.value
    item.error = error
    item.document = document
    item.finished_at = timezone.now()
    item.save(update_fields=["state", "error", "document", "finished_at"])
