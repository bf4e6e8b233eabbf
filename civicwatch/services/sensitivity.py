"""Setting who may see a document or a person (docs/api.md, "Setting sensitivity").

A document's level decides whether a reader sees it and every claim read from it; a
person's level covers every record of the merged group, so their facts and names leave
every output made below it. After a change the events' kept visibility columns are
refreshed in the same transaction (:mod:`civicwatch.cases.levels`), and the search index
follows through its triggers. Person sensitivity is :func:`records.set_person_sensitivity`
(the case pages' function, reused here, not copied).
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from civicwatch.cases.levels import events_of_documents, refresh_event_columns
from civicwatch.core.vocab import Sensitivity
from civicwatch.errors import InvalidValueError
from civicwatch.services.records import RecordNotFound, set_person_sensitivity
from civicwatch.store.models import Document

__all__ = ["parse_level", "set_document_sensitivity", "set_person_sensitivity"]

logger = logging.getLogger(__name__)


def parse_level(text: str) -> Sensitivity:
    """A sensitivity from its value (public, internal, confidential)."""
    try:
        return Sensitivity(str(text).strip().lower())
    except ValueError:
        choices = ", ".join(level.value for level in Sensitivity)
        raise InvalidValueError(f"unknown sensitivity {text!r}; choose one of {choices}") from None


def set_document_sensitivity(document_id: int, level: Sensitivity, user: Any = None) -> bool:
    """Set a document's sensitivity; False when it already was ``level``."""
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None:
            raise RecordNotFound(f"no document with id {document_id}")
        old = document.sensitivity
        if old == level.value:
            return False
        document.sensitivity = level.value
        document.save(update_fields=["sensitivity"])
        refresh_event_columns(events_of_documents([document_id]))
    # Documents have no change table (RecordChange is about people): the log keeps who.
    logger.info(
        "document %s sensitivity %s -> %s by %s",
        document_id,
        old,
        level.value,
        getattr(user, "username", None) or "unknown",
    )
    return True
