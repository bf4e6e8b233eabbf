"""``civicwatch token``: tokens of the JSON API (docs/api.md)."""

from __future__ import annotations

import click

from civicwatch.cli.bootstrap import setup_django
from civicwatch.errors import CivicwatchError


@click.group()
def token() -> None:
    """Tokens of the JSON API at /api/: a token acts with its account's role.

    \b
    Example:
        civicwatch token create amina --name "statistics script"
    """


@token.command("create")
@click.argument("username")
@click.option("--name", default="", help="What the token is for (shown in the list).")
def create(username: str, name: str) -> None:
    """Make a token for an account; it is printed once and cannot be shown again.

    \b
    Example:
        civicwatch token create amina --name "statistics script"
    """
    setup_django()
    from civicwatch.services.tokens import create_token

    try:
        token_id, secret = create_token(username, name)
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Token {token_id} for {username!r} (shown once; keep it safe):")
    click.echo(secret)


@token.command("list")
def list_command() -> None:
    """List tokens: id, account, name, first characters, created, last used, revoked.

    \b
    Example:
        civicwatch token list
    """
    setup_django()
    from civicwatch.services.tokens import list_tokens

    def when(value: object) -> str:
        return value.isoformat(timespec="seconds") if value else "-"  # type: ignore[attr-defined]

    for row in list_tokens():
        state = f"revoked {when(row.revoked)}" if row.revoked else "active"
        click.echo(
            f"{row.id}\t{row.owner}\t{row.name or '-'}\t{row.prefix}…\t"
            f"created {when(row.created)}\tlast used {when(row.last_used)}\t{state}"
        )


@token.command("revoke")
@click.argument("token_id", metavar="ID", type=int)
def revoke(token_id: int) -> None:
    """Revoke a token: it stops working at once.

    \b
    Example:
        civicwatch token revoke 3
    """
    setup_django()
    from civicwatch.services.tokens import revoke_token

    try:
        changed = revoke_token(token_id)
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Token {token_id} revoked." if changed else f"Token {token_id} was already revoked."
    )
