"""``civicwatch worker``: process uploads queued through Celery (CIVICWATCH_BROKER_URL)."""

from __future__ import annotations

import click

from civicwatch.cli.bootstrap import setup_django


@click.command()
@click.option(
    "--concurrency",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Files processed at the same time (keep 1 on the embedded SQLite database).",
)
@click.option(
    "--pool",
    type=click.Choice(["prefork", "solo", "threads"]),
    default="prefork",
    show_default=True,
    help="How Celery runs the work: child processes, this process, or threads.",
)
@click.option(
    "--loglevel",
    type=click.Choice(["debug", "info", "warning", "error"]),
    default="info",
    show_default=True,
)
def worker(concurrency: int, pool: str, loglevel: str) -> None:
    """Process files uploaded in the web app, in the background (a Celery worker).

    Needs CIVICWATCH_BROKER_URL (a Redis URL), set the same for the web app and the
    worker, and the same CIVICWATCH_HOME and CIVICWATCH_DATABASE_URL. Without a broker
    the web app processes uploads itself and no worker is needed. Stop it with Ctrl-C:
    a file being processed is finished or left for the next worker.

    \b
    Example:
        CIVICWATCH_BROKER_URL=redis://127.0.0.1:6379/0 civicwatch worker
    """
    setup_django()
    from django.conf import settings

    if not settings.CIVICWATCH_BROKER_URL:
        raise click.ClickException(
            "CIVICWATCH_BROKER_URL is not set: without a broker the web app processes "
            "uploads itself (set it to a Redis URL such as redis://127.0.0.1:6379/0)"
        )
    from civicwatch.tasks.celery_app import app

    app.worker_main(
        [
            "worker",
            f"--concurrency={concurrency}",
            f"--pool={pool}",
            f"--loglevel={loglevel.upper()}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
    )
