"""Who and where: persons, organisations, places, legal provisions."""

from __future__ import annotations

from django.db import models

from civicwatch.core.vocab import (
    Gender,
    LegalCode,
    OrganisationKind,
    PersonRole,
    PersonStatus,
    PlaceKind,
    RegistrationStatus,
    Sensitivity,
)
from civicwatch.store.fields import vocabulary_field


class Person(models.Model):
    """An individual. Each person claim of a document starts as a Person of its own;
    identity resolution merges Persons that denote one individual (``merged_into``), so a
    merge can be undone exactly. ``canonical`` is the root of a merged group (null on the
    root itself); case-file columns (status, names) are kept on the root.
    """

    canonical_name = models.CharField(max_length=300)
    claim = models.OneToOneField(
        "store.Claim",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="person",
        help_text="The person claim this record stands for",
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="absorbed"
    )
    canonical = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    gender = vocabulary_field(Gender, default=Gender.UNKNOWN.value)
    born = models.PositiveSmallIntegerField(null=True, blank=True)
    country = models.CharField(max_length=2, blank=True)
    roles = models.JSONField(default=list, blank=True, help_text="PersonRole terms")
    notes = models.TextField(blank=True)
    sensitivity = vocabulary_field(
        Sensitivity,
        default=Sensitivity.PUBLIC.value,
        help_text="Set on every record of a merged group; covers the person's facts everywhere",
    )
    # The case file's status, derived from the timeline (on the root record only).
    status = vocabulary_field(PersonStatus, default=PersonStatus.UNKNOWN.value)
    status_as_of = models.DateField(null=True, blank=True)
    status_since = models.DateField(null=True, blank=True)
    status_source = models.ForeignKey(
        "store.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expected_release = models.DateField(null=True, blank=True)
    live = models.BooleanField(
        default=True, help_text="Has a claim that is neither rejected nor superseded"
    )
    needs_build = models.BooleanField(
        default=True, help_text="Its case file waits to be rebuilt from changed claims"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["canonical_name"]
        indexes = [
            models.Index(fields=["canonical", "live"]),
            models.Index(fields=["status"]),
            models.Index(fields=["needs_build"]),
        ]

    def __str__(self) -> str:
        return self.canonical_name

    @property
    def root_id(self) -> int:
        return self.canonical_id or self.pk

    def role_terms(self) -> list[PersonRole]:
        return [PersonRole(role) for role in self.roles]


class PersonName(models.Model):
    """A spelling under which a person appears (Latin and Cyrillic variants)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=300)
    match_key = models.CharField(max_length=300, db_index=True)
    claim = models.ForeignKey(
        "store.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="person_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    name = models.CharField(max_length=300)
    kind = vocabulary_field(OrganisationKind, default=OrganisationKind.OTHER.value)
    registration_status = vocabulary_field(
        RegistrationStatus, default=RegistrationStatus.UNKNOWN.value
    )
    claims = models.ManyToManyField("store.Claim", blank=True, related_name="organisations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationAlias(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    match_key = models.CharField(max_length=300, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="org_alias_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Affiliation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(max_length=120, blank=True, help_text="e.g. leader, journalist")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "role"], name="affiliation_unique"
            )
        ]


class Place(models.Model):
    name = models.CharField(max_length=300)
    kind = vocabulary_field(PlaceKind, default=PlaceKind.OTHER.value)
    country_code = models.CharField(max_length=2, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    claims = models.ManyToManyField("store.Claim", blank=True, related_name="places")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class LegalProvision(models.Model):
    jurisdiction = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166 country code, e.g. KZ (blank: unknown)"
    )
    code = vocabulary_field(LegalCode, max_length=8)
    article = models.CharField(max_length=20)
    part = models.CharField(max_length=20, blank=True)
    short_title = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["jurisdiction", "code", "article", "part"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "code", "article", "part"], name="provision_unique"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """Contract form: ``CC 274``, ``CAO 456-2``."""
        return f"{self.code} {self.article}" + (f"-{self.part}" if self.part else "")
