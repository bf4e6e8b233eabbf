from django.urls import include, path

urlpatterns = [
    path("api/", include("civicwatch.api.urls")),
    path("", include("civicwatch.web.urls")),
]
