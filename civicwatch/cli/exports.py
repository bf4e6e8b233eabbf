"""``civicwatch export`` and ``civicwatch import``: data out and in."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from civicwatch.cli.bootstrap import setup_django
from civicwatch.errors import CivicwatchError

FORMAT_NAMES = ["json", "csv", "ftm", "acled", "prisoners"]
LEVELS = ["public", "internal", "confidential"]


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    required=True,
    help="json (full, re-importable), csv (folder or .zip), ftm (FollowTheMoney "
    "JSON lines), acled (assembly events), prisoners (political-prisoner list CSV).",
)
@click.option(
    "--level",
    type=click.Choice(LEVELS),
    default="internal",
    show_default=True,
    help="The most sensitive records the export may contain.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (csv: a folder, or a file ending in .zip; prisoners: a PDF "
    "when it ends in .pdf). Default: standard output (not for csv).",
)
def export(fmt: str, level: str, out: Path | None) -> None:
    """Export the database at a sensitivity level: nothing more sensitive is written.

    \b
    Example:
        civicwatch export --format ftm --level public --out public.ftm.json
    """
    setup_django()
    from civicwatch.services.exports import export_chunks, export_to_path

    try:
        if out is None:
            if fmt == "csv":
                raise click.UsageError(
                    "the csv export is several files: give --out FOLDER or FILE.zip"
                )
            for chunk in export_chunks(fmt, level):
                sys.stdout.write(chunk)
            return
        written = export_to_path(fmt, out, level)
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {written} ({fmt}, level {level})", err=True)


@click.command("import")
@click.argument("kind", type=click.Choice(["persons", "events", "json"]))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the file and report; write nothing.")
@click.option(
    "--valid-only", is_flag=True, help="CSV: import the valid rows even when others have errors."
)
@click.option(
    "--sensitivity",
    type=click.Choice(LEVELS),
    default="internal",
    show_default=True,
    help="CSV: the sensitivity of the imported rows' source document.",
)
def import_command(
    kind: str, file: Path, dry_run: bool, valid_only: bool, sensitivity: str
) -> None:
    """Import persons or events from CSV, or a full JSON export into an empty database.

    A CSV file with errors is reported row by row and nothing is written, unless
    --valid-only. See docs/exports.md for the columns.

    \b
    Example:
        civicwatch import events detentions.csv --dry-run
    """
    setup_django()
    from civicwatch.services.exports import import_csv, import_json

    try:
        if kind == "json":
            summary = import_json(file, dry_run=dry_run)
            counts = ", ".join(f"{count} {name}" for name, count in summary.counts.items() if count)
            verb = "Would import" if dry_run else "Imported"
            click.echo(f"{verb} {counts or 'nothing'} (exported at level {summary.level})")
            return
        result = import_csv(
            kind, file, dry_run=dry_run, valid_only=valid_only, sensitivity=sensitivity
        )
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    for row_error in result.errors:
        click.echo(f"{file}: {row_error}", err=True)
    if result.already_imported:
        click.echo(f"{file} was imported before (document {result.document}); nothing written")
        return
    if result.written:
        click.echo(f"Imported {result.valid} of {result.rows} rows as document {result.document}")
        return
    if dry_run:
        click.echo(
            f"Dry run: {result.valid} of {result.rows} rows valid, {len(result.errors)} errors"
        )
        if result.errors:
            raise SystemExit(1)
        return
    raise click.ClickException(
        f"nothing imported: {len(result.errors)} errors in {result.rows} rows "
        "(fix them, or import the valid rows with --valid-only)"
    )
