"""Uploading documents in the browser and following their processing.

Editors upload one or many files; :func:`civicwatch.services.uploads.create_batch` stores
their bytes and queues them, and the batch page shows each file's progress (polled with
htmx every two seconds until every file has finished) and its result: a link to the new
document, or the reason it failed, worded as ``civicwatch ingest`` words it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.errors import CivicwatchError
from civicwatch.services import uploads
from civicwatch.store.models import UploadBatch
from civicwatch.web.forms import UploadForm
from civicwatch.web.permissions import role_required

#: Upload pages listed under the form.
RECENT_BATCHES = 10


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
@role_required(Role.EDITOR)
def upload(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                batch = uploads.create_batch(
                    form.cleaned_data["reports"],
                    user=request.user,
                    sensitivity=Sensitivity(form.cleaned_data["sensitivity"]),
                    publisher=form.cleaned_data["publisher"],
                )
            except CivicwatchError as error:
                form.add_error(None, str(error))
            else:
                return redirect("web:upload-batch", pk=batch.pk)
    else:
        form = UploadForm()
    recent = (
        UploadBatch.objects.filter(uploaded_by=request.user.pk)
        .prefetch_related("items")
        .order_by("-created_at", "-pk")[:RECENT_BATCHES]
    )
    return render(request, "web/upload.html", {"form": form, "recent": recent})


def _batch_context(batch: UploadBatch) -> dict[str, Any]:
    items = list(batch.items.select_related("document").order_by("position"))
    return {"batch": batch, "items": items, "progress": uploads.batch_progress(batch)}


@require_safe
@never_cache
@role_required(Role.EDITOR)
def upload_batch(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(UploadBatch.objects.select_related("uploaded_by"), pk=pk)
    uploads.requeue_waiting(batch)
    return render(request, "web/upload_batch.html", _batch_context(batch))


@require_safe
@never_cache
@role_required(Role.EDITOR)
def upload_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress panel alone (what the batch page polls)."""
    batch = get_object_or_404(UploadBatch, pk=pk)
    return render(request, "web/_upload_progress.html", _batch_context(batch))


@require_POST
@role_required(Role.EDITOR)
def upload_retry(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    batch = get_object_or_404(UploadBatch, pk=pk)
    if not uploads.retry_item(get_object_or_404(batch.items, pk=item).pk):
        messages.error(request, _("This file cannot be tried again: upload it again."))
    return redirect("web:upload-batch", pk=batch.pk)


urlpatterns = [
    path("documents/upload/", upload, name="upload"),
    path("documents/uploads/<int:pk>/", upload_batch, name="upload-batch"),
    path("documents/uploads/<int:pk>/progress", upload_progress, name="upload-progress"),
    path("documents/uploads/<int:pk>/retry/<int:item>", upload_retry, name="upload-retry"),
]
