"""What an export made at one level may contain, as querysets (never lists of rows).

The visibility rules are those of :mod:`civicwatch.services.access`; this module only
extends them to the rows access.py does not name (members of a merged group, names,
charges, outcomes, recognitions, organisations and places), following their person, their
event or their source, so a confidential record never reaches a lower-level export.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Exists, OuterRef, Q, QuerySet

from civicwatch.core.vocab import Sensitivity
from civicwatch.errors import InvalidValueError
from civicwatch.services import access
from civicwatch.store.models import (
    Charge,
    Claim,
    Document,
    Event,
    Involvement,
    Organisation,
    Outcome,
    Person,
    Place,
    Recognition,
)

#: Rows fetched per database round trip while streaming.
CHUNK = 500


def parse_level(value: str | Sensitivity | None) -> Sensitivity:
    """``public``, ``internal`` or ``confidential`` (default internal)."""
    if value is None or value == "":
        return Sensitivity.INTERNAL
    if isinstance(value, Sensitivity):
        return value
    try:
        return Sensitivity(value.strip().lower())
    except ValueError:
        known = ", ".join(level.value for level in Sensitivity)
        raise InvalidValueError(f"unknown level {value!r}; use one of: {known}") from None


@dataclass(frozen=True)
class Scope:
    level: Sensitivity

    @cached_property
    def documents(self) -> QuerySet[Document]:
        return access.visible_documents(self.level).order_by("pk")

    @cached_property
    def claims(self) -> QuerySet[Claim]:
        return access.visible_claims(self.level).order_by("pk")

    @cached_property
    def roots(self) -> QuerySet[Person]:
        return access.visible_persons(self.level)

    @cached_property
    def persons(self) -> QuerySet[Person]:
        """Every Person row of a visible group whose own record may be shown: the root, and
        members whose claim is visible (a member read only from a hidden report stays out)."""
        roots = self.roots.values("pk")
        return (
            Person.objects.filter(sensitivity__in=access.levels(self.level))
            .filter(Q(pk__in=roots) | Q(canonical__in=roots))
            .filter(Q(canonical__isnull=True) | Q(claim__in=self.claims.values("pk")))
            .order_by("pk")
        )

    @cached_property
    def events(self) -> QuerySet[Event]:
        return access.visible_events(self.level).order_by("pk")

    @cached_property
    def organisations(self) -> QuerySet[Organisation]:
        """Organisations named in a visible claim or taking part in a visible event."""
        named = Exists(
            Organisation.claims.through.objects.filter(
                organisation=OuterRef("pk"), claim__in=self.claims.values("pk")
            )
        )
        involved = Exists(
            Involvement.objects.filter(
                organisation=OuterRef("pk"), event__in=self.events.values("pk")
            )
        )
        return Organisation.objects.filter(named | involved).order_by("pk")

    @cached_property
    def places(self) -> QuerySet[Place]:
        named = Exists(
            Place.claims.through.objects.filter(
                place=OuterRef("pk"), claim__in=self.claims.values("pk")
            )
        )
        used = Exists(self.events.filter(place=OuterRef("pk")))
        return Place.objects.filter(named | used).order_by("pk")

    @cached_property
    def involvements(self) -> QuerySet[Involvement]:
        return (
            Involvement.objects.filter(event__in=self.events.values("pk"))
            .filter(
                Q(person__in=self.persons.values("pk"))
                | Q(organisation__in=self.organisations.values("pk"))
            )
            .order_by("pk")
        )

    @cached_property
    def charges(self) -> QuerySet[Charge]:
        return Charge.objects.filter(person__in=self.roots.values("pk")).order_by("pk")

    @cached_property
    def outcomes(self) -> QuerySet[Outcome]:
        return (
            Outcome.objects.filter(event__in=self.events.values("pk"))
            .filter(Q(person__isnull=True) | Q(person__in=self.persons.values("pk")))
            .order_by("pk")
        )

    @cached_property
    def recognitions(self) -> QuerySet[Recognition]:
        """A recognition read from a hidden report is as hidden as the report."""
        return (
            Recognition.objects.filter(person__in=self.persons.values("pk"))
            .filter(Q(document__isnull=True) | Q(document__in=self.documents.values("pk")))
            .filter(Q(claim__isnull=True) | Q(claim__in=self.claims.values("pk")))
            .order_by("pk")
        )

    def visible_claim(self, field: str) -> Q:
        """True when the claim in ``field`` is empty or visible (for nulling a link)."""
        return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__in": self.claims.values("pk")})
