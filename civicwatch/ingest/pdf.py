"""PDF files through pypdf: the text layer of every page, pages separated by a blank line.

PDFs without a text layer (scans) are reported, not silently stored empty: they need OCR,
which Civicwatch does not do. Truncated files are refused even when pypdf could patch them
together, because the result would silently lack the pages that were cut off.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader

from civicwatch.errors import IngestError, UnreadableFileError
from civicwatch.ingest.base import Extracted
from civicwatch.ingest.metadata import meaningful_title

READER = "pdf/1"
CORRUPT_MESSAGE = "not a readable PDF (file is corrupt or truncated)"

# pypdf logs every repaired oddity as a warning; they are noise to a monitor.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(data: bytes) -> Extracted:
    """A PDF's page texts joined by blank lines, titled by its metadata when meaningful."""
    if b"%PDF-" not in data[:1024]:
        raise UnreadableFileError(f"{CORRUPT_MESSAGE}: it does not start like a PDF file")
    if b"%%EOF" not in data.rstrip(b"\x00\t\n\r\f ")[-4096:]:
        raise UnreadableFileError(
            f"{CORRUPT_MESSAGE}: the end of the file is missing, so it was probably cut "
            "off while downloading or copying"
        )
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _unlock(reader)
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata = reader.metadata
        title = meaningful_title(str(metadata.title)) if metadata and metadata.title else None
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types for damaged files
        raise UnreadableFileError(CORRUPT_MESSAGE) from exc
    return Extracted(text="\n\n".join(pages), media_type="application/pdf", title=title)


def _unlock(reader: PdfReader) -> None:
    """Open a PDF that is encrypted with an empty user password (print/copy restrictions)."""
    message = (
        "the PDF is password-protected; open it with its password and save or print an "
        "unprotected copy, then add that"
    )
    try:
        unlocked = reader.decrypt("")
    except Exception as exc:  # unsupported algorithm, or the cryptography package missing
        raise UnreadableFileError(
            "the PDF is encrypted in a way that could not be opened; save or print an "
            "unprotected copy, then add that"
        ) from exc
    if not unlocked:
        raise UnreadableFileError(message)
