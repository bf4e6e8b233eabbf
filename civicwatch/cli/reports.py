"""``civicwatch report``: a periodic update or briefing paper drafted from the records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from civicwatch.cli.bootstrap import setup_django
from civicwatch.cli.options import iso_day
from civicwatch.errors import CivicwatchError


@click.command("report")
@click.option(
    "--kind", type=click.Choice(["update", "briefing"]), required=True, help="What to draft."
)
@click.option("--country", required=True, metavar="CODE", help="ISO 3166 code, e.g. KZ.")
@click.option("--from", "date_from", required=True, callback=iso_day, metavar="YYYY-MM-DD")
@click.option("--to", "date_to", required=True, callback=iso_day, metavar="YYYY-MM-DD")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf", "docx"]), required=True)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="The file to write.")
@click.option(
    "--level",
    type=click.Choice(["public", "internal", "confidential"]),
    default="internal",
    show_default=True,
    help="Only records at this sensitivity or lower appear.",
)
@click.option(
    "--template-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="A folder of your own templates (report.md.j2, report.html.j2, report.css.j2, "
    "reference.docx); names not found there come from the shipped ones.",
)
def report(
    kind: str,
    country: str,
    date_from: date,
    date_to: date,
    fmt: str,
    out: Path,
    level: str,
    template_dir: Path | None,
) -> None:
    """Draft a periodic update (events by freedom and theme, one sourced paragraph per
    case) or a briefing paper (key figures, thematic chapters, individual cases of
    concern, recommendations to write) for one country and period. Every paragraph ends
    with notes to its source documents. The file is written whole or not at all.

    \b
    Example:
        civicwatch report --kind update --country KZ --from 2024-01-01 \
            --to 2024-06-30 --format docx --out kz-update.docx
    """
    setup_django()
    from civicwatch.core.vocab import Sensitivity
    from civicwatch.services.reports import ReportFormat, ReportKind, ReportRequest, write_report

    request = ReportRequest(
        kind=ReportKind(kind),
        country=country,
        date_from=date_from,
        date_to=date_to,
        format=ReportFormat(fmt),
        level=Sensitivity(level),
        template_dir=template_dir,
    )
    try:
        written = write_report(request, out)
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {written} ({kind}, {country.upper()}, {date_from} to {date_to}, {level})")
