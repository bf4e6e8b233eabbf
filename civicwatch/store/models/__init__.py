"""The data model (DESIGN.md, "The domain model")."""

from civicwatch.store.models.accounts import Account
from civicwatch.store.models.api import ApiToken
from civicwatch.store.models.claims import Claim, ClaimRevision
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
from civicwatch.store.models.events import (
    Charge,
    ChargeChange,
    Conflict,
    Event,
    EventFacet,
    Followup,
    Involvement,
    Outcome,
    Recognition,
)
from civicwatch.store.models.identity import PersonKey, PersonMerge, PossibleDuplicate
from civicwatch.store.models.record_history import RecordChange
from civicwatch.store.models.uploads import UploadBatch, UploadItem

__all__ = [
    "Account",
    "Affiliation",
    "ApiToken",
    "Charge",
    "ChargeChange",
    "Claim",
    "ClaimRevision",
    "Conflict",
    "Document",
    "Event",
    "EventFacet",
    "Followup",
    "Involvement",
    "LegalProvision",
    "Organisation",
    "OrganisationAlias",
    "Outcome",
    "Person",
    "PersonKey",
    "PersonMerge",
    "PersonName",
    "Place",
    "PossibleDuplicate",
    "Recognition",
    "RecordChange",
    "UploadBatch",
    "UploadItem",
]
