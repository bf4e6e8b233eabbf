"""Documents with known extraction results, for tests of the case database that must not
depend on how well the extractor reads a sentence.

``document_with`` stores a text as a Document and syncs claims from records written by the
test (the extraction contract's records), then updates the case files, exactly as ingest
does after extraction.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.records import (
    ChargeRecord,
    DocumentInfo,
    EventRecord,
    Evidence,
    ExtractionResult,
    OutcomeRecord,
    Participant,
    PersonRecord,
    assign_ids,
)
from civicwatch.core.vocab import EventType, InvolvementRole, PenaltyKind, PersonRole


@dataclass
class Said:
    """What a test document says about one person: the name as written and facts."""

    name: str
    role: PersonRole = PersonRole.ACTIVIST
    variants: list[str] = field(default_factory=list)
    outcomes: list[tuple[PenaltyKind, str | None, str | None]] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    events: list[tuple[EventType, str | None]] = field(default_factory=list)


def _sentence(text: str, position: int) -> Evidence:
    """The sentence around ``position`` (sentences end with '. ')."""
    start = text.rfind(". ", 0, position)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", position)
    end = len(text) if end < 0 else end + 1
    return Evidence.of(text, start, end)


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def document_with(
    text: str, people: list[Said], *, published: date = date(2024, 1, 15), version: str = "t1"
):
    """Store ``text`` with claims for ``people`` (every name and fact word must be in it)."""
    from civicwatch.cases import build_pending, mark_document
    from civicwatch.store.claims import sync_claims
    from civicwatch.store.ingestion import DocumentMetadata, store_bytes

    result = extraction(text, people, published=published, version=version)

    def after_create(document):
        sync_claims(document, result)
        mark_document(document)

    data = text.encode("utf-8")
    document, _ = store_bytes(
        data,
        f"{hashlib.sha256(data).hexdigest()[:8]}.txt",
        DocumentMetadata(published=published),
        after_create=after_create,
    )
    build_pending()
    return document


def extraction(
    text: str, people: list[Said], *, published: date, version: str = "t1"
) -> ExtractionResult:
    result = ExtractionResult(
        DocumentInfo("test", FuzzyDate.of_day(published)),
        extractor="test.extractor",
        extractor_version=version,
    )
    cursor = 0
    for index, said in enumerate(people):
        start, end = _span(text, said.name, cursor)
        cursor = end
        person = PersonRecord(
            name=said.name, role=said.role, variants=list(said.variants), mentions=[(start, end)]
        )
        for kind, amount, when in said.outcomes:
            anchor = _span(text, amount or kind.value.replace("_", " "), end)
            person.outcomes.append(
                OutcomeRecord(
                    kind,
                    amount,
                    FuzzyDate.parse(when) if when else None,
                    _sentence(text, anchor[0]),
                    anchor=anchor,
                )
            )
        for article in said.articles:
            anchor = _span(text, article.split()[1], end)
            person.charges.append(ChargeRecord(article, anchor, _sentence(text, anchor[0]), "KZ"))
            person.articles.append(article)
        result.persons.append(person)
        for event_type, when in said.events:
            anchor = _span(text, event_type.value.replace("_", " "), end)
            result.events.append(
                EventRecord(
                    event_type,
                    _sentence(text, anchor[0]),
                    FuzzyDate.parse(when) if when else None,
                    [Participant(said.name, InvolvementRole.DEFENDANT, index=index)],
                    anchor=anchor,
                )
            )
    assign_ids(result)
    ids = [person.id for person in result.persons]
    for event in result.events:
        event.participants = [
            Participant(p.name, p.role, person=ids[p.index], index=p.index)
            for p in event.participants
        ]
    return result
