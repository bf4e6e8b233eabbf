from __future__ import annotations

from django.conf import settings
from django.db import models

from civicwatch.core.vocab import ClaimKind, ReviewState
from civicwatch.store.fields import vocabulary_field


class Claim(models.Model):
    """One statement taken from a document, with the characters it comes from.

    ``machine_value`` is what the extractor said and is never edited; ``value`` is the
    current value (the machine's, or the reviewer's correction). A hand-entered claim has
    no machine value and names its author in ``created_by``.
    """

    document = models.ForeignKey("store.Document", on_delete=models.PROTECT, related_name="claims")
    kind = vocabulary_field(ClaimKind)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    machine_value = models.JSONField(null=True, blank=True)
    value = models.JSONField()
    extractor = models.CharField(max_length=60, blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confidence = models.FloatField(null=True, blank=True)
    review_state = vocabulary_field(ReviewState, default=ReviewState.PROPOSED.value)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    superseded_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when a newer extractor no longer proposes this claim",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "start", "end"]
        indexes = [
            models.Index(fields=["document", "kind"]),
            models.Index(fields=["review_state"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lte=models.F("end")), name="claim_span_ordered"
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__isnull=True)
                | models.Q(confidence__gte=0, confidence__lte=1),
                name="claim_confidence_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} [{self.start}:{self.end}] {self.quote[:60]}"

    @property
    def origin(self) -> str:
        if self.extractor:
            return f"{self.extractor} {self.extractor_version}".strip()
        return f"user:{self.created_by}" if self.created_by else "user"
