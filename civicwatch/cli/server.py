"""Commands for running Civicwatch: migrate, serve, create-admin, demo."""

from __future__ import annotations

import secrets
from pathlib import Path

import click

from civicwatch.cli.bootstrap import apply_migrations, setup_django

DEMO_REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"


@click.command()
def migrate() -> None:
    """Create or upgrade the database schema (done automatically by other commands).

    \b
    Example:
        CIVICWATCH_DATABASE_URL=postgres://civicwatch@db/civicwatch civicwatch migrate
    """
    setup_django(migrate=False)
    applied = apply_migrations(verbosity=0)
    if applied:
        click.echo(f"Applied {len(applied)} migration(s): {', '.join(applied)}")
    else:
        click.echo("Database schema is up to date.")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
def serve(host: str, port: int, threads: int) -> None:
    """Serve the web app with a production WSGI server (waitress).

    Listens on 127.0.0.1 by default, so only this computer can connect. To serve others,
    put it behind a TLS-terminating proxy and set CIVICWATCH_ALLOWED_HOSTS.

    \b
    Example:
        civicwatch serve --port 8000
    """
    setup_django()
    from waitress import serve as waitress_serve

    from civicwatch.wsgi import application

    click.echo(f"Civicwatch is serving on http://{host}:{port}/ (Ctrl-C to stop)")
    try:
        waitress_serve(application, host=host, port=port, threads=threads, ident="civicwatch")
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror}") from None


@click.command("create-admin")
@click.option("--username", default="admin", show_default=True)
@click.option("--email", default="", help="Optional e-mail address.")
@click.option("--reset", is_flag=True, help="Set a new password if the account exists.")
def create_admin(username: str, email: str, reset: bool) -> None:
    """Create an administrator account and print its generated password once.

    \b
    Example:
        civicwatch create-admin --username amina
    """
    setup_django()
    password = _ensure_admin(username, email, reset=reset)
    if password is None:
        raise click.ClickException(
            f"account {username!r} already exists; use --reset to give it a new password"
        )
    _print_credentials(username, password)


@click.command()
@click.option(
    "--reports",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of reports to load (default: the bundled demo corpus).",
)
def demo(reports: Path | None) -> None:
    """Load the demo reports and create a local admin account (password printed once).

    Safe to run again: reports already present are skipped and an existing account is
    kept.

    \b
    Example:
        civicwatch demo && civicwatch serve
    """
    setup_django()
    from civicwatch.services.cases import database_counts
    from civicwatch.services.documents import DocumentMetadata, ingest_paths

    folder = reports or DEMO_REPORTS
    if not folder.is_dir():
        raise click.ClickException(f"demo reports not found at {folder}")
    # each report names its own publisher ("Issued by …", the file's details)
    summary = ingest_paths([folder], DocumentMetadata())
    for failure in summary.failures:
        click.echo(f"failed: {failure.path}: {failure.error}", err=True)
    click.echo(
        f"Demo reports: {len(summary.results) - len(summary.failures)} loaded "
        f"from {folder}, {len(summary.failures)} failed."
    )
    counts = database_counts()
    click.echo(
        f"Case database: {counts['people']} people ({counts['held']} held today), "
        f"{counts['events']} events, {counts['charges']} charges, {counts['outcomes']} "
        "outcomes. Try: civicwatch person list"
    )
    password = _ensure_admin("admin", "", reset=False)
    if password is None:
        click.echo("Admin account 'admin' exists (reset it with: civicwatch create-admin --reset)")
    else:
        _print_credentials("admin", password)
    if summary.failures:
        raise SystemExit(1)


def _ensure_admin(username: str, email: str, *, reset: bool) -> str | None:
    """Create (or with ``reset``, re-key) an admin; returns the new password or None."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is not None and not reset:
        return None
    password = secrets.token_urlsafe(12)
    if user is None:
        user_model.objects.create_superuser(username=username, email=email, password=password)
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
    return password


def _print_credentials(username: str, password: str) -> None:
    click.echo("")
    click.echo("  Administrator account (shown only this once; keep it safe):")
    click.echo(f"    username: {username}")
    click.echo(f"    password: {password}")
    click.echo("")
