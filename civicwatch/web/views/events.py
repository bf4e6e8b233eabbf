"""The events list with combinable facets, and its CSV export.

The page works without JavaScript (a GET form and links); with htmx, changing a facet
swaps the facets and the list together (``#events-body``) and pushes the new URL, so what
the reader sees can always be shared as a link. Rows, counts and the CSV come from
:mod:`civicwatch.services.events` at the reader's clearance.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from civicwatch.services import events as service
from civicwatch.web.permissions import clearance

#: The element htmx swaps: the facets and the results together.
BODY_TARGET = "events-body"


def _is_body_request(request: HttpRequest) -> bool:
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Target") == BODY_TARGET
        and "HX-History-Restore-Request" not in request.headers
    )


def _link(items: list[tuple[str, str]]) -> str:
    return "?" + urlencode(items) if items else "?"


@require_safe
@never_cache
def event_list(request: HttpRequest) -> HttpResponse:
    filters = service.EventFilters.from_query(request.GET)
    reader = clearance(request)
    page, facets = service.event_list(filters, reader, request.GET.get("page"))
    items = filters.query_items()
    # Every chosen value, with the link that removes just it.
    chosen = [
        (facet.title, value.label, _link([i for i in items if i != (facet.name, value.value)]))
        for facet in facets
        for value in facet.selected
    ]
    if filters.date_from or filters.date_to:
        period = " – ".join(
            d.isoformat() if d else "…" for d in (filters.date_from, filters.date_to)
        )
        chosen.append(
            (
                gettext("Period"),
                period,
                _link([i for i in items if i[0] not in {"from", "to"}]),
            )
        )
    without_period = [i for i in items if i[0] not in {"from", "to"}]
    shortcuts = [
        (
            label,
            _link([*without_period, ("from", start.isoformat()), ("to", end.isoformat())]),
            filters.date_from == start and filters.date_to == end,
        )
        for label, start, end in service.period_shortcuts(date.today())
    ]
    context = {
        "filters": filters,
        "page": page,
        "facets": facets,
        "chosen": chosen,
        "shortcuts": shortcuts,
        "query": urlencode(items),
        "body_target": BODY_TARGET,
    }
    template = "web/_events_body.html" if _is_body_request(request) else "web/events.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


@require_safe
@never_cache
def event_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Exactly the filtered list, every page of it, streamed."""
    filters = service.EventFilters.from_query(request.GET)
    response = StreamingHttpResponse(
        service.export_events_csv(filters, clearance(request)),
        content_type="text/csv; charset=utf-8",
    )
    stamp = date.today().isoformat()
    response["Content-Disposition"] = f'attachment; filename="civicwatch-events-{stamp}.csv"'
    return response


urlpatterns = [
    path("events/", event_list, name="events"),
    path("events/export.csv", event_csv, name="events-csv"),
]
