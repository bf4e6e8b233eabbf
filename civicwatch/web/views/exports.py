"""Exports from the web app (``/exports/``): choose a format and a level, download the file.
Editors and above; the levels offered never exceed the reader's own clearance.

Thin: :mod:`civicwatch.services.exports` writes; one-stream formats are streamed to the
browser as they are read, the CSV tables are zipped into a temporary file first.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from django import forms
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.services.exports import FORMATS, STREAM_FORMATS, export_chunks, export_to_path
from civicwatch.web.permissions import clearance, role_required

FORMAT_LABELS = {
    "json": _("Full JSON with provenance (re-importable)"),
    "csv": _("CSV tables with labels (zip: persons, events, charges, outcomes, sources)"),
    "ftm": _("FollowTheMoney entities (JSON lines, for Aleph and ftm tools)"),
    "acled": _("ACLED-style CSV of assembly-related events"),
    "prisoners": _("Political-prisoner list (CSV)"),
    "prisoners-pdf": _("Political-prisoner list (PDF)"),
}
#: Formats written to a temporary file first: (export format, file suffix, media type).
FILE_FORMATS = {
    "csv": ("csv", ".zip", "application/zip"),
    "prisoners-pdf": ("prisoners", ".pdf", "application/pdf"),
}


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"), choices=list(FORMAT_LABELS.items()), widget=forms.RadioSelect
    )
    level = forms.ChoiceField(
        label=_("Sensitivity level"),
        help_text=_("Nothing more sensitive than this level is written."),
    )

    def __init__(self, *args: object, clearance: Sensitivity, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["level"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(level.value, level.label) for level in clearance.up_to()]
        field.initial = Sensitivity.INTERNAL.value


def _filename(fmt: str, level: str) -> str:
    suffix = FILE_FORMATS[fmt][1] if fmt in FILE_FORMATS else FORMATS[fmt].suffix
    return f"civicwatch-{level}-{date.today().isoformat()}{suffix}"


@require_safe
@never_cache
@role_required(Role.EDITOR)
def exports_page(request: HttpRequest) -> HttpResponse:
    if "format" not in request.GET:
        form = ExportForm(clearance=clearance(request))
        return render(request, "web/exports.html", {"form": form})
    form = ExportForm(request.GET, clearance=clearance(request))
    if not form.is_valid():
        return render(request, "web/exports.html", {"form": form}, status=400)
    fmt, level = form.cleaned_data["format"], form.cleaned_data["level"]
    name = _filename(fmt, level)
    if fmt in STREAM_FORMATS:
        response = StreamingHttpResponse(
            (chunk.encode("utf-8") for chunk in export_chunks(fmt, level)),
            content_type=f"{FORMATS[fmt].media_type}; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response  # type: ignore[return-value]
    export_format, _suffix, media_type = FILE_FORMATS[fmt]
    with tempfile.TemporaryDirectory() as folder:
        written = export_to_path(export_format, Path(folder) / name, level)
        handle = open(written, "rb")  # noqa: SIM115  (FileResponse closes it)
    # the folder is gone; the open handle keeps the file readable until the response ends
    download = FileResponse(handle, as_attachment=True, filename=name, content_type=media_type)
    # a streaming response, which Django serves like any other
    return download  # type: ignore[return-value]


urlpatterns = [path("exports/", exports_page, name="exports")]
