"""Rows as plain JSON values and back: one generic mapping over the models' own fields, so
the JSON export and the JSON import cannot drift apart.

A link to another row is written as that row's id; a link to a user account as the
account's name (ids of accounts mean nothing in another installation).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models


def plain(value: Any) -> Any:
    """A field value as JSON can hold it."""
    if value is None or isinstance(value, (bool, int, float, str, list, dict)):
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def is_user_link(field: Any) -> bool:
    return bool(field.is_relation and field.related_model is get_user_model())


def fields_of(model: type[models.Model]) -> list[Any]:
    """Concrete fields but the primary key, in declaration order."""
    return [field for field in model._meta.concrete_fields if not field.primary_key]


def to_record(
    obj: models.Model, users: dict[int, str], hidden: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """``obj`` as a dict: ``id`` first, then each field by name (links by id); fields named
    in ``hidden`` are written as null (a link to a row the export may not show)."""
    out: dict[str, Any] = {"id": obj.pk}
    for field in fields_of(type(obj)):
        if field.name in hidden:
            out[field.name] = None
        elif field.is_relation:
            value = getattr(obj, field.attname)
            out[field.name] = users.get(value) if is_user_link(field) and value else value
        else:
            out[field.name] = plain(field.value_from_object(obj))
    return out


def user_names() -> dict[int, str]:
    """Account ids to names (accounts are few: read once per export)."""
    return dict(get_user_model().objects.values_list("pk", "username"))
