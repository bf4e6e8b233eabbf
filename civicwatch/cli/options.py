"""Option callbacks shared by several commands: parse once, fail with a usage error."""

from __future__ import annotations

from datetime import date

import click

from civicwatch.core.dates import parse_iso_day
from civicwatch.errors import InvalidValueError


def iso_day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """A ``YYYY-MM-DD`` option value as a date."""
    if value is None:
        return None
    try:
        return parse_iso_day(value)
    except InvalidValueError as error:
        raise click.BadParameter(str(error)) from None
