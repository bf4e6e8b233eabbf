"""What every router shares: token authentication, the caller's clearance and role,
errors as JSON, bounded pagination.

A token acts for its account (:mod:`civicwatch.services.tokens`); every read goes through
:mod:`civicwatch.services.access` with the account's clearance, exactly as the web app's
pages do, so a viewer's token never returns nor counts a confidential record.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path, Query, Schema
from ninja.security import HttpBearer
from pydantic import Field

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.services import access

#: The most rows one page returns, and the furthest a page may start (a bound the
#: database can always compare with).
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000
#: Ids are positive and fit every database's integer column.
MAX_ID = 2_147_483_647

Id = Annotated[int, Path(ge=1, le=MAX_ID, description="The record's id")]


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``; the account the token acts for, or None (401)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from civicwatch.services.tokens import authenticate

        return authenticate(token.strip())


class Error(Schema):
    """Every error: a sentence saying what went wrong (and, for bad input, where)."""

    detail: str
    errors: list[dict[str, Any]] | None = None


#: The error answers every operation may give (documented, so clients and the contract
#: test know them).
ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error}


def responses(ok: Any, *codes: int) -> dict[int, Any]:
    """``{200: ok}`` and the common errors (all of them unless ``codes`` are named)."""
    chosen = codes or tuple(ERRORS)
    return {200: ok, **{code: ERRORS[code] for code in chosen}}


class Paging(Schema):
    limit: int = Field(25, ge=1, le=MAX_LIMIT, description="How many rows (at most 100)")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many rows to skip")


PagingQuery = Query[Paging]


class Page(Schema):
    """One page of a list: ``count`` is how many there are in all for this caller (each
    list's schema adds its ``items``)."""

    count: int
    limit: int
    offset: int


def page(items: list[Any], count: int, paging: Paging) -> dict[str, Any]:
    return {"count": count, "limit": paging.limit, "offset": paging.offset, "items": items}


def known_query(request: HttpRequest, *schemas: type[Schema]) -> None:
    """Refuse query parameters the operation does not take (422): a misspelt filter
    (``?stauts=held``) must not quietly answer for everything."""
    from ninja.errors import ValidationError

    known: set[str] = set()
    for schema in schemas:
        for name, field in schema.model_fields.items():
            known.add(field.alias or name)
    unknown = sorted(set(request.GET) - known)
    if unknown:
        raise ValidationError(
            [
                {"loc": ("query", name), "msg": "unknown parameter; see /api/docs"}
                for name in unknown
            ]
        )


def user_of(request: HttpRequest) -> Any:
    return getattr(request, "auth", None)


def clearance(request: HttpRequest) -> Sensitivity:
    """The most sensitive level the token's account may see."""
    return access.clearance_of(user_of(request))


def require(request: HttpRequest, role: Role, action: str) -> None:
    """403 (AccessDeniedError) unless the token's account has ``role`` or more."""
    access.require(user_of(request), role, action)
