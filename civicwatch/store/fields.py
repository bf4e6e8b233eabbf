"""Reusable model fields over core types and vocabularies."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import Vocabulary, choices
from civicwatch.errors import InvalidValueError


class FuzzyDateField(models.CharField):
    """A :class:`~civicwatch.core.dates.FuzzyDate` stored in its text form.

    The text form (``2023``, ``2023-04``, ``2023-04-10``, ``2023-02~mid``) sorts
    chronologically within one precision and keeps the precision with the value, so a
    "mid-February" never turns into a made-up day.
    """

    description = "A date known to day, part-of-month, month or year precision"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 16)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 16:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return None
        return FuzzyDate.parse(value)

    def to_python(self, value: Any) -> Any:
        if value is None or isinstance(value, FuzzyDate):
            return value
        if value == "":
            return None
        try:
            return FuzzyDate.parse(str(value))
        except InvalidValueError as error:
            raise ValidationError(str(error), code="invalid") from None

    def get_prep_value(self, value: Any) -> Any:
        value = self.to_python(value)
        return None if value is None else str(value)

    def value_to_string(self, obj: Any) -> str:
        value = self.value_from_object(obj)
        return "" if value is None else str(value)


def vocabulary_field(vocabulary: type[Vocabulary], **kwargs: Any) -> models.CharField:
    """A CharField whose choices are a core vocabulary (the one place terms are defined)."""
    kwargs.setdefault("max_length", 40)
    return models.CharField(choices=choices(vocabulary), **kwargs)


def actor_field(**kwargs: Any) -> models.ForeignKey:
    """Who did something (ingested, reviewed, merged): a user account, or nobody for the
    machine; the record stays when the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **kwargs,
    )
