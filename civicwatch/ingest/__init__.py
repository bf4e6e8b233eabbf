"""Turn report files into plain text with stable character offsets.

One reader per format (``text``, ``html``, ``pdf``, ``docx``) extracts the text; every
reader's output then goes through the same :func:`~civicwatch.ingest.normalise.normalise`,
and the title, publication date and language fall back to what the text itself says
(:mod:`civicwatch.ingest.metadata`). The same bytes always give exactly the same text:
extraction and review store character offsets into it.

This layer is pure: no Django, no database. Every failure is one of the
:class:`~civicwatch.errors.IngestError` subclasses with a message a monitor can act on;
the caller names the file.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from civicwatch.core.languages import guess_language
from civicwatch.errors import (
    EmptyTextError,
    FileTooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from civicwatch.ingest import docx, html, pdf, text
from civicwatch.ingest.base import Extracted
from civicwatch.ingest.metadata import (
    clean_title,
    find_publication_date,
    find_title,
)
from civicwatch.ingest.normalise import NORMALISATION_VERSION, normalise
from civicwatch.ingest.provenance import find_publisher

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READER_VERSION",
    "SUPPORTED_SUFFIXES",
    "ReadResult",
    "iter_files",
    "read_bytes",
    "read_path",
]

# Bump when any reader changes the text it produces (offsets into stored text change).
_INGEST_VERSION = 1
READER_VERSION = f"ingest/{_INGEST_VERSION}+norm/{NORMALISATION_VERSION}"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_READERS: dict[str, tuple[Callable[[bytes], Extracted], str]] = {
    ".txt": (text.read_text, text.READER),
    ".md": (text.read_markdown, text.READER),
    ".markdown": (text.read_markdown, text.READER),
    ".html": (html.read_html, html.READER),
    ".htm": (html.read_html, html.READER),
    ".pdf": (pdf.read_pdf, pdf.READER),
    ".docx": (docx.read_docx, docx.READER),
}
SUPPORTED_SUFFIXES = frozenset(_READERS)

_EMPTY_MESSAGES = {
    "application/pdf": (
        "the PDF has no text layer (it is probably a scanned image); run it through text "
        "recognition (OCR) and add the result"
    ),
    "text/html": "the page has no visible text",
}
# Office formats yielded from folders although unreadable, so that the user hears of them.
_OFFICE_SUFFIXES = frozenset(
    {".doc", ".docm", ".dot", ".dotx", ".rtf", ".odt", ".pages", ".wpd",
     ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp"}
)  # fmt: skip
_WALKED_SUFFIXES = SUPPORTED_SUFFIXES | _OFFICE_SUFFIXES
_SAVE_AS = {
    ".doc": ".docx",
    ".rtf": ".docx",
    ".odt": ".docx",
    ".pages": ".docx",
}


@dataclass(frozen=True)
class ReadResult:
    """The text of one file and what the file says about itself."""

    text: str  # normalised plain text: offsets into it are stable
    title: str | None  # from the file where it says it
    published: datetime.date | None  # only when the day is known
    language: str | None  # ISO 639-1 guess ("en", "ru", "kk") or None
    media_type: str
    reader: str  # reader and normalisation version, e.g. "pdf/1+norm/1"
    publisher: str | None = None  # who the file says published it (provenance.py)


def read_bytes(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read the bytes of a file; ``filename`` (its suffix) chooses the reader."""
    read, reader = _reader_for(filename)
    _check_size(len(data), max_bytes)
    if not data:
        raise EmptyTextError("the file is empty (0 bytes)")
    extracted = read(data)
    body = normalise(extracted.text)
    if not body.strip():
        raise EmptyTextError(_EMPTY_MESSAGES.get(extracted.media_type, "the file contains no text"))
    return ReadResult(
        text=body,
        title=clean_title(extracted.title) or find_title(body),
        published=extracted.published or find_publication_date(body),
        language=extracted.language or guess_language(body),
        media_type=extracted.media_type,
        reader=f"{reader}+norm/{NORMALISATION_VERSION}",
        publisher=find_publisher(data, extracted.media_type, body),
    )


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read a file from disk, refusing unsupported or oversized files before reading."""
    path = Path(path)
    return read_bytes(load_bytes(path, max_bytes=max_bytes), path.name, max_bytes=max_bytes)


def load_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a supported file, refusing an oversized one before reading it.

    Callers that need the original bytes (to hash and keep them) use this, then
    :func:`read_bytes`; the type and size checks and the read errors are the same.
    """
    path = Path(path)
    _reader_for(path.name)
    try:
        if path.is_dir():
            raise UnreadableFileError("this is a folder, not a file")
        _check_size(path.stat().st_size, max_bytes)
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # never more than the limit, even if it grew
    except FileNotFoundError:
        raise UnreadableFileError("the file does not exist") from None
    except PermissionError:
        raise UnreadableFileError("no permission to read the file") from None
    except OSError as exc:
        raise UnreadableFileError(f"the file could not be read ({exc.strerror})") from None
    return data


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to ingest from files and folders given by a user.

    Files named directly are yielded as given, even unsupported or missing ones, so the
    caller can report them. Folders are walked recursively, entries in sorted name order
    (files and subfolders interleaved, depth first), yielding the supported files plus
    office documents Civicwatch cannot read (.doc, .xlsx, .odt ...): a report saved in an
    old format is then reported as unreadable instead of silently missing, while data
    files, images and the like in the folder are ignored. Hidden entries (".git",
    ".DS_Store") and Word's "~$" lock files are skipped, and symbolic links to folders
    are not followed (no loops).
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        raise UnreadableFileError(
            f"the folder {folder} could not be listed ({exc.strerror})"
        ) from None
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry)
        elif entry.is_file() and entry.suffix.lower() in _WALKED_SUFFIXES:
            yield entry


def _reader_for(filename: str) -> tuple[Callable[[bytes], Extracted], str]:
    suffix = PurePath(filename).suffix.lower()
    if suffix in _READERS:
        return _READERS[suffix]
    supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
    if not suffix:
        raise UnsupportedFormatError(
            f"the file name has no extension, so its type is unknown (supported: {supported})"
        )
    hint = ""
    if suffix in _SAVE_AS:
        hint = f"; open it in Word or LibreOffice and save it as {_SAVE_AS[suffix]}"
    raise UnsupportedFormatError(
        f"files of type {suffix} are not supported (supported: {supported}){hint}"
    )


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise FileTooLargeError(
            f"the file is {_megabytes(size)}, larger than the limit of {_megabytes(max_bytes)}"
        )


def _megabytes(size: int) -> str:
    """Sizes in MB for people; tiny limits (tests, odd settings) also show bytes."""
    text = f"{size / (1024 * 1024):.1f} MB"
    return text if size >= 100 * 1024 else f"{text} ({size} bytes)"
