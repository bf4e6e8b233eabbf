"""The review queue and single claims: accept, correct, reject, link to a person.

Every claim is read through :func:`civicwatch.services.access.visible_claims` (404 for what
the reader may not see); every decision goes through :mod:`civicwatch.services.review` with
the deciding user. A POST answers an htmx request with the claim's card (or its editor with
the error), and any other request with a redirect back to where it came from.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _t
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from civicwatch.core.names import name_key, normalise_name
from civicwatch.core.vocab import (
    ClaimAction,
    ClaimKind,
    ReviewState,
    Role,
)
from civicwatch.services import access
from civicwatch.services import review as review_service
from civicwatch.store.models import Claim, Person, PersonName
from civicwatch.web.permissions import clearance, role_required
from civicwatch.web.views.claim_cards import (
    KIND_NAMES,
    cards,
    field_name,
    kind_name,
    show_value,
)

PAGE_SIZE = 25
#: Confidence bounds offered in the filter and the bulk accept form.
CONFIDENCE_STEPS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


# ---- Reading ---------------------------------------------------------------------------


def visible_claim(request: HttpRequest, pk: int) -> Claim:
    claim = (
        access.visible_claims(clearance(request))
        .select_related("document", "reviewed_by", "subject")
        .defer("document__text")
        .filter(pk=pk)
        .first()
    )
    if claim is None:
        raise Http404(_t("No such claim."))
    return claim


def _float(text: str | None) -> float | None:
    try:
        value = float(text or "")
    except ValueError:
        return None
    return value if 0 <= value <= 1 else None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


@require_safe
@never_cache
@role_required(Role.REVIEWER)
def queue(request: HttpRequest) -> HttpResponse:
    """The review queue: proposed claims, filtered by document, kind and confidence."""
    seen = clearance(request)
    visible = access.visible_claims(seen)
    document_id = _int(request.GET.get("document"))
    document = (
        access.visible_documents(seen).filter(pk=document_id).first() if document_id else None
    )
    kind = None
    if request.GET.get("kind") in {term.value for term in ClaimKind}:
        kind = ClaimKind(request.GET["kind"])
    min_confidence = _float(request.GET.get("min_confidence"))
    claims = review_service.review_queue(
        visible,
        document=document.pk if document else None,
        kind=kind,
        min_confidence=min_confidence,
    )
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    waiting = (
        visible.filter(superseded_at__isnull=True, review_state=ReviewState.PROPOSED.value)
        .values("document")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    documents_waiting = {row["document"]: row["n"] for row in waiting[:200]}
    options = sorted(
        access.visible_documents(seen).filter(pk__in=list(documents_waiting)).only("pk", "title"),
        key=lambda d: d.title.lower(),
    )
    context = {
        "page_obj": page,
        "cards": cards(list(page.object_list), seen),
        "document": document,
        "documents": [(d, documents_waiting[d.pk]) for d in options],
        "kinds": [(term.value, KIND_NAMES[term]) for term in ClaimKind],
        "kind": kind.value if kind else "",
        "min_confidence": min_confidence,
        "steps": CONFIDENCE_STEPS,
        "next": request.get_full_path(),
    }
    response = render(request, "web/review.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _history_rows(claim: Claim) -> list[dict[str, Any]]:
    rows = []
    for entry in review_service.history(claim):
        rows.append(
            {
                "entry": entry,
                "action": entry.action.label,
                "state_before": ReviewState(entry.state_before).label,
                "state_after": ReviewState(entry.state_after).label,
                "changes": [
                    {
                        "label": field_name(claim.kind, change.field),
                        "old": show_value(claim.kind, change.field, change.old),
                        "new": show_value(claim.kind, change.field, change.new),
                    }
                    for change in (
                        entry.machine_changes
                        if entry.action is ClaimAction.MACHINE_UPDATED
                        else entry.changes
                    )
                ],
                "by_machine": entry.action
                in (ClaimAction.MACHINE_UPDATED, ClaimAction.SUPERSEDED, ClaimAction.RESTORED),
            }
        )
    return rows


def _case_file(request: HttpRequest, claim: Claim) -> Person | None:
    """The person whose case file a claim feeds (its own person, or its subject's)."""
    record = Person.objects.filter(claim_id__in=[claim.pk, claim.subject_id]).first()
    if record is None:
        return None
    root = record.canonical_id or record.pk
    return access.visible_persons(clearance(request)).filter(pk=root).first()


@require_safe
@never_cache
def claim_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One claim: its sentence, current and machine values, decision and full history."""
    claim = visible_claim(request, pk)
    (card,) = cards([claim], clearance(request))
    subject = None
    if claim.subject_id is not None:
        subject = access.visible_claims(clearance(request)).filter(pk=claim.subject_id).first()
    context = {
        "card": card,
        "claim": claim,
        "case_file": _case_file(request, claim),
        "subject": subject,
        "subject_kind": kind_name(subject.kind) if subject else "",
        "history": _history_rows(claim),
        "editing": request.GET.get("edit") == "1",
        "next": request.get_full_path(),
    }
    return render(request, "web/claim.html", context)


@require_safe
@never_cache
def claim_card(request: HttpRequest, pk: int) -> HttpResponse:
    """A claim's card alone (htmx: after cancelling an edit)."""
    (card,) = cards([visible_claim(request, pk)], clearance(request))
    return render(request, "web/_claim_card.html", {"card": card, "next": _next(request)})


@require_safe
@never_cache
def claim_panel(request: HttpRequest) -> HttpResponse:
    """The claims at one highlight of the document page (htmx panel)."""
    ids = [int(part) for part in request.GET.get("ids", "").split(",") if part.isdigit()][:20]
    claims = list(
        access.visible_claims(clearance(request))
        .filter(pk__in=ids)
        .select_related("document", "reviewed_by", "subject")
        .defer("document__text")
    )
    if not claims:
        raise Http404(_t("No such claim."))
    claims.sort(key=lambda claim: ids.index(claim.pk))
    return render(
        request,
        "web/_claim_panel.html",
        {"cards": cards(claims, clearance(request)), "next": _next(request)},
    )


@require_safe
@never_cache
@role_required(Role.REVIEWER)
def claim_editor(request: HttpRequest, pk: int) -> HttpResponse:
    (card,) = cards([visible_claim(request, pk)], clearance(request))
    return render(request, "web/_claim_editor.html", {"card": card, "next": _next(request)})


@require_safe
@never_cache
@role_required(Role.REVIEWER)
def person_choices(request: HttpRequest, pk: int) -> HttpResponse:
    """People whose name matches the search box (any spelling), to link a claim to."""
    claim = visible_claim(request, pk)
    query = " ".join(request.GET.get("q", "").split())[:100]
    persons: list[Person] = []
    if len(query) >= 2:
        # Every word, in any script and spelling, must be in one of the person's names.
        spelled = Q()
        for word in query.split()[:5]:
            key = name_key(normalise_name(word))
            if key:
                spelled &= Q(match_key__contains=key)
        names = PersonName.objects.filter(Q(name__icontains=query) | spelled)
        persons = list(
            access.visible_persons(clearance(request))
            .filter(Q(canonical_name__icontains=query) | Q(names__in=names))
            .distinct()
            .order_by("canonical_name", "pk")[:10]
        )
    return render(
        request,
        "web/_claim_persons.html",
        {"claim": claim, "persons": persons, "query": query, "next": _next(request)},
    )


# ---- Deciding --------------------------------------------------------------------------


def _next(request: HttpRequest) -> str:
    """Where to go back to after a decision: the page asked for, when it is on this site
    (an htmx request names the page it came from in a header)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not target and request.headers.get("HX-Current-URL"):
        parts = urlsplit(request.headers["HX-Current-URL"])
        if parts.netloc == request.get_host():
            target = parts.path + (f"?{parts.query}" if parts.query else "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _answer(request: HttpRequest, claim_id: int, message: str) -> HttpResponse:
    if _is_htmx(request):
        (card,) = cards([visible_claim(request, claim_id)], clearance(request))
        return render(
            request,
            "web/_claim_card.html",
            {"card": card, "just_decided": message, "next": _next(request)},
        )
    messages.success(request, message)
    return HttpResponseRedirect(_next(request) or reverse("web:claim", args=[claim_id]))


def _failed(request: HttpRequest, claim_id: int, error: Exception) -> HttpResponse:
    if _is_htmx(request):
        (card,) = cards([visible_claim(request, claim_id)], clearance(request))
        return render(
            request,
            "web/_claim_card.html",
            {"card": card, "error": str(error), "next": _next(request)},
        )
    messages.error(request, str(error))
    return HttpResponseRedirect(_next(request) or reverse("web:claim", args=[claim_id]))


@require_POST
@role_required(Role.REVIEWER)
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    claim = visible_claim(request, pk)
    try:
        review_service.accept([claim.pk], user=request.user)
    except review_service.ReviewError as error:
        return _failed(request, pk, error)
    return _answer(request, pk, _t("Accepted."))


@require_POST
@role_required(Role.REVIEWER)
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    claim = visible_claim(request, pk)
    reason = request.POST.get("reason", "")[:1000]
    try:
        review_service.reject([claim.pk], user=request.user, reason=reason)
    except review_service.ReviewError as error:
        return _failed(request, pk, error)
    return _answer(request, pk, _t("Rejected."))


@require_POST
@role_required(Role.REVIEWER)
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    claim = visible_claim(request, pk)
    (card,) = cards([claim], clearance(request))
    changes = {
        field.name: request.POST[field.name]
        for field in card.fields
        if field.name in request.POST and request.POST[field.name].strip() != field.current
    }
    note = request.POST.get("note", "")[:1000].strip()
    error = None
    if not changes:
        error = _t("Nothing was changed: edit a field, or accept the claim as it is.")
    else:
        try:
            review_service.correct(claim.pk, changes, user=request.user, note=note)
        except review_service.ReviewError as problem:
            error = str(problem)
    if error is None:
        return _answer(request, pk, _t("Corrected."))
    context = {"card": card, "error": error, "submitted": request.POST, "next": _next(request)}
    if _is_htmx(request):
        return render(request, "web/_claim_editor.html", context)
    claim_context = {
        "card": card,
        "claim": claim,
        "history": _history_rows(claim),
        "editing": True,
        "error": error,
        "next": _next(request),
    }
    return render(request, "web/claim.html", claim_context, status=400)


@require_POST
@role_required(Role.REVIEWER)
def link(request: HttpRequest, pk: int) -> HttpResponse:
    claim = visible_claim(request, pk)
    person_id = _int(request.POST.get("person"))
    person = (
        access.visible_persons(clearance(request)).filter(pk=person_id).first()
        if person_id
        else None
    )
    if person is None:
        return _failed(request, pk, review_service.ReviewError(_t("Choose a person to link to.")))
    try:
        review_service.link_person(claim.pk, person.pk, user=request.user)
    except review_service.ReviewError as error:
        return _failed(request, pk, error)
    return _answer(request, pk, _t("Linked to %(name)s") % {"name": person.canonical_name})


@require_POST
@role_required(Role.REVIEWER)
def new_person(request: HttpRequest, pk: int) -> HttpResponse:
    claim = visible_claim(request, pk)
    try:
        review_service.mark_new_person(claim.pk, user=request.user)
    except review_service.ReviewError as error:
        return _failed(request, pk, error)
    return _answer(request, pk, _t("Kept as a person of their own."))


@require_POST
@role_required(Role.REVIEWER)
def accept_document(request: HttpRequest) -> HttpResponse:
    """Accept every proposed claim of a document at or above a confidence."""
    document_id = _int(request.POST.get("document"))
    document = (
        access.visible_documents(clearance(request)).filter(pk=document_id).first()
        if document_id
        else None
    )
    if document is None:
        raise Http404(_t("No such document."))
    bound = _float(request.POST.get("min_confidence"))
    target = _next(request) or f"{reverse('web:review')}?document={document.pk}"
    if bound is None:
        messages.error(request, _t("Give a confidence between 0 and 1."))
        return HttpResponseRedirect(target)
    hidden = (
        Claim.objects.filter(
            document=document,
            review_state=ReviewState.PROPOSED.value,
            superseded_at__isnull=True,
            confidence__gte=bound,
        )
        .exclude(pk__in=access.visible_claims(clearance(request)).values("pk"))
        .exists()
    )
    if hidden:  # never decide on what the reviewer cannot see
        messages.error(
            request, _t("Some of these claims are not visible to you; decide them one by one.")
        )
        return HttpResponseRedirect(target)
    try:
        decided = review_service.accept_document(document.pk, bound, user=request.user)
    except review_service.ReviewError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(target)
    messages.success(
        request,
        ngettext(
            "Accepted %(count)d claim of at least %(percent)d%% confidence.",
            "Accepted %(count)d claims of at least %(percent)d%% confidence.",
            len(decided),
        )
        % {"count": len(decided), "percent": round(bound * 100)},
    )
    return HttpResponseRedirect(target)


urlpatterns = [
    path("review/", queue, name="review"),
    path("review/accept-document/", accept_document, name="review-accept-document"),
    path("claims/<int:pk>/", claim_page, name="claim"),
    path("claims/<int:pk>/card/", claim_card, name="claim-card"),
    path("claims/<int:pk>/edit/", claim_editor, name="claim-edit"),
    path("claims/<int:pk>/persons/", person_choices, name="claim-persons"),
    path("claims/<int:pk>/accept/", accept, name="claim-accept"),
    path("claims/<int:pk>/reject/", reject, name="claim-reject"),
    path("claims/<int:pk>/correct/", correct, name="claim-correct"),
    path("claims/<int:pk>/link/", link, name="claim-link"),
    path("claims/<int:pk>/new-person/", new_person, name="claim-new-person"),
    path("claims/panel/", claim_panel, name="claim-panel"),
]
