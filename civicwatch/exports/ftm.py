"""FollowTheMoney entities as JSON lines (loadable by ``ftm`` tools and Aleph).

Reports become ``Document`` entities; people ``Person``; organisations ``Organization``;
places ``Address``; events ``Event`` (with the people and organisations ``involved`` and
the reports as ``proof``); each charge a ``CourtCase`` with a ``CourtCaseParty`` for the
defendant; each penalty a ``Sanction`` on its person; affiliations ``Membership``; and
``Documentation`` links say which report documents which person or event. Every entity is
built and cleaned by the followthemoney library (unknown values are dropped by it, not
written), and ids are stable: ``make_id("civicwatch", <table>, <id>)``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.db.models.functions import Coalesce
from followthemoney import model
from followthemoney.proxy import EntityProxy

from civicwatch.core.vocab import ClaimKind, EventType, Gender, PersonRole, PersonStatus
from civicwatch.exports.scope import CHUNK, Scope
from civicwatch.exports.tables import charge_rows, event_rows, label, outcome_rows
from civicwatch.store.models import Affiliation, OrganisationAlias, PersonName

NAMESPACE = "civicwatch"

_GENDERS = {Gender.MALE.value: "male", Gender.FEMALE.value: "female"}


def entity_id(table: str, pk: Any) -> str:
    proxy = model.make_entity("Thing")
    return str(proxy.make_id(NAMESPACE, table, str(pk)))


def _entity(schema: str, table: str, pk: Any) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = entity_id(table, pk)
    return proxy


def _line(proxy: EntityProxy) -> str:
    return json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"


def _documentation(document_id: int, table: str, pk: Any) -> EntityProxy:
    link = _entity("Documentation", f"documentation-{table}", f"{document_id}-{pk}")
    link.add("document", entity_id("document", document_id))
    link.add("entity", entity_id(table, pk))
    link.add("role", "source")
    return link


def _documents(scope: Scope) -> Iterator[str]:
    for document in scope.documents.defer("text").iterator(chunk_size=CHUNK):
        proxy = _entity("Document", "document", document.pk)
        proxy.add("fileName", document.filename)
        proxy.add("title", document.title)
        proxy.add("publisher", document.publisher or None)
        proxy.add("sourceUrl", document.source_url or None)
        proxy.add("publishedAt", document.published.isoformat() if document.published else None)
        proxy.add("language", document.language or None, quiet=True)
        proxy.add("contentHash", document.sha256, quiet=True)
        proxy.add("mimeType", document.media_type, quiet=True)
        proxy.add("country", document.country or None, quiet=True)
        yield _line(proxy)


def _persons(scope: Scope) -> Iterator[str]:
    from django.db.models import Prefetch

    names = Prefetch(
        "names", PersonName.objects.filter(scope.visible_claim("claim")).order_by("pk")
    )
    for person in scope.roots.order_by("pk").prefetch_related(names).iterator(chunk_size=CHUNK):
        proxy = _entity("Person", "person", person.pk)
        proxy.add("name", person.canonical_name)
        for name in person.names.all():
            if name.name != person.canonical_name:
                proxy.add("alias", name.name)
        proxy.add("gender", _GENDERS.get(person.gender), quiet=True)
        proxy.add("birthDate", str(person.born) if person.born else None, quiet=True)
        proxy.add("country", person.country or None, quiet=True)
        for role in person.roles or []:
            proxy.add("position", label(PersonRole, role))
        proxy.add("status", label(PersonStatus, person.status))
        yield _line(proxy)
    # Which visible report names which person: one pass over (root, document) pairs.
    pairs = (
        scope.claims.filter(
            kind=ClaimKind.PERSON.value,
            person__isnull=False,
            document__in=scope.documents.values("pk"),
        )
        .annotate(root=Coalesce("person__canonical_id", "person__id"))
        .filter(root__in=scope.roots.values("pk"))
        .values_list("root", "document_id")
        .distinct()
        .order_by("root", "document_id")
    )
    for root, document_id in pairs.iterator(chunk_size=CHUNK):
        yield _line(_documentation(document_id, "person", root))


def _organisations(scope: Scope) -> Iterator[str]:
    from django.db.models import Prefetch

    aliases = Prefetch("aliases", OrganisationAlias.objects.order_by("pk"))
    for organisation in scope.organisations.prefetch_related(aliases).iterator(chunk_size=CHUNK):
        proxy = _entity("Organization", "organisation", organisation.pk)
        proxy.add("name", organisation.name)
        for alias in organisation.aliases.all():
            if alias.name != organisation.name:
                proxy.add("alias", alias.name)
        proxy.add("status", organisation.registration_status)
        yield _line(proxy)
    persons = scope.roots.values("pk")
    affiliations = Affiliation.objects.filter(
        person__in=persons, organisation__in=scope.organisations.values("pk")
    ).order_by("pk")
    for affiliation in affiliations.iterator(chunk_size=CHUNK):
        proxy = _entity("Membership", "affiliation", affiliation.pk)
        proxy.add("member", entity_id("person", affiliation.person_id))
        proxy.add("organization", entity_id("organisation", affiliation.organisation_id))
        proxy.add("role", affiliation.role or None)
        yield _line(proxy)


def _places(scope: Scope) -> Iterator[str]:
    for place in scope.places.iterator(chunk_size=CHUNK):
        proxy = _entity("Address", "place", place.pk)
        proxy.add("full", place.name)
        proxy.add("country", place.country_code or None, quiet=True)
        if place.latitude is not None and place.longitude is not None:
            proxy.add("latitude", str(place.latitude))
            proxy.add("longitude", str(place.longitude))
        yield _line(proxy)


def _events(scope: Scope) -> Iterator[str]:
    for row in event_rows(scope):
        proxy = _entity("Event", "event", row["id"])
        proxy.add("name", " ".join(filter(None, [label(EventType, row["type"]), row["date"]])))
        proxy.add("summary", row["summary"] or None)
        proxy.add("date", row["date_start"] or None)
        if row["date_end"] and row["date_end"] != row["date_start"]:
            proxy.add("endDate", row["date_end"])
        proxy.add("location", row["place"] or None)
        proxy.add("country", row["country"] or None, quiet=True)
        for involvement in row["_involvements"]:
            if involvement.person_id is not None:
                proxy.add("involved", entity_id("person", involvement.person_id))
            else:
                proxy.add("involved", entity_id("organisation", involvement.organisation_id))
        documents = [d for d in row["source_documents"].split("; ") if d]
        for document_id in documents:
            proxy.add("proof", entity_id("document", document_id))
        yield _line(proxy)
        for document_id in documents:
            yield _line(_documentation(int(document_id), "event", row["id"]))


def _charges(scope: Scope) -> Iterator[str]:
    for row in charge_rows(scope):
        case = _entity("CourtCase", "charge", row["id"])
        title = row["provision"] + (f" ({row['short_title']})" if row["short_title"] else "")
        case.add("name", f"{row['person']}: {title}")
        case.add("caseNumber", row["case_reference"] or None)
        case.add("fileDate", row["first_date"] or None)
        case.add("status", row["status"])
        case.add("category", row["code"])
        case.add("country", row["jurisdiction"] or None, quiet=True)
        yield _line(case)
        party = _entity("CourtCaseParty", "charge-party", row["id"])
        party.add("case", case.id)
        party.add("party", entity_id("person", row["person_id"]))
        party.add("role", "defendant")
        yield _line(party)


def _outcomes(scope: Scope) -> Iterator[str]:
    for row in outcome_rows(scope):
        if not row["person_id"]:
            continue  # a penalty without a person has no entity to attach to
        proxy = _entity("Sanction", "outcome", row["id"])
        proxy.add("entity", entity_id("person", row["person_id"]))
        proxy.add("program", row["kind"])
        proxy.add("description", " ".join(filter(None, [row["kind"], row["amount"]])))
        proxy.add("duration", row["amount"] or None)
        proxy.add("startDate", row["date"] or None, quiet=True)
        yield _line(proxy)


def ftm_lines(scope: Scope) -> Iterator[str]:
    """One JSON object per line per entity (documents first, so links point backwards)."""
    for part in (_documents, _places, _organisations, _persons, _events, _charges, _outcomes):
        yield from part(scope)
