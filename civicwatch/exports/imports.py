"""Imports: the JSON export read back into an empty database, and CSV files of persons and
events (:mod:`civicwatch.exports.csv_import`).

The JSON import keeps every record's id, so that exporting the imported database gives the
same document again; it therefore needs an empty database (no documents, claims, persons
or events) and refuses otherwise. Everything is written in one transaction: a file that
fails half-way leaves nothing behind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

from civicwatch.cases.identity import rekey
from civicwatch.errors import InvalidValueError
from civicwatch.exports.json_export import FORMAT, VERSION
from civicwatch.exports.records import fields_of, is_user_link
from civicwatch.store import search_index
from civicwatch.store.bulk import insert_rows
from civicwatch.store.models import (
    Affiliation,
    Charge,
    ChargeChange,
    Claim,
    ClaimRevision,
    Conflict,
    Document,
    Event,
    Followup,
    Involvement,
    LegalProvision,
    Organisation,
    OrganisationAlias,
    Outcome,
    Person,
    PersonMerge,
    PersonName,
    Place,
    PossibleDuplicate,
    Recognition,
)


class ImportFileError(InvalidValueError):
    """A file to import is malformed (the message says where)."""


@dataclass(frozen=True)
class Section:
    name: str
    model: type[models.Model]
    nested: dict[str, tuple[type[models.Model], str]] = field(default_factory=dict)
    links: tuple[str, ...] = ()  # many-to-many fields written as lists of ids


SECTIONS = (
    Section("documents", Document),
    Section("claims", Claim, {"history": (ClaimRevision, "claim")}),
    Section("provisions", LegalProvision),
    Section(
        "organisations", Organisation, {"aliases": (OrganisationAlias, "organisation")}, ("claims",)
    ),
    Section("places", Place, links=("claims",)),
    Section("persons", Person, {"names": (PersonName, "person")}),
    Section("affiliations", Affiliation),
    Section("merges", PersonMerge),
    Section("possible_duplicates", PossibleDuplicate),
    Section("events", Event, links=("sources",)),
    Section("involvements", Involvement),
    Section("charges", Charge, {"history": (ChargeChange, "charge")}, ("sources",)),
    Section("outcomes", Outcome, links=("sources",)),
    Section("recognitions", Recognition),
    Section("followups", Followup),
    Section("conflicts", Conflict),
)


@dataclass
class JsonImportSummary:
    level: str
    counts: dict[str, int]
    dry_run: bool = False


def _require_empty() -> None:
    for model in (Document, Claim, Person, Event):
        if model.objects.exists():
            raise ImportFileError(
                "the JSON import needs an empty database (it keeps every record's id); "
                f"this one already has {model._meta.verbose_name_plural}"
            )


class _Users:
    """Account names to ids; a name not known here becomes an account that cannot log in
    (it records who did what, as in the exporting installation)."""

    def __init__(self) -> None:
        self.model = get_user_model()
        self.ids = dict(self.model.objects.values_list("username", "pk"))

    def id_of(self, name: str | None) -> int | None:
        if not name:
            return None
        if name not in self.ids:
            user = self.model(username=name)
            user.set_unusable_password()
            user.save()
            self.ids[name] = user.pk
        return self.ids[name]


def _rows(
    model: type[models.Model], records: Iterable[dict[str, Any]], users: _Users, where: str
) -> tuple[list[str], list[list[Any]]]:
    fields = fields_of(model)
    names = ["id", *[f.attname for f in fields]]
    rows = []
    for index, record in enumerate(records, start=1):
        if not isinstance(record, dict) or not isinstance(record.get("id"), int):
            raise ImportFileError(f"{where}, record {index}: not an object with an integer id")
        row: list[Any] = [record["id"]]
        for f in fields:
            value = record.get(f.name)
            if is_user_link(f):
                value = users.id_of(value)
            elif not f.is_relation:
                if value is None and not f.null:
                    auto = getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False)
                    value = timezone.now() if auto else f.get_default()
                try:
                    value = f.to_python(value)
                except Exception as error:  # a Django ValidationError or a type error
                    raise ImportFileError(
                        f"{where}, record {index} (id {record['id']}), field {f.name}: {error}"
                    ) from None
            row.append(value)
        rows.append(row)
    return names, rows


def _insert(model: type[models.Model], names: list[str], rows: Any, where: str) -> None:
    """Insert rows; a row the database refuses (a broken link, a reversed span, a
    duplicate) fails the whole import with the section named."""
    try:
        with transaction.atomic():
            insert_rows(model, names, rows)
    except DatabaseError as error:
        raise ImportFileError(f"{where}: the database refused a record ({error})") from None


def import_json(path: Path | str, *, dry_run: bool = False) -> JsonImportSummary:
    """Read a full JSON export into this (empty) database."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise ImportFileError(f"cannot read {path}: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ImportFileError(f"{path} is not a JSON file: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFileError(f"{path} is not a Civicwatch JSON export (no format {FORMAT!r})")
    if data.get("version") != VERSION:
        raise ImportFileError(f"{path}: export version {data.get('version')!r} is not {VERSION}")
    counts: dict[str, int] = {}
    with transaction.atomic():
        _require_empty()
        users = _Users()
        touched: list[type[models.Model]] = []
        for section in SECTIONS:
            records = data.get(section.name, [])
            if not isinstance(records, list):
                raise ImportFileError(f"{path}: {section.name!r} is not a list")
            names, rows = _rows(section.model, records, users, section.name)
            _insert(section.model, names, rows, section.name)
            touched.append(section.model)
            counts[section.name] = len(rows)
            for key, (model, parent) in section.nested.items():
                nested = [
                    dict(item, **{parent: record["id"]})
                    for record in records
                    for item in record.get(key, [])
                ]
                names, rows = _rows(model, nested, users, f"{section.name}.{key}")
                _insert(model, names, rows, f"{section.name}.{key}")
                touched.append(model)
            for link in section.links:
                through = getattr(section.model, link).through
                own = f"{section.model._meta.model_name}_id"
                other = f"{getattr(section.model, link).field.related_model._meta.model_name}_id"
                _insert(
                    through,
                    [own, other],
                    [
                        (record["id"], target)
                        for record in records
                        for target in record.get(link, [])
                    ],
                    f"{section.name}.{link}",
                )
                touched.append(through)
        _check_links(touched)
        _reset_sequences(touched)
        rekey(set(Person.objects.filter(canonical__isnull=True).values_list("pk", flat=True)))
        search_index.queue_all()
        if dry_run:
            transaction.set_rollback(True)
    return JsonImportSummary(level=str(data.get("level", "")), counts=counts, dry_run=dry_run)


def _check_links(models_touched: list[type[models.Model]]) -> None:
    """Every link points at a row that exists (checked now, as Django's loaddata does,
    rather than when the transaction commits)."""
    try:
        connection.check_constraints(table_names=[m._meta.db_table for m in models_touched])
    except DatabaseError as error:
        raise ImportFileError(f"a record links to one that is not in the file ({error})") from None


def _reset_sequences(models_touched: list[type[models.Model]]) -> None:
    """Rows were inserted with their ids: the next new row must not take one of them."""
    statements = connection.ops.sequence_reset_sql(no_style(), models_touched)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
