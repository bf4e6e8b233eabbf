from django.urls import path

from civicwatch.web import views

app_name = "web"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="documents"),
]
