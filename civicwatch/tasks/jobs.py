"""The functions background workers run, whichever worker runs them. Arguments are ids."""

from __future__ import annotations

from django.db import close_old_connections


def ingest_upload(item_id: int) -> None:
    """Ingest one uploaded file (see :func:`civicwatch.services.uploads.process_item`)."""
    from civicwatch.services.uploads import process_item

    close_old_connections()
    try:
        process_item(item_id)
    finally:
        close_old_connections()
