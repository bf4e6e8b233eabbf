"""The API object: routers, token authentication, and every error as JSON
``{"detail": "..."}`` with a status a client can act on."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from civicwatch import __version__
from civicwatch.api import documents, events, persons
from civicwatch.api.base import TokenAuth
from civicwatch.api.docs import LocalSwagger
from civicwatch.errors import AccessDeniedError, CivicwatchError
from civicwatch.services.records import RecordNotFound


class ObjectBodies(Parser):
    """Every request body of this API is one JSON object: anything else (a list, a number,
    ``null``) is refused with 422 instead of being read as an empty object."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValidationError(
                [{"loc": ("body",), "msg": "the request body must be a JSON object"}]
            )
        return data


api = NinjaAPI(
    parser=ObjectBodies(),
    title="Civicwatch API",
    version=__version__,
    description=(
        "Read documents, people, events, legal provisions and search; review claims and "
        "set sensitivity. Send `Authorization: Bearer <token>` (make one with "
        "`civicwatch token create USERNAME`). A token sees what its account sees in the "
        "web app: a viewer's token never returns nor counts confidential records."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    docs=LocalSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)

api.add_router("", documents.router)
api.add_router("", documents.claims)
api.add_router("", persons.router)
api.add_router("", events.router)
api.add_router("", events.provisions)
api.add_router("", events.search_router)


def _error(request: HttpRequest, detail: str, status: int, **extra: Any) -> HttpResponse:
    return api.create_response(request, {"detail": detail, **extra}, status=status)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, error: Exception) -> HttpResponse:
    response = _error(
        request,
        "a valid API token is needed: send 'Authorization: Bearer <token>' "
        "(make one with 'civicwatch token create USERNAME'; revoked tokens stop working)",
        401,
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(AccessDeniedError)
def denied(request: HttpRequest, error: Exception) -> HttpResponse:
    return _error(request, str(error), 403)


@api.exception_handler(RecordNotFound)
def not_found(request: HttpRequest, error: Exception) -> HttpResponse:
    return _error(request, str(error), 404)


@api.exception_handler(Http404)
def no_route(request: HttpRequest, error: Exception) -> HttpResponse:
    return _error(request, "not found", 404)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, error: Exception) -> HttpResponse:
    assert isinstance(error, ValidationError)
    problems = [
        {
            "where": ".".join(str(part) for part in item.get("loc", ())),
            "message": str(item.get("msg", "")),
        }
        for item in error.errors
    ]
    summary = "; ".join(f"{p['where']}: {p['message']}" for p in problems[:5])
    return _error(request, f"invalid input: {summary}", 422, errors=problems)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: Exception) -> HttpResponse:
    assert isinstance(error, HttpError)
    return _error(request, str(error), error.status_code)


@api.exception_handler(CivicwatchError)
def bad_request(request: HttpRequest, error: Exception) -> HttpResponse:
    """Identity and review errors name what is wrong with the request (an unknown or
    superseded claim, a field that cannot be corrected, a merge that cannot be done)."""
    return _error(request, str(error), 400)
