"""The review queue and single claims: accept, correct, reject, link."""

from __future__ import annotations

from django.urls import path

from civicwatch.web.placeholder import not_built_yet

urlpatterns = [
    path("review/", not_built_yet, name="review"),
    path("claims/<int:pk>/", not_built_yet, name="claim"),
]
