"""Files uploaded in the web app and their processing: the job table the interface shows.

An :class:`UploadBatch` is what one person uploaded at once (with the sensitivity and
publisher they chose); each file is an :class:`UploadItem` whose bytes wait in the upload
folder (``CIVICWATCH_UPLOAD_DIR``, by SHA-256) until a background task has ingested them.
Tasks receive an item's id, never a path or the bytes.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from civicwatch.core.vocab import Sensitivity, Vocabulary
from civicwatch.store.fields import actor_field, vocabulary_field


class UploadState(Vocabulary):
    """Where an uploaded file is in its processing."""

    QUEUED = "queued"
    RUNNING = "running"
    INGESTED = "ingested"
    PRESENT = "present"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in {UploadState.INGESTED, UploadState.PRESENT, UploadState.FAILED}

    @property
    def display(self) -> str:
        """The translated wording shown in the web app."""
        return str(_STATE_WORDING[self])


_STATE_WORDING = {
    UploadState.QUEUED: _("Waiting"),
    UploadState.RUNNING: _("Processing"),
    UploadState.INGESTED: _("Added"),
    UploadState.PRESENT: _("Already in the collection"),
    UploadState.FAILED: _("Failed"),
}
FINISHED_STATES = [state.value for state in UploadState if state.finished]


class UploadBatch(models.Model):
    """Files one person uploaded together."""

    uploaded_by = actor_field()
    created_at = models.DateTimeField(auto_now_add=True)
    sensitivity = vocabulary_field(Sensitivity, default=Sensitivity.INTERNAL.value)
    publisher = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"upload {self.pk}"


class UploadItem(models.Model):
    """One uploaded file: its stored bytes, state and result."""

    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    filename = models.CharField(max_length=255)
    size_bytes = models.BigIntegerField()
    sha256 = models.CharField(max_length=64, blank=True)
    state = vocabulary_field(UploadState, default=UploadState.QUEUED.value)
    document = models.ForeignKey(
        "store.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "position"]
        indexes = [models.Index(fields=["state"])]

    def __str__(self) -> str:
        return self.filename

    @property
    def state_term(self) -> UploadState:
        return UploadState(self.state)
