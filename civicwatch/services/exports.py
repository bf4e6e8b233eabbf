"""Exports and imports, for the CLI, the web app and tests (the one library API).

``level`` is the clearance the export is made at: nothing more sensitive is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from civicwatch.core.vocab import Sensitivity
from civicwatch.errors import InvalidValueError
from civicwatch.exports.files import write_text_atomically
from civicwatch.exports.scope import Scope, parse_level

__all__ = [
    "FORMATS",
    "STREAM_FORMATS",
    "ExportFormat",
    "export_chunks",
    "export_to_path",
    "import_csv",
    "import_json",
    "parse_format",
    "parse_level",
]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    media_type: str
    suffix: str


FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat(
        "json", "Full JSON with provenance (re-importable)", "application/json", ".json"
    ),
    "csv": ExportFormat(
        "csv",
        "CSV files with labels (persons, events, charges, outcomes, sources), zipped",
        "application/zip",
        ".zip",
    ),
    "ftm": ExportFormat(
        "ftm",
        "FollowTheMoney entities (JSON lines, for Aleph and ftm tools)",
        "application/x-ndjson",
        ".ftm.json",
    ),
    "acled": ExportFormat(
        "acled", "ACLED-style CSV of assembly-related events", "text/csv", ".acled.csv"
    ),
    "prisoners": ExportFormat(
        "prisoners",
        "Political-prisoner list (CSV, or PDF when the path ends in .pdf)",
        "text/csv",
        ".prisoners.csv",
    ),
}
#: Formats that are one stream of text (stdout, a single file, a streamed download).
STREAM_FORMATS = ("json", "ftm", "acled", "prisoners")


def parse_format(value: str) -> ExportFormat:
    try:
        return FORMATS[value.strip().lower()]
    except KeyError:
        raise InvalidValueError(
            f"unknown export format {value!r}; use one of: {', '.join(FORMATS)}"
        ) from None


def export_chunks(fmt: str, level: str | Sensitivity | None = None) -> Iterator[str]:
    """A one-stream export as text chunks, read lazily from the database."""
    name = parse_format(fmt).name
    scope = Scope(parse_level(level))
    if name == "json":
        from civicwatch.exports.json_export import json_chunks

        return json_chunks(scope)
    if name == "ftm":
        from civicwatch.exports.ftm import ftm_lines

        return ftm_lines(scope)
    if name == "acled":
        from civicwatch.exports.acled import acled_rows

        return acled_rows(scope)
    if name == "prisoners":
        from civicwatch.exports.prisoners import prisoner_rows

        return prisoner_rows(scope)
    raise InvalidValueError(f"the {name} export is a set of files: give a path to write it to")


def export_to_path(fmt: str, path: Path | str, level: str | Sensitivity | None = None) -> Path:
    """Write an export to ``path`` (a CSV export: a folder, or a zip when the path ends in
    .zip; the prisoner list: a PDF when it ends in .pdf); nothing is left at ``path`` when
    it fails."""
    name = parse_format(fmt).name
    level = parse_level(level)
    if name == "csv":
        from civicwatch.exports.csv_export import write_csv

        return write_csv(Scope(level), Path(path))
    if name == "prisoners" and Path(path).suffix.lower() == ".pdf":
        from civicwatch.exports.files import write_bytes_atomically
        from civicwatch.exports.prisoners import prisoner_pdf

        return write_bytes_atomically(Path(path), prisoner_pdf(Scope(level)))
    return write_text_atomically(Path(path), export_chunks(name, level))


def import_json(path: Path | str, *, dry_run: bool = False) -> Any:
    from civicwatch.exports.imports import import_json as run

    return run(path, dry_run=dry_run)


def import_csv(
    kind: str,
    path: Path | str,
    *,
    dry_run: bool = False,
    valid_only: bool = False,
    sensitivity: str | Sensitivity | None = None,
    user: Any = None,
) -> Any:
    from civicwatch.exports.csv_import import import_csv as run

    return run(
        kind,
        Path(path),
        dry_run=dry_run,
        valid_only=valid_only,
        sensitivity=parse_level(sensitivity),
        user=user,
    )
