"""``civicwatch ingest``: files and folders in, Documents out."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from civicwatch.cli.bootstrap import setup_django
from civicwatch.cli.options import acting_user, iso_day, iso_language, user_option
from civicwatch.core.vocab import Sensitivity


def _source_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    if not value:
        return ""
    if not value.startswith(("http://", "https://")):
        raise click.BadParameter(f"{value!r} is not an http(s) URL")
    return value


def _country(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    if not value:
        return ""
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise click.BadParameter(f"{value!r} is not a two-letter ISO country code such as KZ")
    return code


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--publisher", default="", help="Who published the report(s).")
@click.option(
    "--published",
    callback=iso_day,
    metavar="YYYY-MM-DD",
    help="Publication date (otherwise taken from the file where it says it).",
)
@click.option(
    "--source-url",
    callback=_source_url,
    default="",
    metavar="URL",
    help="Where the report was published.",
)
@click.option(
    "--sensitivity",
    type=click.Choice([s.value for s in Sensitivity]),
    default=Sensitivity.INTERNAL.value,
    show_default=True,
    help="Who may see the documents.",
)
@click.option(
    "--country",
    callback=_country,
    default="",
    metavar="CC",
    help="ISO code of the country the reports are about (otherwise found in the text); "
    "sets the jurisdiction of the articles they cite.",
)
@click.option(
    "--language",
    callback=iso_language,
    default="",
    metavar="LL",
    help="ISO 639-1 code of the reports' language, e.g. ru (otherwise guessed from the "
    "text); extraction reads en and ru, other languages are stored with a note.",
)
@click.option("--no-extract", is_flag=True, help="Store the documents without extracting claims.")
@user_option
def ingest(
    paths: tuple[Path, ...],
    publisher: str,
    published: date | None,
    source_url: str,
    sensitivity: str,
    country: str,
    language: str,
    no_extract: bool,
    username: str | None,
) -> None:
    """Ingest reports (.txt .md .html .pdf .docx) and folders of them, recursively.

    Each new document is run through extraction; its findings are stored as proposed
    claims and the case files of the people it names are updated, in one transaction.
    The same file ingested twice is stored once. A file that cannot be read is named with
    the reason; the others are still ingested, and the command exits with status 1.

    \b
    Example:
        civicwatch ingest reports/2023/ --publisher "KIBHR" --published 2023-03-27
        civicwatch ingest bulletin-ru.pdf --language ru --country KZ
    """
    setup_django()
    from civicwatch.services.documents import DocumentMetadata, Status, ingest_paths

    metadata = DocumentMetadata(
        publisher=publisher.strip(),
        published=published,
        source_url=source_url,
        sensitivity=Sensitivity(sensitivity),
        country=country,
        language=language,
    )
    user = acting_user(username) if username else None
    console = Console()
    if sys.stdout.isatty():
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("Ingesting", total=None)
            summary = ingest_paths(
                paths,
                metadata,
                extract=not no_extract,
                user=user,
                on_result=lambda result: progress.advance(task),
            )
    else:
        summary = ingest_paths(paths, metadata, extract=not no_extract, user=user)

    # Plain lines, never wrapped or cut: people grep and script this output.
    for result in summary.results:
        if result.status is not Status.FAILED:
            note = f"  ({result.note})" if result.note else ""
            click.echo(f"{result.status.value:>16}  {result.path}{note}")
    for failure in summary.failures:
        click.echo(f"{'failed':>16}  {failure.path}: {failure.error}", err=True)
    counts = ", ".join(f"{summary.count(status)} {status.value}" for status in Status)
    click.echo(f"Summary: {counts}")
    if summary.failures:
        raise SystemExit(1)
