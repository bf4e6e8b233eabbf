"""Identity across reports: lookup keys, merges (undoable) and possible duplicates."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from civicwatch.core.vocab import DecisionMethod, ProposalStatus
from civicwatch.store.fields import actor_field, vocabulary_field


class PersonKey(models.Model):
    """A blocking key of one Person record's names: candidates for a match share a key."""

    person = models.ForeignKey("store.Person", on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["key"])]
        constraints = [models.UniqueConstraint(fields=["person", "key"], name="person_key_unique")]


class PersonMerge(models.Model):
    """``absorbed`` was merged into ``survivor``: by whom, when, with what score and rule.

    Undoing sets ``undone_at``; the absorbed record's own claims go back to it exactly,
    because merging never moves claims, it only links records.
    """

    survivor = models.ForeignKey("store.Person", on_delete=models.CASCADE, related_name="+")
    absorbed = models.ForeignKey("store.Person", on_delete=models.CASCADE, related_name="merges")
    method = vocabulary_field(DecisionMethod)
    score = models.FloatField(null=True, blank=True)
    rule = models.CharField(max_length=60, blank=True)
    explanation = models.CharField(max_length=500, blank=True)
    decided_by = actor_field()
    decided_at = models.DateTimeField(default=timezone.now)
    proposals_before = models.JSONField(
        default=list,
        blank=True,
        help_text="[[proposal id, status before the merge]] of the proposals it settled",
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = actor_field()

    class Meta:
        ordering = ["decided_at", "id"]

    def __str__(self) -> str:
        return f"{self.absorbed_id} into {self.survivor_id} ({self.method}, {self.rule})"


class PossibleDuplicate(models.Model):
    """Two Person records that may be one individual, put to a reviewer.

    ``person_a`` has the lower id. The pair is of records, not of merged groups, so it
    survives merges and unmerges unchanged.
    """

    person_a = models.ForeignKey("store.Person", on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey("store.Person", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    rule = models.CharField(max_length=60)
    explanation = models.CharField(max_length=500, blank=True)
    status = vocabulary_field(ProposalStatus, default=ProposalStatus.OPEN.value)
    decided_by = actor_field()
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="duplicate_pair_unique"),
            models.CheckConstraint(
                condition=models.Q(person_a__lt=models.F("person_b")), name="duplicate_pair_ordered"
            ),
        ]
