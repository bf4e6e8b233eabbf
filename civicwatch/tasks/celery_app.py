"""The Celery application, used when ``CIVICWATCH_BROKER_URL`` names a Redis server.

Start a worker with ``civicwatch worker``. Messages are JSON and carry ids only; a task is
acknowledged after it ran (a worker that dies mid-ingest leaves it for the next worker),
and each worker takes one task at a time.
"""

from __future__ import annotations

from celery import Celery
from django.conf import settings

app = Celery("civicwatch")
app.conf.update(
    broker_url=settings.CIVICWATCH_BROKER_URL or None,
    task_serializer="json",
    accept_content=["json"],
    result_backend=None,
    task_ignore_result=True,
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
    timezone="UTC",
)


@app.task(name="civicwatch.ingest_upload")
def ingest_upload(item_id: int) -> None:
    from civicwatch.tasks import jobs

    jobs.ingest_upload(int(item_id))
