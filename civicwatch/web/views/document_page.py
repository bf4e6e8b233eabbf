"""The document page: the text as readable prose with every extracted span highlighted."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

from civicwatch.store.models import Document
from civicwatch.web import queries


@method_decorator(never_cache, name="dispatch")
class DocumentDetailView(LoginRequiredMixin, DetailView):
    template_name = "web/document_detail.html"
    context_object_name = "document"
    queryset = Document.objects.select_related("ingested_by")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["claims"] = queries.claim_summary(self.object)
        return context


urlpatterns = [
    path("documents/<int:pk>/", DocumentDetailView.as_view(), name="document"),
]
