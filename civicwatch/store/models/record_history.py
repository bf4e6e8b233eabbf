"""Changes made by hand to a record outside its claims (a person's sensitivity), so a
record page can say who changed what and when, with the old and new values."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from civicwatch.store.fields import actor_field


class RecordChange(models.Model):
    """One hand-made change of one field of a person record: old value, new value, who,
    when. (Merges are in ``PersonMerge``, review decisions in ``ClaimRevision``.)"""

    person = models.ForeignKey(
        "store.Person", on_delete=models.CASCADE, related_name="record_changes"
    )
    field = models.CharField(max_length=60, help_text="The field changed, e.g. sensitivity")
    old_value = models.CharField(max_length=300, blank=True)
    new_value = models.CharField(max_length=300, blank=True)
    changed_by = actor_field()
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]
        indexes = [models.Index(fields=["person", "changed_at"])]

    def __str__(self) -> str:
        return f"{self.field} of person {self.person_id}: {self.old_value} -> {self.new_value}"
