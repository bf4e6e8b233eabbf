"""The interface language switch, remembered on the user's account."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from civicwatch.core.vocab import InterfaceLanguage
from civicwatch.store.models import Account


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language and remember it for this account."""
    code = request.POST.get("language", "")
    if code not in {language.value for language in InterfaceLanguage}:
        code = InterfaceLanguage.EN.value
    account, _ = Account.objects.get_or_create(user=request.user)  # type: ignore[misc]
    account.language = code
    account.save(update_fields=["language"])
    translation.activate(code)
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "/"
    return HttpResponseRedirect(target)


urlpatterns = [path("language/", set_language, name="language")]
