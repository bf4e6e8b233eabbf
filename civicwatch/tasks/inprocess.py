"""The in-process worker: one background thread inside the web process.

Used when no broker is configured (the laptop install). Uploads return at once and the page
follows their progress. One thread, so ingests run one after another, as with a Celery
worker of concurrency 1 (SQLite has one writer at a time anyway).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import connection

from civicwatch.tasks import jobs

log = logging.getLogger(__name__)

_lock = threading.Lock()
_executor: ThreadPoolExecutor | None = None
_known: set[int] = set()


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="civicwatch-worker")
        return _executor


def submit_upload(item_id: int) -> Future[None]:
    with _lock:
        _known.add(item_id)
    return _pool().submit(_run, item_id)


def knows(item_id: int) -> bool:
    with _lock:
        return item_id in _known


def wait_idle(timeout: float | None = None) -> None:
    """Wait until everything submitted so far has run (tests and shutdown)."""
    _pool().submit(lambda: None).result(timeout=timeout)


def _run(item_id: int) -> None:
    try:
        jobs.ingest_upload(item_id)
    except Exception:  # never let one file stop the thread; process_item records errors
        log.exception("background ingest of upload %s failed", item_id)
    finally:
        connection.close()  # this thread's own connection
        with _lock:
            _known.discard(item_id)
