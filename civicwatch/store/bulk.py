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

__all__ = ["insert_rows", "update_rows"]


def _fields(model: type[models.Model], names: Sequence[str]) -> list[Any]:
    by_name = {field.name: field for field in model._meta.concrete_fields}
    by_name.update({field.attname: field for field in model._meta.concrete_fields})
    return [by_name[name] for name in names]


def insert_rows(
    model: type[models.Model], names: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert ``rows`` (values in the order of ``names``) into ``model``'s table."""
    fields = _fields(model, names)
    prepared = [
        [
            field.get_db_prep_save(value, connection)
            for field, value in zip(fields, row, strict=True)
        ]
        for row in rows
    ]
    if not prepared:
        return 0
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
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
    prepared = [
        [
            field.get_db_prep_save(value, connection)
            for field, value in zip(fields, row, strict=False)
        ]
        + [row[-1]]
        for row in rows
    ]
    if not prepared:
        return 0
    assignments = ", ".join(f"{connection.ops.quote_name(field.column)} = %s" for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    assert model._meta.pk is not None and model._meta.pk.column is not None
    pk = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", prepared)
    return len(prepared)
