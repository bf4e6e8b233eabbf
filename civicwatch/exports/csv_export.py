"""CSV files with resolved labels: persons, events, charges, outcomes and sources (the
documents), written into a folder or a zip file, row by row."""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from civicwatch.exports.files import OutputPathError, check_writable, temporary_beside
from civicwatch.exports.scope import Scope
from civicwatch.exports.tables import TABLES


def csv_text(columns: list[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A CSV file as text chunks: the header, then one line per row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _write_tables(scope: Scope, open_file: Callable[[str], Any]) -> None:
    for name, (columns, rows) in TABLES.items():
        with open_file(f"{name}.csv") as handle:
            for chunk in csv_text(columns, rows(scope)):
                handle.write(chunk.encode("utf-8"))


def write_csv(scope: Scope, path: Path) -> Path:
    """``path`` ending in .zip: one zip file; otherwise a folder (created, or an empty one)."""
    if path.suffix.lower() == ".zip":
        check_writable(path)
        temporary = temporary_beside(path)
        try:
            with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                _write_tables(scope, lambda name: archive.open(name, "w"))
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return path
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise OutputPathError(f"cannot write CSV files into {path}: it is not an empty folder")
    check_writable(path)
    temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        _write_tables(scope, lambda name: open(temporary / name, "wb"))  # noqa: SIM115
        if path.exists():
            path.rmdir()
        os.replace(temporary, path)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return path
