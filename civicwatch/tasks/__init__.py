"""Background work: Celery with Redis when ``CIVICWATCH_BROKER_URL`` is set, otherwise an
in-process worker (a thread inside the web process).

Both run the same functions (:mod:`civicwatch.tasks.jobs`) and are given ids only, never
paths, bytes or objects; what a job did is recorded in the database (the upload tables),
which is what the web app shows. Queue work only after the transaction that recorded it has
committed (``transaction.on_commit``), so a worker never looks for a row that is not there.
"""

from __future__ import annotations

from django.conf import settings

__all__ = ["orphaned", "queue_upload", "uses_celery"]


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


def orphaned(item_ids: list[int]) -> list[int]:
    """Of these unfinished upload items, those no worker will ever run: with the in-process
    worker, the ones this process does not know (the web process was restarted before it
    finished them). With Celery the broker keeps its queue (and a task is acknowledged only
    after it ran): none."""
    if uses_celery():
        return []
    from civicwatch.tasks import inprocess

    return [item_id for item_id in item_ids if not inprocess.knows(item_id)]
