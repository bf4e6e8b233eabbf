"""CSV import of persons and events, with a dry run and an error report.

The imported file is stored as a document of its own (its text is the CSV), and each row
becomes claims anchored on that row's characters, through the same path as an ingested
report (:func:`civicwatch.store.claims.proposed_claims`, case files rebuilt afterwards):
every imported fact stays traceable to the line it came from.

Columns (a header row is required; names are case-insensitive; lists split on ``;``):

- persons: ``name`` (required), ``variants``, ``role``, ``country``
- events: ``type`` (required), ``date`` (YYYY, YYYY-MM or YYYY-MM-DD), ``place``,
  ``country``, ``persons``, ``role`` (how those persons took part; default target),
  ``articles`` (``CC 274``, ``CAO 488-6``), ``freedoms``, ``outcome``, ``amount``

Nothing is written when any row has an error, unless ``valid_only`` (then the valid rows
are imported and the others reported). The whole import is one transaction.
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from civicwatch import ingest
from civicwatch.cases import build_pending
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
)
from civicwatch.core.vocab import (
    EventType,
    Freedom,
    InvolvementRole,
    PenaltyKind,
    PersonRole,
    Sensitivity,
    Vocabulary,
)
from civicwatch.errors import InvalidValueError
from civicwatch.exports.imports import ImportFileError
from civicwatch.store.claims import proposed_claims, sync_claims
from civicwatch.store.ingestion import DocumentMetadata, store_bytes

KINDS = {
    "persons": (("name",), ("name", "variants", "role", "country")),
    "events": (
        ("type",),
        (
            "type",
            "date",
            "place",
            "country",
            "persons",
            "role",
            "articles",
            "freedoms",
            "outcome",
            "amount",
        ),
    ),
}
EXTRACTOR = "csv-import"
ARTICLE = re.compile(r"^(CC|CAO) [0-9][0-9A-Za-z.\-]*$")


@dataclass(frozen=True)
class RowError:
    row: int  # the line number in the file (the header is row 1)
    column: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass
class CsvImportSummary:
    kind: str
    rows: int = 0
    valid: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    document: int | None = None
    already_imported: bool = False


@dataclass
class _Row:
    number: int
    start: int
    end: int
    values: dict[str, str]


def _term(vocabulary: type[Vocabulary], text: str) -> Vocabulary:
    """A term by its value or its English label."""
    text = text.strip()
    for member in vocabulary:
        if text.lower() == member.english_label.lower():
            return member
    return vocabulary.parse(text)


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _read_rows(text: str, kind: str) -> tuple[list[_Row], list[RowError]]:
    """Rows with their character spans (a quoted field may span lines)."""
    required, known = KINDS[kind]
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    consumed = 0

    def feed() -> Iterator[str]:
        nonlocal consumed
        for line in lines:
            consumed += 1
            yield line

    reader = csv.reader(feed())
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        return [], [RowError(1, "-", "the file is empty (a header row is required)")]
    errors = [
        RowError(1, name, "missing required column") for name in required if name not in header
    ]
    errors += [
        RowError(1, name, f"unknown column (known: {', '.join(known)})")
        for name in header
        if name and name not in known
    ]
    if errors:
        return [], errors
    rows = []
    while True:
        first = consumed
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(RowError(first + 1, "-", f"unreadable CSV: {error}"))
            break
        if not any(cell.strip() for cell in cells):
            continue
        start, end = offsets[first], offsets[consumed]
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        if len(cells) > len(header):
            errors.append(RowError(first + 1, "-", f"{len(cells)} cells for {len(header)} columns"))
            continue
        values = {
            name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)
        }
        rows.append(_Row(first + 1, start, end, values))
    return rows, errors


class _Builder:
    """Turns valid rows into an extraction result, collecting the errors of the others."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.persons: list[PersonRecord] = []
        self.events: list[EventRecord] = []
        self.errors: list[RowError] = []

    def _check(self, row: _Row, column: str, parse: Any) -> Any:
        value = row.values.get(column, "")
        if not value:
            return None
        try:
            return parse(value)
        except InvalidValueError as error:
            self.errors.append(RowError(row.number, column, str(error)))
            raise

    def _person(self, row: _Row, name: str, role: PersonRole, country: str) -> PersonRecord:
        record = PersonRecord(
            name=name,
            role=role,
            jurisdiction=country or None,
            mentions=[(row.start, row.end)],
            id=f"p{len(self.persons) + 1}",
        )
        self.persons.append(record)
        return record

    def _country(self, row: _Row) -> str:
        country = row.values.get("country", "").upper()
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            self.errors.append(
                RowError(row.number, "country", f"{country!r} is not a two-letter ISO code")
            )
            raise InvalidValueError(country)
        return country

    def person_row(self, row: _Row) -> bool:
        try:
            if not row.values.get("name"):
                self.errors.append(RowError(row.number, "name", "a name is required"))
                return False
            role = self._check(row, "role", lambda v: _term(PersonRole, v)) or PersonRole.OTHER
            country = self._country(row)
        except InvalidValueError:
            return False
        record = self._person(row, row.values["name"], role, country)
        record.variants = _list(row.values.get("variants", ""))
        return True

    def event_row(self, row: _Row) -> bool:
        before = len(self.errors)
        checks = {
            "type": lambda v: _term(EventType, v),
            "date": FuzzyDate.parse,
            "role": lambda v: _term(InvolvementRole, v),
            "freedoms": lambda v: [_term(Freedom, part) for part in _list(v)],
            "outcome": lambda v: _term(PenaltyKind, v),
            "articles": _articles,
        }
        parsed: dict[str, Any] = dict.fromkeys(checks)
        for column, parse in checks.items():
            with contextlib.suppress(InvalidValueError):
                parsed[column] = self._check(row, column, parse)
        try:
            country = self._country(row)
        except InvalidValueError:
            country = ""
        if parsed.get("type") is None and not any(e.column == "type" for e in self.errors[before:]):
            self.errors.append(RowError(row.number, "type", "an event type is required"))
        if row.values.get("amount") and parsed.get("outcome") is None:
            self.errors.append(RowError(row.number, "amount", "an amount needs an outcome kind"))
        if len(self.errors) > before:
            return False
        role = parsed["role"] or InvolvementRole.TARGET
        evidence = Evidence.of(self.text, row.start, row.end)
        participants = []
        outcome = None
        for name in _list(row.values.get("persons", "")):
            person = self._person(row, name, PersonRole.OTHER, country)
            participants.append(Participant(name=name, role=role, person=person.id))
            if parsed["outcome"] is not None:
                record = OutcomeRecord(
                    kind=parsed["outcome"],
                    amount=row.values.get("amount") or None,
                    date=parsed["date"],
                    evidence=evidence,
                    id=f"o{len(self.persons)}",
                    person=person.id,
                )
                person.outcomes.append(record)
                outcome = outcome or record
            for number, article in enumerate(parsed["articles"] or [], start=1):
                person.charges.append(
                    ChargeRecord(
                        article=article,
                        anchor=(row.start, row.end),
                        evidence=evidence,
                        jurisdiction=country or None,
                        date=parsed["date"],
                        id=f"c{len(self.persons)}-{number}",
                        person=person.id,
                    )
                )
        if outcome is None and parsed["outcome"] is not None:
            outcome = OutcomeRecord(
                kind=parsed["outcome"], amount=row.values.get("amount") or None, date=parsed["date"]
            )
        self.events.append(
            EventRecord(
                type=parsed["type"],
                evidence=evidence,
                date=parsed["date"],
                participants=participants,
                articles=parsed["articles"] or [],
                outcome=outcome,
                place=row.values.get("place") or None,
                freedoms=parsed["freedoms"] or [],
                id=f"e{len(self.events) + 1}",
            )
        )
        return True


def _articles(text: str) -> list[str]:
    articles = _list(text)
    for article in articles:
        if not ARTICLE.match(article):
            raise InvalidValueError(f"{article!r} is not an article like 'CC 274' or 'CAO 488-6'")
    return articles


def import_csv(
    kind: str,
    path: Path,
    *,
    dry_run: bool = False,
    valid_only: bool = False,
    sensitivity: Sensitivity = Sensitivity.INTERNAL,
    user: Any = None,
) -> CsvImportSummary:
    if kind not in KINDS:
        raise InvalidValueError(f"unknown import kind {kind!r}; use persons, events or json")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"cannot read {path}: {error.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(f"{path} is not UTF-8 text (byte {error.start})") from None
    summary = CsvImportSummary(kind=kind, dry_run=dry_run)
    rows, errors = _read_rows(text, kind)
    summary.rows = len(rows)
    builder = _Builder(text)
    builder.errors.extend(errors)
    handle = builder.person_row if kind == "persons" else builder.event_row
    summary.valid = sum(1 for row in rows if handle(row))
    summary.errors = sorted(builder.errors, key=lambda e: (e.row, e.column))
    if dry_run or summary.valid == 0 or (summary.errors and not valid_only):
        return summary
    result = ExtractionResult(
        document=DocumentInfo(title=f"CSV import of {kind}: {path.name}"),
        persons=builder.persons,
        events=builder.events,
        extractor=EXTRACTOR,
        extractor_version="1",
    )
    read = ingest.ReadResult(
        text=text,
        title=f"CSV import of {kind}: {path.name}",
        published=None,
        language=None,
        media_type="text/csv",
        reader=f"{EXTRACTOR}/1",
    )

    def store(document: Any) -> None:
        sync_claims(document, result, proposed_claims(document.text, result), new_document=True)

    with transaction.atomic():
        document, created = store_bytes(
            data,
            path.name,
            DocumentMetadata(sensitivity=sensitivity, title=read.title or ""),
            after_create=store,
            read=read,
            user=user,
        )
        if created:
            build_pending()
    summary.document = document.pk
    summary.written = created
    summary.already_imported = not created
    return summary
