"""The statistics page (``/statistics/``): figures as tables, charts and the offline map.

Every signed-in reader; the figures are counted at the reader's clearance, or at a lower
level they choose (to see what a public report may say). Charts are separate SVG (or PNG)
responses from :func:`chart` with the same query string, so the page carries no inline
images or scripts (CSP). Thin: :mod:`civicwatch.services.statistics` does the work.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from civicwatch.core.vocab import Sensitivity
from civicwatch.reports import charts
from civicwatch.reports.statistics import Statistics
from civicwatch.services import statistics as service
from civicwatch.web.permissions import clearance


class StatisticsForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    level = forms.ChoiceField(
        label=_("Sensitivity level"),
        required=False,
        help_text=_("Count only records at this level or lower."),
    )

    def __init__(self, data: Any, *, reader: Sensitivity) -> None:
        if not data.get("level"):
            # the figures are counted at the reader's own level then: the form says so
            data = data.copy()
            data["level"] = reader.value
        super().__init__(data)
        self.reader = reader
        country = self.fields["country"]
        assert isinstance(country, forms.ChoiceField)
        country.choices = [("", _("All countries"))] + [
            (code, code) for code in service.known_countries(reader)
        ]
        level = self.fields["level"]
        assert isinstance(level, forms.ChoiceField)
        level.choices = [(lvl.value, lvl.label) for lvl in reader.up_to()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The period starts after it ends."))
        return data

    def level_value(self) -> Sensitivity:
        chosen = self.cleaned_data.get("level")
        return Sensitivity(chosen) if chosen else self.reader

    def compute(self, for_chart: str | None = None) -> Statistics:
        return service.compute(
            self.level_value(),
            country=self.cleaned_data.get("country") or None,
            date_from=self.cleaned_data.get("date_from"),
            date_to=self.cleaned_data.get("date_to"),
            for_chart=for_chart,
        )


def _query(request: HttpRequest) -> dict[str, str]:
    keys = ("country", "date_from", "date_to", "level")
    return {key: request.GET[key] for key in keys if request.GET.get(key)}


@require_safe
@never_cache
def statistics_page(request: HttpRequest) -> HttpResponse:
    form = StatisticsForm(request.GET, reader=clearance(request))
    if not form.is_valid():
        return render(request, "web/statistics.html", {"form": form}, status=400)
    stats = form.compute()
    query = urlencode(_query(request))
    context = {
        "form": form,
        "stats": stats,
        "data": service.to_dict(stats),
        "query": query,
        "level": form.level_value(),
        "fine_totals": [
            (unit.label if unit else _("no unit"), total)
            for unit, total in stats.assembly.fine_totals.items()
        ],
        "months": [
            (row, sorted(row.counts.items(), key=lambda item: (-item[1], item[0].value)))
            for row in stats.months
            if row.total
        ],
    }
    return render(request, "web/statistics.html", context)


@require_safe
@never_cache
def chart(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    if name not in service.CHARTS or fmt not in charts.FORMATS:
        raise Http404("no such chart")
    form = StatisticsForm(request.GET, reader=clearance(request))
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    image = service.chart(name, form.compute(for_chart=name), fmt)
    response = HttpResponse(image, content_type=charts.media_type(fmt))
    response["X-Content-Type-Options"] = "nosniff"
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="civicwatch-{name}.{fmt}"'
    return response


@require_safe
@never_cache
def data(request: HttpRequest, fmt: str) -> HttpResponse:
    form = StatisticsForm(request.GET, reader=clearance(request))
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    stats = form.compute()
    try:
        body, media = {
            "json": (service.to_json, "application/json"),
            "csv": (service.to_csv, "text/csv"),
        }[fmt]
    except KeyError:
        raise Http404("no such format") from None
    response = HttpResponse(body(stats), content_type=f"{media}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="civicwatch-statistics.{fmt}"'
    return response


urlpatterns = [
    path("statistics/", statistics_page, name="statistics"),
    path("statistics/chart/<slug:name>.<str:fmt>", chart, name="statistics-chart"),
    path("statistics/data.<str:fmt>", data, name="statistics-data"),
]
