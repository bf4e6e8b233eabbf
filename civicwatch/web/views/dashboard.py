"""The dashboard: what needs attention today."""

from __future__ import annotations

from django.urls import path

from civicwatch.web.placeholder import not_built_yet

urlpatterns = [
    path("", not_built_yet, name="dashboard"),
]
