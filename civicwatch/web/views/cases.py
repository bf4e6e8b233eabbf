"""Case pages: persons, organisations, legal provisions and places."""

from __future__ import annotations

from django.urls import path

from civicwatch.web.placeholder import not_built_yet

urlpatterns = [
    path("persons/", not_built_yet, name="persons"),
    path("persons/<int:pk>/", not_built_yet, name="person"),
    path("organisations/<int:pk>/", not_built_yet, name="organisation"),
    path("provisions/<int:pk>/", not_built_yet, name="provision"),
    path("places/<int:pk>/", not_built_yet, name="place"),
]
