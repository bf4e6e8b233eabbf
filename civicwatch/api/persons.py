"""People and their case files; person sensitivity and merges (editors)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from civicwatch.api.base import (
    Id,
    Paging,
    PagingQuery,
    clearance,
    known_query,
    page,
    require,
    responses,
    user_of,
)
from civicwatch.api.schemas import MergeIn, PersonFile, PersonPage, SensitivityIn, SensitivityOut
from civicwatch.core.vocab import PersonStatus, Role
from civicwatch.services import persons as people_service
from civicwatch.services.records import RecordNotFound

router = Router(tags=["persons"])

#: A case file answers with at most this many events and reports (the newest; counts say
#: how many there are).
FILE_EVENTS = 200
FILE_DOCUMENTS = 200
FILE_SOURCES = 20

#: A status term, or "held" (deprived of liberty today).
StatusFilter = StrEnum(  # type: ignore[misc]
    "StatusFilter",
    [(value.upper(), value) for value in [*(s.value for s in PersonStatus), people_service.HELD]],
)


class PersonQuery(Schema):
    q: str = Field("", max_length=200, description="Part of a name, in any script")
    status: StatusFilter | None = Field(
        None, description="A status, or 'held' (pre-trial detention, house arrest, prison)"
    )
    country: str = Field("", pattern="^([A-Za-z]{2})?$", description="ISO 3166 alpha-2")
    order: people_service.PersonOrder = people_service.PersonOrder.NAME


def _root(request: HttpRequest, pk: int) -> int:
    """The root of a person the caller may see (404 otherwise, never telling which)."""
    try:
        root = people_service.find_person(str(pk))
    except people_service.IdentityError:
        raise RecordNotFound(f"no person with id {pk}") from None
    if not people_service.is_visible(root, clearance(request)):
        raise RecordNotFound(f"no person with id {pk}")
    return root


def _file(request: HttpRequest, root: int) -> dict[str, Any]:
    return people_service.person_file(
        root,
        clearance=clearance(request),
        events_limit=FILE_EVENTS,
        newest_first=True,
        sources_limit=FILE_SOURCES,
        documents_limit=FILE_DOCUMENTS,
    )


@router.get("/persons", response=responses(PersonPage, 401, 422))
def list_persons(
    request: HttpRequest, paging: PagingQuery, filters: Query[PersonQuery]
) -> dict[str, Any]:
    """People the caller may see, with status, reports and articles."""
    known_query(request, Paging, PersonQuery)
    seen = clearance(request)
    wanted = people_service.PersonFilters(
        q=filters.q.strip(),
        status=filters.status.value if filters.status else "",
        country=filters.country.upper(),
        order=filters.order,
    )
    queryset = people_service.people(wanted, seen)
    roots = list(queryset[paging.offset : paging.offset + paging.limit])
    return page(people_service.people_rows(roots, seen), queryset.count(), paging)


@router.get("/persons/{pk}", response=responses(PersonFile, 401, 404, 422))
def get_person(request: HttpRequest, pk: Id) -> dict[str, Any]:
    """A person's case file: spellings, status with its source, charges, events (newest
    200), reports (newest 200), conflicts, follow-ups, recognitions."""
    known_query(request)
    return _file(request, _root(request, pk))


@router.put("/persons/{pk}/sensitivity", response=responses(SensitivityOut))
def set_person_sensitivity(request: HttpRequest, pk: Id, body: SensitivityIn) -> dict[str, Any]:
    """Set who may see a person: every record of the merged group (editors and above)."""
    require(request, Role.EDITOR, "setting a person's sensitivity")
    from civicwatch.services import sensitivity

    root = _root(request, pk)
    changed = sensitivity.set_person_sensitivity(root, body.level, user=user_of(request))
    return {"id": root, "sensitivity": body.level.value, "changed": bool(changed)}


@router.post("/persons/{pk}/merge", response=responses(PersonFile))
def merge_person(request: HttpRequest, pk: Id, body: MergeIn) -> dict[str, Any]:
    """Merge another record of the same individual into this one (editors and above);
    answers with the merged case file."""
    require(request, Role.EDITOR, "merging people")
    survivor = _root(request, pk)
    absorbed = _root(request, body.absorbed)
    result = people_service.merge_persons(survivor, absorbed, user=user_of(request))
    return _file(request, int(result["id"]))
