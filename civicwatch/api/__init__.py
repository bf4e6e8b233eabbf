"""The JSON API at ``/api/`` (django-ninja; docs/api.md).

:mod:`.main` builds the API (token authentication, errors as JSON), one module per area
adds its routes, :mod:`.urls` mounts it with the OpenAPI schema at ``/api/openapi.json``
and the interactive documentation at ``/api/docs``, whose scripts are served from here
(never a CDN).
"""
