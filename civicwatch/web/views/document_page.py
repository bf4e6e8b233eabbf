"""The document page: the text as readable prose with every extracted span highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from civicwatch.core.vocab import ClaimKind, ReviewState, Role, Sensitivity
from civicwatch.services import access
from civicwatch.services.review import sentence_bounds
from civicwatch.store.models import Claim, Document
from civicwatch.web import queries
from civicwatch.web.permissions import clearance, role_required
from civicwatch.web.text_layout import Paragraph, Span, layout
from civicwatch.web.views.claim_cards import KIND_NAMES
from civicwatch.web.views.review import CONFIDENCE_STEPS

#: The kinds highlighted in the text, in legend order (a part in an event shares the
#: event's words and is shown with it).
HIGHLIGHTED = (
    ClaimKind.PERSON,
    ClaimKind.ORGANISATION,
    ClaimKind.PLACE,
    ClaimKind.PROVISION,
    ClaimKind.EVENT,
    ClaimKind.OUTCOME,
    ClaimKind.FOLLOWUP,
)
_PRIORITY = {kind.value: index for index, kind in enumerate(HIGHLIGHTED)}
#: Dates are not claims of their own: a date is marked where the text names it, and opens
#: the facts of its sentence that are dated by it.
DATE = "date"
_DATED = {ClaimKind.EVENT.value, ClaimKind.OUTCOME.value, ClaimKind.PROVISION.value}

#: How the text was taken from the file, in words (by the reader's name before the "/").
_READERS = {
    "pdf": _("Text taken from a PDF file"),
    "docx": _("Text taken from a Word document"),
    "html": _("Text taken from a web page"),
}
_FILE_TYPES = {
    "application/pdf": _("PDF document"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _("Word document"),
    "application/msword": _("Word document"),
    "text/html": _("Web page"),
    "text/plain": _("Text file"),
    "text/markdown": _("Text file"),
}


def reader_in_words(reader: str) -> str:
    return str(_READERS.get(reader.split("/", 1)[0], "")) if reader else ""


def file_type_in_words(media_type: str) -> str:
    return str(_FILE_TYPES.get(media_type, "")) if media_type else ""


@dataclass(frozen=True)
class LegendEntry:
    kind: str
    label: str
    count: int


def highlight_spans(claims: list[Claim]) -> list[Span]:
    """Every span to mark: a claim's own words, and each further mention of a person or
    organisation it names (rejected claims are not marked)."""
    spans = []
    for claim in claims:
        if claim.kind not in _PRIORITY or claim.review_state == ReviewState.REJECTED.value:
            continue
        ranges = {(claim.start, claim.end)}
        mentions = claim.value.get("mentions") if isinstance(claim.value, dict) else None
        if isinstance(mentions, list):
            for mention in mentions:
                if isinstance(mention, list) and len(mention) == 2:
                    ranges.add((int(mention[0]), int(mention[1])))
        for start, end in sorted(ranges):
            spans.append(Span(start, end, claim.kind, claim.pk, _PRIORITY[claim.kind]))
    return spans


def date_spans(document: Document, claims: list[Claim]) -> list[Span]:
    """The dates the text names, each linked to the facts of its sentence it dates."""
    from civicwatch.extract.dates import find_dates

    text = document.text
    dated = []
    for claim in claims:
        value = claim.value if isinstance(claim.value, dict) else {}
        if claim.kind in _DATED and value.get("date"):
            bounds = sentence_bounds(text, value, claim.start, claim.end)
            dated.append((claim.pk, str(value["date"]), bounds))
    spans = []
    priority = len(HIGHLIGHTED)
    for mention in find_dates(text, published=document.published):
        iso = mention.date.iso()
        refs: list[int | None] = [
            pk
            for pk, date, (start, end) in dated
            if date == iso and start <= mention.start and mention.end <= end
        ]
        for ref in refs or [None]:
            spans.append(Span(mention.start, mention.end, DATE, ref, priority))
    return spans


def claim_summary(document: Document, seen: Any) -> queries.ClaimSummary:
    """How many of the document's claims the reader may see are in each review state."""
    claims = access.visible_claims(seen).filter(document=document)
    rows = (
        claims.filter(superseded_at__isnull=True)
        .order_by()
        .values("review_state")
        .annotate(n=Count("pk"))
    )
    counts = {row["review_state"]: row["n"] for row in rows}
    return queries.ClaimSummary(
        by_state=[(state, counts.get(state.value, 0)) for state in ReviewState],
        superseded=claims.filter(superseded_at__isnull=False).count(),
    )


def document_claims(document: Document, seen: Any) -> QuerySet[Claim]:
    return access.visible_claims(seen).filter(document=document, superseded_at__isnull=True)


@method_decorator(never_cache, name="dispatch")
class DocumentDetailView(LoginRequiredMixin, DetailView):
    template_name = "web/document_detail.html"
    context_object_name = "document"

    def get_queryset(self) -> QuerySet[Document]:
        return access.visible_documents(clearance(self.request)).select_related("ingested_by")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        document: Document = self.object
        seen = clearance(self.request)
        claims = list(
            document_claims(document, seen).only(
                "pk", "kind", "start", "end", "value", "review_state"
            )
        )
        spans = highlight_spans(claims) + date_spans(document, claims)
        paragraphs: list[Paragraph] = layout(document.text, spans)
        counts: dict[str, int] = {}
        for claim in claims:
            if claim.kind in _PRIORITY and claim.review_state != ReviewState.REJECTED.value:
                counts[claim.kind] = counts.get(claim.kind, 0) + 1
        counts[DATE] = len({(span.start, span.end) for span in spans if span.kind == DATE})
        summary = claim_summary(document, seen)
        context.update(
            claims=summary,
            paragraphs=paragraphs,
            legend=[
                *(
                    LegendEntry(kind.value, str(KIND_NAMES[kind]), counts.get(kind.value, 0))
                    for kind in HIGHLIGHTED
                ),
                LegendEntry(DATE, str(_("Date")), counts[DATE]),
            ],
            proposed=dict(summary.by_state).get(ReviewState.PROPOSED, 0),
            decided=summary.total - dict(summary.by_state).get(ReviewState.PROPOSED, 0),
            reader_words=reader_in_words(document.reader),
            file_type=file_type_in_words(document.media_type),
            steps=CONFIDENCE_STEPS,
            sensitivities=[(level.value, level.label) for level in Sensitivity],
        )
        return context


@require_POST
@role_required(Role.EDITOR)
def document_sensitivity(request: HttpRequest, pk: int) -> HttpResponse:
    """An editor sets who may see the document (services/sensitivity.py)."""
    from civicwatch.services.sensitivity import set_document_sensitivity

    document = get_object_or_404(access.visible_documents(clearance(request)), pk=pk)
    try:
        level = Sensitivity(request.POST.get("level", ""))
    except ValueError:
        messages.error(request, gettext("Choose public, internal or confidential."))
        return redirect("web:document", pk=document.pk)
    if set_document_sensitivity(document.pk, level, user=request.user):
        messages.success(request, gettext("Sensitivity set to %(level)s.") % {"level": level.label})
    return redirect("web:document", pk=document.pk)


urlpatterns = [
    path("documents/<int:pk>/", DocumentDetailView.as_view(), name="document"),
    path("documents/<int:pk>/sensitivity/", document_sensitivity, name="document-sensitivity"),
]
