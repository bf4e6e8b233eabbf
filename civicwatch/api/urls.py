"""``/api/``: the API's routes, its OpenAPI schema and documentation, and the
documentation's scripts. Mounted from :mod:`civicwatch.urls`.

The API authenticates by token, not by session: its views opt out of the web app's
login-required middleware (a missing token is answered 401 as JSON, not with a redirect
to the login page)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, URLResolver, path, re_path

from civicwatch.api.docs import asset
from civicwatch.api.main import api


def _open(patterns: list[Any]) -> list[Any]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _open(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = login_not_required(pattern.callback)
    return patterns


@login_not_required
def no_such_route(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Anything else under /api/ is answered as JSON too (not the web app's 404 page)."""
    return JsonResponse({"detail": f"no API route {request.path!r}; see /api/docs"}, status=404)


_patterns, _app_name, _namespace = api.urls
urlpatterns = [
    path("docs/assets/<str:name>", login_not_required(asset), name="api-docs-asset"),
    path("", (_open(list(_patterns)), _app_name, _namespace)),
    re_path(r"^(?P<rest>.*)$", no_such_route),
]
