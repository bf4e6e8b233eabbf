"""Documents and their claims; review decisions and document sensitivity."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from civicwatch.api.base import (
    Id,
    Paging,
    PagingQuery,
    clearance,
    known_query,
    page,
    require,
    responses,
    user_of,
)
from civicwatch.api.schemas import (
    ClaimOut,
    ClaimPage,
    CorrectIn,
    DocumentDetail,
    DocumentPage,
    RejectIn,
    SensitivityIn,
    SensitivityOut,
)
from civicwatch.core.vocab import ClaimKind, ReviewState, Role
from civicwatch.services import access, review
from civicwatch.services.records import RecordNotFound
from civicwatch.store.models import Claim, Document

router = Router(tags=["documents"])
claims = Router(tags=["claims"])

_ROW = (
    "id",
    "title",
    "publisher",
    "published",
    "language",
    "country",
    "sensitivity",
    "source_url",
    "filename",
    "media_type",
    "sha256",
    "ingested_at",
)


def document_row(document: Document) -> dict[str, Any]:
    return {name: getattr(document, name) for name in _ROW}


def _document(request: HttpRequest, pk: int) -> Document:
    document = access.visible_documents(clearance(request)).filter(pk=pk).first()
    if document is None:
        raise RecordNotFound(f"no document with id {pk}")
    return document


class DocumentFilters(Schema):
    q: str = Field("", max_length=200, description="Words the document contains")


@router.get("/documents", response=responses(DocumentPage, 401, 422))
def list_documents(
    request: HttpRequest, paging: PagingQuery, filters: Query[DocumentFilters]
) -> dict[str, Any]:
    """Documents the caller may see, newest first."""
    known_query(request, Paging, DocumentFilters)
    from civicwatch.services.search import document_match

    queryset = access.visible_documents(clearance(request)).defer("text")
    match = document_match(filters.q) if filters.q.strip() else None
    if filters.q.strip():
        queryset = queryset.filter(pk__in=match) if match is not None else queryset.none()
    queryset = queryset.order_by("-published", "-pk")
    rows = queryset[paging.offset : paging.offset + paging.limit]
    return page([document_row(d) for d in rows], queryset.count(), paging)


@router.get("/documents/{pk}", response=responses(DocumentDetail, 401, 404, 422))
def get_document(request: HttpRequest, pk: Id) -> dict[str, Any]:
    """A document with its text and how many of its visible claims are in each state."""
    known_query(request)
    document = _document(request, pk)
    counts = dict(
        access.visible_claims(clearance(request))
        .filter(document=document, superseded_at__isnull=True)
        .order_by()
        .values_list("review_state")
        .annotate(n=Count("pk"))
    )
    return {
        **document_row(document),
        "text": document.text,
        "word_count": document.word_count,
        "claims": [{"state": s.value, "count": counts.get(s.value, 0)} for s in ReviewState],
    }


class ClaimFilters(Schema):
    state: ReviewState | None = None
    kind: ClaimKind | None = None


def claim_out(claim: Claim) -> dict[str, Any]:
    subject = claim.subject
    return {
        "id": claim.pk,
        "document": claim.document_id,
        "document_title": claim.document.title,
        "kind": claim.kind,
        "review_state": claim.review_state,
        "summary": review.claim_summary(claim.kind, claim.value or {}),
        "quote": claim.quote,
        "span": [claim.start, claim.end],
        "value": claim.value or {},
        "machine_value": claim.machine_value,
        "subject": subject.pk if subject else None,
        "subject_name": subject.value.get("name") if subject else None,
        "confidence": claim.confidence,
        "origin": claim.origin,
        "reviewed_by": claim.reviewed_by.get_username() if claim.reviewed_by else None,
        "reviewed_at": claim.reviewed_at.isoformat() if claim.reviewed_at else None,
        "review_note": claim.review_note,
    }


def _claims(request: HttpRequest) -> Any:
    return access.visible_claims(clearance(request)).select_related(
        "document", "subject", "reviewed_by"
    )


@router.get("/documents/{pk}/claims", response=responses(ClaimPage, 401, 404, 422))
def document_claims(
    request: HttpRequest, pk: Id, paging: PagingQuery, filters: Query[ClaimFilters]
) -> dict[str, Any]:
    """The live claims read from a document that the caller may see, in text order."""
    known_query(request, Paging, ClaimFilters)
    document = _document(request, pk)
    queryset = _claims(request).filter(document=document, superseded_at__isnull=True)
    if filters.state is not None:
        queryset = queryset.filter(review_state=filters.state.value)
    if filters.kind is not None:
        queryset = queryset.filter(kind=filters.kind.value)
    queryset = queryset.defer("document__text").order_by("start", "end", "pk")
    rows = queryset[paging.offset : paging.offset + paging.limit]
    return page([claim_out(claim) for claim in rows], queryset.count(), paging)


@router.put("/documents/{pk}/sensitivity", response=responses(SensitivityOut))
def set_document_sensitivity(request: HttpRequest, pk: Id, body: SensitivityIn) -> dict[str, Any]:
    """Set who may see a document (editors and administrators)."""
    require(request, Role.EDITOR, "setting a document's sensitivity")
    from civicwatch.services import sensitivity

    _document(request, pk)
    changed = sensitivity.set_document_sensitivity(pk, body.level, user=user_of(request))
    return {"id": pk, "sensitivity": body.level.value, "changed": changed}


# ---- Claims ----------------------------------------------------------------------------


def _claim(request: HttpRequest, pk: int) -> Claim:
    claim = _claims(request).filter(pk=pk).first()
    if claim is None:
        raise RecordNotFound(f"no claim with id {pk}")
    return claim


def _fresh(request: HttpRequest, pk: int) -> dict[str, Any]:
    return claim_out(_claim(request, pk))


@claims.get("/claims/{pk}", response=responses(ClaimOut, 401, 404, 422))
def get_claim(request: HttpRequest, pk: Id) -> dict[str, Any]:
    """One claim: what it asserts, its quote and span, the machine's value, its review."""
    known_query(request)
    return _fresh(request, pk)


@claims.post("/claims/{pk}/accept", response=responses(ClaimOut))
def accept_claim(request: HttpRequest, pk: Id) -> dict[str, Any]:
    """Accept a claim as proposed (reviewers and above); the case files follow."""
    require(request, Role.REVIEWER, "reviewing claims")
    _claim(request, pk)
    review.accept([pk], user=user_of(request))
    return _fresh(request, pk)


@claims.post("/claims/{pk}/reject", response=responses(ClaimOut))
def reject_claim(request: HttpRequest, pk: Id, body: RejectIn) -> dict[str, Any]:
    """Reject a claim: kept on record, out of every case file (reviewers and above)."""
    require(request, Role.REVIEWER, "reviewing claims")
    _claim(request, pk)
    review.reject([pk], user=user_of(request), reason=body.reason)
    return _fresh(request, pk)


@claims.post("/claims/{pk}/correct", response=responses(ClaimOut))
def correct_claim(request: HttpRequest, pk: Id, body: CorrectIn) -> dict[str, Any]:
    """Correct fields of a claim; the machine's value is kept (reviewers and above)."""
    require(request, Role.REVIEWER, "reviewing claims")
    _claim(request, pk)
    review.correct(pk, body.changes, user=user_of(request), note=body.note)
    return _fresh(request, pk)
