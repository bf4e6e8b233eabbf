"""Generated reports: a periodic update or a briefing paper for one country and period,
as Markdown, HTML, PDF or Word. The CLI (``civicwatch report``) and the web page
(``/reports/``) both call :func:`make_report` / :func:`write_report`.

Only records at the report's level or lower appear (default internal): the level is the
clearance every row is read with (:mod:`civicwatch.services.access`).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from civicwatch.core.vocab import Sensitivity
from civicwatch.errors import InvalidValueError
from civicwatch.reports.compose import date_words
from civicwatch.reports.model import Figure
from civicwatch.reports.render import ReportFormat, render

__all__ = ["ReportFormat", "ReportKind", "ReportRequest", "make_report", "write_report"]


class ReportKind(StrEnum):
    UPDATE = "update"
    BRIEFING = "briefing"


@dataclass(frozen=True)
class ReportRequest:
    kind: ReportKind
    country: str
    date_from: date
    date_to: date
    format: ReportFormat
    level: Sensitivity = Sensitivity.INTERNAL
    template_dir: Path | None = None

    @property
    def filename(self) -> str:
        return (
            f"{self.country.lower()}-{self.kind.value}-{self.date_from.isoformat()}"
            f"-{self.date_to.isoformat()}.{self.format.value}"
        )


def _chart(request: ReportRequest) -> Figure | None:
    """The statistics area's monthly events chart for the period, at the report's level
    (SVG for HTML and PDF, PNG for Word); None while that module is not installed."""
    try:
        from civicwatch.reports.charts import monthly_events_chart
        from civicwatch.reports.statistics import statistics
    except ImportError:
        return None
    stats = statistics(
        request.level,
        country=request.country,
        date_from=request.date_from,
        date_to=request.date_to,
    )
    if not stats.months:
        return None
    title = "Events by month and type"
    return Figure(
        caption=f"{title}, {date_words(request.date_from, 'day')}"
        f" to {date_words(request.date_to, 'day')} (records at the {request.level.value} level"
        " or lower)",
        svg=monthly_events_chart(stats, "svg", title=title).decode("utf-8"),
        png=monthly_events_chart(stats, "png", title=title),
    )


def make_report(request: ReportRequest) -> bytes:
    """The report's bytes in the asked format (nothing is written)."""
    from civicwatch.reports.briefing import build_briefing
    from civicwatch.reports.compose import gather
    from civicwatch.reports.update import build_update
    from civicwatch.services.events import country_name

    if request.template_dir is not None and not request.template_dir.is_dir():
        raise InvalidValueError(f"--template-dir {request.template_dir} is not a folder")
    period = gather(request.country, request.date_from, request.date_to, request.level)
    name = country_name(period.country)
    if request.kind is ReportKind.UPDATE:
        report = build_update(period, name)
    else:
        chart = _chart(request) if request.format is not ReportFormat.MD else None
        report = build_briefing(period, name, chart)
    return render(report, request.format, request.template_dir)


def write_report(request: ReportRequest, out: Path) -> Path:
    """Write the report to ``out`` whole or not at all (a temporary file in the same folder,
    renamed at the end)."""
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise InvalidValueError(f"--out {out} is a folder; give a file name")
    if not folder.is_dir():
        raise InvalidValueError(f"--out {out}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise InvalidValueError(f"--out {out}: folder {folder} is not writable")
    data = make_report(request)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise InvalidValueError(f"--out {out}: cannot write there ({error.strerror})") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private; give it the mode a new file would have
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, out)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidValueError(f"--out {out}: cannot write ({error.strerror})") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out
