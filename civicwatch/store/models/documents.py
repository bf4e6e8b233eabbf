from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models

from civicwatch.core.vocab import Sensitivity
from civicwatch.store.fields import actor_field, vocabulary_field


class Document(models.Model):
    """One ingested file: its original bytes (by SHA-256) and the text spans point into.

    ``text`` never changes after ingestion: every claim's character offsets refer to it.
    """

    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    filename = models.CharField(max_length=255)
    media_type = models.CharField(max_length=120)
    size_bytes = models.BigIntegerField()
    reader = models.CharField(max_length=40, help_text="Reader and version that made the text")
    text = models.TextField(editable=False)
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=12, blank=True)
    extraction_note = models.TextField(
        blank=True, help_text="Why nothing was extracted (no extraction pack for its language)"
    )
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO code of the country the document is about"
    )
    sensitivity = vocabulary_field(Sensitivity, default=Sensitivity.INTERNAL.value)
    cases_pending = models.BooleanField(
        default=True, help_text="Its claims changed and the case files have not caught up yet"
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    ingested_by = actor_field()

    class Meta:
        ordering = ["-published", "-ingested_at"]
        indexes = [
            models.Index(fields=["published"]),
            models.Index(fields=["publisher"]),
            models.Index(fields=["cases_pending"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def blob_path(self) -> Path:
        return blob_path(self.sha256)


def blob_path(sha256: str) -> Path:
    """Where the original bytes of a document live: content-addressed, two-level fan-out."""
    return Path(settings.CIVICWATCH_BLOB_DIR) / sha256[:2] / sha256[2:4] / sha256
