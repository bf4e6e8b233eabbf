"""Fast writes of many rows whose ids nobody needs back (link tables, derived rows).

Django's ``bulk_create`` compiles every value of every row through the ORM, which costs
more than the database's own work when a case file rebuild writes tens of thousands of
small rows. ``insert_rows`` prepares the values with the same field conversions and sends
one parameterised statement through ``executemany`` (SQLite and PostgreSQL alike).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models

__all__ = ["insert_models", "insert_rows", "update_rows"]

# Rows per INSERT ... RETURNING statement (well under SQLite's limit on parameters).
_BATCH = 300


def _column(field: Any) -> str:
    column = field.column
    assert isinstance(column, str), f"{field} has no column"
    return column


def _fields(model: type[models.Model], names: Sequence[str]) -> list[Any]:
    by_name = {field.name: field for field in model._meta.concrete_fields}
    by_name.update({field.attname: field for field in model._meta.concrete_fields})
    return [by_name[name] for name in names]


def _prepared(fields: list[Any], values: Sequence[Any]) -> list[Any]:
    """Values as the database takes them, field by field (JSON dumped, dates adapted)."""
    return [
        field.get_db_prep_save(value, connection)
        for field, value in zip(fields, values, strict=True)
    ]


def insert_rows(
    model: type[models.Model], names: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert ``rows`` (values in the order of ``names``) into ``model``'s table."""
    fields = _fields(model, names)
    prepared = [_prepared(fields, row) for row in rows]
    if not prepared:
        return 0
    columns = ", ".join(connection.ops.quote_name(_column(field)) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", prepared)
    return len(prepared)


def update_rows(
    model: type[models.Model], names: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """``UPDATE`` the ``names`` columns of rows given as (values..., primary key)."""
    fields = _fields(model, names)
    prepared = [[*_prepared(fields, row[:-1]), row[-1]] for row in rows]
    if not prepared:
        return 0
    assignments = ", ".join(f"{connection.ops.quote_name(_column(field))} = %s" for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    assert model._meta.pk is not None
    pk = connection.ops.quote_name(_column(model._meta.pk))
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", prepared)
    return len(prepared)


def insert_models(objects: Sequence[models.Model]) -> None:
    """Insert new model instances of one model and set their primary keys, like
    ``bulk_create`` but with the values prepared once per field (every concrete field but
    the automatic primary key is written; ``auto_now_add`` fields are filled in)."""
    if not objects:
        return
    model = type(objects[0])
    meta = model._meta
    assert meta.pk is not None
    fields = [field for field in meta.concrete_fields if field is not meta.pk]
    for field in fields:
        if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
            for obj in objects:
                field.pre_save(obj, add=True)
    columns = ", ".join(connection.ops.quote_name(_column(field)) for field in fields)
    marks = "(" + ", ".join(["%s"] * len(fields)) + ")"
    table = connection.ops.quote_name(meta.db_table)
    pk = connection.ops.quote_name(_column(meta.pk))
    with connection.cursor() as cursor:
        for start in range(0, len(objects), _BATCH):
            chunk = objects[start : start + _BATCH]
            values = [
                value
                for obj in chunk
                for value in _prepared(fields, [getattr(obj, f.attname) for f in fields])
            ]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([marks] * len(chunk))} "
                f"RETURNING {pk}",
                values,
            )
            ids = [row[0] for row in cursor.fetchall()]
            for obj, pk_value in zip(chunk, sorted(ids), strict=True):
                obj.pk = pk_value
                obj._state.adding = False
                obj._state.db = connection.alias
