"""Case pages: the people list, a person's case file, organisations, legal provisions and
places.

Every row comes from :mod:`civicwatch.services.persons` and
:mod:`civicwatch.services.records` at the reader's clearance: a person, organisation or
place the reader may not see answers 404, exactly like one that does not exist. Changes
(merge, unmerge, keep apart, sensitivity) are POSTs for editors, recorded under the user,
and redirect back to the person's page.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import formats
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from civicwatch.cases.identity import IdentityError, root_of
from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import (
    HELD_STATUSES,
    ChargeStatus,
    ClaimKind,
    ConflictKind,
    DatePrecision,
    EventType,
    FollowupKind,
    InvolvementRole,
    LegalCode,
    OrganisationKind,
    PaceCriterion,
    PenaltyKind,
    PersonRole,
    PersonStatus,
    PlaceKind,
    ReviewState,
    Role,
    Sensitivity,
    Vocabulary,
)
from civicwatch.errors import CivicwatchError
from civicwatch.services import persons as people_service
from civicwatch.services import records
from civicwatch.services.persons import HELD, HistoryAction, PersonFilters, PersonOrder
from civicwatch.store.models import Person
from civicwatch.web.permissions import clearance, role_required

#: The element the people list's htmx requests replace.
RESULTS_TARGET = "person-results"
PAGE_SIZE = 25
HISTORY_SHOWN = 30
# A long case is read a page at a time: events per page, sources per charge, reports listed.
EVENTS_PER_PAGE = 25
SOURCES_SHOWN = 10
REPORTS_SHOWN = 20

ORDER_LABELS = {
    PersonOrder.NAME: _("Name"),
    PersonOrder.SINCE: _("Latest change of status"),
    PersonOrder.SOURCES: _("Most reported"),
}
# What a field of a record or claim is called on a page.
FIELD_LABELS = {
    "name": _("Name"),
    "role": _("Role"),
    "variants": _("Other spellings"),
    "born": _("Year of birth"),
    "kind": _("Kind"),
    "amount": _("Amount"),
    "date": _("Date"),
    "article": _("Article"),
    "jurisdiction": _("Country"),
    "country": _("Country"),
    "type": _("Event"),
    "place": _("Place"),
    "due": _("Due"),
    "sensitivity": _("Sensitivity"),
    "articles": _("Articles"),
    "freedoms": _("Freedoms"),
    "outcome": _("Outcome"),
}
# The vocabulary a field's values come from, by the kind of claim.
_FIELD_VOCABULARIES: dict[tuple[str, str], type[Vocabulary]] = {
    (ClaimKind.OUTCOME.value, "kind"): PenaltyKind,
    (ClaimKind.FOLLOWUP.value, "kind"): FollowupKind,
    (ClaimKind.ORGANISATION.value, "kind"): OrganisationKind,
    (ClaimKind.PLACE.value, "kind"): PlaceKind,
    (ClaimKind.EVENT.value, "type"): EventType,
    (ClaimKind.PERSON.value, "role"): PersonRole,
    (ClaimKind.INVOLVEMENT.value, "role"): InvolvementRole,
    ("", "sensitivity"): Sensitivity,
}
HISTORY_LABELS = {
    HistoryAction.MERGED.value: _("Records merged"),
    HistoryAction.UNMERGED.value: _("Merge undone"),
    HistoryAction.KEPT_APART.value: _("Kept apart"),
    HistoryAction.ACCEPTED.value: _("Accepted"),
    HistoryAction.CORRECTED.value: _("Corrected"),
    HistoryAction.REJECTED.value: _("Rejected"),
    HistoryAction.CHANGED.value: _("Changed"),
}


# ---- Display helpers -------------------------------------------------------------------


def _term(vocabulary: type[Vocabulary], value: Any) -> str:
    if value is None or value == "":
        return ""
    try:
        return vocabulary(str(value)).label
    except ValueError:
        return str(value)


def fuzzy_label(text: str | None) -> str:
    """A stored date (``2023``, ``2023-04``, ``2023-04-10``, ``2023-02~mid``) in words."""
    if not text:
        return ""
    try:
        value = FuzzyDate.parse(str(text))
    except (CivicwatchError, ValueError):
        return str(text)
    first = value.earliest()
    precision = value.precision
    if precision is DatePrecision.DAY:
        return formats.date_format(first, "DATE_FORMAT")
    if precision is DatePrecision.YEAR:
        return str(first.year)
    month = formats.date_format(first, "YEAR_MONTH_FORMAT")
    if precision is DatePrecision.EARLY:
        return gettext("early %(month)s") % {"month": month}
    if precision is DatePrecision.MID:
        return gettext("mid-%(month)s") % {"month": month}
    if precision is DatePrecision.LATE:
        return gettext("late %(month)s") % {"month": month}
    return month


def _day(value: date | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        return fuzzy_label(value)
    return formats.date_format(value, "DATE_FORMAT")


def _shown(kind: str, field: str, value: Any) -> str:
    """A value of a claim's field as a page shows it (labels, not terms)."""
    if value is None or value == "" or value == []:
        return "—"
    vocabulary = _FIELD_VOCABULARIES.get((kind, field)) or _FIELD_VOCABULARIES.get(("", field))
    if vocabulary is not None:
        return _term(vocabulary, value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return " ".join(str(item) for item in value.values() if item)
    if field in {"date", "due"}:
        return fuzzy_label(str(value))
    return str(value)


def _status_text(code: str) -> str:
    return _term(PersonStatus, code)


def _outcome_text(kind: str, amount: str | None) -> str:
    label = _term(PenaltyKind, kind)
    return f"{label}: {amount}" if amount else label


# ---- The people list -------------------------------------------------------------------


def _filters(request: HttpRequest, countries: list[str]) -> PersonFilters:
    query = request.GET
    status = query.get("status", "")
    if status != HELD and status not in {member.value for member in PersonStatus}:
        status = ""
    country = query.get("country", "").upper()
    if country not in countries:
        country = ""
    try:
        order = PersonOrder(query.get("order", ""))
    except ValueError:
        order = PersonOrder.SINCE if status == HELD else PersonOrder.NAME
    return PersonFilters(
        q=query.get("q", "").strip()[:200], status=status, country=country, order=order
    )


def _is_results_request(request: HttpRequest) -> bool:
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Target") == RESULTS_TARGET
        and "HX-History-Restore-Request" not in request.headers
    )


@require_safe
@never_cache
def person_list(request: HttpRequest) -> HttpResponse:
    reader = clearance(request)
    countries = people_service.person_countries(reader)
    filters = _filters(request, countries)
    paginator = Paginator(people_service.people(filters, reader), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    rows = people_service.people_rows(list(page.object_list), reader)
    for row in rows:
        row["status_label"] = _status_text(row["status"])
        row["since_label"] = _day(row["since"])
        row["release_label"] = _day(row["expected_release"])
        row["held"] = row["status"] in {status.value for status in HELD_STATUSES}
    context = {
        "filters": filters,
        "rows": rows,
        "page_obj": page,
        "paginator": paginator,
        "results_target": RESULTS_TARGET,
        "held": HELD,
        "statuses": [(status.value, status.label) for status in PersonStatus],
        "countries": countries,
        "orders": list(ORDER_LABELS.items()),
        "show_articles": filters.status == HELD or any(row["held"] for row in rows),
    }
    template = "web/persons_results.html" if _is_results_request(request) else "web/persons.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


# ---- A person --------------------------------------------------------------------------


def _visible_root(request: HttpRequest, pk: int) -> int:
    """The root of person ``pk`` when the reader may see it; 404 otherwise (whether it
    does not exist or is hidden from them)."""
    try:
        root = root_of(pk)
    except IdentityError:
        raise Http404(gettext("No such person.")) from None
    if not people_service.is_visible(root, clearance(request)):
        raise Http404(gettext("No such person."))
    return root


def _source_view(source: dict[str, Any] | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {
        **source,
        "published_label": _day(source.get("published")),
        "unreviewed": source.get("review_state") == ReviewState.PROPOSED.value,
    }


def _history_view(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    shown = []
    for entry in entries:
        kind = entry.get("kind", "")
        changes = [
            {
                "field": FIELD_LABELS.get(change["field"], change["field"].replace("_", " ")),
                "old": _shown(kind, change["field"], change["old"]),
                "new": _shown(kind, change["field"], change["new"]),
            }
            for change in entry["changes"]
        ]
        shown.append(
            {
                **entry,
                "label": HISTORY_LABELS.get(entry["action"], entry["action"]),
                "changes": changes,
            }
        )
    return shown


def _person_context(request: HttpRequest, root: int) -> dict[str, Any]:
    reader = clearance(request)
    number = _page_number(request)
    data = people_service.person_file(
        root,
        clearance=reader,
        events_limit=EVENTS_PER_PAGE,
        events_offset=(number - 1) * EVENTS_PER_PAGE,
        newest_first=True,
        sources_limit=SOURCES_SHOWN,
        documents_limit=REPORTS_SHOWN,
    )
    status = data["status"]
    status["label"] = _status_text(status["code"])
    status["since_label"] = _day(status["since"])
    status["as_of_label"] = _day(status["as_of"])
    status["release_label"] = _day(status["expected_release"])
    status["source"] = _source_view(status["source"])
    status["sources"] = [status["source"]] if status["source"] else []
    status["held"] = status["code"] in {s.value for s in HELD_STATUSES}
    for charge in data["charges"]:
        charge["status_label"] = _term(ChargeStatus, charge["status"])
        charge["first_date_label"] = _day(charge["first_date"])
        charge["sources"] = [_source_view(source) for source in charge["sources"]]
        charge["unreviewed"] = charge["review_state"] == ReviewState.PROPOSED.value
        charge["history"] = [
            {"status": _term(ChargeStatus, step["status"]), "date": fuzzy_label(step["date"])}
            for step in charge["history"]
        ]
    outcomes = []
    for event in data["events"]:
        event["type_label"] = _term(EventType, event["type"])
        event["date_label"] = fuzzy_label(event["date"])
        event["sources"] = [_source_view(source) for source in event["sources"]]
        event["unreviewed"] = event["review_state"] == ReviewState.PROPOSED.value
        event["outcome_labels"] = [_outcome_text(o["kind"], o["amount"]) for o in event["outcomes"]]
        for outcome in event["outcomes"]:
            outcomes.append(
                {
                    "label": _term(PenaltyKind, outcome["kind"]),
                    "amount": outcome["amount"],
                    "date_label": event["date_label"],
                    "event": event,
                }
            )
    events_by_id = {event["id"]: event for event in data["events"]}
    for conflict in data["conflicts"]:
        conflict["kind_label"] = _term(ConflictKind, conflict["kind"])
        conflict["event_row"] = events_by_id.get(conflict["event"])
        titles = {
            source["document"]: source["title"]
            for event in data["events"]
            for source in event["sources"]
        }
        for value in conflict["values"]:
            value["documents_shown"] = [
                {"id": document, "title": titles.get(document, "")}
                for document in value.get("documents", [])
            ]
    for followup in data["followups"]:
        followup["kind_label"] = _term(FollowupKind, followup["kind"])
        followup["due_label"] = _day(followup["due"])
        followup["overdue"] = bool(followup["due"]) and followup["due"] < date.today().isoformat()
    for recognition in data["recognitions"]:
        recognition["date_label"] = _day(recognition["date"])
        recognition["criteria_labels"] = [
            _term(PaceCriterion, criterion) for criterion in recognition["criteria"]
        ]
    duplicates = list(Person.objects.filter(pk__in=data["possible_duplicates"]))
    duplicate_names = people_service.display_names(duplicates, reader)
    data["duplicates"] = [
        {
            "id": person.pk,
            "name": duplicate_names[person.pk][0],
            "status": _status_text(person.status),
        }
        for person in duplicates
    ]
    for record in data["merged_records"]:
        record["automatic"] = record["method"] != "reviewer"
    for document in data["documents"]:
        document["published_label"] = _day(document["published"])
    data["roles_label"] = ", ".join(_term(PersonRole, role) for role in data["roles"])
    history = people_service.person_history(root, clearance=reader, limit=HISTORY_SHOWN)
    return {
        "person": data,
        "status": status,
        "outcomes": outcomes,
        "history": _history_view(history["entries"]),
        "history_total": history["total"],
        "history_more": history["total"] > len(history["entries"]),
        "pages": _pages(number, data["event_count"], EVENTS_PER_PAGE),
        "first_page": number == 1,
        "sources_shown": SOURCES_SHOWN,
        "sensitivities": [(level.value, level.label) for level in Sensitivity],
        "sensitivity_label": _term(Sensitivity, data["sensitivity"]),
    }


@require_safe
@never_cache
def person_page(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        root = root_of(pk)
    except IdentityError:
        raise Http404(gettext("No such person.")) from None
    if root != pk:
        return redirect("web:person", pk=_visible_root(request, root))
    try:
        # The case file checks the reader may see the person (404 like an unknown id).
        context = _person_context(request, root)
    except IdentityError:
        raise Http404(gettext("No such person.")) from None
    return render(request, "web/person.html", context)


@require_safe
@never_cache
def person_history_page(request: HttpRequest, pk: int) -> HttpResponse:
    root = _visible_root(request, pk)
    if root != pk:
        return redirect("web:person-history", pk=root)
    reader = clearance(request)
    name = people_service.display_names([Person.objects.get(pk=root)], reader)[root][0]
    data = {"id": root, "name": name}
    history = people_service.person_history(root, clearance=reader, limit=1000)
    return render(
        request,
        "web/person_history.html",
        {
            "person": data,
            "history": _history_view(history["entries"]),
            "history_total": history["total"],
        },
    )


def _back(root: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("web:person", args=[root]))


def _other(request: HttpRequest, name: str = "other") -> int:
    """The visible person another form field names (by id); 404 when there is none."""
    try:
        other = int(request.POST.get(name, ""))
    except ValueError:
        raise Http404(gettext("No such person.")) from None
    return _visible_root(request, other)


@require_POST
@role_required(Role.EDITOR)
def person_merge(request: HttpRequest, pk: int) -> HttpResponse:
    root = _visible_root(request, pk)
    other = _other(request)
    try:
        people_service.merge_persons(root, other, user=request.user)
    except CivicwatchError as error:
        messages.error(request, gettext("Could not merge: %(reason)s") % {"reason": error})
        return _back(root)
    messages.success(
        request,
        gettext("Merged. The records are one person now; the merge can be undone below."),
    )
    return _back(root_of(root))


@require_POST
@role_required(Role.EDITOR)
def person_unmerge(request: HttpRequest, pk: int) -> HttpResponse:
    root = _visible_root(request, pk)
    try:
        record = int(request.POST.get("record", ""))
    except ValueError:
        raise Http404(gettext("No such person.")) from None
    if record == root or record not in Person.objects.filter(canonical=root).values_list(
        "pk", flat=True
    ):
        raise Http404(gettext("No such person."))
    try:
        people_service.unmerge_person(record, user=request.user)
    except CivicwatchError as error:
        messages.error(request, gettext("Could not undo the merge: %(reason)s") % {"reason": error})
        return _back(root)
    messages.success(request, gettext("Merge undone: the record is a person of its own again."))
    return _back(root_of(root))


@require_POST
@role_required(Role.EDITOR)
def person_keep_apart(request: HttpRequest, pk: int) -> HttpResponse:
    root = _visible_root(request, pk)
    other = _other(request)
    try:
        people_service.keep_apart(root, other, user=request.user)
    except CivicwatchError as error:
        messages.error(request, gettext("Could not keep apart: %(reason)s") % {"reason": error})
        return _back(root)
    messages.success(request, gettext("Recorded as different people."))
    return _back(root)


@require_POST
@role_required(Role.EDITOR)
def person_sensitivity(request: HttpRequest, pk: int) -> HttpResponse:
    root = _visible_root(request, pk)
    try:
        level = Sensitivity(request.POST.get("level", ""))
    except ValueError:
        messages.error(request, gettext("Choose public, internal or confidential."))
        return _back(root)
    changed = records.set_person_sensitivity(root, level, user=request.user)
    if changed:
        messages.success(
            request,
            gettext("Sensitivity set to %(level)s for every record of this person.")
            % {"level": level.label},
        )
    return _back(root)


# ---- Organisations, provisions, places -------------------------------------------------


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _events_view(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row["type_label"] = _term(EventType, row["type"])
        row["date_label"] = fuzzy_label(row["date"])
        row["unreviewed"] = row["review_state"] == ReviewState.PROPOSED.value
        for person in row["people"]:
            person["role_label"] = _term(InvolvementRole, person["role"])
    return rows


def _pages(number: int, total: int, size: int) -> dict[str, Any]:
    last = max(1, (total + size - 1) // size)
    return {
        "number": min(number, last),
        "last": last,
        "previous": number - 1 if number > 1 else None,
        "next": number + 1 if number < last else None,
    }


@require_safe
@never_cache
def organisation_list(request: HttpRequest) -> HttpResponse:
    number = _page_number(request)
    q = request.GET.get("q", "").strip()[:200]
    rows, total = records.organisation_list(
        clearance(request), q=q, offset=(number - 1) * 50, limit=50
    )
    for row in rows:
        row["kind_label"] = _term(OrganisationKind, row["kind"])
    return render(
        request,
        "web/organisations.html",
        {"rows": rows, "total": total, "q": q, "pages": _pages(number, total, 50)},
    )


@require_safe
@never_cache
def organisation_page(request: HttpRequest, pk: int) -> HttpResponse:
    number = _page_number(request)
    try:
        page = records.organisation_page(
            pk, clearance(request), offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE
        )
    except records.RecordNotFound:
        raise Http404(gettext("No such organisation.")) from None
    for person in page.people:
        person["status_label"] = _status_text(person["status"])
    for document in page.documents:
        document["published_label"] = _day(document["published"])
    return render(
        request,
        "web/organisation.html",
        {
            "page": page,
            "organisation": page.organisation,
            "kind_label": _term(OrganisationKind, page.organisation.kind),
            "events": _events_view(page.events),
            "pages": _pages(number, page.event_count, PAGE_SIZE),
        },
    )


@require_safe
@never_cache
def provision_list(request: HttpRequest) -> HttpResponse:
    number = _page_number(request)
    rows, total = records.provision_list(clearance(request), offset=(number - 1) * 50, limit=50)
    return render(
        request,
        "web/provisions.html",
        {"rows": rows, "total": total, "pages": _pages(number, total, 50)},
    )


@require_safe
@never_cache
def provision_page(request: HttpRequest, pk: int) -> HttpResponse:
    number = _page_number(request)
    try:
        page = records.provision_page(pk, clearance(request), offset=(number - 1) * 50, limit=50)
    except records.RecordNotFound:
        raise Http404(gettext("No such legal provision.")) from None
    for row in page.charged:
        row["status_label"] = _status_text(row["status"])
        row["since_label"] = _day(row["since"])
        row["charge_label"] = _term(ChargeStatus, row["charge_status"])
        row["first_date_label"] = _day(row["first_date"])
        row["held"] = row["status"] in {status.value for status in HELD_STATUSES}
        for outcome in row["outcomes"]:
            outcome["label"] = _outcome_text(outcome["kind"], outcome["amount"])
            outcome["date_label"] = fuzzy_label(outcome["date"])
    provision = page.provision
    return render(
        request,
        "web/provision.html",
        {
            "page": page,
            "provision": provision,
            "code_label": _term(LegalCode, provision.code),
            "pages": _pages(number, page.charged_count, 50),
        },
    )


@require_safe
@never_cache
def place_page(request: HttpRequest, pk: int) -> HttpResponse:
    number = _page_number(request)
    try:
        page = records.place_page(
            pk, clearance(request), offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE
        )
    except records.RecordNotFound:
        raise Http404(gettext("No such place.")) from None
    for child in page.children:
        child["kind_label"] = _term(PlaceKind, child["kind"])
    return render(
        request,
        "web/place.html",
        {
            "page": page,
            "place": page.place,
            "kind_label": _term(PlaceKind, page.place.kind),
            "events": _events_view(page.events),
            "pages": _pages(number, page.event_count, PAGE_SIZE),
        },
    )


urlpatterns = [
    path("persons/", person_list, name="persons"),
    path("persons/<int:pk>/", person_page, name="person"),
    path("persons/<int:pk>/history/", person_history_page, name="person-history"),
    path("persons/<int:pk>/merge/", person_merge, name="person-merge"),
    path("persons/<int:pk>/unmerge/", person_unmerge, name="person-unmerge"),
    path("persons/<int:pk>/keep-apart/", person_keep_apart, name="person-keep-apart"),
    path("persons/<int:pk>/sensitivity/", person_sensitivity, name="person-sensitivity"),
    path("organisations/", organisation_list, name="organisations"),
    path("organisations/<int:pk>/", organisation_page, name="organisation"),
    path("provisions/", provision_list, name="provisions"),
    path("provisions/<int:pk>/", provision_page, name="provision"),
    path("places/<int:pk>/", place_page, name="place"),
]
