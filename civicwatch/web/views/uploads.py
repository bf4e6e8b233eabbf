"""Uploading documents in the browser and following their processing."""

from __future__ import annotations

from django.urls import path

from civicwatch.web.placeholder import not_built_yet

urlpatterns = [
    path("documents/upload/", not_built_yet, name="upload"),
]
