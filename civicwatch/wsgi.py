"""WSGI entry point used by ``civicwatch serve`` (waitress) and any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicwatch.settings")
application = get_wsgi_application()
