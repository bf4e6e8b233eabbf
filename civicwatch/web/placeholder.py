"""TEMPORARY during the web-app build (issue 9): routes whose page is not written yet.
Each area's helper replaces its routes; this module is deleted before the work lands."""

from django.http import Http404, HttpRequest, HttpResponse


def not_built_yet(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404("This page is not built yet.")
