"""Full-text search over people, documents and events (``/search/?q=``).

Thin: :func:`civicwatch.services.search.search` finds and explains; the view picks one
group to page through (``?in=persons|documents|events&page=N``) or shows the best of each.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from civicwatch.services import search as search_service
from civicwatch.store.search_index import MAX_TERMS
from civicwatch.web.permissions import clearance

#: Results of each group on the overview, and per page when one group is shown.
OVERVIEW_LIMIT = 8
PAGE_SIZE = 25
#: A longer search is cut (its words beyond MAX_TERMS are ignored anyway).
MAX_QUERY_CHARS = 200

_KINDS = {key: kind for kind, key in search_service.KIND_KEYS.items()}


def _page_number(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 10_000))
    except ValueError:
        return 1


@require_safe
@never_cache
def search_page(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:MAX_QUERY_CHARS].strip()
    only = _KINDS.get(request.GET.get("in", ""))
    page = _page_number(request.GET.get("page"))
    context: dict[str, object] = {"q": q, "only": only, "max_terms": MAX_TERMS}
    if q:
        if only is None:
            results = search_service.search(q, clearance(request), limit=OVERVIEW_LIMIT)
        else:
            results = search_service.search(
                q,
                clearance(request),
                limit=PAGE_SIZE,
                offset=(page - 1) * PAGE_SIZE,
                kinds=[only],
            )
        context["results"] = results
        context["no_words"] = not results.terms
        if only is not None and results.groups:
            group = results.groups[0]
            pages = max(1, -(-group.count // PAGE_SIZE))
            context["page"] = {
                "number": min(page, pages),
                "count": pages,
                "previous": page - 1 if page > 1 else None,
                "next": page + 1 if page < pages else None,
            }
    return render(request, "web/search.html", context)


urlpatterns = [
    path("search/", search_page, name="search"),
]
