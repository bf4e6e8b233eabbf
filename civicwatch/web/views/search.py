"""Full-text search over documents and records."""

from __future__ import annotations

from django.urls import path

from civicwatch.web.placeholder import not_built_yet

urlpatterns = [
    path("search/", not_built_yet, name="search"),
]
