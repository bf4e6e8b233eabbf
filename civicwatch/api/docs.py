"""The interactive API documentation, served entirely from this host.

django-ninja's Swagger page loads its scripts from a CDN unless ``ninja`` is an installed
app; the CSP (``script-src 'self'``) and the privacy rule forbid that, so the page here
refers to the Swagger UI files that ship inside the django-ninja package, served by
:func:`asset` under ``/api/docs/assets/`` (a fixed list of names, nothing else is read).
"""

from __future__ import annotations

import json
import mimetypes
from pathlib import Path
from typing import Any

import ninja
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.cache import cache_control
from ninja.openapi.docs import DocsBase

ASSETS = Path(ninja.__file__).parent / "static" / "ninja"
ALLOWED = ("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-init.js", "favicon.png")

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{assets}swagger-ui.css">
<link rel="icon" href="{assets}favicon.png" type="image/png">
</head>
<body data-csrf-token="" data-api-csrf="">
<script type="application/json" id="swagger-settings">{settings}</script>
<div id="swagger-ui"></div>
<script src="{assets}swagger-ui-bundle.js"></script>
<script src="{assets}swagger-ui-init.js"></script>
</body>
</html>
"""


class LocalSwagger(DocsBase):
    """Swagger UI with every file from this host (the settings travel as JSON data, not
    as an inline script)."""

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        settings = {
            "url": self.get_openapi_url(api, kwargs),
            "layout": "BaseLayout",
            "deepLinking": True,
        }
        assets = reverse("api-docs-asset", args=["x"])[:-1]
        # "</" cannot end the JSON block early
        data = json.dumps(settings).replace("</", "<\\/")
        return HttpResponse(PAGE.format(title=escape(api.title), assets=assets, settings=data))


@cache_control(max_age=86400, public=True)
def asset(request: HttpRequest, name: str) -> FileResponse:
    if name not in ALLOWED:
        raise Http404("no such file")
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse((ASSETS / name).open("rb"), content_type=content_type)
