"""Option callbacks shared by several commands: parse once, fail with a usage error."""

from __future__ import annotations

from datetime import date
from typing import Any

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


def iso_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """A two-letter ISO 639-1 language code option value, lower-cased ("" when absent)."""
    if not value:
        return ""
    code = value.strip().lower()
    if len(code) != 2 or not code.isalpha() or not code.isascii():
        raise click.BadParameter(f"{value!r} is not a two-letter ISO 639-1 code such as ru")
    return code


def user_option(function: Any) -> Any:
    """``--user NAME``: who takes a decision made from the command line."""
    return click.option(
        "--user",
        "username",
        envvar="CIVICWATCH_USER",
        default=None,
        metavar="NAME",
        help="Who decides (default: $CIVICWATCH_USER, else your login name); recorded "
        "with the decision.",
    )(function)


def acting_user(username: str | None) -> Any:
    """The account a command-line decision is recorded under.

    An account named like the login that does not exist yet is created without a usable
    password: it records who decided, and cannot be used to log in to the web app.
    """
    import getpass

    from django.contrib.auth import get_user_model

    name = (username or getpass.getuser() or "cli").strip()
    user_model = get_user_model()
    user = user_model.objects.filter(username=name).first()
    if user is None:
        user = user_model(username=name)
        user.set_unusable_password()
        user.save()
    return user
