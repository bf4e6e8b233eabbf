"""The extractor's version: a hash of the code and data files that make its output.

Provenance must say exactly what made a claim. A hand-kept version number drifts (a changed
word list or pattern rarely bumps it), so the version is derived from the bytes of every
file under ``civicwatch/extract/`` and of the ``core`` modules the extractor reads. Two
installations with the same version make the same claims from the same text.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from civicwatch import __version__

__all__ = ["extractor_version", "source_files"]

_PACKAGE = Path(__file__).resolve().parent.parent
# The core modules extraction depends on (matching and other core modules do not count).
_CORE_MODULES = (
    "dates.py",
    "names.py",
    "provisions.py",
    "provisions_catalogue.py",
    "records.py",
    "vocab.py",
)
_SOURCE_SUFFIXES = frozenset({".py", ".txt", ".tsv", ".json", ".csv"})


def source_files() -> list[Path]:
    """The files whose bytes define the extractor, in a stable order."""
    files = [
        path
        # core/data holds the code catalogues and country cues that extraction reads
        for folder in (_PACKAGE / "extract", _PACKAGE / "core" / "data")
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in _SOURCE_SUFFIXES and "__pycache__" not in path.parts
    ]
    files += [_PACKAGE / "core" / name for name in _CORE_MODULES]
    return sorted(files, key=lambda path: path.relative_to(_PACKAGE).as_posix())


@cache
def extractor_version() -> str:
    """``<package version>+<first 12 hex digits of the sources' SHA-256>``."""
    digest = hashlib.sha256()
    for path in source_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return f"{__version__}+{digest.hexdigest()[:12]}"
