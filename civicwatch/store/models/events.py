"""What happened: events, who was involved, charges and outcomes."""

from __future__ import annotations

from django.db import models

from civicwatch.core.vocab import ChargeStatus, EventType, InvolvementRole, PenaltyKind, Unit
from civicwatch.store.fields import FuzzyDateField, vocabulary_field


class Event(models.Model):
    type = vocabulary_field(EventType)
    date = FuzzyDateField(null=True, blank=True)
    place = models.ForeignKey(
        "store.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    freedoms = models.JSONField(default=list, blank=True, help_text="Freedom terms")
    summary = models.CharField(max_length=500, blank=True)
    sources = models.ManyToManyField("store.Claim", blank=True, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["type", "date"])]

    def __str__(self) -> str:
        return f"{self.type} {self.date or ''}".strip()


class Involvement(models.Model):
    """Who took part in an event and how (a person or an organisation, never both)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="involvements")
    person = models.ForeignKey(
        "store.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="involvements",
    )
    organisation = models.ForeignKey(
        "store.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="involvements",
    )
    role = vocabulary_field(InvolvementRole)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False, organisation__isnull=True)
                    | models.Q(person__isnull=True, organisation__isnull=False)
                ),
                name="involvement_one_party",
            )
        ]


class Charge(models.Model):
    person = models.ForeignKey("store.Person", on_delete=models.CASCADE, related_name="charges")
    provision = models.ForeignKey(
        "store.LegalProvision", on_delete=models.PROTECT, related_name="charges"
    )
    case_reference = models.CharField(max_length=120, blank=True)
    status = vocabulary_field(ChargeStatus, default=ChargeStatus.BROUGHT.value)

    def __str__(self) -> str:
        return f"{self.person} — {self.provision}"


class ChargeChange(models.Model):
    """One step in a charge's history: brought, reclassified, dropped."""

    charge = models.ForeignKey(Charge, on_delete=models.CASCADE, related_name="history")
    status = vocabulary_field(ChargeStatus)
    date = FuzzyDateField(null=True, blank=True)
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL)
    claim = models.ForeignKey("store.Claim", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["date", "id"]


class Outcome(models.Model):
    """A penalty or measure: kind, quantity (a range when quantity_max is set) and unit."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outcomes")
    person = models.ForeignKey(
        "store.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="outcomes"
    )
    kind = vocabulary_field(PenaltyKind)
    quantity = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    quantity_max = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    unit = vocabulary_field(Unit, blank=True)
    date = FuzzyDateField(null=True, blank=True)
    claim = models.ForeignKey("store.Claim", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__isnull=True) | models.Q(quantity__gte=0),
                name="outcome_quantity_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(quantity_max__isnull=True)
                | models.Q(quantity_max__gte=models.F("quantity")),
                name="outcome_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        amount = f" {self.quantity} {self.unit}" if self.quantity is not None else ""
        return f"{self.kind}{amount}"
