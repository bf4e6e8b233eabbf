"""Writing an export to a path without ever leaving half a file: into a temporary name in
the same folder, renamed over the target when complete."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from civicwatch.errors import InvalidValueError


class OutputPathError(InvalidValueError):
    """The export cannot be written where asked."""


def check_writable(path: Path) -> None:
    folder = path.parent if path.parent != Path("") else Path(".")
    if not folder.is_dir():
        raise OutputPathError(f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputPathError(f"cannot write {path}: folder {folder} is not writable")
    if path.is_dir():
        raise OutputPathError(f"cannot write {path}: it is a folder")


def temporary_beside(path: Path, suffix: str = "") -> Path:
    handle, name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=suffix + ".part", dir=path.parent
    )
    os.close(handle)
    return Path(name)


def write_text_atomically(path: Path, chunks: Iterable[str]) -> Path:
    """Write ``chunks`` to ``path`` (streamed; nothing at ``path`` unless all went well)."""
    path = Path(path)
    check_writable(path)
    temporary = temporary_beside(path)
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def write_bytes_atomically(path: Path, data: bytes) -> Path:
    path = Path(path)
    check_writable(path)
    temporary = temporary_beside(path)
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
