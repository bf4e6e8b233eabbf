"""Read-side queries for the web views: document search, filters and claim tallies.

The views stay thin; anything that decides *which* rows a page shows lives here so it can
be tested on its own and grow. The search box goes through the full-text index
(:func:`civicwatch.services.search.document_match`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.db.models import Count, F, QuerySet

from civicwatch.core.vocab import ReviewState
from civicwatch.services import search
from civicwatch.store.models import Claim, Document


@dataclass(frozen=True)
class DocumentFilters:
    """What the user asked the document list for (already validated)."""

    q: str = ""
    publisher: str = ""
    sensitivity: str = ""
    # the document list's filters (uploads helper): country and language codes, a
    # publication period and a review progress (applied by the view: it counts claims
    # through the access layer)
    country: str = ""
    language: str = ""
    published_from: date | None = None
    published_to: date | None = None
    progress: str = ""

    @property
    def active(self) -> bool:
        return bool(
            self.q
            or self.publisher
            or self.sensitivity
            or self.country
            or self.language
            or self.published_from
            or self.published_to
            or self.progress
        )


class ReviewProgress(StrEnum):
    """How far the review of a document's findings has come (the document list's filter)."""

    WAITING = "waiting"  # at least one finding waits for review
    REVIEWED = "reviewed"  # findings, all reviewed
    NONE = "none"  # nothing found


def case_variants(term: str) -> list[str]:
    """Spellings of ``term`` to look for so that case never hides a match.

    ``icontains`` folds only ASCII letters on SQLite (and on PostgreSQL under the C
    locale), so "астана" would miss "Астана". Non-ASCII terms are therefore also searched
    in lower case, upper case and with a capital initial. No longer used by the search box
    (the full-text index folds case itself); kept until its test goes.
    """
    if term.isascii():
        return [term]
    return list(dict.fromkeys([term, term.lower(), term.upper(), term.capitalize()]))


def documents(filters: DocumentFilters) -> QuerySet[Document]:
    """Documents matching ``filters``, newest publication first (undated ones last)."""
    queryset = Document.objects.all()
    # every word of the search in the title, publisher or text, through the full-text index
    match = search.document_match(filters.q) if filters.q else None
    if match is not None:
        queryset = queryset.filter(pk__in=match)
    if filters.publisher:
        queryset = queryset.filter(publisher=filters.publisher)
    if filters.sensitivity:
        queryset = queryset.filter(sensitivity=filters.sensitivity)
    if filters.country:
        queryset = queryset.filter(country=filters.country)
    if filters.language:
        queryset = queryset.filter(language=filters.language)
    if filters.published_from:
        queryset = queryset.filter(published__gte=filters.published_from)
    if filters.published_to:
        queryset = queryset.filter(published__lte=filters.published_to)
    return queryset.order_by(F("published").desc(nulls_last=True), "-ingested_at", "-pk")


def publishers() -> list[str]:
    """Every publisher named on at least one document, alphabetically."""
    return list(
        Document.objects.exclude(publisher="")
        .order_by("publisher")
        .values_list("publisher", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class ClaimSummary:
    """How many of a document's current claims are in each review state."""

    by_state: list[tuple[ReviewState, int]]
    superseded: int

    @property
    def total(self) -> int:
        return sum(count for _, count in self.by_state)


def claim_summary(document: Document) -> ClaimSummary:
    claims = Claim.objects.filter(document=document)
    rows = (
        claims.filter(superseded_at__isnull=True)
        .order_by()
        .values("review_state")
        .annotate(n=Count("pk"))
    )
    counts = {row["review_state"]: row["n"] for row in rows}
    return ClaimSummary(
        by_state=[(state, counts.get(state.value, 0)) for state in ReviewState],
        superseded=claims.filter(superseded_at__isnull=False).count(),
    )
