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
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from civicwatch.core.provisions_catalogue import countries
from civicwatch.core.vocab import ReviewState, Sensitivity
from civicwatch.services import access
from civicwatch.store.models import Document
from civicwatch.web import queries
from civicwatch.web.forms import DocumentFilterForm, SignInForm
from civicwatch.web.permissions import clearance
from civicwatch.web.queries import ReviewProgress
from civicwatch.web.templatetags.civicwatch_tags import language_label

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
    """Documents the user may see, filtered, newest first, 25 a page. Rows never load the
    documents' text; claim counts come from the access layer's visible claims."""

    template_name = "web/document_list.html"
    context_object_name = "documents"
    paginate_by = 25

    def get_queryset(self) -> QuerySet[Any]:
        self.clearance = clearance(self.request)
        visible = access.visible_documents(self.clearance)
        self.form = DocumentFilterForm(
            self.request.GET,
            publishers=_publishers(visible),
            countries=_countries(visible),
            languages=_languages(visible),
        )
        self.filters = self.form.filters()
        queryset: QuerySet[Any] = queryset_with_progress(
            queries.documents(self.filters).filter(pk__in=visible.values("pk")),
            self.clearance,
        )
        if self.filters.progress == ReviewProgress.WAITING:
            queryset = queryset.filter(findings_waiting__gt=0)
        elif self.filters.progress == ReviewProgress.REVIEWED:
            queryset = queryset.filter(findings__gt=0, findings_waiting=0)
        elif self.filters.progress == ReviewProgress.NONE:
            queryset = queryset.filter(findings=0)
        return queryset.defer("text")

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
            has_documents=found > 0 or access.visible_documents(self.clearance).exists(),
            results_target=RESULTS_TARGET,
        )
        names = dict(self.form.fields["country"].choices)  # type: ignore[attr-defined]
        for document in context["documents"]:
            document.country_name = names.get(document.country, document.country)
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        # The same URL answers with a fragment or a whole page: caches must tell them apart.
        patch_vary_headers(response, ["HX-Request", "HX-Target"])
        return response


def queryset_with_progress(queryset: QuerySet[Document], level: Sensitivity) -> QuerySet[Document]:
    """Annotate each document with its live findings the reader may see (``findings``) and
    how many of them wait for review (``findings_waiting``): correlated counts, computed
    only for the rows a page shows."""
    live = (
        access.visible_claims(level)
        .filter(document=OuterRef("pk"), superseded_at__isnull=True)
        .exclude(review_state=ReviewState.REJECTED.value)
    )

    def count(claims: QuerySet[Any]) -> Subquery:
        return Subquery(
            claims.order_by().values("document").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        )

    return queryset.annotate(
        findings=Coalesce(count(live), 0),
        findings_waiting=Coalesce(count(live.filter(review_state=ReviewState.PROPOSED.value)), 0),
    )


def _publishers(visible: QuerySet[Document]) -> list[str]:
    return list(
        visible.exclude(publisher="")
        .order_by("publisher")
        .values_list("publisher", flat=True)
        .distinct()
    )


def _countries(visible: QuerySet[Document]) -> list[tuple[str, str]]:
    """(code, name) of the countries documents are about, by name."""
    known = countries()
    codes = visible.exclude(country="").order_by().values_list("country", flat=True).distinct()
    return sorted(
        ((code, known[code].name if code in known else code) for code in codes),
        key=lambda pair: pair[1],
    )


def _languages(visible: QuerySet[Document]) -> list[tuple[str, str]]:
    codes = visible.exclude(language="").order_by().values_list("language", flat=True).distinct()
    return sorted(((code, language_label(code)) for code in codes), key=lambda pair: pair[1])


@require_safe
@never_cache
@login_required
def document_original(request: HttpRequest, pk: int) -> FileResponse:
    """The original bytes of a document, always as a download (never shown inline)."""
    document = get_object_or_404(access.visible_documents(clearance(request)), pk=pk)
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
