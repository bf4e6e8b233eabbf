"""The shapes the API answers with (docs/api.md). Field names follow the services'
dictionaries (``civicwatch person show --format json`` and the web pages read the same)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from civicwatch.api.base import Page
from civicwatch.core.vocab import Sensitivity

# ---- Documents and claims --------------------------------------------------------------


class DocumentRow(Schema):
    id: int
    title: str
    publisher: str
    published: date | None
    language: str
    country: str
    sensitivity: str
    source_url: str
    filename: str
    media_type: str
    sha256: str
    ingested_at: datetime


class DocumentPage(Page):
    items: list[DocumentRow]


class ReviewCount(Schema):
    state: str
    count: int


class DocumentDetail(DocumentRow):
    text: str
    word_count: int
    claims: list[ReviewCount] = Field(description="Visible live claims by review state")


class ClaimOut(Schema):
    id: int
    document: int
    document_title: str
    kind: str
    review_state: str
    summary: str
    quote: str
    span: list[int]
    value: dict[str, Any]
    machine_value: dict[str, Any] | None
    subject: int | None
    subject_name: str | None
    confidence: float | None
    origin: str
    reviewed_by: str | None
    reviewed_at: str | None
    review_note: str


class ClaimPage(Page):
    items: list[ClaimOut]


# ---- People ----------------------------------------------------------------------------


class ArticleRef(Schema):
    provision: int
    label: str
    short_title: str
    status: str


class PersonRow(Schema):
    id: int
    name: str
    other_spellings: int
    status: str
    since: date | None
    expected_release: date | None
    country: str
    sources: int
    articles: list[ArticleRef]


class PersonPage(Page):
    items: list[PersonRow]


class PersonStatusOut(Schema):
    code: str
    as_of: str | None
    since: str | None
    expected_release: str | None
    source: dict[str, Any] | None


class PersonFile(Schema):
    """A case file as the caller may see it (``civicwatch person show --format json``)."""

    id: int
    name: str
    variants: list[str]
    roles: list[str]
    gender: str
    sensitivity: str
    status: PersonStatusOut
    charges: list[dict[str, Any]]
    events: list[dict[str, Any]]
    event_count: int
    documents: list[dict[str, Any]]
    document_count: int
    conflicts: list[dict[str, Any]]
    followups: list[dict[str, Any]]
    recognitions: list[dict[str, Any]]
    possible_duplicates: list[int]
    merged_records: list[dict[str, Any]]


# ---- Events ----------------------------------------------------------------------------


class EventPerson(Schema):
    id: int
    name: str
    role: str


class EventRow(Schema):
    id: int
    type: str
    date: str | None
    place: str | None
    place_id: int | None
    summary: str
    articles: list[str]
    reports: int = Field(description="How many reports the caller may see state it")
    review_state: str
    people: list[EventPerson]


class EventPage(Page):
    items: list[EventRow]


class EventSource(Schema):
    document: int
    title: str
    published: date | None
    claim: int
    quote: str


class EventDetail(EventRow):
    sources: list[EventSource]


# ---- Provisions ------------------------------------------------------------------------


class ProvisionRow(Schema):
    id: int
    label: str
    code: str
    article: str
    part: str
    jurisdiction: str
    short_title: str
    people: int = Field(description="How many people the caller may see are charged under it")


class ProvisionPage(Page):
    items: list[ProvisionRow]


class ChargedPerson(Schema):
    person: int
    name: str
    status: str
    since: date | None
    charge_status: str
    first_date: date | None
    review_state: str
    outcomes: list[dict[str, Any]]


class ProvisionDetail(Schema):
    id: int
    label: str
    code: str
    article: str
    part: str
    jurisdiction: str
    short_title: str
    charged_count: int
    charged: list[ChargedPerson]


# ---- Search ----------------------------------------------------------------------------


class SearchHit(Schema):
    kind: str
    id: int
    title: str
    snippet: str = Field(description="HTML: matched words in <mark>, everything else escaped")


class SearchGroup(Schema):
    kind: str
    count: int
    items: list[SearchHit]


class SearchOut(Schema):
    q: str
    limit: int
    offset: int
    groups: list[SearchGroup]


# ---- Writing ---------------------------------------------------------------------------


class SensitivityIn(Schema):
    level: Sensitivity


class SensitivityOut(Schema):
    id: int
    sensitivity: str
    changed: bool


class RejectIn(Schema):
    reason: str = Field("", max_length=2000)


class CorrectIn(Schema):
    changes: dict[str, str] = Field(
        min_length=1,
        description='Fields to correct and their new values, e.g. {"amount": "5 years"}',
    )
    note: str = Field("", max_length=2000)


class MergeIn(Schema):
    absorbed: int = Field(ge=1, le=2_147_483_647, description="The record merged into this one")
