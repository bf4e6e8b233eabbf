"""The people list: filters, order, rows (the web app's and the API's ``/persons/``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value

from civicwatch.core.names import name_tokens
from civicwatch.core.vocab import (
    HELD_STATUSES,
    PersonStatus,
    ReviewState,
    Sensitivity,
)
from civicwatch.services import access
from civicwatch.services.person_access import (
    Visibility,
    display_names,
    documents_by_root,
)
from civicwatch.store.models import (
    Charge,
    Claim,
    Person,
    PersonName,
)

__all__ = ["HELD", "PersonFilters", "PersonOrder", "people", "people_rows", "person_countries"]


# ---- The people list -------------------------------------------------------------------

#: The status filter that means "deprived of liberty today" (pre-trial, house arrest, prison).
HELD = "held"


class PersonOrder(StrEnum):
    """How the people list is sorted."""

    NAME = "name"
    SINCE = "since"  # the latest change of status first
    SOURCES = "sources"  # the most reported first


@dataclass(frozen=True)
class PersonFilters:
    """What a reader asked the people list for (already validated)."""

    q: str = ""
    status: str = ""  # a PersonStatus term, or HELD
    country: str = ""
    order: PersonOrder = PersonOrder.NAME

    @property
    def active(self) -> bool:
        return bool(self.q or self.status or self.country)


def _name_matches(q: str, allowed: list[str] | None) -> Any:
    """Person records with a spelling that contains ``q`` (in any script: the folded key
    tokens are compared too, so Жыланбаев finds Zhylanbayev)."""
    condition = Q()
    words = q.split()[:6]
    for word in words:
        variants = {word, word.lower(), word.capitalize(), word.upper()}
        part = Q()
        for variant in variants:
            part |= Q(name__icontains=variant)
        for token in name_tokens(word):
            part |= Q(match_key__contains=token)
        condition &= part
    names = PersonName.objects.filter(condition)
    if allowed is not None:
        names = names.filter(claim__document__sensitivity__in=allowed)
    return names.values("person_id")


def people(filters: PersonFilters, clearance: Sensitivity) -> Any:
    """Roots of the people a reader with ``clearance`` may see, filtered and sorted."""
    allowed = access.levels(clearance)
    queryset = access.visible_persons_listed(clearance)
    if filters.q.strip():
        queryset = queryset.filter(pk__in=_name_matches(filters.q, allowed))
    if filters.status:
        wanted = (
            [status.value for status in HELD_STATUSES]
            if filters.status == HELD
            else [filters.status]
        )
        # A status resting on a report the reader may not see is unknown to them.
        queryset = queryset.filter(status__in=wanted).filter(
            Q(status_source__isnull=True) | Q(status_source__document__sensitivity__in=allowed)
        )
    if filters.country:
        queryset = queryset.filter(country=filters.country)
    if filters.order is PersonOrder.SINCE:
        return queryset.order_by(F("status_since").desc(nulls_last=True), "canonical_name", "pk")
    if filters.order is PersonOrder.SOURCES:
        counted = Subquery(
            Claim.objects.filter(
                Q(person__pk=OuterRef("pk")) | Q(person__canonical=OuterRef("pk")),
                superseded_at__isnull=True,
                document__sensitivity__in=allowed,
            )
            .exclude(review_state=ReviewState.REJECTED.value)
            .order_by()
            .annotate(group=Value(1))
            .values("group")
            .annotate(n=Count("document", distinct=True))
            .values("n")[:1]
        )
        return queryset.annotate(reports=counted).order_by(
            F("reports").desc(nulls_last=True), "canonical_name", "pk"
        )
    return queryset.order_by("canonical_name", "pk")


def person_countries(clearance: Sensitivity) -> list[str]:
    """The countries of the cases of the people a reader may see."""
    return sorted(
        set(
            access.visible_persons_listed(clearance)
            .exclude(country="")
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
    )


def people_rows(roots: list[Person], clearance: Sensitivity) -> list[dict[str, Any]]:
    """What the people list shows of each root (one page of them, in a few queries): the
    name and how many other spellings, the status with since when (unknown when it rests on
    a report the reader may not see), how many visible reports name the person, and the
    articles they are charged under."""
    ids = [root.pk for root in roots]
    see = Visibility(clearance)
    names = display_names(roots, clearance)
    documents = {root: see.documents(found) for root, found in documents_by_root(ids).items()}
    status_documents = dict(
        Claim.objects.filter(
            pk__in=[root.status_source_id for root in roots if root.status_source_id]
        ).values_list("pk", "document_id")
    )
    visible_status = see.documents(status_documents.values())
    articles: dict[int, list[dict[str, Any]]] = defaultdict(list)
    charges = Charge.objects.filter(person__in=ids)
    if see.allowed is not None:  # only charges resting on a report the reader may see
        charges = charges.filter(
            Exists(
                Charge.sources.through.objects.filter(
                    charge=OuterRef("pk"), claim__document__sensitivity__in=see.allowed
                )
            )
        )
    charges = charges.select_related("provision").order_by("first_date", "pk")
    for charge in charges:
        entry = {
            "provision": charge.provision_id,
            "label": charge.provision.label,
            "short_title": charge.provision.short_title,
            "status": charge.status,
        }
        if entry not in articles[charge.person_id]:
            articles[charge.person_id].append(entry)
    rows = []
    for root in roots:
        name, others = names[root.pk]
        shown = root.status_source_id is None or (
            status_documents.get(root.status_source_id) in visible_status
        )
        rows.append(
            {
                "id": root.pk,
                "name": name,
                "other_spellings": len(others),
                "status": root.status if shown else PersonStatus.UNKNOWN.value,
                "since": root.status_since if shown else None,
                "expected_release": root.expected_release if shown else None,
                "country": root.country,
                "sources": len(documents.get(root.pk, ())),
                "articles": articles.get(root.pk, []),
            }
        )
    return rows
