"""Sign-in, the document list, the document page and the original download.

Thin: querysets come from :mod:`civicwatch.web.queries`.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import LoginView, LogoutView
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from civicwatch.store.models import Document
from civicwatch.web import queries
from civicwatch.web.forms import DocumentFilterForm, SignInForm

#: The element the search box's htmx requests replace (see document_list.html).
RESULTS_TARGET = "document-results"
_SHA256 = re.compile(r"[0-9a-f]{64}")


def is_results_request(request: HttpRequest) -> bool:
    """True for htmx requests that only want the list of results, not the whole page."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Target") == RESULTS_TARGET
        and "HX-History-Restore-Request" not in request.headers
    )


class SignInView(LoginView):
    template_name = "web/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(LogoutView):
    """Log out (POST only, as Django requires) and say so on the login page."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.info(request, "You have logged out.")
        return response


@method_decorator(never_cache, name="dispatch")
class DocumentListView(LoginRequiredMixin, ListView):
    template_name = "web/document_list.html"
    context_object_name = "documents"
    paginate_by = 25

    def get_queryset(self) -> QuerySet[Document]:
        self.form = DocumentFilterForm(self.request.GET, publishers=queries.publishers())
        self.filters = self.form.filters()
        return queries.documents(self.filters)

    def paginate_queryset(self, queryset: Any, page_size: int) -> tuple[Paginator, Page, Any, bool]:
        # A page number that is out of range or not a number shows the nearest page.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_template_names(self) -> list[str]:
        if is_results_request(self.request):
            return ["web/_document_results_response.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        found = context["paginator"].count
        context.update(
            form=self.form,
            filters=self.filters,
            has_documents=found > 0 or Document.objects.exists(),
            results_target=RESULTS_TARGET,
        )
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        # The same URL answers with a fragment or a whole page: caches must tell them apart.
        patch_vary_headers(response, ["HX-Request", "HX-Target"])
        return response


@require_safe
@never_cache
@login_required
def document_original(request: HttpRequest, pk: int) -> FileResponse:
    """The original bytes of a document, always as a download (never shown inline)."""
    document = get_object_or_404(Document, pk=pk)
    path = document.blob_path
    if not _SHA256.fullmatch(document.sha256) or not path.is_file():
        raise Http404("The original file of this document is missing.")
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=document.filename or document.sha256,
        content_type=document.media_type or "application/octet-stream",
    )
    # Should a browser ever render it anyway, the file gets no scripts, styles or requests.
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


urlpatterns = [
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", SignOutView.as_view(), name="logout"),
    path("documents/", DocumentListView.as_view(), name="documents"),
    path("documents/<int:pk>/original", document_original, name="document-original"),
]
