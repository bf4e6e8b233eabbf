"""The web app's views, one module per area; each module lists its own ``urlpatterns``
and :mod:`civicwatch.web.urls` joins them."""
