"""Background work: Celery with Redis when ``CIVICWATCH_BROKER_URL`` is set, otherwise an
in-process worker (a thread inside the web process).

Both run the same functions (:mod:`civicwatch.tasks.jobs`) and are given ids only, never
paths, bytes or objects; what a job did is recorded in the database (the upload tables),
which is what the web app shows. Queue work only after the transaction that recorded it has
committed (``transaction.on_commit``), so a worker never looks for a row that is not there.
"""

from __future__ import annotations

from django.conf import settings

__all__ = ["queue_upload", "resubmit_unknown", "uses_celery"]


def uses_celery() -> bool:
    return bool(getattr(settings, "CIVICWATCH_BROKER_URL", ""))


def queue_upload(item_id: int) -> None:
    """Have the upload item ``item_id`` ingested in the background."""
    if uses_celery():
        from civicwatch.tasks.celery_app import ingest_upload

        ingest_upload.delay(item_id)
    else:
        from civicwatch.tasks import inprocess

        inprocess.submit_upload(item_id)


def resubmit_unknown(item_ids: list[int]) -> None:
    """Queue again waiting items the in-process worker does not know (the web process was
    restarted before it reached them). With Celery, the broker keeps its queue: nothing to do."""
    if uses_celery():
        return
    from civicwatch.tasks import inprocess

    for item_id in item_ids:
        if not inprocess.knows(item_id):
            inprocess.submit_upload(item_id)
