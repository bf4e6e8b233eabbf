"""The dashboard: what needs attention today."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from civicwatch.core.vocab import HELD_STATUSES
from civicwatch.services.dashboard import (
    DETENTION_TYPES,
    FINE_TYPES,
    SENTENCE_TYPES,
    dashboard,
)
from civicwatch.web.permissions import clearance


def _events_link(start: object, end: object, types: tuple[object, ...] = ()) -> str:
    items = [("type", str(t)) for t in types] + [("from", str(start)), ("to", str(end))]
    return "?" + urlencode(items)


@require_safe
@never_cache
def dashboard_view(request: HttpRequest) -> HttpResponse:
    board = dashboard(clearance(request))
    periods = [
        {
            "counts": period,
            "links": {
                "events": _events_link(period.start, period.end),
                "detentions": _events_link(period.start, period.end, DETENTION_TYPES),
                "sentences": _events_link(period.start, period.end, SENTENCE_TYPES),
                "fines": _events_link(period.start, period.end, FINE_TYPES),
            },
        }
        for period in board.periods
    ]
    held_query = "?" + urlencode([("status", status.value) for status in sorted(HELD_STATUSES)])
    return render(
        request,
        "web/dashboard.html",
        {"board": board, "periods": periods, "held_query": held_query},
    )


urlpatterns = [
    path("", dashboard_view, name="dashboard"),
]
