from __future__ import annotations

from django.db import models
from django.utils import timezone

from civicwatch.core.vocab import ClaimAction, ClaimKind, ReviewState
from civicwatch.store.fields import actor_field, vocabulary_field


class Claim(models.Model):
    """One statement taken from a document, with the characters it comes from.

    A claim is identified by (document, kind, span, subject), never by its value: a newer
    extractor that changes a value updates the proposal in place (the earlier machine value
    goes to the claim's history). ``machine_value`` is what the extractor said and is only
    ever replaced by a newer extractor; ``value`` is the current value (the machine's, or
    the reviewer's correction). A hand-entered claim has no machine value and names its
    author in ``created_by``.

    Subject claims (person, organisation, place) name someone; every other claim states
    one fact about its ``subject`` (an outcome, a charge, a follow-up, a part in an event),
    and ``context`` is the event claim a fact belongs to, when there is one.
    """

    document = models.ForeignKey("store.Document", on_delete=models.PROTECT, related_name="claims")
    kind = vocabulary_field(ClaimKind)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    subject = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="facts",
        help_text="The person, organisation or place claim this fact is about",
    )
    context = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parts",
        help_text="The event claim this fact belongs to",
    )
    local_id = models.CharField(
        max_length=12, blank=True, help_text="The extractor's id within the document (p1, o3)"
    )
    machine_value = models.JSONField(null=True, blank=True)
    value = models.JSONField()
    extractor = models.CharField(max_length=60, blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    created_by = actor_field()
    confidence = models.FloatField(null=True, blank=True)
    review_state = vocabulary_field(ReviewState, default=ReviewState.PROPOSED.value)
    reviewed_by = actor_field()
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
            models.Index(fields=["subject", "kind"]),
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

    @property
    def is_live(self) -> bool:
        """Counts in case files: proposed by the current extraction and not rejected."""
        return self.superseded_at is None and self.review_state != ReviewState.REJECTED.value


class ClaimRevision(models.Model):
    """One step in a claim's history: a newer machine value, or a reviewer's decision.

    ``value`` and ``machine_value`` are the claim's values *before* the step, so the
    whole history of a claim can be read back from its revisions and its current row.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="history")
    action = vocabulary_field(ClaimAction)
    value = models.JSONField(null=True, blank=True)
    machine_value = models.JSONField(null=True, blank=True)
    review_state = vocabulary_field(ReviewState)
    extractor_version = models.CharField(max_length=40, blank=True)
    actor = actor_field()
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["claim", "at", "id"]

    def __str__(self) -> str:
        return f"{self.action} claim {self.claim_id} at {self.at:%Y-%m-%d %H:%M}"
