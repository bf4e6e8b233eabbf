"""The ``civicwatch`` command: a thin layer over the library.

Every command's help ends with an example. Commands that need the database create and
migrate it on first use, so each works on a fresh ``CIVICWATCH_HOME``.
"""

from __future__ import annotations

import click

from civicwatch import __version__
from civicwatch.cli import (
    accounts,
    api,
    cases,
    documents,
    exports,
    extraction,
    pairs,
    reports,
    review,
    sensitivity,
    server,
    statistics,
    worker,
)
from civicwatch.errors import CivicwatchError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="civicwatch")
def cli() -> None:
    """Civicwatch: turn monitoring reports into sourced, structured case files.

    Data lives in $CIVICWATCH_HOME (default ./var); set CIVICWATCH_DATABASE_URL to use
    PostgreSQL. See docs/configuration.md.

    \b
    Example:
        civicwatch ingest examples/reports/
    """


cli.add_command(documents.ingest)
cli.add_command(server.migrate)
cli.add_command(server.serve)
cli.add_command(server.create_admin)
cli.add_command(server.demo)
cli.add_command(extraction.extract)
cli.add_command(extraction.evaluate)
cli.add_command(extraction.reextract)
cli.add_command(pairs.eval_pairs)
cli.add_command(review.review)
cli.add_command(cases.person)
cli.add_command(cases.followups)
cli.add_command(cases.prisoners)
cli.add_command(cases.rebuild)
cli.add_command(accounts.user)
cli.add_command(worker.worker)
cli.add_command(exports.export)
cli.add_command(exports.import_command)
cli.add_command(reports.report)
cli.add_command(statistics.stats)
cli.add_command(api.token)
cli.add_command(sensitivity.document)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except CivicwatchError as error:
        raise SystemExit(f"Error: {error}") from None
