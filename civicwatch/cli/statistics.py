"""``civicwatch stats``: the statistics page's figures on the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from civicwatch.cli.bootstrap import setup_django
from civicwatch.cli.options import iso_day
from civicwatch.errors import CivicwatchError

LEVELS = ["public", "internal", "confidential"]


@click.command("stats")
@click.option("--country", default=None, metavar="CODE", help="Two-letter ISO code, e.g. KZ.")
@click.option(
    "--from", "date_from", callback=iso_day, metavar="YYYY-MM-DD", help="First day of the period."
)
@click.option(
    "--to", "date_to", callback=iso_day, metavar="YYYY-MM-DD", help="Last day of the period."
)
@click.option(
    "--level",
    type=click.Choice(LEVELS),
    default="internal",
    show_default=True,
    help="Count only records at this sensitivity or lower.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table (for reading), json or csv (one row per figure: table, key, detail, value).",
)
@click.option(
    "--chart",
    "chart_out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also draw the monthly chart to this file (.svg or .png).",
)
def stats(
    country: str | None,
    date_from: date | None,
    date_to: date | None,
    level: str,
    fmt: str,
    chart_out: Path | None,
) -> None:
    """Statistics: events by month and type, fines and detention at assemblies, the
    most-used legal provisions, persons currently held, events by region.

    \b
    Example:
        civicwatch stats --country KZ --from 2024-01-01 --to 2024-06-30 --level public
    """
    setup_django()
    from civicwatch.services import statistics as service

    try:
        figures = service.compute(level, country=country, date_from=date_from, date_to=date_to)
        if chart_out is not None:
            suffix = chart_out.suffix.lower().lstrip(".")
            if suffix not in ("svg", "png"):
                raise click.UsageError("--chart must end in .svg or .png")
            _write_atomically(chart_out, service.chart("monthly", figures, suffix))
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    if fmt == "json":
        click.echo(service.to_json(figures), nl=False)
    elif fmt == "csv":
        click.echo(service.to_csv(figures), nl=False)
    else:
        _print_tables(service.to_dict(figures))
    if chart_out is not None:
        click.echo(f"Wrote {chart_out}", err=True)


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise click.ClickException(f"cannot write {path}: {error.strerror}") from None


def _print_tables(data: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from civicwatch.core.vocab import EventType, PersonStatus, Unit

    console = Console()
    flt = data["filter"]
    scope = ", ".join(
        part
        for part in (
            flt["country"] or "all countries",
            f"from {flt['from']}" if flt["from"] else "",
            f"to {flt['to']}" if flt["to"] else "",
            f"level {flt['level']}",
        )
        if part
    )
    events = data["events"]
    console.print(f"[bold]Statistics[/bold] ({scope}): {events['total']} events")

    months = Table(title="Events by month and type")
    months.add_column("Month")
    months.add_column("Events", justify="right")
    months.add_column("By type")
    for row in events["by_month"]:
        detail = "; ".join(
            f"{EventType(kind).english_label} {n}" for kind, n in row["by_type"].items()
        )
        months.add_row(row["month"], str(row["total"]), detail)
    console.print(months)

    penalties = data["assembly_penalties"]
    table = Table(title="Administrative penalties at assemblies")
    table.add_column("Figure")
    table.add_column("Value", justify="right")
    table.add_row("Fines", str(penalties["fines"]))
    for unit, total in penalties["fine_totals"].items():
        name = Unit(unit).english_label if unit else "no unit"
        table.add_row(f"Total fines ({name})", str(total))
    table.add_row("Administrative detentions", str(penalties["detentions"]))
    table.add_row("Total days of detention", str(penalties["detention_days"]))
    console.print(table)

    provisions = Table(title="Most-used legal provisions")
    provisions.add_column("Provision")
    provisions.add_column("Short title")
    provisions.add_column("Persons", justify="right")
    for row in data["provisions"]:
        provisions.add_row(row["provision"], row["short_title"], str(row["persons"]))
    console.print(provisions)

    held = data["persons_held"]
    console.print(
        f"Persons currently held: {held['total']}"
        + "".join(
            f"; {PersonStatus(status).english_label} {n}" for status, n in held["by_status"].items()
        )
    )
    regions = Table(title="Events by region")
    regions.add_column("Region")
    regions.add_column("Country")
    regions.add_column("Events", justify="right")
    for row in events["by_region"]:
        regions.add_row(row["region"], row["country"], str(row["events"]))
    console.print(regions)
