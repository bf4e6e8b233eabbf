from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import ListView

from civicwatch.store.models import Document


class DocumentListView(LoginRequiredMixin, ListView):
    model = Document
