"""``civicwatch user``: accounts and their roles."""

from __future__ import annotations

import sys

import click

from civicwatch.cli.bootstrap import setup_django
from civicwatch.core.vocab import Role

ROLE_CHOICE = click.Choice([role.value for role in Role])


@click.group()
def user() -> None:
    """Accounts of the web app and their roles (admin, editor, reviewer, viewer).

    \b
    Example:
        civicwatch user add amina --role reviewer
    """


@user.command("add")
@click.argument("username")
@click.option("--role", type=ROLE_CHOICE, required=True, help="What the account may do.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input instead of generating one.",
)
def add(username: str, role: str, password_stdin: bool) -> None:
    """Create an account; a generated password is printed once.

    Roles: admin (everything, accounts), editor (edit records, merge, upload), reviewer
    (review claims), viewer (read; never sees confidential material).

    \b
    Example:
        echo 'a long passphrase' | civicwatch user add amina --role reviewer --password-stdin
    """
    setup_django()
    from civicwatch.services.accounts import add_user

    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
        if not password:
            raise click.ClickException("no password on standard input")
    created = add_user(username, Role(role), password)
    click.echo(f"Account {username!r} created with the {role} role.")
    if password is None:
        click.echo(f"Password (shown once): {created}")


@user.command("list")
def list_accounts() -> None:
    """List accounts with their roles.

    \b
    Example:
        civicwatch user list
    """
    setup_django()
    from civicwatch.services.accounts import list_users

    for row in list_users():
        state = "" if row.active else " (disabled)"
        click.echo(f"{row.username}\t{row.role.value}{state}")


@user.command("set-role")
@click.argument("username")
@click.option("--role", type=ROLE_CHOICE, required=True)
def set_role(username: str, role: str) -> None:
    """Change an account's role.

    \b
    Example:
        civicwatch user set-role amina --role editor
    """
    setup_django()
    from civicwatch.services.accounts import set_role as change

    change(username, Role(role))
    click.echo(f"Account {username!r} now has the {role} role.")
