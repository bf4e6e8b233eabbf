"""Who and where: persons, organisations, places, legal provisions."""

from __future__ import annotations

from django.db import models

from civicwatch.core.vocab import (
    Gender,
    LegalCode,
    OrganisationKind,
    PersonRole,
    PlaceKind,
    RegistrationStatus,
)
from civicwatch.store.fields import vocabulary_field


class Person(models.Model):
    canonical_name = models.CharField(max_length=300)
    gender = vocabulary_field(Gender, default=Gender.UNKNOWN.value)
    roles = models.JSONField(default=list, blank=True, help_text="PersonRole terms")
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["canonical_name"]

    def __str__(self) -> str:
        return self.canonical_name

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
    jurisdiction = models.CharField(max_length=2, help_text="ISO 3166 country code, e.g. KZ")
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
