"""What happened: events, who was involved, charges, outcomes, conflicts, follow-ups and
political-prisoner recognitions.

Everything here except hand-entered recognitions is *derived*: ``cases.build`` recomputes
it from the claims (and the identity decisions) and can always do so again.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from civicwatch.core.vocab import (
    ChargeStatus,
    ConflictKind,
    EventType,
    FollowupKind,
    InvolvementRole,
    PenaltyKind,
    ReviewState,
    Sensitivity,
    Unit,
)
from civicwatch.store.fields import actor_field, vocabulary_field
from civicwatch.store.models.dated import Dated


class Event(Dated):
    type = vocabulary_field(EventType)
    place = models.ForeignKey(
        "store.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    freedoms = models.JSONField(default=list, blank=True, help_text="Freedom terms")
    articles = models.JSONField(default=list, blank=True, help_text="Provision labels cited")
    summary = models.CharField(max_length=500, blank=True)
    sources = models.ManyToManyField("store.Claim", blank=True, related_name="events")
    corroboration = models.PositiveIntegerField(
        default=1, help_text="How many documents report this event"
    )
    review_state = vocabulary_field(
        ReviewState,
        default=ReviewState.PROPOSED.value,
        help_text="accepted when a reviewer accepted or corrected one of its sources",
    )
    # Who may see the event, kept by the case builder and by every change of a document's
    # or person's sensitivity (civicwatch/cases/levels.py), so that lists and counts need
    # no join through sources and people (services/access.py reads these two columns).
    source_level = vocabulary_field(
        Sensitivity,
        null=True,
        blank=True,
        help_text="The least sensitive document reporting it (null: no source)",
    )
    people_level = vocabulary_field(
        Sensitivity,
        default=Sensitivity.PUBLIC.value,
        help_text="The most sensitive person taking part",
    )
    country = models.CharField(
        max_length=2,
        blank=True,
        help_text="Its place's country, else that of the first person taking part (kept)",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date_start", "date_end", "id"]
        indexes = [
            models.Index(fields=["type", "date_start"]),
            models.Index(fields=["source_level", "people_level"]),
            # country, then type, then who may see it: a filter or count by country and
            # type is read from this index alone (the events list's two headline facets)
            models.Index(fields=["country", "type", "source_level", "people_level"]),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.date or ''}".strip()


class EventFacet(models.Model):
    """One value of one list facet of an event, kept for counting (``cases/levels.py``):
    its freedoms and cited provisions, and the roles and statuses of the people taking
    part. One row per (event, facet, value), so every facet of the events list is one
    indexed ``GROUP BY`` instead of unpacking JSON lists or joining through involvements.
    """

    # no index of its own: the unique constraint's index starts with the event
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="facet_values", db_index=False
    )
    facet = models.CharField(max_length=20, help_text="freedom, article, role or status")
    value = models.TextField(help_text="A Freedom, PersonRole or PersonStatus term, or a label")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "facet", "value"], name="eventfacet_one_row_per_value"
            )
        ]
        indexes = [models.Index(fields=["facet", "value", "event"])]

    def __str__(self) -> str:
        return f"{self.event_id} {self.facet}={self.value}"


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
    first_date = models.DateField(null=True, blank=True, help_text="Earliest date stated")
    sources = models.ManyToManyField("store.Claim", blank=True, related_name="charges")
    review_state = vocabulary_field(ReviewState, default=ReviewState.PROPOSED.value)

    class Meta:
        ordering = ["first_date", "id"]

    def __str__(self) -> str:
        return f"{self.person} — {self.provision}"


class ChargeChange(Dated):
    """One step in a charge's history: brought, reclassified, dropped."""

    charge = models.ForeignKey(Charge, on_delete=models.CASCADE, related_name="history")
    status = vocabulary_field(ChargeStatus)
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL)
    claim = models.ForeignKey("store.Claim", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["date_start", "id"]


class Outcome(Dated):
    """A penalty or measure: kind, quantity (a range when quantity_max is set) and unit."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outcomes")
    person = models.ForeignKey(
        "store.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="outcomes"
    )
    kind = vocabulary_field(PenaltyKind)
    amount = models.CharField(max_length=200, blank=True, help_text="As the contract writes it")
    quantity = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    quantity_max = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    unit = vocabulary_field(Unit, blank=True)
    sources = models.ManyToManyField("store.Claim", blank=True, related_name="outcomes")
    review_state = vocabulary_field(ReviewState, default=ReviewState.PROPOSED.value)

    class Meta:
        ordering = ["date_start", "id"]
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
        if self.amount:
            return f"{self.kind} {self.amount}"
        if self.quantity is not None:
            return f"{self.kind} {self.quantity} {self.unit}".rstrip()
        return str(self.kind)


class Conflict(models.Model):
    """Sources that disagree about one fact of a person's case, kept side by side."""

    person = models.ForeignKey("store.Person", on_delete=models.CASCADE, related_name="conflicts")
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="conflicts"
    )
    kind = vocabulary_field(ConflictKind)
    summary = models.CharField(max_length=500)
    values = models.JSONField(
        default=list, help_text="[{value, claims: [ids], documents: [ids]}] as the sources say"
    )

    class Meta:
        ordering = ["id"]


class Followup(models.Model):
    """Something a monitor must check again about a person, with its due date if known."""

    person = models.ForeignKey("store.Person", on_delete=models.CASCADE, related_name="followups")
    kind = vocabulary_field(FollowupKind)
    due = models.DateField(null=True, blank=True)
    summary = models.CharField(max_length=500)
    source = models.ForeignKey(
        "store.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["due"])]


class Recognition(models.Model):
    """A person recognised as a political prisoner: by whom, when, on which PACE Resolution
    1900 (2012) criteria, why, and on what source. Entered by a reviewer (``created_by``)
    or derived from a recognition claim (``claim``)."""

    person = models.ForeignKey(
        "store.Person", on_delete=models.CASCADE, related_name="recognitions"
    )
    recognised_by = models.CharField(max_length=300)
    organisation = models.ForeignKey(
        "store.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField(null=True, blank=True)
    criteria = models.JSONField(default=list, blank=True, help_text="PaceCriterion terms")
    reasoning = models.TextField(blank=True)
    document = models.ForeignKey(
        "store.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_url = models.URLField(max_length=2000, blank=True)
    claim = models.ForeignKey(
        "store.Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_by = actor_field()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "id"]
