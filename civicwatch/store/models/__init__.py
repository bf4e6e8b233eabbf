"""Data model v1 (DESIGN.md, "The domain model")."""

from civicwatch.store.models.claims import Claim
from civicwatch.store.models.documents import Document
from civicwatch.store.models.entities import (
    Affiliation,
    LegalProvision,
    Organisation,
    OrganisationAlias,
    Person,
    PersonName,
    Place,
)
from civicwatch.store.models.events import Charge, ChargeChange, Event, Involvement, Outcome

__all__ = [
    "Affiliation",
    "Charge",
    "ChargeChange",
    "Claim",
    "Document",
    "Event",
    "Involvement",
    "LegalProvision",
    "Organisation",
    "OrganisationAlias",
    "Outcome",
    "Person",
    "PersonName",
    "Place",
]
