"""The full JSON export: every visible record with its provenance.

One JSON object, written as a stream of text chunks::

    {"format": "civicwatch-export", "version": 1, "level": "internal", "exported_at": ...,
     "documents": [...], "claims": [...], "provisions": [...], "organisations": [...],
     "places": [...], "persons": [...], "affiliations": [...], "merges": [...],
     "possible_duplicates": [...], "events": [...], "involvements": [...],
     "charges": [...], "outcomes": [...], "recognitions": [...], "followups": [...],
     "conflicts": [...]}

Each record carries its id and every column of its table (links as ids, accounts by name):
documents their metadata, text and a hash of the text; claims their span, quote, machine
value, current (reviewed) value, review state and history; persons their names; events,
charges and outcomes the claims they were read from (``sources``). The JSON import
(:mod:`civicwatch.exports.imports`) reads this back into an empty database.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.utils import timezone

from civicwatch.exports.records import to_record, user_names
from civicwatch.exports.redact import Redactor
from civicwatch.exports.scope import CHUNK, Scope
from civicwatch.store.models import (
    Affiliation,
    ChargeChange,
    Claim,
    ClaimRevision,
    Conflict,
    Followup,
    LegalProvision,
    OrganisationAlias,
    PersonMerge,
    PersonName,
    PossibleDuplicate,
)

FORMAT = "civicwatch-export"
VERSION = 1

Row = Callable[[Any], dict[str, Any] | None]


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def _ids(claims: Any) -> list[int]:
    return [claim.pk for claim in claims]


class _Writer:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.users = user_names()
        self.redactor = Redactor(scope)

    def record(self, obj: Any, hidden: frozenset[str] = frozenset()) -> dict[str, Any]:
        return to_record(obj, self.users, hidden)

    def visible_sources(self, name: str = "sources") -> Prefetch:
        return Prefetch(
            name,
            queryset=Claim.objects.filter(pk__in=self.scope.claims.values("pk"))
            .only("pk")
            .order_by("pk"),
        )

    def guarded(self, queryset: QuerySet[Any], **links: QuerySet[Any]) -> QuerySet[Any]:
        """Annotate ``ok_<link>``: the link is empty or points at a row in the given set."""
        return queryset.annotate(
            **{
                f"ok_{name}": ExpressionWrapper(
                    Q(Exists(rows.filter(pk=OuterRef(name)))) | Q(**{f"{name}__isnull": True}),
                    output_field=BooleanField(),
                )
                for name, rows in links.items()
            }
        )

    def hidden(self, obj: Any, *names: str) -> frozenset[str]:
        return frozenset(name for name in names if not getattr(obj, f"ok_{name}"))

    # ---- sections ---------------------------------------------------------------------

    def sections(self) -> Iterator[tuple[str, QuerySet[Any], Row]]:
        scope = self.scope
        claims = scope.claims
        yield "documents", scope.documents, self.document
        yield (
            "claims",
            claims.prefetch_related(Prefetch("history", ClaimRevision.objects.order_by("pk"))),
            self.claim,
        )
        yield (
            "provisions",
            LegalProvision.objects.filter(
                Exists(scope.charges.filter(provision=OuterRef("pk")))
            ).order_by("pk"),
            self.record,
        )
        yield (
            "organisations",
            scope.organisations.prefetch_related(
                Prefetch("aliases", OrganisationAlias.objects.order_by("pk")),
                self.visible_sources("claims"),
            ),
            self.with_claims,
        )
        yield (
            "places",
            scope.places.prefetch_related(self.visible_sources("claims")),
            self.with_claims,
        )
        yield (
            "persons",
            self.guarded(scope.persons, claim=claims, status_source=claims).prefetch_related(
                Prefetch(
                    "names",
                    PersonName.objects.filter(scope.visible_claim("claim")).order_by("pk"),
                )
            ),
            self.person,
        )
        persons = scope.persons.values("pk")
        yield (
            "affiliations",
            Affiliation.objects.filter(
                person__in=persons, organisation__in=scope.organisations.values("pk")
            ).order_by("pk"),
            self.record,
        )
        yield (
            "merges",
            PersonMerge.objects.filter(survivor__in=persons, absorbed__in=persons).order_by("pk"),
            self.record,
        )
        yield (
            "possible_duplicates",
            PossibleDuplicate.objects.filter(person_a__in=persons, person_b__in=persons).order_by(
                "pk"
            ),
            self.record,
        )
        yield "events", scope.events.prefetch_related(self.visible_sources()), self.with_sources
        yield "involvements", scope.involvements, self.record
        yield (
            "charges",
            scope.charges.prefetch_related(
                self.visible_sources(),
                Prefetch(
                    "history",
                    self.guarded(
                        ChargeChange.objects.order_by("pk"), claim=claims, event=scope.events
                    ),
                ),
            ),
            self.charge,
        )
        yield "outcomes", scope.outcomes.prefetch_related(self.visible_sources()), self.with_sources
        yield "recognitions", scope.recognitions, self.record
        yield (
            "followups",
            self.guarded(
                Followup.objects.filter(person__in=persons).filter(scope.visible_claim("source")),
                event=scope.events,
            ).order_by("pk"),
            lambda row: self.record(row, self.hidden(row, "event")),
        )
        visible_documents = set(scope.documents.values_list("pk", flat=True))
        yield (
            "conflicts",
            self.guarded(Conflict.objects.filter(person__in=persons), event=scope.events).order_by(
                "pk"
            ),
            lambda row: self.conflict(row, visible_documents),
        )

    def document(self, document: Any) -> dict[str, Any]:
        out = self.record(document)
        out["text_sha256"] = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        out["text"] = self.redactor.apply(document.pk, document.text)
        out["text_redacted"] = out["text"] != document.text
        return out

    def claim(self, claim: Any) -> dict[str, Any]:
        out = self.record(claim)
        out["history"] = [self.record(step) for step in claim.history.all()]
        return self.redactor.apply(claim.document_id, out)

    def with_claims(self, row: Any) -> dict[str, Any]:
        out = self.record(row)
        if hasattr(row, "aliases"):
            out["aliases"] = [self.record(alias) for alias in row.aliases.all()]
        out["claims"] = _ids(row.claims.all())
        return out

    def with_sources(self, row: Any) -> dict[str, Any]:
        out = self.record(row)
        out["sources"] = _ids(row.sources.all())
        return out

    def person(self, person: Any) -> dict[str, Any]:
        out = self.record(person, self.hidden(person, "claim", "status_source"))
        out["names"] = [self.record(name) for name in person.names.all()]
        return out

    def charge(self, charge: Any) -> dict[str, Any]:
        out = self.with_sources(charge)
        out["history"] = [
            self.record(step, self.hidden(step, "claim", "event")) for step in charge.history.all()
        ]
        return out

    def conflict(self, conflict: Any, documents: set[int]) -> dict[str, Any] | None:
        """A conflict is shown only when every report it cites is visible (its values are
        what those reports say)."""
        cited = {doc for value in conflict.values for doc in value.get("documents", [])}
        if not cited <= documents:
            return None
        return self.record(conflict, self.hidden(conflict, "event"))


def json_chunks(scope: Scope) -> Iterator[str]:
    """The export as text chunks, one record at a time (constant memory)."""
    writer = _Writer(scope)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "level": scope.level.value,
        "exported_at": timezone.now().isoformat(),
    }
    yield _dump(header)[:-1]
    for name, queryset, row in writer.sections():
        yield f",\n{_dump(name)}: ["
        first = True
        for obj in queryset.iterator(chunk_size=CHUNK):
            record = row(obj)
            if record is None:
                continue
            yield ("\n" if first else ",\n") + _dump(record)
            first = False
        yield "]"
    yield "}\n"
