"""The events list with combinable facets, and its CSV export."""

from __future__ import annotations

from django.urls import path

from civicwatch.web.placeholder import not_built_yet

urlpatterns = [
    path("events/", not_built_yet, name="events"),
    path("events/export.csv", not_built_yet, name="events-csv"),
]
