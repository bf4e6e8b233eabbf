"""The web app's URLs: each area module under :mod:`civicwatch.web.views` lists its own."""

from civicwatch.web.views import (
    accounts,
    cases,
    dashboard,
    document_page,
    documents,
    events,
    exports,
    reports,
    review,
    search,
    statistics,
    uploads,
)

app_name = "web"

urlpatterns = [
    *dashboard.urlpatterns,
    *documents.urlpatterns,
    *document_page.urlpatterns,
    *uploads.urlpatterns,
    *review.urlpatterns,
    *cases.urlpatterns,
    *events.urlpatterns,
    *search.urlpatterns,
    *reports.urlpatterns,
    *exports.urlpatterns,
    *statistics.urlpatterns,
    *accounts.urlpatterns,
]
