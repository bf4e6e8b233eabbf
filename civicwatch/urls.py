from django.urls import include, path

urlpatterns = [
    path("", include("civicwatch.web.urls")),
]
