"""Start Django for commands that need the database, migrating a fresh database first."""

from __future__ import annotations

import os

import click

from civicwatch.errors import CivicwatchError

_ready = False


def setup_django(*, migrate: bool = True) -> None:
    """Configure Django once; with ``migrate``, apply pending migrations quietly."""
    global _ready
    if _ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicwatch.settings")
    import django

    try:
        django.setup()
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    _ready = True
    if migrate:
        apply_migrations(verbosity=0)


def apply_migrations(*, verbosity: int) -> list[str]:
    """Apply unapplied migrations; returns their names (empty when up to date)."""
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import OperationalError

    connection = connections[DEFAULT_DB_ALIAS]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except OperationalError as error:
        raise click.ClickException(f"cannot open the database: {error}") from None
    if plan:
        call_command("migrate", interactive=False, verbosity=verbosity)
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
