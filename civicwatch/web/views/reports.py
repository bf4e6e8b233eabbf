"""Generated reports from the web app (``/reports/``): the same choices as ``civicwatch
report``; the file comes back as a download. Editors and above.

Thin: :mod:`civicwatch.services.reports` gathers, writes and renders; the level offered is
never above the reader's own clearance.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.errors import CivicwatchError
from civicwatch.reports.compose import known_countries
from civicwatch.services.events import country_name
from civicwatch.services.reports import ReportFormat, ReportKind, ReportRequest, make_report
from civicwatch.web.permissions import clearance, role_required

CONTENT_TYPES = {
    ReportFormat.MD: "text/markdown; charset=utf-8",
    ReportFormat.HTML: "text/html; charset=utf-8",
    ReportFormat.PDF: "application/pdf",
    ReportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class ReportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (ReportKind.UPDATE.value, _("Periodic update")),
            (ReportKind.BRIEFING.value, _("Briefing paper")),
        ],
    )
    country = forms.ChoiceField(label=_("Country"))
    date_from = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            (ReportFormat.DOCX.value, _("Word (.docx)")),
            (ReportFormat.PDF.value, _("PDF")),
            (ReportFormat.HTML.value, _("HTML")),
            (ReportFormat.MD.value, _("Markdown")),
        ],
    )
    level = forms.ChoiceField(
        label=_("Sensitivity"),
        help_text=_("Only records at this level or lower appear."),
    )

    def __init__(self, *args: object, ceiling: Sensitivity, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # the countries the reader's own records are about, by name
        country = self.fields["country"]
        assert isinstance(country, forms.ChoiceField)
        codes = known_countries(ceiling)
        names = sorted((country_name(code), code) for code in codes)
        country.choices = [(code, name) for name, code in names]
        level = self.fields["level"]
        assert isinstance(level, forms.ChoiceField)
        level.choices = [(s.value, s.label) for s in ceiling.up_to()]
        self.fields["level"].initial = min(
            Sensitivity.INTERNAL, ceiling, key=lambda s: s.rank
        ).value

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if isinstance(start, date) and isinstance(end, date) and start > end:
            raise forms.ValidationError(_("The start of the period is after its end."))
        return data


@never_cache
@require_http_methods(["GET", "POST"])
@role_required(Role.EDITOR)
def reports_page(request: HttpRequest) -> HttpResponse:
    ceiling = clearance(request)
    form = ReportForm(request.POST or None, ceiling=ceiling)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = ReportRequest(
            kind=ReportKind(data["kind"]),
            country=data["country"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            format=ReportFormat(data["format"]),
            level=Sensitivity(data["level"]),
        )
        try:
            content = make_report(report)
        except CivicwatchError as error:
            form.add_error(None, str(error))
        else:
            response = HttpResponse(content, content_type=CONTENT_TYPES[report.format])
            response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
            return response
    status = 400 if request.method == "POST" else 200
    return render(request, "web/reports.html", {"form": form}, status=status)


urlpatterns = [path("reports/", reports_page, name="reports")]
