"""Events (filtered as on the events page), legal provisions, search."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from civicwatch.api.base import Id, Paging, PagingQuery, clearance, known_query, page, responses
from civicwatch.api.schemas import (
    EventDetail,
    EventPage,
    ProvisionDetail,
    ProvisionPage,
    SearchOut,
)
from civicwatch.core.vocab import EventType, Freedom, PersonRole, PersonStatus, ReviewState
from civicwatch.errors import InvalidValueError
from civicwatch.services import access, records
from civicwatch.services.events import EventFilters, filtered_events
from civicwatch.services.records import RecordNotFound

router = Router(tags=["events"])
provisions = Router(tags=["provisions"])
search_router = Router(tags=["search"])


DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class EventQuery(Schema):
    type: list[EventType] = Field(default_factory=list)
    freedom: list[Freedom] = Field(default_factory=list)
    article: list[str] = Field(default_factory=list, description='e.g. "CC 274"')
    country: list[str] = Field(default_factory=list, description="ISO 3166 alpha-2")
    role: list[PersonRole] = Field(default_factory=list)
    status: list[PersonStatus] = Field(default_factory=list)
    review: list[ReviewState] = Field(default_factory=list)
    # Written dates only: pydantic would also read "0" as a timestamp (1 January 1970).
    date_from: str | None = Field(
        None,
        alias="from",
        pattern=DAY,
        json_schema_extra={"format": "date"},
        description="On or after (YYYY-MM-DD)",
    )
    date_to: str | None = Field(
        None,
        alias="to",
        pattern=DAY,
        json_schema_extra={"format": "date"},
        description="On or before (YYYY-MM-DD)",
    )


def _day(text: str | None, name: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(f"{name}: {text!r} is not a date (YYYY-MM-DD)") from None


def _filters(query: EventQuery) -> EventFilters:
    return EventFilters(
        type=tuple(t.value for t in query.type),
        freedom=tuple(f.value for f in query.freedom),
        article=tuple(a.strip()[:40] for a in query.article if a.strip())[:20],
        country=tuple(c.upper() for c in query.country if len(c) == 2 and c.isalpha()),
        role=tuple(r.value for r in query.role),
        status=tuple(s.value for s in query.status),
        review=tuple(r.value for r in query.review),
        date_from=_day(query.date_from, "from"),
        date_to=_day(query.date_to, "to"),
    )


def _rows(request: HttpRequest, events: list[Any]) -> list[dict[str, Any]]:
    rows = records.event_rows(events, clearance(request))
    for row in rows:
        row.pop("date_start", None)
    return rows


@router.get("/events", response=responses(EventPage, 400, 401, 422))
def list_events(
    request: HttpRequest, paging: PagingQuery, filters: Query[EventQuery]
) -> dict[str, Any]:
    """Events the caller may see, newest first (undated last), filtered as on the events
    page: several values of one filter are alternatives, filters combine."""
    known_query(request, Paging, EventQuery)
    queryset = filtered_events(_filters(filters), clearance(request)).select_related("place")
    events = list(queryset[paging.offset : paging.offset + paging.limit])
    return page(_rows(request, events), queryset.count(), paging)


@router.get("/events/{pk}", response=responses(EventDetail, 401, 404, 422))
def get_event(request: HttpRequest, pk: Id) -> dict[str, Any]:
    """An event with the people taking part and the report sentences that state it."""
    known_query(request)
    seen = clearance(request)
    event = access.visible_events(seen).select_related("place").filter(pk=pk).first()
    if event is None:
        raise RecordNotFound(f"no event with id {pk}")
    (row,) = _rows(request, [event])
    claims = (
        access.visible_claims(seen)
        .filter(events=event)
        .select_related("document")
        .defer("document__text")
        .order_by("document__published", "document_id", "start", "pk")
    )
    row["sources"] = [
        {
            "document": claim.document_id,
            "title": claim.document.title,
            "published": claim.document.published,
            "claim": claim.pk,
            "quote": claim.quote,
        }
        for claim in claims
    ]
    return row


# ---- Legal provisions ------------------------------------------------------------------


@provisions.get("/provisions", response=responses(ProvisionPage, 401, 422))
def list_provisions(request: HttpRequest, paging: PagingQuery) -> dict[str, Any]:
    """Legal provisions people the caller may see are charged under, most used first."""
    known_query(request, Paging)
    rows, total = records.provision_list(
        clearance(request), offset=paging.offset, limit=paging.limit
    )
    return page(rows, total, paging)


@provisions.get("/provisions/{pk}", response=responses(ProvisionDetail, 401, 404, 422))
def get_provision(request: HttpRequest, pk: Id, paging: PagingQuery) -> dict[str, Any]:
    """A provision and the people charged under it (a page of them), with outcomes."""
    known_query(request, Paging)
    found = records.provision_page(pk, clearance(request), offset=paging.offset, limit=paging.limit)
    provision = found.provision
    return {
        "id": provision.pk,
        "label": provision.label,
        "code": provision.code,
        "article": provision.article,
        "part": provision.part,
        "jurisdiction": provision.jurisdiction,
        "short_title": provision.short_title,
        "charged_count": found.charged_count,
        "charged": found.charged,
    }


# ---- Search ----------------------------------------------------------------------------


class SearchKind(StrEnum):
    PERSONS = "persons"
    DOCUMENTS = "documents"
    EVENTS = "events"


class SearchQuery(Schema):
    q: str = Field(min_length=1, max_length=200, description="Words to find, in any script")
    kind: list[SearchKind] = Field(
        default_factory=list, description="persons, documents, events (default: all three)"
    )
    limit: int = Field(10, ge=1, le=50)
    offset: int = Field(0, ge=0, le=10_000)


@search_router.get("/search", response=responses(SearchOut, 400, 401, 422))
def search(request: HttpRequest, query: Query[SearchQuery]) -> dict[str, Any]:
    """People, documents and events matching every word (names across scripts and
    spellings), counted and listed within what the caller may see."""
    known_query(request, SearchQuery)
    from civicwatch.api.searching import search_groups

    return {
        "q": query.q,
        "limit": query.limit,
        "offset": query.offset,
        "groups": search_groups(
            query.q,
            clearance(request),
            [k.value for k in query.kind],
            limit=query.limit,
            offset=query.offset,
        ),
    }
